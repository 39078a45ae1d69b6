import { customerCount, Transactions } from "../transactions/index";
import { Period, periodLabel } from "./period";
import { groupByCustomer, periodize } from "./periodize";
import type { Table } from "./table";

export interface GrowthOptions {
  period?: Period;
  fn?: string;
}

export const growthHeader = [
  "Period",
  "Active",
  "New",
  "Retained",
  "Resurrected",
  "Churned",
  "New revenue",
  "Retained revenue",
  "Resurrected revenue",
  "Total revenue",
  "Quick ratio",
];

const NEW = 0;
const RETAINED = 1;
const RESURRECTED = 2;

/**
 * Growth accounting: each period's active customers split by where they came from.
 * For period t, a customer active in t is new (first active in t), retained
 * (active in t − 1 too) or resurrected (active before, not in t − 1); churned
 * counts those active in t − 1 and not in t. Revenue splits the same way, so
 * total revenue = new revenue + retained revenue + resurrected revenue (seed 000's
 * revenue = new·avg_new + returning·avg_returning + resurrected·avg_resurrected).
 * Quick ratio = (new + resurrected) ÷ churned, blank where nothing churned.
 *
 * Every period from the first to the last in the data has a row, quiet ones
 * included; without values the revenue columns are blank.
 * Reference: Jonathan Hsu, "Growth accounting" (Social Capital, 2015).
 *
 * @example
 * // a buys 10 on 2024-01-05 and 5 on 2024-02-03, b 20 on 2024-01-20: the 2024-02 row
 * growthAccounting({ customerIds: ["a", "b"], customer: Int32Array.of(0, 1, 0), day: Int32Array.of(19727, 19742, 19756), revenue: Float64Array.of(10, 20, 5), skippedRows: [], headerRow: false })[2];
 * // => ["2024-02", 1, 0, 1, 0, 1, 0, 5, 0, 5, 0]
 */
export function growthAccounting(tx: Transactions, options: GrowthOptions = {}): Table {
  const fn = options.fn ?? "growthAccounting";
  const period = options.period ?? "month";
  const { period: key, firstKey, count: P } = periodize(tx, period, fn);
  const nc = customerCount(tx);
  const { start, rows } = groupByCustomer(tx.customer, nc);
  const revenue = tx.revenue;

  const active = new Float64Array(P);
  const counts = [new Float64Array(P), new Float64Array(P), new Float64Array(P)];
  const money = [new Float64Array(P), new Float64Array(P), new Float64Array(P)];
  const churned = new Float64Array(P);
  // stamp[p] === c: customer c is active in p, and status[p] says how
  const stamp = new Int32Array(P).fill(-1);
  const status = new Uint8Array(P);
  let distinct = new Int32Array(64);

  for (let c = 0; c < nc; c++) {
    let first = P;
    let m = 0;
    for (let j = start[c]; j < start[c + 1]; j++) {
      const p = key[rows[j]];
      if (p < first) first = p;
      if (stamp[p] !== c) {
        stamp[p] = c;
        if (m === distinct.length) {
          const bigger = new Int32Array(m * 2);
          bigger.set(distinct);
          distinct = bigger;
        }
        distinct[m++] = p;
      }
    }
    for (let q = 0; q < m; q++) {
      const p = distinct[q];
      const s = p === first ? NEW : stamp[p - 1] === c ? RETAINED : RESURRECTED;
      status[p] = s;
      active[p]++;
      counts[s][p]++;
      if (p + 1 < P && stamp[p + 1] !== c) churned[p + 1]++;
    }
    if (revenue) for (let j = start[c]; j < start[c + 1]; j++) {
      const i = rows[j];
      money[status[key[i]]][key[i]] += revenue[i];
    }
  }

  const table: Table = [growthHeader.slice()];
  for (let p = 0; p < P; p++) {
    const row: (string | number)[] = [periodLabel(firstKey + p, period), active[p], counts[NEW][p], counts[RETAINED][p], counts[RESURRECTED][p], churned[p]];
    if (revenue) {
      const total = money[NEW][p] + money[RETAINED][p] + money[RESURRECTED][p];
      row.push(money[NEW][p], money[RETAINED][p], money[RESURRECTED][p], total);
    } else {
      row.push("", "", "", "");
    }
    row.push(churned[p] === 0 ? "" : (counts[NEW][p] + counts[RESURRECTED][p]) / churned[p]);
    table.push(row);
  }
  return table;
}
