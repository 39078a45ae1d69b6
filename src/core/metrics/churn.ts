import { retentionCounts } from "./retention-counts";

/**
 * Customer churn rate: the share of the customers at the start of a period who left.
 *
 * churn = (S − (E − N)) / S = 1 − CRR, the complement of retentionRate.
 *
 * @example
 * churn(100, 110, 20) // => 0.1
 */
export function churn(startCustomers: unknown, endCustomers: unknown, newCustomers: unknown): number {
  const { start, retained } = retentionCounts(startCustomers, endCustomers, newCustomers, "churn");
  return (start - retained) / start;
}
