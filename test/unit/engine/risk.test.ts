import { describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS } from '../../../engine/assumptions/defaults'
import type { AssumptionOverride } from '../../../engine/assumptions/types'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { sensitivity } from '../../../engine/risk/sensitivity'
import {
  BLOCK_DRAWS,
  blockCount,
  createSimulation,
  mergeRisk,
  prepareRisk,
  type RiskPart,
  simulateRisk,
  splitBlocks,
} from '../../../engine/risk/simulate'
import { type Plan, PlanSchema } from '../../../engine/schemas/plan'
import { onePlan, varietyId } from '../../helpers/plan'

const pin = (key: string, value: number): AssumptionOverride => ({
  key,
  value,
  low: value,
  high: value,
  note: '',
  changedAt: '',
})

/** Every range collapsed to its value, and the random parts switched off unless given. */
function quiet(plan: Plan, keep: Record<string, number> = {}): Plan {
  const zero = [
    'cv.rainfedCentral',
    'cv.rainfedWest',
    'cv.rainfedEast',
    'cv.drip',
    'cv.paddy',
    'cv.field',
    'risk.catastropheProb',
  ]
  const overrides = DEFAULT_ASSUMPTIONS.map((a) =>
    pin(a.key, keep[a.key] ?? (zero.includes(a.key) ? 0 : a.value)),
  )
  return PlanSchema.parse({ ...plan, assumptions: overrides })
}

describe('Monte Carlo risk', () => {
  it('with every range a point and every CV 0, P10 = P50 = P90 = the deterministic result', () => {
    const plan = quiet(buildDemoPlan())
    const risk = simulateRisk(plan, { draws: 200, seed: 7 })
    const det = evaluatePlan(plan).scenarios
    for (const s of [risk.baseline, ...risk.scenarios]) {
      const d = det.find((x) => x.scenarioId === s.scenarioId)!.totals
      for (const p of [s.productionKg.p10, s.productionKg.p50, s.productionKg.p90])
        expect(p).toBeCloseTo(d.productionKg, 6)
      for (const p of [s.grossMarginYuan.p10, s.grossMarginYuan.p50, s.grossMarginYuan.p90]) {
        expect(p).toBeCloseTo(d.money.grossMarginYuan, 4)
      }
    }
  })

  it('an HSF build on an irrigated maize field varies only with the part of the uplift it keeps', () => {
    const spread = (waterRegime: 'rainfed' | 'furrow') => {
      const plan = quiet(PlanSchema.parse(onePlan({ waterRegime }, [{ buildHsf: true }])))
      plan.assumptions = plan.assumptions.map((a) =>
        a.key === 'hsf.uplift' ? { ...a, low: 0.1, high: 0.2 } : a,
      )
      const s = simulateRisk(plan, { draws: 4000, seed: 3 }).scenarios[0]!.productionKg
      const det = evaluatePlan(plan).scenarios[1]!.totals.productionKg
      expect(Math.abs(s.p50 / det - 1)).toBeLessThan(0.005)
      return (s.p90 - s.p10) / s.p50
    }
    const rainfed = spread('rainfed')
    const furrow = spread('furrow')
    expect(rainfed).toBeGreaterThan(0)
    // half the uplift (hsf.upliftShareIrrigated = 0.5): about half the spread
    expect(furrow / rainfed).toBeGreaterThan(0.45)
    expect(furrow / rainfed).toBeLessThan(0.6)
  })

  it('a single rainfed field reproduces its configured CV (±10 %) and its mean (±1 %) over 20,000 draws', () => {
    const plan = quiet(onePlan({}, []), { 'cv.rainfedCentral': 0.15 })
    const y0 = evaluatePlan(plan).scenarios[0]!.totals.productionKg
    const p = simulateRisk(plan, { draws: 20_000, seed: 11 }).baseline.productionKg
    expect(Math.abs(p.sd / p.mean / 0.15 - 1)).toBeLessThan(0.1)
    expect(Math.abs(p.mean / y0 - 1)).toBeLessThan(0.01)
  })

  it('with the catastrophe tail the mean matches the analytic expectation within 1 %', () => {
    const plan = quiet(onePlan({}, []), { 'cv.rainfedCentral': 0.15, 'risk.catastropheProb': 0.04 })
    const y0 = evaluatePlan(plan).scenarios[0]!.totals.productionKg
    const p = simulateRisk(plan, { draws: 20_000, seed: 12 }).baseline.productionKg
    // E[loss] = 4 % × (0.3 + 0.7) / 2
    expect(Math.abs(p.mean / (y0 * (1 - 0.04 * 0.5)) - 1)).toBeLessThan(0.01)
  })

  it('a weather shock common to all fields makes the co-op total vary more than independent shocks', () => {
    const plan = quiet(buildDemoPlan(), {
      'cv.rainfedCentral': 0.15,
      'cv.rainfedWest': 0.25,
      'cv.rainfedEast': 0.15,
      'cv.drip': 0.1,
      'cv.paddy': 0.08,
    })
    const common = simulateRisk(plan, { draws: 4000, seed: 3 }).baseline.productionKg
    const independent = simulateRisk(plan, { draws: 4000, seed: 3, weather: 'independent' }).baseline
      .productionKg
    expect(common.sd / common.mean).toBeGreaterThan(1.5 * (independent.sd / independent.mean))
  })

  it('cost ranges move the margin but not the production', () => {
    const base = quiet(buildDemoPlan())
    const rent = DEFAULT_ASSUMPTIONS.find((a) => a.key === 'cost.landRentYuanPerHa')!
    const plan = PlanSchema.parse({
      ...base,
      assumptions: [
        ...base.assumptions.filter((a) => a.key !== rent.key),
        { ...pin(rent.key, rent.value), low: rent.low, high: rent.high },
      ],
    })
    const b = simulateRisk(plan, { draws: 2000, seed: 9 }).baseline
    expect(b.productionKg.p90 - b.productionKg.p10).toBeCloseTo(0, 6)
    expect(b.grossMarginYuan.p90 - b.grossMarginYuan.p10).toBeGreaterThan(0)
  })

  it('the same seed gives identical output; another seed gives different output', () => {
    const plan = PlanSchema.parse(buildDemoPlan())
    const a = simulateRisk(plan, { draws: 500, seed: 42 })
    const b = simulateRisk(plan, { draws: 500, seed: 42 })
    const c = simulateRisk(plan, { draws: 500, seed: 43 })
    expect(b.scenarios.map((s) => s.grossMarginYuan)).toEqual(a.scenarios.map((s) => s.grossMarginYuan))
    expect(c.scenarios[0]!.grossMarginYuan.p50).not.toBe(a.scenarios[0]!.grossMarginYuan.p50)
  })

  it('gives identical percentiles from one worker and from four, each running its blocks apart', () => {
    const plan = PlanSchema.parse(buildDemoPlan())
    // Not a whole number of blocks: the last block is short.
    const options = { draws: 9 * BLOCK_DRAWS + 123, seed: 2024 }
    const one = simulateRisk(plan, options)
    /**
     * `workers` simulated in-process as the Risk screen runs them: one prepares the kernel, each gets
     * a copy (as a message would carry it) and runs only its blocks, in odd steps; the last finishes first.
     */
    const kernel = prepareRisk(plan)
    const split = (workers: number) => {
      const ranges = splitBlocks(options.draws, workers)
      expect(ranges).toHaveLength(workers)
      const parts: RiskPart[] = []
      let meta = null as ReturnType<typeof createSimulation>['meta'] | null
      for (const blocks of [...ranges].reverse()) {
        const sim = createSimulation(structuredClone(kernel), { ...options, blocks })
        while (!sim.step(37)) {
          // stepping across block edges mid-step, as a worker's progress chunks do
        }
        parts.push(sim.part())
        meta = sim.meta
      }
      return mergeRisk(meta!, options, parts)
    }
    const summary = (r: ReturnType<typeof simulateRisk>) =>
      [r.baseline, ...r.scenarios].map((s) => ({
        id: s.scenarioId,
        production: s.productionKg,
        margin: s.grossMarginYuan,
        beats: s.probBeatsBaseline,
      }))
    for (const workers of [4, 3, 2]) {
      const many = split(workers)
      expect(many.completedDraws).toBe(options.draws)
      expect(summary(many)).toEqual(summary(one))
      expect(Array.from(many.scenarios[1]!.marginSamples)).toEqual(
        Array.from(one.scenarios[1]!.marginSamples),
      )
    }
    // The comparison has teeth: another seed moves every percentile.
    const other = simulateRisk(plan, { ...options, seed: 2025 })
    expect(other.baseline.productionKg.p50).not.toBe(one.baseline.productionKg.p50)
  })

  it('shares the blocks out to workers whole, once each, in near-equal ranges', () => {
    for (const draws of [1, 249, 250, 251, 10_000, 12_345]) {
      for (const parts of [1, 2, 3, 4, 7, 8, 64]) {
        const ranges = splitBlocks(draws, parts)
        const n = blockCount(draws)
        expect(ranges.length).toBe(Math.min(parts, n))
        let next = 0
        for (const r of ranges) {
          expect(r.first).toBe(next)
          expect(r.count).toBeGreaterThan(0)
          next += r.count
        }
        expect(next).toBe(n)
        const sizes = ranges.map((r) => r.count)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)
      }
    }
    expect(() =>
      createSimulation(PlanSchema.parse(buildDemoPlan()), {
        draws: 500,
        seed: 1,
        blocks: { first: 1, count: 2 },
      }),
    ).toThrow()
  })

  it('a dominating scenario beats the baseline in every year', () => {
    const plan = onePlan(
      { crop: 'soybean', varietyId: varietyId('吉育86'), densityPlantsPerHa: 180_000 },
      [{ varietyId: varietyId('东生118') }],
      // Uninsured: insurance lifts both to the same cover in a bad year, a tie rather than a win.
      { assumptions: [pin('insurance.participation', 0)] },
    )
    const risk = simulateRisk(PlanSchema.parse(plan), { draws: 2000, seed: 5 })
    expect(risk.scenarios[0]!.probBeatsBaseline).toBe(1)
  })
})

describe('sensitivity tornado', () => {
  it('ranks a widened HSF band higher than before the widening', () => {
    const plan = PlanSchema.parse(buildDemoPlan())
    const hsfScenario = plan.scenarios.find((s) => s.name === '建设高标准农田')!.id
    const rank = (p: Plan) => sensitivity(p, hsfScenario).findIndex((r) => r.key === 'hsf.uplift')
    const before = rank(plan)
    const widened = PlanSchema.parse({
      ...plan,
      assumptions: [{ key: 'hsf.uplift', value: 0.15, low: 0, high: 0.4, note: '', changedAt: '' }],
    })
    expect(before).toBeGreaterThan(0)
    expect(rank(widened)).toBeLessThan(before)
  })
})

describe('risk refuses what it cannot answer', () => {
  it('a plan with no baseline scenario is a VALIDATION error, not a crash', async () => {
    const { buildDemoPlan } = await import('../../../engine/demo-plan')
    const { createSimulation } = await import('../../../engine/risk/simulate')
    const plan = { ...buildDemoPlan(), scenarios: [] }
    expect(() => createSimulation(plan, { draws: 10, seed: 1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    )
  })

  it('caps scenarios × draws so one run cannot hold gigabytes of samples', async () => {
    const { buildDemoPlan } = await import('../../../engine/demo-plan')
    const { createSimulation, MAX_SAMPLES_PER_SERIES } = await import('../../../engine/risk/simulate')
    const demo = buildDemoPlan()
    const extra = demo.scenarios.find((s) => !s.isBaseline)!
    const scenarios = [
      ...demo.scenarios,
      ...Array.from({ length: 40 }, (_, i) => ({ ...extra, id: 1000 + i, name: `副本 ${i}` })),
    ]
    const plan = { ...demo, scenarios }
    expect(scenarios.length * 1_000_000).toBeGreaterThan(MAX_SAMPLES_PER_SERIES)
    expect(() => createSimulation(plan, { draws: 1_000_000, seed: 1 })).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    )
    // Within the cap the same plan runs.
    expect(() => createSimulation(plan, { draws: 1_000, seed: 1 })).not.toThrow()
  })
})
