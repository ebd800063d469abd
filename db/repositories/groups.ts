import { AppError } from '../../engine/errors'
import { groupNameKey } from '../../engine/group-name'
import type { FieldGroup } from '../../engine/schemas/workspace'
import type { DB } from '../connection'
import { mapSqliteError, sqliteCode } from '../errors'
import { recordAudit } from './audit'
import type { WriteContext } from './context'

export function listGroups(db: DB): FieldGroup[] {
  return db.prepare('SELECT id, name, color FROM field_group ORDER BY id').all() as FieldGroup[]
}

function duplicateName(): AppError {
  return new AppError('CONFLICT', 'A group with this name exists', {
    issues: [{ path: ['name'], rule: 'duplicate_group_name' }],
  })
}

/** Every group by its groupNameKey; where an older workspace holds two spellings of one key, the first created. */
export function groupIdsByKey(db: DB): Map<string, number> {
  const ids = new Map<string, number>()
  for (const g of listGroups(db)) {
    const key = groupNameKey(g.name)
    if (!ids.has(key)) ids.set(key, g.id)
  }
  return ids
}

/**
 * The existing group a name means, compared under groupNameKey ("Ａb", "ab" and "AB" are one
 * group), or null. Older workspaces may hold two spellings of one key; the first created wins.
 */
export function findGroupByName(db: DB, name: string): FieldGroup | null {
  const key = groupNameKey(name)
  return listGroups(db).find((g) => groupNameKey(g.name) === key) ?? null
}

/** Adds a group; a name equal to an existing one under groupNameKey is refused (duplicate_group_name). */
export function createGroup(db: DB, ctx: WriteContext, group: { name: string; color: string }): FieldGroup {
  try {
    return db.transaction(() => {
      if (findGroupByName(db, group.name)) throw duplicateName()
      const id = Number(
        db.prepare('INSERT INTO field_group (name, color) VALUES (?, ?)').run(group.name, group.color)
          .lastInsertRowid,
      )
      recordAudit(db, ctx, { action: 'create', entity: 'group', entityId: id, summary: group.name })
      return { id, ...group }
    })()
  } catch (error) {
    if (error instanceof AppError) throw error
    if (sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') throw duplicateName()
    throw mapSqliteError(error)
  }
}
