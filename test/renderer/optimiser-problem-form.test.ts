import { describe, expect, it } from 'vitest'
import { ProblemSchema } from '../../engine/optimiser/problem'
import {
  defaultForm,
  fromProblem,
  toProblem,
  withYears,
} from '../../renderer/src/features/optimiser/problem-form'

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

  it('opens a saved problem as it was typed, and names kept fields the plan no longer has', () => {
    const saved = ProblemSchema.parse({
      years: [
        { year: 2026, coopBudgetYuan: 300_000, govQuotaYuan: 1_200_000, hsfQuotaHa: 40 },
        { year: 2027, coopBudgetYuan: 250_000, minProductionKg: 2_000_000, maxFields: 6 },
      ],
      loanLimitYuan: 2_000_000,
      objective: { kind: 'weighted', yuanPerKg: 0.3 },
      actions: ['hsf', 'drip', 'density', 'variety'],
      precedence: [],
      keepFieldIds: [2, 99],
      densityPlantsPerHa: { maize: 75_000 },
      varietyIds: { soybean: 4 },
    })
    const { form, missingFieldIds } = fromProblem(saved, new Set([1, 2, 3]))
    expect(missingFieldIds).toEqual([99])
    expect(form.keepFieldIds).toEqual([2])
    expect(form.dripAfterHsf).toBe(false)
    // Back through the form, the same problem but for the field that is gone.
    expect(ProblemSchema.parse(toProblem(form))).toEqual({ ...saved, keepFieldIds: [2] })
  })
})
