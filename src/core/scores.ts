import { asNumber, Cell, describeCell, isEmptyCell } from "./cells";
import { divZeroError, numError, valueError } from "./errors";

/**
 * Reads survey scores from a range: whole numbers from `min` to `max`. Empty cells
 * (null or "") are skipped; a 0 counts as a score, because a real 0 is possible and
 * desktop Excel cannot tell it from a blank cell (use a Table column to avoid blanks).
 * The first bad cell is named by its 1-based row (and column, for a wider range).
 */
export function readScores(range: Cell | Cell[] | Cell[][], min: number, max: number, fn: string): number[] {
  // A single cell (not a range) is a range of one.
  const list: Cell[] | Cell[][] = Array.isArray(range) ? range : [range];
  const rows: Cell[][] = list.length > 0 && Array.isArray(list[0]) ? (list as Cell[][]) : (list as Cell[]).map((c) => [c]);
  const wide = rows.some((row) => row.length > 1);
  const scores: number[] = [];
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isEmptyCell(cell)) return;
      const where = wide ? `row ${r + 1}, column ${c + 1}` : `row ${r + 1}`;
      const score = typeof cell === "boolean" ? undefined : asNumber(cell);
      if (score === undefined) throw valueError(`${fn} requires scores to be numbers (${where}: ${describeCell(cell)})`);
      if (!Number.isInteger(score) || score < min || score > max) {
        throw numError(`${fn} requires whole scores from ${min} to ${max} (${where}: ${score})`);
      }
      scores.push(score);
    }),
  );
  if (scores.length === 0) throw divZeroError(`${fn} requires at least one score`);
  return scores;
}
