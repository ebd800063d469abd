import type { Plan } from '../engine/schemas/plan'
import type { DB } from './connection'
import { writePlan } from './plan-store'
import type { WriteContext } from './repositories/context'
import { getWorkspace } from './repositories/workspace'

/** A new, empty file gets the demo plan (示例数据) so the first start shows a working planner. */
export function ensureWorkspace(db: DB, ctx: WriteContext, demo: () => Plan): void {
  if (getWorkspace(db)) return
  writePlan(db, ctx, demo(), 'demo')
}
