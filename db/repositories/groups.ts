import type { FieldGroup } from '../../engine/schemas/workspace'
import type { DB } from '../connection'

export function listGroups(db: DB): FieldGroup[] {
  return db.prepare('SELECT id, name, color FROM field_group ORDER BY name').all() as FieldGroup[]
}

export function insertGroup(db: DB, group: { name: string; color: string }): number {
  return Number(
    db.prepare('INSERT INTO field_group (name, color) VALUES (?, ?)').run(group.name, group.color)
      .lastInsertRowid,
  )
}
