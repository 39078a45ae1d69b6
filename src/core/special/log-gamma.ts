import { lgamma } from "./mathjs";

/**
 * Natural logarithm of the gamma function, ln Γ(x), for x > 0.
 *
 * mathjs's Lanczos approximation (g = 5, n = 7; Press et al., Numerical Recipes,
 * §6.1): relative error below 2·10⁻¹⁰, enough for log-likelihoods whose
 * gradients are computed exactly (see digamma).
 *
 * @example
 * logGamma(5) // => 3.1780538303479458 (ln 24)
 */
export function logGamma(x: number): number {
  return lgamma(x);
}
