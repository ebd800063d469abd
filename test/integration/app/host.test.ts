import { copyFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Result } from '../../../app/contract/result'
import { FIXTURES, tempDir } from '../../helpers/db'
import { type HostProcess, startHostProcess } from '../../helpers/host'

// The back-end host in a child process, as the desktop app runs it in a utilityProcess. What is
// proven here is the ORDER in which answers come back, never a stopwatch: a short call sent after
// a long job must be answered before that job is.

const UNITS = { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' } as const

function fieldCsv(rows: number): string {
  const lines = ['地块名称,面积（亩）,作物,积温,地力等级']
  for (let i = 1; i <= rows; i++) lines.push(`导入地${i},${10 + (i % 90)},玉米,2700,5`)
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8').toString('base64')
}

/** Sends every call at once and records the order in which their answers arrive. */
async function race(host: HostProcess, calls: [name: string, channel: string, input?: unknown][]) {
  const order: string[] = []
  const results = new Map<string, Result<unknown>>()
  await Promise.all(
    calls.map(([name, channel, input]) =>
      host.call(channel, input ?? {}).then((result) => {
        order.push(name)
        results.set(name, result)
      }),
    ),
  )
  return { order, results }
}

const dirs: string[] = []
const hosts: HostProcess[] = []
async function start(env: Record<string, string> = {}) {
  const dir = tempDir()
  dirs.push(dir)
  const host = await startHostProcess(join(dir, 'workspace.fengshou.sqlite'), env)
  hosts.push(host)
  return { dir, host }
}
const count = async (host: HostProcess) =>
  ((await host.call('fields:list')) as { value: unknown[] }).value.length

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

describe('the back-end host answers short calls while long work runs', () => {
  it('answers app:info and a field list before a 10,000-row import it received first', async () => {
    const { host } = await start()
    expect(await count(host)).toBe(24)
    const { order, results } = await race(host, [
      ['import', 'fields:importCsv', { base64: fieldCsv(10_000), mapping: null, units: UNITS }],
      ['info', 'app:info'],
      ['list', 'fields:list'],
      ['info again', 'app:info'],
    ])
    expect(order.at(-1)).toBe('import')
    expect(results.get('import')).toEqual({ ok: true, value: { imported: 10_000 } })
    // The list taken during the import saw the last commit: none of the new rows, all the old ones.
    expect((results.get('list') as { value: unknown[] }).value).toHaveLength(24)
    expect(await count(host)).toBe(10_024)
  })

  it('answers app:info before refusing a 400,000-column file, and writes nothing', async () => {
    const { host } = await start()
    const wide = Buffer.from(`${Array.from({ length: 400_000 }, (_, i) => `c${i}`).join(',')}\n`).toString(
      'base64',
    )
    const { order, results } = await race(host, [
      ['preview', 'fields:previewCsv', { base64: wide, mapping: null, units: UNITS }],
      ['info', 'app:info'],
    ])
    expect(order).toEqual(['info', 'preview'])
    const preview = results.get('preview')!
    const refused = !preview.ok || ((preview.value as { problems: unknown[] }).problems ?? []).length > 0
    expect(refused).toBe(true)
    expect(await count(host)).toBe(24)
  })

  it('holds a write sent during an import until the import has committed', async () => {
    const { host } = await start()
    const { order, results } = await race(host, [
      ['import', 'fields:importCsv', { base64: fieldCsv(5_000), mapping: null, units: UNITS }],
      ['rename', 'workspace:update', { name: '兴隆合作社' }],
    ])
    expect(order).toEqual(['import', 'rename'])
    expect(results.get('rename')).toMatchObject({ ok: true, value: { name: '兴隆合作社' } })
    expect(await count(host)).toBe(5_024)
  })

  // 20,000 rows take over a second to check and write, far over this budget on any machine. That
  // the next job gets a fresh worker is proven with a controlled worker in job-runner.test.ts.
  it('stops an import that outlives its budget and writes none of it; the workspace stays usable', async () => {
    const { host } = await start({ FENGSHOU_JOB_BUDGET_MS: '200' })
    const result = await host.call('fields:importCsv', {
      base64: fieldCsv(20_000),
      mapping: null,
      units: UNITS,
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMED_OUT' } })
    expect(await count(host)).toBe(24)
    // The stopped thread let go of the file: a write on the host's own connection goes through.
    expect(await host.call('workspace:update', { name: '兴隆合作社' })).toMatchObject({ ok: true })
  })

  it('restores a backup while reads wait for the new file, then answers them from it', async () => {
    const { host } = await start()
    const backup = (await host.call('workspace:backup')) as { ok: true; value: { file: string } }
    expect(backup.ok).toBe(true)
    await host.call('fields:delete', { id: 1, revision: 1 })
    expect(await count(host)).toBe(23)
    const { order, results } = await race(host, [
      ['restore', 'workspace:restore', { file: backup.value.file }],
      ['list', 'fields:list'],
      ['info', 'app:info'],
    ])
    expect(order).toEqual(['info', 'restore', 'list'])
    expect(results.get('restore')).toMatchObject({ ok: true })
    expect((results.get('list') as { value: unknown[] }).value).toHaveLength(24)
  })

  it('refuses bad input before any job starts', async () => {
    const { host } = await start()
    const result = await host.call('fields:importCsv', { base64: '', mapping: null, units: UNITS })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await host.call('no:such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })
})

describe('the back-end host at start', () => {
  it('creates a new workspace with the demo on first start', async () => {
    const { host } = await start()
    expect(await host.call('workspace:get')).toMatchObject({ ok: true, value: { isDemo: true } })
  })

  it('reports a workspace it must not open, in a code the shell translates, and leaves it as it was', async () => {
    const dir = tempDir()
    dirs.push(dir)
    const file = join(dir, 'workspace.fengshou.sqlite')
    copyFileSync(join(FIXTURES, 'schema-v1.sqlite'), file)
    // user_version at offset 60 of the SQLite header: a version from the future.
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(file)
    bytes.writeInt32BE(999, 60)
    writeFileSync(file, bytes)
    await expect(startHostProcess(file)).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' })
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })
})
