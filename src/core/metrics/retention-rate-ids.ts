import { Cell, isBlankOrZero } from "../cells";
import { divZeroError } from "../errors";
import { idKey } from "../ids";

/**
 * Retention measured on customer ids: the share of the distinct customers of the
 * first list who appear in the second.
 *
 * rate = |distinct(before) ∩ distinct(after)| / |distinct(before)|
 *
 * Blank cells (null, "", or 0, which is how desktop Excel passes a blank) are skipped
 * in both lists. Ids match as text, trimmed and case-insensitive, so 17 and "17" are
 * the same customer.
 *
 * @example
 * retentionRateIds(["a", "b", "c", "d"], ["b", "d", "e"]) // => 0.5
 */
export function retentionRateIds(idsBefore: Cell[], idsAfter: Cell[]): number {
  const before = new Set<string>();
  for (const cell of idsBefore) if (!isBlankOrZero(cell)) before.add(idKey(cell));
  if (before.size === 0) throw divZeroError("retentionRateIds requires at least one id in ids_before");
  const after = new Set<string>();
  for (const cell of idsAfter) if (!isBlankOrZero(cell)) after.add(idKey(cell));
  let kept = 0;
  for (const key of before) if (after.has(key)) kept++;
  return kept / before.size;
}
