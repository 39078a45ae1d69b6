import { revenueParts } from "./revenue-parts";

/**
 * Gross revenue churn rate: the share of the recurring revenue at the start of a period
 * lost to downgrades and cancellations during it.
 *
 * revenue churn = (contraction + churned) / start (seed 003)
 *
 * @example
 * revenueChurn(10000, 500, 1000) // => 0.15
 */
export function revenueChurn(startRevenue: unknown, contraction: unknown, churnedRevenue: unknown): number {
  const { start, lost } = revenueParts(startRevenue, contraction, churnedRevenue, "revenueChurn");
  return lost / start;
}
