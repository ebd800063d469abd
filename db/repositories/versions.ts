import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import type { DecisionRules, MeetingKind } from '../../engine/board/decision-rules'
import type {
  CommentRole,
  DecisionOutcome,
  DecisionRecord,
  VersionComment,
  VersionStatus,
} from '../../engine/board/version'
import { AppError } from '../../engine/errors'
import type { DB } from '../connection'
import { recordAudit } from './audit'
import type { WriteContext } from './context'
import { checkRevision } from './revision'

/**
 * Plan versions, their review and their decisions. Versions, submissions, comments and decisions
 * are only ever inserted: the schema's triggers refuse any UPDATE or DELETE of them, and any
 * comment or submission on a decided version.
 */

/** A version's header: what its hash covers together with its content text. */
export type VersionHeader = {
  number: number
  title: string
  note: string
  author: string
  createdAt: string
}

/**
 * The hash of a version: SHA-256 over its header and the exact content text stored. Any change
 * to a stored row (a title, a digit of a result) gives another hash.
 */
export function versionHash(header: VersionHeader, content: string): string {
  const h = createHash('sha256')
  h.update(JSON.stringify([header.number, header.title, header.note, header.author, header.createdAt]))
  h.update('\n')
  h.update(content)
  return `sha256:${h.digest('hex')}`
}

export type VersionRow = VersionHeader & {
  id: number
  hash: string
  fieldCount: number
  scenarioCount: number
  submittedAt: string | null
  decidedAt: string | null
  outcome: DecisionOutcome | null
  commentCount: number
}

type Row = {
  id: number
  number: number
  title: string
  note: string
  author: string
  created_at: string
  hash: string
  field_count: number
  scenario_count: number
  submitted_at: string | null
  decided_at: string | null
  outcome: DecisionOutcome | null
  comment_count: number
}

const SELECT_ROWS = `
  SELECT v.id, v.number, v.title, v.note, v.author, v.created_at, v.hash, v.field_count, v.scenario_count,
         s.submitted_at, d.recorded_at AS decided_at, d.outcome,
         (SELECT count(*) FROM version_comment c WHERE c.version_id = v.id) AS comment_count
  FROM plan_version v
  LEFT JOIN version_submission s ON s.version_id = v.id
  LEFT JOIN version_decision d ON d.version_id = v.id`

function fromRow(r: Row): VersionRow {
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    note: r.note,
    author: r.author,
    createdAt: r.created_at,
    hash: r.hash,
    fieldCount: r.field_count,
    scenarioCount: r.scenario_count,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    outcome: r.outcome,
    commentCount: r.comment_count,
  }
}

export function statusOf(row: Pick<VersionRow, 'outcome' | 'submittedAt'>): VersionStatus {
  if (row.outcome) return row.outcome
  return row.submittedAt ? 'inReview' : 'frozen'
}

/** Every version, newest first. */
export function listVersionRows(db: DB): VersionRow[] {
  return (db.prepare(`${SELECT_ROWS} ORDER BY v.number DESC`).all() as Row[]).map(fromRow)
}

export function getVersionRow(db: DB, id: number): VersionRow | null {
  const row = db.prepare(`${SELECT_ROWS} WHERE v.id = ?`).get(id) as Row | undefined
  return row ? fromRow(row) : null
}

/** The stored content text of a version, exactly as its hash covers it. */
export function versionContentText(db: DB, id: number): string | null {
  const row = db.prepare('SELECT content FROM plan_version WHERE id = ?').get(id) as
    | { content: string }
    | undefined
  return row?.content ?? null
}

/** Whether a stored version still matches its hash (its row was not changed outside the app). */
export function verifyVersion(db: DB, row: VersionRow): boolean {
  const content = versionContentText(db, row.id)
  return content !== null && versionHash(row, content) === row.hash
}

/**
 * Stores a new version with the next number. The caller has built the content; the number and
 * time are taken here, inside the transaction, so two freezes never share a number.
 */
export function insertVersion(
  db: DB,
  ctx: WriteContext,
  v: {
    title: string
    note: string
    author: string
    content: string
    fieldCount: number
    scenarioCount: number
  },
): VersionRow {
  return db.transaction(() => {
    const last = db.prepare('SELECT max(number) AS n FROM plan_version').get() as { n: number | null }
    const header: VersionHeader = {
      number: (last.n ?? 0) + 1,
      title: v.title,
      note: v.note,
      author: v.author,
      createdAt: ctx.now().toISOString(),
    }
    const hash = versionHash(header, v.content)
    const info = db
      .prepare(
        `INSERT INTO plan_version (number, title, note, author, created_at, content, hash, field_count, scenario_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        header.number,
        header.title,
        header.note,
        header.author,
        header.createdAt,
        v.content,
        hash,
        v.fieldCount,
        v.scenarioCount,
      )
    const id = Number(info.lastInsertRowid)
    // The freeze is logged at the version's own time, so a version's period ends with its freeze.
    const atFreeze: WriteContext = { ...ctx, now: () => new Date(header.createdAt) }
    recordAudit(db, atFreeze, {
      action: 'create',
      entity: 'version',
      entityId: id,
      summary: `${header.number} ${header.title}`,
      detail: { event: 'freeze', number: header.number, title: header.title, author: header.author, hash },
    })
    const row = getVersionRow(db, id)
    if (!row) throw new Error('version vanished after insert')
    return row
  })()
}

export function insertSubmission(db: DB, ctx: WriteContext, row: VersionRow, by: string): void {
  db.transaction(() => {
    db.prepare(
      'INSERT INTO version_submission (version_id, submitted_at, submitted_by) VALUES (?, ?, ?)',
    ).run(row.id, ctx.now().toISOString(), by)
    recordAudit(db, ctx, {
      action: 'update',
      entity: 'version',
      entityId: row.id,
      summary: `${row.number} ${row.title}`,
      detail: { event: 'submit', number: row.number, title: row.title, by },
    })
  })()
}

type CommentRow = {
  id: number
  version_id: number
  reply_to: number | null
  scenario_id: number | null
  field_id: number | null
  author: string
  role: CommentRole
  body: string
  created_at: string
}

function commentOf(r: CommentRow): VersionComment {
  return {
    id: r.id,
    versionId: r.version_id,
    replyTo: r.reply_to,
    scenarioId: r.scenario_id,
    fieldId: r.field_id,
    author: r.author,
    role: r.role,
    body: r.body,
    createdAt: r.created_at,
  }
}

export function listComments(db: DB, versionId: number): VersionComment[] {
  return (
    db
      .prepare('SELECT * FROM version_comment WHERE version_id = ? ORDER BY id')
      .all(versionId) as CommentRow[]
  ).map(commentOf)
}

export function insertComment(
  db: DB,
  ctx: WriteContext,
  row: VersionRow,
  c: Omit<VersionComment, 'id' | 'versionId' | 'createdAt'>,
): VersionComment {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO version_comment (version_id, reply_to, scenario_id, field_id, author, role, body, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(row.id, c.replyTo, c.scenarioId, c.fieldId, c.author, c.role, c.body, ctx.now().toISOString())
    const id = Number(info.lastInsertRowid)
    recordAudit(db, ctx, {
      action: 'update',
      entity: 'version',
      entityId: row.id,
      summary: `${row.number} ${row.title}`,
      detail: { event: 'comment', number: row.number, title: row.title, by: c.author, commentId: id },
    })
    const stored = db.prepare('SELECT * FROM version_comment WHERE id = ?').get(id) as CommentRow
    return commentOf(stored)
  })()
}

type DecisionRow = {
  version_id: number
  meeting_date: string
  kind: MeetingKind
  members: number
  attending: number
  votes_for: number
  votes_against: number
  abstaining: number
  extra_votes_total: number
  extra_votes_for: number
  rules_json: string
  valid: number
  outcome: DecisionOutcome
  scenario_id: number | null
  scenario_name: string | null
  resolution: string
  recorded_by: string
  recorded_at: string
}

export function getDecision(db: DB, versionId: number): DecisionRecord | null {
  const r = db.prepare('SELECT * FROM version_decision WHERE version_id = ?').get(versionId) as
    | DecisionRow
    | undefined
  if (!r) return null
  return {
    versionId: r.version_id,
    meetingDate: r.meeting_date,
    kind: r.kind,
    vote: {
      kind: r.kind,
      members: r.members,
      attending: r.attending,
      votesFor: r.votes_for,
      votesAgainst: r.votes_against,
      abstaining: r.abstaining,
      extraVotesTotal: r.extra_votes_total,
      extraVotesFor: r.extra_votes_for,
    },
    rules: JSON.parse(r.rules_json) as DecisionRules,
    outcome: r.outcome,
    scenarioId: r.scenario_id,
    scenarioName: r.scenario_name,
    resolution: r.resolution,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }
}

export function insertDecision(
  db: DB,
  ctx: WriteContext,
  row: VersionRow,
  d: Omit<DecisionRecord, 'recordedAt' | 'versionId' | 'kind'>,
  valid: boolean,
): DecisionRecord {
  return db.transaction(() => {
    const v = d.vote
    db.prepare(
      `INSERT INTO version_decision (version_id, meeting_date, kind, members, attending, votes_for, votes_against,
         abstaining, extra_votes_total, extra_votes_for, rules_json, valid, outcome, scenario_id, scenario_name,
         resolution, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      row.id,
      d.meetingDate,
      v.kind,
      v.members,
      v.attending,
      v.votesFor,
      v.votesAgainst,
      v.abstaining,
      v.extraVotesTotal,
      v.extraVotesFor,
      JSON.stringify(d.rules),
      valid ? 1 : 0,
      d.outcome,
      d.scenarioId,
      d.scenarioName,
      d.resolution,
      d.recordedBy,
      ctx.now().toISOString(),
    )
    recordAudit(db, ctx, {
      action: 'update',
      entity: 'version',
      entityId: row.id,
      summary: `${row.number} ${row.title}`,
      detail: {
        event: 'decision',
        number: row.number,
        title: row.title,
        outcome: d.outcome,
        scenario: d.scenarioName,
        by: d.recordedBy,
      },
    })
    const stored = getDecision(db, row.id)
    if (!stored) throw new Error('decision vanished after insert')
    return stored
  })()
}

/** The charter's rules as stored (null: none stored, the law's apply) and their revision. */
export function getCharterRow(db: DB): { rules: unknown; revision: number } | null {
  const r = db.prepare('SELECT rules_json, revision FROM charter WHERE id = 1').get() as
    | { rules_json: string; revision: number }
    | undefined
  return r ? { rules: JSON.parse(r.rules_json) as unknown, revision: r.revision } : null
}

export function setCharterRow(db: DB, ctx: WriteContext, rules: object, expected: number | null): number {
  return db.transaction(() => {
    const current = getCharterRow(db)
    checkRevision('charter', 1, current?.revision ?? null, expected)
    const at = ctx.now().toISOString()
    const json = JSON.stringify(rules)
    if (current)
      db.prepare(
        'UPDATE charter SET rules_json = ?, revision = revision + 1, updated_at = ? WHERE id = 1',
      ).run(json, at)
    else
      db.prepare('INSERT INTO charter (id, rules_json, revision, updated_at) VALUES (1, ?, 1, ?)').run(
        json,
        at,
      )
    recordAudit(db, ctx, {
      action: 'settings',
      entity: 'charter',
      entityId: null,
      summary: 'charter',
      detail: { from: current?.rules ?? null, to: rules },
    })
    return (current?.revision ?? 0) + 1
  })()
}

/** The approved versions of a workspace file, by number with their hashes. */
export function approvedVersions(db: DB): { number: number; hash: string }[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'version_decision'")
    .get()
  if (!exists) return []
  return db
    .prepare(
      `SELECT v.number, v.hash FROM plan_version v JOIN version_decision d ON d.version_id = v.id
       WHERE d.outcome = 'approved' ORDER BY v.number`,
    )
    .all() as { number: number; hash: string }[]
}

/**
 * Refuses to put a backup in place of the workspace when the backup lacks an approved version
 * the workspace has (or holds it with another hash): a restore must not undo a board's decision.
 */
export function checkRestoreKeepsApproved(current: DB, backupFile: string): void {
  const mine = approvedVersions(current)
  if (mine.length === 0) return
  const probe = new Database(backupFile, { readonly: true })
  let theirs: Map<number, string>
  try {
    theirs = new Map(approvedVersions(probe).map((v) => [v.number, v.hash]))
  } finally {
    probe.close()
  }
  const lost = mine.find((v) => theirs.get(v.number) !== v.hash)
  if (lost)
    throw new AppError('VALIDATION', 'The backup would lose an approved version', {
      issues: [{ path: ['file'], rule: 'restore_loses_approved', params: { number: lost.number } }],
    })
}
