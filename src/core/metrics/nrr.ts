import { nonNegativeArg } from "../validate";
import { revenueParts } from "./revenue-parts";

/**
 * Net revenue retention (net dollar retention): the recurring revenue kept from the
 * customers of the start of a period, expansion included, as a share of the start.
 *
 * NRR = (start + expansion − contraction − churned) / start (SaaS convention; can exceed 1)
 *
 * @example
 * nrr(10000, 2000, 500, 1000) // => 1.05
 */
export function nrr(startRevenue: unknown, expansion: unknown, contraction: unknown, churnedRevenue: unknown): number {
  const { start, lost } = revenueParts(startRevenue, contraction, churnedRevenue, "nrr");
  const up = nonNegativeArg(expansion, "expansion", "nrr");
  return (start + up - lost) / start;
}
