/**
 * A1-style addresses for the playground grid: column letters, cell and range text, and
 * sheet names quoted the way Excel writes them ('My sheet'!A1:B2). Rows and columns
 * are 0-based inside the playground and 1-based in the text, as in Excel.
 */
import { columnLetters, quoteSheetName } from "../taskpane/workbook-port";

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellAddress {
  row: number;
  col: number;
}

export interface RangeAddress {
  /** The sheet name when the text named one. */
  sheet?: string;
  start: CellAddress;
  end: CellAddress;
}

/** 0 → "A", 25 → "Z", 26 → "AA" (the pane's columnLetters). */
export const columnName = columnLetters;

/** "A" → 0, "AA" → 26; undefined for anything that is not column letters. */
export function columnIndex(name: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(name)) return undefined;
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1 < MAX_COLUMNS ? n - 1 : undefined;
}

export function cellName(address: CellAddress): string {
  return `${columnName(address.col)}${address.row + 1}`;
}

/** "A1:C10", "A1" for a single cell, with the sheet when given. */
export function rangeName(range: { start: CellAddress; end: CellAddress }, sheet?: string): string {
  const { top, left, bottom, right } = normalise(range);
  const a = cellName({ row: top, col: left });
  const b = cellName({ row: bottom, col: right });
  const body = a === b ? a : `${a}:${b}`;
  return sheet === undefined ? body : `${quoteSheetName(sheet)}!${body}`;
}

export function normalise(range: { start: CellAddress; end: CellAddress }): { top: number; left: number; bottom: number; right: number } {
  return {
    top: Math.min(range.start.row, range.end.row),
    bottom: Math.max(range.start.row, range.end.row),
    left: Math.min(range.start.col, range.end.col),
    right: Math.max(range.start.col, range.end.col),
  };
}

function parseCell(text: string): CellAddress | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(text);
  if (!m) return undefined;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (col === undefined || row < 0 || row >= MAX_ROWS) return undefined;
  return { row, col };
}

/**
 * Parses "B2", "A1:C10", "Sheet1!A1:C10", "'My data'!A:C" (whole columns) or "2:5"
 * (whole rows). Returns undefined for text that is not an address.
 */
export function parseRange(text: string): RangeAddress | undefined {
  let rest = text.trim();
  let sheet: string | undefined;
  const quoted = /^'((?:[^']|'')+)'!(.*)$/.exec(rest);
  const plain = /^([^'!:]+)!(.*)$/.exec(rest);
  if (quoted) {
    sheet = quoted[1].replace(/''/g, "'");
    rest = quoted[2];
  } else if (plain) {
    sheet = plain[1];
    rest = plain[2];
  }
  const parts = rest.split(":");
  if (parts.length > 2 || parts[0] === "") return undefined;
  const [a, b = parts[0]] = parts;
  const cellA = parseCell(a);
  const cellB = parseCell(b);
  if (cellA && cellB) return { sheet, start: cellA, end: cellB };
  const colA = columnIndex(a.replace(/\$/g, ""));
  const colB = columnIndex(b.replace(/\$/g, ""));
  if (parts.length === 2 && colA !== undefined && colB !== undefined) {
    return { sheet, start: { row: 0, col: colA }, end: { row: MAX_ROWS - 1, col: colB } };
  }
  const rowA = /^\$?[0-9]+$/.test(a) ? Number(a.replace("$", "")) - 1 : -1;
  const rowB = /^\$?[0-9]+$/.test(b) ? Number(b.replace("$", "")) - 1 : -1;
  if (parts.length === 2 && rowA >= 0 && rowB >= 0 && rowA < MAX_ROWS && rowB < MAX_ROWS) {
    return { sheet, start: { row: rowA, col: 0 }, end: { row: rowB, col: MAX_COLUMNS - 1 } };
  }
  return undefined;
}
