/**
 * Cell values as hosts pass them: Excel sends numbers, strings, booleans, and
 * blank cells as 0 (desktop), null or "" (web and elsewhere). These helpers
 * flatten ranges and classify cells; they never coerce silently.
 */
import { valueError } from "./errors";

export type Cell = number | string | boolean | null | undefined;
export type Range = Cell[][];

/** A cell that is blank on every host: null, undefined or a string of spaces. */
export function isEmptyCell(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * A cell that is blank where a real 0 is impossible (ids, amounts in an id/amount pair):
 * desktop Excel passes a blank cell as 0, so 0 counts as blank too.
 */
export function isBlankOrZero(cell: Cell): boolean {
  return isEmptyCell(cell) || cell === 0;
}

/**
 * Flattens a one-column (or one-row) range into a list, naming the argument when
 * the range is two-dimensional. A bare scalar counts as a one-cell range.
 */
export function column(range: Range | Cell, argument: string, fn: string): Cell[] {
  if (!Array.isArray(range)) return [range];
  if (range.length === 0) return [];
  const width = range[0].length;
  if (range.length === 1) return range[0].slice();
  if (width !== 1) {
    throw valueError(`${fn} requires ${argument} to be a single column or row`);
  }
  return range.map((row) => row[0]);
}

/** A finite number from a numeric cell or a numeric string; undefined otherwise. */
export function asNumber(cell: Cell): number | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "string") {
    const text = cell.trim();
    if (text === "") return undefined;
    const value = Number(text);
    return Number.isFinite(value) ? value : undefined;
  }
  return undefined;
}

/** A required finite number argument, or a #VALUE! error naming it (and `where` in a range, e.g. " (row 2, column 1)"). */
export function requireNumber(value: unknown, argument: string, fn: string, where = ""): number {
  const n = asNumber(value as Cell);
  if (n === undefined) throw valueError(`${fn} requires ${argument} to be a number${where}`);
  return n;
}

/** Text for a cell shown back to the user in a message, shortened. */
export function describeCell(cell: Cell): string {
  if (cell === null || cell === undefined) return "blank";
  const text = typeof cell === "string" ? `"${cell}"` : String(cell);
  return text.length > 40 ? text.slice(0, 37) + "…" : text;
}
