import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID } from '../../../db/connection'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../db/migrations'
import { readPlan } from '../../../db/plan-store'
import { listFields } from '../../../db/repositories/fields'
import { createLoan } from '../../../db/repositories/loans'
import { AppError } from '../../../engine/errors'
import { evaluatePlan } from '../../../engine/model/evaluate'
import { PlanSchema } from '../../../engine/schemas/plan'
import { copyFixture, FIXTURES, openTestDatabase, sha256, tempDir } from '../../helpers/db'

function schemaOf(db: Database.Database) {
  return db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
}

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).code
  }
  throw new Error('expected the open to fail')
}

describe('opening and migrating workspace files', () => {
  it('a schema-v1 workspace migrates to the latest schema, keeps its rows, and equals a fresh file', () => {
    const file = copyFixture('schema-v1.sqlite')
    const original = sha256(join(FIXTURES, 'schema-v1.sqlite'))
    const { db, previousVersion, backupPath } = openTestDatabase(file)
    expect(previousVersion).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION)
    expect(LATEST_SCHEMA_VERSION).toBeGreaterThan(1)
    expect(backupPath).not.toBeNull()
    expect(sha256(backupPath!)).toBe(original)

    const fields = listFields(db)
    expect(fields.map((f) => f.name)).toEqual(['老一号地', '老二号地'])
    expect(fields[0]!.history).toEqual([
      { year: 2023, yieldKgPerHa: 2950 },
      { year: 2024, yieldKgPerHa: 3010 },
    ])
    expect(fields.every((f) => f.groupId === null)).toBe(true)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])

    const fresh = openTestDatabase(join(tempDir(), 'fresh.sqlite')).db
    expect(schemaOf(db)).toEqual(schemaOf(fresh))
    db.close()
    fresh.close()
  })

  it('a schema-v2 workspace (groups) migrates: groups kept, every record at revision 1, region central', () => {
    const file = copyFixture('schema-v2.sqlite')
    const { db, previousVersion } = openTestDatabase(file)
    expect(previousVersion).toBe(2)
    const fields = listFields(db)
    expect(fields.map((f) => [f.name, f.groupId, f.revision])).toEqual([
      ['老一号地', null, 1],
      ['老二号地', 1, 1],
    ])
    expect(db.prepare('SELECT name, county, region, revision FROM workspace').get()).toEqual({
      name: '二版合作社',
      county: '',
      region: 'central',
      revision: 1,
    })
    for (const table of ['variety', 'scenario', 'assumption'])
      expect(db.prepare(`SELECT DISTINCT revision FROM ${table}`).pluck().all()).toEqual([1])
    const fresh = openTestDatabase(join(tempDir(), 'fresh.sqlite')).db
    expect(schemaOf(db)).toEqual(schemaOf(fresh))
  })

  it('a schema-v3 workspace migrates to loans: no loan yet, its plan still evaluates, a loan can be added', () => {
    const file = copyFixture('schema-v3.sqlite')
    const { db, previousVersion } = openTestDatabase(file)
    expect(previousVersion).toBe(3)
    expect(db.prepare('SELECT count(*) FROM loan').pluck().get()).toBe(0)
    const plan = PlanSchema.parse(readPlan(db))
    expect(plan.loans).toEqual([])
    // the stored override of the head unit's life (the old 8-year system life) still evaluates
    expect(plan.assumptions.map((a) => [a.key, a.value])).toEqual([['drip.lifetimeYears', 8]])
    const drip = evaluatePlan(plan).scenarios.find((s) => !s.isBaseline)!
    expect(drip.finance.cashFlow).toHaveLength(11)
    expect(drip.finance.financing.loanYuan).toBe(0)
    const ctx = { actor: 'test', now: () => new Date('2026-12-03T00:00:00Z') }
    const loan = createLoan(db, ctx, 2, {
      name: '',
      amountYuan: 100_000,
      annualRate: 0.04,
      termYears: 5,
      repayment: 'annuity',
      interestSubsidyShare: 0.5,
    })
    expect(loan).toMatchObject({ scenarioId: 2, revision: 1 })
    // deleting the scenario takes its loans with it
    db.prepare('DELETE FROM scenario WHERE id = 2').run()
    expect(db.prepare('SELECT count(*) FROM loan').pluck().get()).toBe(0)
    const fresh = openTestDatabase(join(tempDir(), 'fresh.sqlite')).db
    expect(schemaOf(db)).toEqual(schemaOf(fresh))
    db.close()
    fresh.close()
  })

  it('opens with WAL, synchronous=FULL, foreign keys on and our application_id', () => {
    const { db } = openTestDatabase(join(tempDir(), 'w.sqlite'))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
  })

  it('refuses a file from a newer version with a clear code, and leaves its bytes unchanged', () => {
    const file = copyFixture('schema-v1.sqlite')
    const raw = new Database(file)
    raw.pragma('user_version = 99')
    raw.close()
    const before = sha256(file)
    let error: AppError | null = null
    try {
      openTestDatabase(file)
    } catch (e) {
      error = e as AppError
    }
    expect(error?.code).toBe('DB_NEWER_VERSION')
    expect(error?.details).toMatchObject({ fileVersion: 99, supportedVersion: LATEST_SCHEMA_VERSION })
    expect(sha256(file)).toBe(before)
    expect(readdirSync(dirname(file))).toEqual(['schema-v1.sqlite'])
  })

  it('a migration that fails leaves the file unchanged, with a backup beside it', () => {
    const file = copyFixture('schema-v1.sqlite')
    const before = sha256(file)
    const broken = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE t (a); INSERT INTO nope VALUES (1);',
      },
    ]
    let error: AppError | null = null
    try {
      openTestDatabase(file, { migrations: broken })
    } catch (e) {
      error = e as AppError
    }
    expect(error?.code).toBe('DB_MIGRATION_FAILED')
    expect(sha256(file)).toBe(before)
    const backup = error?.details.backupPath as string
    expect(dirname(backup)).toBe(dirname(file))
    expect(sha256(backup)).toBe(before)
    const check = new Database(file, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(1)
    check.close()
  })

  it('refuses a file that is not a workspace, or belongs to another program, untouched', () => {
    const text = join(tempDir(), 'notes.sqlite')
    writeFileSync(text, '地块,面积\n东岗,12\n'.repeat(20))
    expect(codeOf(() => openTestDatabase(text))).toBe('DB_CORRUPT')

    const foreign = join(tempDir(), 'other.sqlite')
    const raw = new Database(foreign)
    raw.exec('CREATE TABLE t (a)')
    raw.pragma('application_id = 1234')
    raw.close()
    const before = sha256(foreign)
    expect(codeOf(() => openTestDatabase(foreign))).toBe('DB_FOREIGN_FILE')
    expect(sha256(foreign)).toBe(before)
  })

  it('finds a damaged file on open and refuses it', () => {
    const file = copyFixture('schema-v1.sqlite')
    const raw = new Database(file)
    const pageSize = Number(raw.pragma('page_size', { simple: true }))
    const pages = Number(raw.pragma('page_count', { simple: true }))
    raw.close()
    const bytes = Buffer.from(readFileSync(file))
    // Scribble over the b-tree headers of every page after the first.
    for (let page = 1; page < pages; page++) bytes.fill(0xa5, page * pageSize, page * pageSize + 64)
    writeFileSync(file, bytes)
    expect(codeOf(() => openTestDatabase(file))).toBe('DB_CORRUPT')
  })
})
