import { LAW_RULES } from '../../engine/board/decision-rules'
import { type DecisionRecord, type VersionDetail, versionResults } from '../../engine/board/version'
import { buildDemoPlan, DEMO_SCENARIO_NAMES } from '../../engine/demo-plan'
import type { Plan } from '../../engine/schemas/plan'

/** The demo scenario that builds high-standard farmland: the one the fixture's meeting chooses. */
export const HSF_SCENARIO_ID = 3

/**
 * The demo plan as a board would see it frozen: a loan on the HSF scenario, the co-op's own HSF
 * cost per mu (with its reason) — so every section of the pack has something to show.
 */
export function versionPlan(): Plan {
  const plan = buildDemoPlan()
  return {
    ...plan,
    assumptions: [
      {
        key: 'hsf.investmentYuanPerHa',
        value: 2400 * 15,
        low: 1800 * 15,
        high: 3000 * 15,
        note: '县农业农村局 2025 年批复的项目概算为每亩 2,400 元',
        changedAt: '2026-02-20T08:00:00.000Z',
      },
    ],
    loans: [
      {
        id: 1,
        scenarioId: HSF_SCENARIO_ID,
        name: '农商行高标准农田贷',
        amountYuan: 300_000,
        annualRate: 0.045,
        termYears: 5,
        repayment: 'annuity',
        interestSubsidyShare: 0.5,
      },
    ],
  }
}

/** A valid vote of a general meeting: 24 of 30 members present, 20 for (more than half of all). */
export const MEMBERS_VOTE = {
  kind: 'members',
  members: 30,
  attending: 24,
  votesFor: 20,
  votesAgainst: 3,
  abstaining: 1,
  extraVotesTotal: 0,
  extraVotesFor: 0,
} as const

/** A valid approval of the HSF scenario by a general meeting of 30 members. */
export function approval(plan: Plan): DecisionRecord {
  return {
    versionId: 7,
    meetingDate: '2026-03-01',
    kind: 'members',
    vote: MEMBERS_VOTE,
    rules: LAW_RULES,
    outcome: 'approved',
    scenarioId: HSF_SCENARIO_ID,
    scenarioName: plan.scenarios.find((s) => s.id === HSF_SCENARIO_ID)!.name,
    resolution: '同意按“建设高标准农田”方案实施，2026 年春耕前完成招标。',
    recordedBy: '王会计',
    recordedAt: '2026-03-01T10:30:00.000Z',
  }
}

const HASH = `sha256:${'3f'.repeat(32)}`

/** A stored version of the demo plan, made with the engine as freezing makes it. */
export function versionDetail(patch: Partial<VersionDetail> = {}): VersionDetail {
  const plan = versionPlan()
  return {
    id: 7,
    number: 3,
    title: '2026 年春播方案',
    note: '按 2 月 18 日理事会意见修改了投资概算。',
    author: '李经理',
    createdAt: '2026-02-25T02:00:00.000Z',
    status: 'approved',
    hash: HASH,
    hashVerified: true,
    fieldCount: plan.fields.length,
    scenarioCount: plan.scenarios.length,
    commentCount: 2,
    submittedAt: '2026-02-26T02:00:00.000Z',
    decidedAt: '2026-03-01T10:30:00.000Z',
    content: { plan, results: versionResults(plan) },
    comments: [
      {
        id: 1,
        versionId: 7,
        replyTo: null,
        scenarioId: HSF_SCENARIO_ID,
        fieldId: null,
        author: '赵监事',
        role: 'supervisor',
        body: '贷款的贴息比例请再和农商行确认。',
        createdAt: '2026-02-27T01:00:00.000Z',
      },
      {
        id: 2,
        versionId: 7,
        replyTo: 1,
        scenarioId: null,
        fieldId: null,
        author: '李经理',
        role: 'manager',
        body: '已确认：贴息 50%。',
        createdAt: '2026-02-27T03:00:00.000Z',
      },
    ],
    decision: approval(plan),
    coop: { name: plan.workspace.name, county: plan.workspace.county },
    ...patch,
  }
}

export { DEMO_SCENARIO_NAMES }
