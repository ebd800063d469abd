import { afterEach, describe, expect, it } from 'vitest'
import type { WorkspaceEntry, WorkspaceList } from '../../../app/contract/contract'
import type { ExportedPlanFile, PlanFilePreview } from '../../../app/contract/exchange'
import { parsePlanFile } from '../../../app/use-cases/plan-file'
import type { VersionDetail, VersionSummary } from '../../../engine/board/version'
import { evaluatePlan } from '../../../engine/model/evaluate'
import type { Plan } from '../../../engine/schemas/plan'
import { tempDir } from '../../helpers/db'
import { type HostProcess, startHostInFolder } from '../../helpers/host'
import { HSF_SCENARIO_ID, MEMBERS_VOTE } from '../../helpers/version'

// An agronomist's plan, out of one co-op's workspace and into a workspace of its own: everything
// the file carries arrives equal, and its versions still verify.
const hosts: HostProcess[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})

async function ok<T>(h: HostProcess, channel: string, input: unknown = {}): Promise<T> {
  const r = await h.call(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
  return r.value as T
}

/** The demo with a loan, the co-op's own HSF cost, and a version frozen, sent, commented and decided. */
async function reviewedWorkspace(h: HostProcess) {
  await ok(h, 'workspaces:create', { kind: 'demo', locale: 'zh-CN' })
  await ok(h, 'loans:create', {
    scenarioId: HSF_SCENARIO_ID,
    loan: {
      name: '农商行高标准农田贷',
      amountYuan: 300_000,
      annualRate: 0.045,
      termYears: 5,
      repayment: 'annuity',
      interestSubsidyShare: 0.5,
    },
  })
  await ok(h, 'assumptions:set', {
    key: 'hsf.investmentYuanPerHa',
    value: 36_000,
    low: 27_000,
    high: 45_000,
    note: '县农业农村局批复的概算',
    revision: null,
  })
  const v = await ok<VersionSummary>(h, 'versions:freeze', {
    title: '春播方案',
    note: '第一稿',
    author: '王经理',
  })
  await ok(h, 'versions:submit', { id: v.id, author: '王经理' })
  const c = await ok<{ id: number }>(h, 'versions:comment', {
    versionId: v.id,
    replyTo: null,
    scenarioId: HSF_SCENARIO_ID,
    fieldId: null,
    author: '赵监事',
    role: 'supervisor',
    body: '贴息比例请再确认。',
  })
  await ok(h, 'versions:comment', {
    versionId: v.id,
    replyTo: c.id,
    scenarioId: null,
    fieldId: null,
    author: '王经理',
    role: 'manager',
    body: '已确认 50%。',
  })
  await ok(h, 'versions:decide', {
    versionId: v.id,
    meetingDate: '2026-12-20',
    vote: MEMBERS_VOTE,
    outcome: 'approved',
    scenarioId: HSF_SCENARIO_ID,
    resolution: '同意实施。',
    recordedBy: '赵记录',
  })
  return v
}

describe('a plan file made into a new workspace', () => {
  it('round trip: fields, scenarios, assumptions, loans and versions arrive equal and verify', async () => {
    const h = await startHostInFolder(tempDir())
    hosts.push(h)
    const v = await reviewedWorkspace(h)
    const plan = await ok<Plan>(h, 'plan:get')
    const before = await ok<VersionDetail>(h, 'versions:get', { id: v.id })
    const exported = await ok<ExportedPlanFile>(h, 'exchange:export', { what: 'plan' })
    expect(exported.fileName).toMatch(/\.fengshou\.json$/)
    expect(parsePlanFile(exported.text)).toEqual(plan)

    const preview = await ok<PlanFilePreview>(h, 'exchange:preview', { text: exported.text })
    expect(preview).toMatchObject({
      name: plan.workspace.name,
      fieldCount: plan.fields.length,
      scenarioCount: plan.scenarios.length,
      versionCount: 1,
      checksumVerified: true,
      formatVersion: 2,
      conflicts: [],
    })
    expect(preview.appVersion).toMatch(/^\d+\.\d+\.\d+/)

    const current = (await ok<WorkspaceList>(h, 'workspaces:list')).current
    const made = await ok<WorkspaceEntry>(h, 'workspaces:import', { text: exported.text })
    // listed, not opened
    const list = await ok<WorkspaceList>(h, 'workspaces:list')
    expect(list.current).toBe(current)
    expect(list.workspaces.map((w) => w.id).sort()).toEqual([current, made.id].sort())
    // the same co-op's name is in the list already: the new one is numbered
    expect(made).toMatchObject({
      name: `${plan.workspace.name} (2)`,
      fieldCount: plan.fields.length,
      isCurrent: false,
    })

    await ok(h, 'workspaces:open', { id: made.id })
    const imported = await ok<Plan>(h, 'plan:get')
    expect(imported).toEqual({ ...plan, workspace: { ...plan.workspace, name: made.name } })
    expect(imported.loans).toHaveLength(1)
    expect(imported.assumptions.map((a) => [a.key, a.value])).toEqual([['hsf.investmentYuanPerHa', 36_000]])
    const versions = await ok<VersionSummary[]>(h, 'versions:list')
    expect(versions).toHaveLength(1)
    expect(versions[0]).toMatchObject({
      hash: before.hash,
      hashVerified: true,
      status: 'approved',
      commentCount: 2,
    })
    const after = await ok<VersionDetail>(h, 'versions:get', { id: versions[0]!.id })
    expect(after.content).toEqual(before.content)
    expect(after.comments).toEqual(before.comments)
    expect(after.decision).toEqual(before.decision)
    const totals = (p: Plan) => evaluatePlan(p).scenarios.map((s) => [s.scenarioId, s.totals])
    expect(totals(imported)).toEqual(totals(plan))
    // the approved version is still locked in its new workspace
    const locked = await h.call('versions:comment', {
      versionId: after.id,
      replyTo: null,
      scenarioId: null,
      fieldId: null,
      author: '王经理',
      role: 'manager',
      body: '补充',
    })
    expect(locked).toMatchObject({ ok: false, error: { details: { issues: [{ rule: 'version_locked' }] } } })
  })

  it('a chosen version, or chosen scenarios, make files of their own', async () => {
    const h = await startHostInFolder(tempDir())
    hosts.push(h)
    const v = await reviewedWorkspace(h)
    await ok(h, 'scenarios:rename', { id: HSF_SCENARIO_ID, name: '冻结后改名' })
    const one = await ok<ExportedPlanFile>(h, 'exchange:export', { what: 'version', versionId: v.id })
    const frozen = parsePlanFile(one.text)
    expect(frozen.scenarios.find((s) => s.id === HSF_SCENARIO_ID)!.name).not.toBe('冻结后改名')
    const preview = await ok<PlanFilePreview>(h, 'exchange:preview', { text: one.text })
    expect(preview.versionCount).toBe(1)

    const some = await ok<ExportedPlanFile>(h, 'exchange:export', {
      what: 'scenarios',
      scenarioIds: [HSF_SCENARIO_ID],
    })
    const chosen = parsePlanFile(some.text)
    expect(chosen.scenarios.map((s) => [s.isBaseline, s.id])).toEqual([
      [true, 1],
      [false, HSF_SCENARIO_ID],
    ])
    expect(chosen.loans.map((l) => l.scenarioId)).toEqual([HSF_SCENARIO_ID])
    expect((await ok<PlanFilePreview>(h, 'exchange:preview', { text: some.text })).versionCount).toBe(0)
  })
})
