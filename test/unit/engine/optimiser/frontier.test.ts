import highsLoader from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDemoPlan } from '../../../../engine/demo-plan'
import { buildInput } from '../../../../engine/optimiser/candidates'
import { budgetFrontier, FRONTIER_SCALES } from '../../../../engine/optimiser/frontier'
import { ProblemSchema } from '../../../../engine/optimiser/problem'
import { optimise, type Solver } from '../../../../engine/optimiser/solve'
import { PlanSchema } from '../../../../engine/schemas/plan'

let highs: Solver
beforeAll(async () => {
  highs = await highsLoader()
})

const demo = PlanSchema.parse(buildDemoPlan())
const inputWith = (years: Record<string, number | null>[]) =>
  buildInput(
    demo,
    ProblemSchema.parse({
      years: years.map((y, i) => ({ year: 2025 + i, coopBudgetYuan: 60_000, ...y })),
      loanLimitYuan: 60_000,
    }),
  )

describe('the budget-versus-gain frontier', () => {
  it('never falls as money grows, and at the typed budget is the optimiser’s own answer', () => {
    const input = inputWith([{}, {}, {}])
    const seen: number[] = []
    const points = budgetFrontier(highs, input, { onPoint: (p) => seen.push(p.scale) })
    expect(seen).toEqual([...FRONTIER_SCALES])
    expect(points.every((p) => p.status === 'optimal')).toBe(true)
    for (let i = 1; i < points.length; i++)
      expect(points[i]!.objective!).toBeGreaterThanOrEqual(points[i - 1]!.objective! - 1e-6)
    const atBudget = points.find((p) => p.scale === 1)!
    expect(atBudget.budgetYuan).toBe(180_000)
    expect(atBudget.objective!).toBeCloseTo(optimise(highs, input, { withGreedy: false }).objective!, 3)
    // With no money at all nothing is built; with twice the money, more is.
    expect(points[0]!.spendYuan).toBe(0)
    expect(points.at(-1)!.objective!).toBeGreaterThan(atBudget.objective!)
    expect(points.at(-1)!.productionGainKg!).toBeGreaterThan(atBudget.productionGainKg!)
  })

  it('flattens where a quota, not money, is what limits', () => {
    // 20 ha of government-funded HSF a year: past the money that builds those, more does nothing.
    const input = inputWith([{ hsfQuotaHa: 20 }, { hsfQuotaHa: 20 }, { hsfQuotaHa: 20 }])
    const points = budgetFrontier(
      highs,
      { ...input, candidates: input.candidates.filter((c) => c.action === 'hsf') },
      {
        scales: [1, 4, 8],
      },
    )
    expect(points[2]!.objective!).toBeCloseTo(points[1]!.objective!, 3)
    expect(points[1]!.objective!).toBeGreaterThan(points[0]!.objective!)
  })
})
