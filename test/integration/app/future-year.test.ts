import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import type { Field } from '../../../engine/schemas/field'
import { CSV_UNITS } from '../../helpers/csv'
import { tempDir } from '../../helpers/db'
import { validField } from '../../helpers/fields'

// A yield record is a season that has happened. In autumn 2025 the 2025 harvest may be entered;
// 2026 is a typing mistake or a plan, and every way a yield gets in refuses it with one rule.
describe('a yield for a year after the current season', () => {
  const dir = tempDir()
  const ws = openWorkspace({
    dataFile: join(dir, 'w.sqlite'),
    mode: 'browser',
    version: 'test',
    now: () => new Date('2025-10-20T09:00:00Z'),
  })
  const call = (channel: string, input: unknown) => dispatch(ws.handlers, channel, input)
  const fields = () => (call('fields:list', {}) as { ok: true; value: Field[] }).value
  const refusedAt = (path: (string | number)[]) => ({
    ok: false,
    error: {
      code: 'VALIDATION',
      details: { issues: [{ path, rule: 'year_in_future', params: { year: 2026, limit: 2025 } }] },
    },
  })

  afterAll(() => {
    ws.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is refused when a field is added, naming the record, and nothing is written', () => {
    const before = JSON.stringify(fields())
    const history = [
      { year: 2025, yieldKgPerHa: 10_000 },
      { year: 2026, yieldKgPerHa: 11_000 },
    ]
    expect(call('fields:create', { ...validField, name: '未来地', history })).toMatchObject(
      refusedAt(['history', 1, 'year']),
    )
    expect(JSON.stringify(fields())).toBe(before)
  })

  it('this season is accepted', () => {
    const history = [{ year: 2025, yieldKgPerHa: 10_000 }]
    expect(call('fields:create', { ...validField, name: '今年地', history })).toMatchObject({ ok: true })
  })

  it('is refused when a field is edited', () => {
    const field = fields().find((f) => f.name === '今年地')!
    const { id, revision, createdAt: _c, updatedAt: _u, ...input } = field
    const history = [...input.history, { year: 2026, yieldKgPerHa: 9_000 }]
    expect(call('fields:update', { id, field: { ...input, history }, revision })).toMatchObject(
      refusedAt(['history', 1, 'year']),
    )
    expect(fields().find((f) => f.id === id)).toEqual(field)
  })

  it('is refused by a bulk edit of a field that holds one (saved by an older version), naming the field', () => {
    const field = fields().find((f) => f.name === '今年地')!
    ws.db
      .prepare('INSERT INTO field_yield (field_id, year, yield_kg_per_ha) VALUES (?, 2026, 9000)')
      .run(field.id)
    const before = JSON.stringify(fields())
    const result = call('fields:bulkUpdate', { ids: [field.id], patch: { qualityGrade: 3 } })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: {
          issues: [
            {
              path: ['ids', 0, 'history', 1, 'year'],
              rule: 'year_in_future',
              params: { year: 2026, limit: 2025, field: '今年地' },
            },
          ],
        },
      },
    })
    expect(JSON.stringify(fields())).toBe(before)
  })

  it('is refused in a CSV import at the header of its column', () => {
    const csv = ['地块名称,面积,作物,2026年单产', '导入地,10,玉米,1200'].join('\n')
    const result = call('fields:previewCsv', {
      base64: Buffer.from(csv).toString('base64'),
      mapping: null,
      units: CSV_UNITS,
    }) as { ok: true; value: { problems: unknown[] } }
    expect(result.value.problems).toEqual([
      { row: 1, column: '2026年单产', rule: 'year_in_future', params: { year: 2026, limit: 2025 } },
    ])
  })
})
