import { numError } from "../errors";
import { nonNegativeArg, positiveArg } from "../validate";

/**
 * Validates the revenue movements of one period shared by revenueChurn, nrr and grr:
 * the recurring revenue at the start (> 0) and the lost parts (≥ 0), which together
 * cannot exceed what there was at the start.
 */
export function revenueParts(
  startRevenue: unknown,
  contraction: unknown,
  churnedRevenue: unknown,
  fn: string,
): { start: number; lost: number } {
  const start = positiveArg(startRevenue, "start_revenue", fn);
  const down = nonNegativeArg(contraction, "contraction", fn);
  const churned = nonNegativeArg(churnedRevenue, "churned_revenue", fn);
  if (down + churned > start) {
    throw numError(`${fn} requires contraction + churned_revenue (${down + churned}) to be no more than start_revenue (${start})`);
  }
  return { start, lost: down + churned };
}
