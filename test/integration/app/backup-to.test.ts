import { spawnSync } from 'node:child_process'
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Result } from '../../../app/contract/result'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import { APPLICATION_ID } from '../../../db/connection'
import { sha256, tempDir } from '../../helpers/db'
import { type HostProcess, startHostProcess } from '../../helpers/host'

type Copy = { file: string; folder: string; at: string; sizeBytes: number }

// workspace:backupTo writes the same checked copy as "back up now" into a folder the user chose
// (a USB stick). Through dispatch on a real workspace file, then through the built back-end host
// on a real read-only and a real full file system (a tmpfs in a mount namespace of its own).
describe('back up to a chosen folder', () => {
  const dir = tempDir()
  const stick = tempDir('fengshou-stick-')
  let tick = 0
  const ws = openWorkspace({
    dataFile: join(dir, 'workspace.fengshou.sqlite'),
    mode: 'browser',
    version: 'test',
    now: () => new Date(Date.UTC(2026, 2, 1, 0, 12, 0) + 1000 * Math.floor(tick++ / 100)),
  })
  afterAll(() => ws.close())
  const call = (input: unknown) => dispatch(ws.handlers, 'workspace:backupTo', input) as Result<Copy>

  function refusedRule(input: unknown): string | undefined {
    const r = call(input)
    expect(r.ok).toBe(false)
    if (r.ok) return undefined
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.details.issues?.[0]?.path).toEqual(['folder'])
    return r.error.details.issues?.[0]?.rule
  }

  it('writes a checked, complete copy named after the co-op into the folder, and nothing else', () => {
    const r = call({ folder: stick })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.folder).toBe(stick)
    expect(r.value.file).toMatch(/^.+-20260301T001200Z\.fengshou\.sqlite$/)
    expect(readdirSync(stick)).toEqual([r.value.file])
    expect(statSync(join(stick, r.value.file)).size).toBe(r.value.sizeBytes)
    const copy = new Database(join(stick, r.value.file), { readonly: true })
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
      expect(copy.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
      expect(copy.prepare('SELECT count(*) AS n FROM field').get()).toEqual({ n: 24 })
    } finally {
      copy.close()
    }
  })

  it('takes a path pasted with the quotes Explorer adds, and never overwrites an earlier copy', () => {
    const r = call({ folder: `  "${stick}"  ` })
    expect(r.ok && r.value.file).toMatch(/-20260301T001200Z-2\.fengshou\.sqlite$/)
    expect(readdirSync(stick)).toHaveLength(2)
  })

  it('refuses a folder that does not exist, and creates nothing', () => {
    const missing = join(stick, 'not-there', 'deeper')
    expect(refusedRule({ folder: missing })).toBe('folder_not_found')
    expect(readdirSync(stick)).toHaveLength(2)
  })

  it('refuses a file in place of a folder, and leaves the file as it was', () => {
    const file = join(dir, 'notes.txt')
    writeFileSync(file, '备份说明')
    const before = sha256(file)
    expect(refusedRule({ folder: file })).toBe('not_a_folder')
    expect(sha256(file)).toBe(before)
    expect(readdirSync(dir).filter((f) => f.startsWith('notes.txt'))).toEqual(['notes.txt'])
  })

  it('refuses a relative path or a drive path this system does not have', () => {
    expect(refusedRule({ folder: 'backups' })).toBe('folder_not_absolute')
    if (process.platform !== 'win32')
      expect(refusedRule({ folder: 'E:\\丰收备份' })).toBe('folder_not_absolute')
    expect(refusedRule({ folder: '""' })).toBe('folder_not_absolute')
  })

  it('keeps the workspace’s own backups apart, and lists two copies of one second newest first', () => {
    const first = dispatch(ws.handlers, 'workspace:backup', {}) as Result<{ file: string }>
    const second = dispatch(ws.handlers, 'workspace:backup', {}) as Result<{ file: string }>
    const listed = dispatch(ws.handlers, 'workspace:backups', {}) as Result<{ file: string }[]>
    expect(listed.ok && listed.value.map((b) => b.file)).toEqual([
      second.ok && second.value.file,
      first.ok && first.value.file,
    ])
    expect(second.ok && second.value.file).toMatch(/-2\.fengshou\.sqlite$/)
    expect(readdirSync(stick).every((f) => !f.startsWith('workspace-'))).toBe(true)
  })

  it('refuses an empty folder name by the contract', () => {
    const r = call({ folder: '' })
    expect(r.ok ? null : r.error.code).toBe('VALIDATION')
  })
})

// The built host in a mount namespace of its own with a tmpfs as the "USB stick": read-only, or
// too small for the copy. Each case prints what the host answered and the stick's files.
const CHILD = join(import.meta.dirname, 'backup-to-child.mjs')

type Outcome = { call: { ok: boolean; error?: { code: string; details?: unknown } } | null; files: string[] }

function onStick(seed: string, stickKiB: number, mode: 'ro' | 'rw'): Outcome {
  const work = tempDir('fengshou-stick-run-')
  try {
    const run = spawnSync(
      'unshare',
      ['--user', '--map-root-user', '--mount', process.execPath, CHILD, work, seed, String(stickKiB), mode],
      { encoding: 'utf8', timeout: 60_000 },
    )
    if (run.status !== 0) throw new Error(`could not run on a tmpfs (unshare): ${run.stderr || run.error}`)
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Outcome
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

describe('back up to a stick that cannot take it (the built host)', () => {
  const seedDir = tempDir()
  const seed = join(seedDir, 'workspace.fengshou.sqlite')
  let host: HostProcess
  let seedKiB = 0

  beforeAll(async () => {
    host = await startHostProcess(seed)
    await host.stop()
    seedKiB = Math.ceil(statSync(seed).size / 1024)
  })

  it('a read-only stick is refused by name, and nothing is written', () => {
    const outcome = onStick(seed, 4 * seedKiB, 'ro')
    expect(outcome.call).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: [{ path: ['folder'], rule: 'folder_read_only' }] } },
    })
    expect(outcome.files).toEqual([])
  })

  it('a full stick says DISK_FULL and leaves no half copy, not even an empty one', () => {
    const outcome = onStick(seed, Math.round(seedKiB / 2), 'rw')
    expect(outcome.call).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
    expect(outcome.files).toEqual([])
  })

  it('with room enough the same copy is written, whole (the tmpfs itself is not the fault)', () => {
    const outcome = onStick(seed, 2 * seedKiB + 64, 'rw')
    expect(outcome.call).toMatchObject({ ok: true })
    expect(outcome.files).toHaveLength(1)
    expect(outcome.files[0]).toMatch(/\.fengshou\.sqlite:\d+$/)
  })
})
