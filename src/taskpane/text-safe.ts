/**
 * Writing strings so a spreadsheet keeps them as text. Excel reads a string that
 * starts with = + - or @ as a formula, and "2024-01", "007", "TRUE" or "50%" as a
 * date, number or boolean. Two guards, used together by the Office port:
 * - every string cell gets the text number format "@" before its value is written,
 *   which stops number and date parsing and keeps "=…" as text;
 * - a string that starts with = + - @ or ' gets a leading apostrophe, Excel's quote
 *   prefix: the cell shows the string exactly, and it stays text even where the "@"
 *   format is lost (pasted elsewhere, or a host that ignores it).
 */
import type { WriteValue } from "./workbook-port";

export const TEXT_FORMAT = "@";

/** Whether a string would be read as a formula (or lose a leading apostrophe). */
export function needsQuotePrefix(text: string): boolean {
  return /^[=+\-@']/.test(text) || /^[\t\r\n]/.test(text);
}

/** The string to send so that the cell shows `text` exactly. */
export function literalText(text: string): string {
  return needsQuotePrefix(text) ? `'${text}` : text;
}

/** A cell's number format for a block: "@" for non-empty strings, otherwise the given format. */
export function cellFormat(value: WriteValue | null | undefined, format: string | undefined): string {
  if (typeof value === "string" && value !== "") return TEXT_FORMAT;
  return format ?? "General";
}

/**
 * Values and a full number-format matrix for a block of cells: strings quoted where
 * needed and formatted as text; other cells get `formatOf(row, column)`.
 */
export function textSafeBlock(
  values: readonly (readonly (WriteValue | null | undefined)[])[],
  formatOf: (row: number, column: number) => string | undefined,
): { values: (string | number | boolean)[][]; numberFormat: string[][] } {
  const out: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    const v: (string | number | boolean)[] = new Array(row.length);
    const f: string[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      f[c] = cellFormat(cell, formatOf(r, c));
      v[c] = cell === null || cell === undefined ? "" : typeof cell === "string" ? literalText(cell) : cell;
    }
    out.push(v);
    formats.push(f);
  }
  return { values: out, numberFormat: formats };
}
