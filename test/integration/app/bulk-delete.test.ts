import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import { listAudit } from '../../../db/repositories/audit'
import type { Field } from '../../../engine/schemas/field'
import type { Plan } from '../../../engine/schemas/plan'
import { tempDir } from '../../helpers/db'
import { startHostProcess } from '../../helpers/host'

// A co-op manager selects fields in the list and deletes them in one step: every one of them or
// none, with one entry in the audit log that keeps what was deleted.
describe('bulk delete through the contract', () => {
  const ws = openWorkspace({ dataFile: join(tempDir(), 'd.sqlite'), mode: 'browser', version: 'test' })
  afterAll(() => ws.close())
  const call = (channel: string, input: unknown) => dispatch(ws.handlers, channel, input)
  const fields = () => (call('fields:list', {}) as { ok: true; value: Field[] }).value
  const plan = () => (call('plan:get', {}) as { ok: true; value: Plan }).value

  it('refuses the whole delete when one field was saved elsewhere since the list was read, and deletes nothing', () => {
    const all = fields()
    const [a, b, c] = all
    // Another window saves b: its revision moves on.
    const { id: _id, createdAt: _c, updatedAt: _u, revision, ...input } = b!
    expect(
      call('fields:update', { id: b!.id, field: { ...input, note: '另一窗口' }, revision }),
    ).toMatchObject({
      ok: true,
    })
    const result = call('fields:bulkDelete', {
      ids: [a!.id, b!.id, c!.id],
      revisions: [a!.revision, b!.revision, c!.revision],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'STALE', details: { id: b!.id } } })
    expect(fields().map((f) => f.id)).toEqual(all.map((f) => f.id))
  })

  it('refuses the whole delete when one field no longer exists, and deletes nothing', () => {
    const all = fields()
    const result = call('fields:bulkDelete', { ids: [all[0]!.id, 999_999] })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { id: 999_999 } } })
    expect(fields()).toHaveLength(all.length)
  })

  it('refuses revisions that do not pair with the ids', () => {
    const all = fields()
    expect(
      call('fields:bulkDelete', { ids: [all[0]!.id, all[1]!.id], revisions: [all[0]!.revision] }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(fields()).toHaveLength(all.length)
  })

  it('deletes every selected field with its yields and scenario changes, audited once', () => {
    const all = fields()
    const changed = new Set(plan().scenarios.flatMap((s) => s.changes.map((ch) => ch.fieldId)))
    const chosen = all.filter((f) => changed.has(f.id)).slice(0, 5)
    expect(chosen).toHaveLength(5)
    const auditBefore = listAudit(ws.db).length
    expect(
      call('fields:bulkDelete', { ids: chosen.map((f) => f.id), revisions: chosen.map((f) => f.revision) }),
    ).toEqual({ ok: true, value: { deleted: 5 } })
    const left = new Set(fields().map((f) => f.id))
    expect(left.size).toBe(all.length - 5)
    for (const f of chosen) expect(left.has(f.id)).toBe(false)
    const gone = new Set(chosen.map((f) => f.id))
    for (const s of plan().scenarios) expect(s.changes.some((ch) => gone.has(ch.fieldId))).toBe(false)
    const yields = ws.db
      .prepare(`SELECT count(*) AS n FROM field_yield WHERE field_id IN (${chosen.map(() => '?').join(',')})`)
      .get(...chosen.map((f) => f.id)) as { n: number }
    expect(yields.n).toBe(0)
    const audit = listAudit(ws.db)
    expect(audit.length).toBe(auditBefore + 1)
    expect(audit[0]).toMatchObject({
      action: 'delete',
      entity: 'field',
      entityId: null,
      detail: { count: 5, ids: chosen.map((f) => f.id) },
    })
    const kept = (audit[0]!.detail as { before: Field[] }).before
    expect(kept.map((f) => f.name)).toEqual(chosen.map((f) => f.name))
    expect(kept[0]!.history).toEqual(chosen[0]!.history)
  })
})

// The delete of thousands of fields is long work: the back-end host runs it in its job worker.
describe('bulk delete on the back-end host', () => {
  it('deletes the selected fields as a job and the host answers the next call with them gone', async () => {
    const host = await startHostProcess(join(tempDir(), 'h.sqlite'))
    try {
      const list = (await host.call('fields:list')) as { ok: true; value: Field[] }
      const chosen = list.value.slice(0, 3)
      await expect(
        host.call('fields:bulkDelete', {
          ids: chosen.map((f) => f.id),
          revisions: chosen.map((f) => f.revision),
        }),
      ).resolves.toEqual({ ok: true, value: { deleted: 3 } })
      const after = (await host.call('fields:list')) as { ok: true; value: Field[] }
      expect(after.value.map((f) => f.id)).toEqual(list.value.slice(3).map((f) => f.id))
    } finally {
      await host.stop()
    }
  })
})
