import type { DB } from '../connection'

/**
 * Plan versions carried whole between workspaces (plan files): each version's row with its exact
 * content text and hash, its submission, its comments and its decision, ids kept so that replies
 * and the decision still point where they pointed. Rows are only ever inserted, as the schema's
 * triggers require.
 */

export type VersionRecordRow = {
  id: number
  number: number
  title: string
  note: string
  author: string
  createdAt: string
  content: string
  hash: string
  fieldCount: number
  scenarioCount: number
  submission: { submittedAt: string; submittedBy: string } | null
  comments: {
    id: number
    replyTo: number | null
    scenarioId: number | null
    fieldId: number | null
    author: string
    role: string
    body: string
    createdAt: string
  }[]
  /** the decision row's columns as stored (rules as their JSON text) */
  decision: {
    meetingDate: string
    kind: string
    members: number
    attending: number
    votesFor: number
    votesAgainst: number
    abstaining: number
    extraVotesTotal: number
    extraVotesFor: number
    rulesJson: string
    valid: boolean
    outcome: string
    scenarioId: number | null
    scenarioName: string | null
    resolution: string
    recordedBy: string
    recordedAt: string
  } | null
}

const DECISION_COLUMNS = {
  meetingDate: 'meeting_date',
  kind: 'kind',
  members: 'members',
  attending: 'attending',
  votesFor: 'votes_for',
  votesAgainst: 'votes_against',
  abstaining: 'abstaining',
  extraVotesTotal: 'extra_votes_total',
  extraVotesFor: 'extra_votes_for',
  rulesJson: 'rules_json',
  valid: 'valid',
  outcome: 'outcome',
  scenarioId: 'scenario_id',
  scenarioName: 'scenario_name',
  resolution: 'resolution',
  recordedBy: 'recorded_by',
  recordedAt: 'recorded_at',
} as const

type Raw = Record<string, string | number | null>

/** The versions of a workspace (all, or the ids given), oldest first. */
export function readVersionRecords(db: DB, ids?: readonly number[]): VersionRecordRow[] {
  const rows = db.prepare('SELECT * FROM plan_version ORDER BY number').all() as Raw[]
  const wanted = ids ? new Set(ids) : null
  return rows
    .filter((r) => !wanted || wanted.has(r.id as number))
    .map((r) => {
      const id = r.id as number
      const s = db.prepare('SELECT * FROM version_submission WHERE version_id = ?').get(id) as Raw | undefined
      const comments = db
        .prepare('SELECT * FROM version_comment WHERE version_id = ? ORDER BY id')
        .all(id) as Raw[]
      const d = db.prepare('SELECT * FROM version_decision WHERE version_id = ?').get(id) as Raw | undefined
      return {
        id,
        number: r.number as number,
        title: r.title as string,
        note: r.note as string,
        author: r.author as string,
        createdAt: r.created_at as string,
        content: r.content as string,
        hash: r.hash as string,
        fieldCount: r.field_count as number,
        scenarioCount: r.scenario_count as number,
        submission: s
          ? { submittedAt: s.submitted_at as string, submittedBy: s.submitted_by as string }
          : null,
        comments: comments.map((c) => ({
          id: c.id as number,
          replyTo: c.reply_to as number | null,
          scenarioId: c.scenario_id as number | null,
          fieldId: c.field_id as number | null,
          author: c.author as string,
          role: c.role as string,
          body: c.body as string,
          createdAt: c.created_at as string,
        })),
        decision: d
          ? (Object.fromEntries(
              Object.entries(DECISION_COLUMNS).map(([key, column]) => [
                key,
                key === 'valid' ? d[column] === 1 : d[column],
              ]),
            ) as VersionRecordRow['decision'])
          : null,
      }
    })
}

/**
 * Inserts versions as they were (ids, numbers, times, content and hash); for a new workspace,
 * inside the transaction that writes its plan. Replies come after what they reply to.
 */
export function insertVersionRecords(db: DB, records: readonly VersionRecordRow[]): void {
  const version = db.prepare(
    `INSERT INTO plan_version (id, number, title, note, author, created_at, content, hash, field_count, scenario_count)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const submission = db.prepare(
    'INSERT INTO version_submission (version_id, submitted_at, submitted_by) VALUES (?, ?, ?)',
  )
  const comment = db.prepare(
    `INSERT INTO version_comment (id, version_id, reply_to, scenario_id, field_id, author, role, body, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const columns = Object.values(DECISION_COLUMNS)
  const decision = db.prepare(
    `INSERT INTO version_decision (version_id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`,
  )
  for (const v of records) {
    version.run(
      v.id,
      v.number,
      v.title,
      v.note,
      v.author,
      v.createdAt,
      v.content,
      v.hash,
      v.fieldCount,
      v.scenarioCount,
    )
    if (v.submission) submission.run(v.id, v.submission.submittedAt, v.submission.submittedBy)
    for (const c of [...v.comments].sort((a, b) => a.id - b.id))
      comment.run(c.id, v.id, c.replyTo, c.scenarioId, c.fieldId, c.author, c.role, c.body, c.createdAt)
    if (v.decision) {
      const d = v.decision
      decision.run(
        v.id,
        ...Object.keys(DECISION_COLUMNS).map((key) =>
          key === 'valid' ? (d.valid ? 1 : 0) : (d[key as keyof typeof d] as string | number | null),
        ),
      )
    }
  }
}
