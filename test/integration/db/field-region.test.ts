import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../../db/migrations'
import {
  bulkUpdateFields,
  createField,
  getField,
  listFields,
  updateField,
} from '../../../db/repositories/fields'
import { FieldInputSchema } from '../../../engine/schemas/field'
import { copyFixture, openTestDatabase, tempDir, testContext } from '../../helpers/db'
import { validField } from '../../helpers/fields'

const check = (input: unknown) => {
  const r = FieldInputSchema.safeParse(input)
  return r.success ? { ok: true as const, value: r.data } : { ok: false as const, issues: [] }
}

describe('each field has its own region (schema 5)', () => {
  it('a schema-v3 workspace in western Jilin migrates: every existing field takes the workspace’s region', () => {
    const { db, previousVersion } = openTestDatabase(copyFixture('schema-v3-west.sqlite'))
    expect(previousVersion).toBe(3)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(listFields(db).map((f) => [f.name, f.region])).toEqual([
      ['西一号地', 'west'],
      ['西二号地', 'west'],
    ])
    // A field added without a region takes the workspace's; one with a region keeps it.
    expect(createField(db, testContext, { ...validField, name: '新地' }).region).toBe('west')
    expect(createField(db, testContext, { ...validField, name: '东地', region: 'east' }).region).toBe('east')
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('the region is stored, kept by an edit that does not name it, changed by one that does and by a bulk edit', () => {
    const { db } = openTestDatabase(join(tempDir(), 'r.sqlite'))
    db.prepare(
      "INSERT INTO workspace (id, name, county, region, is_demo, locale, area_unit, mass_unit, created_at, updated_at) VALUES (1, '合作社', '', 'central', 0, 'zh-CN', 'mu', 'jin', 'x', 'x')",
    ).run()
    const a = createField(db, testContext, { ...validField, name: '甲', region: 'west' })
    const b = createField(db, testContext, { ...validField, name: '乙' })
    expect(b.region).toBe('central')
    updateField(db, testContext, a.id, { ...validField, name: '甲', densityPlantsPerHa: 65_000 })
    expect(getField(db, a.id)!.region).toBe('west')
    updateField(db, testContext, a.id, { ...validField, name: '甲', region: 'east' })
    expect(getField(db, a.id)!.region).toBe('east')
    expect(bulkUpdateFields(db, testContext, [a.id, b.id], { region: 'west' }, check)).toBe(2)
    expect(listFields(db).map((f) => f.region)).toEqual(['west', 'west'])
    expect(() => db.prepare("UPDATE field SET region = 'north' WHERE id = ?").run(a.id)).toThrow()
    db.close()
  })
})
