/**
 * The analyst's choices in the pane, their defaults and the rules that tie them
 * together. Pure: the UI shows what `optionProblems` returns and disables Build.
 */
import { metrics, modes, needsRevenue, periods, type CohortMetric, type CohortMode, type Period } from "../core/cohort";
import type { DateOrder } from "../core/transactions";

export type OutputKind = "static" | "formula";

export interface BuildOptions {
  period: Period;
  metric: CohortMetric;
  mode: CohortMode;
  /** for slash dates that read both ways; undefined: let the engine decide or ask */
  dateOrder?: DateOrder;
  output: OutputKind;
}

export interface ColumnRoles {
  /** 0-based within the source; -1 when not chosen */
  customer: number;
  date: number;
  revenue: number;
  header: boolean;
}

// the engine's words, in the order the pane lists them
export { needsRevenue, periods };
export const cohortMetrics: readonly CohortMetric[] = metrics;
export const cohortModes: readonly CohortMode[] = modes;
export const dateOrders: readonly (DateOrder | "auto")[] = ["auto", "DMY", "MDY"];

export const defaultOptions: BuildOptions = { period: "month", metric: "retention", mode: "on", output: "static" };

/** Keys of problems (message keys in the string tables) that stop a build. */
export type OptionProblem = "noCustomerColumn" | "noDateColumn" | "sameColumn" | "revenueNeeded" | "modeNeedsCountMetric";

export function optionProblems(options: BuildOptions, roles: ColumnRoles): OptionProblem[] {
  const out: OptionProblem[] = [];
  if (roles.customer < 0) out.push("noCustomerColumn");
  if (roles.date < 0) out.push("noDateColumn");
  const chosen = [roles.customer, roles.date, roles.revenue].filter((c) => c >= 0);
  if (new Set(chosen).size !== chosen.length) out.push("sameColumn");
  if (needsRevenue(options.metric) && roles.revenue < 0) out.push("revenueNeeded");
  if (needsRevenue(options.metric) && options.mode === "on_or_after") out.push("modeNeedsCountMetric");
  return out;
}

/**
 * Options after a change, kept consistent: choosing a revenue metric sets mode "on"
 * (the engine refuses "on_or_after" for revenue), since that is the only mode it allows.
 */
export function withChange<K extends keyof BuildOptions>(options: BuildOptions, key: K, value: BuildOptions[K]): BuildOptions {
  const next = { ...options, [key]: value };
  if (needsRevenue(next.metric) && next.mode === "on_or_after") next.mode = "on";
  return next;
}

/**
 * The metric shown on summary and chart. Summary figures (average retention at
 * offsets 1, 3, 6, 12 and the biggest drop) are always read off a retention table:
 * for "customers" and "retention" in the chosen mode, for revenue metrics in mode "on".
 */
export function summaryMode(options: BuildOptions): CohortMode {
  return needsRevenue(options.metric) ? "on" : options.mode;
}

export const COUNT_FORMAT = "#,##0";
export const MONEY_FORMAT = "#,##0.00";
export const PERCENT_FORMAT = "0.0%";

/** Number format of the cohort table's value cells. */
export function metricNumberFormat(metric: CohortMetric): string {
  switch (metric) {
    case "retention":
    case "revenue_retention":
      return PERCENT_FORMAT;
    case "customers":
      return COUNT_FORMAT;
    case "revenue":
    case "ltv":
      return MONEY_FORMAT;
  }
}
