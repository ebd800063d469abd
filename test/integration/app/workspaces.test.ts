import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { WorkspaceEntry, WorkspaceList } from '../../../app/contract/contract'
import { tempDir } from '../../helpers/db'
import { type HostProcess, startHostInFolder } from '../../helpers/host'

// A co-op's first week, at the back end: a data folder of workspaces, each its own file.
const hosts: HostProcess[] = []
async function host(dir: string, env: Record<string, string> = {}) {
  const h = await startHostInFolder(dir, env)
  hosts.push(h)
  return h
}
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})

const value = <T>(r: unknown) => (r as { ok: true; value: T }).value
const NEW_COOP = {
  kind: 'coop',
  name: '兴隆玉米种植专业合作社',
  county: '农安县',
  region: 'central',
  locale: 'zh-CN',
  areaUnit: 'mu',
  massUnit: 'jin',
} as const

describe('workspaces in a data folder', () => {
  it('a first start opens nothing: the workspace calls say NO_WORKSPACE until the co-op is started', async () => {
    const dir = tempDir()
    const h = await host(dir)
    expect(await h.call('workspace:get')).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
    expect(
      value<{ workspaceId: string | null; dataFile: string | null }>(await h.call('app:info')),
    ).toMatchObject({
      workspaceId: null,
      dataFile: null,
    })
    expect(value<WorkspaceList>(await h.call('workspaces:list'))).toMatchObject({
      current: null,
      workspaces: [],
    })
  })

  it('"start my co-op" makes an empty workspace of its own: no demo fields, varieties or scenarios', async () => {
    const dir = tempDir()
    const h = await host(dir)
    const made = value<WorkspaceEntry>(await h.call('workspaces:create', NEW_COOP))
    expect(made).toMatchObject({
      name: NEW_COOP.name,
      county: '农安县',
      isDemo: false,
      fieldCount: 0,
      isCurrent: true,
    })
    expect(value<{ isDemo: boolean; region: string }>(await h.call('workspace:get'))).toMatchObject({
      isDemo: false,
      region: 'central',
    })
    const plan = value<{
      fields: unknown[]
      varieties: unknown[]
      scenarios: { name: string; isBaseline: boolean }[]
    }>(await h.call('plan:get'))
    expect(plan.fields).toEqual([])
    expect(plan.varieties).toEqual([])
    expect(plan.scenarios).toEqual([expect.objectContaining({ name: '当前做法（基准）', isBaseline: true })])
    // Its own file, and it is open again after a restart.
    expect(readdirSync(join(dir, 'workspaces')).filter((f) => f.endsWith('.sqlite'))).toEqual([
      `${made.id}.fengshou.sqlite`,
    ])
    await h.stop()
    const again = await host(dir)
    expect(value<{ name: string }>(await again.call('workspace:get')).name).toBe(NEW_COOP.name)
  })

  it('the demo is a workspace of its own; switching between the two shows each one’s own data', async () => {
    const dir = tempDir()
    const h = await host(dir)
    const coop = value<WorkspaceEntry>(await h.call('workspaces:create', NEW_COOP))
    const demo = value<WorkspaceEntry>(await h.call('workspaces:create', { kind: 'demo', locale: 'zh-CN' }))
    expect(demo).toMatchObject({ isDemo: true, fieldCount: 24, isCurrent: true })
    expect(value<unknown[]>(await h.call('fields:list'))).toHaveLength(24)
    await h.call('workspaces:open', { id: coop.id })
    expect(value<unknown[]>(await h.call('fields:list'))).toHaveLength(0)
    const list = value<WorkspaceList>(await h.call('workspaces:list'))
    expect(list.workspaces.map((w) => [w.name, w.isCurrent])).toEqual([
      [NEW_COOP.name, true],
      ['丰收示范合作社', false],
    ])
  })

  it('a window loaded for another workspace is refused instead of writing into the open one', async () => {
    const dir = tempDir()
    const h = await host(dir)
    const coop = value<WorkspaceEntry>(await h.call('workspaces:create', NEW_COOP))
    const demo = value<WorkspaceEntry>(await h.call('workspaces:create', { kind: 'demo', locale: 'zh-CN' }))
    // A second window still shows the co-op; the first switched to the demo.
    expect(await h.call('workspace:update', { name: '改名' }, coop.id)).toMatchObject({
      ok: false,
      error: { code: 'WORKSPACE_CHANGED' },
    })
    expect(value<{ name: string }>(await h.call('workspace:get', {}, demo.id)).name).toBe('丰收示范合作社')
  })

  it('removes a workspace to removed/, keeps it restorable, and a removed open one leaves none open', async () => {
    const dir = tempDir()
    const h = await host(dir)
    const coop = value<WorkspaceEntry>(await h.call('workspaces:create', NEW_COOP))
    await h.call('fields:create', {
      name: '东岗一号地',
      village: '',
      township: '',
      areaHa: 10,
      crop: 'maize',
      varietyId: null,
      densityPlantsPerHa: 60_000,
      waterRegime: 'rainfed',
      hasHsf: false,
      hsfYearBuilt: null,
      salineClass: 'none',
      heatSumCd: 2800,
      qualityGrade: 4,
      groupId: null,
      note: '',
      history: [],
    })
    const after = value<WorkspaceList>(await h.call('workspaces:remove', { id: coop.id }))
    expect(after).toMatchObject({
      current: null,
      workspaces: [],
      removed: [{ id: coop.id, name: NEW_COOP.name }],
    })
    expect(await h.call('fields:list')).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
    expect(readdirSync(join(dir, 'removed'))).toHaveLength(1)
    const back = value<WorkspaceEntry>(await h.call('workspaces:restore', { id: coop.id }))
    expect(back).toMatchObject({ name: NEW_COOP.name, fieldCount: 1, isCurrent: false })
    await h.call('workspaces:open', { id: coop.id })
    expect(value<{ name: string }[]>(await h.call('fields:list')).map((f) => f.name)).toEqual(['东岗一号地'])
  })

  it('renames a workspace that is not open, in its own file', async () => {
    const dir = tempDir()
    const h = await host(dir)
    const coop = value<WorkspaceEntry>(await h.call('workspaces:create', NEW_COOP))
    await h.call('workspaces:create', { kind: 'demo', locale: 'zh-CN' })
    expect(
      value<WorkspaceEntry>(await h.call('workspaces:rename', { id: coop.id, name: '兴隆合作社' })),
    ).toMatchObject({
      name: '兴隆合作社',
      isCurrent: false,
    })
  })

  it('a folder from before workspaces keeps its one file, opened as before', async () => {
    const dir = tempDir()
    copyFileSync(
      join(import.meta.dirname, '../../fixtures/db/schema-v2.sqlite'),
      join(dir, 'workspace.fengshou.sqlite'),
    )
    const h = await host(dir)
    expect(value<{ name: string }>(await h.call('workspace:get')).name).toBe('二版合作社')
    const registry = JSON.parse(readFileSync(join(dir, 'workspaces.json'), 'utf8'))
    expect(registry.entries).toEqual([expect.objectContaining({ file: 'workspace.fengshou.sqlite' })])
  })

  it('a workspace a newer version saved is listed with its reason and does not stop the start', async () => {
    const dir = tempDir()
    const h = await host(dir)
    const coop = value<WorkspaceEntry>(await h.call('workspaces:create', NEW_COOP))
    await h.stop()
    const file = join(dir, 'workspaces', `${coop.id}.fengshou.sqlite`)
    const db = new Database(file)
    db.pragma('user_version = 99')
    db.close()
    const again = await host(dir)
    expect(await again.call('workspace:get')).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } })
    const list = value<WorkspaceList>(await again.call('workspaces:list'))
    expect(list.workspaces).toEqual([expect.objectContaining({ id: coop.id, problem: 'DB_NEWER_VERSION' })])
    expect(await again.call('workspaces:open', { id: coop.id })).toMatchObject({
      ok: false,
      error: { code: 'DB_NEWER_VERSION' },
    })
  })

  it('a lost workspace list is rebuilt from the files, with none open and nothing lost', async () => {
    const dir = tempDir()
    const h = await host(dir)
    await h.call('workspaces:create', NEW_COOP)
    await h.stop()
    mkdirSync(join(dir, 'x'), { recursive: true })
    copyFileSync(join(dir, 'workspaces.json'), join(dir, 'x', 'old.json'))
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(dir, 'workspaces.json'), '{ not json')
    const again = await host(dir)
    const list = value<WorkspaceList>(await again.call('workspaces:list'))
    expect(list.current).toBeNull()
    expect(list.workspaces.map((w) => w.name)).toEqual([NEW_COOP.name])
    expect(existsSync(join(dir, 'workspaces.json'))).toBe(true)
  })
})
