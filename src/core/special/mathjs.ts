// The test compiler resolves modules the node10 way and cannot read mathjs's "exports"
// map, so the declarations of the two functions used come from this reference.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./mathjs-number.d.ts" />
/**
 * The only door to mathjs in core: its number-only build ("mathjs/number"), which
 * adds about 46 KB minified to the functions bundle where the full "mathjs" entry
 * adds 123 KB (measured with webpack 5 in production mode).
 */
export { erf, lgamma } from "mathjs/number";
