/**
 * A small read-mostly API on window.retainPlayground for the browser tests (and for
 * curious users in the console): values as the engine holds them, the text a cell
 * shows, formulas, sheets and the selection. The tests drive the page through the UI;
 * they read results here so that they never depend on what is scrolled into view.
 */
import { DetailedCellError } from "hyperformula";
import { parseRange } from "./address";
import type { Grid } from "./grid";
import type { PlaygroundWorkbook } from "./playground-workbook";
import type { RetainPlugin } from "./retain-plugin";
import type { Workbook } from "./workbook";

export interface PlaygroundTestApi {
  getSheetNames(): string[];
  getActiveSheet(): string;
  /** the value of one cell ("Sheet!A1" or "A1" on the active sheet); errors as { error, message } */
  getCellValue(address: string): unknown;
  /** values of a range, row by row, errors as their text */
  getRangeValues(address: string): unknown[][];
  /** the text the cell shows (its number format applied) */
  getCellText(address: string): string;
  getCellFormula(address: string): string | undefined;
  getNumberFormat(address: string): string | undefined;
  getSelection(): string;
  getCharts(sheet?: string): { title: string; series: number }[];
  getColourScales(sheet?: string): string[];
  functionNames(): string[];
  port: PlaygroundWorkbook;
}

declare global {
  interface Window {
    retainPlayground?: PlaygroundTestApi;
  }
}

export function installTestApi(wb: Workbook, _grid: Grid, port: PlaygroundWorkbook, retain: RetainPlugin | undefined): PlaygroundTestApi {
  const locate = (address: string) => {
    const range = parseRange(address);
    if (!range) throw new Error(`Not an address: ${address}`);
    const sheet = range.sheet === undefined ? wb.activeSheet : wb.sheetId(range.sheet);
    return { sheet, range };
  };
  const plain = (v: unknown) => (v instanceof DetailedCellError ? { error: v.value, message: v.message } : v);
  const api: PlaygroundTestApi = {
    getSheetNames: () => wb.sheetNames(),
    getActiveSheet: () => wb.sheetName(wb.activeSheet),
    getCellValue(address) {
      const { sheet, range } = locate(address);
      return plain(wb.value(sheet, range.start.row, range.start.col));
    },
    getRangeValues(address) {
      const { sheet, range } = locate(address);
      return wb.hf
        .getRangeValues({ start: { sheet, row: range.start.row, col: range.start.col }, end: { sheet, row: range.end.row, col: range.end.col } })
        .map((row) => row.map((v) => (v instanceof DetailedCellError ? v.value : v)));
    },
    getCellText(address) {
      const { sheet, range } = locate(address);
      return wb.display(sheet, range.start.row, range.start.col).text;
    },
    getCellFormula(address) {
      const { sheet, range } = locate(address);
      return wb.formula(sheet, range.start.row, range.start.col);
    },
    getNumberFormat(address) {
      const { sheet, range } = locate(address);
      return wb.format(sheet, range.start.row, range.start.col);
    },
    getSelection: () => (document.getElementById("name-box") as HTMLInputElement).value,
    getCharts: (sheet) => wb.sheetMeta(sheet === undefined ? wb.activeSheet : wb.sheetId(sheet)).charts.map((c) => ({ title: c.title, series: c.series.length })),
    getColourScales: (sheet) => wb.sheetMeta(sheet === undefined ? wb.activeSheet : wb.sheetId(sheet)).colourScales.map((s) => `${s.rect.row},${s.rect.column},${s.rect.rowCount},${s.rect.columnCount}`),
    functionNames: () => [...(retain?.functions.keys() ?? [])],
    port,
  };
  window.retainPlayground = api;
  return api;
}
