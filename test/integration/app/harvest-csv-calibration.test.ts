import { afterAll, describe, expect, it } from 'vitest'
import type {
  ActualsCsvPreview,
  ActualsSeason,
  CalibrationAccepted,
  ListedAssumption,
} from '../../../app/contract/contract'
import type { ActualsWritten } from '../../../engine/actuals/entry'
import type { CalibrationProposal, PlanVsActual } from '../../../engine/actuals/types'
import type { Field } from '../../../engine/schemas/field'
import type { Plan, Scenario } from '../../../engine/schemas/plan'
import { gb18030 } from '../../helpers/csv'
import { demoWorkspace } from '../../helpers/demo-workspace'
import { actualsCsv, dripBiasedActuals } from '../../helpers/harvest'

const UNITS = { yieldMass: 'jin', yieldArea: 'mu', priceMass: 'jin', costArea: 'mu' }

// A co-op moved half its rainfed maize to drip in 2026 and drip did 10 % better than the plan
// assumed. Its actuals come in by CSV (all or nothing), the plan is set against them, and the
// calibration proposal, once accepted, becomes an override with its evidence as the reason, and
// the scenario results move.
describe('actuals by CSV, plan against actual and calibration', () => {
  const { ws, call, ok, refusedRule } = demoWorkspace()
  afterAll(() => ws.close())
  const stored = () =>
    JSON.stringify([
      ws.db.prepare('SELECT * FROM actual_yield ORDER BY id').all(),
      ws.db.prepare('SELECT * FROM field_yield ORDER BY field_id, year').all(),
      ws.db.prepare('SELECT * FROM assumption ORDER BY key').all(),
    ])

  const rainfedMaize = ok<Field[]>('fields:list').filter(
    (f) => f.crop === 'maize' && f.waterRegime === 'rainfed',
  )
  const drip = rainfedMaize.filter((_, i) => i % 2 === 0)
  const scenario = ok<Scenario>('scenarios:create', {
    name: '滴灌改造',
    seasonYear: 2026,
    note: '',
    copyFromId: null,
  })
  ok('scenarios:apply', {
    scenarioId: scenario.id,
    fieldIds: drip.map((f) => f.id),
    edit: { waterRegime: 'drip' },
  })
  ok('actuals:setScenario', { seasonYear: 2026, scenarioId: scenario.id })
  const plan = ok<Plan>('plan:get')
  const records = dripBiasedActuals(plan, { seasonYear: 2026, scenarioId: scenario.id }, 0.1)
  const request = (text: string, extra: object = {}) => ({
    base64: gb18030(text).toString('base64'),
    units: UNITS,
    ...extra,
  })

  it('refuses a file with one bad row whole, naming row and column, and writes nothing', () => {
    const before = stored()
    const bad = request(actualsCsv(plan, records, 5))
    const preview = ok<ActualsCsvPreview>('actuals:previewCsv', bad)
    expect(preview.encoding).toBe('gb18030')
    expect(preview.rowCount).toBe(records.length)
    expect(preview.problems).toEqual([
      expect.objectContaining({ row: 5, column: '实收单产（斤/亩）', rule: 'not_a_number' }),
    ])
    const r = call('actuals:importCsv', bad)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error.details.issues?.[0]).toMatchObject({
        path: [5, '实收单产（斤/亩）'],
        rule: 'not_a_number',
      })
    expect(stored()).toBe(before)
  })

  it('names a history figure the file differs from, refuses until the user decides, then imports all', () => {
    const old = plan.fields[0]!.history.find((h) => h.year === 2024)!
    const text = `${actualsCsv(plan, records)}\n${plan.fields[0]!.name},2024,${old.yieldKgPerHa / 7.5 + 40},`
    const preview = ok<ActualsCsvPreview>('actuals:previewCsv', request(text))
    expect(preview.problems).toEqual([])
    expect(preview.counts).toEqual({ new: records.length + 1, update: 0, unchanged: 0 })
    expect(preview.seasons).toEqual([2024, 2026])
    expect(preview.conflicts).toEqual([
      {
        fieldId: plan.fields[0]!.id,
        fieldName: plan.fields[0]!.name,
        year: 2024,
        historyKgPerHa: old.yieldKgPerHa,
        actualKgPerHa: old.yieldKgPerHa + 300,
      },
    ])
    const before = stored()
    expect(refusedRule('actuals:importCsv', request(text))).toBe('history_conflict')
    expect(stored()).toBe(before)
    const written = ok<ActualsWritten & { imported: number }>(
      'actuals:importCsv',
      request(text, { onHistoryConflict: 'keep' }),
    )
    expect(written).toMatchObject({
      imported: records.length + 1,
      historyAdded: records.length,
      historyKept: 1,
    })
    const season = ok<ActualsSeason>('actuals:list', { seasonYear: 2026 })
    expect(season.records).toHaveLength(records.length)
    expect(season.records.every((r) => r.source === 'csv')).toBe(true)
    // the history kept its own 2024 figure; every field's history grew by 2026
    const fields = ok<Field[]>('fields:list')
    expect(fields[0]!.history.find((h) => h.year === 2024)!.yieldKgPerHa).toBe(old.yieldKgPerHa)
    expect(fields.every((f) => f.history.some((h) => h.year === 2026))).toBe(true)
  })

  it('sets the plan against the actuals: drip fields about 10 % above forecast, the rest near it', () => {
    const result = ok<PlanVsActual>('actuals:compare', { seasonYear: 2026 })
    expect(result.scenarioName).toBe('滴灌改造')
    expect(result.fields).toHaveLength(records.length)
    const ids = new Set(drip.map((f) => f.id))
    for (const f of result.fields) {
      if (ids.has(f.fieldId)) expect(f.errorPct).toBeGreaterThan(7)
      else expect(Math.abs(f.errorPct)).toBeLessThan(3)
      expect(Math.sign(f.errorKgPerHa)).toBe(Math.sign(f.actualKgPerHa - f.forecastKgPerHa))
    }
    const sum = result.fields.reduce((s, f) => s + f.actualKgPerHa * f.areaHa, 0)
    expect(result.total.actualProductionKg).toBeCloseTo(sum, 0)
    expect(result.total.errorPct).toBeGreaterThan(0)
    expect(refusedRule('actuals:compare', { seasonYear: 2019 })).toBe('no_actuals')
  })

  it('proposes a higher drip factor; accepting writes the override with its reason and moves the results', () => {
    const proposals = ok<CalibrationProposal[]>('calibration:list')
    const p = proposals.find((x) => x.factor === 'drip')!
    expect(p.assumptionKey).toBe('water.factor.drip')
    expect(p.proposedValue).not.toBeNull()
    expect(p.proposedValue!).toBeGreaterThan(p.currentValue)
    expect(p.biasPct).toBeGreaterThan(3)
    expect(p.seasonYears).toEqual([2026])

    // a value the user did not see is refused, nothing written
    const before = stored()
    expect(
      refusedRule('calibration:accept', {
        factor: 'drip',
        proposedValue: p.proposedValue! + 0.01,
        note: '依据',
      }),
    ).toBe('proposal_changed')
    expect(
      refusedRule('calibration:accept', { factor: 'drip', proposedValue: p.proposedValue!, note: ' ' }),
    ).toBe('required')
    expect(stored()).toBe(before)

    const note = `依据本社 1 季 ${p.fields} 块地的实收：滴灌地块平均比预测高 ${p.biasPct.toFixed(1)}%`
    const accepted = ok<CalibrationAccepted>('calibration:accept', {
      factor: 'drip',
      proposedValue: p.proposedValue,
      note,
    })
    const listed = ok<ListedAssumption[]>('assumptions:list').find((a) => a.key === 'water.factor.drip')!
    expect(listed.value).toBe(p.proposedValue)
    expect(listed.note).toBe(note)
    expect(listed.isOverridden).toBe(true)
    expect(listed.low).toBeLessThanOrEqual(listed.value)
    expect(listed.high).toBeGreaterThanOrEqual(listed.value)
    const moved = accepted.moved.find((m) => m.scenarioId === scenario.id)!
    expect(moved.productionAfterKg).toBeGreaterThan(moved.productionBeforeKg * 1.005)
    const baseline = accepted.moved.find((m) => m.isBaseline)!
    expect(baseline.productionAfterKg).toBeCloseTo(baseline.productionBeforeKg, 6)
    // the log has the change with its reason, as every assumption change
    const log = ok<{ entries: { entity: string; detail: { note?: string } }[] }>('audit:list', {
      entities: ['assumption'],
    })
    expect(log.entries[0]!.detail.note).toBe(note)
  })
})
