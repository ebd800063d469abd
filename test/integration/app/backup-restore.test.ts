import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import { tempDir } from '../../helpers/db'

describe('back up and restore now', () => {
  const dir = tempDir()
  let tick = 0
  const ws = openWorkspace({
    dataFile: join(dir, 'workspace.fengshou.sqlite'),
    mode: 'browser',
    version: 'test',
    now: () => new Date(Date.UTC(2026, 0, 1, 8, 0, tick++)),
  })
  afterAll(() => ws.close())
  const call = (channel: string, input: unknown = {}) =>
    dispatch(ws.handlers, channel, input) as { ok: boolean; value: never; error: never }
  const count = () => (call('fields:list').value as unknown[]).length

  it('writes a checked copy, lists it, and restores it in place of later changes', () => {
    const backup = call('workspace:backup')
    expect(backup.ok).toBe(true)
    const file = (backup.value as { file: string }).file
    expect(readdirSync(join(dir, 'backups'))).toEqual([file])
    call('fields:delete', { id: 1, revision: 1 })
    call('fields:delete', { id: 2, revision: 1 })
    expect(count()).toBe(22)
    const restored = call('workspace:restore', { file })
    expect(restored.ok).toBe(true)
    expect(count()).toBe(24)
    // The state before the restore was kept too, so the restore can be undone.
    const list = call('workspace:backups').value as { file: string }[]
    expect(list).toHaveLength(2)
    const safety = (restored.value as { safetyBackup: string }).safetyBackup
    call('workspace:restore', { file: safety })
    expect(count()).toBe(22)
  })

  it('refuses paths and files that are not backups of this workspace', () => {
    expect(call('workspace:restore', { file: '../workspace.fengshou.sqlite' }).error).toMatchObject({
      code: 'VALIDATION',
    })
    const fake = 'workspace-20260101T000000Z.fengshou.sqlite'
    writeFileSync(join(dir, 'backups', fake), 'not a database at all '.repeat(20))
    expect(call('workspace:restore', { file: fake }).error).toMatchObject({ code: 'DB_CORRUPT' })
    expect(count()).toBe(22)
  })
})
