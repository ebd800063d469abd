import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DB } from '../../../db/connection'
import { writePlan } from '../../../db/plan-store'
import {
  applyScenarioEdit,
  createScenario,
  deleteScenario,
  listScenarios,
  renameScenario,
} from '../../../db/repositories/scenarios'
import { buildDemoPlan } from '../../../engine/demo-plan'
import type { AppError } from '../../../engine/errors'
import { openTestDatabase, tempDir, testContext } from '../../helpers/db'

function errorOf(fn: () => unknown): AppError {
  try {
    fn()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

describe('scenario repository', () => {
  let db: DB
  const plan = buildDemoPlan()
  const maize = plan.fields.filter((f) => f.crop === 'maize').map((f) => f.id)
  const rice = plan.fields.find((f) => f.crop === 'rice')!.id
  const tolerant = plan.varieties.find((v) => v.name === '富民985')!.id

  beforeEach(() => {
    db = openTestDatabase(join(tempDir(), 's.sqlite')).db
    writePlan(db, testContext, plan, 'demo')
  })

  it('creates, clones, renames and deletes; the baseline stays', () => {
    const empty = createScenario(db, testContext, {
      name: '新方案',
      seasonYear: 2026,
      note: '',
      copyFromId: null,
    })
    expect(empty.changes).toEqual([])
    const copy = createScenario(db, testContext, {
      name: '密植副本',
      seasonYear: 2026,
      note: '',
      copyFromId: 2,
    })
    expect(copy.changes).toEqual(plan.scenarios[1]!.changes)
    expect(renameScenario(db, testContext, copy.id, '密植 7.5 万').name).toBe('密植 7.5 万')
    expect(errorOf(() => renameScenario(db, testContext, copy.id, '新方案')).details.issues?.[0]?.rule).toBe(
      'duplicate_scenario_name',
    )
    deleteScenario(db, testContext, empty.id)
    expect(errorOf(() => deleteScenario(db, testContext, 1)).details.issues?.[0]?.rule).toBe('baseline_fixed')
    expect(listScenarios(db).map((s) => s.name)).toContain('当前做法（基准）')
  })

  it('applies one change to a selection, keeping what each field had', () => {
    const s = createScenario(db, testContext, { name: '试', seasonYear: 2026, note: '', copyFromId: null })
    applyScenarioEdit(db, testContext, s.id, maize, { buildHsf: true })
    const after = applyScenarioEdit(db, testContext, s.id, maize, {
      varietyId: tolerant,
      densityPlantsPerHa: 70_000,
      waterRegime: 'drip',
    })
    expect(after.changes).toHaveLength(maize.length)
    expect(after.changes[0]).toMatchObject({
      buildHsf: true,
      varietyId: tolerant,
      densityPlantsPerHa: 70_000,
      waterRegime: 'drip',
    })
    const cleared = applyScenarioEdit(db, testContext, s.id, maize, {
      buildHsf: null,
      varietyId: null,
      densityPlantsPerHa: null,
      waterRegime: null,
    })
    expect(cleared.changes).toEqual([])
  })

  it('refuses a change that does not suit one field, names it, and writes nothing', () => {
    const s = createScenario(db, testContext, { name: '试', seasonYear: 2026, note: '', copyFromId: null })
    const error = errorOf(() =>
      applyScenarioEdit(db, testContext, s.id, [...maize, rice], { waterRegime: 'drip' }),
    )
    expect(error.details.issues?.[0]).toMatchObject({
      path: ['fieldIds', maize.length],
      rule: 'rice_needs_paddy',
    })
    expect(listScenarios(db).find((x) => x.id === s.id)!.changes).toEqual([])
    expect(
      errorOf(() => applyScenarioEdit(db, testContext, 1, maize, { buildHsf: true })).details.issues?.[0]
        ?.rule,
    ).toBe('baseline_fixed')
  })
})
