import { afterAll, describe, expect, it } from 'vitest'
import { ProblemSchema } from '../../../engine/optimiser/problem'
import { demoWorkspace } from '../../helpers/demo-workspace'

type Saved = { saved: { problem: unknown; savedAt: string } | null; unreadable: boolean }

// The optimiser's form opens with what the co-op typed last time, per workspace.
describe('the roll-out problem kept per workspace (optimiser:getProblem / saveProblem)', () => {
  const { ws, ok, refusedRule } = demoWorkspace()
  afterAll(() => ws.close())
  const auditCount = () =>
    (ws.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'optimiser'").get() as { n: number }).n
  const problem = {
    years: [
      { year: 2026, coopBudgetYuan: 300_000, govQuotaYuan: 1_200_000, hsfQuotaHa: 40 },
      { year: 2027, coopBudgetYuan: 250_000, minProductionKg: 2_000_000, maxFields: 6 },
    ],
    loanLimitYuan: 2_000_000,
    objective: { kind: 'weighted', yuanPerKg: 0.3 },
    actions: ['hsf', 'drip', 'density'],
    keepFieldIds: [2],
  }

  it('has none before the first save, then gives back exactly what was saved', () => {
    expect(ok<Saved>('optimiser:getProblem')).toEqual({ saved: null, unreadable: false })
    const { savedAt } = ok<{ savedAt: string }>('optimiser:saveProblem', { problem })
    const got = ok<Saved>('optimiser:getProblem')
    expect(got.unreadable).toBe(false)
    expect(got.saved).toEqual({ problem: ProblemSchema.parse(problem), savedAt })
    expect(auditCount()).toBe(1)
  })

  it('saving the same problem again changes nothing; a different one is logged', () => {
    const before = ok<Saved>('optimiser:getProblem').saved!.savedAt
    expect(ok<{ savedAt: string }>('optimiser:saveProblem', { problem }).savedAt).toBe(before)
    expect(auditCount()).toBe(1)
    ok('optimiser:saveProblem', { problem: { ...problem, loanLimitYuan: 1_500_000 } })
    expect(auditCount()).toBe(2)
    expect(
      (ok<Saved>('optimiser:getProblem').saved!.problem as { loanLimitYuan: number }).loanLimitYuan,
    ).toBe(1_500_000)
  })

  it('refuses a problem with years out of order, and keeps the one saved before', () => {
    const before = JSON.stringify(ok<Saved>('optimiser:getProblem'))
    const rule = refusedRule('optimiser:saveProblem', {
      problem: { ...problem, years: [problem.years[1], problem.years[0]] },
    })
    expect(rule).toBe('year_outside_rollout')
    expect(JSON.stringify(ok<Saved>('optimiser:getProblem'))).toBe(before)
    expect(auditCount()).toBe(2)
  })

  it('says so when the stored problem cannot be read, rather than showing part of it', () => {
    ws.db.prepare(`UPDATE optimiser_problem SET problem_json = '{"years":"later"}'`).run()
    expect(ok<Saved>('optimiser:getProblem')).toEqual({ saved: null, unreadable: true })
  })
})
