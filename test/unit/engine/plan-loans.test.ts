import { describe, expect, it } from 'vitest'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { PlanSchema } from '../../../engine/schemas/plan'

const loan = (id: number, scenarioId: number) => ({
  id,
  scenarioId,
  name: '',
  amountYuan: 100_000,
  annualRate: 0.04,
  termYears: 5,
  repayment: 'annuity' as const,
  interestSubsidyShare: 0,
})

describe('loans in a plan', () => {
  const demo = buildDemoPlan()
  const baseline = demo.scenarios.find((s) => s.isBaseline)!.id
  const other = demo.scenarios.find((s) => !s.isBaseline)!.id

  it('a plan without "loans" (written before loans existed) reads as none', () => {
    const { loans: _none, ...old } = demo
    expect(PlanSchema.parse(old).loans).toEqual([])
  })

  it('refuses a loan on current practice, on a missing scenario, a repeated id, and a bad amount', () => {
    const r = PlanSchema.safeParse({
      ...demo,
      loans: [
        loan(1, baseline),
        loan(2, 999),
        loan(3, other),
        loan(3, other),
        { ...loan(4, other), amountYuan: -5 },
      ],
    })
    expect(r.success).toBe(false)
    const found = r.error!.issues.map((i) => [
      i.path.join('.'),
      (i as { params?: { rule?: string } }).params?.rule ?? i.code,
    ])
    expect(found).toEqual(
      expect.arrayContaining([
        ['loans.0.scenarioId', 'baseline_fixed'],
        ['loans.1.scenarioId', 'unknown_reference'],
        ['loans.3.id', 'duplicate_id'],
        ['loans.4.amountYuan', 'too_small'],
      ]),
    )
  })
})
