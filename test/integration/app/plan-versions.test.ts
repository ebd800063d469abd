import { afterAll, describe, expect, it } from 'vitest'
import type { Charter, VersionComparison } from '../../../app/contract/contract'
import {
  type DecisionRecord,
  VERSION_LIMITS,
  type VersionComment,
  type VersionDetail,
  type VersionSummary,
  versionResults,
} from '../../../engine/board/version'
import type { Field } from '../../../engine/schemas/field'
import type { Plan } from '../../../engine/schemas/plan'
import { demoWorkspace } from '../../helpers/demo-workspace'

// Versions, review and decisions over the same dispatch every transport uses, on the demo.
function workspace() {
  const { ws, call, ok, refusedRule } = demoWorkspace()
  /** Everything stored about the versions, as text: any change to any of it shows. */
  const storedVersions = () =>
    JSON.stringify([
      ws.db.prepare('SELECT * FROM plan_version ORDER BY id').all(),
      ws.db.prepare('SELECT * FROM version_submission ORDER BY version_id').all(),
      ws.db.prepare('SELECT * FROM version_comment ORDER BY id').all(),
      ws.db.prepare('SELECT * FROM version_decision ORDER BY version_id').all(),
    ])
  const auditCount = () => (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
  return { ws, call, ok, refusedRule, storedVersions, auditCount }
}

const VALID_VOTE = {
  kind: 'members',
  members: 15,
  attending: 12,
  votesFor: 9,
  votesAgainst: 2,
  abstaining: 1,
  extraVotesTotal: 0,
  extraVotesFor: 0,
}

describe('plan versions (versions:*)', () => {
  const { ws, call, ok, refusedRule, storedVersions, auditCount } = workspace()
  afterAll(() => ws.close())

  it('stores the plan and its results unchanged by later edits, and its hash verifies', () => {
    const planAtFreeze = ok<Plan>('plan:get')
    const v1 = ok<VersionSummary>('versions:freeze', { title: '春播方案', note: '', author: '王经理' })
    expect(v1).toMatchObject({ number: 1, status: 'frozen', hashVerified: true, author: '王经理' })
    expect(v1.hash).toMatch(/^sha256:[0-9a-f]{64}$/)
    // the freeze is logged at the version's own time: a version's period ends with its freeze
    const logged = ok<{ entries: { at: string; entity: string }[] }>('audit:list', { entities: ['version'] })
    expect(logged.entries.map((e) => e.at)).toEqual([v1.createdAt])
    const before = ok<VersionDetail>('versions:get', { id: v1.id })
    // what the engine gives for the plan as it was, as JSON carries numbers: bit for bit
    expect(before.content.results).toStrictEqual(JSON.parse(JSON.stringify(versionResults(planAtFreeze))))
    expect(before.content.plan).toStrictEqual(planAtFreeze)

    // the live plan changes: a field, an assumption, a scenario
    const field = ok<Field[]>('fields:list')[0]!
    const { id, revision, createdAt: _c, updatedAt: _u, ...input } = field
    ok('fields:update', { id, revision, field: { ...input, areaHa: input.areaHa + 5 } })
    ok('assumptions:set', {
      key: 'price.maize',
      value: 2.0,
      low: 1.8,
      high: 2.2,
      note: '今年收购价',
      revision: null,
    })
    const after = ok<VersionDetail>('versions:get', { id: v1.id })
    expect(after.content).toStrictEqual(before.content)
    expect(after.hash).toBe(v1.hash)
    expect(after.hashVerified).toBe(true)
    // bit-identical: every number is the same double
    const numbers = (x: unknown): number[] =>
      typeof x === 'number'
        ? [x]
        : x && typeof x === 'object'
          ? Object.values(x as object).flatMap(numbers)
          : []
    const a = numbers(before.content.results)
    const b = numbers(after.content.results)
    expect(b.length).toBe(a.length)
    expect(b.every((n, i) => Object.is(n, a[i]))).toBe(true)
  })

  it('names exactly the fields, scenario changes and assumption changes made between two versions', () => {
    const v1 = ok<VersionSummary[]>('versions:list').at(-1)!
    const v2 = ok<VersionSummary>('versions:freeze', { title: '第二稿', note: '', author: '王经理' })
    const fields = ok<Field[]>('fields:list')
    const [changed, removed] = [fields[1]!, fields[2]!]
    const { id, revision, createdAt: _c, updatedAt: _u, ...input } = changed
    ok('fields:update', {
      id,
      revision,
      field: { ...input, village: `${input.village}东`, qualityGrade: input.qualityGrade === 3 ? 4 : 3 },
    })
    ok('fields:delete', { id: removed.id, revision: removed.revision })
    const added = ok<Field>('fields:create', { ...input, name: '新开荒地', village: input.village })
    const plan = ok<Plan>('plan:get')
    const scenario = plan.scenarios.find((s) => !s.isBaseline)!
    const target = plan.fields.find(
      (f) => f.crop === 'maize' && f.id !== changed.id && !scenario.changes.some((c) => c.fieldId === f.id),
    )!
    ok('scenarios:apply', {
      scenarioId: scenario.id,
      fieldIds: [target.id],
      edit: { densityPlantsPerHa: 72_000 },
    })
    ok('scenarios:rename', { id: scenario.id, name: '滴灌加密 改' })
    const price = ok<{ key: string; revision: number | null }[]>('assumptions:list').find(
      (x) => x.key === 'price.maize',
    )!
    ok('assumptions:reset', { key: 'price.maize', revision: price.revision })
    const v3 = ok<VersionSummary>('versions:freeze', { title: '第三稿', note: '', author: '王经理' })

    const { diff } = ok<VersionComparison>('versions:diff', { fromId: v2.id, toId: v3.id })
    expect(diff.fields.added.map((f) => f.name)).toEqual(['新开荒地'])
    expect(diff.fields.removed.map((f) => f.id)).toEqual([removed.id])
    expect(diff.fields.changed.map((f) => [f.id, f.changes.map((c) => c.key).sort()])).toEqual([
      [changed.id, ['qualityGrade', 'village']],
    ])
    expect(diff.scenarios.added).toEqual([])
    expect(diff.scenarios.removed).toEqual([])
    expect(diff.scenarios.changed).toHaveLength(1)
    const sc = diff.scenarios.changed[0]!
    expect(sc.changes).toEqual([{ key: 'name', from: scenario.name, to: '滴灌加密 改' }])
    // the re-planned field, and the deleted field's change leaving the scenario (if it had one)
    const planned = sc.fields.find((f) => f.fieldId === target.id)!
    expect(planned.changes).toEqual([{ key: 'densityPlantsPerHa', from: null, to: 72_000 }])
    const frozenScenario = ok<VersionDetail>('versions:get', { id: v2.id }).content.plan.scenarios.find(
      (s) => s.id === scenario.id,
    )!
    const hadRemoved = frozenScenario.changes.some((c) => c.fieldId === removed.id)
    expect(hadRemoved).toBe(true)
    const expectedFieldIds = [target.id, removed.id]
    expect(sc.fields.map((f) => f.fieldId).sort((x, y) => x - y)).toEqual(
      expectedFieldIds.sort((x, y) => x - y),
    )
    expect(diff.assumptions).toEqual([
      { key: 'price.maize', unit: 'yuan/kg', from: { value: 2.0, low: 1.8, high: 2.2 }, to: null, note: '' },
    ])
    expect(diff.unchanged).toBe(false)
    // the figures of every scenario on both sides, and the field taken out shows in production
    const drip = diff.kpis.find((k) => k.scenarioId === scenario.id)!
    expect(drip.from).not.toBeNull()
    expect(drip.to!.productionKg).not.toBe(drip.from!.productionKg)
    expect(added.id).toBeGreaterThan(0)

    // v1 → v2 differ only by the first edits (area, price); nothing between v3 and itself
    const first = ok<VersionComparison>('versions:diff', { fromId: v1.id, toId: v2.id }).diff
    expect(first.fields.changed.map((f) => f.changes.map((c) => c.key))).toEqual([['areaHa']])
    expect(first.assumptions.map((x) => x.key)).toEqual(['price.maize'])
    expect(ok<VersionComparison>('versions:diff', { fromId: v3.id, toId: v3.id }).diff.unchanged).toBe(true)
  })

  it('refuses bad review input with a rule, and writes nothing', () => {
    const v = ok<VersionSummary[]>('versions:list')[0]!
    const early = {
      versionId: v.id,
      meetingDate: '2026-12-20',
      vote: VALID_VOTE,
      outcome: 'rejected',
      scenarioId: null,
      resolution: '未提交就表决',
      recordedBy: '赵记录',
    }
    // the meeting decides on what was sent to it
    expect(refusedRule('versions:decide', early)).toBe('version_not_submitted')
    ok('versions:submit', { id: v.id, author: '王经理' })
    const stored = storedVersions()
    const audits = auditCount()
    const comment = {
      versionId: v.id,
      replyTo: null,
      scenarioId: null,
      fieldId: null,
      author: '李理事',
      role: 'board',
    }
    expect(
      refusedRule('versions:comment', { ...comment, body: '长'.repeat(VERSION_LIMITS.commentMaxChars + 1) }),
    ).toBe('max_string')
    expect(refusedRule('versions:comment', { ...comment, fieldId: 999_999, body: '这块地在哪里？' })).toBe(
      'not_in_version',
    )
    const decision = {
      versionId: v.id,
      meetingDate: '2026-12-20',
      outcome: 'approved',
      scenarioId: null,
      resolution: '同意',
      recordedBy: '赵记录',
    }
    expect(refusedRule('versions:decide', { ...decision, vote: { ...VALID_VOTE, attending: 16 } })).toBe(
      'attending_over_members',
    )
    expect(refusedRule('versions:decide', { ...decision, vote: { ...VALID_VOTE, votesFor: 11 } })).toBe(
      'votes_over_attending',
    )
    // a draft that was never frozen has no version to decide on
    expect(refusedRule('versions:decide', { ...decision, versionId: 999_999, vote: VALID_VOTE })).toBe(
      'version_not_frozen',
    )
    // two thirds not present: refused as an approval, with the numbers
    const scenarioId = ok<VersionDetail>('versions:get', { id: v.id }).content.plan.scenarios.find(
      (s) => !s.isBaseline,
    )!.id
    const r = call('versions:decide', {
      ...decision,
      scenarioId,
      vote: { ...VALID_VOTE, attending: 9, votesFor: 9, votesAgainst: 0, abstaining: 0 },
    })
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error.details.issues?.[0]).toMatchObject({
        rule: 'decision_not_valid',
        params: { attending: 9, attendanceNeeded: 10 },
      })
    // a majority of those present (7 of 12) but not of all 15 voting rights
    expect(
      refusedRule('versions:decide', {
        ...decision,
        scenarioId,
        vote: { ...VALID_VOTE, votesFor: 7, votesAgainst: 5, abstaining: 0 },
      }),
    ).toBe('decision_not_valid')
    // an approval names a scenario of the version
    expect(refusedRule('versions:decide', { ...decision, vote: VALID_VOTE })).toBe('decision_needs_scenario')
    expect(refusedRule('versions:decide', { ...decision, scenarioId: 999_999, vote: VALID_VOTE })).toBe(
      'not_in_version',
    )
    expect(storedVersions()).toBe(stored)
    expect(auditCount()).toBe(audits)
  })

  it('takes a submission, a thread and one valid decision, then locks the version', () => {
    const v = ok<VersionSummary[]>('versions:list')[0]!
    // sent once: submitting again changes nothing
    expect(ok<VersionSummary>('versions:submit', { id: v.id, author: '王经理' }).status).toBe('inReview')
    const detail = ok<VersionDetail>('versions:get', { id: v.id })
    const scenario = detail.content.plan.scenarios.find((s) => !s.isBaseline)!
    const field = detail.content.plan.fields[0]!
    const question = ok<VersionComment>('versions:comment', {
      versionId: v.id,
      replyTo: null,
      scenarioId: scenario.id,
      fieldId: field.id,
      author: '李理事',
      role: 'board',
      body: '这块地的滴灌投资谁出？',
    })
    const answer = ok<VersionComment>('versions:comment', {
      versionId: v.id,
      replyTo: question.id,
      scenarioId: null,
      fieldId: null,
      author: '王经理',
      role: 'manager',
      body: '合作社出三成，其余贷款。',
    })
    expect(answer.replyTo).toBe(question.id)
    const decided = ok<DecisionRecord>('versions:decide', {
      versionId: v.id,
      meetingDate: '2026-12-20',
      vote: VALID_VOTE,
      outcome: 'approved',
      scenarioId: scenario.id,
      resolution: '同意按滴灌加密方案实施。',
      recordedBy: '赵记录',
    })
    expect(decided).toMatchObject({ outcome: 'approved', scenarioName: scenario.name, kind: 'members' })
    const locked = ok<VersionDetail>('versions:get', { id: v.id })
    expect(locked.status).toBe('approved')
    expect(locked.comments.map((c) => c.body)).toEqual([question.body, answer.body])
    const more = {
      versionId: v.id,
      replyTo: null,
      scenarioId: null,
      fieldId: null,
      author: '李理事',
      role: 'board',
    }
    expect(refusedRule('versions:comment', { ...more, body: '补一句' })).toBe('version_locked')
    expect(refusedRule('versions:submit', { id: v.id, author: '王经理' })).toBe('version_locked')
    expect(
      refusedRule('versions:decide', {
        versionId: v.id,
        meetingDate: '2026-12-21',
        vote: VALID_VOTE,
        outcome: 'rejected',
        scenarioId: null,
        resolution: '重议',
        recordedBy: '赵记录',
      }),
    ).toBe('version_locked')
  })

  it('keeps a charter no looser than the law, and checks decisions by it', () => {
    const law = ok<Charter>('charter:get')
    expect(law.revision).toBeNull()
    const looser = { ...law, members: { ...law.members, attendance: { num: 1, den: 2, strict: false } } }
    expect(refusedRule('charter:set', { members: looser.members, board: law.board, revision: null })).toBe(
      'charter_below_law',
    )
    const stricter = ok<Charter>('charter:set', {
      members: { ...law.members, majority: { num: 2, den: 3, strict: false } },
      board: law.board,
      revision: null,
    })
    expect(stricter.revision).toBe(1)
    const v = ok<VersionSummary[]>('versions:list').find((x) => x.status === 'frozen')!
    ok('versions:submit', { id: v.id, author: '王经理' })
    const scenarioId = ok<VersionDetail>('versions:get', { id: v.id }).content.plan.scenarios.find(
      (s) => !s.isBaseline,
    )!.id
    // 9 of 15 is a majority of all voting rights, but not the charter's two thirds (10)
    expect(
      refusedRule('versions:decide', {
        versionId: v.id,
        meetingDate: '2026-12-20',
        vote: VALID_VOTE,
        outcome: 'approved',
        scenarioId,
        resolution: '同意',
        recordedBy: '赵记录',
      }),
    ).toBe('decision_not_valid')
  })

  it('detects a version row changed outside the app, and takes nothing more on it', () => {
    const v = ok<VersionSummary[]>('versions:list').find((x) => x.status !== 'approved')!
    // someone edits the file with another tool: the triggers must be dropped first
    ws.db.exec('DROP TRIGGER plan_version_never_updated')
    ws.db
      .prepare(
        'UPDATE plan_version SET content = replace(content, \'"upliftPct":\', \'"upliftPct":1\') WHERE id = ?',
      )
      .run(v.id)
    const listed = ok<VersionSummary[]>('versions:list').find((x) => x.id === v.id)!
    expect(listed.hashVerified).toBe(false)
    expect(ok<VersionDetail>('versions:get', { id: v.id }).hashVerified).toBe(false)
    // the others still verify
    expect(
      ok<VersionSummary[]>('versions:list')
        .filter((x) => x.id !== v.id)
        .every((x) => x.hashVerified),
    ).toBe(true)
    expect(
      refusedRule('versions:comment', {
        versionId: v.id,
        replyTo: null,
        scenarioId: null,
        fieldId: null,
        author: '李理事',
        role: 'board',
        body: '这一版还能看吗？',
      }),
    ).toBe('version_tampered')
  })

  it('refuses any UPDATE or DELETE of a version, comment or decision in the file itself', () => {
    for (const sql of [
      'DELETE FROM plan_version',
      'UPDATE version_comment SET body = body',
      'DELETE FROM version_comment',
      'UPDATE version_decision SET outcome = outcome',
      'DELETE FROM version_decision',
      'DELETE FROM version_submission',
    ])
      expect(() => ws.db.exec(sql), sql).toThrow(/never/)
  })
})
