import type { Transactions } from "../transactions/index";
import { TimeUnit } from "./parse-words";
import { dayRange, groupByCustomer } from "./periodize";
import type { Table } from "./table";

export interface SummaryOptions {
  /** day number of the end of observation; default: the last day in the data */
  observationEnd?: number;
  timeUnit?: TimeUnit;
  fn?: string;
}

export const summaryHeader = ["Customer", "frequency", "recency", "T", "monetary_value"];

const unitDays: Record<TimeUnit, number> = { D: 1, W: 7, M: 30 };

/**
 * Per-customer recency/frequency/monetary summary, as lifetimes'
 * summary_data_from_transaction_data defines it with freq = "D":
 * purchases on the same day count once;
 * frequency = number of repeat purchase days (distinct days − 1);
 * recency = last − first purchase day; T = observation end − first purchase day,
 * both divided by 1, 7 or 30 for time unit "D", "W" or "M" (days are never grouped
 * into calendar weeks or months); monetary_value = mean of the per-day revenue
 * totals of the repeat purchase days (0 when frequency is 0; blank without values).
 * Purchases after the observation end are ignored, and customers with none before it are left out.
 * Rows: the header, then one row per customer in order of first appearance.
 * Reference: Fader, Hardie & Lee (2005), "Counting your customers the easy way",
 * Marketing Science 24(2); the lifetimes package (Davidson-Pilon), utils.py.
 *
 * @example
 * // a buys 10 and 5 on 2024-01-01 and 30 on 2024-01-15, b 7 on 2024-01-08
 * customerSummary({ customerIds: ["a", "b"], customer: Int32Array.of(0, 0, 0, 1), day: Int32Array.of(19723, 19723, 19737, 19730), revenue: Float64Array.of(10, 5, 30, 7), skippedRows: [], headerRow: false }, { timeUnit: "W" });
 * // => [["Customer", "frequency", "recency", "T", "monetary_value"], ["a", 1, 2, 2, 30], ["b", 0, 0, 1, 0]]
 */
export function customerSummary(tx: Transactions, options: SummaryOptions = {}): Table {
  const fn = options.fn ?? "customerSummary";
  const unit = unitDays[options.timeUnit ?? "D"];
  const { day, revenue } = tx;
  const { min: minDay, max: maxDay } = dayRange(day, fn);
  const end = options.observationEnd ?? maxDay;
  const ids = tx.customerIds;
  const { start, rows } = groupByCustomer(tx.customer, ids.length);
  // dayMark[d − minDay] = c + 1 once customer c's day d is counted: distinct days without a Set per customer
  const dayMark = new Int32Array(maxDay - minDay + 1);
  const table: Table = [summaryHeader.slice()];
  for (let c = 0; c < ids.length; c++) {
    let first = Infinity;
    let last = -Infinity;
    for (let j = start[c]; j < start[c + 1]; j++) {
      const d = day[rows[j]];
      if (d > end) continue;
      if (d < first) first = d;
      if (d > last) last = d;
    }
    if (first === Infinity) continue;
    // Distinct purchase days, and the revenue of the days after the first.
    let days = 0;
    let repeatRevenue = 0;
    for (let j = start[c]; j < start[c + 1]; j++) {
      const i = rows[j];
      const d = day[i];
      if (d > end) continue;
      if (dayMark[d - minDay] !== c + 1) {
        dayMark[d - minDay] = c + 1;
        days++;
      }
      if (revenue && d !== first) repeatRevenue += revenue[i];
    }
    const frequency = days - 1;
    const monetary = revenue ? (frequency === 0 ? 0 : repeatRevenue / frequency) : "";
    table.push([ids[c], frequency, (last - first) / unit, (end - first) / unit, monetary]);
  }
  return table;
}
