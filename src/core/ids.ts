/**
 * Customer and order ids as cells hold them. An id may be text or a number; the same
 * customer typed as 123 in one range and "123" in another is one customer, and text ids
 * match as Excel's MATCH and COUNTIF do: trimmed and case-insensitive.
 */
import { Cell } from "./cells";

/** The key two cells share when they name the same id. */
export function idKey(cell: Cell): string {
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell ?? "").trim().toLowerCase();
}
