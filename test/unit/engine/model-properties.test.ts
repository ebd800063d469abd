import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { assertFinite, evaluatePlan } from '../../../engine/model/evaluate'
import { type Plan, PlanSchema } from '../../../engine/schemas/plan'
import { toHa } from '../../../engine/units'
import { onePlan, varietyId } from '../../helpers/plan'

const demo = PlanSchema.parse(buildDemoPlan())

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b))

function totals(plan: Plan) {
  return evaluatePlan(plan).scenarios.map((s) => ({
    productionKg: s.totals.productionKg,
    grossMarginYuan: s.totals.money.grossMarginYuan,
    investmentYuan: s.totals.investmentYuan,
    npvYuan: s.totals.npvYuan,
  }))
}

type FieldAndChange = typeof fieldAndChange extends fc.Arbitrary<infer T> ? T : never

/** A random but valid single maize field and a random scenario change on it. */
const fieldAndChange = fc.record({
  areaMu: fc.double({ min: 0.5, max: 5000, noNaN: true }),
  density: fc.integer({ min: 20_000, max: 150_000 }),
  newDensity: fc.option(fc.integer({ min: 20_000, max: 150_000 }), { nil: null }),
  water: fc.constantFrom('rainfed', 'furrow', 'sprinkler', 'drip' as const),
  newWater: fc.option(fc.constantFrom('rainfed', 'furrow', 'sprinkler', 'drip' as const), { nil: null }),
  hasHsf: fc.boolean(),
  build: fc.option(fc.boolean(), { nil: null }),
  variety: fc.constantFrom('富民985', '先玉335'),
  newVariety: fc.option(fc.constantFrom('富民985', '先玉335'), { nil: null }),
  saline: fc.constantFrom('none', 'light', 'moderate', 'severe' as const),
  heat: fc.integer({ min: 1500, max: 4000 }),
  grade: fc.integer({ min: 1, max: 10 }),
  history: fc.array(
    fc.record({
      year: fc.integer({ min: 1990, max: 2030 }),
      y: fc.double({ min: 0, max: 30_000, noNaN: true }),
    }),
    {
      maxLength: 8,
    },
  ),
})

function planOf(x: FieldAndChange, areaHa?: number): Plan {
  const years = new Map<number, number>()
  for (const h of x.history) years.set(h.year, h.y)
  return PlanSchema.parse(
    onePlan(
      {
        areaHa: areaHa ?? toHa(x.areaMu, 'mu'),
        densityPlantsPerHa: x.density,
        waterRegime: x.water,
        hasHsf: x.hasHsf,
        hsfYearBuilt: null,
        varietyId: varietyId(x.variety),
        salineClass: x.saline,
        heatSumCd: x.heat,
        qualityGrade: x.grade,
        history: [...years].map(([year, yieldKgPerHa]) => ({ year, yieldKgPerHa })),
      },
      [
        {
          buildHsf: x.build,
          densityPlantsPerHa: x.newDensity,
          waterRegime: x.newWater,
          varietyId: x.newVariety ? varietyId(x.newVariety) : null,
        },
      ],
    ),
  )
}

describe('engine properties', () => {
  it('every valid input gives finite outputs, and contributions add up to the uplift', () => {
    fc.assert(
      fc.property(fieldAndChange, (x) => {
        const result = evaluatePlan(planOf(x))
        expect(() => assertFinite(result)).not.toThrow()
        for (const s of result.scenarios) {
          for (const f of s.fields) {
            expect(Number.isFinite(f.yieldKgPerHa)).toBe(true)
            expect(f.yieldKgPerHa).toBeGreaterThanOrEqual(0)
            const sum = Object.values(f.contributions).reduce((a, b) => a + b, 0)
            expect(Math.abs(sum - (f.yieldKgPerHa - f.baselineYieldKgPerHa))).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(f.yieldKgPerHa - f.baselineYieldKgPerHa)),
            )
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('a field entered in mu or in ha gives identical results', () => {
    fc.assert(
      fc.property(fieldAndChange, (x) => {
        const inMu = evaluatePlan(planOf(x, toHa(x.areaMu, 'mu')))
        const inHa = evaluatePlan(planOf(x, toHa(x.areaMu / 15, 'ha')))
        expect(inHa.scenarios.map((s) => s.totals)).toEqual(inMu.scenarios.map((s) => s.totals))
      }),
      { numRuns: 100 },
    )
  })

  it('more area never gives less production', () => {
    fc.assert(
      fc.property(fieldAndChange, fc.double({ min: 1, max: 10, noNaN: true }), (x, k) => {
        const small = evaluatePlan(planOf(x))
        const large = evaluatePlan(planOf(x, toHa(x.areaMu * k, 'mu')))
        small.scenarios.forEach((s, i) => {
          expect(large.scenarios[i]!.totals.productionKg).toBeGreaterThanOrEqual(s.totals.productionKg)
        })
      }),
      { numRuns: 100 },
    )
  })

  it('totals do not depend on the order of the fields', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(demo.fields, { minLength: demo.fields.length, maxLength: demo.fields.length }),
        (shuffled) => {
          const a = totals(demo)
          const b = totals({ ...demo, fields: shuffled })
          a.forEach((t, i) => {
            for (const k of Object.keys(t) as (keyof typeof t)[])
              expect(rel(t[k], b[i]![k])).toBeLessThan(1e-9)
          })
        },
      ),
      { numRuns: 30 },
    )
  })

  it('totals are additive over disjoint sets of fields', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: demo.fields.length, maxLength: demo.fields.length }),
        (mask) => {
          const part = (keep: boolean): Plan => {
            const ids = new Set(demo.fields.filter((_, i) => mask[i] === keep).map((f) => f.id))
            return {
              ...demo,
              fields: demo.fields.filter((f) => ids.has(f.id)),
              scenarios: demo.scenarios.map((s) => ({
                ...s,
                changes: s.changes.filter((c) => ids.has(c.fieldId)),
              })),
            }
          }
          const whole = totals(demo)
          const a = totals(part(true))
          const b = totals(part(false))
          whole.forEach((t, i) => {
            for (const k of Object.keys(t) as (keyof typeof t)[]) {
              expect(Math.abs(t[k] - (a[i]![k] + b[i]![k]))).toBeLessThanOrEqual(
                1e-6 * Math.max(1, Math.abs(t[k])),
              )
            }
          })
        },
      ),
      { numRuns: 30 },
    )
  })
})
