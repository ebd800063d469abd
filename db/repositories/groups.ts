import { AppError } from '../../engine/errors'
import type { FieldGroup } from '../../engine/schemas/workspace'
import type { DB } from '../connection'
import { mapSqliteError, sqliteCode } from '../errors'
import { recordAudit } from './audit'
import type { WriteContext } from './context'

export function listGroups(db: DB): FieldGroup[] {
  return db.prepare('SELECT id, name, color FROM field_group ORDER BY id').all() as FieldGroup[]
}

export function createGroup(db: DB, ctx: WriteContext, group: { name: string; color: string }): FieldGroup {
  try {
    return db.transaction(() => {
      const id = Number(
        db.prepare('INSERT INTO field_group (name, color) VALUES (?, ?)').run(group.name, group.color)
          .lastInsertRowid,
      )
      recordAudit(db, ctx, { action: 'create', entity: 'group', entityId: id, summary: group.name })
      return { id, ...group }
    })()
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('CONFLICT', 'A group with this name exists', {
        issues: [{ path: ['name'], rule: 'duplicate_group_name' }],
      })
    }
    throw mapSqliteError(error)
  }
}
