import { z } from 'zod'
import { effectiveAssumptions } from '../assumptions/resolve'
import type { Confidence, Source } from '../assumptions/types'
import { evaluatePlan } from '../model/evaluate'
import type { CashFlowYear, FinanceResult } from '../model/finance/cash-flow'
import { type LoanYear, loanSchedule } from '../model/finance/loans'
import type { ScenarioResult } from '../model/types'
import type { ScenarioRisk } from '../risk/merge'
import { simulateRisk } from '../risk/simulate'
import type { WaterRegime } from '../schemas/field'
import type { PlanLoan } from '../schemas/loan'
import type { Plan } from '../schemas/plan'
import type { DecisionRules, MeetingKind, Vote } from './decision-rules'

/**
 * A plan version (方案版本): the plan as it stood when the manager froze it, with the results the
 * engine gave for it then. A version is never recomputed: the board pack, the diff and the
 * decision all read what was stored, so a later change to the plan or to the app's defaults
 * cannot change what the board saw.
 */

/** The risk run a version stores: the Risk screen's defaults, so the two show the same figures. */
export const VERSION_RISK = { draws: 10_000, seed: 1 } as const

export const VERSION_LIMITS = {
  titleMaxChars: 80,
  noteMaxChars: 2_000,
  authorMaxChars: 40,
  commentMaxChars: 2_000,
  resolutionMaxChars: 4_000,
  /** the largest meeting a co-op can have: a county's co-ops rarely pass a few thousand members */
  membersMax: 100_000,
} as const

const Count = z.number().int().min(0).max(VERSION_LIMITS.membersMax)

/** A meeting's vote as it is recorded: the decision channel takes it, plan files carry it. */
export const VoteSchema = z
  .object({
    kind: z.enum(['board', 'members']),
    members: Count,
    attending: Count,
    votesFor: Count,
    votesAgainst: Count,
    abstaining: Count,
    extraVotesTotal: Count,
    extraVotesFor: Count,
  })
  .strict()

/** One field under one scenario, as the field appendix and the diff need it. */
export type VersionFieldResult = {
  fieldId: number
  areaHa: number
  varietyId: number | null
  densityPlantsPerHa: number | null
  waterRegime: WaterRegime
  hasHsf: boolean
  baselineYieldKgPerHa: number
  yieldKgPerHa: number
  upliftPct: number
  grossMarginYuan: number
  investmentYuan: number
  warningCount: number
}

/** A scenario's result as stored: the evaluation's, with its loans' schedules and compact fields. */
export type VersionScenarioResult = Omit<ScenarioResult, 'fields'> & {
  /** each of the scenario's loans, year by year over the horizon */
  loans: { loan: PlanLoan; schedule: LoanYear[] }[]
  fields: VersionFieldResult[]
}

/** A scenario's risk as stored: the percentiles, without the run's samples. */
export type VersionRisk = Omit<ScenarioRisk, 'marginSamples'>

/** An assumption the co-op changed from the app's default, as it stood when frozen. */
export type VersionAssumption = {
  key: string
  unit: string
  value: number
  low: number
  high: number
  defaultValue: number
  defaultLow: number
  defaultHigh: number
  /** the co-op's reason for the change */
  note: string
  changedAt: string | null
  source: Source
  confidence: Confidence
}

export type VersionResults = {
  scenarios: VersionScenarioResult[]
  risk: { draws: number; seed: number; scenarios: VersionRisk[] }
  changedAssumptions: VersionAssumption[]
}

/** What a version stores and its hash covers, besides its header. */
export type VersionContent = { plan: Plan; results: VersionResults }

/**
 * Where a version is on its way to the board. `frozen`: made, not yet sent; `inReview`: sent to
 * the board for comments; `approved`: a valid decision approved it (it is then locked for good);
 * `rejected`: a meeting decided against it.
 */
export const VERSION_STATUSES = ['frozen', 'inReview', 'approved', 'rejected'] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]

/** A version as the list shows it (without its content). */
export type VersionSummary = {
  id: number
  number: number
  title: string
  note: string
  author: string
  createdAt: string
  status: VersionStatus
  /** 'sha256:' and 64 hex digits, over the header and the content */
  hash: string
  /** false when the stored row no longer matches its hash: it was changed outside the app */
  hashVerified: boolean
  fieldCount: number
  scenarioCount: number
  commentCount: number
  submittedAt: string | null
  decidedAt: string | null
}

export const COMMENT_ROLES = ['board', 'supervisor', 'member', 'manager'] as const
export type CommentRole = (typeof COMMENT_ROLES)[number]

/** One comment on a version; comments are only ever added, never edited or removed. */
export type VersionComment = {
  id: number
  versionId: number
  /** the comment it answers (a thread), or null */
  replyTo: number | null
  scenarioId: number | null
  fieldId: number | null
  author: string
  role: CommentRole
  body: string
  createdAt: string
}

export const DECISION_OUTCOMES = ['approved', 'rejected'] as const
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number]

/** A meeting's decision on a version (决议), as recorded; one per version. */
export type DecisionRecord = {
  versionId: number
  meetingDate: string
  kind: MeetingKind
  vote: Vote
  /** the rules the vote was checked against (the law's, or the charter's stricter ones) */
  rules: DecisionRules
  outcome: DecisionOutcome
  /** the scenario the meeting chose (null for a rejection) */
  scenarioId: number | null
  scenarioName: string | null
  resolution: string
  recordedBy: string
  recordedAt: string
}

export type VersionDetail = VersionSummary & {
  content: VersionContent
  comments: VersionComment[]
  decision: DecisionRecord | null
  /** the co-op's name and county when frozen (the cover) */
  coop: { name: string; county: string }
}

function fieldResults(
  fields: ReturnType<typeof evaluatePlan>['scenarios'][number]['fields'],
): VersionFieldResult[] {
  return fields.map((f) => ({
    fieldId: f.fieldId,
    areaHa: f.areaHa,
    varietyId: f.varietyId,
    densityPlantsPerHa: f.densityPlantsPerHa,
    waterRegime: f.waterRegime,
    hasHsf: f.hasHsf,
    baselineYieldKgPerHa: f.baselineYieldKgPerHa,
    yieldKgPerHa: f.yieldKgPerHa,
    upliftPct: f.upliftPct,
    grossMarginYuan: f.money.grossMarginYuan,
    investmentYuan: f.investmentYuan,
    warningCount: f.warnings.length,
  }))
}

/**
 * The results a version stores for a plan: the deterministic evaluation of every scenario, the
 * loan schedules, the risk percentiles (the Risk screen's run), and the assumptions changed from
 * the defaults with their sources. Pure: the same plan gives the same results, bit for bit.
 */
export function versionResults(plan: Plan): VersionResults {
  const evaluated = evaluatePlan(plan, { checkFinite: true })
  const horizonYears = (s: { finance: FinanceResult }) => Math.max(0, s.finance.cashFlow.length - 1)
  const scenarios = evaluated.scenarios.map((s) => ({
    scenarioId: s.scenarioId,
    name: s.name,
    isBaseline: s.isBaseline,
    totals: s.totals,
    finance: s.finance,
    byCrop: s.byCrop,
    warningCount: s.warningCount,
    loans: plan.loans
      .filter((l) => l.scenarioId === s.scenarioId)
      .map((loan) => ({ loan, schedule: loanSchedule(loan, horizonYears(s)) })),
    fields: fieldResults(s.fields),
  }))
  const risk = simulateRisk(plan, { draws: VERSION_RISK.draws, seed: VERSION_RISK.seed })
  const riskOf = (r: (typeof risk.scenarios)[number]): VersionRisk => ({
    scenarioId: r.scenarioId,
    name: r.name,
    isBaseline: r.isBaseline,
    productionKg: r.productionKg,
    grossMarginYuan: r.grossMarginYuan,
    yearlyInvestmentCostYuan: r.yearlyInvestmentCostYuan,
    probBeatsBaseline: r.probBeatsBaseline,
  })
  const changedAssumptions = effectiveAssumptions(plan.assumptions)
    .filter((a) => a.isOverridden)
    .map((a) => ({
      key: a.key,
      unit: a.unit,
      value: a.value,
      low: a.low,
      high: a.high,
      defaultValue: a.defaultValue,
      defaultLow: a.defaultLow,
      defaultHigh: a.defaultHigh,
      note: a.note,
      changedAt: a.changedAt,
      source: a.source,
      confidence: a.confidence,
    }))
  return {
    scenarios,
    risk: { draws: risk.draws, seed: risk.seed, scenarios: [risk.baseline, ...risk.scenarios].map(riskOf) },
    changedAssumptions,
  }
}

export type { CashFlowYear, LoanYear }
