import type { Charter } from '../../app/contract/contract'
import { LAW_RULES } from '../../engine/board/decision-rules'
import {
  type DecisionRecord,
  type VersionContent,
  type VersionDetail,
  type VersionSummary,
  versionResults,
} from '../../engine/board/version'
import { buildDemoPlan } from '../../engine/demo-plan'
import type { Plan } from '../../engine/schemas/plan'

/** The demo plan frozen as the engine would freeze it (its results and risk run included). */
export function contentOf(plan: Plan): VersionContent {
  return { plan, results: versionResults(plan) }
}

let demo: VersionContent | null = null
/** The demo as frozen, computed once per test file (the risk run takes a moment). */
export function demoContent(): VersionContent {
  demo ??= contentOf(buildDemoPlan())
  return demo
}

export const LAW_CHARTER: Charter = { members: LAW_RULES, board: LAW_RULES, revision: null }

export function summary(patch: Partial<VersionSummary> = {}): VersionSummary {
  return {
    id: 1,
    number: 1,
    title: '春播方案初稿',
    note: '',
    author: '王经理',
    createdAt: '2026-03-01T00:12:00.000Z',
    status: 'frozen',
    hash: `sha256:${'ab12'.repeat(16)}`,
    hashVerified: true,
    fieldCount: 24,
    scenarioCount: 4,
    commentCount: 0,
    submittedAt: null,
    decidedAt: null,
    ...patch,
  }
}

export function detail(
  patch: Partial<VersionDetail> = {},
  content: VersionContent = demoContent(),
): VersionDetail {
  return {
    ...summary(patch),
    content,
    comments: [],
    decision: null,
    coop: { name: '丰收示范合作社', county: '农安县' },
    ...patch,
  }
}

export function approvedDecision(patch: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    versionId: 1,
    meetingDate: '2026-03-10',
    kind: 'members',
    vote: {
      kind: 'members',
      members: 15,
      attending: 12,
      votesFor: 9,
      votesAgainst: 2,
      abstaining: 1,
      extraVotesTotal: 0,
      extraVotesFor: 0,
    },
    rules: LAW_RULES,
    outcome: 'approved',
    scenarioId: 2,
    scenarioName: '密植+水肥一体化',
    resolution: '同意按“密植+水肥一体化”方案实施。',
    recordedBy: '赵监事',
    recordedAt: '2026-03-10T08:00:00.000Z',
    ...patch,
  }
}
