/**
 * .xlsx download and upload through exceljs (loaded on first use, in its own chunk).
 *
 * Download keeps what Excel can open: values, number formats, fills and fonts, column
 * widths and colour scales; formulas keep their text with the last result cached, except
 * spilled arrays, which go out as their values (exceljs writes no dynamic-array
 * metadata, so Excel would open such a formula as a one-cell legacy array). Charts stay
 * in the playground (exceljs cannot write charts).
 * Upload reads every sheet's values, formulas, number formats and dates into new sheets.
 */
import type ExcelJSModule from "exceljs";
import { DetailedCellError } from "hyperformula";
import type { CellScalar } from "./cell-input";
import { ErrorCode } from "./custom-functions-shim";
import { dateToSerial } from "./number-format";
import { addressKey } from "./retain-plugin";
import type { Workbook } from "./workbook";

type ExcelJS = typeof ExcelJSModule;

async function excelJs(): Promise<ExcelJS> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ "exceljs")) as unknown as { default?: ExcelJS } & ExcelJS;
  return mod.default ?? mod;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
const errorValues = new Set<string>(Object.values(ErrorCode));

/** The workbook as .xlsx bytes. */
export async function workbookToXlsx(wb: Workbook): Promise<ArrayBuffer> {
  const ExcelJS = await excelJs();
  const book = new ExcelJS.Workbook();
  book.creator = "Retain playground";
  const hf = wb.hf;
  for (const name of wb.sheetNames()) {
    const id = wb.sheetId(name);
    const ws = book.addWorksheet(name);
    const meta = wb.sheetMeta(id);
    const dims = wb.dimensions(id);
    for (const [col, width] of meta.columnWidths) ws.getColumn(col + 1).width = width / 5.25;
    for (let r = 0; r < dims.rows; r++) {
      for (let c = 0; c < dims.columns; c++) {
        const address = { sheet: id, row: r, col: c };
        const value = hf.getCellValue(address);
        const formula = hf.getCellFormula(address);
        const style = wb.style(id, r, c);
        const format = wb.format(id, r, c);
        if ((value === null || value === "") && !formula && !style) continue;
        const cell = ws.getCell(r + 1, c + 1);
        const plain = value instanceof DetailedCellError ? { error: value.value as never } : (value as CellScalar);
        const spilled = formula !== undefined && wb.spills.actual.has(addressKey(address)) && hf.isCellPartOfArray(address);
        if (formula && !spilled) cell.value = { formula: formula.slice(1), result: plain as never } as never;
        else if (value instanceof DetailedCellError) cell.value = errorValues.has(value.value) ? ({ error: value.value } as never) : value.value;
        else cell.value = plain as never;
        if (format) cell.numFmt = format;
        if (style?.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
        if (style?.bold || style?.italic || style?.color || style?.fontSize) {
          cell.font = { bold: style.bold, italic: style.italic, size: style.fontSize, ...(style.color ? { color: { argb: argb(style.color) } } : {}) };
        }
        if (style?.borderBottom) cell.border = { bottom: { style: "thin", color: { argb: argb(style.borderBottom) } } };
      }
    }
    for (const scale of meta.colourScales) {
      const { rect } = scale;
      const ref = `${ws.getCell(rect.row + 1, rect.column + 1).address}:${ws.getCell(rect.row + rect.rowCount, rect.column + rect.columnCount).address}`;
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "colorScale",
            priority: 1,
            cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }],
            color: [{ argb: argb(scale.min) }, { argb: argb(scale.mid) }, { argb: argb(scale.max) }],
          },
        ],
      });
    }
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

function cellContent(value: unknown): { content: CellScalar; formula?: string; date?: boolean } {
  if (value === null || value === undefined) return { content: null };
  if (value instanceof Date) {
    const serial = dateToSerial(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) + (value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds()) / 86400;
    return { content: serial, date: true };
  }
  if (typeof value === "object") {
    const v = value as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[]; text?: string; error?: string; hyperlink?: string };
    if (v.formula) return { content: null, formula: `=${v.formula}` };
    if (v.richText) return { content: v.richText.map((t) => t.text).join("") };
    if (v.error) return { content: v.error };
    if (v.text !== undefined) return { content: String(v.text) };
    if (v.result !== undefined) return cellContent(v.result);
    return { content: null };
  }
  return { content: value as CellScalar };
}

/** Adds every sheet of an .xlsx file as a new sheet; returns the new sheets' ids. */
export async function loadXlsx(wb: Workbook, data: ArrayBuffer): Promise<number[]> {
  const ExcelJS = await excelJs();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as never);
  const ids: number[] = [];
  wb.change(() => {
    // every sheet first, so that formulas referring to a later sheet find it
    const sheets: { id: number; ws: (typeof book.worksheets)[number] }[] = [];
    book.eachSheet((ws) => {
      const id = wb.addSheet(wb.uniqueSheetName(ws.name));
      ids.push(id);
      sheets.push({ id, ws });
    });
    const formulas: { id: number; row: number; col: number; formula: string }[] = [];
    for (const { id, ws } of sheets) {
      ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
          const r = rowNumber - 1;
          const c = colNumber - 1;
          const { content, formula, date } = cellContent(cell.value);
          if (formula) formulas.push({ id, row: r, col: c, formula });
          else if (content !== null) wb.setValues(id, r, c, [[content]]);
          const fmt = cell.numFmt || (date ? "yyyy-mm-dd" : undefined);
          if (fmt) wb.setFormat(id, { row: r, column: c, rowCount: 1, columnCount: 1 }, fmt);
          if (cell.font?.bold) wb.setStyle(id, { row: r, column: c, rowCount: 1, columnCount: 1 }, { bold: true });
        });
      });
    }
    // formulas last, so that they see the values they refer to
    for (const f of formulas) wb.setFormulas(f.id, f.row, f.col, [[f.formula]]);
  });
  return ids;
}
