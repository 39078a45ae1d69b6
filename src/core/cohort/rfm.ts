import { valueError } from "../errors";
import { customerCount, Transactions } from "../transactions/index";
import { dayRange } from "./periodize";
import type { Table } from "./table";

export interface RfmOptions {
  /** day number the recency is measured to; default: the last day in the data */
  asOf?: number;
  fn?: string;
}

export const rfmHeader = ["Customer", "Recency (days)", "Orders", "Revenue", "R", "F", "M", "RFM", "Segment"];

/**
 * Segment names on the R × F grid (rows R = 1…5, columns F = 1…5): the widely used
 * RFM segment map (R and F scores; M is shown but does not move the segment),
 * with its weakest corner (R 1, F 1–2) split off as Lost to make eleven segments.
 */
const segments: string[][] = [
  ["Lost", "Lost", "At risk", "At risk", "Can't lose them"],
  ["Hibernating", "Hibernating", "At risk", "At risk", "Can't lose them"],
  ["About to sleep", "About to sleep", "Need attention", "Loyal", "Loyal"],
  ["Promising", "Potential loyalist", "Potential loyalist", "Loyal", "Loyal"],
  ["New", "Potential loyalist", "Potential loyalist", "Champions", "Champions"],
];

/** The segment of an R and F score (each 1–5). */
export function rfmSegment(r: number, f: number): string {
  return segments[r - 1][f - 1];
}

/**
 * RFM scores per customer: recency = as_of − last purchase day (days), orders =
 * number of transactions (rows), revenue = their sum. Each measure is scored 1–5
 * by quintile of rank: score = 1 + ⌊5 × w ÷ n⌋, where n is the number of customers
 * and w the number of customers strictly worse on that measure (a larger recency,
 * fewer orders, less revenue). Tied customers share a score, and the rule does
 * not depend on row order; if all customers tie, all score 1. The RFM code joins
 * the three scores ("545") and the segment comes from the R × F map above.
 * Transactions after as_of are ignored, and customers with none before it are left out.
 * Reference: Hughes, "Strategic Database Marketing" (1994) for RFM quintiles.
 *
 * @example
 * // a buys 10 on 2024-01-01 and 15 on 2024-01-31, b 50 on 2024-01-20
 * rfm({ customerIds: ["a", "b"], customer: Int32Array.of(0, 1, 0), day: Int32Array.of(19723, 19742, 19753), revenue: Float64Array.of(10, 50, 15), skippedRows: [], headerRow: false })[1];
 * // => ["a", 0, 2, 25, 3, 3, 1, "331", "Need attention"]
 */
export function rfm(tx: Transactions, options: RfmOptions = {}): Table {
  const fn = options.fn ?? "rfm";
  if (!tx.revenue) throw valueError(`${fn} requires values`);
  const { day, customer, revenue } = tx;
  const n = day.length;
  const { max } = dayRange(day, fn); // throws when there are no transactions
  const asOf = options.asOf ?? max;
  const nc = customerCount(tx);
  const last = new Float64Array(nc).fill(-Infinity);
  const orders = new Float64Array(nc);
  const money = new Float64Array(nc);
  for (let i = 0; i < n; i++) {
    if (day[i] > asOf) continue;
    const c = customer[i];
    if (day[i] > last[c]) last[c] = day[i];
    orders[c]++;
    money[c] += revenue[i];
  }
  const kept: number[] = [];
  for (let c = 0; c < nc; c++) if (orders[c] > 0) kept.push(c);
  const recency = kept.map((c) => asOf - last[c]);
  const r = scores(recency.map((x) => -x));
  const f = scores(kept.map((c) => orders[c]));
  const m = scores(kept.map((c) => money[c]));
  const table: Table = [rfmHeader.slice()];
  const ids = tx.customerIds;
  kept.forEach((c, k) => {
    table.push([ids[c], recency[k], orders[c], money[c], r[k], f[k], m[k], `${r[k]}${f[k]}${m[k]}`, rfmSegment(r[k], f[k])]);
  });
  return table;
}

/** Quintile scores, higher is better: 1 + ⌊5 × (number strictly below) ÷ n⌋. */
function scores(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const n = values.length;
  return values.map((v) => 1 + Math.floor((5 * lowerBound(sorted, v)) / n));
}

function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
