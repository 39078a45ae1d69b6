/**
 * Build: read the source in chunks → the core's cohort engine → plan the sheet →
 * write it through the port. Host-neutral; every failure becomes a PaneError the
 * UI shows in plain words, and a failure or cancel after the sheet was added
 * deletes that sheet, so nothing is left half written.
 */
import { cohortTable, dayRange, growthAccounting, periodKey, type Table } from "../core/cohort";
import { RetainError } from "../core/errors";
import { projectionCurve, type ProjectionCurve } from "../core/pane/projection-curve";
import { TransactionBuilder, type Transactions } from "../core/transactions";
import { batchBlocks, batchFormats, ReadPlanner, REQUEST_BUDGET } from "./chunking";
import type { StringKey, Translate } from "./i18n";
import { summaryMode, type BuildOptions, type ColumnRoles, optionProblems } from "./options";
import { planSheet, type SheetPlan } from "./sheet-plan";
import { uniqueSheetName } from "./sheet-name";
import { summarise } from "./summary";
import { columnLetters, type SourceInfo, type WorkbookPort } from "./workbook-port";

/** A failure the pane shows: a string-table key, its parameters, and the technical detail. */
export class PaneError extends Error {
  constructor(
    readonly key: StringKey,
    readonly params: Record<string, string | number> = {},
    readonly detail?: string,
  ) {
    super(detail ?? key);
    this.name = "PaneError";
  }
}

/** Thrown when the analyst pressed Cancel. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

export interface BuildRequest {
  source: SourceInfo;
  roles: ColumnRoles;
  columnNames: string[];
  options: BuildOptions;
}

export type Phase = "reading" | "computing" | "writing" | "cleaning";

export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

export interface BuildContext {
  t: Translate;
  onProgress?: (progress: Progress) => void;
  signal?: AbortSignal;
  now?: () => Date;
  /** request budget in bytes (tests lower it) */
  budget?: number;
}

export interface BuildResult {
  sheet: string;
  cohorts: number;
  customers: number;
  transactions: number;
  /** sheet rows (1-based) skipped as blank, in order */
  skippedRows: number[];
  plan: SheetPlan;
  options: BuildOptions;
  /**
   * For a Retention % sheet, the curve "Project retention" fits (or why it cannot):
   * the "All cohorts" row counted "on or after", from the same transactions. See
   * src/core/pane/projection-curve.ts for the rule.
   */
  projection?: ProjectionCurve;
}

/** Cohort tables bigger than this are refused: nobody reads them, and writing them takes minutes. */
export const MAX_TABLE_CELLS = 1_000_000;

/** Host errors that mean the request or response was too big. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  const text = `${typeof code === "string" ? code : ""} ${(error as Error)?.message ?? ""}`;
  return /PayloadSizeLimitExceeded|payload.*(too large|limit)|RequestEntityTooLarge/i.test(text);
}

function checkCancel(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * Reads the chosen columns of the source in chunks into Transactions. Row numbers in
 * messages and skippedRows are sheet rows. A header row (roles.header) is left out.
 */
export async function readSource(port: WorkbookPort, request: BuildRequest, context: BuildContext): Promise<Transactions> {
  const { source, roles, options } = request;
  const chosen = [roles.customer, roles.date, roles.revenue].filter((c) => c >= 0);
  const first = Math.min(...chosen);
  const span = Math.max(...chosen) - first + 1;
  const name = (c: number, role: string) => `${role} (column ${columnLetters(source.column + c)})`;
  const builder = new TransactionBuilder({
    names: { fn: "Build", ids: name(roles.customer, "customer id"), dates: name(roles.date, "date"), values: name(roles.revenue, "revenue"), row: "row" },
    hasValues: roles.revenue >= 0,
    dateOrder: options.dateOrder,
    detectHeader: !roles.header,
    expectedRows: source.rowCount,
  });
  const start = roles.header ? 1 : 0;
  const total = source.rowCount - start;
  const planner = new ReadPlanner(total, span, context.budget ?? REQUEST_BUDGET);
  const ci = roles.customer - first;
  const di = roles.date - first;
  const vi = roles.revenue - first;
  context.onProgress?.({ phase: "reading", done: 0, total });
  while (!planner.done) {
    checkCancel(context.signal);
    const { offset, rows } = planner.next();
    let values;
    try {
      values = await port.readValues(source.sheet, { row: source.row + start + offset, column: source.column + first, rowCount: rows, columnCount: span });
    } catch (error) {
      if (isPayloadTooLarge(error) && planner.refused(rows)) continue;
      throw error;
    }
    if (values.length !== rows) throw new PaneError("err_unexpected", {}, `asked for ${rows} rows, got ${values.length}`);
    for (let i = 0; i < values.length; i++) {
      const r = values[i];
      builder.addRow(source.row + start + offset + i + 1, r[ci], r[di], vi >= 0 ? r[vi] : undefined);
    }
    planner.accept(values);
    context.onProgress?.({ phase: "reading", done: planner.position, total });
  }
  checkCancel(context.signal);
  return builder.finish();
}

/** How many periods the data spans (the cohort table is at most that square). */
export function periodSpan(tx: Transactions, options: BuildOptions): number {
  if (tx.day.length === 0) return 0;
  const { min, max } = dayRange(tx.day, "Build");
  return periodKey(max, options.period) - periodKey(min, options.period) + 1;
}

export interface Computed {
  table: Table;
  retention: Table;
  growth: Table;
  /** for the Retention % metric: retention counted "on or after", the projection's input */
  survival?: Table;
}

/** The engine's tables for the options: the chosen metric, retention for the summary, growth accounting. */
export function compute(tx: Transactions, options: BuildOptions): Computed {
  if (tx.customer.length === 0) throw new PaneError("err_noRows");
  const span = periodSpan(tx, options);
  const cells = span * (span + 2);
  if (cells > MAX_TABLE_CELLS) throw new PaneError("err_tooLarge", { cells });
  const fn = "Build";
  const table = cohortTable(tx, { period: options.period, metric: options.metric, mode: options.mode, fn });
  const mode = summaryMode(options);
  const retention = options.metric === "retention" && options.mode === mode ? table : cohortTable(tx, { period: options.period, metric: "retention", mode, fn });
  const growth = growthAccounting(tx, { period: options.period, fn });
  if (options.metric !== "retention") return { table, retention, growth };
  // the projection fits a curve that never rises: retention "on or after", whichever mode the sheet shows
  const survival = options.mode === "on_or_after" ? table : cohortTable(tx, { period: options.period, metric: "retention", mode: "on_or_after", fn });
  return { table, retention, growth, survival };
}

/** Turns anything thrown during a build into a PaneError with plain words. */
export function toPaneError(error: unknown): PaneError {
  if (error instanceof PaneError) return error;
  if (error instanceof RetainError) {
    if (error.needs === "dateOrder") return new PaneError("err_dateOrder", {}, error.message);
    return new PaneError("err_invalidRow", { detail: error.message }, error.message);
  }
  const e = error as { code?: unknown; message?: unknown; name?: unknown };
  const message = typeof e?.message === "string" ? e.message : String(error);
  if (typeof e?.code === "string" || e?.name === "RichApi.Error") {
    const detail = typeof e.code === "string" ? `${e.code}: ${message}` : message;
    return new PaneError("err_refused", { detail }, detail);
  }
  return new PaneError("err_unexpected", { detail: message }, message);
}

/** Sorted sheet rows skipped as blank, without the header row. */
export function blankRows(tx: Transactions, source: SourceInfo): number[] {
  const header = tx.headerRow ? source.row + 1 : -1;
  return tx.skippedRows.filter((r) => r !== header);
}

/** The whole build. Rejects with PaneError or CancelledError; never leaves a partial sheet. */
export async function buildCohortSheet(port: WorkbookPort, request: BuildRequest, context: BuildContext): Promise<BuildResult> {
  const problems = optionProblems(request.options, request.roles);
  if (problems.length > 0) throw new PaneError(`err_${problems[0]}`);
  if (request.source.origin === "cell" || request.source.rowCount * request.source.columnCount <= 1) throw new PaneError("err_oneCell");

  let tx: Transactions;
  let computed: Computed;
  try {
    tx = await readSource(port, request, context);
    context.onProgress?.({ phase: "computing", done: 0, total: 1 });
    computed = compute(tx, request.options);
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    throw toPaneError(error);
  }
  checkCancel(context.signal);

  const t = context.t;
  let name: string;
  try {
    const existing = await port.sheetNames();
    name = uniqueSheetName(t("sheetBase", { period: t(`period_${request.options.period}`) }), existing);
  } catch (error) {
    throw toPaneError(error);
  }
  const summary = summarise(computed.retention);
  const plan = planSheet({
    sheet: name,
    source: request.source,
    roles: request.roles,
    columnNames: request.columnNames,
    options: request.options,
    table: computed.table,
    summary,
    growth: computed.growth,
    transactions: tx.customer.length,
    builtAt: (context.now ?? (() => new Date()))(),
    t,
  });

  try {
    await port.addSheet(name);
  } catch (error) {
    const names = await port.sheetNames().catch(() => [] as string[]);
    if (names.some((n) => n.toLowerCase() === name.toLowerCase())) throw new PaneError("err_sheetClash", { sheet: name }, (error as Error)?.message);
    throw toPaneError(error);
  }

  try {
    const budget = context.budget ?? REQUEST_BUDGET;
    // cells, then formatting (number formats of the cells a live formula spills into included), then the chart
    const formatBatches = batchFormats(plan.formats, budget);
    const cellBatches = batchBlocks(plan.blocks, budget);
    const steps: (() => Promise<void>)[] = [];
    for (const batch of cellBatches) steps.push(() => port.writeCells(name, batch));
    for (const batch of formatBatches) steps.push(() => port.format(name, batch));
    if (plan.chart) {
      const chart = plan.chart;
      steps.push(() => port.addLineChart(name, chart));
    }
    for (let i = 0; i < steps.length; i++) {
      checkCancel(context.signal);
      context.onProgress?.({ phase: "writing", done: i + 1, total: steps.length });
      await steps[i]();
    }
    checkCancel(context.signal);
    await port.activateSheet(name);
  } catch (error) {
    context.onProgress?.({ phase: "cleaning", done: 0, total: 1 });
    const failure = error instanceof CancelledError ? error : toPaneError(error);
    try {
      await port.deleteSheet(name);
    } catch {
      if (failure instanceof PaneError) throw new PaneError(failure.key, { ...failure.params, sheet: name, cleanup: "failed" }, failure.detail);
      throw new PaneError("err_cleanupFailed", { sheet: name });
    }
    throw failure;
  }

  return {
    sheet: name,
    cohorts: summary.cohorts,
    customers: tx.customerIds.length,
    transactions: tx.customer.length,
    skippedRows: blankRows(tx, request.source),
    plan,
    options: request.options,
    ...(computed.survival ? { projection: projectionCurve(computed.survival) } : {}),
  };
}
