/**
 * The functions core takes from mathjs's number-only build (see mathjs.ts). Declared
 * here because the test compiler resolves modules the node10 way and cannot see the
 * package's "exports" map; webpack and tsc resolve the same path to the real file.
 */
declare module "mathjs/number" {
  export function lgamma(x: number): number;
  export function erf(x: number): number;
}
