import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DB, type OpenedDatabase, type OpenOptions, openDatabase } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'

export const FIXTURES = join(import.meta.dirname, '../fixtures/db')

// Every folder and database a test makes here is removed and closed after its file has run
// (test/cleanup.ts); the test run fails if anything is left in the temp folder (scripts/test.mjs).
const folders: string[] = []
const databases: DB[] = []

export function tempDir(prefix = 'fengshou-db-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  folders.push(dir)
  return dir
}

/** openDatabase, closed again after the test file whatever the test did with it. */
export function openTestDatabase(file: string, options?: OpenOptions): OpenedDatabase {
  const opened = openDatabase(file, options)
  databases.push(opened.db)
  return opened
}

/** Closes what tests opened and removes what they made. */
export function cleanUpTestFiles(): void {
  for (const db of databases.splice(0)) if (db.open) db.close()
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** A copy of a committed fixture database in a fresh temp folder. */
export function copyFixture(name: string): string {
  const target = join(tempDir(), name)
  copyFileSync(join(FIXTURES, name), target)
  return target
}

export const testContext: WriteContext = { actor: 'test', now: () => new Date('2026-01-15T08:00:00Z') }
