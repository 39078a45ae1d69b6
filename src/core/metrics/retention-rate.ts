import { retentionCounts } from "./retention-counts";

/**
 * Customer retention rate: the share of the customers at the start of a period who
 * are still customers at its end.
 *
 * CRR = (E − N) / S, where S is the count at the start, E at the end and N the new
 * customers won during the period (the seeds' first example; Reichheld & Sasser 1990).
 *
 * @param startCustomers customers at the start of the period (> 0)
 * @param endCustomers customers at the end of the period (≥ 0)
 * @param newCustomers customers acquired during the period (0 ≤ N ≤ E, and E − N ≤ S)
 * @returns a share between 0 and 1
 * @example
 * retentionRate(100, 110, 20) // => 0.9
 */
export function retentionRate(startCustomers: unknown, endCustomers: unknown, newCustomers: unknown): number {
  const { start, retained } = retentionCounts(startCustomers, endCustomers, newCustomers, "retentionRate");
  return retained / start;
}
