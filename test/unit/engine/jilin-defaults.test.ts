import { describe, expect, it } from 'vitest'
import { DEFAULT_BY_KEY } from '../../../engine/assumptions/defaults'
import { buildDemoPlan, DEMO_SCENARIO_NAMES } from '../../../engine/demo-plan'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { PlanSchema } from '../../../engine/schemas/plan'
import { onePlan, varietyId } from '../../helpers/plan'

const MU_PER_HA = 15
const value = (key: string) => DEFAULT_BY_KEY.get(key)!.value

function field(plan: ReturnType<typeof onePlan>, scenario = 1) {
  return evaluatePlan(PlanSchema.parse(plan)).scenarios[scenario]!.fields[0]!
}

describe('HSF funding and effect', () => {
  it('is mostly public money, effective the year it is built, with the co-op share editable', () => {
    expect(value('hsf.govShare')).toBeGreaterThanOrEqual(0.8)
    expect(DEFAULT_BY_KEY.get('hsf.govShare')!.low).toBeGreaterThanOrEqual(0.8)
    expect(DEFAULT_BY_KEY.get('hsf.govShare')!.high).toBe(1)
    expect(value('hsf.rampYears')).toBe(0)
    expect(DEFAULT_BY_KEY.get('hsf.rampYears')!.high).toBeGreaterThan(0)
    const r = field(onePlan({}, [{ buildHsf: true }]))
    expect(r.funding.coopYuan / r.investmentYuan).toBeCloseTo(1 - value('hsf.govShare'), 9)
    const shared = field(
      onePlan({}, [{ buildHsf: true }], {
        assumptions: [{ key: 'hsf.govShare', value: 0.6, low: 0.5, high: 1, note: '', changedAt: '' }],
      }),
    )
    expect(shared.funding.coopYuan / shared.investmentYuan).toBeCloseTo(0.4, 9)
  })

  it('a field already irrigated does not get the irrigation gain twice', () => {
    const rainfed = field(onePlan({}, [{ buildHsf: true }]))
    const furrow = field(onePlan({ waterRegime: 'furrow' }, [{ buildHsf: true }]))
    expect(rainfed.multipliers.hsf).toBeCloseTo(1 + value('hsf.uplift'), 12)
    expect(furrow.multipliers.hsf).toBeCloseTo(
      1 + value('hsf.uplift') * value('hsf.upliftShareIrrigated'),
      12,
    )
    expect(furrow.multipliers.hsf).toBeLessThan(rainfed.multipliers.hsf)
    // Building HSF and converting to drip at once: less than both gains stacked in full.
    const both = field(onePlan({}, [{ buildHsf: true, waterRegime: 'drip' }]))
    const full = (1 + value('hsf.uplift')) * value('water.factor.drip')
    expect(both.multipliers.hsf * both.multipliers.densityWater).toBeLessThan(full)
    expect(both.assumptionKeys).toContain('hsf.upliftShareIrrigated')
  })
})

describe('salinity by tolerance', () => {
  it('severe salinity costs a non-tolerant soybean about half; 东生118 keeps half of that back', () => {
    expect(value('saline.loss.severe')).toBeGreaterThanOrEqual(0.45)
    expect(value('saline.loss.severe')).toBeLessThanOrEqual(0.55)
    const plan = buildDemoPlan()
    const dongsheng = plan.varieties.find((v) => v.name === '东生118')!
    expect(dongsheng.saltTolerance).toBe('high')
    const r = field(
      onePlan(
        {
          crop: 'soybean',
          varietyId: varietyId('吉育86'),
          densityPlantsPerHa: 180_000,
          salineClass: 'severe',
        },
        [{ varietyId: varietyId('东生118') }],
      ),
    )
    // (1 − 0.5 × 0.5) / (1 − 0.5) = 1.5
    expect(r.multipliers.salinity).toBeCloseTo(1.5, 9)
  })
})

describe('heat sums and maturity', () => {
  it('先玉335 needs ≥2,900 °C·d: on a 2,550 °C·d field it warns and costs yield', () => {
    const plan = onePlan({ heatSumCd: 2550, varietyId: varietyId('凤田807') }, [
      { varietyId: varietyId('先玉335') },
    ])
    const r = field(plan)
    expect(r.warnings.map((w) => w.code)).toContain('variety_too_late')
    expect(r.multipliers.maturity).toBeLessThan(1)
  })

  it('every demo maize variety has its heat sum, and no demo field grows one too late for it', () => {
    const plan = buildDemoPlan()
    for (const v of plan.varieties.filter((x) => x.crop === 'maize'))
      expect(v.heatSumNeededCd, v.name).not.toBeNull()
    const results = evaluatePlan(plan).scenarios
    for (const s of results)
      for (const f of s.fields)
        expect(
          f.warnings.map((w) => w.code),
          `${s.name} field ${f.fieldId}`,
        ).not.toContain('variety_too_late')
    const margin = value('maturity.safetyMarginCd')
    for (const f of plan.fields) {
      const v = plan.varieties.find((x) => x.id === f.varietyId)
      if (v?.heatSumNeededCd != null)
        expect(f.heatSumCd - v.heatSumNeededCd, f.name).toBeGreaterThanOrEqual(margin)
    }
  })
})

describe('demo data that looks like Jilin', () => {
  const plan = buildDemoPlan()
  const [baseline] = evaluatePlan(plan).scenarios
  const maize = baseline!.fields.filter((f) => f.crop === 'maize')
  const mu = (fs: typeof maize) => fs.reduce((s, f) => s + f.areaHa, 0) * MU_PER_HA

  it('keeps its 24 fields, 3 villages and 4 scenarios', () => {
    expect(plan.fields).toHaveLength(24)
    expect(new Set(plan.fields.map((f) => f.village)).size).toBe(3)
    expect(plan.scenarios.map((s) => s.name)).toEqual(Object.values(DEMO_SCENARIO_NAMES))
    expect(plan.workspace.isDemo).toBe(true)
  })

  it('maize baselines sit between Jilin’s grain average (479 kg/mu) and irrigated top fields', () => {
    const perMu = maize.map((f) => f.baselineYieldKgPerHa / MU_PER_HA)
    const mean =
      maize.reduce((s, f) => s + f.baselineYieldKgPerHa * f.areaHa, 0) / (mu(maize) / MU_PER_HA) / MU_PER_HA
    expect(mean).toBeGreaterThan(550)
    expect(mean).toBeLessThan(700)
    expect(Math.min(...perMu)).toBeGreaterThan(350)
    expect(Math.max(...perMu)).toBeLessThan(900)
    expect(value('baseline.maxTrendPerYear')).toBeCloseTo(0.002, 9)
  })

  it('maize margin after rent lands at 100–300 yuan/mu, and every cost item is counted', () => {
    const margin = maize.reduce((s, f) => s + f.money.grossMarginYuan, 0) / mu(maize)
    expect(margin).toBeGreaterThanOrEqual(100)
    expect(margin).toBeLessThanOrEqual(300)
    const m = baseline!.totals.money
    for (const k of [
      'fertiliserYuan',
      'pesticideYuan',
      'tillageYuan',
      'sowingYuan',
      'harvestYuan',
      'dryingYuan',
      'labourYuan',
      'insurancePremiumYuan',
      'irrigationYuan',
      'landRentYuan',
      'seedYuan',
    ] as const)
      expect(m[k], k).toBeGreaterThan(0)
  })
})
