/**
 * Shared groundwork of the cohort tables: every kept row's period as a small
 * integer (0 = the first period in the data), and the rows grouped by customer.
 */
import { valueError } from "../errors";
import type { Transactions } from "../transactions/index";
import { Period, periodKey } from "./period";

export interface Periodized {
  /** per row: period key − firstKey */
  period: Int32Array;
  /** the key of period 0 */
  firstKey: number;
  /** number of periods from the first to the last in the data */
  count: number;
}

/** The first and last day of the transactions; throws (naming fn) when there are none. */
export function dayRange(day: Int32Array, fn: string): { min: number; max: number } {
  if (day.length === 0) throw valueError(`${fn} requires at least one transaction in customer_ids and dates`);
  let min = day[0];
  let max = day[0];
  for (let i = 1; i < day.length; i++) {
    const d = day[i];
    if (d < min) min = d;
    else if (d > max) max = d;
  }
  return { min, max };
}

export interface PeriodLookup {
  /** lookup[d − min]: the period index of day d (0 = the first period in the data) */
  lookup: Int32Array;
  /** the first day in the data */
  min: number;
  /** the key of period 0 */
  firstKey: number;
  /** number of periods from the first to the last in the data */
  count: number;
}

/** Period indices of the days from the first to the last in the data (one calendar step per day). */
export function periodLookup(day: Int32Array, period: Period, fn: string): PeriodLookup {
  const { min, max } = dayRange(day, fn);
  const firstKey = periodKey(min, period);
  const lookup = new Int32Array(max - min + 1);
  for (let d = min; d <= max; d++) lookup[d - min] = periodKey(d, period) - firstKey;
  return { lookup, min, firstKey, count: lookup[max - min] + 1 };
}

/** Period indices per row, through periodLookup. */
export function periodize(tx: Transactions, period: Period, fn: string): Periodized {
  const { day } = tx;
  const n = day.length;
  const { lookup, min, firstKey, count } = periodLookup(day, period, fn);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = lookup[day[i] - min];
  return { period: out, firstKey, count };
}

export interface Groups {
  /** rows of customer c are rows[start[c]] … rows[start[c + 1] − 1] */
  start: Int32Array;
  rows: Int32Array;
}

/** Rows grouped by customer with a counting sort (stable: rows keep their input order within a customer). */
export function groupByCustomer(customer: Int32Array, customers: number): Groups {
  const n = customer.length;
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) start[customer[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const next = start.slice(0, customers);
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[next[customer[i]]++] = i;
  return { start, rows };
}
