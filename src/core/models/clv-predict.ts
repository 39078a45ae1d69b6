/**
 * Predicted customer lifetime value from a BG/NBD model of purchases and a
 * Gamma-Gamma model of spend, defined as lifetimes' customer_lifetime_value
 * (lifetimes.utils._customer_lifetime_value, v0.11) defines it.
 */
import { Cell } from "../cells";
import { valueError } from "../errors";
import { BgNbdParams, bgnbdConditionalExpected, checkBgNbdParams } from "./bg-nbd";
import { readCustomers } from "./customer-data";
import { ModelOptions } from "./fit-options";
import { checkGammaGammaParams, GammaGammaParams, ggExpectedSpend, readSpenders } from "./gamma-gamma";

/** Model time units per month, as lifetimes counts them: W 4.345, M 1, D 30, H 720. */
export const periodsPerMonth = { W: 4.345, M: 1, D: 30, H: 720 } as const;

export type TimeUnit = keyof typeof periodsPerMonth;

export interface ClvOptions extends ModelOptions {
  /** Horizon in months (a whole number ≥ 1). Default 12. */
  months?: number;
  /** Discount rate per month (≥ 0). Default 0.01. */
  monthlyDiscount?: number;
  /** The unit of recency, T and the BG/NBD fit: W, M, D or H. Default "W". */
  timeUnit?: TimeUnit;
}

/**
 * Predicted lifetime value of one customer over the next `months` months:
 *
 * CLV = Σₘ₌₁..M  E(spend) · [E(Y(m·u)) − E(Y((m−1)·u))] / (1 + d)^m
 *
 * where E(Y(t)) is the BG/NBD conditional expected number of purchases in the next
 * t time units (Fader, Hardie & Lee 2005, eq. 10), E(spend) the Gamma-Gamma
 * conditional expected spend per purchase (Fader & Hardie 2013), u the time units
 * in a month (W 4.345, M 1, D 30, H 720) and d the monthly discount rate. This is
 * lifetimes' customer_lifetime_value.
 *
 * @example
 * // CDNOW's BG/NBD (weeks) and Gamma-Gamma parameters; 12 months of 4.345 weeks, 1% a month:
 * clvPredict({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, { p: 6.25, q: 3.74, gamma: 15.44 }, 2, 30.43, 38.86, 22.35) // => 36.29
 */
export function clvPredict(
  bgnbd: BgNbdParams,
  gg: GammaGammaParams,
  frequency: number,
  recency: number,
  T: number,
  monetaryValue: number,
  options: ClvOptions = {},
): number {
  const name = options.name ?? "clvPredict";
  const { months, discount, unit } = readClvOptions(options, name);
  const spend = ggExpectedSpend(gg, frequency, monetaryValue, { name });
  let value = 0;
  let previous = 0;
  for (let m = 1; m <= months; m++) {
    const cumulative = bgnbdConditionalExpected(bgnbd, m * unit, frequency, recency, T);
    value += (spend * (cumulative - previous)) / Math.pow(1 + discount, m);
    previous = cumulative;
  }
  return value;
}

/**
 * clvPredict for every row of five columns; null marks a row blank in all of them.
 * Checks the parameters and the data once, with messages naming column and row.
 */
export function clvPredictRows(
  bgnbd: BgNbdParams,
  gg: GammaGammaParams,
  frequency: Cell[],
  recency: Cell[],
  T: Cell[],
  monetaryValue: Cell[],
  options: ClvOptions = {},
): (number | null)[] {
  const name = options.name ?? "clvPredict";
  checkBgNbdParams(bgnbd, name);
  checkGammaGammaParams(gg, name);
  readClvOptions(options, name);
  const customers = readCustomers(frequency, recency, T, name).rows;
  if (monetaryValue.length !== frequency.length) {
    throw valueError(
      `${name} requires monetary_value to have as many rows as frequency (frequency ${frequency.length}, monetary_value ${monetaryValue.length})`,
    );
  }
  const spenders = readSpenders(frequency, monetaryValue, name);
  return customers.map((c, i) => {
    if (c === null) return null;
    const spender = spenders[i];
    return clvPredict(bgnbd, gg, c.frequency, c.recency, c.T, spender ? spender.monetaryValue : 0, { ...options, name });
  });
}

function readClvOptions(options: ClvOptions, name: string): { months: number; discount: number; unit: number } {
  const months = options.months ?? 12;
  const discount = options.monthlyDiscount ?? 0.01;
  const timeUnit = options.timeUnit ?? "W";
  if (!(Number.isInteger(months) && months >= 1)) throw valueError(`${name} requires months to be a whole number ≥ 1 (got ${months})`);
  if (!(Number.isFinite(discount) && discount >= 0)) throw valueError(`${name} requires monthly_discount ≥ 0 (got ${discount})`);
  if (!Object.prototype.hasOwnProperty.call(periodsPerMonth, timeUnit)) {
    throw valueError(`${name} requires time_unit to be W, M, D or H (got ${String(timeUnit)})`);
  }
  return { months, discount, unit: periodsPerMonth[timeUnit] };
}
