import { describe, expect, it } from 'vitest'
import { AppError } from '../../../engine/errors'
import {
  agronomicOptimum,
  economicOptimum,
  evalQuadratic,
  fitQuadratic,
  quadraticFromCurve,
} from '../../../engine/model/density'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { PlanSchema } from '../../../engine/schemas/plan'
import { onePlan, varietyId } from '../../helpers/plan'

function warningsOf(plan: ReturnType<typeof onePlan>) {
  return evaluatePlan(PlanSchema.parse(plan)).scenarios[1]!.fields[0]!.warnings.map((w) => w.code)
}

describe('warnings where a choice is unwise', () => {
  it('a variety too late for the field’s heat zone is flagged, and costs yield', () => {
    const plan = onePlan({}, [{ varietyId: varietyId('富民985') }])
    plan.varieties = plan.varieties.map((v) => (v.name === '富民985' ? { ...v, heatSumNeededCd: 2750 } : v))
    plan.fields[0]!.heatSumCd = 2700
    plan.fields[0]!.varietyId = varietyId('凤田807')
    expect(warningsOf(plan)).toContain('variety_too_late')
    const r = evaluatePlan(PlanSchema.parse(plan)).scenarios[1]!.fields[0]!
    expect(r.multipliers.maturity).toBeLessThan(1)
    expect(r.contributions.maturity).toBeLessThan(0)
  })

  it('a density above the variety’s safe maximum is flagged as a lodging risk', () => {
    expect(warningsOf(onePlan({}, [{ densityPlantsPerHa: 95_000, waterRegime: 'drip' }]))).toContain(
      'density_above_safe_max',
    )
    expect(warningsOf(onePlan({}, [{ densityPlantsPerHa: 85_000, waterRegime: 'drip' }]))).not.toContain(
      'density_above_safe_max',
    )
  })

  it('high density without water, and HSF counted twice, are flagged', () => {
    expect(warningsOf(onePlan({}, [{ densityPlantsPerHa: 78_000 }]))).toContain('high_density_without_water')
    const twice = onePlan({ hasHsf: true, hsfYearBuilt: 2021 }, [{ buildHsf: true }])
    expect(warningsOf(twice)).toContain('hsf_already_built')
    expect(evaluatePlan(PlanSchema.parse(twice)).scenarios[1]!.fields[0]!.upliftPct).toBe(0)
  })
})

describe('density tools', () => {
  // The trial quadratic of AGRONOMY §1.3, in kg/ha and plants/ha.
  const trial = { b0: -976, b1: 0.30894, b2: -0.0016061e-3 }

  it('the economic optimum sits below the agronomic one and moves the right way with prices', () => {
    const aopd = agronomicOptimum(trial)!
    expect(aopd).toBeCloseTo(96_177, -1)
    const eosr = economicOptimum(trial, 12.5 / 1000, 2.2)!
    expect(eosr).toBeLessThan(aopd)
    expect(economicOptimum(trial, 20 / 1000, 2.2)!).toBeLessThan(eosr)
    expect(economicOptimum(trial, 12.5 / 1000, 2.6)!).toBeGreaterThan(eosr)
  })

  it('60k → 70k on the trial curve is the +8.5 % AGRONOMY quotes', () => {
    const gain = evalQuadratic(trial, 70_000) / evalQuadratic(trial, 60_000) - 1
    expect(gain).toBeCloseTo(0.085, 2)
  })

  it('a relative curve scaled to a yield level peaks at its optimum', () => {
    const c = quadraticFromCurve(12_000, 80_000, 1.07)
    expect(agronomicOptimum(c)).toBeCloseTo(80_000, 6)
    expect(evalQuadratic(c, 80_000)).toBeCloseTo(12_000, 6)
  })

  it('fitting recovers the curve it was generated from, with noise and replicates', () => {
    let seed = 7
    const noise = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return (seed / 2 ** 31 - 0.5) * 300
    }
    const points = [45_000, 60_000, 75_000, 90_000, 105_000].flatMap((d) =>
      [0, 1, 2, 3].map(() => ({ densityPlantsPerHa: d, yieldKgPerHa: evalQuadratic(trial, d) + noise() })),
    )
    const fit = fitQuadratic(points)
    expect(Math.abs(agronomicOptimum(fit)! - agronomicOptimum(trial)!)).toBeLessThan(5_000)
    expect(fit.b2 / trial.b2).toBeGreaterThan(0.8)
    expect(fit.b2 / trial.b2).toBeLessThan(1.2)
    expect(fit.r2).toBeGreaterThan(0.9)
    expect(fit.rmseKgPerHa).toBeLessThan(200)
  })

  it('refuses fewer than three distinct densities with a clear rule', () => {
    const points = [60_000, 60_000, 70_000, 70_000].map((d) => ({
      densityPlantsPerHa: d,
      yieldKgPerHa: 10_000,
    }))
    try {
      fitQuadratic(points)
      throw new Error('expected a refusal')
    } catch (error) {
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).details.issues?.[0]).toMatchObject({
        rule: 'too_few_densities',
        params: { distinct: 2 },
      })
    }
  })
})

describe('density explorer curve', () => {
  const range = { minPlantsPerHa: 70_000, optimumPlantsPerHa: 82_500, maxPlantsPerHa: 90_000 }
  const input = {
    range,
    curvature: 1.07,
    lodgingPenalty: 1,
    lodgingRisk: 'low' as const,
    yieldAtOptimumKgPerHa: 13_000,
    seedYuanPer1000: 12.5,
    grainYuanPerKg: 2.2,
  }

  it('peaks at the optimum and falls faster beyond the safe maximum', async () => {
    const { densityCurve } = await import('../../../engine/model/density-explorer')
    const c = densityCurve(input)
    expect(c.yieldAt(82_500)).toBeCloseTo(13_000, 9)
    const slopeInside = c.yieldAt(89_000) - c.yieldAt(90_000)
    const slopeBeyond = c.yieldAt(99_000) - c.yieldAt(100_000)
    expect(slopeBeyond).toBeGreaterThan(slopeInside)
  })

  it('its economic optimum moves left when seed costs more and right when grain pays more', async () => {
    const { densityCurve } = await import('../../../engine/model/density-explorer')
    const base = densityCurve(input).eosrPlantsPerHa!
    expect(base).toBeLessThan(82_500)
    expect(densityCurve({ ...input, seedYuanPer1000: 25 }).eosrPlantsPerHa!).toBeLessThan(base)
    expect(densityCurve({ ...input, grainYuanPerKg: 2.6 }).eosrPlantsPerHa!).toBeGreaterThan(base)
  })
})
