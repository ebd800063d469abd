/**
 * The yearly cost of a one-off investment: the equal payment over its life that repays what the
 * co-op put in at the discount rate (an annuity; capital recovery factor r / (1 − (1 + r)⁻ⁿ)).
 * "Chance of beating the baseline" weighs each year's margin net of it, so an upgrade that costs
 * money must earn it back before it counts as better. Government money is not the co-op's cost.
 */
export type InvestmentPart = { coopYuan: number; lifeYears: number }

/** Capital recovery factor; 1/n at a zero rate; exact for tiny rates (expm1/log1p). */
export function recoveryFactor(rate: number, years: number): number {
  if (!(years > 0)) return 0
  if (rate === 0) return 1 / years
  const growth = Math.expm1(years * Math.log1p(rate))
  return (rate * (growth + 1)) / growth
}

/** Σ over the parts of the co-op's share × recovery factor over the part's life, yuan/year. */
export function yearlyInvestmentCost(parts: readonly InvestmentPart[], rate: number): number {
  let sum = 0
  for (const p of parts) if (p.coopYuan > 0) sum += p.coopYuan * recoveryFactor(rate, p.lifeYears)
  return sum
}
