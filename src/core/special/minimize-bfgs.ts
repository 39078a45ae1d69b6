/**
 * Unconstrained minimisation by BFGS with a strong-Wolfe line search
 * (Nocedal & Wright, Numerical Optimization, 2nd ed., Algorithm 6.1 with the
 * line search of Algorithms 3.5–3.6). The models minimise their negative
 * log-likelihood over log-parameters with exact gradients, so a handful of dozen
 * evaluations reach the optimum where derivative-free searches take hundreds.
 */

/**
 * An objective with its gradient: returns f(x) and writes ∇f(x) into `gradient`.
 * A point outside the domain may return Infinity or NaN; the line search steps back.
 */
export type ObjectiveWithGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimizeOptions {
  /** Stop once every gradient component is at most this in absolute value. Default 1e-9. */
  gradientTolerance?: number;
  /** Iteration cap; reaching it leaves `converged` false. Default 200. */
  maxIterations?: number;
}

export interface MinimizeResult {
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

/** Minimises `objective` from `start`. Never throws: the caller reads `converged`. */
export function minimizeBfgs(
  objective: ObjectiveWithGradient,
  start: ArrayLike<number>,
  options: MinimizeOptions = {},
): MinimizeResult {
  const gtol = options.gradientTolerance ?? 1e-9;
  const maxIterations = options.maxIterations ?? 200;
  const n = start.length;
  let x: Float64Array = Float64Array.from(start);
  let g: Float64Array = new Float64Array(n);
  let f = objective(x, g);
  let evaluations = 1;
  if (!Number.isFinite(f) || !allFinite(g)) {
    return { x, value: f, gradient: g, iterations: 0, evaluations, converged: false };
  }
  // Inverse Hessian approximation, row-major; identity until the first step scales it.
  const H = identity(n);
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const Hy = new Float64Array(n);
  let iterations = 0;
  let firstStep = true;

  while (iterations < maxIterations) {
    if (maxAbs(g) <= gtol) return { x, value: f, gradient: g, iterations, evaluations, converged: true };
    iterations++;
    // d = −H g; fall back to steepest descent if H stopped being positive definite.
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum -= H[i * n + j] * g[j];
      direction[i] = sum;
    }
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      resetIdentity(H, n);
      for (let i = 0; i < n; i++) direction[i] = -g[i];
      slope = dot(direction, g);
    }
    const initialStep = firstStep ? Math.min(1, 1 / Math.max(maxAbs(g), 1e-12)) : 1;
    const search = wolfeLineSearch(objective, x, f, g, direction, slope, initialStep);
    evaluations += search.evaluations;
    if (!search.ok) {
      // No acceptable step: at a minimum to working precision, or stuck.
      const converged = maxAbs(g) <= Math.max(gtol, 1e-6) && search.flat;
      return { x, value: f, gradient: g, iterations, evaluations, converged };
    }
    for (let i = 0; i < n; i++) {
      s[i] = search.x[i] - x[i];
      y[i] = search.gradient[i] - g[i];
    }
    x = search.x;
    g = search.gradient;
    const fPrevious = f;
    f = search.value;
    const sy = dot(s, y);
    if (sy > 1e-300) {
      if (firstStep) {
        // Nocedal & Wright eq. 6.20: scale the identity before the first update.
        const scale = sy / dot(y, y);
        for (let i = 0; i < n; i++) H[i * n + i] = scale;
        firstStep = false;
      }
      // H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ (Nocedal & Wright eq. 6.17).
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let j = 0; j < n; j++) sum += H[i * n + j] * y[j];
        Hy[i] = sum;
      }
      const yHy = dot(y, Hy);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          H[i * n + j] += -rho * (s[i] * Hy[j] + Hy[i] * s[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
        }
      }
    }
    if (fPrevious - f <= 1e-15 * Math.max(1, Math.abs(f)) && maxAbs(g) <= Math.max(gtol, 1e-7)) {
      return { x, value: f, gradient: g, iterations, evaluations, converged: true };
    }
  }
  return { x, value: f, gradient: g, iterations, evaluations, converged: maxAbs(g) <= gtol };
}

interface LineSearchResult {
  ok: boolean;
  /** True when the failure came from f not changing at working precision. */
  flat: boolean;
  x: Float64Array;
  value: number;
  gradient: Float64Array;
  evaluations: number;
}

const c1 = 1e-4;
const c2 = 0.9;

/** Nocedal & Wright Algorithm 3.5 (bracketing) with 3.6 (zoom by safeguarded cubic interpolation). */
function wolfeLineSearch(
  objective: ObjectiveWithGradient,
  x0: Float64Array,
  f0: number,
  g0: Float64Array,
  d: Float64Array,
  slope0: number,
  initialStep: number,
): LineSearchResult {
  const n = x0.length;
  let evaluations = 0;
  const evaluate = (step: number) => {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = x0[i] + step * d[i];
    const gradient = new Float64Array(n);
    const value = objective(x, gradient);
    evaluations++;
    const finite = Number.isFinite(value) && allFinite(gradient);
    return { step, x, value: finite ? value : Infinity, gradient, slope: finite ? dot(gradient, d) : NaN };
  };
  type Point = ReturnType<typeof evaluate>;
  const accept = (p: Point): LineSearchResult => ({ ok: true, flat: false, x: p.x, value: p.value, gradient: p.gradient, evaluations });
  let flat = false;
  // Near the optimum the predicted decrease falls below the rounding noise of a sum
  // over many observations (about 1e-13 relative for 100,000 terms); within this
  // band f cannot rank two points, so a step that keeps f in the band and shrinks
  // the gradient is accepted (in the spirit of Hager & Zhang 2005's approximate Wolfe test).
  const noise = 1e-12 * Math.max(1, Math.abs(f0));
  const g0Norm = maxAbs(g0);
  const withinNoise = (p: Point) => p.value <= f0 + noise && maxAbs(p.gradient) < g0Norm;

  const zoom = (lo: Point | { step: number; value: number; slope: number }, hi: { step: number; value: number; slope: number }): LineSearchResult => {
    for (let k = 0; k < 20; k++) {
      const width = hi.step - lo.step;
      let step = cubicMinimizer(lo.step, lo.value, lo.slope, hi.step, hi.value, hi.slope);
      const lower = Math.min(lo.step, hi.step);
      const upper = Math.max(lo.step, hi.step);
      if (!Number.isFinite(step) || step <= lower + 0.1 * (upper - lower) || step >= upper - 0.1 * (upper - lower)) {
        step = lo.step + 0.5 * width;
      }
      const p = evaluate(step);
      if (p.value > f0 + c1 * step * slope0 + noise || p.value > lo.value + noise) {
        if (Math.abs(p.value - lo.value) <= noise) flat = true;
        hi = p;
      } else {
        if (Math.abs(p.slope) <= -c2 * slope0) return accept(p);
        if (p.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = p;
      }
      if (Math.abs(hi.step - lo.step) <= 1e-14 * Math.max(1, Math.abs(lo.step))) break;
    }
    // Accept the best point found if it decreased f at all (sufficient-decrease holds for lo by construction).
    if (lo.step > 0 && "x" in lo) return accept(lo as Point);
    return { ok: false, flat: true, x: x0, value: f0, gradient: g0, evaluations };
  };

  let previous = { step: 0, value: f0, slope: slope0 } as { step: number; value: number; slope: number } | Point;
  let step = initialStep;
  for (let k = 0; k < 60; k++) {
    const p = evaluate(step);
    if (!Number.isFinite(p.value)) {
      // Outside the domain (overflow): shrink towards the last good point.
      step = previous.step + 0.25 * (step - previous.step);
      if (step - previous.step < 1e-16) break;
      continue;
    }
    if (Math.abs(slope0) * step < noise && withinNoise(p)) return accept(p);
    if (p.value > f0 + c1 * step * slope0 + noise || (k > 0 && p.value > previous.value + noise)) {
      return zoom(previous, p);
    }
    if (Math.abs(p.slope) <= -c2 * slope0) return accept(p);
    if (p.slope >= 0) return zoom(p, previous);
    previous = p;
    step *= 2;
  }
  return { ok: false, flat, x: x0, value: f0, gradient: g0, evaluations };
}

/** Minimiser of the cubic through (a, fa, da) and (b, fb, db) (Nocedal & Wright eq. 3.59). */
function cubicMinimizer(a: number, fa: number, da: number, b: number, fb: number, db: number): number {
  const d1 = da + db - (3 * (fa - fb)) / (a - b);
  const radicand = d1 * d1 - da * db;
  if (!(radicand >= 0)) return NaN;
  const d2 = Math.sign(b - a) * Math.sqrt(radicand);
  return b - (b - a) * ((db + d2 - d1) / (db - da + 2 * d2));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function allFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

function identity(n: number): Float64Array {
  const H = new Float64Array(n * n);
  resetIdentity(H, n);
  return H;
}

function resetIdentity(H: Float64Array, n: number): void {
  H.fill(0);
  for (let i = 0; i < n; i++) H[i * n + i] = 1;
}
