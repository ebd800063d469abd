import type { Plan } from '../engine/schemas/plan'
import type { DB } from './connection'
import { insertOverrides, listOverrides } from './repositories/assumptions'
import { recordAudit } from './repositories/audit'
import type { WriteContext } from './repositories/context'
import { insertFieldRow, listFields } from './repositories/fields'
import { listGroups } from './repositories/groups'
import { insertLoanRow, listLoans } from './repositories/loans'
import { insertScenario, listScenarios } from './repositories/scenarios'
import { insertVarietyRow, listVarieties } from './repositories/varieties'
import { getWorkspace } from './repositories/workspace'

/** The whole workspace as a plan: what the engine evaluates and what plan files carry. */
export function readPlan(db: DB): Plan {
  const workspace = getWorkspace(db)
  if (!workspace) throw new Error('No workspace in this file')
  return {
    workspace: {
      name: workspace.name,
      county: workspace.county,
      region: workspace.region,
      isDemo: workspace.isDemo,
      locale: workspace.locale,
      areaUnit: workspace.areaUnit,
      massUnit: workspace.massUnit,
    },
    varieties: listVarieties(db).map(({ revision: _r, ...v }) => v),
    groups: listGroups(db),
    fields: listFields(db).map(({ createdAt: _c, updatedAt: _u, revision: _r, ...f }) => f),
    scenarios: listScenarios(db),
    assumptions: listOverrides(db),
    loans: listLoans(db),
  }
}

/**
 * Writes a validated plan into an empty workspace file, keeping every id, in one transaction:
 * all of it or nothing.
 */
export function writePlan(db: DB, ctx: WriteContext, plan: Plan, summary: string): void {
  db.transaction(() => {
    const at = ctx.now().toISOString()
    const w = plan.workspace
    db.prepare(
      `INSERT INTO workspace (id, name, county, region, is_demo, locale, area_unit, mass_unit, created_at, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(w.name, w.county, w.region, w.isDemo ? 1 : 0, w.locale, w.areaUnit, w.massUnit, at, at)
    for (const { id, ...v } of plan.varieties) insertVarietyRow(db, v, id)
    const group = db.prepare('INSERT INTO field_group (id, name, color) VALUES (?, ?, ?)')
    for (const g of plan.groups) group.run(g.id, g.name, g.color)
    for (const { id, ...f } of plan.fields) insertFieldRow(db, f, at, id)
    for (const s of plan.scenarios) insertScenario(db, s, at)
    insertOverrides(db, plan.assumptions)
    for (const l of plan.loans) insertLoanRow(db, l, at)
    recordAudit(db, ctx, {
      action: 'import',
      entity: 'plan',
      entityId: null,
      summary,
      detail: { fields: plan.fields.length },
    })
  })()
}
