import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { Result } from '../../../app/contract/result'
import { dispatch } from '../../../app/dispatch'
import { parsePlanFile, toPlanFile } from '../../../app/use-cases/plan-file'
import { openWorkspace } from '../../../app/workspace'
import { evaluatePlan } from '../../../engine/model/evaluate'
import type { LoanRecord } from '../../../engine/schemas/loan'
import type { Plan } from '../../../engine/schemas/plan'
import { tempDir } from '../../helpers/db'

// Loans over the same dispatch every transport uses, on a real workspace file (the demo).
describe('a scenario’s loans (loans:*)', () => {
  const ws = openWorkspace({
    dataFile: join(tempDir(), 'workspace.fengshou.sqlite'),
    mode: 'browser',
    version: 'test',
    now: () => new Date('2026-12-03T00:00:00Z'),
  })
  afterAll(() => ws.close())
  const call = <T>(channel: string, input: unknown = {}) => dispatch(ws.handlers, channel, input) as Result<T>
  const ok = <T>(channel: string, input: unknown = {}): T => {
    const r = call<T>(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  const loan = {
    name: '农商行',
    amountYuan: 2_000_000,
    annualRate: 0.0435,
    termYears: 5,
    repayment: 'annuity',
    interestSubsidyShare: 0.5,
  }

  it('adds, edits with revisions (a stale form is refused), evaluates and deletes a loan', () => {
    const plan = ok<Plan>('plan:get')
    const baseline = plan.scenarios.find((s) => s.isBaseline)!
    const drip = plan.scenarios.find((s) => !s.isBaseline)!
    // current practice borrows nothing
    const refused = call('loans:create', { scenarioId: baseline.id, loan })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.details.issues?.[0]?.rule).toBe('baseline_fixed')
    // a bad loan names each bad field
    const bad = call('loans:create', {
      scenarioId: drip.id,
      loan: { ...loan, amountYuan: 0, termYears: 0.5 },
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.error.details.issues?.map((i) => i.path.at(-1)).sort()).toEqual(['amountYuan', 'termYears'])

    const created = ok<LoanRecord>('loans:create', { scenarioId: drip.id, loan })
    expect(created).toMatchObject({ scenarioId: drip.id, revision: 1, amountYuan: 2_000_000 })
    const updated = ok<LoanRecord>('loans:update', {
      id: created.id,
      loan: { ...loan, termYears: 8 },
      revision: created.revision,
    })
    expect(updated.revision).toBe(2)
    const stale = call('loans:update', { id: created.id, loan, revision: created.revision })
    expect(stale.ok).toBe(false)
    if (!stale.ok) expect(stale.error.code).toBe('STALE')
    expect(ok<LoanRecord[]>('loans:list', { scenarioId: drip.id }).map((l) => l.termYears)).toEqual([8])

    // the plan carries it, the engine borrows it, and a plan file round-trips it
    const withLoan = ok<Plan>('plan:get')
    expect(withLoan.loans).toHaveLength(1)
    const result = evaluatePlan(withLoan).scenarios.find((s) => s.scenarioId === drip.id)!
    expect(result.finance.financing.loanYuan).toBe(2_000_000)
    expect(result.finance.cashFlow[0]!.loanDrawYuan).toBe(2_000_000)
    const file = JSON.stringify(toPlanFile(withLoan, new Date('2026-12-03T00:00:00Z')))
    expect(parsePlanFile(file).loans).toEqual(withLoan.loans)

    // a copy of the scenario borrows the same, as a loan of its own
    const copy = ok<{ id: number }>('scenarios:create', {
      name: '滴灌（贷款副本）',
      seasonYear: 2026,
      note: '',
      copyFromId: drip.id,
    })
    const copied = ok<LoanRecord[]>('loans:list', { scenarioId: copy.id })
    expect(copied.map((l) => [l.amountYuan, l.termYears, l.revision])).toEqual([[2_000_000, 8, 1]])
    expect(copied[0]!.id).not.toBe(created.id)
    ok('scenarios:delete', { id: copy.id })
    expect(ok<LoanRecord[]>('loans:list', { scenarioId: copy.id })).toEqual([])

    const staleDelete = call('loans:delete', { id: created.id, revision: 1 })
    expect(staleDelete.ok).toBe(false)
    ok('loans:delete', { id: created.id, revision: 2 })
    expect(ok<LoanRecord[]>('loans:list', { scenarioId: drip.id })).toEqual([])
  })
})
