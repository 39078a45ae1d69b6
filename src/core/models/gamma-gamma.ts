/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013, "The
 * Gamma-Gamma model of monetary value", brucehardie.com/notes/025; first in Fader,
 * Hardie & Lee 2005, "RFM and CLV: using iso-value curves for customer base
 * analysis", JMR 42(4)). A customer's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ) across customers, independent of how often they buy.
 */
import { asNumber, Cell, isEmptyCell } from "../cells";
import { numError, valueError } from "../errors";
import { digamma } from "../special/digamma";
import { logGamma } from "../special/log-gamma";
import { readNumber } from "./customer-data";
import { checkPositiveParams, FitDiagnostics, FitOptions, fitLogParameters, ModelOptions } from "./fit-options";

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export type GammaGammaFit = GammaGammaParams & FitDiagnostics;

export const gammaGammaParameterNames = ["p", "q", "gamma"] as const;

/** A customer's repeat purchases and their mean value (z̄); monetaryValue is 0 when frequency is 0. */
export interface Spender {
  frequency: number;
  monetaryValue: number;
}

/**
 * Reads and validates frequency and monetary_value columns, the one place the
 * Gamma-Gamma functions check their data. A row blank in both (null or "") is
 * skipped and reported as null. A row of two zeros is a customer without repeat
 * purchases, as CUSTOMER_SUMMARY and lifetimes write them; desktop Excel passes
 * blank cells as 0, so such rows are customers too. frequency is a whole number
 * ≥ 0; monetary_value is the mean value of the repeat purchases and must be > 0
 * when frequency > 0; with frequency 0 it is ignored (blank or any number).
 */
export function readSpenders(frequency: Cell[], monetaryValue: Cell[], name: string): (Spender | null)[] {
  if (frequency.length !== monetaryValue.length) {
    throw valueError(
      `${name} requires frequency and monetary_value to have the same number of rows (frequency ${frequency.length}, monetary_value ${monetaryValue.length})`,
    );
  }
  const rows: (Spender | null)[] = [];
  for (let i = 0; i < frequency.length; i++) {
    const row = i + 1;
    if (isEmptyCell(frequency[i]) && isEmptyCell(monetaryValue[i])) {
      rows.push(null);
      continue;
    }
    const x = readNumber(frequency[i], "frequency", row, name);
    if (x < 0 || !Number.isInteger(x)) {
      throw valueError(`${name} requires frequency to be a whole number ≥ 0 (row ${row}: ${x})`);
    }
    if (x === 0) {
      if (!isEmptyCell(monetaryValue[i]) && asNumber(monetaryValue[i]) === undefined) {
        readNumber(monetaryValue[i], "monetary_value", row, name);
      }
      rows.push({ frequency: 0, monetaryValue: 0 });
      continue;
    }
    const m = readNumber(monetaryValue[i], "monetary_value", row, name);
    if (!(m > 0)) {
      throw valueError(`${name} requires monetary_value > 0 when frequency > 0 (row ${row}: frequency ${x}, monetary_value ${m})`);
    }
    rows.push({ frequency: x, monetaryValue: m });
  }
  return rows;
}

/**
 * Fits the Gamma-Gamma model by maximum likelihood on the customers with at least
 * one repeat purchase (customers with frequency 0 carry no spend and are left out).
 *
 * Maximises Σᵢ ln f(z̄ᵢ | p, q, γ; xᵢ) with
 *   f(z̄ | p, q, γ; x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q z̄^(px−1) x^(px) / (γ + x z̄)^(px+q)
 * (Fader & Hardie 2013, the marginal distribution of z̄), by BFGS on log-parameters with exact gradients.
 * γ is in money units. Needs at least 3 customers with frequency > 0.
 *
 * @param frequency repeat purchases per customer
 * @param monetaryValue mean value of each customer's repeat purchases
 * @returns p, q, gamma and the log-likelihood
 *
 * On CDNOW's 946 customers with repeat purchases it gives p 6.25, q 3.74, gamma 15.44
 * (lifetimes' GammaGammaFitter docs), as test/core/models/gamma-gamma.test.ts checks.
 */
export function ggFit(frequency: Cell[], monetaryValue: Cell[], options: FitOptions = {}): GammaGammaFit {
  const name = options.name ?? "ggFit";
  const spenders = readSpenders(frequency, monetaryValue, name).filter(
    (s): s is Spender => s !== null && s.frequency > 0,
  );
  if (spenders.length < 3) {
    throw valueError(`${name} requires at least 3 customers with frequency > 0 to fit 3 parameters (got ${spenders.length})`);
  }
  const likelihood = ggLikelihood(spenders);
  let mean = 0;
  for (const s of spenders) mean += s.monetaryValue / spenders.length;
  // Start at p = 1, q = 2 with the population mean pγ/(q − 1) equal to the sample mean.
  const fit = fitLogParameters(likelihood.objective, [1, 2, mean], gammaGammaParameterNames, name, options.maxIterations);
  const [p, q, gamma] = fit.params;
  return { p, q, gamma, logLikelihood: likelihood.logLikelihood({ p, q, gamma }), iterations: fit.iterations };
}

/**
 * The Gamma-Gamma log-likelihood of customers with frequency > 0 and the objective
 * the fit minimises (−LL/N over ln p, ln q, ln γ, with its exact gradient):
 *   ∂/∂p = x [ψ(px+q) − ψ(px) + ln z̄ + ln x − ln(γ + x z̄)]
 *   ∂/∂q = ψ(px+q) − ψ(q) + ln γ − ln(γ + x z̄)
 *   ∂/∂γ = q/γ − (px+q)/(γ + x z̄).
 * Gamma and digamma terms are computed once per distinct frequency.
 */
export function ggLikelihood(spenders: Spender[]): {
  objective: (logParams: Float64Array, gradient: Float64Array) => number;
  logLikelihood: (params: GammaGammaParams) => number;
} {
  const n = spenders.length;
  const xs = Float64Array.from(spenders, (s) => s.frequency);
  const ms = Float64Array.from(spenders, (s) => s.monetaryValue);
  const countByX = new Map<number, number>();
  let sumLogM = 0;
  let sumXLogXM = 0; // Σ x (ln x + ln z̄)
  for (let i = 0; i < n; i++) {
    countByX.set(xs[i], (countByX.get(xs[i]) ?? 0) + 1);
    sumLogM += Math.log(ms[i]);
    sumXLogXM += xs[i] * (Math.log(xs[i]) + Math.log(ms[i]));
  }
  const distinctX = Float64Array.from(countByX.keys());
  const distinctCount = Float64Array.from(countByX.values());

  const evaluate = (p: number, q: number, gamma: number, grad: Float64Array | null): number => {
    let ll = n * (q * Math.log(gamma) - logGamma(q)) + p * sumXLogXM - sumLogM;
    let dp = sumXLogXM;
    let dq = n * (Math.log(gamma) - (grad ? digamma(q) : 0));
    let dGamma = (n * q) / gamma;
    for (let j = 0; j < distinctX.length; j++) {
      const x = distinctX[j];
      const w = distinctCount[j];
      ll += w * (logGamma(p * x + q) - logGamma(p * x));
      if (grad) {
        const psiSum = digamma(p * x + q);
        dp += w * x * (psiSum - digamma(p * x));
        dq += w * psiSum;
      }
    }
    for (let i = 0; i < n; i++) {
      const x = xs[i];
      const logDenominator = Math.log(gamma + x * ms[i]);
      ll -= (p * x + q) * logDenominator;
      if (grad) {
        dp -= x * logDenominator;
        dq -= logDenominator;
        dGamma -= (p * x + q) / (gamma + x * ms[i]);
      }
    }
    if (grad) {
      grad[0] = (-dp * p) / n;
      grad[1] = (-dq * q) / n;
      grad[2] = (-dGamma * gamma) / n;
    }
    return ll;
  };

  return {
    objective: (theta, gradient) => -evaluate(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), gradient) / n,
    logLikelihood: (params) => evaluate(params.p, params.q, params.gamma, null),
  };
}

/** Checks a parameter set: three finite numbers > 0. */
export function checkGammaGammaParams(params: GammaGammaParams, name: string): GammaGammaParams {
  return checkPositiveParams(params, gammaGammaParameterNames, name);
}

/**
 * Expected mean spend per transaction of a customer with x repeat purchases of mean z̄:
 *
 * E(M | p, q, γ, z̄, x) = (q − 1)/(px + q − 1) · pγ/(q − 1) + px/(px + q − 1) · z̄
 *                      = p (γ + x z̄) / (px + q − 1)
 * (Fader & Hardie 2013, the conditional expectation of M): a weighted mean of the population mean pγ/(q − 1)
 * and the customer's own mean. With x = 0 it is the population mean, which exists
 * only when q > 1.
 *
 * @example
 * ggExpectedSpend({ p: 6.25, q: 3.74, gamma: 15.44 }, 2, 22.35) // => 24.66
 */
export function ggExpectedSpend(params: GammaGammaParams, frequency: number, monetaryValue: number, options: ModelOptions = {}): number {
  const { p, q, gamma } = params;
  const x = frequency;
  const denominator = p * x + q - 1;
  if (!(denominator > 0)) {
    const name = options.name ?? "ggExpectedSpend";
    throw numError(
      x === 0
        ? `${name} requires q > 1 for customers with frequency 0 (the population mean p·gamma/(q − 1) is infinite; q is ${q})`
        : `${name} requires p·frequency + q > 1 (got ${p * x + q})`,
    );
  }
  return (p * (gamma + (x > 0 ? x * monetaryValue : 0))) / denominator;
}

/**
 * ggExpectedSpend for every row of two columns; null marks a row blank in both
 * (see readSpenders).
 * Customers with frequency 0 get the population mean p·gamma/(q − 1).
 */
export function ggExpectedSpendRows(
  params: GammaGammaParams,
  frequency: Cell[],
  monetaryValue: Cell[],
  options: ModelOptions = {},
): (number | null)[] {
  const name = options.name ?? "ggExpectedSpend";
  checkGammaGammaParams(params, name);
  return readSpenders(frequency, monetaryValue, name).map((s) =>
    s === null ? null : ggExpectedSpend(params, s.frequency, s.monetaryValue, { name }),
  );
}
