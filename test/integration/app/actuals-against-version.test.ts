import { afterAll, describe, expect, it } from 'vitest'
import type { CalibrationAccepted } from '../../../app/contract/contract'
import type { CalibrationProposal, PlanVsActual } from '../../../engine/actuals/types'
import type { VersionSummary } from '../../../engine/board/version'
import type { Field } from '../../../engine/schemas/field'
import type { Plan, Scenario } from '../../../engine/schemas/plan'
import { gb18030 } from '../../helpers/csv'
import { demoWorkspace } from '../../helpers/demo-workspace'
import { actualsCsv, dripBiasedActuals } from '../../helpers/harvest'

// "How good was the plan?" keeps its answer: set against the version the board saw, the season's
// error does not shrink when the co-op later calibrates its assumptions from that same season.
describe('plan against actual, against a frozen version', () => {
  const { ws, ok, refusedRule } = demoWorkspace()
  afterAll(() => ws.close())

  const maize = ok<Field[]>('fields:list').filter((f) => f.crop === 'maize' && f.waterRegime === 'rainfed')
  const scenario = ok<Scenario>('scenarios:create', {
    name: '滴灌改造',
    seasonYear: 2026,
    note: '',
    copyFromId: null,
  })
  ok('scenarios:apply', {
    scenarioId: scenario.id,
    fieldIds: maize.filter((_, i) => i % 2 === 0).map((f) => f.id),
    edit: { waterRegime: 'drip' },
  })
  // The board sees this plan in the spring.
  const version = ok<VersionSummary>('versions:freeze', { title: '春播方案', note: '', author: '王经理' })
  ok('actuals:setScenario', { seasonYear: 2026, scenarioId: scenario.id })
  const plan = ok<Plan>('plan:get')
  const records = dripBiasedActuals(plan, { seasonYear: 2026, scenarioId: scenario.id }, 0.1)
  ok('actuals:importCsv', {
    base64: gb18030(actualsCsv(plan, records)).toString('base64'),
    units: { yieldMass: 'jin', yieldArea: 'mu', priceMass: 'jin', costArea: 'mu' },
  })
  const compare = (versionId: number | null) =>
    ok<PlanVsActual>('actuals:compare', { seasonYear: 2026, versionId })

  it('gives the same answer as today’s plan while nothing has changed, and says which version it used', () => {
    const live = compare(null)
    const frozen = compare(version.id)
    expect(live.basis).toBeUndefined()
    expect(frozen.basis).toEqual({ versionId: version.id, versionNumber: 1, versionTitle: '春播方案' })
    expect(frozen.scenarioName).toBe('滴灌改造')
    expect(frozen.total.errorPct).toBeCloseTo(live.total.errorPct, 9)
    expect(frozen.total.errorPct).toBeGreaterThan(2)
  })

  it('keeps the version’s error after the drip calibration is accepted; today’s plan’s error shrinks', () => {
    const before = compare(version.id).total.errorPct
    const drip = ok<CalibrationProposal[]>('calibration:list').find((p) => p.factor === 'drip')!
    expect(drip.proposedValue).not.toBeNull()
    ok<CalibrationAccepted>('calibration:accept', {
      factor: 'drip',
      proposedValue: drip.proposedValue,
      note: '依据本社实收',
    })
    expect(compare(version.id).total.errorPct).toBe(before)
    expect(Math.abs(compare(null).total.errorPct)).toBeLessThan(Math.abs(before) / 2)
  })

  it('refuses a version that does not exist, or one changed outside the app', () => {
    expect(refusedRule('actuals:compare', { seasonYear: 2026, versionId: 999 })).toBe('NOT_FOUND')
    ws.db.exec('DROP TRIGGER plan_version_never_updated')
    ws.db.prepare("UPDATE plan_version SET title = '改过' WHERE id = ?").run(version.id)
    expect(refusedRule('actuals:compare', { seasonYear: 2026, versionId: version.id })).toBe(
      'version_tampered',
    )
  })
})
