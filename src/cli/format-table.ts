/**
 * The table as CSV (header row first, one line per row, RFC 4180 quoting) or JSON
 * (an array of rows). Numbers print in JavaScript's shortest round-trip form and
 * blank cells as empty fields (CSV) or "" (JSON), as the Excel function spills them.
 */
import type { Table } from "../core/cohort";

export type Format = "csv" | "json";

function csvCell(cell: string | number): string {
  if (typeof cell === "number") return String(cell);
  return /[",\r\n]/.test(cell) || cell.trim() !== cell ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatTable(table: Table, format: Format): string {
  if (format === "json") return JSON.stringify(table) + "\n";
  let out = "";
  for (const row of table) out += row.map(csvCell).join(",") + "\n";
  return out;
}
