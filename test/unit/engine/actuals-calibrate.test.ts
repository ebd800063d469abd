import { describe, expect, it } from 'vitest'
import { CLEAR_OF_NOISE_SE, fitCalibration, proposeCalibration } from '../../../engine/actuals/calibrate'
import { comparePlanToActual } from '../../../engine/actuals/compare'
import type { CalibrationProposal, SeasonRecord } from '../../../engine/actuals/types'
import { hardBoundsOf } from '../../../engine/assumptions/bounds'
import { CARRIED_OUT, calibrationPlan, drawActuals, withAssumption } from '../../helpers/actuals'

const TWO_SEASONS: SeasonRecord[] = [
  { seasonYear: 2024, scenarioId: CARRIED_OUT },
  { seasonYear: 2025, scenarioId: CARRIED_OUT },
]
/** a dry year and a good one, for every field alike */
const WEATHER = [0.93, 1.08]
/** the model's own field-to-field noise (cv.field) */
const FIELD_CV = 0.05
const DRIP = 1.15

const of = (proposals: CalibrationProposal[], factor: CalibrationProposal['factor']) =>
  proposals.find((p) => p.factor === factor)!

describe('calibration: drip fields yielded 5 % more than the plan assumed', () => {
  const plan = calibrationPlan(40, 1)
  const world = withAssumption(plan, 'water.factor.drip', DRIP * 1.05)
  const actuals = drawActuals({ world, seasons: TWO_SEASONS, weather: WEATHER, fieldCv: FIELD_CV, seed: 1 })

  it('proposes a drip factor about 5 % higher, and nothing else', () => {
    const proposals = proposeCalibration(plan, actuals, TWO_SEASONS)
    const drip = of(proposals, 'drip')
    expect(drip.assumptionKey).toBe('water.factor.drip')
    expect(drip.currentValue).toBe(DRIP)
    expect(drip.status).toBe('proposed')
    const implied = (drip.proposedValue! / DRIP - 1) * 100
    expect(Math.abs(implied - 5)).toBeLessThan(1.5)
    expect(implied).toBeCloseTo(drip.biasPct, 9)
    // the shrunk estimate sits between 0 and the raw one, by the evidence weight
    expect(Math.log(1 + drip.biasPct / 100)).toBeCloseTo(
      drip.evidenceWeight * Math.log(1 + drip.rawBiasPct / 100),
      12,
    )
    expect(drip.evidenceWeight).toBeGreaterThan(0.9)
    expect(drip.evidenceWeight).toBeLessThan(1)
    expect(drip.standardErrorPct).toBeGreaterThan(0.5)
    expect(drip.standardErrorPct).toBeLessThan(2)
    // 40 fields: every eighth pattern puts 20 on drip (15 drip only, 5 drip with a higher density)
    expect(drip.fields).toBe(20)
    expect(drip.seasons).toBe(2)
    expect(drip.seasonYears).toEqual([2024, 2025])
    for (const factor of ['hsf', 'density', 'variety'] as const)
      expect(of(proposals, factor).proposedValue).toBeNull()
  })

  it('mapped back into the assumption and evaluated again, the gap closes', () => {
    const drip = of(proposeCalibration(plan, actuals, TWO_SEASONS), 'drip')
    const corrected = withAssumption(plan, 'water.factor.drip', drip.proposedValue!)
    const again = of(proposeCalibration(corrected, actuals, TWO_SEASONS), 'drip')
    expect(again.proposedValue).toBeNull()
    expect(Math.abs(again.rawBiasPct)).toBeLessThan(1)
    // the drip fields' error against the fields that changed nothing, area-weighted, per season
    const dripIds = new Set(
      plan.scenarios[1]!.changes.filter((c) => c.waterRegime === 'drip').map((c) => c.fieldId),
    )
    const unchanged = new Set(
      plan.fields.filter((f) => !plan.scenarios[1]!.changes.some((c) => c.fieldId === f.id)).map((f) => f.id),
    )
    const gap = (p: typeof plan) =>
      TWO_SEASONS.map((season) => {
        const fields = comparePlanToActual(p, actuals, season).fields
        const mean = (ids: Set<number>) => {
          const rows = fields.filter((c) => ids.has(c.fieldId))
          return (
            rows.reduce((s, c) => s + c.actualKgPerHa * c.areaHa, 0) /
            rows.reduce((s, c) => s + c.forecastKgPerHa * c.areaHa, 0)
          )
        }
        return (mean(dripIds) / mean(unchanged) - 1) * 100
      })
    const before = gap(plan)
    const after = gap(corrected)
    for (let s = 0; s < 2; s++) {
      expect(before[s]).toBeGreaterThan(2.5)
      expect(Math.abs(after[s]!)).toBeLessThan(Math.abs(before[s]!) / 2)
    }
  })

  it('over eight seeds the estimate centres on 5 % and stays within 3 standard errors of it', () => {
    const raws: number[] = []
    for (let seed = 1; seed <= 8; seed++) {
      const p = calibrationPlan(40, seed)
      const w = withAssumption(p, 'water.factor.drip', DRIP * 1.05)
      const drip = of(
        proposeCalibration(
          p,
          drawActuals({ world: w, seasons: TWO_SEASONS, weather: WEATHER, fieldCv: FIELD_CV, seed }),
          TWO_SEASONS,
        ),
        'drip',
      )
      const raw = Math.log(1 + drip.rawBiasPct / 100) * 100
      expect(Math.abs(raw - Math.log(1.05) * 100)).toBeLessThan(3 * drip.standardErrorPct)
      raws.push(drip.rawBiasPct)
    }
    const mean = raws.reduce((s, r) => s + r, 0) / raws.length
    expect(Math.abs(mean - 5)).toBeLessThan(1)
  })

  it('a higher HSF uplift is mapped back to hsf.uplift', () => {
    const p = calibrationPlan(64, 1)
    const seasons = [2023, ...TWO_SEASONS.map((s) => s.seasonYear)].map((seasonYear) => ({
      seasonYear,
      scenarioId: CARRIED_OUT,
    }))
    const w = withAssumption(p, 'hsf.uplift', 0.25)
    const hsf = of(
      proposeCalibration(
        p,
        drawActuals({ world: w, seasons, weather: [1, ...WEATHER], fieldCv: FIELD_CV, seed: 1 }),
        seasons,
      ),
      'hsf',
    )
    expect(hsf.assumptionKey).toBe('hsf.uplift')
    expect(hsf.currentValue).toBe(0.15)
    expect(hsf.status).toBe('proposed')
    expect(Math.abs(hsf.proposedValue! - 0.25)).toBeLessThan(0.03)
  })
})

describe('calibration: no bias, no proposal', () => {
  it('proposes nothing across seeds and noise levels when the plan was right', () => {
    for (const fieldCv of [0.05, 0.08])
      for (let seed = 1; seed <= 6; seed++) {
        const plan = calibrationPlan(40, seed)
        const proposals = proposeCalibration(
          plan,
          drawActuals({ world: plan, seasons: TWO_SEASONS, weather: WEATHER, fieldCv, seed }),
          TWO_SEASONS,
        )
        expect(proposals.map((p) => p.proposedValue)).toEqual([null, null, null, null])
        for (const p of proposals.filter((x) => x.status !== 'no_evidence'))
          expect(Math.abs(Math.log(1 + p.rawBiasPct / 100) * 100)).toBeLessThan(
            CLEAR_OF_NOISE_SE * p.standardErrorPct,
          )
      }
  })

  it('a good season is the season’s, not drip’s: drip came in the good year only', () => {
    const plan = calibrationPlan(40, 3)
    // 2024 as planned (nothing changed), 2025 the drip scenario in a year 20 % better for everyone
    const seasons: SeasonRecord[] = [
      { seasonYear: 2024, scenarioId: null },
      { seasonYear: 2025, scenarioId: CARRIED_OUT },
    ]
    const actuals = drawActuals({ world: plan, seasons, weather: [1, 1.2], fieldCv: FIELD_CV, seed: 3 })
    const fit = fitCalibration(plan, actuals, seasons)
    expect(fit.seasons.map((s) => s.seasonYear)).toEqual([2024, 2025])
    expect(Math.abs(fit.seasons[1]!.effectPct - 20)).toBeLessThan(2)
    expect(Math.abs(fit.seasons[0]!.effectPct)).toBeLessThan(2)
    const drip = of(fit.proposals, 'drip')
    expect(drip.proposedValue).toBeNull()
    expect(Math.abs(drip.rawBiasPct)).toBeLessThan(2)
    expect(drip.seasonYears).toEqual([2025])
    // Without the season's intercept the same data would credit drip with most of the good year:
    // the drip fields' plain error is about +20 %.
    const dripFields = comparePlanToActual(plan, actuals, seasons[1]!).fields.filter((c) =>
      plan.scenarios[1]!.changes.some((ch) => ch.fieldId === c.fieldId && ch.waterRegime === 'drip'),
    )
    const plain = dripFields.reduce((s, c) => s + c.errorPct, 0) / dripFields.length
    expect(plain).toBeGreaterThan(15)
  })
})

describe('calibration: no evidence, no estimate', () => {
  it('a factor no field changed gets no estimate', () => {
    const plan = calibrationPlan(40, 1)
    const variety = of(
      proposeCalibration(
        plan,
        drawActuals({ world: plan, seasons: TWO_SEASONS, weather: WEATHER, fieldCv: FIELD_CV, seed: 1 }),
        TWO_SEASONS,
      ),
      'variety',
    )
    expect(variety).toMatchObject({
      status: 'no_evidence',
      proposedValue: null,
      fields: 0,
      seasons: 0,
      seasonYears: [],
      rawBiasPct: 0,
      standardErrorPct: 0,
      evidenceWeight: 0,
    })
  })

  it('no actuals at all: no season, no estimate for any factor', () => {
    const fit = fitCalibration(calibrationPlan(8, 1), [], TWO_SEASONS)
    expect(fit.seasons).toEqual([])
    expect(fit.observations).toBe(0)
    expect(fit.proposals.map((p) => [p.factor, p.status, p.proposedValue])).toEqual([
      ['hsf', 'no_evidence', null],
      ['drip', 'no_evidence', null],
      ['density', 'no_evidence', null],
      ['variety', 'no_evidence', null],
    ])
  })

  it('a factor every field changed cannot be told from the weather, and gets no estimate either', () => {
    const base = calibrationPlan(16, 2)
    const plan = {
      ...base,
      scenarios: base.scenarios.map((s) =>
        s.isBaseline
          ? s
          : {
              ...s,
              changes: base.fields.map((f) => ({
                fieldId: f.id,
                buildHsf: null,
                varietyId: null,
                densityPlantsPerHa: null,
                waterRegime: 'drip' as const,
              })),
            },
      ),
    }
    const world = withAssumption(plan, 'water.factor.drip', DRIP * 1.1)
    const proposals = proposeCalibration(
      plan,
      drawActuals({ world, seasons: TWO_SEASONS, weather: WEATHER, fieldCv: FIELD_CV, seed: 2 }),
      TWO_SEASONS,
    )
    expect(of(proposals, 'drip')).toMatchObject({ status: 'no_evidence', proposedValue: null })
  })

  it('keeps a proposal within the assumption’s hard bounds', () => {
    const plan = calibrationPlan(40, 4)
    const world = withAssumption(plan, 'hsf.uplift', 1)
    const seasons = TWO_SEASONS
    const hsf = of(
      proposeCalibration(
        plan,
        drawActuals({ world, seasons, weather: WEATHER, fieldCv: FIELD_CV, seed: 4 }),
        seasons,
      ),
      'hsf',
    )
    expect(hsf.status).toBe('proposed')
    expect(hsf.proposedValue).toBeLessThanOrEqual(hardBoundsOf('hsf.uplift')!.max)
    expect(hsf.proposedValue).toBeGreaterThan(0.6)
  })
})

describe('calibration: changes that always came together', () => {
  it('drip always with a new density cannot be split: neither gets an estimate, the others still do', () => {
    const base = calibrationPlan(40, 5)
    const plan = {
      ...base,
      scenarios: base.scenarios.map((s) =>
        s.isBaseline
          ? s
          : {
              ...s,
              changes: s.changes.map((c) =>
                c.waterRegime === 'drip' || c.densityPlantsPerHa !== null
                  ? { ...c, waterRegime: 'drip' as const, densityPlantsPerHa: 80_000 }
                  : c,
              ),
            },
      ),
    }
    const world = withAssumption(plan, 'hsf.uplift', 0.25)
    const proposals = proposeCalibration(
      plan,
      drawActuals({ world, seasons: TWO_SEASONS, weather: WEATHER, fieldCv: FIELD_CV, seed: 5 }),
      TWO_SEASONS,
    )
    expect(of(proposals, 'drip')).toMatchObject({ status: 'no_evidence', confoundedWith: ['density'] })
    expect(of(proposals, 'density')).toMatchObject({ status: 'no_evidence', confoundedWith: ['drip'] })
    expect(of(proposals, 'hsf').status).toBe('proposed')
  })
})
