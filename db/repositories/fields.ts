import { AppError } from '../../engine/errors'
import { groupNameKey } from '../../engine/group-name'
import type { Field, FieldInput, YieldRecord } from '../../engine/schemas/field'
import type { DB } from '../connection'
import { mapSqliteError, sqliteCode } from '../errors'
import { recordAudit } from './audit'
import type { WriteContext } from './context'
import { groupIdsByKey } from './groups'
import { checkRevision } from './revision'

type Row = {
  id: number
  name: string
  village: string
  township: string
  area_ha: number
  crop: Field['crop']
  variety_id: number | null
  density_plants_per_ha: number | null
  water_regime: Field['waterRegime']
  has_hsf: number
  hsf_year_built: number | null
  saline_class: Field['salineClass']
  heat_sum_cd: number
  region: NonNullable<Field['region']>
  quality_grade: number
  group_id: number | null
  note: string
  created_at: string
  updated_at: string
  revision: number
}

const COLUMNS = `id, name, village, township, area_ha, crop, variety_id, density_plants_per_ha, water_regime, has_hsf,
  hsf_year_built, saline_class, heat_sum_cd, quality_grade, group_id, note, created_at, updated_at, revision, region`

function toField(row: Row, history: YieldRecord[]): Field {
  return {
    id: row.id,
    name: row.name,
    village: row.village,
    township: row.township,
    areaHa: row.area_ha,
    crop: row.crop,
    varietyId: row.variety_id,
    densityPlantsPerHa: row.density_plants_per_ha,
    waterRegime: row.water_regime,
    hasHsf: row.has_hsf === 1,
    hsfYearBuilt: row.hsf_year_built,
    salineClass: row.saline_class,
    heatSumCd: row.heat_sum_cd,
    region: row.region,
    qualityGrade: row.quality_grade,
    groupId: row.group_id,
    note: row.note,
    history,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  }
}

/** Every field with its yield history, ordered by name. */
export function listFields(db: DB): Field[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM field ORDER BY id`).all() as Row[]
  const historyRows = db
    .prepare('SELECT field_id, year, yield_kg_per_ha FROM field_yield ORDER BY field_id, year')
    .all() as { field_id: number; year: number; yield_kg_per_ha: number }[]
  const byField = new Map<number, YieldRecord[]>()
  for (const h of historyRows) {
    let list = byField.get(h.field_id)
    if (!list) {
      list = []
      byField.set(h.field_id, list)
    }
    list.push({ year: h.year, yieldKgPerHa: h.yield_kg_per_ha })
  }
  return rows.map((row) => toField(row, byField.get(row.id) ?? []))
}

export function getField(db: DB, id: number): Field | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM field WHERE id = ?`).get(id) as Row | undefined
  if (!row) return null
  const history = db
    .prepare('SELECT year, yield_kg_per_ha AS yieldKgPerHa FROM field_yield WHERE field_id = ? ORDER BY year')
    .all(id) as YieldRecord[]
  return toField(row, history)
}

function fieldParams(f: FieldInput) {
  return [
    f.name,
    f.village,
    f.township,
    f.areaHa,
    f.crop,
    f.varietyId,
    f.densityPlantsPerHa,
    f.waterRegime,
    f.hasHsf ? 1 : 0,
    f.hsfYearBuilt,
    f.salineClass,
    f.heatSumCd,
    f.qualityGrade,
    f.groupId,
    f.note,
    // None given (an older caller or plan file): a new field takes the workspace's region, an
    // updated one keeps its own (COALESCE in the statements below).
    f.region ?? null,
  ]
}

/** Turns a constraint failure into an error that names the input the user must change. */
function mapWriteError(error: unknown, rowIndex?: number): AppError {
  const code = sqliteCode(error)
  const prefix = rowIndex === undefined ? [] : [rowIndex]
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', 'A field with this name already exists', {
      issues: [{ path: [...prefix, 'name'], rule: 'duplicate_name' }],
    })
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError('VALIDATION', 'The variety or group does not exist', {
      issues: [{ path: [...prefix, 'varietyId'], rule: 'unknown_reference' }],
    })
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK') {
    return new AppError('VALIDATION', 'A value is outside its allowed range', {
      issues: [{ path: prefix, rule: 'invalid' }],
    })
  }
  return mapSqliteError(error)
}

function writeHistory(db: DB, fieldId: number, history: YieldRecord[]): void {
  db.prepare('DELETE FROM field_yield WHERE field_id = ?').run(fieldId)
  const insert = db.prepare('INSERT INTO field_yield (field_id, year, yield_kg_per_ha) VALUES (?, ?, ?)')
  for (const h of history) insert.run(fieldId, h.year, h.yieldKgPerHa)
}

/**
 * Inserts one field and its history; `id` keeps a plan's own id (plan files), otherwise SQLite
 * assigns one. Call inside a transaction.
 */
export function insertFieldRow(db: DB, f: FieldInput, at: string, id: number | null = null): number {
  const newId = Number(
    db
      .prepare(
        `INSERT INTO field (id, name, village, township, area_ha, crop, variety_id, density_plants_per_ha, water_regime,
           has_hsf, hsf_year_built, saline_class, heat_sum_cd, quality_grade, group_id, note, region, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
           COALESCE(?, (SELECT region FROM workspace WHERE id = 1), 'central'), ?, ?)`,
      )
      .run(id, ...fieldParams(f), at, at).lastInsertRowid,
  )
  writeHistory(db, newId, f.history)
  return newId
}

export function createField(db: DB, ctx: WriteContext, input: FieldInput): Field {
  try {
    return db.transaction(() => {
      const id = insertFieldRow(db, input, ctx.now().toISOString())
      recordAudit(db, ctx, { action: 'create', entity: 'field', entityId: id, summary: input.name })
      return getField(db, id)!
    })()
  } catch (error) {
    throw mapWriteError(error)
  }
}

/**
 * Inserts many fields in one transaction: all of them or none (imports, the demo, tests).
 * A failing row is named by its index in `issues[].path[0]`.
 */
export function insertFields(db: DB, ctx: WriteContext, inputs: FieldInput[], summary: string): number[] {
  let index = 0
  try {
    return db.transaction(() => {
      const at = ctx.now().toISOString()
      const ids: number[] = []
      for (index = 0; index < inputs.length; index++) ids.push(insertFieldRow(db, inputs[index]!, at))
      recordAudit(db, ctx, {
        action: 'import',
        entity: 'field',
        entityId: null,
        summary,
        detail: { count: ids.length },
      })
      return ids
    })()
  } catch (error) {
    throw mapWriteError(error, index < inputs.length ? index : undefined)
  }
}

function changedKeys(before: Field, after: FieldInput): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  for (const key of Object.keys(after) as (keyof FieldInput)[]) {
    const from = before[key]
    const to = after[key]
    if (to === undefined) continue
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to }
  }
  return changes
}

export function updateFieldRow(db: DB, id: number, input: FieldInput, at: string): void {
  db.prepare(
    `UPDATE field SET name = ?, village = ?, township = ?, area_ha = ?, crop = ?, variety_id = ?,
       density_plants_per_ha = ?, water_regime = ?, has_hsf = ?, hsf_year_built = ?, saline_class = ?,
       heat_sum_cd = ?, quality_grade = ?, group_id = ?, note = ?, region = COALESCE(?, region), updated_at = ?,
       revision = revision + 1
     WHERE id = ?`,
  ).run(...fieldParams(input), at, id)
  writeHistory(db, id, input.history)
}

export function updateField(
  db: DB,
  ctx: WriteContext,
  id: number,
  input: FieldInput,
  expectedRevision?: number,
): Field {
  try {
    return db.transaction(() => {
      const before = getField(db, id)
      if (!before) throw new AppError('NOT_FOUND', 'The field no longer exists', { id })
      checkRevision('field', id, before.revision, expectedRevision)
      updateFieldRow(db, id, input, ctx.now().toISOString())
      recordAudit(db, ctx, {
        action: 'update',
        entity: 'field',
        entityId: id,
        summary: input.name,
        detail: changedKeys(before, input),
      })
      return getField(db, id)!
    })()
  } catch (error) {
    throw mapWriteError(error)
  }
}

export function deleteField(db: DB, ctx: WriteContext, id: number, expectedRevision?: number): void {
  db.transaction(() => {
    const before = getField(db, id)
    if (!before) throw new AppError('NOT_FOUND', 'The field no longer exists', { id })
    checkRevision('field', id, before.revision, expectedRevision)
    db.prepare('DELETE FROM field WHERE id = ?').run(id)
    recordAudit(db, ctx, {
      action: 'delete',
      entity: 'field',
      entityId: id,
      summary: before.name,
      detail: { before },
    })
  })()
}

/**
 * Deletes many fields in one transaction: all of them or none. A field that no longer exists is
 * NOT_FOUND; with `revisions` (one per id, as the list showed them) a field saved elsewhere since
 * is STALE, and nothing is deleted. Their yields and scenario changes go with them. One audit
 * entry names every field and keeps each as it was.
 */
export function bulkDeleteFields(
  db: DB,
  ctx: WriteContext,
  ids: readonly number[],
  revisions?: readonly number[],
): number {
  if (revisions !== undefined && revisions.length !== ids.length) {
    throw new AppError('VALIDATION', 'One revision per field', {
      issues: [{ path: ['revisions'], rule: 'invalid' }],
    })
  }
  if (new Set(ids).size !== ids.length) {
    throw new AppError('VALIDATION', 'A field is named twice', {
      issues: [{ path: ['ids'], rule: 'duplicate_id' }],
    })
  }
  return db.transaction(() => {
    const fieldRow = db.prepare(`SELECT ${COLUMNS} FROM field WHERE id = ?`)
    const historyOf = db.prepare(
      'SELECT year, yield_kg_per_ha AS yieldKgPerHa FROM field_yield WHERE field_id = ? ORDER BY year',
    )
    const remove = db.prepare('DELETE FROM field WHERE id = ?')
    const before: Field[] = []
    ids.forEach((id, index) => {
      const row = fieldRow.get(id) as Row | undefined
      if (!row) throw new AppError('NOT_FOUND', 'The field no longer exists', { id })
      checkRevision('field', id, row.revision, revisions?.[index])
      before.push(toField(row, historyOf.all(id) as YieldRecord[]))
    })
    for (const id of ids) remove.run(id)
    recordAudit(db, ctx, {
      action: 'delete',
      entity: 'field',
      entityId: null,
      summary: 'bulk',
      detail: { count: ids.length, ids, before },
    })
    return ids.length
  })()
}

export function countFields(db: DB): number {
  return (db.prepare('SELECT count(*) AS n FROM field').get() as { n: number }).n
}

/**
 * Writes imported rows, creating the groups they name, in one transaction: every row or none.
 * A row with `existing` updates that field instead of adding one: the whole field is replaced by
 * the row (the use-case has merged what the file does not say), its revision is bumped, and the
 * change is audited field by field; a field saved elsewhere since the file was read is refused
 * (STALE). Groups are matched and created under groupNameKey, so "Ａb", "ab" and "AB" become one
 * group named by the first spelling. A row that still breaks a constraint is named by its
 * spreadsheet row (`row`; without one, its position counting the header as row 1).
 */
export function importFieldRows(
  db: DB,
  ctx: WriteContext,
  rows: {
    field: FieldInput
    newGroup: string | null
    row?: number
    existing?: { id: number; revision: number } | null
  }[],
  summary: string,
): number {
  // The row writers compile their statements on every call; for an import of thousands of rows
  // they get the same database with each statement compiled once (half the import's time).
  const statements = new Map<string, ReturnType<DB['prepare']>>()
  const compiledOnce = new Proxy(db, {
    get(target, key) {
      if (key === 'prepare')
        return (sql: string) => {
          let statement = statements.get(sql)
          if (!statement) {
            statement = target.prepare(sql)
            statements.set(sql, statement)
          }
          return statement
        }
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  let index = 0
  try {
    return db.transaction(() => {
      const at = ctx.now().toISOString()
      const groups = groupIdsByKey(db)
      const insertGroup = db.prepare('INSERT INTO field_group (name) VALUES (?)')
      const updatedIds: number[] = []
      for (index = 0; index < rows.length; index++) {
        const { field, newGroup, existing } = rows[index]!
        let groupId = field.groupId
        if (newGroup !== null) {
          const key = groupNameKey(newGroup)
          groupId = groups.get(key) ?? Number(insertGroup.run(newGroup).lastInsertRowid)
          groups.set(key, groupId)
        }
        if (!existing) {
          insertFieldRow(compiledOnce, { ...field, groupId }, at)
          continue
        }
        const before = getField(db, existing.id)
        if (!before) throw new AppError('NOT_FOUND', 'The field no longer exists', { id: existing.id })
        checkRevision('field', existing.id, before.revision, existing.revision)
        const after = { ...field, groupId }
        updateFieldRow(compiledOnce, existing.id, after, at)
        recordAudit(db, ctx, {
          action: 'update',
          entity: 'field',
          entityId: existing.id,
          summary: after.name,
          detail: { source: summary, changes: changedKeys(before, after) },
        })
        updatedIds.push(existing.id)
      }
      recordAudit(db, ctx, {
        action: 'import',
        entity: 'field',
        entityId: null,
        summary,
        detail: {
          count: rows.length,
          ...(updatedIds.length > 0 ? { created: rows.length - updatedIds.length, updated: updatedIds } : {}),
        },
      })
      return rows.length
    })()
  } catch (error) {
    const mapped = mapWriteError(error)
    const issue = mapped.details.issues?.[0]
    const row = rows[index]?.row ?? index + 2
    if (issue) mapped.details.issues = [{ ...issue, path: ['rows', row, ...issue.path] }]
    throw mapped
  }
}

/** The inputs a bulk edit may set on many fields at once. */
export type FieldPatch = Partial<
  Pick<
    FieldInput,
    | 'village'
    | 'township'
    | 'varietyId'
    | 'densityPlantsPerHa'
    | 'waterRegime'
    | 'groupId'
    | 'qualityGrade'
    | 'heatSumCd'
    | 'salineClass'
    | 'region'
  >
>

/**
 * Applies one patch to many fields in one transaction. Each patched field is checked against the
 * same schema as a single edit; the first that breaks a rule is named and nothing is written.
 */
export function bulkUpdateFields(
  db: DB,
  ctx: WriteContext,
  ids: number[],
  patch: FieldPatch,
  check: (
    input: FieldInput,
  ) => { ok: true; value: FieldInput } | { ok: false; issues: AppError['details']['issues'] },
): number {
  return db.transaction(() => {
    ids.forEach((id, index) => {
      const before = getField(db, id)
      if (!before) throw new AppError('NOT_FOUND', 'The field no longer exists', { id })
      const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...input } = before
      const checked = check({ ...input, ...patch })
      if (!checked.ok) {
        throw new AppError('VALIDATION', 'The change does not suit a field', {
          issues: (checked.issues ?? []).map((i) => ({
            ...i,
            path: ['ids', index, ...i.path],
            params: { ...(i.params ?? {}), field: before.name },
          })),
        })
      }
      try {
        updateFieldRow(db, id, checked.value, ctx.now().toISOString())
      } catch (error) {
        throw mapWriteError(error)
      }
    })
    recordAudit(db, ctx, {
      action: 'update',
      entity: 'field',
      entityId: null,
      summary: 'bulk',
      detail: { ids, patch },
    })
    return ids.length
  })()
}
