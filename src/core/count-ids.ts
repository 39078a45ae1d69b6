import { Cell, isBlankOrZero } from "./cells";
import { idKey } from "./ids";

/**
 * Rows per distinct id in a list of id cells. Blank cells (null, "" or 0) are skipped,
 * since desktop Excel passes a blank cell as 0 and whole-column references hold many.
 */
export function countIds(ids: Cell[]): { rows: number; perId: Map<string, number> } {
  const perId = new Map<string, number>();
  let rows = 0;
  for (const cell of ids) {
    if (isBlankOrZero(cell)) continue;
    rows++;
    const key = idKey(cell);
    perId.set(key, (perId.get(key) ?? 0) + 1);
  }
  return { rows, perId };
}
