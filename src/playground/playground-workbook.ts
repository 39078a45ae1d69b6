/**
 * The task pane's workbook port over the playground workbook: what Office.js does in
 * Excel (src/taskpane/office-workbook.ts), done here on HyperFormula and the playground's
 * own formats, colour scales and charts. Every call yields to the browser first, so the
 * pane's progress bar paints between chunks as it does between Excel requests.
 */
import { DetailedCellError } from "hyperformula";
import type { Cell } from "../core/cells";
import type { CellBlock, ChartUpdate, FormatOp, FormulaScan, FormulaScope, LineChartSpec, Rect, SourceInfo, WorkbookPort } from "../taskpane/workbook-port";
import { callsPrefix } from "../taskpane/make-shareable";
import { rectAddress } from "../taskpane/workbook-port";
import { addressKey } from "./retain-plugin";
import type { CellScalar } from "./cell-input";
import type { Workbook } from "./workbook";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class PlaygroundWorkbook implements WorkbookPort {
  constructor(private readonly wb: Workbook) {}

  private id(sheet: string): number {
    return this.wb.sheetId(sheet);
  }

  async getSource(): Promise<SourceInfo | null> {
    await tick();
    const wb = this.wb;
    const sheet = wb.sheetName(wb.activeSheet);
    const sel = wb.selectionRect();
    if (sel.rowCount > 1 || sel.columnCount > 1) {
      // whole columns (A:C) are clipped to the used range, as the Office port does
      const dims = wb.dimensions(wb.activeSheet);
      const rowCount = Math.min(sel.rowCount, dims.rows - sel.row);
      const columnCount = Math.min(sel.columnCount, dims.columns - sel.column);
      if (rowCount > 0 && columnCount > 0 && rowCount * columnCount > 1) return { sheet, origin: "selection", row: sel.row, column: sel.column, rowCount, columnCount };
      return { sheet, origin: "selection", ...sel };
    }
    const region = wb.currentRegion(wb.activeSheet, wb.active);
    if ((region.rowCount > 1 || region.columnCount > 1) && !wb.isBlank(wb.activeSheet, wb.active.row, wb.active.col)) return { sheet, origin: "region", ...region };
    return { sheet, origin: "cell", ...sel };
  }

  async readValues(sheet: string, rect: Rect): Promise<Cell[][]> {
    await tick();
    const id = this.id(sheet);
    const dims = this.wb.dimensions(id);
    const rows = Math.max(0, Math.min(rect.rowCount, dims.rows - rect.row));
    const cols = Math.max(0, Math.min(rect.columnCount, dims.columns - rect.column));
    const inside =
      rows > 0 && cols > 0
        ? this.wb.hf.getRangeValues({ start: { sheet: id, row: rect.row, col: rect.column }, end: { sheet: id, row: rect.row + rows - 1, col: rect.column + cols - 1 } })
        : [];
    const out: Cell[][] = new Array(rect.rowCount);
    for (let r = 0; r < rect.rowCount; r++) {
      const source = inside[r];
      const row: Cell[] = new Array(rect.columnCount);
      for (let c = 0; c < rect.columnCount; c++) {
        const v = source && c < cols ? source[c] : null;
        row[c] = v instanceof DetailedCellError ? v.value : (v as Cell);
      }
      out[r] = row;
    }
    return out;
  }

  async sheetNames(): Promise<string[]> {
    await tick();
    return this.wb.sheetNames();
  }

  async addSheet(name: string): Promise<void> {
    await tick();
    this.wb.addSheet(name);
  }

  async deleteSheet(name: string): Promise<void> {
    await tick();
    this.wb.deleteSheet(this.id(name));
  }

  async activateSheet(name: string): Promise<void> {
    await tick();
    this.wb.activate(this.id(name));
  }

  async writeCells(sheet: string, blocks: CellBlock[]): Promise<void> {
    await tick();
    const id = this.id(sheet);
    const wb = this.wb;
    wb.change(() => {
      for (const block of blocks) {
        const grid = block.values ?? block.formulas ?? [];
        const height = grid.length;
        const width = Math.max(0, ...grid.map((r) => r.length));
        if (block.numberFormat !== undefined && height > 0) {
          if (typeof block.numberFormat === "string") wb.setFormat(id, { row: block.row, column: block.column, rowCount: height, columnCount: width }, block.numberFormat);
          else block.numberFormat.forEach((f, c) => wb.setFormat(id, { row: block.row, column: block.column + c, rowCount: height, columnCount: 1 }, f));
        }
        if (block.values) wb.setValues(id, block.row, block.column, block.values as CellScalar[][]);
        else if (block.formulas) wb.setFormulas(id, block.row, block.column, block.formulas);
      }
    });
  }

  async format(sheet: string, ops: FormatOp[]): Promise<void> {
    await tick();
    const id = this.id(sheet);
    const wb = this.wb;
    const meta = wb.sheetMeta(id);
    for (const op of ops) {
      switch (op.kind) {
        case "numberFormat":
          wb.setFormat(id, op.rect, op.format);
          break;
        case "bold":
          wb.setStyle(id, op.rect, { bold: true });
          break;
        case "italic":
          wb.setStyle(id, op.rect, { italic: true });
          break;
        case "fill":
          wb.setStyle(id, op.rect, { fill: op.color });
          break;
        case "fontColor":
          wb.setStyle(id, op.rect, { color: op.color });
          break;
        case "fontSize":
          wb.setStyle(id, op.rect, { fontSize: op.size });
          break;
        case "borderBottom":
          wb.setStyle(id, op.rect, { borderBottom: op.color });
          break;
        case "colorScale":
          meta.colourScales.push({ rect: op.rect, min: op.min, mid: op.mid, max: op.max });
          break;
        case "columnWidth":
          for (let c = op.rect.column; c < op.rect.column + op.rect.columnCount; c++) meta.columnWidths.set(c, op.width);
          break;
      }
    }
    wb.emit();
  }

  async addLineChart(sheet: string, chart: LineChartSpec): Promise<void> {
    await tick();
    this.wb.sheetMeta(this.id(sheet)).charts.push(chart);
    this.wb.emit();
  }

  async clearCells(sheet: string, rect: Rect): Promise<void> {
    await tick();
    const id = this.id(sheet);
    this.wb.clear(id, rect);
    this.wb.setFormat(id, rect, undefined);
    this.wb.setStyle(id, rect, { bold: undefined, italic: undefined, fill: undefined, color: undefined, fontSize: undefined, borderBottom: undefined });
  }

  async updateLineChart(sheet: string, update: ChartUpdate): Promise<boolean> {
    await tick();
    const charts = this.wb.sheetMeta(this.id(sheet)).charts;
    const i = charts.findIndex((c) => c.title === update.title);
    if (i < 0) return false;
    const remove = new Set(update.remove ?? []);
    const series = [...charts[i].series.filter((s) => !remove.has(s.name)), ...(update.add ?? [])];
    charts[i] = { ...charts[i], series, categories: update.categories ?? charts[i].categories };
    this.wb.emit();
    return true;
  }

  /** The area a scope covers: the selection, or the active sheet's used range; clipped to the data. */
  private scope(scope: FormulaScope): { sheet: number; rect: Rect } {
    const wb = this.wb;
    const sheet = wb.activeSheet;
    const dims = wb.dimensions(sheet);
    const used = { row: 0, column: 0, rowCount: Math.max(1, dims.rows), columnCount: Math.max(1, dims.columns) };
    if (scope === "activeSheet") return { sheet, rect: used };
    const sel = wb.selectionRect();
    return {
      sheet,
      rect: { row: sel.row, column: sel.column, rowCount: Math.max(1, Math.min(sel.rowCount, dims.rows - sel.row)), columnCount: Math.max(1, Math.min(sel.columnCount, dims.columns - sel.column)) },
    };
  }

  private formulaCells(scope: FormulaScope, prefix: string): { sheet: number; rect: Rect; cells: { row: number; col: number }[] } {
    const { sheet, rect } = this.scope(scope);
    const cells: { row: number; col: number }[] = [];
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
      for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
        const f = this.wb.formula(sheet, r, c);
        if (callsPrefix(f, prefix)) cells.push({ row: r, col: c });
      }
    }
    return { sheet, rect, cells };
  }

  async findFormulas(scope: FormulaScope, prefix: string): Promise<FormulaScan> {
    await tick();
    const { sheet, rect, cells } = this.formulaCells(scope, prefix);
    return { count: cells.length, sheet: this.wb.sheetName(sheet), address: rectAddress(rect) };
  }

  async replaceFormulasWithValues(scope: FormulaScope, prefix: string): Promise<number> {
    await tick();
    const { sheet, cells } = this.formulaCells(scope, prefix);
    const wb = this.wb;
    const hf = wb.hf;
    // Read every result first, then write: replacing one formula must not change another's value.
    const writes = cells.map(({ row, col }) => {
      const size = wb.spills.actual.get(addressKey({ sheet, row, col }));
      const value = hf.getCellValue({ sheet, row, col });
      const spilled = size && hf.isCellPartOfArray({ sheet, row, col }) && !(value instanceof DetailedCellError) ? size : { width: 1, height: 1 };
      const values = hf.getRangeValues({ start: { sheet, row, col }, end: { sheet, row: row + spilled.height - 1, col: col + spilled.width - 1 } });
      return { row, col, values: values.map((r) => r.map((v) => (v instanceof DetailedCellError ? v.value : (v as CellScalar)))) };
    });
    wb.change(() => {
      for (const w of writes) {
        wb.spills.forget(addressKey({ sheet, row: w.row, col: w.col }));
        hf.setCellContents({ sheet, row: w.row, col: w.col }, null);
      }
      for (const w of writes) wb.setValues(sheet, w.row, w.col, w.values);
    });
    return writes.length;
  }
}
