import { AppError } from '../../engine/errors'
import type { Locale, Region, Workspace, WorkspaceSettings } from '../../engine/schemas/workspace'
import type { AreaUnit, MassUnit } from '../../engine/units'
import type { DB } from '../connection'
import { recordAudit } from './audit'
import type { WriteContext } from './context'
import { checkRevision } from './revision'

type Row = {
  name: string
  county: string
  region: Region
  is_demo: number
  locale: Locale
  area_unit: AreaUnit
  mass_unit: MassUnit
  created_at: string
  updated_at: string
  revision: number
}

export function getWorkspace(db: DB): Workspace | null {
  const row = db
    .prepare(
      'SELECT name, county, region, is_demo, locale, area_unit, mass_unit, created_at, updated_at, revision FROM workspace WHERE id = 1',
    )
    .get() as Row | undefined
  if (!row) return null
  return {
    name: row.name,
    county: row.county,
    region: row.region,
    isDemo: row.is_demo === 1,
    locale: row.locale,
    areaUnit: row.area_unit,
    massUnit: row.mass_unit,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    revision: row.revision,
  }
}

export function createWorkspace(db: DB, ctx: WriteContext, init: { name: string; isDemo: boolean }): void {
  const at = ctx.now().toISOString()
  db.prepare('INSERT INTO workspace (id, name, is_demo, created_at, updated_at) VALUES (1, ?, ?, ?, ?)').run(
    init.name,
    init.isDemo ? 1 : 0,
    at,
    at,
  )
}

export function updateWorkspaceSettings(
  db: DB,
  ctx: WriteContext,
  patch: Partial<WorkspaceSettings>,
  expectedRevision?: number,
): Workspace {
  return db.transaction(() => {
    const before = getWorkspace(db)
    if (!before) throw new AppError('NOT_FOUND', 'No workspace in this file')
    checkRevision('workspace', 1, before.revision, expectedRevision)
    const next = { ...before, ...patch }
    db.prepare(
      `UPDATE workspace SET name = ?, county = ?, region = ?, locale = ?, area_unit = ?, mass_unit = ?, updated_at = ?,
         revision = revision + 1 WHERE id = 1`,
    ).run(
      next.name,
      next.county,
      next.region,
      next.locale,
      next.areaUnit,
      next.massUnit,
      ctx.now().toISOString(),
    )
    recordAudit(db, ctx, {
      action: 'settings',
      entity: 'workspace',
      entityId: 1,
      summary: 'settings',
      detail: patch,
    })
    return getWorkspace(db)!
  })()
}
