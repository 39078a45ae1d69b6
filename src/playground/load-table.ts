/**
 * Puts a table of text (a CSV file's rows) into a new sheet, reading each field as Excel
 * does when it opens a CSV (see cell-input.ts): numbers, percentages and unambiguous
 * dates become numbers with their format, the rest stays text, nothing becomes a formula.
 */
import { parseCsv } from "./csv";
import { parseDataText, type CellScalar } from "./cell-input";
import type { Workbook } from "./workbook";

export interface LoadTableOptions {
  /** replaces the first row's header texts */
  headers?: string[];
}

/** Adds a sheet named after `name` (made unique) holding the CSV; returns its id. */
export function loadTable(wb: Workbook, name: string, csv: string, options: LoadTableOptions = {}): number {
  const rows = parseCsv(csv);
  if (rows.length === 0) throw new Error(`${name} is empty`);
  if (options.headers) rows[0] = options.headers.slice();
  return wb.change(() => {
    const id = wb.addSheet(wb.uniqueSheetName(name));
    const width = Math.max(...rows.map((r) => r.length));
    const values: CellScalar[][] = [];
    const formats = new Map<string, string>();
    rows.forEach((row, r) => {
      const out: CellScalar[] = [];
      for (let c = 0; c < width; c++) {
        const parsed = parseDataText(row[c] ?? "");
        out.push(parsed.value);
        if (parsed.format) formats.set(`${r}:${c}`, parsed.format);
      }
      values.push(out);
    });
    wb.setValues(id, 0, 0, values);
    for (const [k, f] of formats) {
      const [r, c] = k.split(":").map(Number);
      wb.setFormat(id, { row: r, column: c, rowCount: 1, columnCount: 1 }, f);
    }
    wb.setStyle(id, { row: 0, column: 0, rowCount: 1, columnCount: width }, { bold: true });
    return id;
  });
}
