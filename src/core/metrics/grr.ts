import { revenueParts } from "./revenue-parts";

/**
 * Gross revenue retention: the recurring revenue kept from the customers of the start
 * of a period, expansion left out, as a share of the start. Never above 1.
 *
 * GRR = (start − contraction − churned) / start (SaaS convention)
 *
 * @example
 * grr(10000, 500, 1000) // => 0.85
 */
export function grr(startRevenue: unknown, contraction: unknown, churnedRevenue: unknown): number {
  const { start, lost } = revenueParts(startRevenue, contraction, churnedRevenue, "grr");
  return (start - lost) / start;
}
