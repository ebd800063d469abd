import { createHash } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WriteContext } from '../../db/repositories/context'

export const FIXTURES = join(import.meta.dirname, '../fixtures/db')

export function tempDir(prefix = 'fengshou-db-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
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
