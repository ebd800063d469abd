import type { FieldGroup } from '../../engine/schemas/workspace'
import type { DB } from '../connection'

export function listGroups(db: DB): FieldGroup[] {
  return db.prepare('SELECT id, name, color FROM field_group ORDER BY id').all() as FieldGroup[]
}
