/**
 * The curve "Project retention" fits the shifted-beta-geometric model to, read off a
 * cohort table, and the rule that decides whether it can be fitted at all.
 *
 * The rule. sBG (Fader & Hardie 2007) describes the share of a cohort not yet lost:
 * it starts at 100% and never rises. In a cohort table that curve is retention
 * counted "on or after" (a customer counts at offset k if they buy at k or later:
 * unbounded retention), and its pooled average is the "All cohorts" row. Retention
 * counted "on" the period is not such a curve (customers come back, so it can rise)
 * and is never the input: the pane fits the "on or after" table computed by the
 * engine from the same transactions, whichever mode the sheet shows.
 *
 * From that row:
 * - the curve runs from offset 0 to the last offset with a number (blank cells past
 *   the data are offsets no cohort reached);
 * - offsets reached by one cohort only are left out when there are two or more
 *   cohorts, as in the biggest-drop rule (one old cohort's tail is noise);
 * - it must never rise. The pooled average can rise even though each cohort's curve
 *   cannot: later offsets are reached by fewer, older cohorts, and if those kept
 *   their customers better the average climbs. The curve stops before the first
 *   rise, and the result says where (`cut`), so the sheet and the pane can say it;
 *   a rise before offset 2 leaves too little and is refused with the offsets named;
 * - it must have offsets 0, 1 and 2 at least (two parameters to identify);
 * - some customers must come back at offset 1 and some must be lost by the end.
 *
 * @example
 * // two cohorts; offset 3 is reached by one only, so the curve stops at offset 2
 * projectionCurve([["Cohort", "Customers", 0, 1, 2, 3], ["2024-01", 10, 1, 0.6, 0.5, 0.4], ["2024-02", 10, 1, 0.5, 0.3, ""], ["All cohorts", 20, 1, 0.55, 0.4, 0.4]])
 * // => { ok: true, curve: [1, 0.55, 0.4], lastOffset: 2, cohorts: 2 }
 */
import type { Table } from "../cohort/table";

export type CurveProblem =
  /** fewer than three offsets (0, 1, 2) in the curve; lastOffset is the last one it has (−1: none) */
  | { kind: "tooShort"; lastOffset: number }
  /** the curve rises from offset `from` to `to` */
  | { kind: "rises"; from: number; to: number; fromValue: number; toValue: number }
  /** nobody comes back at offset 1 */
  | { kind: "noneReturn" }
  /** nobody is lost: the curve stays at its start */
  | { kind: "flat" };

export type ProjectionCurve =
  | {
      ok: true;
      /** the survivor shares at offsets 0 … lastOffset */
      curve: number[];
      lastOffset: number;
      /** cohorts in the table */
      cohorts: number;
      /** where the average rose, when the curve stops before a rise: offsets `from` → `to` */
      cut?: { from: number; to: number; fromValue: number; toValue: number };
    }
  | { ok: false; problem: CurveProblem };

/** Offsets whose average rests on fewer cohorts than this are left out (when there are at least this many cohorts). */
export const MIN_COHORTS_PER_OFFSET = 2;

/** The input curve of the projection, from a retention table counted "on or after". */
export function projectionCurve(table: Table): ProjectionCurve {
  const header = table[0];
  const average = table[table.length - 1];
  const cohortRows = table.slice(1, -1);
  const minSupport = cohortRows.length >= MIN_COHORTS_PER_OFFSET ? MIN_COHORTS_PER_OFFSET : 1;
  const curve: number[] = [];
  for (let c = 2; c < header.length; c++) {
    const v = average[c];
    if (typeof v !== "number" || !Number.isFinite(v)) break;
    const support = cohortRows.filter((r) => typeof r[c] === "number").length;
    if (support < minSupport) break;
    curve.push(v);
  }
  let cut: { from: number; to: number; fromValue: number; toValue: number } | undefined;
  for (let k = 1; k < curve.length; k++) {
    // pooled shares are ratios of counts: a rise smaller than rounding is not a rise
    if (curve[k] > curve[k - 1] + 1e-12) {
      cut = { from: k - 1, to: k, fromValue: curve[k - 1], toValue: curve[k] };
      if (k < 3) return { ok: false, problem: { kind: "rises", ...cut } };
      curve.length = k;
      break;
    }
  }
  if (curve.length < 3) return { ok: false, problem: { kind: "tooShort", lastOffset: curve.length - 1 } };
  if (!(curve[1] > 0)) return { ok: false, problem: { kind: "noneReturn" } };
  if (!(curve[curve.length - 1] < curve[0])) return { ok: false, problem: { kind: "flat" } };
  return { ok: true, curve, lastOffset: curve.length - 1, cohorts: cohortRows.length, ...(cut ? { cut } : {}) };
}
