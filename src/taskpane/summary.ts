/**
 * The summary the output sheet shows, read off a retention table's "All cohorts"
 * row (the pane never recomputes it): the pooled average retention at offsets
 * 1, 3, 6 and 12 where the data reaches them, and where customers are lost most.
 */
import type { Table } from "../core/cohort";
import { biggestDrop, type Drop } from "../core/pane/biggest-drop";
import { MIN_COHORTS_PER_OFFSET } from "../core/pane/projection-curve";

export const SUMMARY_OFFSETS = [1, 3, 6, 12] as const;

export interface Summary {
  /** offset → pooled average retention, for the offsets in SUMMARY_OFFSETS the table reaches */
  averages: { offset: number; value: number }[];
  /** the largest fall of the average curve, if it ever falls */
  drop?: Drop;
  cohorts: number;
  customers: number;
}

/** The column of offset k in a cohort table (header: "Cohort", "Customers", 0, 1, …). */
export function offsetColumn(table: Table, offset: number): number {
  return table[0].indexOf(offset);
}

/** The "All cohorts" row: always the table's last row. */
export function averageRow(table: Table): (string | number)[] {
  return table[table.length - 1];
}

/**
 * Summary of a retention table. Offsets reached by only one cohort are left out of
 * the biggest-drop search when at least two cohorts exist (one old cohort is noise).
 */
export function summarise(retention: Table): Summary {
  const header = retention[0];
  const avg = averageRow(retention);
  const cohortRows = retention.slice(1, -1);
  const offsets = header.slice(2) as number[];
  const curve = offsets.map((_, i) => avg[i + 2]);
  const support = offsets.map((_, i) => cohortRows.filter((r) => typeof r[i + 2] === "number").length);
  const averages: Summary["averages"] = [];
  for (const k of SUMMARY_OFFSETS) {
    const v = curve[k];
    if (typeof v === "number") averages.push({ offset: k, value: v });
  }
  // as the projection's curve: offsets reached by one cohort only are noise when there are more
  const minSupport = cohortRows.length >= MIN_COHORTS_PER_OFFSET ? MIN_COHORTS_PER_OFFSET : 1;
  const customers = cohortRows.reduce((s, r) => s + (typeof r[1] === "number" ? r[1] : 0), 0);
  return { averages, drop: biggestDrop(curve, support, minSupport), cohorts: cohortRows.length, customers };
}
