import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { toPlanFile } from '../../../app/use-cases/plan-file'
import { fromFileVersion, toFileVersion } from '../../../app/use-cases/plan-file-versions'
import { versionHash } from '../../../db/repositories/versions'
import { buildDemoPlan } from '../../../engine/demo-plan'
import type { AppError } from '../../../engine/errors'
import type { Plan } from '../../../engine/schemas/plan'
import { tempDir } from '../../helpers/db'
import { demoWorkspace } from '../../helpers/demo-workspace'
import { type HostProcess, startHostInFolder } from '../../helpers/host'
import { versionPlan } from '../../helpers/version'

// Every way a plan file can be wrong is refused with its own sentence, and nothing is written:
// not a workspace, not a line in the list, not a row in the open workspace.
const at = new Date('2026-12-02T00:00:00Z')
const good = JSON.stringify(toPlanFile(versionPlan(), at, { appVersion: '0.1.0' }))

function withPlan(change: (plan: Plan) => void): string {
  const plan = versionPlan()
  change(plan)
  return JSON.stringify(toPlanFile(plan, at))
}

const BAD: [string, string, () => string][] = [
  ['a damaged checksum', 'checksum_mismatch', () => good.replace('东岗一号地', '东岗1号地')],
  [
    'a newer format version',
    'unsupported_version',
    () => JSON.stringify({ ...JSON.parse(good), version: 3 }),
  ],
  // a real plan file padded to 60 MB: still JSON, too large
  ['a 60 MB file', 'plan_file_too_large', () => `${good}${' '.repeat(60_000_000 - good.length)}`],
  [
    'a scenario change naming a field that does not exist',
    'unknown_reference',
    () =>
      withPlan((p) => {
        p.scenarios[1]!.changes[0]!.fieldId = 9_999
      }),
  ],
  [
    'a loan for a missing scenario',
    'unknown_reference',
    () =>
      withPlan((p) => {
        p.loans[0]!.scenarioId = 77
      }),
  ],
  ['invalid JSON', 'not_json', () => good.slice(0, 2_000)],
  ['a file that is not a plan file', 'not_a_plan_file', () => JSON.stringify({ fields: [], name: '台账' })],
]

describe('plan files refused in the open workspace: preview and merge write nothing', () => {
  const { ws, call } = demoWorkspace()
  afterAll(() => ws.close())
  const snapshot = () =>
    JSON.stringify([
      call('plan:get'),
      ['audit_log', 'field', 'scenario', 'scenario_change', 'loan', 'assumption', 'variety'].map((t) =>
        ws.db.prepare(`SELECT count(*) AS n FROM ${t}`).get(),
      ),
    ])

  it.each(BAD)('%s is refused (%s)', (_what, rule, text) => {
    const before = snapshot()
    const file = text()
    for (const r of [
      call('exchange:preview', { text: file }),
      call('exchange:merge', { text: file, choices: {} }),
    ]) {
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION')
        expect(r.error.details.issues?.[0]?.rule).toBe(rule)
      }
    }
    expect(snapshot()).toBe(before)
  })

  it('a newer format says which version made it', () => {
    const r = call('exchange:preview', { text: JSON.stringify({ ...JSON.parse(good), version: 3 }) })
    expect(r.ok ? null : r.error.details.issues?.[0]?.params).toEqual({ version: 3 })
  })

  it('version 1 files still read', () => {
    const v1 = { ...toPlanFile(buildDemoPlan(), at) }
    const old = {
      format: 'fengshou-plan',
      version: 1,
      savedAt: v1.savedAt,
      checksum: `sha256:${createHash('sha256').update(JSON.stringify(v1.plan)).digest('hex')}`,
      plan: v1.plan,
    }
    const r = call('exchange:preview', { text: JSON.stringify(old) })
    expect(r).toMatchObject({
      ok: true,
      value: { formatVersion: 1, appVersion: null, versionCount: 0, conflicts: [] },
    })
  })
})

describe('plan files refused as a new workspace: no file, no entry', () => {
  let h: HostProcess | null = null
  afterEach(async () => {
    await h?.stop()
  })

  it('every refusal leaves the data folder as it was', async () => {
    const dir = tempDir()
    h = await startHostInFolder(dir)
    await h.call('workspaces:create', { kind: 'demo', locale: 'zh-CN' })
    const state = () =>
      JSON.stringify([
        readFileSync(join(dir, 'workspaces.json'), 'utf8'),
        readdirSync(join(dir, 'workspaces')).sort(),
      ])
    const before = state()
    for (const [what, rule, text] of BAD) {
      const r = await h.call('workspaces:import', { text: text() })
      expect(r.ok, what).toBe(false)
      if (!r.ok) expect(r.error.details.issues?.[0]?.rule, what).toBe(rule)
      expect(state(), what).toBe(before)
    }
    // a version changed after it was frozen, under a checksum made again to match
    await h.call('versions:freeze', { title: '春播方案', note: '', author: '王经理' })
    const exported = await h.call('exchange:export', { what: 'plan' })
    const file = JSON.parse((exported as { value: { text: string } }).value.text)
    file.versions[0].title = '秋收方案'
    // the whole plan's file carries its (empty) season after: the checksum's input ends with it
    expect(file.seasons).toEqual({ actuals: [], carriedOut: [] })
    const body = JSON.stringify([
      file.savedAt,
      file.appVersion ?? null,
      file.plan,
      file.versions,
      file.seasons,
    ])
    file.checksum = `sha256:${createHash('sha256').update(body).digest('hex')}`
    const before2 = state()
    const r = await h.call('workspaces:import', { text: JSON.stringify(file) })
    expect(r).toMatchObject({ ok: false, error: { details: { issues: [{ rule: 'version_tampered' }] } } })
    expect(state()).toBe(before2)
  })
})

describe('a version that unpacks to more than it may', () => {
  it('is refused, as a version that does not match its hash', () => {
    const header = {
      number: 1,
      title: '春播方案',
      note: '',
      author: '王经理',
      createdAt: '2026-03-01T00:00:00.000Z',
    }
    const content = JSON.stringify({ pad: 'x'.repeat(10_000) })
    const v = toFileVersion({
      id: 1,
      ...header,
      content,
      hash: versionHash(header, content),
      fieldCount: 0,
      scenarioCount: 0,
      submission: null,
      comments: [],
      decision: null,
    })
    expect(v.contentGzip.length).toBeLessThan(200)
    expect(fromFileVersion(v).content).toBe(content)
    const rule = (() => {
      try {
        fromFileVersion(v, 1_000)
      } catch (error) {
        return (error as AppError).details.issues?.[0]?.rule
      }
      return null
    })()
    expect(rule).toBe('version_tampered')
  })
})
