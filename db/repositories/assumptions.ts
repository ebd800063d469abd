import { checkAssumption } from '../../engine/assumptions/bounds'
import { DEFAULT_BY_KEY } from '../../engine/assumptions/defaults'
import { migrateOverrides } from '../../engine/assumptions/retired'
import type { AssumptionOverride } from '../../engine/assumptions/types'
import { AppError } from '../../engine/errors'
import type { DB } from '../connection'
import { recordAudit } from './audit'
import type { WriteContext } from './context'
import { checkRevision } from './revision'

type Row = { key: string; value: number; low: number; high: number; note: string; changed_at: string }

/** The workspace's overrides of the default assumptions. */
export function listOverrides(db: DB): AssumptionOverride[] {
  const rows = db
    .prepare('SELECT key, value, low, high, note, changed_at FROM assumption ORDER BY key')
    .all() as Row[]
  // A row an earlier version stored under a retired key reads as the current keys' overrides.
  return migrateOverrides(
    rows.map((r) => ({
      key: r.key,
      value: r.value,
      low: r.low,
      high: r.high,
      note: r.note,
      changedAt: r.changed_at,
    })),
  )
}

/**
 * Every write goes through the engine's one check: a known key, value, low and high within the
 * hard bounds (whole years for counts), low ≤ value ≤ high. Nothing the engine would refuse is
 * ever stored.
 */
function upsert(db: DB, o: AssumptionOverride): void {
  checkAssumption(o)
  const d = DEFAULT_BY_KEY.get(o.key)
  if (!d) throw new AppError('INTERNAL', `No default for ${o.key}`)
  // The revision is the next audit-log number: it never repeats, not even after a reset and a
  // new change, so a form loaded before the reset is still recognised as stale.
  db.prepare(
    `INSERT INTO assumption (key, value, low, high, unit, source, note, changed_at, revision)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(id), 0) + 1 FROM audit_log))
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, low = excluded.low, high = excluded.high,
       note = excluded.note, changed_at = excluded.changed_at, revision = excluded.revision`,
  ).run(o.key, o.value, o.low, o.high, d.unit, d.source.join(','), o.note, o.changedAt)
}

/** The revision of each override by key; a key without an override has none (null). */
export function overrideRevisions(db: DB): Map<string, number> {
  const rows = db.prepare('SELECT key, revision FROM assumption').all() as { key: string; revision: number }[]
  return new Map(rows.map((r) => [r.key, r.revision]))
}

function currentRevision(db: DB, key: string): number | null {
  const row = db.prepare('SELECT revision FROM assumption WHERE key = ?').get(key) as
    | { revision: number }
    | undefined
  return row?.revision ?? null
}

/** Sets one override (value and range) with its reason; audited. */
export function setOverride(
  db: DB,
  ctx: WriteContext,
  o: Omit<AssumptionOverride, 'changedAt'>,
  expectedRevision?: number | null,
): AssumptionOverride {
  checkAssumption(o)
  const full = { ...o, changedAt: ctx.now().toISOString() }
  db.transaction(() => {
    checkRevision('assumption', o.key, currentRevision(db, o.key), expectedRevision)
    upsert(db, full)
    recordAudit(db, ctx, {
      action: 'update',
      entity: 'assumption',
      entityId: null,
      summary: o.key,
      detail: full,
    })
  })()
  return full
}

/** Back to the default; audited. */
export function resetOverride(
  db: DB,
  ctx: WriteContext,
  key: string,
  expectedRevision?: number | null,
): void {
  db.transaction(() => {
    checkRevision('assumption', key, currentRevision(db, key), expectedRevision)
    db.prepare('DELETE FROM assumption WHERE key = ?').run(key)
    recordAudit(db, ctx, { action: 'delete', entity: 'assumption', entityId: null, summary: key })
  })()
}

/** Inserts overrides as they are (plan import). Call inside a transaction. */
export function insertOverrides(db: DB, overrides: readonly AssumptionOverride[]): void {
  for (const o of overrides) upsert(db, o)
}
