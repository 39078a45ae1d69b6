import { valueError } from "../errors";
import { customerCount, Transactions } from "../transactions/index";
import { CohortMetric, CohortMode, needsRevenue } from "./parse-words";
import { Period, periodLabel } from "./period";
import { groupByCustomer, periodLookup } from "./periodize";
import type { Table } from "./table";

export interface CohortOptions {
  period?: Period;
  metric?: CohortMetric;
  mode?: CohortMode;
  /** the function named in messages */
  fn?: string;
}

/**
 * Cohort table: customers grouped by the period of their first transaction (the
 * cohort), and for each period offset k = 0, 1, … K since then:
 * - customers: the number of the cohort's customers active in offset k
 *   (mode "on"), or in k or any later offset (mode "on_or_after", unbounded retention);
 * - retention: customers(k) ÷ cohort size;
 * - revenue: the cohort's revenue in offset k;
 * - revenue_retention: revenue(k) ÷ revenue(0) (blank when revenue(0) is 0);
 * - ltv: cumulative revenue through k ÷ cohort size.
 *
 * Rows: a header ("Cohort", "Customers", 0 … K), one row per cohort in time order
 * labelled as periodLabel does, then "All cohorts". Cells past the last period in
 * the data are "". The "All cohorts" row pools, at each offset, the cohorts that
 * have reached it: Σ numerators ÷ Σ denominators for the ratios (the weighted
 * average of Amplitude and PostHog), sums for customers and revenue, Σ cumulative
 * revenue ÷ Σ cohort size for ltv. Cohorts without customers have no row.
 *
 * @example
 * // a buys on 2024-01-05 and 2024-02-03, b on 2024-01-20 (as readTransactions returns them)
 * cohortTable({ customerIds: ["a", "b"], customer: Int32Array.of(0, 1, 0), day: Int32Array.of(19727, 19742, 19756), skippedRows: [], headerRow: false });
 * // => [["Cohort", "Customers", 0, 1], ["2024-01", 2, 1, 0.5], ["All cohorts", 2, 1, 0.5]]
 */
export function cohortTable(tx: Transactions, options: CohortOptions = {}): Table {
  const fn = options.fn ?? "cohortTable";
  const period = options.period ?? "month";
  const metric = options.metric ?? "retention";
  const mode = options.mode ?? "on";
  const revenueMetric = needsRevenue(metric);
  if (revenueMetric && mode === "on_or_after") {
    throw valueError(`${fn} requires mode "on" for metric "${metric}": "on_or_after" applies to customers and retention only`);
  }
  if (revenueMetric && !tx.revenue) throw valueError(`${fn} requires values for metric "${metric}"`);

  const { lookup, min, firstKey, count: P } = periodLookup(tx.day, period, fn);
  const nc = customerCount(tx);
  const { customer, day } = tx;
  // cell[f·P + k]: cohort f (by period index) at offset k
  const cell = new Float64Array(P * P);
  let first: Int32Array;
  if (revenueMetric) {
    first = firstPeriods(customer, day, lookup, min, nc, P);
    const revenue = tx.revenue as Float64Array;
    for (let i = 0; i < day.length; i++) {
      const f = first[customer[i]];
      cell[f * P + lookup[day[i] - min] - f] += revenue[i];
    }
  } else {
    first = countActive(customer, day, lookup, min, nc, P, mode, cell);
  }
  const size = new Float64Array(P);
  for (let c = 0; c < nc; c++) if (first[c] < P) size[first[c]]++;

  const header: (string | number)[] = ["Cohort", "Customers"];
  for (let k = 0; k < P; k++) header.push(k);
  const table: Table = [header];
  const pooledNum = new Float64Array(P);
  const pooledDen = new Float64Array(P);
  let total = 0;
  for (let f = 0; f < P; f++) {
    if (size[f] === 0) continue;
    total += size[f];
    const row: (string | number)[] = [periodLabel(firstKey + f, period), size[f]];
    let cumulative = 0;
    for (let k = 0; k < P; k++) {
      if (f + k >= P) {
        row.push("");
        continue;
      }
      const value = cell[f * P + k];
      cumulative += value;
      switch (metric) {
        case "customers":
        case "revenue":
          row.push(value);
          pooledNum[k] += value;
          break;
        case "retention":
          row.push(value / size[f]);
          pooledNum[k] += value;
          pooledDen[k] += size[f];
          break;
        case "revenue_retention": {
          const base = cell[f * P];
          row.push(base === 0 ? "" : value / base);
          pooledNum[k] += value;
          pooledDen[k] += base;
          break;
        }
        case "ltv":
          row.push(cumulative / size[f]);
          pooledNum[k] += cumulative;
          pooledDen[k] += size[f];
          break;
      }
    }
    table.push(row);
  }
  const all: (string | number)[] = ["All cohorts", total];
  const ratio = metric === "retention" || metric === "revenue_retention" || metric === "ltv";
  for (let k = 0; k < P; k++) {
    if (!ratio) all.push(pooledNum[k]);
    else all.push(pooledDen[k] === 0 ? "" : pooledNum[k] / pooledDen[k]);
  }
  table.push(all);
  return table;
}

/** Each customer's first period (P for a customer without rows). */
function firstPeriods(customer: Int32Array, day: Int32Array, lookup: Int32Array, min: number, nc: number, P: number): Int32Array {
  const first = new Int32Array(nc).fill(P);
  for (let i = 0; i < day.length; i++) {
    const k = lookup[day[i] - min];
    if (k < first[customer[i]]) first[customer[i]] = k;
  }
  return first;
}

/**
 * Active customers per (cohort, offset) into `cell`; returns each customer's first
 * period. A bit per customer and period when that fits in `bitWords` (32 MB by
 * default): one pass over the rows, then each customer's bits give its first
 * period and either every period it was active in (mode "on", distinct customers)
 * or its last (mode "on_or_after": counted in every offset up to that one).
 * Otherwise the rows grouped by customer (countActiveGrouped).
 */
export function countActive(customer: Int32Array, day: Int32Array, lookup: Int32Array, min: number, nc: number, P: number, mode: CohortMode, cell: Float64Array, bitWords = 1 << 23): Int32Array {
  const words = (P + 31) >>> 5;
  if (nc * words > bitWords) return countActiveGrouped(customer, day, lookup, min, nc, P, mode, cell);
  const bits = new Int32Array(nc * words);
  if (words === 1) {
    for (let i = 0; i < day.length; i++) bits[customer[i]] |= 1 << lookup[day[i] - min];
  } else {
    for (let i = 0; i < day.length; i++) {
      const k = lookup[day[i] - min];
      bits[customer[i] * words + (k >>> 5)] |= 1 << (k & 31);
    }
  }
  const first = new Int32Array(nc).fill(P);
  for (let c = 0; c < nc; c++) {
    const base = c * words;
    let w = 0;
    while (w < words && bits[base + w] === 0) w++;
    if (w === words) continue;
    // lowest set bit: its period is the cohort
    const f = w * 32 + 31 - Math.clz32(bits[base + w] & -bits[base + w]);
    first[c] = f;
    if (mode === "on_or_after") {
      let v = words - 1;
      while (bits[base + v] === 0) v--;
      cell[f * P + v * 32 + 31 - Math.clz32(bits[base + v]) - f]++; // highest set bit: the last period
      continue;
    }
    for (; w < words; w++) {
      let x = bits[base + w];
      while (x !== 0) {
        const lowest = x & -x;
        cell[f * P + w * 32 + 31 - Math.clz32(lowest) - f]++;
        x ^= lowest;
      }
    }
  }
  if (mode === "on_or_after") countUpToLast(cell, P);
  return first;
}

/**
 * countActive for too many periods for the bits: mode "on" groups the rows by
 * customer and stamps the offsets already counted; mode "on_or_after" needs only
 * each customer's last offset.
 */
function countActiveGrouped(customer: Int32Array, day: Int32Array, lookup: Int32Array, min: number, nc: number, P: number, mode: CohortMode, cell: Float64Array): Int32Array {
  const first = firstPeriods(customer, day, lookup, min, nc, P);
  if (mode === "on_or_after") {
    const last = new Int32Array(nc);
    for (let i = 0; i < day.length; i++) {
      const c = customer[i];
      const k = lookup[day[i] - min] - first[c];
      if (k > last[c]) last[c] = k;
    }
    for (let c = 0; c < nc; c++) if (first[c] < P) cell[first[c] * P + last[c]]++;
    countUpToLast(cell, P);
    return first;
  }
  const { start, rows } = groupByCustomer(customer, nc);
  const stamp = new Int32Array(P).fill(-1);
  for (let c = 0; c < nc; c++) {
    const f = first[c];
    const base = f * P;
    for (let j = start[c]; j < start[c + 1]; j++) {
      const k = lookup[day[rows[j]] - min] - f;
      if (stamp[k] !== c) {
        stamp[k] = c;
        cell[base + k]++;
      }
    }
  }
  return first;
}

/** Turns counts of customers by last offset into counts of customers active at or after each offset. */
function countUpToLast(cell: Float64Array, P: number): void {
  for (let f = 0; f < P; f++) for (let k = P - f - 2; k >= 0; k--) cell[f * P + k] += cell[f * P + k + 1];
}
