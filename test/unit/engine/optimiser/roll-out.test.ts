import highsLoader from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDemoPlan } from '../../../../engine/demo-plan'
import { isAppError } from '../../../../engine/errors'
import { evaluatePlan } from '../../../../engine/model/evaluate'
import { buildInput } from '../../../../engine/optimiser/candidates'
import { checkSchedule } from '../../../../engine/optimiser/check'
import { formulate } from '../../../../engine/optimiser/formulation'
import { greedySchedule } from '../../../../engine/optimiser/greedy'
import { type ProblemInput, ProblemSchema } from '../../../../engine/optimiser/problem'
import { optimise, type Solver } from '../../../../engine/optimiser/solve'
import { rolloutScenarios } from '../../../../engine/optimiser/to-scenarios'
import type { Candidate, OptimiserInput } from '../../../../engine/optimiser/types'
import { type Plan, PlanSchema } from '../../../../engine/schemas/plan'
import { parseOrThrow } from '../../../../engine/validation'

let highs: Solver
beforeAll(async () => {
  highs = await highsLoader()
})

const demo: Plan = PlanSchema.parse(buildDemoPlan())
const problem = (p: Partial<ProblemInput> = {}) =>
  ProblemSchema.parse({
    years: [2025, 2026, 2027].map((year) => ({ year, coopBudgetYuan: 300_000 })),
    loanLimitYuan: 2_000_000,
    ...p,
  })

function candidate(
  fieldId: number,
  coopYuan: number,
  npv: number,
  extra: Partial<Candidate> = {},
): Candidate {
  return {
    fieldId,
    action: 'hsf',
    areaHa: 10,
    coopYuan,
    governmentYuan: 0,
    loanableYuan: 0,
    productionGainKg: 0,
    marginGainYuan: 0,
    npvByStart: [npv],
    requires: null,
    ...extra,
  }
}

function oneYear(
  candidates: Candidate[],
  extra: Partial<OptimiserInput['years'][number]> = {},
): OptimiserInput {
  return {
    years: [
      {
        year: 2026,
        coopBudgetYuan: 100_000,
        govQuotaYuan: null,
        hsfQuotaHa: null,
        minProductionKg: null,
        maxFields: null,
        ...extra,
      },
    ],
    loanLimitYuan: 0,
    objective: { kind: 'npv' },
    baselineProductionKg: 1_000_000,
    baselineMarginYuan: 2_000_000,
    candidates,
    keepFieldIds: [],
  }
}

describe('candidates from the engine', () => {
  const input = buildInput(demo, problem({ actions: ['hsf', 'drip', 'density'] }))

  it('offers HSF only where a field has none, and drip only on maize that has no drip', () => {
    const fields = new Map(demo.fields.map((f) => [f.id, f]))
    const hsf = input.candidates.filter((c) => c.action === 'hsf')
    const drip = input.candidates.filter((c) => c.action === 'drip')
    expect(hsf.length).toBeGreaterThan(0)
    expect(drip.length).toBeGreaterThan(0)
    for (const c of hsf) expect(fields.get(c.fieldId)!.hasHsf).toBe(false)
    for (const c of drip) {
      const f = fields.get(c.fieldId)!
      expect(f.crop).toBe('maize')
      expect(f.waterRegime).not.toBe('drip')
      // Drip waits for HSF exactly where the field has none yet.
      expect(c.requires).toBe(f.hasHsf ? null : 'hsf')
    }
    expect(
      input.candidates.some((c) => c.action === 'density' && fields.get(c.fieldId)!.crop === 'rice'),
    ).toBe(false)
  })

  it('values HSF then drip on one field as the engine values both together, started in the first year', () => {
    const pair = input.candidates.find((c) => c.action === 'drip' && c.requires === 'hsf')!
    const hsf = input.candidates.find((c) => c.fieldId === pair.fieldId && c.action === 'hsf')!
    const scenario = {
      id: 99,
      name: 'both',
      seasonYear: 2025,
      isBaseline: false,
      note: '',
      changes: [
        {
          fieldId: pair.fieldId,
          buildHsf: true,
          varietyId: null,
          densityPlantsPerHa: null,
          waterRegime: 'drip' as const,
        },
      ],
    }
    const r = evaluatePlan({ ...demo, scenarios: [scenario], loans: [] }).scenarios[0]!
    const field = r.fields.find((f) => f.fieldId === pair.fieldId)!
    expect(hsf.npvByStart[0]! + pair.npvByStart[0]!).toBeCloseTo(r.totals.npvYuan, 4)
    expect(hsf.productionGainKg + pair.productionGainKg).toBeCloseTo(
      field.productionKg - field.baselineProductionKg,
      4,
    )
    expect(hsf.coopYuan + pair.coopYuan).toBeCloseTo(r.totals.funding.coopYuan, 4)
    // A later start earns fewer seasons before the same horizon and is discounted back.
    expect(hsf.npvByStart[1]!).toBeLessThan(hsf.npvByStart[0]!)
  })

  it('leaves kept fields out of every schedule', () => {
    const keep = input.candidates.filter((c) => c.action === 'hsf').map((c) => c.fieldId)
    const kept = buildInput(demo, problem({ keepFieldIds: keep }))
    const r = optimise(highs, kept)
    expect(r.status).toBe('optimal')
    for (const s of r.schedule) expect(keep).not.toContain(s.fieldId)
    expect(checkSchedule(kept, kept.candidates, r.schedule).violations).toEqual([])
  })
})

describe('the optimiser on the demo co-op', () => {
  it('schedules within every limit, and is never below the greedy rule', () => {
    const input = buildInput(
      demo,
      problem({
        actions: ['hsf', 'drip', 'density'],
        years: [2025, 2026, 2027].map((year) => ({
          year,
          coopBudgetYuan: 150_000,
          maxFields: 4,
          hsfQuotaHa: 60,
        })),
        loanLimitYuan: 200_000,
      }),
    )
    const r = optimise(highs, input)
    expect(r.status).toBe('optimal')
    expect(r.schedule.length).toBeGreaterThan(0)
    expect(r.gapPct!).toBeLessThanOrEqual(1e-4)
    const c = checkSchedule(input, input.candidates, r.schedule)
    expect(c.violations).toEqual([])
    expect(r.npvYuan).toBeCloseTo(c.npvYuan, 2)
    for (const y of r.years) expect(y.fields).toBeLessThanOrEqual(4)
    expect(r.greedy!.objective).toBeLessThanOrEqual(r.objective! + 1e-6)
  })
})

describe('each year against doing nothing', () => {
  it('gives the production and gross margin the engine gives the year’s generated scenario', () => {
    const pb = problem({
      years: [2025, 2026, 2027].map((year) => ({ year, coopBudgetYuan: 120_000 })),
      loanLimitYuan: 100_000,
    })
    const input = buildInput(demo, pb)
    const r = optimise(highs, input, { withGreedy: false, withShadowPrices: false })
    expect(r.status).toBe('optimal')
    // A roll-out that spreads over the years, so each year's figure is a different one.
    expect(new Set(r.schedule.map((s) => s.year)).size).toBeGreaterThan(1)
    const scenarios = rolloutScenarios(demo, pb, r.schedule).map((s, i) => ({
      id: 900 + i,
      name: `roll-out ${s.year}`,
      seasonYear: s.year,
      isBaseline: false,
      note: '',
      changes: s.changes,
    }))
    const withRollout = PlanSchema.parse({ ...demo, scenarios: [...demo.scenarios, ...scenarios] })
    const evaluated = evaluatePlan(withRollout, { scenarioIds: scenarios.map((s) => s.id) }).scenarios
    const today = evaluatePlan(demo).scenarios.find((s) => s.isBaseline)!.totals
    expect(input.baselineProductionKg).toBeCloseTo(today.baselineProductionKg, 3)
    expect(input.baselineMarginYuan).toBeCloseTo(today.baselineMoney.grossMarginYuan, 3)
    r.years.forEach((y, k) => {
      const t = evaluated.find((s) => s.scenarioId === 900 + k)!.totals
      expect(y.productionKg).toBeCloseTo(t.productionKg, 3)
      expect(y.marginYuan).toBeCloseTo(t.money.grossMarginYuan, 3)
    })
    // More than doing nothing once something is built.
    expect(r.years.at(-1)!.marginYuan).toBeGreaterThan(input.baselineMarginYuan)
  })
})

describe('against the greedy rule', () => {
  it('beats best-gain-per-yuan-first where two cheaper fields fit the budget better than the best single one', () => {
    // 100,000 yuan: field 1 earns most per yuan (100k for 60k) but leaves 40k, too little for
    // either of the others; fields 2 and 3 together earn 140k for exactly the budget.
    const input = oneYear([
      candidate(1, 60_000, 100_000),
      candidate(2, 50_000, 70_000),
      candidate(3, 50_000, 70_000),
    ])
    expect(greedySchedule(input).map((s) => s.fieldId)).toEqual([1])
    const r = optimise(highs, input)
    expect(r.status).toBe('optimal')
    expect(r.schedule.map((s) => s.fieldId)).toEqual([2, 3])
    expect(r.objective).toBeCloseTo(140_000, 3)
    expect(r.greedy!.npvYuan).toBeCloseTo(100_000, 3)
    expect(r.objective!).toBeGreaterThan(r.greedy!.objective)
  })
})

describe('shadow prices', () => {
  it('price a binding budget at the LP relaxation’s marginal objective per yuan', () => {
    const input = oneYear([
      candidate(1, 60_000, 100_000),
      candidate(2, 50_000, 70_000),
      candidate(3, 50_000, 70_000),
    ])
    const r = optimise(highs, input)
    const budget = r.binding.find((b) => b.family === 'budget' && b.year === 2026)!
    // In the relaxation the best ratio (field 1, 5/3 yuan per yuan) is bought whole, then field 2
    // in part at 1.4 yuan per yuan: one more yuan of budget buys 1.4 yuan more of NPV.
    expect(budget.shadowPrice).toBeCloseTo(1.4, 6)
    // The same by re-solving the relaxation with one more yuan.
    const lp = (b: number) =>
      highs.solve(formulate(oneYear(input.candidates, { coopBudgetYuan: b }), { relaxed: true }).lp, {
        output_flag: false,
      }).ObjectiveValue
    expect(lp(100_001) - lp(100_000)).toBeCloseTo(budget.shadowPrice, 6)
  })
})

describe('shadow prices of a minimum', () => {
  it('price a binding minimum production as the objective given up per kg more, and a slack budget at 0', () => {
    // Field 2 earns nothing but brings the production the minimum asks for.
    const input = oneYear(
      [candidate(1, 60_000, 100_000), candidate(2, 50_000, -20_000, { productionGainKg: 10_000 })],
      { coopBudgetYuan: 200_000, minProductionKg: 1_005_000 },
    )
    const r = optimise(highs, input)
    expect(r.status).toBe('optimal')
    const prod = r.binding.find((b) => b.family === 'minProduction')!
    const lp = (kg: number) =>
      highs.solve(
        formulate(oneYear(input.candidates, { coopBudgetYuan: 200_000, minProductionKg: kg }), {
          relaxed: true,
        }).lp,
        {
          output_flag: false,
        },
      ).ObjectiveValue
    expect(prod.shadowPrice).toBeCloseTo(-2, 6)
    expect(lp(1_005_001) - lp(1_005_000)).toBeCloseTo(prod.shadowPrice, 6)
    expect(r.binding).toContainEqual({ family: 'budget', year: 2026, shadowPrice: 0 })
  })
})

describe('infeasible roll-outs name what would have to give', () => {
  it('a minimum production above what every action together reaches is infeasible, naming that year’s minimum', () => {
    const base = buildInput(demo, problem())
    const reach = base.candidates.reduce((s, c) => s + Math.max(0, c.productionGainKg), 0)
    const wanted = base.baselineProductionKg + reach + 500_000
    const input = {
      ...base,
      years: base.years.map((y) => (y.year === 2025 ? { ...y, minProductionKg: wanted } : y)),
    }
    const r = optimise(highs, input)
    expect(r.status).toBe('infeasible')
    expect(r.schedule).toEqual([])
    const short = r.shortfalls.find((s) => s.family === 'minProduction')
    expect(short).toEqual({ family: 'minProduction', year: 2025, amount: expect.any(Number) })
    expect(short!.amount).toBeCloseTo(500_000, 0)
  })

  it('a minimum production that money could reach names the year’s budget and how much is missing', () => {
    const input = oneYear([candidate(1, 380_000, -10_000, { productionGainKg: 1_000 })], {
      coopBudgetYuan: 0,
      minProductionKg: 1_001_000,
    })
    const r = optimise(highs, input)
    expect(r.status).toBe('infeasible')
    expect(r.shortfalls).toEqual([{ family: 'budget', year: 2026, amount: expect.closeTo(380_000, 3) }])
  })
})

describe('the problem file', () => {
  it('refuses years out of order, a loop of precedence and unknown fields, each with a translated rule', () => {
    const bad = {
      years: [
        { year: 2025, coopBudgetYuan: 1 },
        { year: 2027, coopBudgetYuan: 1 },
      ],
      precedence: [
        { action: 'drip', after: 'hsf' },
        { action: 'hsf', after: 'drip' },
      ],
    }
    try {
      parseOrThrow(ProblemSchema, bad)
      expect.unreachable()
    } catch (e) {
      expect(isAppError(e)).toBe(true)
      const rules = (e as { details: { issues: { rule: string }[] } }).details.issues.map((i) => i.rule)
      expect(rules).toContain('year_outside_rollout')
      expect(rules).toContain('precedence_invalid')
    }
    expect(() => buildInput(demo, problem({ keepFieldIds: [987_654] }))).toThrow(
      expect.objectContaining({ details: { issues: [expect.objectContaining({ rule: 'unknown_field' })] } }),
    )
    expect(
      ProblemSchema.safeParse({
        years: Array.from({ length: 11 }, (_, i) => ({ year: 2025 + i, coopBudgetYuan: 0 })),
      }).success,
    ).toBe(false)
  })
})
