import type { DemoWorkspace } from '../engine/demo'
import type { FieldInput } from '../engine/schemas/field'
import type { DB } from './connection'
import type { WriteContext } from './repositories/context'
import { insertFields } from './repositories/fields'
import { insertGroup } from './repositories/groups'
import { insertVariety } from './repositories/varieties'
import { createWorkspace, getWorkspace } from './repositories/workspace'

/** Writes the demo workspace (示例数据) into an empty file, all in one transaction. */
export function seedDemoWorkspace(db: DB, ctx: WriteContext, demo: DemoWorkspace): void {
  db.transaction(() => {
    createWorkspace(db, ctx, { name: demo.name, isDemo: true })
    const varietyIds = new Map(demo.varieties.map((v) => [v.name, insertVariety(db, v)]))
    const groupIds = new Map(demo.groups.map((g) => [g.name, insertGroup(db, g)]))
    const fields = demo.fields.map(
      ({ varietyName, groupName, ...rest }): FieldInput => ({
        ...rest,
        varietyId: varietyName === null ? null : (varietyIds.get(varietyName) ?? null),
        groupId: groupName === null ? null : (groupIds.get(groupName) ?? null),
      }),
    )
    insertFields(db, ctx, fields, 'demo')
  })()
}

/** A new, empty file gets the demo so the first start shows a working planner. */
export function ensureWorkspace(db: DB, ctx: WriteContext, demo: () => DemoWorkspace): void {
  if (getWorkspace(db)) return
  seedDemoWorkspace(db, ctx, demo())
}
