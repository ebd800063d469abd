import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { assumptionIssues, hardBoundsOf } from '../../../engine/assumptions/bounds'
import { DEFAULT_ASSUMPTIONS } from '../../../engine/assumptions/defaults'
import type { AssumptionOverride } from '../../../engine/assumptions/types'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { AppError } from '../../../engine/errors'
import { capitalRecovery, cashFlow, moneyParams } from '../../../engine/model/economics'
import { assertFinite, evaluatePlan } from '../../../engine/model/evaluate'
import { AssumptionChangeSchema, type Plan, PlanSchema } from '../../../engine/schemas/plan'
import { toIssues } from '../../../engine/validation'

const demo = PlanSchema.parse(buildDemoPlan())

/** The next double above / below x: "just beyond" a bound, however small the step. */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE
  const f = new Float64Array([x])
  const b = new BigInt64Array(f.buffer)
  b[0] = b[0]! + (x > 0 ? 1n : -1n)
  return f[0]!
}
const nextDown = (x: number) => -nextUp(-x)

const override = (key: string, value: number, low: number, high: number): AssumptionOverride => ({
  key,
  value,
  low,
  high,
  note: '',
  changedAt: '2026-01-01T00:00:00.000Z',
})

function evaluateWith(overrides: AssumptionOverride[]) {
  const plan: Plan = { ...demo, assumptions: overrides }
  const result = evaluatePlan(plan)
  // Every number in every field and total, not just the totals the engine checks itself.
  assertFinite(result)
  return result
}

function changeIssues({ key, value, low, high }: { key: string; value: number; low: number; high: number }) {
  const input = { key, value, low, high, note: '' }
  const parsed = AssumptionChangeSchema.safeParse(input)
  return parsed.success ? [] : toIssues(parsed.error, input)
}

function planIssues(o: AssumptionOverride) {
  const input = { ...demo, assumptions: [o] }
  const parsed = PlanSchema.safeParse(input)
  return parsed.success ? [] : toIssues(parsed.error, input)
}

describe('hard bounds of every assumption', () => {
  it('every record has bounds that hold its default value and range', () => {
    for (const a of DEFAULT_ASSUMPTIONS) {
      expect(Number.isFinite(a.min) && Number.isFinite(a.max), a.key).toBe(true)
      expect(a.min, a.key).toBeLessThanOrEqual(a.low)
      expect(a.high, a.key).toBeLessThanOrEqual(a.max)
      expect(assumptionIssues(a), a.key).toEqual([])
    }
    // the ones the review named, and the counts the cash flow loops over
    expect(hardBoundsOf('finance.horizonYears')).toEqual({ min: 1, max: 50, integer: true })
    expect(hardBoundsOf('hsf.uplift')).toEqual({ min: 0, max: 1, integer: false })
    for (const k of ['hsf.rampYears', 'hsf.lifetimeYears', 'drip.lifetimeYears'])
      expect(hardBoundsOf(k)?.integer, k).toBe(true)
    for (const a of DEFAULT_ASSUMPTIONS.filter((x) => x.key.startsWith('cv.') || x.key.endsWith('Share')))
      expect([a.min, a.max], a.key).toEqual([0, 1])
  })

  it.each(DEFAULT_ASSUMPTIONS.map((a) => [a.key, a] as const))(
    '%s at its min and its max evaluates the demo plan to finite figures',
    (key, a) => {
      for (const v of [a.min, a.max]) {
        expect(changeIssues({ key, value: v, low: a.min, high: a.max }), `${key}=${v}`).toEqual([])
        expect(planIssues(override(key, v, a.min, a.max)), `${key}=${v}`).toEqual([])
        const result = evaluateWith([override(key, v, a.min, a.max)])
        expect(result.scenarios).toHaveLength(4)
      }
    },
  )

  it.each(DEFAULT_ASSUMPTIONS.map((a) => [a.key, a] as const))(
    '%s just beyond either bound is refused by the change schema and the plan schema',
    (key, a) => {
      const below = nextDown(a.min)
      const above = nextUp(a.max)
      expect(below).toBeLessThan(a.min)
      expect(above).toBeGreaterThan(a.max)
      const bounds = { min: a.min, max: a.max }
      // the value alone, then the range alone, each just beyond
      expect(changeIssues({ key, value: below, low: below, high: a.max })[0]).toEqual({
        path: ['value'],
        rule: 'outside_hard_bounds',
        params: { ...bounds, key },
      })
      expect(changeIssues({ key, value: above, low: a.min, high: above })[0]).toMatchObject({
        path: ['value'],
        rule: 'outside_hard_bounds',
      })
      expect(changeIssues({ key, value: a.value, low: below, high: a.high })[0]).toMatchObject({
        path: ['low'],
        rule: 'outside_hard_bounds',
        params: bounds,
      })
      expect(changeIssues({ key, value: a.value, low: a.low, high: above })[0]).toMatchObject({
        path: ['high'],
        rule: 'outside_hard_bounds',
        params: bounds,
      })
      expect(planIssues(override(key, below, below, a.max))[0]).toMatchObject({
        path: ['assumptions', 0, 'value'],
        rule: 'outside_hard_bounds',
        params: bounds,
      })
      expect(planIssues(override(key, above, a.min, above))[0]).toMatchObject({
        path: ['assumptions', 0, 'value'],
        rule: 'outside_hard_bounds',
      })
      // and evaluation refuses it too, naming the key, should it arrive some other way
      const e = (() => {
        try {
          evaluatePlan({ ...demo, assumptions: [override(key, above, a.min, above)] })
        } catch (error) {
          return error
        }
        return null
      })()
      expect(e).toBeInstanceOf(AppError)
      expect((e as AppError).details.issues?.[0]?.path).toEqual(['assumptions', key, 'value'])
    },
  )

  it('counts of years must be whole; NaN and infinities are never within bounds', () => {
    for (const key of ['finance.horizonYears', 'hsf.rampYears', 'hsf.lifetimeYears', 'drip.lifetimeYears']) {
      expect(changeIssues({ key, value: 2.5, low: 1, high: 3 })[0], key).toMatchObject({
        path: ['value'],
        rule: 'integer',
      })
    }
    for (const v of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
      expect(assumptionIssues({ key: 'price.maize', value: v, low: 2, high: 2.36 })[0]?.rule).toBe(
        'outside_hard_bounds',
      )
    expect(changeIssues({ key: 'no.such', value: 1, low: 0, high: 2 })[0]).toMatchObject({
      path: ['key'],
      rule: 'unknown_assumption',
    })
  })

  it('any setting within the bounds, of one key or of all keys at once, gives finite figures', () => {
    const within = (a: (typeof DEFAULT_ASSUMPTIONS)[number]) =>
      (a.integer
        ? fc.array(fc.integer({ min: a.min, max: a.max }), { minLength: 3, maxLength: 3 })
        : fc.array(
            fc.oneof(
              fc.constant(a.min),
              fc.constant(a.max),
              fc.double({ min: a.min, max: a.max, noNaN: true, noDefaultInfinity: true }),
            ),
            { minLength: 3, maxLength: 3 },
          )
      ).map((xs) => {
        const [low, value, high] = [...xs].sort((x, y) => x - y) as [number, number, number]
        return override(a.key, value, low, high)
      })
    const all = fc.tuple(...DEFAULT_ASSUMPTIONS.map(within))
    fc.assert(
      fc.property(
        all,
        fc.nat({ max: DEFAULT_ASSUMPTIONS.length - 1 }),
        fc.boolean(),
        (overrides, one, allAtOnce) => {
          const chosen = allAtOnce ? overrides : [overrides[one]!]
          for (const o of chosen) expect(changeIssues(o)).toEqual([])
          evaluateWith(chosen)
        },
      ),
      { numRuns: 150 },
    )
  }, 60_000)

  it('the cash flow never loops on a count it has not checked, and the capital recovery stays exact', () => {
    const m = moneyParams(
      Object.fromEntries(DEFAULT_ASSUMPTIONS.map((a) => [a.key, a.value])) as Record<string, number>,
    )
    const flows = { deltaMarginFullYuan: 1, hsfRevenueYuan: 0, coopHsfYuan: 0, coopDripYuan: 0 }
    for (const horizonYears of [1e300, 51, 0, 2.5, Number.NaN]) {
      const t0 = performance.now()
      const e = (() => {
        try {
          cashFlow(flows, { ...m, horizonYears })
        } catch (error) {
          return error as AppError
        }
        return null
      })()
      expect(performance.now() - t0).toBeLessThan(100)
      expect(e?.details.issues?.[0]).toMatchObject({
        path: ['assumptions', 'finance.horizonYears', 'value'],
        rule: 'outside_hard_bounds',
      })
    }
    // a rate of 1e-20 rounds (1 + r)ⁿ to 1: the plain formula gives 0/0, the exact one 1/n
    expect(capitalRecovery(1e-20, 10)).toBeCloseTo(0.1, 12)
    expect(capitalRecovery(0.05, 10)).toBeCloseTo(0.129504574, 8)
  })
})
