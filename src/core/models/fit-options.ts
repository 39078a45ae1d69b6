import { numError, valueError } from "../errors";
import { minimizeBfgs, ObjectiveWithGradient } from "../special/minimize-bfgs";

/** Options every model function accepts. */
export interface ModelOptions {
  /**
   * The name messages start with. Core functions default to their own name
   * ("bgnbdFit requires …"); the Excel wrappers pass theirs ("BGNBD_FIT requires …").
   */
  name?: string;
}

export interface FitOptions extends ModelOptions {
  /** BFGS iteration cap before the fit reports that it did not converge. Default 200. */
  maxIterations?: number;
}

/** What every fit returns besides its parameters. */
export interface FitDiagnostics {
  /** The maximised log-likelihood, in the units of the input (see each fit). */
  logLikelihood: number;
  /** BFGS iterations used. */
  iterations: number;
}

/**
 * Maximises a log-likelihood over the logarithms of positive parameters, so no
 * bound is ever needed. `negativeLogLikelihood` takes and returns per-observation
 * values (scaled by 1/N) so that one gradient tolerance fits every data size.
 * Throws #NUM! "<name> did not converge after N iterations" when BFGS stops short,
 * and "<name> did not converge: <param> tends to 0 / infinity" when the optimum
 * lies on the boundary (the data do not identify the parameter).
 */
export function fitLogParameters(
  negativeLogLikelihood: ObjectiveWithGradient,
  start: number[],
  parameterNames: readonly string[],
  name: string,
  maxIterations = 200,
): { params: number[]; value: number; iterations: number } {
  const result = minimizeBfgs(negativeLogLikelihood, start.map(Math.log), { maxIterations, gradientTolerance: 1e-9 });
  if (!result.converged) throw numError(`${name} did not converge after ${result.iterations} iterations`);
  const params = Array.from(result.x, Math.exp);
  for (let i = 0; i < params.length; i++) {
    if (!(params[i] > 1e-8)) throw numError(`${name} did not converge: ${parameterNames[i]} tends to 0`);
    if (!(params[i] < 1e8)) throw numError(`${name} did not converge: ${parameterNames[i]} tends to infinity`);
  }
  return { params, value: result.value, iterations: result.iterations };
}

/** Checks that every named parameter is a finite number > 0 (all the models' parameters are). */
export function checkPositiveParams<P extends object>(params: P, names: readonly (keyof P & string)[], name: string): P {
  for (const key of names) {
    const value = params[key] as unknown;
    if (!(typeof value === "number" && Number.isFinite(value) && value > 0)) {
      throw valueError(`${name} requires params ${key} > 0 (got ${value})`);
    }
  }
  return params;
}
