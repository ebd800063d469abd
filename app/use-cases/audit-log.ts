import type { DB } from '../../db/connection'
import { pageAudit, varietyAfterUpdate } from '../../db/repositories/audit'
import { listGroups } from '../../db/repositories/groups'
import { listScenarios } from '../../db/repositories/scenarios'
import { listVarieties } from '../../db/repositories/varieties'
import type { AuditChange, AuditLogEntry, AuditPage } from '../contract/audit'
import type { ParsedInputOf } from '../contract/contract'

/** The keys whose values differ between two records (compared as stored, arrays and all). */
function differences(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: readonly string[],
): Record<string, AuditChange> {
  const changes: Record<string, AuditChange> = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.includes(key)) continue
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      changes[key] = { from: before[key] ?? null, to: after[key] ?? null }
    }
  }
  return changes
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * A page of the change log for the screen that reads it to the board: the entries as recorded,
 * what a variety's update changed (the log keeps only the variety before it), and today's names
 * of the varieties, groups and scenarios the entries refer to by id.
 */
export function readAuditLog(db: DB, query: ParsedInputOf<'audit:list'>): AuditPage {
  const page = pageAudit(db, query)
  const varieties = listVarieties(db)
  const byId = new Map(varieties.map((v) => [v.id, v as unknown as Record<string, unknown>]))
  const entries: AuditLogEntry[] = page.entries.map((entry) => {
    if (entry.entity !== 'variety' || entry.action !== 'update' || entry.entityId === null) return entry
    const before = entry.detail.before
    const after = varietyAfterUpdate(db, entry.id, entry.entityId, (id) => byId.get(id))
    if (!isRecord(before) || after === null) return entry
    return { ...entry, changes: differences(before, after, ['id', 'revision']) }
  })
  const names: AuditPage['names'] = { variety: {}, group: {}, scenario: {} }
  for (const v of varieties) names.variety[v.id] = v.name
  for (const g of listGroups(db)) names.group[g.id] = g.name
  // Scenarios are named only when an entry refers to one by id (a copy names its source, a season
  // the scenario carried out).
  if (
    entries.some(
      (e) =>
        (e.entity === 'scenario' && e.action === 'create' && e.detail.copyFrom != null) ||
        e.entity === 'season',
    )
  ) {
    for (const s of listScenarios(db)) names.scenario[s.id] = s.name
  }
  return { entries, nextBeforeId: page.nextBeforeId, names }
}
