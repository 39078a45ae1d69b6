import { Cell } from "../cells";
import { countIds } from "../count-ids";
import { divZeroError } from "../errors";

/**
 * Purchase frequency: orders per customer, the number of rows divided by the number of
 * distinct customers (seed 002). Blank cells (null, "" or 0) are skipped.
 *
 * frequency = rows / distinct customers
 *
 * @example
 * purchaseFrequency(["a", "b", "a", "c", "c", "c"]) // => 2
 */
export function purchaseFrequency(customerIds: Cell[]): number {
  const { rows, perId } = countIds(customerIds);
  if (perId.size === 0) throw divZeroError("purchaseFrequency requires at least one customer id");
  return rows / perId.size;
}
