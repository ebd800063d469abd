import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DB } from '../../../db/connection'
import { listAudit } from '../../../db/repositories/audit'
import {
  countFields,
  createField,
  deleteField,
  getField,
  insertFields,
  updateField,
} from '../../../db/repositories/fields'
import type { AppError } from '../../../engine/errors'
import { openTestDatabase, tempDir, testContext } from '../../helpers/db'
import { validField } from '../../helpers/fields'

function errorOf(fn: () => unknown): AppError {
  try {
    fn()
  } catch (error) {
    return error as AppError
  }
  throw new Error('expected an error')
}

describe('fields repository', () => {
  let db: DB
  beforeEach(() => {
    db = openTestDatabase(join(tempDir(), 'f.sqlite')).db
  })

  it('stores a field with its history in canonical units and reads it back unchanged', () => {
    const created = createField(db, testContext, { ...validField, areaHa: 200 / 15 })
    expect(getField(db, created.id)).toMatchObject({ ...validField, areaHa: 200 / 15 })
    expect(created.createdAt).toBe('2026-01-15T08:00:00.000Z')
  })

  it('records who changed what in the audit log', () => {
    const created = createField(db, testContext, validField)
    updateField(db, testContext, created.id, { ...validField, densityPlantsPerHa: 70_000 })
    deleteField(db, testContext, created.id)
    const log = listAudit(db)
    expect(log.map((e) => e.action)).toEqual(['delete', 'update', 'create'])
    expect(log[1]).toMatchObject({
      actor: 'test',
      entity: 'field',
      detail: { densityPlantsPerHa: { from: 60_000, to: 70_000 } },
    })
  })

  it('a duplicate name is a CONFLICT that names the input', () => {
    createField(db, testContext, validField)
    const error = errorOf(() => createField(db, testContext, validField))
    expect(error.code).toBe('CONFLICT')
    expect(error.details.issues).toEqual([{ path: ['name'], rule: 'duplicate_name' }])
  })

  it('a bulk insert with one bad row writes nothing and names the row', () => {
    const rows = [0, 1, 2, 3].map((i) => ({ ...validField, name: `地-${i}` }))
    rows[2] = { ...rows[2]!, name: '地-0' }
    const error = errorOf(() => insertFields(db, testContext, rows, 'import'))
    expect(error.code).toBe('CONFLICT')
    expect(error.details.issues?.[0]?.path).toEqual([2, 'name'])
    expect(countFields(db)).toBe(0)
    expect(listAudit(db)).toEqual([])
  })

  it('updating or deleting a missing field is NOT_FOUND', () => {
    expect(errorOf(() => updateField(db, testContext, 999, validField)).code).toBe('NOT_FOUND')
    expect(errorOf(() => deleteField(db, testContext, 999)).code).toBe('NOT_FOUND')
  })
})
