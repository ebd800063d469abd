import { need, type Values } from '../assumptions/resolve'

/**
 * Crop insurance as the policy products work (三大粮食作物完全成本保险 / 种植收入保险): each season
 * the co-op pays its share of the premium on the insured area, and in a year when a field's
 * income (yield × price) falls below the cover — a share of the field's expected income, its
 * baseline yield at the price assumed — the insurer pays the difference.
 *
 * The insurer's cover follows the field's record (its baseline), not the scenario's yield: a field
 * that converts to drip is not insured for the extra grain it is expected to give.
 */
export type InsuranceParams = {
  /** share of the area insured, 0–1 */
  participation: number
  /** the co-op's premium per insured ha and season, yuan */
  farmerPremiumPerHa: number
  /** cover as a share of expected income */
  coverLevel: number
}

export function insuranceParams(values: Values): InsuranceParams {
  return {
    participation: need(values, 'insurance.participation'),
    farmerPremiumPerHa: need(values, 'insurance.premiumYuanPerHa') * need(values, 'insurance.farmerShare'),
    coverLevel: need(values, 'insurance.coverLevel'),
  }
}

/** The co-op's premium on a field for one season, yuan: a cost in every year, good or bad. */
export function farmerPremiumYuan(areaHa: number, p: InsuranceParams): number {
  return p.farmerPremiumPerHa * p.participation * areaHa
}

/** The income below which a field is paid, yuan (insured area only). */
export function insuredIncomeYuan(
  baselineYieldKgPerHa: number,
  areaHa: number,
  price: number,
  p: InsuranceParams,
): number {
  return p.coverLevel * baselineYieldKgPerHa * price * areaHa * p.participation
}

/**
 * The indemnity in one year, yuan: what the insured part of the field's income falls short of its
 * cover by, never negative. `incomeYuan` is the whole field's yield × price in that year.
 */
export function indemnityYuan(insuredYuan: number, incomeYuan: number, participation: number): number {
  return Math.max(insuredYuan - incomeYuan * participation, 0)
}
