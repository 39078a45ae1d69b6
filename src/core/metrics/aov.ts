import { asNumber, Cell, describeCell, isBlankOrZero, isEmptyCell } from "../cells";
import { divZeroError, valueError } from "../errors";
import { idKey } from "../ids";
import { sameLength } from "../validate";

/**
 * Average order value: total revenue divided by the number of orders (seed 002).
 *
 * AOV = Σ amounts / rows, or Σ amounts / distinct order ids when order_ids is given
 * (for order lines: several rows of one order count once).
 *
 * Rules: without order ids, blank amounts (null, "" or 0, desktop Excel's blank) are
 * skipped, so a zero-value order is not counted; with order ids, a row is skipped when
 * both cells are blank, and an amount without an order id is an error naming the row.
 * Refunds (negative amounts) are summed as given.
 *
 * @example
 * aov([100, 200, 300]) // => 200
 * aov([40, 60, 200], ["o1", "o1", "o2"]) // => 150
 */
export function aov(amounts: Cell[], orderIds?: Cell[]): number {
  const fn = "aov";
  if (orderIds) sameLength(amounts, orderIds, "amounts", "order_ids", fn);
  let total = 0;
  let rows = 0;
  const orders = new Set<string>();
  amounts.forEach((cell, i) => {
    const order = orderIds?.[i];
    if (orderIds ? isBlankOrZero(cell) && isBlankOrZero(order) : isBlankOrZero(cell)) return;
    const amount = isEmptyCell(cell) ? 0 : asNumber(cell);
    if (amount === undefined || typeof cell === "boolean") {
      throw valueError(`${fn} requires amounts to be numbers (row ${i + 1}: ${describeCell(cell)})`);
    }
    if (orderIds) {
      if (isBlankOrZero(order)) throw valueError(`${fn} requires an order id beside every amount (row ${i + 1} has none)`);
      orders.add(idKey(order));
    }
    total += amount;
    rows++;
  });
  const count = orderIds ? orders.size : rows;
  if (count === 0) throw divZeroError(`${fn} requires at least one order`);
  return total / count;
}
