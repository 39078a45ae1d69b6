/**
 * The workbook port over Office.js. Thin: each method is one Excel.run with batched
 * loads and one sync for its work (findFormulas and replaceFormulasWithValues read the
 * scanned range in row chunks, one sync each). Enum values are passed as their
 * strings ("Line", "Rows", "ColorScale") so this file needs no Excel enums at load time.
 *
 * Requirement sets: ExcelApi 1.7 (chart series), 1.8 (axis number format), 1.9
 * (Range.getTables), 1.12 (spilled ranges) and 1.13 (Range.getSurroundingRegion);
 * older hosts fall back where a fallback exists.
 */
import type { Cell } from "../core/cells";
import { REQUEST_BUDGET, stringBytes } from "./chunking";
import { callsPrefix } from "./make-shareable";
import { textSafeBlock } from "./text-safe";
import { rectAddress, type CellBlock, type ChartSeries, type ChartUpdate, type FormatOp, type FormulaScan, type FormulaScope, type LineChartSpec, type Rect, type SourceInfo, type WorkbookPort } from "./workbook-port";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Colours of cohort lines in the chart; the average is drawn dark and thick. */
const SERIES_COLORS = ["#9CC3E6", "#A9D18E", "#F4B183", "#C9C9C9", "#FFD966", "#B4A7D6", "#8FAADC", "#C5E0B4", "#F8CBAD", "#DBDBDB", "#FFE699", "#D5A6BD"];
const AVERAGE_COLOR = "#0F6CBD";
/** Colour of series added later (the retention projection), drawn dashed. */
const ADDED_COLORS = ["#7E57C2", "#8A8886"];

/** The range of a rectangle on a worksheet. */
function rangeAt(ws: Excel.Worksheet, r: Rect): Excel.Range {
  return ws.getRangeByIndexes(r.row, r.column, r.rowCount, r.columnCount);
}

/** A line series as the pane draws it: its colour, the average thicker, a projection dashed, no markers. */
function styleSeries(series: Excel.ChartSeries, spec: ChartSeries, color: string, weight: number): void {
  series.format.line.color = color;
  series.format.line.lineStyle = (spec.dashed ? "Dash" : "Continuous") as Excel.ChartLineStyle;
  series.format.line.weight = spec.emphasised ? 3.5 : weight;
  series.markerStyle = "None" as Excel.ChartMarkerStyle;
}

/** Spilled formulas whose spill ranges are read per request in Make shareable. */
const ANCHORS_PER_REQUEST = 200;

export class OfficeWorkbook implements WorkbookPort {
  private readonly run: Run;

  /** `run` defaults to Excel.run; tests pass a mock. */
  constructor(run?: Run) {
    this.run = run ?? (<T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch));
  }

  async getSource(): Promise<SourceInfo | null> {
    return this.run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      selected.load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = selected.worksheet;
      sheet.load("name");
      try {
        await context.sync();
      } catch {
        return null; // a chart or shape is selected, or several areas
      }
      const info = (r: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }, origin: SourceInfo["origin"], tableName?: string): SourceInfo => ({
        sheet: sheet.name,
        row: r.rowIndex,
        column: r.columnIndex,
        rowCount: r.rowCount,
        columnCount: r.columnCount,
        origin,
        ...(tableName ? { tableName } : {}),
      });
      if (selected.rowCount * selected.columnCount > 1) {
        // whole columns (A:C) are clipped to the used range, so a million blank rows are never read
        try {
          const clipped = selected.getIntersectionOrNullObject(sheet.getUsedRangeOrNullObject(true));
          clipped.load("rowIndex,columnIndex,rowCount,columnCount,isNullObject");
          await context.sync();
          if (!clipped.isNullObject && clipped.rowCount * clipped.columnCount > 1) return info(clipped, "selection");
        } catch {
          /* keep the selection as it is */
        }
        return info(selected, "selection");
      }

      // one cell: the Excel Table around it, else the contiguous region
      try {
        const tables = selected.getTables(false);
        tables.load("items/name");
        await context.sync();
        if (tables.items.length > 0) {
          const table = tables.items[0];
          const range = table.getRange();
          range.load("rowIndex,columnIndex,rowCount,columnCount");
          await context.sync();
          return info(range, "table", table.name);
        }
      } catch {
        /* ExcelApi 1.9 missing: try the region */
      }
      try {
        const region = selected.getSurroundingRegion();
        region.load("rowIndex,columnIndex,rowCount,columnCount");
        await context.sync();
        if (region.rowCount * region.columnCount > 1) return info(region, "region");
      } catch {
        /* ExcelApi 1.13 missing */
      }
      return info(selected, "cell");
    });
  }

  async readValues(sheet: string, rect: Rect): Promise<Cell[][]> {
    return this.run(async (context) => {
      const range = rangeAt(context.workbook.worksheets.getItem(sheet), rect);
      range.load("values");
      await context.sync();
      return range.values as Cell[][];
    });
  }

  async sheetNames(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async addSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.add(name);
      await context.sync();
    });
  }

  async deleteSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("isNullObject");
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
  }

  async activateSheet(name: string): Promise<void> {
    await this.run(async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  async writeCells(sheet: string, blocks: CellBlock[]): Promise<void> {
    await this.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      const ws = context.workbook.worksheets.getItem(sheet);
      for (const block of blocks) {
        const data = block.values ?? block.formulas;
        if (!data || data.length === 0) continue;
        const width = data[0].length;
        const range = ws.getRangeByIndexes(block.row, block.column, data.length, width);
        const formatOf = (_r: number, c: number): string | undefined => (typeof block.numberFormat === "string" ? block.numberFormat : block.numberFormat?.[c]);
        if (block.values) {
          const safe = textSafeBlock(block.values, formatOf);
          range.numberFormat = safe.numberFormat;
          range.values = safe.values;
        } else if (block.formulas) {
          if (block.numberFormat !== undefined) range.numberFormat = block.formulas.map((row) => row.map((_, c) => formatOf(0, c) ?? "General"));
          range.formulas = block.formulas;
        }
      }
      await context.sync();
    });
  }

  async format(sheet: string, ops: FormatOp[]): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const at = (r: Rect) => rangeAt(ws, r);
      for (const op of ops) {
        switch (op.kind) {
          case "numberFormat":
            at(op.rect).numberFormat = Array.from({ length: op.rect.rowCount }, () => new Array(op.rect.columnCount).fill(op.format));
            break;
          case "bold":
            at(op.rect).format.font.bold = true;
            break;
          case "italic":
            at(op.rect).format.font.italic = true;
            break;
          case "fill":
            at(op.rect).format.fill.color = op.color;
            break;
          case "fontColor":
            at(op.rect).format.font.color = op.color;
            break;
          case "fontSize":
            at(op.rect).format.font.size = op.size;
            break;
          case "borderBottom": {
            const border = at(op.rect).format.borders.getItem("EdgeBottom");
            border.style = "Continuous";
            border.color = op.color;
            break;
          }
          case "colorScale": {
            const cf = at(op.rect).conditionalFormats.add("ColorScale" as Excel.ConditionalFormatType);
            cf.colorScale.criteria = {
              minimum: { formula: null as unknown as string, type: "LowestValue" as Excel.ConditionalFormatColorCriterionType, color: op.min },
              midpoint: { formula: "50", type: "Percentile" as Excel.ConditionalFormatColorCriterionType, color: op.mid },
              maximum: { formula: null as unknown as string, type: "HighestValue" as Excel.ConditionalFormatColorCriterionType, color: op.max },
            };
            break;
          }
          case "columnWidth":
            at({ ...op.rect, row: 0, rowCount: 1 }).format.columnWidth = op.width;
            break;
        }
      }
      await context.sync();
    });
  }

  async addLineChart(sheet: string, spec: LineChartSpec): Promise<void> {
    await this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const at = (r: Rect) => rangeAt(ws, r);
      const [first, ...rest] = spec.series;
      const chart = ws.charts.add("Line" as Excel.ChartType, at(first.values), "Rows" as Excel.ChartSeriesBy);
      chart.title.text = spec.title;
      chart.legend.position = "Bottom" as Excel.ChartLegendPosition;
      chart.axes.categoryAxis.title.text = spec.xAxisTitle;
      chart.axes.valueAxis.title.text = spec.yAxisTitle;
      if (spec.valueFormat) chart.axes.valueAxis.numberFormat = spec.valueFormat;
      const style = (series: Excel.ChartSeries, spec: ChartSeries, index: number) =>
        styleSeries(series, spec, spec.emphasised ? AVERAGE_COLOR : SERIES_COLORS[index % SERIES_COLORS.length], 1.25);
      const firstSeries = chart.series.getItemAt(0);
      firstSeries.name = first.name;
      firstSeries.setXAxisValues(at(spec.categories));
      style(firstSeries, first, 0);
      rest.forEach((s, i) => {
        const series = chart.series.add(s.name);
        series.setValues(at(s.values));
        series.setXAxisValues(at(spec.categories));
        style(series, s, i + 1);
      });
      const p = spec.position;
      chart.setPosition(rectAddress({ row: p.row, column: p.column, rowCount: 1, columnCount: 1 }), rectAddress({ row: p.row + p.rowCount - 1, column: p.column + p.columnCount - 1, rowCount: 1, columnCount: 1 }));
      await context.sync();
    });
  }

  async clearCells(sheet: string, rect: Rect): Promise<void> {
    await this.run(async (context) => {
      rangeAt(context.workbook.worksheets.getItem(sheet), rect).clear("All" as Excel.ClearApplyTo);
      await context.sync();
    });
  }

  /** Three syncs: find the chart by title, read its series' names, then change it. */
  async updateLineChart(sheet: string, update: ChartUpdate): Promise<boolean> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const at = (r: Rect) => rangeAt(ws, r);
      const charts = ws.charts;
      charts.load("items/title/text");
      await context.sync();
      const chart = charts.items.find((c) => c.title.text === update.title);
      if (!chart) return false;
      const existing = chart.series;
      existing.load("items/name");
      await context.sync();
      const remove = new Set(update.remove ?? []);
      const kept: Excel.ChartSeries[] = [];
      for (const series of existing.items) {
        if (remove.has(series.name)) series.delete();
        else kept.push(series);
      }
      const added = (update.add ?? []).map((s: ChartSeries, i) => {
        const series = chart.series.add(s.name);
        series.setValues(at(s.values));
        styleSeries(series, s, s.emphasised ? AVERAGE_COLOR : ADDED_COLORS[i % ADDED_COLORS.length], 2.25);
        return series;
      });
      if (update.categories) {
        const categories = update.categories;
        for (const series of [...kept, ...added]) series.setXAxisValues(at(categories));
      }
      await context.sync();
      return true;
    });
  }

  async findFormulas(scope: FormulaScope, prefix: string): Promise<FormulaScan> {
    return this.run(async (context) => {
      const target = await this.scopeRange(context, scope);
      if (!target) return { count: 0, sheet: "", address: "" };
      let count = 0;
      await this.scanChunks(context, target, (chunk) => {
        for (const row of chunk.formulas) for (const f of row) if (callsPrefix(f, prefix)) count++;
      });
      return { count, sheet: target.sheet, address: rectAddress(target.rect) };
    });
  }

  async replaceFormulasWithValues(scope: FormulaScope, prefix: string): Promise<number> {
    return this.run(async (context) => {
      const target = await this.scopeRange(context, scope);
      if (!target) return 0;
      const anchors: { row: number; column: number }[] = [];
      await this.scanChunks(context, target, (chunk) => {
        chunk.formulas.forEach((row, r) => row.forEach((f, c) => callsPrefix(f, prefix) && anchors.push({ row: chunk.row + r, column: target.rect.column + c })));
      });
      const ws = context.workbook.worksheets.getItem(target.sheet);
      for (let i = 0; i < anchors.length; i += ANCHORS_PER_REQUEST) {
        const group = anchors.slice(i, i + ANCHORS_PER_REQUEST).map((a) => {
          const cell = ws.getCell(a.row, a.column);
          const spill = cell.getSpillingToRangeOrNullObject();
          cell.load("values,numberFormat");
          spill.load("values,numberFormat,isNullObject");
          return { cell, spill };
        });
        await context.sync();
        context.application.suspendApiCalculationUntilNextSync();
        for (const { cell, spill } of group) {
          const range = spill.isNullObject ? cell : spill;
          const formats = range.numberFormat as string[][];
          const safe = textSafeBlock(range.values as (string | number | boolean)[][], (r, c) => formats[r]?.[c]);
          range.numberFormat = safe.numberFormat;
          range.values = safe.values;
        }
        await context.sync();
      }
      return anchors.length;
    });
  }

  /** The selection, or the active sheet's used range; null when there is none. */
  private async scopeRange(context: Excel.RequestContext, scope: FormulaScope): Promise<{ sheet: string; rect: Rect } | null> {
    const range = scope === "selection" ? context.workbook.getSelectedRange() : context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
    range.load("rowIndex,columnIndex,rowCount,columnCount,isNullObject");
    const ws = range.worksheet;
    ws.load("name");
    await context.sync();
    if (range.isNullObject) return null;
    return { sheet: ws.name, rect: { row: range.rowIndex, column: range.columnIndex, rowCount: range.rowCount, columnCount: range.columnCount } };
  }

  /** Loads the formulas of a range in row chunks that fit the request budget, one sync each. */
  private async scanChunks(context: Excel.RequestContext, target: { sheet: string; rect: Rect }, visit: (chunk: { row: number; formulas: unknown[][] }) => void): Promise<void> {
    const ws = context.workbook.worksheets.getItem(target.sheet);
    const { rect } = target;
    // formulas are longer than values: budget 256 bytes a cell at first, then measure
    let bytesPerRow = 256 * rect.columnCount;
    for (let done = 0; done < rect.rowCount; ) {
      const rows = Math.max(1, Math.min(rect.rowCount - done, Math.floor(REQUEST_BUDGET / bytesPerRow)));
      const chunk = ws.getRangeByIndexes(rect.row + done, rect.column, rows, rect.columnCount);
      chunk.load("formulas");
      await context.sync();
      const formulas = chunk.formulas as unknown[][];
      visit({ row: rect.row + done, formulas });
      let worst = 0;
      for (const row of formulas) {
        let b = 2;
        for (const f of row) b += typeof f === "string" ? stringBytes(f) + 4 : 28;
        worst = Math.max(worst, b);
      }
      bytesPerRow = Math.max(worst * 2, 16 * rect.columnCount);
      done += rows;
    }
  }
}
