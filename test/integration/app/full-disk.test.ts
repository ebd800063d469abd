import { spawnSync } from 'node:child_process'
import { rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../helpers/db'
import { type HostProcess, startHostProcess } from '../../helpers/host'

// A real full disk, not a simulated one: each case runs the built back-end host in a mount
// namespace of its own (unshare, as an unprivileged user namespace where needed) on a tmpfs a
// few dozen KiB large, sized from the demo workspace file (about 84 KiB today). SQLite also needs
// 32 KiB beside it for the WAL index while the file is open.
const CHILD = join(import.meta.dirname, 'full-disk-child.mjs')

type Outcome = {
  start: { type: string; error?: { code: string } } | null
  call: { ok: boolean; error?: { code: string } } | null
  files: string[]
}

function onTinyDisk(sizeKiB: number, scenario: 'first-start' | 'backup', seed?: string): Outcome {
  const dir = tempDir()
  try {
    const run = spawnSync(
      'unshare',
      [
        '--user',
        '--map-root-user',
        '--mount',
        process.execPath,
        CHILD,
        dir,
        String(sizeKiB),
        scenario,
        ...(seed ? [seed] : []),
      ],
      { encoding: 'utf8', timeout: 60_000 },
    )
    if (run.status !== 0) throw new Error(`could not run on a tmpfs (unshare): ${run.stderr || run.error}`)
    return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Outcome
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('a full disk', () => {
  const seedDir = tempDir()
  const seed = join(seedDir, 'workspace.fengshou.sqlite')
  let host: HostProcess
  let seedKiB = 0

  beforeAll(async () => {
    // A workspace made on a disk with room, to be copied onto the tiny one.
    host = await startHostProcess(seed)
    await host.stop()
    seedKiB = Math.ceil(statSync(seed).size / 1024)
  })
  afterAll(() => rmSync(seedDir, { recursive: true, force: true }))

  it.each([48, 100])(
    'on first start (%i KiB free) says DISK_FULL and leaves no workspace file at all',
    (size) => {
      const outcome = onTinyDisk(size, 'first-start')
      expect(outcome.start).toMatchObject({ type: 'failed', error: { code: 'DISK_FULL' } })
      expect(outcome.files).toEqual([])
    },
  )

  it('during a backup says DISK_FULL and leaves no half copy, not even an empty one', () => {
    const outcome = onTinyDisk(seedKiB + 32 + Math.round(seedKiB / 2), 'backup', seed)
    expect(outcome.start).toEqual({ type: 'ready' })
    expect(outcome.call).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
    expect(outcome.files).toEqual([`workspace.fengshou.sqlite:${statSync(seed).size}`])
  })

  it('with room enough, the same backup is written (the tiny disk itself is not the fault)', () => {
    const outcome = onTinyDisk(2 * seedKiB + 32 + 64, 'backup', seed)
    expect(outcome.call).toMatchObject({ ok: true })
    expect(outcome.files.filter((f) => f.startsWith('backups/'))).toHaveLength(1)
  })
})
