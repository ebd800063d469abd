import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { ListedAssumption } from '../../../app/contract/contract'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import { setOverride } from '../../../db/repositories/assumptions'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { createSimulation } from '../../../engine/risk/simulate'
import type { Plan } from '../../../engine/schemas/plan'
import { tempDir, testContext } from '../../helpers/db'
import { refusal } from '../../helpers/errors'

// A workspace whose database holds overrides written before the hard bounds existed: a horizon of
// 1e300 years (the cash flow would never end) and an HSF uplift of 1e308 (every figure infinite).
describe('assumption overrides outside the hard bounds', () => {
  const dir = tempDir('fengshou-bounds-')
  const ws = openWorkspace({ dataFile: join(dir, 'w.sqlite'), mode: 'browser', version: 'test' })
  const call = (channel: string, input: unknown) => dispatch(ws.handlers, channel, input)
  const list = () => (call('assumptions:list', {}) as { ok: true; value: ListedAssumption[] }).value
  const revisionOf = (key: string) => list().find((a) => a.key === key)!.revision
  const plan = () => (call('plan:get', {}) as { ok: true; value: Plan }).value

  afterAll(() => {
    ws.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('are refused at the door: the contract, and the repository on its own', () => {
    const r = call('assumptions:set', {
      key: 'hsf.uplift',
      value: 1e308,
      low: 0,
      high: 1e308,
      note: '旧版本',
      revision: null,
    })
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: {
          issues: [
            { path: ['value'], rule: 'outside_hard_bounds', params: { min: 0, max: 1 } },
            { path: ['high'], rule: 'outside_hard_bounds', params: { min: 0, max: 1 } },
          ],
        },
      },
    })
    const e = refusal(() =>
      setOverride(ws.db, testContext, {
        key: 'finance.horizonYears',
        value: 1e300,
        low: 1,
        high: 1e300,
        note: '',
      }),
    )
    expect(e.details.issues?.[0]).toEqual({
      path: ['value'],
      rule: 'outside_hard_bounds',
      params: { min: 1, max: 50 },
    })
    const half = refusal(() =>
      setOverride(ws.db, testContext, {
        key: 'finance.horizonYears',
        value: 10.5,
        low: 5,
        high: 15,
        note: '',
      }),
    )
    expect(half.details.issues?.[0]).toEqual({ path: ['value'], rule: 'integer' })
    expect(list().filter((a) => a.isOverridden)).toEqual([])
  })

  it('stored before the bounds: listed so they can be reset, refused loudly by evaluation and risk', () => {
    const insert = ws.db.prepare(
      `INSERT INTO assumption (key, value, low, high, unit, source, note, changed_at)
       VALUES (?, ?, ?, ?, 'x', 'x', '', '2025-01-01T00:00:00.000Z')`,
    )
    insert.run('finance.horizonYears', 1e300, 1, 1e300)
    insert.run('hsf.uplift', 1e308, 0, 1e308)

    const rows = list()
    const horizon = rows.find((a) => a.key === 'finance.horizonYears')!
    expect(horizon).toMatchObject({ value: 1e300, isOverridden: true, min: 1, max: 50 })
    expect(horizon.issues[0]).toEqual({
      path: ['value'],
      rule: 'outside_hard_bounds',
      params: { min: 1, max: 50 },
    })
    expect(rows.find((a) => a.key === 'hsf.uplift')!.issues[0]?.rule).toBe('outside_hard_bounds')
    expect(rows.filter((a) => a.issues.length > 0).map((a) => a.key)).toEqual([
      'hsf.uplift',
      'finance.horizonYears',
    ])

    const t0 = performance.now()
    const e = refusal(() => evaluatePlan(plan()))
    expect(performance.now() - t0).toBeLessThan(2_000)
    expect(e.code).toBe('VALIDATION')
    expect(e.details.issues?.map((i) => i.path)).toEqual([
      ['assumptions', 'finance.horizonYears', 'value'],
      ['assumptions', 'finance.horizonYears', 'high'],
      ['assumptions', 'hsf.uplift', 'value'],
      ['assumptions', 'hsf.uplift', 'high'],
    ])
    expect(e.details.issues?.[0]).toMatchObject({ rule: 'outside_hard_bounds', params: { min: 1, max: 50 } })
    expect(
      refusal(() => createSimulation(plan(), { draws: 250, seed: 1 })).details.issues?.[0]?.path,
    ).toEqual(['assumptions', 'finance.horizonYears', 'value'])
  })

  it('reset puts the workspace back to work', () => {
    expect(
      call('assumptions:reset', {
        key: 'finance.horizonYears',
        revision: revisionOf('finance.horizonYears'),
      }),
    ).toMatchObject({ ok: true })
    expect(refusal(() => evaluatePlan(plan())).details.issues?.[0]?.path).toEqual([
      'assumptions',
      'hsf.uplift',
      'value',
    ])
    expect(
      call('assumptions:reset', { key: 'hsf.uplift', revision: revisionOf('hsf.uplift') }),
    ).toMatchObject({ ok: true })
    expect(list().every((a) => a.issues.length === 0)).toBe(true)
    const result = evaluatePlan(plan())
    expect(result.scenarios).toHaveLength(4)
    expect(Number.isFinite(result.scenarios[1]!.totals.npvYuan)).toBe(true)
  })
})
