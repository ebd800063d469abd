import { describe, expect, it } from 'vitest'
import { DEFAULT_ASSUMPTIONS } from '../../../engine/assumptions/defaults'
import { effectiveAssumptions } from '../../../engine/assumptions/resolve'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { PlanSchema } from '../../../engine/schemas/plan'
import { onePlan } from '../../helpers/plan'

describe('default assumptions 吉林 2024', () => {
  it('every record has a unit, at least one reference, a confidence, and low ≤ value ≤ high', () => {
    expect(new Set(DEFAULT_ASSUMPTIONS.map((a) => a.key)).size).toBe(DEFAULT_ASSUMPTIONS.length)
    for (const a of DEFAULT_ASSUMPTIONS) {
      expect(a.low, a.key).toBeLessThanOrEqual(a.value)
      expect(a.value, a.key).toBeLessThanOrEqual(a.high)
      expect(a.unit.length, a.key).toBeGreaterThan(0)
      expect(a.source.length, a.key).toBeGreaterThan(0)
      expect(['H', 'M', 'L', 'UNVERIFIED']).toContain(a.confidence)
    }
  })

  it('carries the ministry’s 10–20 % HSF band and says which numbers are unverified', () => {
    const hsf = DEFAULT_ASSUMPTIONS.find((a) => a.key === 'hsf.uplift')!
    expect([hsf.low, hsf.value, hsf.high]).toEqual([0.1, 0.15, 0.2])
    expect(hsf.confidence).toBe('H')
    const unverified = DEFAULT_ASSUMPTIONS.filter((a) => a.confidence === 'UNVERIFIED')
    expect(unverified.length).toBeGreaterThan(5)
  })

  it('a plan-level override changes the result and shows as overridden', () => {
    const override = {
      key: 'hsf.uplift',
      value: 0.1,
      low: 0.05,
      high: 0.12,
      note: '本社实测',
      changedAt: '2026-01-01',
    }
    const plain = PlanSchema.parse(onePlan({}, [{ buildHsf: true }]))
    const changed = PlanSchema.parse({ ...plain, assumptions: [override] })
    expect(evaluatePlan(plain).scenarios[1]!.fields[0]!.upliftPct).toBeCloseTo(15, 9)
    expect(evaluatePlan(changed).scenarios[1]!.fields[0]!.upliftPct).toBeCloseTo(10, 9)
    const effective = effectiveAssumptions([override]).find((a) => a.key === 'hsf.uplift')!
    expect(effective).toMatchObject({ value: 0.1, isOverridden: true, defaultValue: 0.15, note: '本社实测' })
  })
})
