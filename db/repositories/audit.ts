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

export function listAudit(db: DB, limit = 200): AuditEntry[] {
  const rows = db
    .prepare(
      'SELECT id, at, actor, action, entity, entity_id, summary, detail_json FROM audit_log ORDER BY id DESC LIMIT ?',
    )
    .all(limit) as AuditRow[]
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    summary: r.summary,
    detail: JSON.parse(r.detail_json) as Record<string, unknown>,
  }))
}
