/**
 * "Project retention": fit the shifted-beta-geometric model (Fader & Hardie 2007) to
 * the cohort sheet's average curve and write a projection block below the sheet's
 * tables, with a projection line on its chart. Host-neutral, like build.ts.
 *
 * The input-curve rule (src/core/pane/projection-curve.ts): only sheets built with
 * Retention %; the curve is the "All cohorts" row counted "on or after" (the share of
 * customers not yet lost, which never rises), computed by the engine from the same
 * transactions at Build, whichever mode the sheet shows; offsets reached by one cohort
 * only are left out; at least offsets 0, 1 and 2; a rise is refused with the offsets named.
 *
 * Safety: the block goes only into cells that are blank or that an earlier projection of
 * this pane session wrote; a failure while writing clears the block and undoes the chart
 * change, so nothing partly written is left.
 */
import { sbgFit, sbgSurvivalCurve, type SbgFit } from "../core/models/shifted-beta-geometric";
import { isEmptyCell } from "../core/cells";
import { RetainError } from "../core/errors";
import type { CurveProblem, ProjectionCurve } from "../core/pane/projection-curve";
import { PaneError, toPaneError } from "./build";
import { batchBlocks, batchFormats, REQUEST_BUDGET } from "./chunking";
import type { Translate } from "./i18n";
import type { BuildOptions } from "./options";
import { planProjection, type ProjectionPlan } from "./projection-plan";
import type { SheetPlan } from "./sheet-plan";
import { rectAddress, type Rect, type WorkbookPort } from "./workbook-port";

/** Periods the analyst can project beyond the data. */
export const HORIZONS = [6, 12, 24, 36] as const;
export const DEFAULT_HORIZON = 12;

/** What Build leaves for the projection (a BuildResult has all of it). */
export interface ProjectionTarget {
  sheet: string;
  plan: SheetPlan;
  options: BuildOptions;
  projection?: ProjectionCurve;
}

export interface ProjectionRequest {
  target: ProjectionTarget;
  horizon: number;
  /** the projection this pane session last wrote on the sheet: its cells may be replaced */
  previous?: ProjectionResult;
}

export interface ProjectionContext {
  t: Translate;
  now?: () => Date;
  budget?: number;
}

export interface ProjectionResult {
  sheet: string;
  /** every cell the block covers */
  rect: Rect;
  fit: SbgFit;
  /** S(0 … K + horizon) */
  projected: number[];
  lastObserved: number;
  /** where the average rose, when the fit stopped before a rise (as words for projCut) */
  cut?: { from: number; to: number; fromValue: string; toValue: string };
  horizon: number;
  /** "updated": the line was added; "missing": the sheet's chart is gone; "none": the sheet has no chart */
  chart: "updated" | "missing" | "none";
  plan: ProjectionPlan;
}

/** Two shares as percentages with enough decimals (1 to 4) to tell them apart. */
export function percentPair(a: number, b: number): [string, string] {
  let decimals = 1;
  while (decimals < 4 && (a * 100).toFixed(decimals) === (b * 100).toFixed(decimals)) decimals++;
  return [`${(a * 100).toFixed(decimals)}%`, `${(b * 100).toFixed(decimals)}%`];
}

/** The words for a rise of the average: offsets and values, for proj_err_rises and projCut. */
function riseParams(rise: { from: number; to: number; fromValue: number; toValue: number }) {
  const [fromValue, toValue] = percentPair(rise.fromValue, rise.toValue);
  return { from: rise.from, to: rise.to, fromValue, toValue };
}

/** The plain-words failure for a curve the rule refuses. */
export function curveProblemError(problem: CurveProblem): PaneError {
  switch (problem.kind) {
    case "tooShort":
      return new PaneError("proj_err_tooShort", { last: Math.max(0, problem.lastOffset) });
    case "rises":
      return new PaneError("proj_err_rises", riseParams(problem));
    case "noneReturn":
      return new PaneError("proj_err_noneReturn");
    case "flat":
      return new PaneError("proj_err_flat");
  }
}

/** Why a sheet cannot be projected, or undefined when it can. */
export function projectionProblem(target: ProjectionTarget): PaneError | undefined {
  if (target.options.metric !== "retention" || !target.projection) return new PaneError("projNeedsRetention");
  if (!target.projection.ok) return curveProblemError(target.projection.problem);
  return undefined;
}

/** sbgFit on the curve; a fit that fails (no convergence, a parameter running off) becomes a plain message. */
export function fitCurve(curve: number[]): SbgFit {
  try {
    return sbgFit(curve, { name: "sBG fit" });
  } catch (error) {
    if (error instanceof RetainError) throw new PaneError("proj_err_fit", { detail: error.message }, error.message);
    throw error;
  }
}

function union(a: Rect, b: Rect): Rect {
  const row = Math.min(a.row, b.row);
  const column = Math.min(a.column, b.column);
  const bottom = Math.max(a.row + a.rowCount, b.row + b.rowCount);
  const right = Math.max(a.column + a.columnCount, b.column + b.columnCount);
  return { row, column, rowCount: bottom - row, columnCount: right - column };
}

function contains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.row && row < rect.row + rect.rowCount && column >= rect.column && column < rect.column + rect.columnCount;
}

/** Fits, plans and writes the projection. Rejects with PaneError; never leaves a partial block. */
export async function projectRetention(port: WorkbookPort, request: ProjectionRequest, context: ProjectionContext): Promise<ProjectionResult> {
  const { target, horizon } = request;
  const problem = projectionProblem(target);
  if (problem) throw problem;
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new PaneError("err_unexpected", { detail: `horizon ${horizon}` });
  const input = target.projection as Extract<ProjectionCurve, { ok: true }>;
  const fit = fitCurve(input.curve);
  // cover every offset of the table too, in the rare case its tail (one cohort) is longer than the horizon
  const tableLast = target.plan.table.columnCount - 3;
  const projected = sbgSurvivalCurve(fit, Math.max(input.lastOffset + horizon, tableLast));
  const plan = planProjection({
    sheet: target.sheet,
    sheetPlan: target.plan,
    options: target.options,
    curve: input.curve,
    cut: input.cut ? riseParams(input.cut) : undefined,
    fit,
    projected,
    horizon,
    at: (context.now ?? (() => new Date()))(),
    t: context.t,
  });
  const sheet = target.sheet;
  const previous = request.previous?.sheet === sheet ? request.previous.rect : undefined;

  // the sheet is still there, and the block's cells are blank or ours
  try {
    const names = await port.sheetNames();
    if (!names.includes(sheet)) throw new PaneError("proj_err_sheetGone", { sheet });
    const found = await port.readValues(sheet, plan.rect);
    let taken: Rect | undefined;
    found.forEach((row, r) =>
      row.forEach((cell, c) => {
        const at = { row: plan.rect.row + r, column: plan.rect.column + c };
        if (!isEmptyCell(cell) && !(previous && contains(previous, at.row, at.column))) taken = union(taken ?? { ...at, rowCount: 1, columnCount: 1 }, { ...at, rowCount: 1, columnCount: 1 });
      }),
    );
    if (taken) throw new PaneError("proj_err_occupied", { address: `${sheet}!${rectAddress(taken)}` });
  } catch (error) {
    throw error instanceof PaneError ? error : toPaneError(error);
  }

  const written = previous ? union(previous, plan.rect) : plan.rect;
  let chart: ProjectionResult["chart"] = "none";
  try {
    if (previous) await port.clearCells(sheet, previous);
    const budget = context.budget ?? REQUEST_BUDGET;
    for (const batch of batchBlocks(plan.blocks, budget)) await port.writeCells(sheet, batch);
    for (const batch of batchFormats(plan.formats, budget)) await port.format(sheet, batch);
    if (plan.chart) chart = (await port.updateLineChart(sheet, plan.chart.apply)) ? "updated" : "missing";
    await port.activateSheet(sheet);
  } catch (error) {
    const failure = toPaneError(error);
    const refused = failure.key === "err_refused" ? new PaneError("proj_err_refused", failure.params, failure.detail) : failure;
    try {
      await port.clearCells(sheet, written);
      if (plan.chart) await port.updateLineChart(sheet, plan.chart.undo);
    } catch {
      throw new PaneError(refused.key, { ...refused.params, cleaned: "failed", address: `${sheet}!${rectAddress(written)}` }, refused.detail);
    }
    throw new PaneError(refused.key, { ...refused.params, cleaned: "yes" }, refused.detail);
  }

  return { sheet, rect: plan.rect, fit, projected, lastObserved: input.lastOffset, horizon, chart, plan, ...(input.cut ? { cut: riseParams(input.cut) } : {}) };
}
