/**
 * The shifted-beta-geometric (sBG) model of contractual retention (Fader & Hardie
 * 2007, "How to project customer retention", Journal of Interactive Marketing
 * 21(1), 76–90). Each customer renews every period with probability 1 − θ until
 * the first non-renewal; θ ~ Beta(α, β) across customers, so the retention rate of
 * the surviving cohort rises over time as the likely leavers leave first.
 */
import { asNumber, Cell, describeCell, isEmptyCell } from "../cells";
import { valueError } from "../errors";
import { hyp2f1 } from "../special/hyp2f1";
import { checkPositiveParams, FitDiagnostics, FitOptions, fitLogParameters, ModelOptions } from "./fit-options";

export interface SbgParams {
  alpha: number;
  beta: number;
}

export type SbgFit = SbgParams & FitDiagnostics;

export const sbgParameterNames = ["alpha", "beta"] as const;

/**
 * Reads a survivor curve, the one place the sBG fit checks its data: customers (or
 * shares, or percentages) still active at t = 0, 1, …, n, the first being the
 * cohort size (or 1, or 100). Trailing blank cells (null or "") are skipped, so a
 * cohort row with empty later periods can be passed as it stands; a 0 is a real 0
 * (everyone gone), so select only observed periods on desktop Excel, which passes
 * empty cells as 0. Values never rise, none is negative, the first is > 0, some
 * customers renew at t = 1, some leave, and at least three values are given
 * (t = 0, 1, 2) to identify two parameters.
 */
export function readSurvivors(survivors: Cell[], name: string): number[] {
  let end = survivors.length;
  while (end > 0 && isEmptyCell(survivors[end - 1])) end--;
  const values: number[] = [];
  for (let i = 0; i < end; i++) {
    const row = i + 1;
    const value = asNumber(survivors[i]);
    if (value === undefined) {
      throw valueError(`${name} requires survivors to be numbers (row ${row}: ${describeCell(survivors[i])})`);
    }
    if (value < 0) throw valueError(`${name} requires survivors ≥ 0 (row ${row}: ${value})`);
    if (i === 0 && value === 0) {
      throw valueError(`${name} requires the first survivors value (the cohort at t = 0) to be > 0 (row 1: 0)`);
    }
    if (i > 0 && value > values[i - 1]) {
      throw valueError(`${name} requires survivors never to rise (row ${row}: ${value} after ${values[i - 1]})`);
    }
    values.push(value);
  }
  if (values.length < 3) {
    throw valueError(
      `${name} requires survivors at t = 0, 1 and 2 at least to fit 2 parameters (got ${values.length} value${values.length === 1 ? "" : "s"})`,
    );
  }
  if (values[1] === 0) {
    throw valueError(`${name} requires some customers to renew at t = 1 (row 2: 0): with none the model has no retention to fit`);
  }
  if (values[values.length - 1] === values[0]) {
    throw valueError(`${name} requires some customers to leave: survivors never fall (all ${values[0]})`);
  }
  return values;
}

/**
 * Fits the sBG model to a survivor curve by maximum likelihood.
 *
 * LL(α, β) = Σₜ₌₁..ₙ (sₜ₋₁ − sₜ) ln P(T = t) + sₙ ln S(n)   (Fader & Hardie 2007, eq. B3)
 * with P(T = t) = B(α+1, β+t−1)/B(α, β) and S(t) = B(α, β+t)/B(α, β), maximised by
 * BFGS on (ln α, ln β) with exact gradients. The parameters do not depend on the
 * units of the curve; the log-likelihood is in them (customers when the input is
 * counts, per customer when it is shares, ×100 when percentages).
 *
 * @param survivors active customers at t = 0, 1, …, n (counts, shares or percentages)
 * @returns alpha, beta and the log-likelihood
 * @example
 * // Fader & Hardie 2007, "regular" customers, years 0–7 (%):
 * sbgFit([100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1]) // => { alpha: 0.704, beta: 1.182 }
 */
export function sbgFit(survivors: Cell[], options: FitOptions = {}): SbgFit {
  const name = options.name ?? "sbgFit";
  const curve = readSurvivors(survivors, name);
  const likelihood = sbgLikelihood(curve);
  const fit = fitLogParameters(likelihood.objective, [1, 1], sbgParameterNames, name, options.maxIterations);
  const [alpha, beta] = fit.params;
  return { alpha, beta, logLikelihood: likelihood.logLikelihood({ alpha, beta }), iterations: fit.iterations };
}

/**
 * The sBG log-likelihood of a survivor curve and the objective the fit minimises
 * (−LL/s₀ over ln α, ln β, with its exact gradient). Computed in logs from the
 * recursions of Fader & Hardie 2007, Appendix B:
 *   ln S(t) = Σₖ₌₁..ₜ [ln(β+k−1) − ln(α+β+k−1)],
 *   ln P(T = t) = ln α − ln(β+t−1) + ln S(t) (so P(T = t) = S(t−1) − S(t)).
 */
export function sbgLikelihood(curve: number[]): {
  objective: (logParams: Float64Array, gradient: Float64Array) => number;
  logLikelihood: (params: SbgParams) => number;
} {
  const n = curve.length - 1;
  const scale = curve[0];
  const evaluate = (alpha: number, beta: number, grad: Float64Array | null): number => {
    let ll = 0;
    let dAlpha = 0;
    let dBeta = 0;
    let logS = 0; // ln S(t)
    let dSa = 0; // ∂ ln S(t)/∂α
    let dSb = 0; // ∂ ln S(t)/∂β
    for (let t = 1; t <= n; t++) {
      const lost = curve[t - 1] - curve[t];
      const b1 = beta + t - 1;
      const ab1 = alpha + beta + t - 1;
      // ln P(T = t) = ln α + ln S(t−1) − ln(α+β+t−1)
      if (lost > 0) {
        ll += lost * (Math.log(alpha) + logS - Math.log(ab1));
        dAlpha += lost * (1 / alpha + dSa - 1 / ab1);
        dBeta += lost * (dSb - 1 / ab1);
      }
      logS += Math.log(b1) - Math.log(ab1);
      dSa -= 1 / ab1;
      dSb += 1 / b1 - 1 / ab1;
    }
    const last = curve[n];
    if (last > 0) {
      ll += last * logS;
      dAlpha += last * dSa;
      dBeta += last * dSb;
    }
    if (grad) {
      grad[0] = (-dAlpha * alpha) / scale;
      grad[1] = (-dBeta * beta) / scale;
    }
    return ll;
  };
  return {
    objective: (theta, gradient) => -evaluate(Math.exp(theta[0]), Math.exp(theta[1]), gradient) / scale,
    logLikelihood: (p) => evaluate(p.alpha, p.beta, null),
  };
}

/** Checks a parameter set: alpha and beta finite and > 0. */
export function checkSbgParams(params: SbgParams, name: string): SbgParams {
  return checkPositiveParams(params, sbgParameterNames, name);
}

/** The longest horizon the period-by-period products accept. */
const maxPeriods = 1_000_000;

function checkPeriod(t: number, least: number, name: string): number {
  if (!(Number.isInteger(t) && t >= least && t <= maxPeriods)) {
    throw valueError(`${name} requires t to be a whole number from ${least} to ${maxPeriods} (got ${t})`);
  }
  return t;
}

/**
 * Share of a cohort still active after t periods:
 * S(t) = B(α, β+t)/B(α, β) = Πₖ₌₁..ₜ (β+k−1)/(α+β+k−1)   (Fader & Hardie 2007, Appendix B).
 *
 * @example
 * sbgSurvival({ alpha: 0.704, beta: 1.182 }, 1) // => 0.6267
 */
export function sbgSurvival(params: SbgParams, t: number, options: ModelOptions = {}): number {
  const name = options.name ?? "sbgSurvival";
  checkSbgParams(params, name);
  checkPeriod(t, 0, name);
  const { alpha, beta } = params;
  let s = 1;
  for (let k = 1; k <= t; k++) s *= (beta + k - 1) / (alpha + beta + k - 1);
  return s;
}

/**
 * S(0), S(1), …, S(periods): the projected survivor curve as shares of the cohort,
 * for drawing a projection next to an observed curve.
 *
 * @example
 * sbgSurvivalCurve({ alpha: 0.704, beta: 1.182 }, 2) // => [1, 0.6267, 0.4738]
 */
export function sbgSurvivalCurve(params: SbgParams, periods: number, options: ModelOptions = {}): number[] {
  const name = options.name ?? "sbgSurvivalCurve";
  checkSbgParams(params, name);
  checkPeriod(periods, 0, name);
  const curve = [1];
  for (let k = 1; k <= periods; k++) {
    curve.push((curve[k - 1] * (params.beta + k - 1)) / (params.alpha + params.beta + k - 1));
  }
  return curve;
}

/**
 * Retention rate in period t, the share of customers active at t − 1 who renew at t:
 * rₜ = S(t)/S(t−1) = (β+t−1)/(α+β+t−1), t ≥ 1 (Fader & Hardie 2007, §4). It rises
 * with t towards 1.
 *
 * @example
 * sbgRetention({ alpha: 0.704, beta: 1.182 }, 1) // => 0.6267
 */
export function sbgRetention(params: SbgParams, t: number, options: ModelOptions = {}): number {
  const name = options.name ?? "sbgRetention";
  checkSbgParams(params, name);
  checkPeriod(t, 1, name);
  return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
}

/**
 * Discounted expected residual lifetime of a customer who has renewed k times,
 * counted in payments, the next one undiscounted:
 *
 * DERL(d | α, β, k) = (β+k)/(α+β+k) · ₂F₁(1, β+k+1; α+β+k+1; 1/(1+d))
 * (Fader & Hardie 2010, "Customer-base valuation in a contractual setting: the
 * perils of ignoring heterogeneity", Marketing Science 29(1), 85–93). Multiply by
 * the payment per period for the customer's residual value. d > 0 (the series
 * sums Σⱼ S(k+1+j)/S(k) / (1+d)ʲ, which diverges at d = 0 when α ≤ 1).
 *
 * @example
 * sbgDerl({ alpha: 0.704, beta: 1.182 }, 0.1) // => 2.9647 (payments, at 10% a period)
 */
export function sbgDerl(params: SbgParams, discountRate: number, renewals = 0, options: ModelOptions = {}): number {
  const name = options.name ?? "sbgDerl";
  checkSbgParams(params, name);
  if (!(Number.isFinite(discountRate) && discountRate > 0)) {
    throw valueError(`${name} requires discount_rate > 0 (got ${discountRate})`);
  }
  if (!(Number.isInteger(renewals) && renewals >= 0)) {
    throw valueError(`${name} requires renewals to be a whole number ≥ 0 (got ${renewals})`);
  }
  const { alpha, beta } = params;
  const k = renewals;
  return ((beta + k) / (alpha + beta + k)) * hyp2f1(1, beta + k + 1, alpha + beta + k + 1, 1 / (1 + discountRate));
}
