import { describe, expect, it } from 'vitest'
import { ProblemSchema } from '../../engine/optimiser/problem'
import { defaultForm, toProblem, withYears } from '../../renderer/src/features/optimiser/problem-form'

describe('the optimiser form’s problem', () => {
  it('starts at 2025–2027 with no money typed: every budget 0, every other limit open', () => {
    const p = ProblemSchema.parse(toProblem(defaultForm()))
    expect(p.years.map((y) => [y.year, y.coopBudgetYuan, y.govQuotaYuan, y.hsfQuotaHa])).toEqual([
      [2025, 0, null, null],
      [2026, 0, null, null],
      [2027, 0, null, null],
    ])
    expect(p.loanLimitYuan).toBe(0)
    expect(p.precedence).toEqual([{ action: 'drip', after: 'hsf' }])
  })

  it('keeps “drip only after HSF” only while both are allowed, and targets only for chosen actions', () => {
    const form = {
      ...defaultForm(),
      actions: ['drip' as const, 'density' as const],
      densityPlantsPerHa: { maize: 75_000, soybean: null },
      varietyIds: { maize: 3, soybean: null, rice: null },
    }
    const p = toProblem(form)
    expect(p.precedence).toEqual([])
    expect(p.densityPlantsPerHa).toEqual({ maize: 75_000 })
    // variety not allowed: its pick is not sent
    expect(p.varietyIds).toEqual({})
  })

  it('moves the years without losing what was typed for the years that stay', () => {
    const form = defaultForm()
    form.years[1]!.coopBudgetYuan = 380_000
    const moved = withYears(form, 2026, 4)
    expect(moved.years.map((y) => [y.year, y.coopBudgetYuan])).toEqual([
      [2026, 380_000],
      [2027, null],
      [2028, null],
      [2029, null],
    ])
  })
})
