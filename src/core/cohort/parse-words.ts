/**
 * The word arguments of the cohort functions, validated in one place. Each
 * accepts any case and surrounding spaces, returns its default when omitted, and
 * otherwise fails with a message that lists the valid words.
 */
import { parseWord } from "../words";
import { Period, periods } from "./period";

export type CohortMetric = "retention" | "customers" | "revenue" | "revenue_retention" | "ltv";
export type CohortMode = "on" | "on_or_after";
export type TimeUnit = "D" | "W" | "M";

export const metrics: readonly CohortMetric[] = ["retention", "customers", "revenue", "revenue_retention", "ltv"];
export const modes: readonly CohortMode[] = ["on", "on_or_after"];
export const timeUnits: readonly TimeUnit[] = ["D", "W", "M"];

/** Metrics computed from the values (revenue) column. */
export function needsRevenue(metric: CohortMetric): boolean {
  return metric === "revenue" || metric === "revenue_retention" || metric === "ltv";
}


/**
 * The period argument, "month" when omitted.
 *
 * @example
 * parsePeriod("Week", "COHORT"); // => "week"
 */
export function parsePeriod(text: unknown, fn: string): Period {
  return parseWord(text, periods, "month", "period", fn);
}

/** The metric argument, "retention" when omitted. */
export function parseMetric(text: unknown, fn: string): CohortMetric {
  return parseWord(text, metrics, "retention", "metric", fn);
}

/** The mode argument, "on" when omitted. */
export function parseMode(text: unknown, fn: string): CohortMode {
  return parseWord(text, modes, "on", "mode", fn);
}

/** The time_unit argument, "D" when omitted. */
export function parseTimeUnit(text: unknown, fn: string): TimeUnit {
  return parseWord(text, timeUnits, "D", "time_unit", fn, true);
}
