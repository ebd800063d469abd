import { describe, expect, it } from 'vitest'
import { parseDensityCsv } from '../../../engine/csv-numbers'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { AppError, type Issue } from '../../../engine/errors'
import { fitQuadratic, MAX_FIT_POINTS } from '../../../engine/model/density'
import { densityCurve, MAX_CURVE_STEPS } from '../../../engine/model/density-explorer'
import { assertFinite, evaluateBaseline, evaluatePlan } from '../../../engine/model/evaluate'
import { type Plan, PlanSchema } from '../../../engine/schemas/plan'
import { parseTrialPoints } from '../../../renderer/src/features/density/trial-points'

function issueOf(fn: () => unknown): Issue & { code: string } {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    const e = error as AppError
    return { code: e.code, ...e.details.issues![0]! }
  }
  throw new Error('expected a refusal')
}

const demo = PlanSchema.parse(buildDemoPlan())
const points = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    densityPlantsPerHa: 50_000 + (i % 7) * 5_000,
    yieldKgPerHa: 9_000 + i,
  }))

describe('trial points are capped wherever they come from', () => {
  it('the fit takes 10,000 points and refuses one more, by its named rule', () => {
    expect(fitQuadratic(points(MAX_FIT_POINTS)).n).toBe(MAX_FIT_POINTS)
    expect(issueOf(() => fitQuadratic(points(MAX_FIT_POINTS + 1)))).toMatchObject({
      code: 'VALIDATION',
      rule: 'too_many_points',
      params: { limit: MAX_FIT_POINTS },
    })
    // 2,000,000 points: refused at once, not "Maximum call stack size exceeded"
    expect(issueOf(() => fitQuadratic(points(2_000_000))).rule).toBe('too_many_points')
  })

  it('the CSV reader and the paste box stop at the first point beyond the cap', () => {
    const rows = (n: number) => points(n).map((p) => `${p.densityPlantsPerHa},${p.yieldKgPerHa}`)
    const csv = (n: number) => ['density_plants_per_ha,yield_kg_per_ha', ...rows(n)].join('\n')
    expect(parseDensityCsv(csv(MAX_FIT_POINTS))).toHaveLength(MAX_FIT_POINTS)
    expect(issueOf(() => parseDensityCsv(csv(MAX_FIT_POINTS + 1)))).toMatchObject({
      rule: 'too_many_points',
      params: { limit: MAX_FIT_POINTS },
    })
    const pasted = parseTrialPoints(rows(MAX_FIT_POINTS + 1).join('\n'))
    expect(pasted).toEqual({
      issue: {
        path: [MAX_FIT_POINTS + 1],
        rule: 'too_many_points',
        params: { limit: MAX_FIT_POINTS, line: MAX_FIT_POINTS + 1 },
      },
    })
    expect(parseTrialPoints(rows(MAX_FIT_POINTS).join('\n'))).toHaveProperty('points')
  })

  it('the explorer curve has a bounded, whole number of steps', () => {
    const input = {
      range: { minPlantsPerHa: 60_000, optimumPlantsPerHa: 75_000, maxPlantsPerHa: 90_000 },
      curvature: 1.07,
      lodgingPenalty: 1,
      lodgingRisk: null,
      yieldAtOptimumKgPerHa: 12_000,
      seedYuanPer1000: 12.5,
      grainYuanPerKg: 2.2,
    }
    expect(densityCurve(input).points).toHaveLength(81)
    expect(densityCurve({ ...input, steps: MAX_CURVE_STEPS }).points).toHaveLength(MAX_CURVE_STEPS + 1)
    for (const steps of [1e9, 0, 2.5, Number.NaN])
      expect(
        issueOf(() => densityCurve({ ...input, steps })),
        String(steps),
      ).toMatchObject({
        code: 'VALIDATION',
        path: ['steps'],
      })
  })
})

describe('a non-finite figure is a VALIDATION error that names its culprit', () => {
  // Plans from a database are not re-parsed by the plan schema, so the engine checks what it makes.
  const withField = (patch: Record<string, unknown>, index = 0): Plan => ({
    ...demo,
    fields: demo.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)),
  })

  it('an infinite area names the field and the input', () => {
    const field = demo.fields[2]!
    expect(issueOf(() => evaluatePlan(withField({ areaHa: Number.POSITIVE_INFINITY }, 2)))).toEqual({
      code: 'VALIDATION',
      path: ['fields', field.id, 'areaHa'],
      rule: 'not_finite',
      params: { field: field.name, figure: 'productionKg' },
    })
    expect(issueOf(() => evaluateBaseline(withField({ areaHa: Number.NaN }, 2))).path).toEqual([
      'fields',
      field.id,
      'areaHa',
    ])
  })

  it('a NaN in a field’s history names the history', () => {
    const field = demo.fields.find((f) => f.history.length >= 3)!
    const index = demo.fields.indexOf(field)
    const history = field.history.map((h, i) => (i === 0 ? { ...h, yieldKgPerHa: Number.NaN } : h))
    expect(issueOf(() => evaluatePlan(withField({ history }, index)))).toMatchObject({
      path: ['fields', field.id, 'history'],
      rule: 'not_finite',
    })
  })

  it('a figure that overflows with finite inputs names the field', () => {
    // A variety a billion billion times below its check: switching away multiplies the yield past
    // any number (the variety schema allows any potential above 0).
    const plan = structuredClone(demo)
    const maize = plan.fields.find((f) => f.crop === 'maize' && f.varietyId !== null)!
    const other = plan.varieties.find((v) => v.crop === 'maize' && v.id !== maize.varietyId)!
    plan.varieties = plan.varieties.map((v) =>
      v.id === maize.varietyId ? { ...v, yieldPotentialRel: 1e-320 } : v,
    )
    const scenario = plan.scenarios.find((s) => !s.isBaseline)!
    scenario.changes = [
      ...scenario.changes.filter((c) => c.fieldId !== maize.id),
      { fieldId: maize.id, buildHsf: null, varietyId: other.id, densityPlantsPerHa: null, waterRegime: null },
    ]
    const issue = issueOf(() => evaluatePlan(plan))
    expect(issue).toMatchObject({ code: 'VALIDATION', rule: 'not_finite' })
    expect(issue.path).toEqual(['fields', maize.id])
    expect(issue.params).toMatchObject({ field: maize.name })
  })

  it('a non-finite total names the assumption behind it', () => {
    expect(
      issueOf(() =>
        assertFinite({ npv: Number.NaN }, 'S.totals.npvYuan', ['assumptions', 'finance.discountRate']),
      ),
    ).toEqual({
      code: 'VALIDATION',
      path: ['assumptions', 'finance.discountRate'],
      rule: 'not_finite',
      params: { figure: 'S.totals.npvYuan.npv' },
    })
  })

  it('a finite plan is unaffected, and evaluation stays fast', () => {
    const t0 = performance.now()
    const result = evaluatePlan(demo)
    expect(performance.now() - t0).toBeLessThan(1_000)
    expect(result.scenarios).toHaveLength(4)
  })
})
