import type { AuditAction, AuditEntry } from '../../engine/schemas/workspace'
import type { DB } from '../connection'
import type { WriteContext } from './context'

type AuditRow = {
  id: number
  at: string
  actor: string
  action: AuditAction
  entity: string
  entity_id: number | null
  summary: string
  detail_json: string
}

/** Records who changed what. Call inside the transaction of the change itself. */
export function recordAudit(
  db: DB,
  ctx: WriteContext,
  entry: { action: AuditAction; entity: string; entityId: number | null; summary: string; detail?: object },
): void {
  db.prepare(
    `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, detail_json)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    ctx.now().toISOString(),
    ctx.actor,
    entry.action,
    entry.entity,
    entry.entityId,
    entry.summary,
    JSON.stringify(entry.detail ?? {}),
  )
}

/**
 * Which entries of the log to read, newest first. Every filter is optional; together they narrow.
 * `since` and `until` are instants (ISO 8601): since ≤ at < until.
 */
export type AuditQuery = {
  limit?: number
  /** only entries older than this one (the cursor of the page before) */
  beforeId?: number
  entities?: readonly string[]
  actions?: readonly AuditAction[]
  since?: string
  until?: string
  /** a piece of the name, the person or a value, as typed (case-insensitive for Latin letters) */
  text?: string
}

/** One page of the log and where the next (older) one starts; null when this was the last. */
export type AuditPageRows = { entries: AuditEntry[]; nextBeforeId: number | null }

const DEFAULT_LIMIT = 200

/** Times are stored as toISOString() gives them; a bound in any other ISO form is brought to it. */
function instant(iso: string): string {
  return new Date(iso).toISOString()
}

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    summary: r.summary,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
  }
}

function select(db: DB, query: AuditQuery, limit: number): AuditRow[] {
  const where: string[] = []
  const params: (string | number)[] = []
  if (query.beforeId !== undefined) {
    where.push('id < ?')
    params.push(query.beforeId)
  }
  if (query.entities && query.entities.length > 0) {
    where.push(`entity IN (${query.entities.map(() => '?').join(', ')})`)
    params.push(...query.entities)
  }
  if (query.actions && query.actions.length > 0) {
    where.push(`action IN (${query.actions.map(() => '?').join(', ')})`)
    params.push(...query.actions)
  }
  if (query.since !== undefined) {
    where.push('at >= ?')
    params.push(instant(query.since))
  }
  if (query.until !== undefined) {
    where.push('at < ?')
    params.push(instant(query.until))
  }
  const text = query.text?.trim() ?? ''
  if (text !== '') {
    // The typed text is matched literally: % and _ are not wildcards here.
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    where.push("(summary LIKE ? ESCAPE '\\' OR actor LIKE ? ESCAPE '\\' OR detail_json LIKE ? ESCAPE '\\')")
    params.push(pattern, pattern, pattern)
  }
  const sql = `SELECT id, at, actor, action, entity, entity_id, summary, detail_json FROM audit_log
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`
  return db.prepare(sql).all(...params, limit) as AuditRow[]
}

/** The log, newest first, filtered as asked. */
export function listAudit(db: DB, query: AuditQuery = {}): AuditEntry[] {
  return select(db, query, query.limit ?? DEFAULT_LIMIT).map(toEntry)
}

/** One page of the log, newest first, and the cursor of the next (older) page. */
export function pageAudit(db: DB, query: AuditQuery = {}): AuditPageRows {
  const limit = query.limit ?? DEFAULT_LIMIT
  const rows = select(db, query, limit + 1)
  const entries = rows.slice(0, limit).map(toEntry)
  return { entries, nextBeforeId: rows.length > limit ? entries[entries.length - 1]!.id : null }
}

/**
 * What a variety looked like right after one of its updates (the log keeps the state before
 * each update): the state before its next update, or, when there was none, as it is now. Unknown
 * (null) when the whole plan was replaced since (a plan file import gives ids to other varieties).
 */
export function varietyAfterUpdate(
  db: DB,
  entryId: number,
  varietyId: number,
  current: (id: number) => Record<string, unknown> | undefined,
): Record<string, unknown> | null {
  const next = db
    .prepare(
      `SELECT id, detail_json FROM audit_log WHERE entity = 'variety' AND entity_id = ? AND action = 'update'
       AND id > ? ORDER BY id LIMIT 1`,
    )
    .get(varietyId, entryId) as { id: number; detail_json: string } | undefined
  const replaced = db
    .prepare(`SELECT id FROM audit_log WHERE entity = 'plan' AND id > ? AND id < ? LIMIT 1`)
    .get(entryId, next?.id ?? Number.MAX_SAFE_INTEGER)
  if (replaced) return null
  if (next) {
    const before = (JSON.parse(next.detail_json) as { before?: unknown }).before
    return before !== null && typeof before === 'object' ? (before as Record<string, unknown>) : null
  }
  return current(varietyId) ?? null
}
