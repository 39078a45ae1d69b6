/**
 * RETAIN.* wrappers for the customer models: BG/NBD, Gamma-Gamma, predictive CLV,
 * shifted-beta-geometric retention and Kaplan-Meier. Each reads its ranges, calls
 * src/core/models and spills plain arrays; fits spill a names row over a values
 * row (log_likelihood last) that the prediction functions take back as `params`.
 * The JSDoc of each is the help Excel shows and the metadata
 * CustomFunctionsMetadataPlugin builds.
 */
import { Cell, column, Range, requireNumber } from "../core/cells";
import { numError, valueError } from "../core/errors";
import {
  BgNbdParams,
  bgnbdConditionalExpectedRows,
  bgnbdExpected,
  bgnbdFit,
  bgnbdPAliveRows,
  bgnbdPmf,
  checkHorizon,
} from "../core/models/bg-nbd";
import { clvPredictRows, TimeUnit } from "../core/models/clv-predict";
import { GammaGammaParams, ggExpectedSpendRows, ggFit } from "../core/models/gamma-gamma";
import { kaplanMeier } from "../core/models/kaplan-meier";
import { bgnbdSpec, gammaGammaSpec, paramsBlock, readParamsBlock, sbgSpec } from "../core/models/params-block";
import { SbgParams, sbgDerl, sbgFit, sbgRetention, sbgSurvival } from "../core/models/shifted-beta-geometric";
import { excelCall, isOmitted } from "./excel";

function bgnbdParams(block: unknown, fn: string): BgNbdParams {
  const [r, alpha, a, b] = readParamsBlock(block as Range, bgnbdSpec, fn);
  return { r, alpha, a, b };
}

function ggParams(block: unknown, fn: string): GammaGammaParams {
  const [p, q, gamma] = readParamsBlock(block as Range, gammaGammaSpec, fn);
  return { p, q, gamma };
}

function sbgParams(block: unknown, fn: string): SbgParams {
  const [alpha, beta] = readParamsBlock(block as Range, sbgSpec, fn);
  return { alpha, beta };
}

/** One value per input row as a spilled column; blank rows stay blank. Never NaN. */
function spillColumn(values: (number | null)[], fn: string): (number | string)[][] {
  return values.map((v, i) => {
    if (v === null) return [""];
    if (!Number.isFinite(v)) throw numError(`${fn} has no finite result for row ${i + 1}`);
    return [v];
  });
}

/** Applies `compute` to every cell of a scalar-or-range argument, keeping its shape. */
function mapCells(arg: unknown, argument: string, fn: string, compute: (value: number) => number): number[][] {
  const grid: Cell[][] = Array.isArray(arg) ? (arg as Cell[][]) : [[arg as Cell]];
  return grid.map((row, i) =>
    row.map((cell, j) => {
      const where = grid.length * (row.length || 1) > 1 ? ` (row ${i + 1}, column ${j + 1})` : "";
      const value = requireNumber(cell, argument, fn, where);
      const result = compute(value);
      if (!Number.isFinite(result)) throw numError(`${fn} has no finite result for ${argument} ${value}`);
      return result;
    }),
  );
}

/** An optional number argument, undefined when omitted: core applies the default. */
function optionalNumber(value: unknown, argument: string, fn: string): number | undefined {
  return isOmitted(value) ? undefined : requireNumber(value, argument, fn);
}

/**
 * BG/NBD fit (Fader, Hardie & Lee 2005): the beta-geometric/negative-binomial model of repeat purchases of customers who may silently leave. While alive a customer buys at rate λ ~ Gamma(r, alpha); after each purchase leaves with probability p ~ Beta(a, b). Maximum likelihood without Solver. Spills two rows: r, alpha, a, b, log_likelihood and their values (alpha is in your time unit). Inputs as CUSTOMER_SUMMARY gives them; blank rows are skipped. Example: =RETAIN.BGNBD_FIT(B2:B2358, C2:C2358, D2:D2358) on CDNOW in weeks gives r 0.243, alpha 4.414, a 0.793, b 2.426, log_likelihood -9582.4.
 * @customfunction BGNBD_FIT
 * @param {any[][]} frequency Repeat purchases of each customer (whole numbers ≥ 0; the first purchase is not counted).
 * @param {any[][]} recency Age of each customer at their last repeat purchase, from the first purchase (0 when frequency is 0); weeks, days or months.
 * @param {any[][]} T Age of each customer at the end of observation, in the same unit (≥ recency).
 * @returns {any[][]} Parameter names over values, log_likelihood last.
 */
export function bgnbdFitFunction(frequency: unknown[][], recency: unknown[][], T: unknown[][]): unknown[][] {
  const fn = "BGNBD_FIT";
  return excelCall(fn, () => {
    const fit = bgnbdFit(column(frequency as Range, "frequency", fn), column(recency as Range, "recency", fn), column(T as Range, "T", fn), { name: fn });
    return paramsBlock(bgnbdSpec, [fit.r, fit.alpha, fit.a, fit.b], fit.logLikelihood);
  });
}

/**
 * BG/NBD expected purchases. With customer data: each customer's expected number of purchases in the next t time units, E[Y(t) | frequency, recency, T] (Fader, Hardie & Lee 2005, eq. 10), one value per row. Without: the expected repeat purchases of a new customer in their first t time units, E[X(t)] = (a+b−1)/(a−1)·[1 − (alpha/(alpha+t))^r·2F1(r, b; a+b−1; t/(alpha+t))] (eq. 9). t is in the unit of the fit. Example: =RETAIN.BGNBD_EXPECTED(H2:L3, 39, B2:B2358, C2:C2358, D2:D2358).
 * @customfunction BGNBD_EXPECTED
 * @param {any[][]} params The block BGNBD_FIT spills (with or without log_likelihood), or its values row.
 * @param {number} t Horizon in the unit of the fit (≥ 0), e.g. 39 weeks.
 * @param {any[][]} [frequency] Repeat purchases of each customer; omit with recency and T for a new customer.
 * @param {any[][]} [recency] Age of each customer at their last repeat purchase.
 * @param {any[][]} [T] Age of each customer at the end of observation.
 * @returns {any[][]} Expected purchases: one per customer row, or one value for a new customer.
 */
export function bgnbdExpectedFunction(params: unknown[][], t: number, frequency?: unknown[][], recency?: unknown[][], T?: unknown[][]): unknown[][] {
  const fn = "BGNBD_EXPECTED";
  return excelCall(fn, () => {
    const p = bgnbdParams(params, fn);
    const horizon = checkHorizon(requireNumber(t, "t", fn), fn);
    const given = [frequency, recency, T].filter((v) => !isOmitted(v)).length;
    if (given === 0) return spillColumn([bgnbdExpected(p, horizon)], fn);
    if (given !== 3) throw valueError(`${fn} requires frequency, recency and T together, or none of them for a new customer`);
    const rows = bgnbdConditionalExpectedRows(p, horizon, column(frequency as Range, "frequency", fn), column(recency as Range, "recency", fn), column(T as Range, "T", fn), { name: fn });
    return spillColumn(rows, fn);
  });
}

/**
 * BG/NBD probability that each customer is still alive at the end of observation: P(alive) = 1 / (1 + [frequency > 0]·a/(b+frequency−1)·((alpha+T)/(alpha+recency))^(r+frequency)) (Fader, Hardie & Lee 2008). Customers without repeat purchases get 1 (the model lets customers leave only right after a purchase). One value per row, between 0 and 1. Example: =RETAIN.BGNBD_P_ALIVE(H2:L3, B2:B2358, C2:C2358, D2:D2358).
 * @customfunction BGNBD_P_ALIVE
 * @param {any[][]} params The block BGNBD_FIT spills (with or without log_likelihood), or its values row.
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Age of each customer at their last repeat purchase.
 * @param {any[][]} T Age of each customer at the end of observation.
 * @returns {any[][]} P(alive) per customer row.
 */
export function bgnbdPAliveFunction(params: unknown[][], frequency: unknown[][], recency: unknown[][], T: unknown[][]): unknown[][] {
  const fn = "BGNBD_P_ALIVE";
  return excelCall(fn, () =>
    spillColumn(bgnbdPAliveRows(bgnbdParams(params, fn), column(frequency as Range, "frequency", fn), column(recency as Range, "recency", fn), column(T as Range, "T", fn), { name: fn }), fn),
  );
}

/**
 * BG/NBD probability that a new customer makes exactly n repeat purchases in their first t time units, P(X(t) = n) (Fader, Hardie & Lee 2005, eq. 8). n may be a range (e.g. 0 to 10): one probability per cell, same shape. Σ n·P(X(t) = n) equals BGNBD_EXPECTED for a new customer. Example: =RETAIN.BGNBD_PMF(H2:L3, 39, A2:A12).
 * @customfunction BGNBD_PMF
 * @param {any[][]} params The block BGNBD_FIT spills (with or without log_likelihood), or its values row.
 * @param {number} t Horizon in the unit of the fit (≥ 0).
 * @param {any[][]} n Number of repeat purchases (whole numbers ≥ 0, up to 1,000,000); a value or a range.
 * @returns {any[][]} P(X(t) = n) for each n.
 */
export function bgnbdPmfFunction(params: unknown[][], t: number, n: unknown[][]): number[][] {
  const fn = "BGNBD_PMF";
  return excelCall(fn, () => {
    const p = bgnbdParams(params, fn);
    const horizon = checkHorizon(requireNumber(t, "t", fn), fn);
    return mapCells(n, "n", fn, (count) => {
      if (!(Number.isInteger(count) && count >= 0 && count <= 1_000_000)) {
        throw valueError(`${fn} requires n to be a whole number from 0 to 1000000 (got ${count})`);
      }
      return bgnbdPmf(p, horizon, count);
    });
  });
}

/**
 * Gamma-Gamma fit (Fader & Hardie 2013): the model of spend per transaction. Each customer's purchase values are Gamma(p, ν) with ν ~ Gamma(q, gamma) across customers. Customers with frequency 0 are left out of the fit. Spills two rows: p, q, gamma, log_likelihood and their values (gamma in money). Example: =RETAIN.GG_FIT(B2:B2358, E2:E2358) on CDNOW gives p 6.25, q 3.74, gamma 15.44.
 * @customfunction GG_FIT
 * @param {any[][]} frequency Repeat purchases of each customer (whole numbers ≥ 0).
 * @param {any[][]} monetary_value Mean value of each customer's repeat purchases (> 0 when frequency > 0; ignored when 0).
 * @returns {any[][]} Parameter names over values, log_likelihood last.
 */
export function ggFitFunction(frequency: unknown[][], monetary_value: unknown[][]): unknown[][] {
  const fn = "GG_FIT";
  return excelCall(fn, () => {
    const fit = ggFit(column(frequency as Range, "frequency", fn), column(monetary_value as Range, "monetary_value", fn), { name: fn });
    return paramsBlock(gammaGammaSpec, [fit.p, fit.q, fit.gamma], fit.logLikelihood);
  });
}

/**
 * Gamma-Gamma expected spend per transaction of each customer: p·(gamma + frequency·monetary_value) / (p·frequency + q − 1), a weighted mean of the population mean p·gamma/(q − 1) and the customer's own mean (Fader & Hardie 2013). Customers with frequency 0 get the population mean. One value per row. Example: =RETAIN.GG_EXPECTED_SPEND(H5:K6, B2:B2358, E2:E2358).
 * @customfunction GG_EXPECTED_SPEND
 * @param {any[][]} params The block GG_FIT spills (with or without log_likelihood), or its values row.
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} monetary_value Mean value of each customer's repeat purchases.
 * @returns {any[][]} Expected spend per transaction per customer row.
 */
export function ggExpectedSpendFunction(params: unknown[][], frequency: unknown[][], monetary_value: unknown[][]): unknown[][] {
  const fn = "GG_EXPECTED_SPEND";
  return excelCall(fn, () =>
    spillColumn(ggExpectedSpendRows(ggParams(params, fn), column(frequency as Range, "frequency", fn), column(monetary_value as Range, "monetary_value", fn), { name: fn }), fn),
  );
}

/**
 * Predicted customer lifetime value over the next months, as lifetimes' customer_lifetime_value defines it: CLV = Σ over months m = 1..months of expected spend × (E[purchases by month m] − E[purchases by month m − 1]) / (1 + monthly_discount)^m, with purchases from the BG/NBD conditional expectation and spend from Gamma-Gamma. A month is 4.345 weeks (W), 1 month (M), 30 days (D) or 720 hours (H) of the unit of recency and T. One value per row. Example: =RETAIN.CLV_PREDICT(H2:L3, H5:K6, B2:B2358, C2:C2358, D2:D2358, E2:E2358, 12, 0.01, "W").
 * @customfunction CLV_PREDICT
 * @param {any[][]} bgnbd_params The block BGNBD_FIT spills, or its values row.
 * @param {any[][]} gg_params The block GG_FIT spills, or its values row.
 * @param {any[][]} frequency Repeat purchases of each customer.
 * @param {any[][]} recency Age of each customer at their last repeat purchase.
 * @param {any[][]} T Age of each customer at the end of observation.
 * @param {any[][]} monetary_value Mean value of each customer's repeat purchases.
 * @param {number} [months] Horizon in months (whole number ≥ 1); default 12.
 * @param {number} [monthly_discount] Discount rate per month (≥ 0); default 0.01.
 * @param {string} [time_unit] Unit of recency and T: "W" weeks (default), "M" months, "D" days or "H" hours.
 * @returns {any[][]} Predicted lifetime value per customer row.
 */
export function clvPredictFunction(
  bgnbd_params: unknown[][],
  gg_params: unknown[][],
  frequency: unknown[][],
  recency: unknown[][],
  T: unknown[][],
  monetary_value: unknown[][],
  months?: number,
  monthly_discount?: number,
  time_unit?: string,
): unknown[][] {
  const fn = "CLV_PREDICT";
  return excelCall(fn, () => {
    const rows = clvPredictRows(
      bgnbdParams(bgnbd_params, fn),
      ggParams(gg_params, fn),
      column(frequency as Range, "frequency", fn),
      column(recency as Range, "recency", fn),
      column(T as Range, "T", fn),
      column(monetary_value as Range, "monetary_value", fn),
      {
        name: fn,
        months: optionalNumber(months, "months", fn),
        monthlyDiscount: optionalNumber(monthly_discount, "monthly_discount", fn),
        // core checks the unit and names the valid ones
        timeUnit: isOmitted(time_unit) ? undefined : (String(time_unit).trim().toUpperCase() as TimeUnit),
      },
    );
    return spillColumn(rows, fn);
  });
}

/**
 * Shifted-beta-geometric retention fit (Fader & Hardie 2007, "How to project customer retention"): each customer renews each period with probability 1 − θ, θ ~ Beta(alpha, beta) across customers, so retention rises as a cohort ages. Input: customers still active at t = 0, 1, …, n as counts, shares or percentages (a COHORT row or the average row works; trailing blanks are skipped). Spills two rows: alpha, beta, log_likelihood and their values. Example: =RETAIN.SBG_FIT({100;63.1;46.8;38.2;32.6;28.9;26.2;24.1}) gives alpha 0.704, beta 1.182.
 * @customfunction SBG_FIT
 * @param {any[][]} survivors Customers active at t = 0, 1, 2, … (the first is the cohort size, 1 or 100%); never rising; at least 3 values.
 * @returns {any[][]} Parameter names over values, log_likelihood last.
 */
export function sbgFitFunction(survivors: unknown[][]): unknown[][] {
  const fn = "SBG_FIT";
  return excelCall(fn, () => {
    const fit = sbgFit(column(survivors as Range, "survivors", fn), { name: fn });
    return paramsBlock(sbgSpec, [fit.alpha, fit.beta], fit.logLikelihood);
  });
}

/**
 * Shifted-beta-geometric survival: the share of a cohort still active after t periods, S(t) = B(alpha, beta + t) / B(alpha, beta) = Π over k = 1..t of (beta + k − 1)/(alpha + beta + k − 1), between 0 and 1 whatever units the fit used. t may be a range (e.g. 0 to 12) for a projected curve. Example: =RETAIN.SBG_SURVIVAL(H2:J3, A2:A13).
 * @customfunction SBG_SURVIVAL
 * @param {any[][]} params The block SBG_FIT spills (with or without log_likelihood), or its values row.
 * @param {any[][]} t Periods since the start (whole numbers ≥ 0); a value or a range.
 * @returns {any[][]} S(t) for each t, as shares.
 */
export function sbgSurvivalFunction(params: unknown[][], t: unknown[][]): number[][] {
  const fn = "SBG_SURVIVAL";
  return excelCall(fn, () => {
    const p = sbgParams(params, fn);
    return mapCells(t, "t", fn, (period) => sbgSurvival(p, period, { name: fn }));
  });
}

/**
 * Shifted-beta-geometric retention rate in period t: the share of customers active at t − 1 who are still active at t, r(t) = (beta + t − 1)/(alpha + beta + t − 1) (Fader & Hardie 2007). It rises with t. t may be a range. Example: =RETAIN.SBG_RETENTION(H2:J3, A2:A13).
 * @customfunction SBG_RETENTION
 * @param {any[][]} params The block SBG_FIT spills (with or without log_likelihood), or its values row.
 * @param {any[][]} t Periods (whole numbers ≥ 1); a value or a range.
 * @returns {any[][]} r(t) for each t, as shares.
 */
export function sbgRetentionFunction(params: unknown[][], t: unknown[][]): number[][] {
  const fn = "SBG_RETENTION";
  return excelCall(fn, () => {
    const p = sbgParams(params, fn);
    return mapCells(t, "t", fn, (period) => sbgRetention(p, period, { name: fn }));
  });
}

/**
 * Discounted expected residual lifetime (Fader & Hardie 2010) of a customer who has renewed `renewals` times, in payments, the next payment undiscounted: DERL = (beta + k)/(alpha + beta + k) · 2F1(1, beta + k + 1; alpha + beta + k + 1; 1/(1 + discount_rate)) with k = renewals. Multiply by the payment per period for the customer's residual value. Example: =RETAIN.SBG_DERL(H2:J3, 0.1, 0) gives 2.96 for alpha 0.704, beta 1.182.
 * @customfunction SBG_DERL
 * @param {any[][]} params The block SBG_FIT spills (with or without log_likelihood), or its values row.
 * @param {number} discount_rate Discount rate per period (> 0), e.g. 0.1.
 * @param {number} [renewals] Renewals the customer has made so far (whole number ≥ 0); default 0.
 * @returns {number} Expected discounted number of future payments.
 */
export function sbgDerlFunction(params: unknown[][], discount_rate: number, renewals?: number): number {
  const fn = "SBG_DERL";
  return excelCall(fn, () => {
    const value = sbgDerl(sbgParams(params, fn), requireNumber(discount_rate, "discount_rate", fn), optionalNumber(renewals, "renewals", fn), { name: fn });
    if (!Number.isFinite(value)) throw numError(`${fn} has no finite result for these arguments`);
    return value;
  });
}

/**
 * Kaplan-Meier survival curve from durations that may be censored: S(t) = Π over event times ≤ t of (1 − events/at_risk), with Greenwood's variance and log-log confidence limits (as lifelines and R's survival with conf.type = "log-log" give them). Spills a header row (time, at_risk, events, censored, survival, lower, upper), one row per distinct time, and a last row with the median survival time: the smallest time with survival ≤ 0.5 ("not reached" if the curve stays above). Example: =RETAIN.KAPLAN_MEIER(B2:B500, C2:C500, 0.95).
 * @customfunction KAPLAN_MEIER
 * @param {any[][]} durations Time each customer was observed (≥ 0), to churn or to the end of observation.
 * @param {any[][]} observed 1 or TRUE if the customer churned at that time, 0 or FALSE if still active (censored).
 * @param {number} [confidence] Confidence level of the limits, between 0 and 1; default 0.95.
 * @returns {any[][]} The survival table with its median row.
 */
export function kaplanMeierFunction(durations: unknown[][], observed: unknown[][], confidence?: number): unknown[][] {
  const fn = "KAPLAN_MEIER";
  return excelCall(fn, () => {
    const result = kaplanMeier(column(durations as Range, "durations", fn), column(observed as Range, "observed", fn), {
      name: fn,
      confidence: optionalNumber(confidence, "confidence", fn),
    });
    const table: (string | number)[][] = [["time", "at_risk", "events", "censored", "survival", "lower", "upper"]];
    for (const r of result.rows) table.push([r.time, r.atRisk, r.events, r.censored, r.survival, r.lower, r.upper]);
    table.push(["median", result.median === null ? "not reached" : result.median, "", "", "", "", ""]);
    return table;
  });
}
