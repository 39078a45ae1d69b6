import { numError } from "../errors";
import { nonNegativeArg, positiveArg } from "../validate";

/**
 * Validates the start/end/new counts shared by retentionRate and churn and returns
 * the customers at the start and the customers retained (E − N).
 */
export function retentionCounts(
  startCustomers: unknown,
  endCustomers: unknown,
  newCustomers: unknown,
  fn: string,
): { start: number; retained: number } {
  const start = positiveArg(startCustomers, "start_customers", fn);
  const end = nonNegativeArg(endCustomers, "end_customers", fn);
  const added = nonNegativeArg(newCustomers, "new_customers", fn);
  if (added > end) throw numError(`${fn} requires new_customers (${added}) to be no more than end_customers (${end})`);
  const retained = end - added;
  if (retained > start) {
    throw numError(`${fn} requires end_customers − new_customers (${retained}) to be no more than start_customers (${start})`);
  }
  return { start, retained };
}
