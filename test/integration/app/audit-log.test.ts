import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditPage } from '../../../app/contract/audit'
import type { Result } from '../../../app/contract/result'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import type { Field } from '../../../engine/schemas/field'
import type { Variety } from '../../../engine/schemas/variety'
import { tempDir } from '../../helpers/db'

// audit:list through the same dispatch every transport uses, on a real workspace file: the demo,
// then edits made on known days by a clock the test sets.
describe('the change log (audit:list)', () => {
  const dir = tempDir()
  let clock = Date.UTC(2026, 1, 27, 6, 0, 0)
  const ws = openWorkspace({
    dataFile: join(dir, 'workspace.fengshou.sqlite'),
    mode: 'browser',
    version: 'test',
    now: () => {
      clock += 1000
      return new Date(clock)
    },
  })
  afterAll(() => ws.close())
  const call = <T>(channel: string, input: unknown = {}) => dispatch(ws.handlers, channel, input) as Result<T>
  const ok = <T>(channel: string, input: unknown = {}): T => {
    const r = call<T>(channel, input)
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  const list = (input: unknown = {}) => ok<AuditPage>('audit:list', input)
  const onDay = (day: number, hour = 8) => {
    clock = Date.UTC(2026, 2, day, hour, 0, 0)
  }
  const inputOf = ({ id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...input }: Field) => input

  let field: Field
  let variety: Variety
  let originalSeedPrice: number | null = null

  beforeAll(() => {
    field = ok<Field[]>('fields:list').find((f) => f.name === '东岗一号地')!
    variety = ok<Variety[]>('varieties:list')[0]!
    originalSeedPrice = variety.seedPriceYuanPerKg
    // 1 March: a field's note and density
    onDay(1)
    field = ok<Field>('fields:update', {
      id: field.id,
      field: { ...inputOf(field), note: '已深松', densityPlantsPerHa: 70_000 },
      revision: field.revision,
    })
    // 2 March: a scenario created and renamed
    onDay(2)
    const scenario = ok<{ id: number }>('scenarios:create', {
      name: '滴灌试点',
      seasonYear: 2026,
      note: '',
      copyFromId: null,
    })
    ok('scenarios:rename', { id: scenario.id, name: '滴灌试点（东岗）' })
    // 3 March: an assumption and the workspace's area unit
    onDay(3)
    ok('assumptions:set', {
      key: 'price.maize',
      value: 2.3,
      low: 2,
      high: 2.6,
      note: '县粮库 2026 年收购价',
      revision: null,
    })
    const workspace = ok<{ revision: number }>('workspace:get')
    ok('workspace:update', { areaUnit: 'ha', revision: workspace.revision })
    // 4 March: the same variety twice, a different item each time
    onDay(4)
    const { id, revision, ...input } = variety
    variety = ok<Variety>('varieties:update', {
      id,
      variety: { ...input, seedPriceYuanPerKg: 41 },
      revision,
    })
    const { id: id2, revision: revision2, ...input2 } = variety
    variety = ok<Variety>('varieties:update', {
      id: id2,
      variety: { ...input2, maturityDays: (input2.maturityDays ?? 120) + 2 },
      revision: revision2,
    })
  })

  it('lists every entry newest first, the demo that made the workspace last', () => {
    const { entries, nextBeforeId } = list()
    expect(nextBeforeId).toBeNull()
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a))
    expect(entries.map((e) => `${e.action} ${e.entity}`)).toEqual([
      'update variety',
      'update variety',
      'settings workspace',
      'update assumption',
      'update scenario',
      'create scenario',
      'update field',
      'import plan',
    ])
    expect(entries.at(-1)).toMatchObject({ summary: 'demo', detail: { fields: 24 }, actor: 'local-user' })
    expect(entries[6]).toMatchObject({
      summary: '东岗一号地',
      detail: { note: { to: '已深松' }, densityPlantsPerHa: { to: 70_000 } },
    })
  })

  it('filters by what was changed and by action, alone and together', () => {
    expect(list({ entities: ['field'] }).entries.map((e) => e.summary)).toEqual(['东岗一号地'])
    expect(list({ entities: ['scenario', 'assumption'] }).entries.map((e) => e.entity)).toEqual([
      'assumption',
      'scenario',
      'scenario',
    ])
    expect(list({ actions: ['import'] }).entries.map((e) => e.entity)).toEqual(['plan'])
    expect(
      list({ entities: ['scenario'], actions: ['update'] }).entries.map((e) => [e.summary, e.detail]),
    ).toEqual([['滴灌试点（东岗）', { from: '滴灌试点', to: '滴灌试点（东岗）' }]])
    expect(list({ entities: ['group'] }).entries).toEqual([])
  })

  it('filters by a date range: from the start of since, up to but not including until', () => {
    const day = (d: number) => new Date(Date.UTC(2026, 2, d)).toISOString()
    expect(list({ since: day(2), until: day(3) }).entries.map((e) => e.entity)).toEqual([
      'scenario',
      'scenario',
    ])
    expect(list({ since: day(3) }).entries.map((e) => e.entity)).toEqual([
      'variety',
      'variety',
      'workspace',
      'assumption',
    ])
    // An instant written without milliseconds still bounds by the instant, not by the text:
    // "…:01Z" sorts after "…:01.000Z" as text, and would leave out an entry made at that second.
    const created = list({ entities: ['scenario'], actions: ['create'] }).entries[0]!.at
    expect(created).toMatch(/^2026-03-02T08:00:\d\d\.000Z$/)
    const second = created.replace('.000Z', 'Z')
    expect(list({ since: second, until: day(3) }).entries).toHaveLength(2)
    const renamed = list({ entities: ['scenario'], actions: ['update'] }).entries[0]!.at
    expect(list({ since: day(2), until: renamed.replace('.000Z', 'Z') }).entries).toHaveLength(1)
    expect(list({ until: day(1) }).entries.map((e) => e.entity)).toEqual(['plan'])
  })

  it('searches names, people and values as typed; % and _ are plain characters', () => {
    expect(list({ text: '东岗' }).entries.map((e) => e.entity)).toEqual(['scenario', 'field'])
    expect(list({ text: '收购价' }).entries.map((e) => e.summary)).toEqual(['price.maize'])
    expect(list({ text: 'LOCAL-user' }).entries).toHaveLength(8)
    expect(list({ text: '%' }).entries).toEqual([])
    expect(list({ text: '_' }).entries).toEqual([])
    expect(list({ text: '东岗', entities: ['field'] }).entries).toHaveLength(1)
  })

  it('says what each update of a variety changed, from the state after it', () => {
    const [second, first] = list({ entities: ['variety'] }).entries
    expect(first!.changes).toEqual({ seedPriceYuanPerKg: { from: originalSeedPrice, to: 41 } })
    expect(Object.keys(second!.changes ?? {})).toEqual(['maturityDays'])
  })

  it('names the varieties and groups that entries refer to by id', () => {
    const { names } = list({ limit: 1 })
    expect(names.variety[variety.id]).toBe(variety.name)
    expect(Object.keys(names.group).length).toBeGreaterThan(0)
  })

  it('pages with a before-id cursor: every entry once, in order, and the last page says so', () => {
    // 23 more saves of the same field, one a second on 5 March
    onDay(5)
    for (let i = 1; i <= 23; i++) {
      field = ok<Field>('fields:update', {
        id: field.id,
        field: { ...inputOf(field), note: `第 ${i} 次` },
        revision: field.revision,
      })
    }
    const all = list({ limit: 1000 }).entries
    expect(all).toHaveLength(31)
    const seen: number[] = []
    const cursors: (number | null)[] = []
    let beforeId: number | undefined
    for (;;) {
      const page = list({ limit: 10, ...(beforeId ? { beforeId } : {}) })
      seen.push(...page.entries.map((e) => e.id))
      cursors.push(page.nextBeforeId)
      if (page.nextBeforeId === null) break
      beforeId = page.nextBeforeId
    }
    expect(seen).toEqual(all.map((e) => e.id))
    expect(cursors.map((c) => c !== null)).toEqual([true, true, true, false])
    // A page that ends exactly at the last entry has no next page.
    const exactly = list({ entities: ['field'], limit: 24 })
    expect(exactly.entries).toHaveLength(24)
    expect(exactly.nextBeforeId).toBeNull()
    const fieldPage = list({ entities: ['field'], limit: 20 })
    expect(list({ entities: ['field'], limit: 20, beforeId: fieldPage.nextBeforeId! }).entries).toHaveLength(
      4,
    )
  })

  it.each([
    [{ limit: 1001 }, 'limit'],
    [{ limit: 0 }, 'limit'],
    [{ beforeId: -1 }, 'beforeId'],
    [{ entities: ['password'] }, 'entities'],
    [{ actions: ['drop'] }, 'actions'],
    [{ since: '3 March' }, 'since'],
    [{ text: 'x'.repeat(101) }, 'text'],
  ])('refuses %j, naming the input', (input, path) => {
    const r = call('audit:list', input)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.details.issues?.[0]?.path[0]).toBe(path)
  })

  it('refuses an input it does not know', () => {
    const r = call('audit:list', { sql: '1=1' })
    expect(r.ok ? null : r.error.details.issues?.[0]?.rule).toBe('unknown_key')
  })
})
