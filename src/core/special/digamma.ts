/**
 * The digamma function ψ(x) = d/dx ln Γ(x), for x > 0.
 *
 * Shifts x to 10 or more with the recurrence ψ(x) = ψ(x + 1) − 1/x (Abramowitz & Stegun
 * 6.3.5), then sums the asymptotic series ψ(x) ≈ ln x − 1/(2x) − Σ B₂ₖ/(2k·x²ᵏ)
 * (A&S 6.3.18) up to the x⁻¹⁴ term; the first omitted term is below 10⁻¹⁶ for x ≥ 10.
 * mathjs has no digamma; the models need it for exact likelihood gradients.
 *
 * @example
 * digamma(1) // => -0.5772156649015329 (minus the Euler–Mascheroni constant)
 */
export function digamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // B₂/2, B₄/4, … B₁₄/14 of A&S 6.3.18, highest order first (Horner in 1/x²).
  const series =
    inv2 *
    (1 / 12 -
      inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return shift + Math.log(x) - 0.5 / x - series;
}
