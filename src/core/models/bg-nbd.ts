/**
 * The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "'Counting your
 * customers' the easy way: an alternative to the Pareto/NBD model", Marketing
 * Science 24(2), 275–284). While alive a customer buys at Poisson rate λ,
 * λ ~ Gamma(r, α) across customers; after each purchase the customer drops out
 * with probability p, p ~ Beta(a, b).
 */
import { Cell } from "../cells";
import { numError, valueError } from "../errors";
import { hyp2f1 } from "../special/hyp2f1";
import { Customer, readCustomers } from "./customer-data";
import { checkPositiveParams, FitDiagnostics, FitOptions, fitLogParameters, ModelOptions } from "./fit-options";

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export type BgNbdFit = BgNbdParams & FitDiagnostics;

export const bgnbdParameterNames = ["r", "alpha", "a", "b"] as const;

/**
 * Fits the BG/NBD model by maximum likelihood.
 *
 * Maximises Σᵢ ln L(r, α, a, b | xᵢ, tₓᵢ, Tᵢ) (Fader, Hardie & Lee 2005, eq. 6) with
 * BFGS on the log-parameters and exact gradients. Time may be in any unit; α is in
 * that unit. Rows blank in all three columns are skipped; see readCustomers for the
 * rules on the data. Needs at least 4 customers, one of them with a repeat purchase.
 *
 * @param frequency repeat purchases per customer (x)
 * @param recency age at the last repeat purchase (tₓ), 0 when x = 0
 * @param T age at the end of observation
 * @returns r, alpha, a, b and the log-likelihood
 *
 * On CDNOW (2,357 customers, in weeks; Fader, Hardie & Lee 2005, §5) it gives r 0.243,
 * alpha 4.414, a 0.793, b 2.426 and log-likelihood −9582.4, as test/core/models/bg-nbd.test.ts checks.
 */
export function bgnbdFit(frequency: Cell[], recency: Cell[], T: Cell[], options: FitOptions = {}): BgNbdFit {
  const name = options.name ?? "bgnbdFit";
  const { customers } = readCustomers(frequency, recency, T, name);
  if (customers.length < 4) {
    throw valueError(`${name} requires at least 4 customers to fit 4 parameters (got ${customers.length})`);
  }
  if (!customers.some((c) => c.frequency > 0)) {
    throw valueError(`${name} requires at least one customer with frequency > 0`);
  }
  const likelihood = bgnbdLikelihood(customers);
  // Start where the mean purchase rate r/α matches Σx / ΣT, with neutral dropout.
  let sumX = 0;
  let sumT = 0;
  for (const c of customers) {
    sumX += c.frequency;
    sumT += c.T;
  }
  const start = [1, sumT / sumX, 1, 1];
  const fit = fitLogParameters(likelihood.objective, start, bgnbdParameterNames, name, options.maxIterations);
  const [r, alpha, a, b] = fit.params;
  return { r, alpha, a, b, logLikelihood: likelihood.logLikelihood({ r, alpha, a, b }), iterations: fit.iterations };
}

/**
 * The BG/NBD log-likelihood of a set of customers, and the objective the fit
 * minimises: −LL/N over (ln r, ln α, ln a, ln b) with its exact gradient.
 *
 * Per customer (Fader, Hardie & Lee 2005, eq. 6, in the overflow-free form of
 * Fader & Hardie 2013, "Overcoming the BG/NBD model's #NUM! error problem"):
 *   ln L = ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T)
 *          + δₓ>₀ ln(1 + exp D),  D = ln a − ln(b+x−1) + (r+x) [ln(α+T) − ln(α+tₓ)].
 * x is a whole number, so the gamma and beta ratios are finite products:
 * Γ(r+x)/Γ(r) = Πₖ<ₓ (r+k) and B(a, b+x)/B(a, b) = Πₖ<ₓ (b+k)/(a+b+k).
 * Setup groups customers by x and by distinct ages (sorted), so each evaluation
 * takes one logarithm per distinct age and one exp and log1p per customer with x > 0.
 */
export function bgnbdLikelihood(customers: Customer[]): {
  objective: (logParams: Float64Array, gradient: Float64Array) => number;
  logLikelihood: (params: BgNbdParams) => number;
} {
  const n = customers.length;
  let maxX = 0;
  let repeatCount = 0;
  for (const c of customers) {
    if (c.frequency > maxX) maxX = c.frequency;
    if (c.frequency > 0) repeatCount++;
  }
  const countByX = new Float64Array(maxX + 1);
  // Distinct ages (T and tₓ together), found by sorting, so that ln(α + age) is
  // computed once per age: data recorded by date repeat the same few hundred ages.
  const all = new Float64Array(n + repeatCount);
  let k = 0;
  for (const c of customers) {
    all[k++] = c.T;
    if (c.frequency > 0) all[k++] = c.recency;
  }
  const sorted = all.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i];
  const ages = sorted.subarray(0, distinct);
  const indexOf = (age: number) => {
    let lo = 0;
    let hi = distinct - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ages[mid] < age) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Σᵢ (r + xᵢ) ln(α + Tᵢ) = Σ over distinct ages of (r·count + Σx) ln(α + age).
  const tCount = new Float64Array(distinct);
  const tSumX = new Float64Array(distinct);
  const repeatData = new Int32Array(3 * repeatCount);
  let j = 0;
  for (const c of customers) {
    countByX[c.frequency]++;
    const kT = indexOf(c.T);
    tCount[kT]++;
    tSumX[kT] += c.frequency;
    if (c.frequency > 0) {
      repeatData[j++] = c.frequency;
      repeatData[j++] = kT;
      repeatData[j++] = indexOf(c.recency);
    }
  }
  const logAge = new Float64Array(ages.length);
  const invAge = new Float64Array(ages.length);
  const logB1 = new Float64Array(maxX + 1); // ln(b + x − 1)
  const invB1 = new Float64Array(maxX + 1);

  const evaluate = (r: number, alpha: number, a: number, b: number, grad: Float64Array | null): number => {
    // Terms that depend on x only, weighted by the count of customers with that x.
    let ll = 0;
    let dr = 0;
    let da = 0;
    let db = 0;
    let cumLogR = 0;
    let cumInvR = 0;
    let cumLogBeta = 0;
    let cumDa = 0;
    let cumDb = 0;
    for (let x = 0; x <= maxX; x++) {
      if (x > 0) {
        const k = x - 1;
        cumLogR += Math.log(r + k);
        cumInvR += 1 / (r + k);
        cumLogBeta += Math.log(b + k) - Math.log(a + b + k);
        cumDa -= 1 / (a + b + k);
        cumDb += 1 / (b + k) - 1 / (a + b + k);
        logB1[x] = Math.log(b + k);
        invB1[x] = 1 / (b + k);
      }
      const w = countByX[x];
      if (w === 0) continue;
      ll += w * (cumLogR + cumLogBeta);
      dr += w * cumInvR;
      da += w * cumDa;
      db += w * cumDb;
    }
    const logAlpha = Math.log(alpha);
    ll += n * r * logAlpha;
    dr += n * logAlpha;
    let dAlpha = (n * r) / alpha;
    for (let k = 0; k < ages.length; k++) {
      logAge[k] = Math.log(alpha + ages[k]);
      invAge[k] = 1 / (alpha + ages[k]);
    }
    for (let k = 0; k < distinct; k++) {
      if (tCount[k] === 0) continue;
      const weight = r * tCount[k] + tSumX[k];
      ll -= weight * logAge[k];
      dr -= tCount[k] * logAge[k];
      dAlpha -= weight * invAge[k];
    }
    // The δₓ>₀ ln(1 + e^D) term, customer by customer.
    const logA = Math.log(a);
    let sumSigma = 0;
    let sumSigmaB = 0;
    for (let i = 0; i < repeatCount; i++) {
      const x = repeatData[3 * i];
      const kT = repeatData[3 * i + 1];
      const kt = repeatData[3 * i + 2];
      const rx = r + x;
      const gap = logAge[kT] - logAge[kt];
      const D = logA - logB1[x] + rx * gap;
      const e = Math.exp(-Math.abs(D));
      ll += (D > 0 ? D : 0) + Math.log1p(e);
      if (grad) {
        const sigma = D >= 0 ? 1 / (1 + e) : e / (1 + e);
        sumSigma += sigma;
        sumSigmaB += sigma * invB1[x];
        dr += sigma * gap;
        dAlpha += sigma * rx * (invAge[kT] - invAge[kt]);
      }
    }
    if (grad) {
      da += sumSigma / a;
      db -= sumSigmaB;
      // Chain rule to log-parameters, sign and 1/N scaling of the objective.
      grad[0] = (-dr * r) / n;
      grad[1] = (-dAlpha * alpha) / n;
      grad[2] = (-da * a) / n;
      grad[3] = (-db * b) / n;
    }
    return ll;
  };

  return {
    objective: (theta, gradient) =>
      -evaluate(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]), Math.exp(theta[3]), gradient) / n,
    logLikelihood: (p) => evaluate(p.r, p.alpha, p.a, p.b, null),
  };
}

/** Checks a parameter set: four finite numbers > 0. */
export function checkBgNbdParams(params: BgNbdParams, name: string): BgNbdParams {
  return checkPositiveParams(params, bgnbdParameterNames, name);
}

/**
 * Probability that a customer with history (x, tₓ, T) is still alive at T.
 *
 * P(alive) = 1 / (1 + δₓ>₀ · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x))
 * (Fader, Hardie & Lee 2008, "Computing P(alive) using the BG/NBD model", brucehardie.com/notes/021).
 * A customer without repeat purchases is alive for sure: the model lets customers
 * drop out only right after a purchase.
 *
 * @example
 * bgnbdPAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 2, 30.43, 38.86) // => 0.7266
 */
export function bgnbdPAlive(params: BgNbdParams, frequency: number, recency: number, T: number): number {
  if (frequency === 0) return 1;
  const { r, alpha, a, b } = params;
  const D = Math.log(a) - Math.log(b + frequency - 1) + (r + frequency) * (Math.log(alpha + T) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(D));
}

/**
 * Expected number of repeat purchases in (0, t] of a customer just acquired.
 *
 * E[X(t)] = (a+b−1)/(a−1) · [1 − (α/(α+t))^r · ₂F₁(r, b; a+b−1; t/(α+t))]
 * (Fader, Hardie & Lee 2005, eq. 9).
 *
 * @example
 * bgnbdExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39) // => 1.1967 (repeat purchases in 39 weeks)
 */
export function bgnbdExpected(params: BgNbdParams, t: number): number {
  if (t === 0) return 0;
  return avoidingAOne(params, (p) => {
    const { r, alpha, a, b } = p;
    const z = t / (alpha + t);
    const bracket = 1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z);
    return ((a + b - 1) / (a - 1)) * bracket;
  });
}

/**
 * Expected number of purchases in the next t periods of a customer with history
 * (x, tₓ, T): the conditional expectation
 *
 * E[Y(t) | x, tₓ, T] = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))] · P(alive)
 * (Fader, Hardie & Lee 2005, eq. 10; P(alive) is its denominator inverted).
 *
 * @example
 * bgnbdConditionalExpected({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 2, 30.43, 38.86) // => 1.2260
 */
export function bgnbdConditionalExpected(
  params: BgNbdParams,
  t: number,
  frequency: number,
  recency: number,
  T: number,
): number {
  if (t === 0) return 0;
  return avoidingAOne(params, (p) => {
    const { r, alpha, a, b } = p;
    const x = frequency;
    const z = t / (alpha + T + t);
    const bracket = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
    return ((a + b + x - 1) / (a - 1)) * bracket * bgnbdPAlive(p, x, recency, T);
  });
}

/**
 * Probability that a customer just acquired makes exactly n repeat purchases in (0, t].
 *
 * P(X(t) = n) = B(a, b+n)/B(a, b) · Γ(r+n)/(Γ(r) n!) · (α/(α+t))^r (t/(α+t))^n
 *   + δₙ>₀ · B(a+1, b+n−1)/B(a, b) · [1 − (α/(α+t))^r Σⱼ<ₙ Γ(r+j)/(Γ(r) j!) (t/(α+t))^j]
 * (Fader, Hardie & Lee 2005, eq. 8). The ratios are computed as products over
 * k < n, so n is a whole number (up to a million).
 *
 * @example
 * bgnbdPmf({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, 0) // => 0.5738
 */
export function bgnbdPmf(params: BgNbdParams, t: number, n: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return n === 0 ? 1 : 0;
  const p = alpha / (alpha + t);
  const q = t / (alpha + t);
  // negBin(j) = Γ(r+j)/(Γ(r) j!) p^r q^j, built up term by term in logs.
  let logNegBin = r * Math.log(p);
  let cumulative = 0;
  let logBetaRatio = 0; // ln B(a, b+j)/B(a, b)
  const logQ = Math.log(q);
  for (let j = 0; j < n; j++) {
    cumulative += Math.exp(logNegBin);
    logNegBin += Math.log((r + j) / (j + 1)) + logQ;
    logBetaRatio += Math.log((b + j) / (a + b + j));
  }
  let probability = Math.exp(logBetaRatio + logNegBin);
  if (n > 0) {
    // B(a+1, b+n−1)/B(a, b) = B(a, b+n)/B(a, b) · a/(b+n−1)
    const dropRatio = Math.exp(logBetaRatio) * (a / (b + n - 1));
    probability += dropRatio * Math.max(0, 1 - cumulative);
  }
  return probability;
}

/**
 * Evaluates an expression with the factor 1/(a − 1) at a, or, within 10⁻⁶ of
 * a = 1 where the expression is 0/0, as the mean of a = 1 ± 10⁻⁶ (error O(10⁻¹²)).
 */
function avoidingAOne(params: BgNbdParams, compute: (p: BgNbdParams) => number): number {
  const h = 1e-6;
  if (Math.abs(params.a - 1) >= h) return finite(compute(params));
  return finite((compute({ ...params, a: 1 - h }) + compute({ ...params, a: 1 + h })) / 2);
}

function finite(value: number): number {
  if (!Number.isFinite(value)) throw numError(`BG/NBD expectation is not finite for these parameters`);
  return value;
}

/**
 * bgnbdPAlive for every row of three columns; null marks a row blank in all three.
 * Checks the parameters and the data once, with messages naming column and row.
 */
export function bgnbdPAliveRows(
  params: BgNbdParams,
  frequency: Cell[],
  recency: Cell[],
  T: Cell[],
  options: ModelOptions = {},
): (number | null)[] {
  const name = options.name ?? "bgnbdPAlive";
  checkBgNbdParams(params, name);
  return readCustomers(frequency, recency, T, name).rows.map((c) =>
    c === null ? null : bgnbdPAlive(params, c.frequency, c.recency, c.T),
  );
}

/**
 * bgnbdConditionalExpected for every row of three columns (null for a blank row):
 * the expected purchases of each customer in the next t time units.
 */
export function bgnbdConditionalExpectedRows(
  params: BgNbdParams,
  t: number,
  frequency: Cell[],
  recency: Cell[],
  T: Cell[],
  options: ModelOptions = {},
): (number | null)[] {
  const name = options.name ?? "bgnbdConditionalExpected";
  checkBgNbdParams(params, name);
  checkHorizon(t, name);
  return readCustomers(frequency, recency, T, name).rows.map((c) =>
    c === null ? null : bgnbdConditionalExpected(params, t, c.frequency, c.recency, c.T),
  );
}

/** A prediction horizon: a finite number ≥ 0 in the unit of the fit. */
export function checkHorizon(t: number, name: string): number {
  if (!(Number.isFinite(t) && t >= 0)) throw valueError(`${name} requires t ≥ 0 (got ${t})`);
  return t;
}
