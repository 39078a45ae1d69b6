import { Cell } from "../cells";
import { countIds } from "../count-ids";
import { divZeroError } from "../errors";

/**
 * Repeat purchase rate: the share of distinct customers who appear in two or more rows
 * (seeds 002/003). Blank cells (null, "" or 0) are skipped.
 *
 * repeat rate = customers with ≥ 2 orders / customers
 *
 * @example
 * repeatRate(["a", "b", "a", "c", "c", "c"]) // => 0.6666666666666666
 */
export function repeatRate(customerIds: Cell[]): number {
  const { perId } = countIds(customerIds);
  if (perId.size === 0) throw divZeroError("repeatRate requires at least one customer id");
  let repeaters = 0;
  for (const n of perId.values()) if (n >= 2) repeaters++;
  return repeaters / perId.size;
}
