import { asNumber, Cell, describeCell, isBlankOrZero, isEmptyCell } from "../cells";
import { valueError } from "../errors";
import { idKey } from "../ids";
import { sameLength } from "../validate";

/**
 * Historic customer lifetime value: the total each customer has spent so far, highest
 * first (seed 001: orders of 100, 200 and 300 → 600).
 *
 * Returns a header row ("Customer", "Total") and one row per customer, sorted by total
 * descending; customers with equal totals keep the order in which they first appear.
 * Rules: a row whose id and amount are both blank (null, "" or 0) is skipped; a blank
 * amount beside an id counts as 0; a first row whose amount is text is a header and is
 * skipped; an amount beside a blank id, or an amount that is not a number, is an error
 * naming the row. Ids match as text, trimmed and case-insensitive; the first spelling
 * seen is shown. Refunds (negative amounts) are summed as given.
 *
 * @example
 * historicClv(["a", "b", "a", "a"], [100, 50, 200, 300]) // => [["Customer", "Total"], ["a", 600], ["b", 50]]
 */
export function historicClv(customerIds: Cell[], amounts: Cell[]): (string | number)[][] {
  const fn = "historicClv";
  sameLength(customerIds, amounts, "customer_ids", "amounts", fn);
  const totals = new Map<string, { id: string | number; total: number; first: number }>();
  customerIds.forEach((id, i) => {
    const amountCell = amounts[i];
    if (isBlankOrZero(id) && isBlankOrZero(amountCell)) return;
    const amount = isEmptyCell(amountCell) ? 0 : asNumber(amountCell);
    if (amount === undefined) {
      if (i === 0 && typeof amountCell === "string") return; // a header row
      throw valueError(`${fn} requires amounts to be numbers (row ${i + 1}: ${describeCell(amountCell)})`);
    }
    if (isBlankOrZero(id)) throw valueError(`${fn} requires a customer id beside every amount (row ${i + 1} has none)`);
    const key = idKey(id);
    const entry = totals.get(key);
    if (entry) entry.total += amount;
    else totals.set(key, { id: typeof id === "number" ? id : String(id).trim(), total: amount, first: i });
  });
  if (totals.size === 0) throw valueError(`${fn} requires at least one customer id with an amount`);
  const rows = [...totals.values()].sort((a, b) => b.total - a.total || a.first - b.first);
  return [["Customer", "Total"], ...rows.map((r) => [r.id, r.total])];
}
