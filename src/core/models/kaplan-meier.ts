/**
 * The Kaplan-Meier estimate of a survival curve from right-censored durations
 * (Kaplan & Meier 1958, "Nonparametric estimation from incomplete observations",
 * JASA 53(282), 457–481), with Greenwood's variance and log-log confidence limits
 * as lifelines reports them and R's survival package does with conf.type = "log-log".
 */
import { asNumber, Cell, describeCell, isBlankOrZero } from "../cells";
import { valueError } from "../errors";
import { normalQuantile } from "../special/normal-quantile";
import { readNumber } from "./customer-data";
import { ModelOptions } from "./fit-options";

export interface KaplanMeierOptions extends ModelOptions {
  /** Two-sided confidence level of the limits, between 0 and 1. Default 0.95. */
  confidence?: number;
}

/** One distinct time: counts at that time and the curve just after it. */
export interface KaplanMeierRow {
  time: number;
  /** Subjects with duration ≥ time. */
  atRisk: number;
  /** Events (observed = 1) at time. */
  events: number;
  /** Censored subjects (observed = 0) at time. */
  censored: number;
  /** Ŝ(time) = Π over event times tᵢ ≤ time of (1 − dᵢ/nᵢ). */
  survival: number;
  lower: number;
  upper: number;
}

export interface KaplanMeierResult {
  rows: KaplanMeierRow[];
  /** The smallest time with Ŝ ≤ 0.5 (lifelines' median), or null when the curve stays above 0.5. */
  median: number | null;
}

/**
 * Kaplan-Meier survival with log-log confidence limits.
 *
 * Ŝ(t) = Πₜᵢ≤ₜ (1 − dᵢ/nᵢ) (Kaplan & Meier 1958, eq. 2); Greenwood's variance of
 * ln Ŝ, v(t) = Σₜᵢ≤ₜ dᵢ/(nᵢ(nᵢ − dᵢ)) (Greenwood 1926); limits
 * exp(−exp(ln(−ln Ŝ) ± z·√v / |ln Ŝ|)) with z = Φ⁻¹((1 + confidence)/2) (Kalbfleisch
 * & Prentice 2002, §4.3; R survival's conf.type = "log-log", lifelines' default).
 * Where Ŝ = 1 (no event yet) the limits are 1 and 1, where Ŝ = 0 they are 0 and 0:
 * the transform is undefined there (R prints NA) and the curve is known exactly.
 *
 * Rows blank in both columns (or 0 and 0, as desktop Excel passes blank cells) are
 * skipped. durations are numbers ≥ 0 in any unit; observed is 1/TRUE for an event
 * (churn seen) and 0/FALSE for a censored subject (still active at that duration).
 *
 * @example
 * kaplanMeier([1, 2, 2, 3], [1, 1, 0, 1]).rows.map((r) => r.survival) // => [0.75, 0.5, 0]
 */
export function kaplanMeier(durations: Cell[], observed: Cell[], options: KaplanMeierOptions = {}): KaplanMeierResult {
  const name = options.name ?? "kaplanMeier";
  const confidence = options.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) {
    throw valueError(`${name} requires confidence between 0 and 1 (got ${confidence})`);
  }
  const subjects = readSurvivalData(durations, observed, name);
  subjects.sort((a, b) => a.time - b.time);
  const z = normalQuantile((1 + confidence) / 2);
  const rows: KaplanMeierRow[] = [];
  let atRisk = subjects.length;
  let survival = 1;
  let greenwood = 0;
  let median: number | null = null;
  for (let i = 0; i < subjects.length; ) {
    const time = subjects[i].time;
    let events = 0;
    let censored = 0;
    while (i < subjects.length && subjects[i].time === time) {
      if (subjects[i].event) events++;
      else censored++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Infinity;
    }
    let lower: number;
    let upper: number;
    if (survival >= 1) {
      lower = upper = 1;
    } else if (survival <= 0) {
      lower = upper = 0;
    } else {
      const logS = Math.log(survival);
      const centre = Math.log(-logS);
      const half = (z * Math.sqrt(greenwood)) / Math.abs(logS);
      lower = Math.exp(-Math.exp(centre + half));
      upper = Math.exp(-Math.exp(centre - half));
    }
    if (median === null && survival <= 0.5) median = time;
    rows.push({ time, atRisk, events, censored, survival, lower, upper });
    atRisk -= events + censored;
  }
  return { rows, median };
}

interface Subject {
  time: number;
  event: boolean;
}

/**
 * Reads durations and observed flags, the one place the Kaplan-Meier estimate
 * checks its data: same lengths, durations numbers ≥ 0, observed 0/1/TRUE/FALSE
 * (booleans, numbers or the texts TRUE/FALSE in any case), at least one subject.
 */
function readSurvivalData(durations: Cell[], observed: Cell[], name: string): Subject[] {
  if (durations.length !== observed.length) {
    throw valueError(
      `${name} requires durations and observed to have the same number of rows (durations ${durations.length}, observed ${observed.length})`,
    );
  }
  const subjects: Subject[] = [];
  for (let i = 0; i < durations.length; i++) {
    const row = i + 1;
    if (isBlankOrZero(durations[i]) && isBlankOrZero(observed[i])) continue;
    const time = readNumber(durations[i], "durations", row, name);
    if (time < 0) throw valueError(`${name} requires durations ≥ 0 (row ${row}: ${time})`);
    subjects.push({ time, event: readFlag(observed[i], row, name) });
  }
  if (subjects.length === 0) throw valueError(`${name} requires at least one duration`);
  return subjects;
}

function readFlag(cell: Cell, row: number, name: string): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "string") {
    const text = cell.trim().toUpperCase();
    if (text === "TRUE") return true;
    if (text === "FALSE") return false;
  }
  const value = asNumber(cell);
  if (value === 1) return true;
  if (value === 0) return false;
  throw valueError(`${name} requires observed to be 0, 1, TRUE or FALSE (row ${row}: ${describeCell(cell)})`);
}
