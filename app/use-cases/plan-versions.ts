import { z } from 'zod'
import type { DB } from '../../db/connection'
import { readPlan } from '../../db/plan-store'
import type { WriteContext } from '../../db/repositories/context'
import {
  getCharterRow,
  getDecision,
  getVersionRow,
  insertComment,
  insertDecision,
  insertSubmission,
  insertVersion,
  listComments,
  listVersionRows,
  setCharterRow,
  statusOf,
  type VersionRow,
  verifyVersion,
  versionContentText,
} from '../../db/repositories/versions'
import {
  checkDecision,
  isAtLeastLaw,
  type VoteInputProblem,
  voteInputProblems,
} from '../../engine/board/decision-rules'
import {
  type DecisionRecord,
  type VersionComment,
  type VersionContent,
  type VersionDetail,
  type VersionSummary,
  versionResults,
} from '../../engine/board/version'
import { diffVersions } from '../../engine/board/version-diff'
import { AppError, type Issue, type Rule } from '../../engine/errors'
import {
  type Charter,
  DecisionRulesSchema,
  LAW_CHARTER,
  type ParsedInputOf,
  type VersionComparison,
} from '../contract/contract'

/**
 * Plan versions and their review: freeze the plan with its results, list and open versions (each
 * checked against its hash), compare two, and add a submission, comments and one decision. A
 * version that is decided, or no longer matches its hash, takes nothing more.
 */

function refuse(
  rule: Rule,
  params: Record<string, string | number> = {},
  path: (string | number)[] = [],
): AppError {
  return new AppError('VALIDATION', `Refused: ${rule}`, { issues: [{ path, rule, params }] })
}

function summaryOf(db: DB, row: VersionRow): VersionSummary {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    note: row.note,
    author: row.author,
    createdAt: row.createdAt,
    status: statusOf(row),
    hash: row.hash,
    hashVerified: verifyVersion(db, row),
    fieldCount: row.fieldCount,
    scenarioCount: row.scenarioCount,
    commentCount: row.commentCount,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
  }
}

export function listVersions(db: DB): VersionSummary[] {
  return listVersionRows(db).map((row) => summaryOf(db, row))
}

/**
 * Freezes the workspace's plan as the next version: the plan, the engine's results for it and the
 * risk run, stored as one JSON text and hashed. A plan the engine refuses is not frozen.
 */
export function freezeVersion(
  db: DB,
  ctx: WriteContext,
  input: ParsedInputOf<'versions:freeze'>,
): VersionSummary {
  const plan = readPlan(db)
  const content: VersionContent = { plan, results: versionResults(plan) }
  const row = insertVersion(db, ctx, {
    title: input.title,
    note: input.note,
    author: input.author,
    content: JSON.stringify(content),
    fieldCount: plan.fields.length,
    scenarioCount: plan.scenarios.length,
  })
  return summaryOf(db, row)
}

/** A version by id; a version that does not exist is a draft that was never frozen. */
function versionRow(db: DB, id: number): VersionRow {
  const row = getVersionRow(db, id)
  if (!row) throw refuse('version_not_frozen', {}, ['versionId'])
  return row
}

function contentOf(db: DB, row: VersionRow): VersionContent {
  const text = versionContentText(db, row.id)
  if (text === null) throw refuse('version_not_frozen')
  return JSON.parse(text) as VersionContent
}

export function getVersion(db: DB, id: number): VersionDetail {
  const row = getVersionRow(db, id)
  if (!row) throw new AppError('NOT_FOUND', 'No such version', { id })
  const content = contentOf(db, row)
  return {
    ...summaryOf(db, row),
    content,
    comments: listComments(db, row.id),
    decision: getDecision(db, row.id),
    coop: { name: content.plan.workspace.name, county: content.plan.workspace.county },
  }
}

export function compareVersions(db: DB, fromId: number, toId: number): VersionComparison {
  const from = getVersionRow(db, fromId)
  const to = getVersionRow(db, toId)
  if (!from || !to) throw new AppError('NOT_FOUND', 'No such version', { fromId, toId })
  return {
    from: summaryOf(db, from),
    to: summaryOf(db, to),
    diff: diffVersions(contentOf(db, from), contentOf(db, to)),
  }
}

/** A version that may still take a submission, a comment or a decision: frozen, intact, undecided. */
function openVersion(db: DB, id: number): VersionRow {
  const row = versionRow(db, id)
  if (row.outcome) throw refuse('version_locked', { number: row.number })
  if (!verifyVersion(db, row)) throw refuse('version_tampered', { number: row.number })
  return row
}

export function submitVersion(db: DB, ctx: WriteContext, id: number, author: string): VersionSummary {
  const row = openVersion(db, id)
  // Sent once: a second click or a second window finds it already with the board.
  if (!row.submittedAt) insertSubmission(db, ctx, row, author)
  return summaryOf(db, versionRow(db, id))
}

export function commentOnVersion(
  db: DB,
  ctx: WriteContext,
  input: ParsedInputOf<'versions:comment'>,
): VersionComment {
  const row = openVersion(db, input.versionId)
  const content = contentOf(db, row)
  const missing = (path: string) => refuse('not_in_version', { number: row.number }, [path])
  if (input.scenarioId !== null && !content.plan.scenarios.some((s) => s.id === input.scenarioId))
    throw missing('scenarioId')
  if (input.fieldId !== null && !content.plan.fields.some((f) => f.id === input.fieldId))
    throw missing('fieldId')
  if (input.replyTo !== null && !listComments(db, row.id).some((c) => c.id === input.replyTo))
    throw missing('replyTo')
  const { versionId: _v, ...comment } = input
  return insertComment(db, ctx, row, comment)
}

const VOTE_RULES: Record<VoteInputProblem['code'], Rule> = {
  notWholeNumber: 'integer',
  attendingOverMembers: 'attending_over_members',
  votesOverAttending: 'votes_over_attending',
  extraForOverExtraTotal: 'extra_for_over_total',
  noMembers: 'no_members',
}

function voteIssues(vote: ParsedInputOf<'versions:decide'>['vote']): Issue[] {
  return voteInputProblems(vote).map((p) => ({
    path: ['vote', p.code === 'notWholeNumber' ? p.field : p.code],
    rule: VOTE_RULES[p.code],
    params: {
      members: vote.members,
      attending: vote.attending,
      votes: vote.votesFor + vote.votesAgainst + vote.abstaining,
      extraFor: vote.extraVotesFor,
      extraTotal: vote.extraVotesTotal,
    },
  }))
}

/**
 * Records a meeting's decision on a version, once. The counts must describe a meeting; an approval
 * must meet the charter's rules for that kind of meeting and name one of the version's scenarios.
 * An approval locks the version; a rejection closes it too (the next proposal is a new version).
 */
export function decideVersion(
  db: DB,
  ctx: WriteContext,
  input: ParsedInputOf<'versions:decide'>,
): DecisionRecord {
  const issues = voteIssues(input.vote)
  if (issues.length > 0) throw new AppError('VALIDATION', 'The counts do not describe a meeting', { issues })
  const row = openVersion(db, input.versionId)
  // The meeting decides on what was sent to it.
  if (!row.submittedAt) throw refuse('version_not_submitted', { number: row.number }, ['versionId'])
  const content = contentOf(db, row)
  const rules = charter(db)[input.vote.kind]
  const check = checkDecision(input.vote, rules)
  const scenario =
    input.scenarioId === null
      ? null
      : content.plan.scenarios.find((s) => s.id === input.scenarioId && !s.isBaseline)
  if (input.scenarioId !== null && !scenario)
    throw refuse('not_in_version', { number: row.number }, ['scenarioId'])
  if (input.outcome === 'approved') {
    if (!check.valid)
      throw refuse('decision_not_valid', {
        attending: input.vote.attending,
        attendanceNeeded: check.attendanceNeeded,
        votesFor: check.votesForCounted,
        votesForNeeded: check.votesForNeeded,
        votingRights: check.votingRights,
      })
    if (!scenario) throw refuse('decision_needs_scenario', {}, ['scenarioId'])
  }
  return insertDecision(
    db,
    ctx,
    row,
    {
      meetingDate: input.meetingDate,
      vote: input.vote,
      rules,
      outcome: input.outcome,
      scenarioId: scenario?.id ?? null,
      scenarioName: scenario?.name ?? null,
      resolution: input.resolution,
      recordedBy: input.recordedBy,
    },
    check.valid,
  )
}

const StoredCharter = z.object({ members: DecisionRulesSchema, board: DecisionRulesSchema })

/** The co-op's charter rules; the law's where none are stored (or a stored set no longer reads). */
export function charter(db: DB): Charter {
  const row = getCharterRow(db)
  if (!row) return { ...LAW_CHARTER, revision: null }
  const parsed = StoredCharter.safeParse(row.rules)
  if (!parsed.success) return { ...LAW_CHARTER, revision: row.revision }
  return { ...parsed.data, revision: row.revision }
}

export function setCharter(db: DB, ctx: WriteContext, input: ParsedInputOf<'charter:set'>): Charter {
  const { revision, ...rules } = input
  for (const kind of ['members', 'board'] as const)
    if (!isAtLeastLaw(rules[kind])) throw refuse('charter_below_law', {}, [kind])
  setCharterRow(db, ctx, rules, revision)
  return charter(db)
}
