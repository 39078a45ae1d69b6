/**
 * The word arguments of the cohort functions, validated in one place. Each
 * accepts any case and surrounding spaces, returns its default when omitted, and
 * otherwise fails with a message that lists the valid words.
 */
import { Cell, describeCell } from "../cells";
import { valueError } from "../errors";
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

function parseWord<T extends string>(text: unknown, valid: readonly T[], fallback: T, argument: string, fn: string, upper = false): T {
  if (text === null || text === undefined || (typeof text === "string" && text.trim() === "")) return fallback;
  if (typeof text === "string") {
    const word = upper ? text.trim().toUpperCase() : text.trim().toLowerCase();
    const found = valid.find((v) => v === word);
    if (found) return found;
  }
  throw valueError(`${fn} requires ${argument} to be one of ${valid.join(", ")}, not ${describeCell(text as Cell)}`);
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
