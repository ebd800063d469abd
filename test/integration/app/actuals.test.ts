import { afterAll, describe, expect, it } from 'vitest'
import type { ActualsSeason } from '../../../app/contract/contract'
import type { ActualsWritten } from '../../../engine/actuals/entry'
import type { SeasonRecord } from '../../../engine/actuals/types'
import type { Field } from '../../../engine/schemas/field'
import type { Plan } from '../../../engine/schemas/plan'
import { yieldToKgPerHa } from '../../../engine/units'
import { demoWorkspace } from '../../helpers/demo-workspace'

// The season after (实收), entered by hand: canonical units round trip, the yield history grows by
// the season, a history figure the actual differs from is named and never overwritten silently,
// and bad input is refused by rule with nothing written. (The demo's clock is in December 2026.)
describe('actuals entered by hand', () => {
  const { ws, call, ok, refusedRule } = demoWorkspace()
  afterAll(() => ws.close())
  const fields = ok<Field[]>('fields:list')
  const [a, b, c] = fields as [Field, Field, Field]
  const stored = () =>
    JSON.stringify([
      ws.db.prepare('SELECT * FROM actual_yield ORDER BY id').all(),
      ws.db.prepare('SELECT * FROM field_yield ORDER BY field_id, year').all(),
      ws.db.prepare('SELECT * FROM season_record').all(),
    ])

  it('stores what was typed in 斤/亩 as kg/ha, and grows each history by the season', () => {
    // 1,100 斤/亩 typed in the screen is 1,100 × 0.5 kg × 15 = 8,250 kg/ha
    const kgPerHa = yieldToKgPerHa(1100, 'jin', 'mu')
    expect(kgPerHa).toBe(8250)
    const before = ok<Field[]>('fields:list')
    expect(before[0]!.history.some((h) => h.year === 2026)).toBe(false)
    const written = ok<ActualsWritten>('actuals:set', {
      seasonYear: 2026,
      rows: [
        { fieldId: a.id, yieldKgPerHa: kgPerHa, priceYuanPerKg: 2.2, costYuanPerHa: null },
        { fieldId: b.id, yieldKgPerHa: 7000, priceYuanPerKg: null, costYuanPerHa: 9000 },
      ],
    })
    expect(written).toEqual({
      created: 2,
      updated: 0,
      unchanged: 0,
      historyAdded: 2,
      historyReplaced: 0,
      historyKept: 0,
    })
    const season = ok<ActualsSeason>('actuals:list', { seasonYear: 2026 })
    expect(season.records.map(({ recordedAt: _r, ...x }) => x)).toEqual([
      {
        fieldId: a.id,
        seasonYear: 2026,
        yieldKgPerHa: 8250,
        priceYuanPerKg: 2.2,
        costYuanPerHa: null,
        source: 'hand',
      },
      {
        fieldId: b.id,
        seasonYear: 2026,
        yieldKgPerHa: 7000,
        priceYuanPerKg: null,
        costYuanPerHa: 9000,
        source: 'hand',
      },
    ])
    expect(season.seasons).toEqual([2026])
    const after = ok<Field[]>('fields:list')
    expect(after[0]!.history.at(-1)).toEqual({ year: 2026, yieldKgPerHa: 8250 })
    expect(after[1]!.history.at(-1)).toEqual({ year: 2026, yieldKgPerHa: 7000 })
    // the history changed: a field form loaded before is stale and cannot write the old history back
    expect(after[0]!.revision).toBe(before[0]!.revision + 1)
    expect(ok<Plan>('plan:get').fields[0]!.history.at(-1)).toEqual({ year: 2026, yieldKgPerHa: 8250 })
  })

  it('names a history figure the actual differs from, and writes nothing until the user decides', () => {
    const h2024 = c.history.find((h) => h.year === 2024)!
    const actual = h2024.yieldKgPerHa + 600
    const before = stored()
    const r = call('actuals:set', {
      seasonYear: 2024,
      rows: [
        {
          fieldId: a.id,
          yieldKgPerHa: a.history.find((h) => h.year === 2024)!.yieldKgPerHa,
          priceYuanPerKg: null,
          costYuanPerHa: null,
        },
        { fieldId: c.id, yieldKgPerHa: actual, priceYuanPerKg: null, costYuanPerHa: null },
      ],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.details.issues).toEqual([
      {
        path: ['rows', 1, 'yieldKgPerHa'],
        rule: 'history_conflict',
        params: { field: c.name, year: 2024, history: h2024.yieldKgPerHa, actual },
      },
    ])
    expect(r.error.details.conflicts).toEqual([
      {
        fieldId: c.id,
        fieldName: c.name,
        year: 2024,
        historyKgPerHa: h2024.yieldKgPerHa,
        actualKgPerHa: actual,
      },
    ])
    expect(stored()).toBe(before)
  })

  it('keeps both numbers when asked, and replaces the history figure only when confirmed', () => {
    const h2024 = c.history.find((h) => h.year === 2024)!.yieldKgPerHa
    const row = { fieldId: c.id, yieldKgPerHa: h2024 + 600, priceYuanPerKg: null, costYuanPerHa: null }
    const kept = ok<ActualsWritten>('actuals:set', {
      seasonYear: 2024,
      rows: [row],
      onHistoryConflict: 'keep',
    })
    expect(kept).toMatchObject({ created: 1, historyKept: 1, historyReplaced: 0, historyAdded: 0 })
    const history = () =>
      ok<Field[]>('fields:list')
        .find((f) => f.id === c.id)!
        .history.find((h) => h.year === 2024)
    expect(history()!.yieldKgPerHa).toBe(h2024)
    expect(ok<ActualsSeason>('actuals:list', { seasonYear: 2024 }).records[0]!.yieldKgPerHa).toBe(h2024 + 600)
    // the same record again without a decision is still refused: the difference is still there
    expect(refusedRule('actuals:set', { seasonYear: 2024, rows: [row] })).toBe('history_conflict')
    const replaced = ok<ActualsWritten>('actuals:set', {
      seasonYear: 2024,
      rows: [row],
      onHistoryConflict: 'replace',
    })
    expect(replaced).toMatchObject({ created: 0, unchanged: 1, historyReplaced: 1 })
    expect(history()!.yieldKgPerHa).toBe(h2024 + 600)
    // the log names both numbers of each decision
    const log = ok<{ entries: { entity: string; detail: Record<string, unknown> }[] }>('audit:list', {
      entities: ['actual'],
    }).entries
    expect(log[0]!.detail).toMatchObject({
      onConflict: 'replace',
      conflicts: [{ fieldName: c.name, year: 2024, historyKgPerHa: h2024, actualKgPerHa: h2024 + 600 }],
    })
    expect(log[1]!.detail).toMatchObject({ onConflict: 'keep', historyKept: 1 })
  })

  it('refuses bad input by rule and writes nothing', () => {
    const before = stored()
    const good = { fieldId: a.id, yieldKgPerHa: 8000, priceYuanPerKg: null, costYuanPerHa: null }
    const set = (seasonYear: number, rows: unknown[]) => refusedRule('actuals:set', { seasonYear, rows })
    expect(set(2026, [good, { ...good, fieldId: b.id, yieldKgPerHa: 40_000 }])).toBe('max_number')
    expect(set(2026, [good, { ...good, fieldId: b.id, yieldKgPerHa: -1 }])).toBe('min_number')
    expect(set(2026, [good, { ...good, fieldId: b.id, priceYuanPerKg: 500 }])).toBe('max_number')
    expect(set(2027, [good])).toBe('year_in_future')
    expect(set(2026, [good, good])).toBe('duplicate_id')
    expect(set(2026, [good, { ...good, fieldId: 999_999 }])).toBe('unknown_field')
    expect(set(2026, [])).toBe('min_array')
    expect(stored()).toBe(before)
  })

  it('records the scenario carried out in a season, and refuses one that does not exist', () => {
    const scenario = ok<Plan>('plan:get').scenarios.find((s) => !s.isBaseline)!
    expect(ok<SeasonRecord>('actuals:setScenario', { seasonYear: 2026, scenarioId: scenario.id })).toEqual({
      seasonYear: 2026,
      scenarioId: scenario.id,
    })
    expect(ok<ActualsSeason>('actuals:list', { seasonYear: 2026 }).scenarioId).toBe(scenario.id)
    expect(refusedRule('actuals:setScenario', { seasonYear: 2026, scenarioId: 999_999 })).toBe(
      'unknown_reference',
    )
    expect(refusedRule('actuals:setScenario', { seasonYear: 2031, scenarioId: null })).toBe('year_in_future')
    expect(ok<ActualsSeason>('actuals:list', { seasonYear: 2026 }).scenarioId).toBe(scenario.id)
    const log = ok<{ entries: { detail: Record<string, unknown> }[] }>('audit:list', { entities: ['season'] })
    expect(log.entries[0]!.detail).toEqual({ seasonYear: 2026, from: null, to: scenario.id })
  })
})

describe('a history figure equal to the actual but for conversion noise', () => {
  const { ws, ok } = demoWorkspace()
  afterAll(() => ws.close())
  it('is the same figure: no conflict, nothing replaced', () => {
    const f = ok<Field[]>('fields:list')[0]!
    const h = f.history.find((x) => x.year === 2024)!.yieldKgPerHa
    const written = ok<ActualsWritten>('actuals:set', {
      seasonYear: 2024,
      rows: [{ fieldId: f.id, yieldKgPerHa: h * (1 + 1e-13), priceYuanPerKg: null, costYuanPerHa: null }],
    })
    expect(written).toMatchObject({ created: 1, historyAdded: 0, historyReplaced: 0, historyKept: 0 })
    expect(ok<Field[]>('fields:list')[0]!.history.find((x) => x.year === 2024)!.yieldKgPerHa).toBe(h)
  })
})
