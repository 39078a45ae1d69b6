/**
 * The output sheet, planned as data: which cells get which values or formulas,
 * number formats, the colour scale, highlights, the line chart, and where each
 * part sits. Pure: build.ts hands the plan to a WorkbookPort.
 *
 * Layout (0-based rows, column A = 0):
 *   0  title (the metric and period)
 *   1  source address and the columns used
 *   2  options
 *   3  built date and counts
 *   5  "Summary"; below it average retention at offsets 1, 3, 6, 12 (where reached)
 *      and the biggest drop of the average curve
 *   …  the cohort table's caption, then the table exactly as RETAIN.COHORT spills it
 *      (header, one row per cohort, "All cohorts"), static values or one live formula
 *   …  the line chart (average emphasised, up to 12 latest cohorts)
 *   …  the growth-accounting table's caption and table
 */
import type { Table } from "../core/cohort";
import type { Translate } from "./i18n";
import { COUNT_FORMAT, metricNumberFormat, MONEY_FORMAT, PERCENT_FORMAT, type BuildOptions, type ColumnRoles } from "./options";
import { offsetColumn, type Summary } from "./summary";
import { TEXT_FORMAT } from "./text-safe";
export { TEXT_FORMAT };
import { columnLetters, fullAddress, type CellBlock, type ChartSeries, type FormatOp, type LineChartSpec, type Rect, type SourceInfo, type WriteValue } from "./workbook-port";

export { COUNT_FORMAT, MONEY_FORMAT, PERCENT_FORMAT };
export const RATIO_FORMAT = "0.00";

/** Fluent-like colours for the sheet. */
export const colors = {
  title: "#242424",
  muted: "#616161",
  headerFill: "#EBF3FC",
  headerBorder: "#0F6CBD",
  averageFill: "#F0F0F0",
  dropFill: "#FDE7C7",
  dropFont: "#8A3707",
  scaleMin: "#F8696B",
  scaleMid: "#FFEB84",
  scaleMax: "#63BE7B",
};

export const MAX_CHART_COHORTS = 12;
export const CHART_HEIGHT_ROWS = 18;
export const CHART_WIDTH_COLUMNS = 8;

export interface PlanInput {
  sheet: string;
  source: SourceInfo;
  roles: ColumnRoles;
  /** header text (or "") of each source column, for the title */
  columnNames: string[];
  options: BuildOptions;
  /** RETAIN.COHORT's table for the chosen options */
  table: Table;
  /** the summary, read off the retention table (see summary.ts) */
  summary: Summary;
  /** RETAIN.GROWTH_ACCOUNTING's table for the same period */
  growth: Table;
  transactions: number;
  builtAt: Date;
  t: Translate;
}

export interface SheetPlan {
  sheet: string;
  /** static cells and formulas, top to bottom */
  blocks: CellBlock[];
  formats: FormatOp[];
  chart?: LineChartSpec;
  /** where the cohort table sits (header row to "All cohorts" row) */
  table: Rect;
  /** where the growth table sits */
  growth: Rect;
  /** the value cells under the colour scale, if any */
  heat?: Rect;
  /** the column of the biggest drop, if any */
  dropColumn?: number;
  /** every cell the plan touches lies inside this rectangle */
  extent: Rect;
}

/** "2024-05-01 10:32" in local time. */
export function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** A reference to one source column (data rows, header included when present), absolute. */
export function columnReference(source: SourceInfo, column: number, roles: ColumnRoles, columnNames: string[]): string {
  const name = columnNames[column];
  if (source.origin === "table" && source.tableName && roles.header && name) {
    // structured reference: grows with the table; [ ] # ' are escaped with '
    return `${source.tableName}[${name.replace(/(['#[\]])/g, "'$1")}]`;
  }
  return fullAddress(source.sheet, { row: source.row, column: source.column + column, rowCount: source.rowCount, columnCount: 1 }, true);
}

/** =RETAIN.COHORT(ids, dates, [values], period, metric, mode[, date_order]) over the source. */
export function cohortFormula(source: SourceInfo, roles: ColumnRoles, columnNames: string[], options: BuildOptions): string {
  const ref = (c: number) => columnReference(source, c, roles, columnNames);
  const values = roles.revenue >= 0 ? ref(roles.revenue) : "";
  const args = [ref(roles.customer), ref(roles.date), values, `"${options.period}"`, `"${options.metric}"`, `"${options.mode}"`];
  if (options.dateOrder) args.push(`"${options.dateOrder}"`);
  return `=RETAIN.COHORT(${args.join(", ")})`;
}

/** =RETAIN.GROWTH_ACCOUNTING(ids, dates, [values], period[, date_order]) over the source. */
export function growthFormula(source: SourceInfo, roles: ColumnRoles, columnNames: string[], options: BuildOptions): string {
  const ref = (c: number) => columnReference(source, c, roles, columnNames);
  const values = roles.revenue >= 0 ? ref(roles.revenue) : "";
  const args = [ref(roles.customer), ref(roles.date), values, `"${options.period}"`];
  if (options.dateOrder) args.push(`"${options.dateOrder}"`);
  return `=RETAIN.GROWTH_ACCOUNTING(${args.join(", ")})`;
}

/** Number formats of the growth table's columns, by header position. */
export function growthFormats(width: number): string[] {
  return Array.from({ length: width }, (_, c) => (c === 0 ? TEXT_FORMAT : c <= 5 ? COUNT_FORMAT : c <= 9 ? MONEY_FORMAT : RATIO_FORMAT));
}

/** Number formats of the cohort table's columns: labels as text, sizes as counts, values by metric. */
export function cohortFormats(table: Table, options: BuildOptions): string[] {
  const width = table[0].length;
  const value = metricNumberFormat(options.metric);
  return Array.from({ length: width }, (_, c) => (c === 0 ? TEXT_FORMAT : c === 1 ? COUNT_FORMAT : value));
}

function rect(row: number, column: number, rowCount: number, columnCount: number): Rect {
  return { row, column, rowCount, columnCount };
}

function textRow(row: number, text: string): CellBlock {
  return { row, column: 0, values: [[text]], numberFormat: TEXT_FORMAT };
}

/** Plans the whole output sheet. */
export function planSheet(input: PlanInput): SheetPlan {
  const { t, options, table, growth, summary, source, roles, columnNames } = input;
  const metricName = t(`metric_${options.metric}`);
  const periodName = t(`period_${options.period}`);
  const live = options.output === "formula";
  const blocks: CellBlock[] = [];
  const formats: FormatOp[] = [];
  const letter = (c: number) => (c < 0 ? t("columnNone") : columnNames[c] || t("columnLetter", { letter: columnLetters(source.column + c) }));

  // Title block
  blocks.push(textRow(0, t("out_title", { metric: metricName, period: periodName })));
  blocks.push(textRow(1, t("out_source", { address: fullAddress(source.sheet, source), customer: letter(roles.customer), date: letter(roles.date), revenue: letter(roles.revenue) })));
  blocks.push(
    textRow(
      2,
      t("out_options", {
        period: periodName,
        metric: metricName,
        mode: t(`mode_${options.mode}`),
        dateOrder: t(`dateOrder_${options.dateOrder ?? "auto"}`),
        output: t(`output_${live ? "formula" : "static"}`),
      }),
    ),
  );
  blocks.push(textRow(3, t("out_built", { date: stamp(input.builtAt), rows: input.transactions, customers: summary.customers, cohorts: summary.cohorts })));
  formats.push({ kind: "bold", rect: rect(0, 0, 1, 1) }, { kind: "fontSize", rect: rect(0, 0, 1, 1), size: 14 }, { kind: "fontColor", rect: rect(1, 0, 3, 1), color: colors.muted });

  // Summary
  let row = 5;
  blocks.push(textRow(row, t("out_summary")));
  formats.push({ kind: "bold", rect: rect(row, 0, 1, 1) }, { kind: "borderBottom", rect: rect(row, 0, 1, 2), color: colors.headerBorder });
  row++;
  for (const a of summary.averages) {
    blocks.push({ row, column: 0, values: [[t("out_averageAt", { offset: a.offset }), a.value]], numberFormat: [TEXT_FORMAT, PERCENT_FORMAT] });
    row++;
  }
  if (summary.drop) {
    blocks.push({ row, column: 0, values: [[t("out_drop", { from: summary.drop.offset - 1, to: summary.drop.offset }), summary.drop.drop]], numberFormat: [TEXT_FORMAT, PERCENT_FORMAT] });
    formats.push({ kind: "fill", rect: rect(row, 0, 1, 2), color: colors.dropFill }, { kind: "fontColor", rect: rect(row, 0, 1, 2), color: colors.dropFont }, { kind: "bold", rect: rect(row, 1, 1, 1) });
  } else {
    blocks.push(textRow(row, t("out_dropNone")));
  }
  row++;

  // Cohort table
  row++;
  blocks.push(textRow(row, t("out_table", { metric: metricName, period: periodName })));
  formats.push({ kind: "bold", rect: rect(row, 0, 1, 1) });
  row++;
  if (live) {
    blocks.push(textRow(row, t("out_live")));
    formats.push({ kind: "italic", rect: rect(row, 0, 1, 1) }, { kind: "fontColor", rect: rect(row, 0, 1, 1), color: colors.muted });
    row++;
  }
  const tableTop = row;
  const width = table[0].length;
  const height = table.length;
  const tableRect = rect(tableTop, 0, height, width);
  const columnFormats = cohortFormats(table, options);
  if (live) {
    // formats first, over the size the formula will spill to; then the formula in the corner
    for (let c = 0; c < width; c++) formats.push({ kind: "numberFormat", rect: rect(tableTop + 1, c, height - 1, 1), format: columnFormats[c] });
    blocks.push({ row: tableTop, column: 0, formulas: [[cohortFormula(source, roles, columnNames, options)]] });
  } else {
    blocks.push({ row: tableTop, column: 0, values: [table[0] as WriteValue[]], numberFormat: [TEXT_FORMAT, TEXT_FORMAT, ...table[0].slice(2).map(() => "0")] });
    blocks.push({ row: tableTop + 1, column: 0, values: table.slice(1) as WriteValue[][], numberFormat: columnFormats });
  }
  formats.push(
    { kind: "bold", rect: rect(tableTop, 0, 1, width) },
    { kind: "fill", rect: rect(tableTop, 0, 1, width), color: colors.headerFill },
    { kind: "borderBottom", rect: rect(tableTop, 0, 1, width), color: colors.headerBorder },
    { kind: "bold", rect: rect(tableTop + height - 1, 0, 1, width) },
    { kind: "fill", rect: rect(tableTop + height - 1, 0, 1, width), color: colors.averageFill },
  );
  // heatmap over the cohorts' value cells; offset 0 of a ratio is 100% by definition, so it is left out
  const ratio = options.metric === "retention" || options.metric === "revenue_retention";
  const heatFirst = ratio ? 3 : 2;
  let heat: Rect | undefined;
  if (height > 2 && width > heatFirst) {
    heat = rect(tableTop + 1, heatFirst, height - 2, width - heatFirst);
    formats.push({ kind: "colorScale", rect: heat, min: colors.scaleMin, mid: colors.scaleMid, max: colors.scaleMax });
  }
  // the biggest drop: its offset's header and average cells stand out (a fill under the scale would not show)
  let dropColumn: number | undefined;
  if (summary.drop) {
    const c = offsetColumn(table, summary.drop.offset);
    if (c >= 0) {
      dropColumn = c;
      for (const r of [tableTop, tableTop + height - 1]) {
        formats.push({ kind: "fill", rect: rect(r, c, 1, 1), color: colors.dropFill }, { kind: "fontColor", rect: rect(r, c, 1, 1), color: colors.dropFont });
      }
    }
  }
  formats.push({ kind: "columnWidth", rect: rect(0, 0, 1, 1), width: 110 }, { kind: "columnWidth", rect: rect(0, 1, 1, Math.max(1, width - 1)), width: 56 });
  row = tableTop + height + 1;

  // Chart: the average and the latest cohorts with at least two offsets
  let chart: LineChartSpec | undefined;
  if (width > 3) {
    const categories = rect(tableTop, 2, 1, width - 2);
    const series: ChartSeries[] = [];
    const cohortRows: number[] = [];
    for (let i = height - 2; i >= 1 && cohortRows.length < MAX_CHART_COHORTS; i--) {
      const filled = table[i].slice(2).filter((v) => typeof v === "number").length;
      if (filled >= 2) cohortRows.unshift(i);
    }
    for (const i of cohortRows) series.push({ name: String(table[i][0]), values: rect(tableTop + i, 2, 1, width - 2), emphasised: false });
    series.push({ name: t("out_average"), values: rect(tableTop + height - 1, 2, 1, width - 2), emphasised: true });
    chart = {
      title: t("out_chart", { metric: metricName }),
      xAxisTitle: t("out_chartX", { period: periodName }),
      yAxisTitle: metricName,
      categories,
      series,
      position: rect(row, 0, CHART_HEIGHT_ROWS, CHART_WIDTH_COLUMNS),
      valueFormat: ratio ? "0%" : COUNT_FORMAT,
    };
    row += CHART_HEIGHT_ROWS + 1;
  }

  // Growth accounting
  blocks.push(textRow(row, t("out_growth", { period: periodName })));
  formats.push({ kind: "bold", rect: rect(row, 0, 1, 1) });
  row++;
  const growthTop = row;
  const gWidth = growth[0].length;
  const gHeight = growth.length;
  const gFormats = growthFormats(gWidth);
  if (live) {
    for (let c = 0; c < gWidth; c++) formats.push({ kind: "numberFormat", rect: rect(growthTop + 1, c, gHeight - 1, 1), format: gFormats[c] });
    blocks.push({ row: growthTop, column: 0, formulas: [[growthFormula(source, roles, columnNames, options)]] });
  } else {
    blocks.push({ row: growthTop, column: 0, values: [growth[0] as WriteValue[]], numberFormat: TEXT_FORMAT });
    if (gHeight > 1) blocks.push({ row: growthTop + 1, column: 0, values: growth.slice(1) as WriteValue[][], numberFormat: gFormats });
  }
  formats.push(
    { kind: "bold", rect: rect(growthTop, 0, 1, gWidth) },
    { kind: "fill", rect: rect(growthTop, 0, 1, gWidth), color: colors.headerFill },
    { kind: "borderBottom", rect: rect(growthTop, 0, 1, gWidth), color: colors.headerBorder },
  );
  const growthRect = rect(growthTop, 0, gHeight, gWidth);

  const extentRows = growthTop + gHeight;
  const extentColumns = Math.max(width, gWidth, CHART_WIDTH_COLUMNS, 2);
  return { sheet: input.sheet, blocks, formats, chart, table: tableRect, growth: growthRect, heat, dropColumn, extent: rect(0, 0, extentRows, extentColumns) };
}
