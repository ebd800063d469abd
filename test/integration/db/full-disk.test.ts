import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writePlan } from '../../../db/plan-store'
import { countFields, insertFields } from '../../../db/repositories/fields'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { AppError } from '../../../engine/errors'
import { openTestDatabase, sha256, tempDir, testContext } from '../../helpers/db'
import { validField } from '../../helpers/fields'

describe('a full disk never corrupts the workspace', () => {
  it('a large import that runs out of space fails cleanly, rolls back, and leaves the file as it was', () => {
    const file = join(tempDir(), 'full.sqlite')
    const first = openTestDatabase(file).db
    writePlan(first, testContext, buildDemoPlan(), 'demo')
    first.close()
    const before = sha256(file)

    const { db } = openTestDatabase(file)
    const pages = Number(db.pragma('page_count', { simple: true }))
    db.pragma(`max_page_count = ${pages + 2}`)
    const many = Array.from({ length: 5000 }, (_, i) => ({
      ...validField,
      name: `导入-${i}`,
      note: '备注'.repeat(100),
    }))
    let error: unknown = null
    try {
      insertFields(db, testContext, many, 'import')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('DISK_FULL')
    expect(countFields(db)).toBe(24)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
    expect(sha256(file)).toBe(before)
  })
})
