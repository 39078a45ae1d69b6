/**
 * The retention projection block, planned as data like the sheet plan: which cells
 * get which values, their formats, and the change to the sheet's chart. Pure:
 * project.ts hands it to a WorkbookPort.
 *
 * Where: below everything Build wrote (the sheet plan's extent), after
 * PROJECTION_GAP_ROWS blank rows, from column A; offset k sits in column C + k, the
 * same column as offset k in the cohort table above. Rows (0-based from the top):
 *   0  title
 *   1  what was fitted (the input-curve rule), the horizon and when, and where the
 *      curve stopped before a rise of the average
 *   2  alpha            3  beta            4  log-likelihood (per customer)
 *   5  "Offset" | "" | 0 | 1 | … | N       (N = K + horizon, K the last observed offset)
 *   6  marks: "Observed" over offsets 0…K, "Projected" over K+1…N (italic, shaded)
 *   7  the fitted curve as observed: offsets 0…K
 *   8  the sBG curve S(0…N): fitted over the data, projected beyond it (italic, shaded)
 *   9  note: projections are estimates, citing Fader & Hardie (2007)
 */
import type { SbgFit } from "../core/models/shifted-beta-geometric";
import type { Translate } from "./i18n";
import type { BuildOptions } from "./options";
import { colors, PERCENT_FORMAT, stamp, TEXT_FORMAT, type SheetPlan } from "./sheet-plan";
import type { CellBlock, ChartSeries, ChartUpdate, FormatOp, Rect } from "./workbook-port";

/** Blank rows between what Build wrote and the projection. */
export const PROJECTION_GAP_ROWS = 2;
/** Rows of the block, by name (see the layout above). */
export const projectionRows = { title: 0, fitted: 1, alpha: 2, beta: 3, logLikelihood: 4, offsets: 5, marks: 6, observed: 7, curve: 8, note: 9 } as const;
export const PROJECTION_HEIGHT = 10;
/** First column of offset 0, as in the cohort table ("Cohort", "Customers", 0, 1, …). */
export const OFFSET_COLUMN = 2;
export const PARAM_FORMAT = "0.000";

/** Fill of projected cells: unlike the header, average, drop and heatmap colours. */
export const PROJECTED_FILL = "#EDE7F6";
export const PROJECTED_FONT = "#4B2C83";

export interface ProjectionPlanInput {
  sheet: string;
  /** the cohort sheet's plan, from Build */
  sheetPlan: SheetPlan;
  options: BuildOptions;
  /** the fitted curve as observed, offsets 0 … K */
  curve: number[];
  /** where the average rose after K, when the curve stopped before a rise (as words) */
  cut?: { from: number; to: number; fromValue: string; toValue: string };
  fit: SbgFit;
  /** S(0 … N) on the fitted parameters (sbgSurvivalCurve) */
  projected: number[];
  horizon: number;
  at: Date;
  t: Translate;
}

export interface ProjectionPlan {
  sheet: string;
  blocks: CellBlock[];
  formats: FormatOp[];
  /** every cell of the block */
  rect: Rect;
  /** the last observed offset K; offsets after it are projected */
  lastObserved: number;
  /** the chart change, and the change that undoes it, when the sheet has a chart */
  chart?: { apply: ChartUpdate; undo: ChartUpdate };
}

/** The top row of the block on a cohort sheet. */
export function projectionTop(sheetPlan: SheetPlan): number {
  return sheetPlan.extent.row + sheetPlan.extent.rowCount + PROJECTION_GAP_ROWS;
}

function rect(row: number, column: number, rowCount: number, columnCount: number): Rect {
  return { row, column, rowCount, columnCount };
}

export function planProjection(input: ProjectionPlanInput): ProjectionPlan {
  const { t, curve, projected, fit } = input;
  const K = curve.length - 1;
  const N = projected.length - 1;
  const top = projectionTop(input.sheetPlan);
  const width = Math.max(OFFSET_COLUMN + N + 1, 2);
  const at = (name: keyof typeof projectionRows) => top + projectionRows[name];
  const offsets = Array.from({ length: N + 1 }, (_, k) => k);
  const blocks: CellBlock[] = [];
  const formats: FormatOp[] = [];
  const text = (row: number, value: string): CellBlock => ({ row, column: 0, values: [[value]], numberFormat: TEXT_FORMAT });

  blocks.push(text(at("title"), t("out_projTitle")));
  const fitted = t("out_projFitted", { last: K, horizon: N - K, date: stamp(input.at) });
  blocks.push(text(at("fitted"), input.cut ? `${fitted} ${t("projCut", input.cut)}` : fitted));
  blocks.push({ row: at("alpha"), column: 0, values: [[t("out_projAlpha"), fit.alpha]], numberFormat: [TEXT_FORMAT, PARAM_FORMAT] });
  blocks.push({ row: at("beta"), column: 0, values: [[t("out_projBeta"), fit.beta]], numberFormat: [TEXT_FORMAT, PARAM_FORMAT] });
  blocks.push({ row: at("logLikelihood"), column: 0, values: [[t("out_projLogLikelihood"), fit.logLikelihood]], numberFormat: [TEXT_FORMAT, PARAM_FORMAT] });
  blocks.push({ row: at("offsets"), column: 0, values: [[t("out_projOffset"), "", ...offsets]], numberFormat: [TEXT_FORMAT, TEXT_FORMAT, ...offsets.map(() => "0")] });
  blocks.push({
    row: at("marks"),
    column: 0,
    values: [["", "", ...offsets.map((k) => t(k <= K ? "out_projObservedMark" : "out_projProjectedMark"))]],
    numberFormat: TEXT_FORMAT,
  });
  blocks.push({ row: at("observed"), column: 0, values: [[t("out_projObserved"), "", ...curve]], numberFormat: [TEXT_FORMAT, TEXT_FORMAT, ...curve.map(() => PERCENT_FORMAT)] });
  blocks.push({ row: at("curve"), column: 0, values: [[t("out_projCurve"), "", ...projected]], numberFormat: [TEXT_FORMAT, TEXT_FORMAT, ...projected.map(() => PERCENT_FORMAT)] });
  blocks.push(text(at("note"), t("out_projNote")));

  formats.push(
    { kind: "bold", rect: rect(at("title"), 0, 1, 1) },
    { kind: "borderBottom", rect: rect(at("title"), 0, 1, 2), color: colors.headerBorder },
    { kind: "fontColor", rect: rect(at("fitted"), 0, 1, 1), color: colors.muted },
    { kind: "bold", rect: rect(at("alpha"), 1, 3, 1) },
    { kind: "bold", rect: rect(at("offsets"), 0, 1, width) },
    { kind: "fill", rect: rect(at("offsets"), 0, 1, width), color: colors.headerFill },
    { kind: "borderBottom", rect: rect(at("offsets"), 0, 1, width), color: colors.headerBorder },
    { kind: "fontColor", rect: rect(at("marks"), OFFSET_COLUMN, 1, K + 1), color: colors.muted },
    { kind: "italic", rect: rect(at("note"), 0, 1, 1) },
    { kind: "fontColor", rect: rect(at("note"), 0, 1, 1), color: colors.muted },
  );
  if (N > K) {
    // projected offsets: the "Projected" marks and the projected values, italic on a distinct fill
    const projectedCells = rect(at("marks"), OFFSET_COLUMN + K + 1, at("curve") - at("marks") + 1, N - K);
    formats.push(
      { kind: "italic", rect: projectedCells },
      { kind: "fill", rect: projectedCells, color: PROJECTED_FILL },
      { kind: "fontColor", rect: projectedCells, color: PROJECTED_FONT },
    );
  }

  let chart: ProjectionPlan["chart"];
  const existing = input.sheetPlan.chart;
  if (existing) {
    const series: ChartSeries[] = [];
    // on a sheet counted "on" the fitted curve is not on the chart yet: draw it beside its projection
    if (input.options.mode !== "on_or_after") series.push({ name: t("out_projObservedSeries"), values: rect(at("observed"), OFFSET_COLUMN, 1, K + 1), emphasised: false });
    series.push({ name: t("out_projSeries"), values: rect(at("curve"), OFFSET_COLUMN, 1, N + 1), emphasised: false, dashed: true });
    const names = [t("out_projObservedSeries"), t("out_projSeries")];
    chart = {
      apply: { title: existing.title, remove: names, add: series, categories: rect(at("offsets"), OFFSET_COLUMN, 1, N + 1) },
      undo: { title: existing.title, remove: names, categories: existing.categories },
    };
  }

  return { sheet: input.sheet, blocks, formats, rect: rect(top, 0, PROJECTION_HEIGHT, width), lastObserved: K, chart };
}
