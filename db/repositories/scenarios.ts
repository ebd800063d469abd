import { AppError, type Rule } from '../../engine/errors'
import { changeIssues } from '../../engine/rules/edit-rules'
import { mergeChange, type ScenarioEdit } from '../../engine/scenario-edit'
import type { Crop, WaterRegime } from '../../engine/schemas/enums'
import type { Scenario, ScenarioChange } from '../../engine/schemas/plan'
import type { DB } from '../connection'
import { mapSqliteError, sqliteCode } from '../errors'
import { recordAudit } from './audit'
import type { WriteContext } from './context'

type ScenarioRow = { id: number; name: string; season_year: number; is_baseline: number; note: string }
type ChangeRow = {
  scenario_id: number
  field_id: number
  build_hsf: number | null
  variety_id: number | null
  density_plants_per_ha: number | null
  water_regime: ScenarioChange['waterRegime']
}

/** Every scenario with its per-field changes. */
export function listScenarios(db: DB): Scenario[] {
  const rows = db
    .prepare('SELECT id, name, season_year, is_baseline, note FROM scenario ORDER BY id')
    .all() as ScenarioRow[]
  const changeRows = db
    .prepare(
      'SELECT scenario_id, field_id, build_hsf, variety_id, density_plants_per_ha, water_regime FROM scenario_change ORDER BY scenario_id, field_id',
    )
    .all() as ChangeRow[]
  const byScenario = new Map<number, ScenarioChange[]>()
  for (const c of changeRows) {
    const list = byScenario.get(c.scenario_id) ?? []
    list.push({
      fieldId: c.field_id,
      buildHsf: c.build_hsf === null ? null : c.build_hsf === 1,
      varietyId: c.variety_id,
      densityPlantsPerHa: c.density_plants_per_ha,
      waterRegime: c.water_regime,
    })
    byScenario.set(c.scenario_id, list)
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    seasonYear: r.season_year,
    isBaseline: r.is_baseline === 1,
    note: r.note,
    changes: byScenario.get(r.id) ?? [],
  }))
}

/** Inserts a scenario with its changes, keeping its id. Call inside a transaction. */
export function insertScenario(db: DB, s: Scenario, at: string): void {
  db.prepare(
    'INSERT INTO scenario (id, name, season_year, is_baseline, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(s.id, s.name, s.seasonYear, s.isBaseline ? 1 : 0, s.note, at, at)
  const insert = db.prepare(
    `INSERT INTO scenario_change (scenario_id, field_id, build_hsf, variety_id, density_plants_per_ha, water_regime)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  for (const c of s.changes) {
    insert.run(
      s.id,
      c.fieldId,
      c.buildHsf === null ? null : c.buildHsf ? 1 : 0,
      c.varietyId,
      c.densityPlantsPerHa,
      c.waterRegime,
    )
  }
}

function getScenario(db: DB, id: number): Scenario {
  const found = listScenarios(db).find((s) => s.id === id)
  if (!found) throw new AppError('NOT_FOUND', 'The scenario no longer exists', { id })
  return found
}

function nameConflict(error: unknown): AppError | null {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE'
    ? new AppError('CONFLICT', 'A scenario with this name exists', {
        issues: [{ path: ['name'], rule: 'duplicate_scenario_name' }],
      })
    : null
}

/** A new scenario, empty or as a copy of another one's changes. */
export function createScenario(
  db: DB,
  ctx: WriteContext,
  input: { name: string; seasonYear: number; note: string; copyFromId: number | null },
): Scenario {
  try {
    return db.transaction(() => {
      const at = ctx.now().toISOString()
      const source = input.copyFromId === null ? null : getScenario(db, input.copyFromId)
      const id = Number(
        db
          .prepare(
            'INSERT INTO scenario (name, season_year, is_baseline, note, created_at, updated_at) VALUES (?, ?, 0, ?, ?, ?)',
          )
          .run(input.name, input.seasonYear, input.note, at, at).lastInsertRowid,
      )
      const insert = db.prepare(
        `INSERT INTO scenario_change (scenario_id, field_id, build_hsf, variety_id, density_plants_per_ha, water_regime)
         SELECT ?, field_id, build_hsf, variety_id, density_plants_per_ha, water_regime FROM scenario_change WHERE scenario_id = ?`,
      )
      if (source) insert.run(id, source.id)
      // A copy borrows what its source borrows; each loan is its own record from here on.
      if (source)
        db.prepare(
          `INSERT INTO loan (scenario_id, name, amount_yuan, annual_rate, term_years, repayment, interest_subsidy_share, created_at, updated_at)
           SELECT ?, name, amount_yuan, annual_rate, term_years, repayment, interest_subsidy_share, ?, ? FROM loan WHERE scenario_id = ? ORDER BY id`,
        ).run(id, at, at, source.id)
      recordAudit(db, ctx, {
        action: 'create',
        entity: 'scenario',
        entityId: id,
        summary: input.name,
        detail: { copyFrom: input.copyFromId },
      })
      return getScenario(db, id)
    })()
  } catch (error) {
    throw nameConflict(error) ?? mapSqliteError(error)
  }
}

/**
 * New scenarios with their changes field by field (a roll-out's years), all of them or none. The
 * caller has checked each change against its field.
 */
export function createScenariosWithChanges(
  db: DB,
  ctx: WriteContext,
  scenarios: { name: string; seasonYear: number; note: string; changes: ScenarioChange[] }[],
): Scenario[] {
  try {
    return db.transaction(() => {
      const at = ctx.now().toISOString()
      return scenarios.map((input) => {
        const id = Number(
          db
            .prepare(
              'INSERT INTO scenario (name, season_year, is_baseline, note, created_at, updated_at) VALUES (?, ?, 0, ?, ?, ?)',
            )
            .run(input.name, input.seasonYear, input.note, at, at).lastInsertRowid,
        )
        const insert = db.prepare(
          `INSERT INTO scenario_change (scenario_id, field_id, build_hsf, variety_id, density_plants_per_ha, water_regime)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        for (const c of input.changes)
          insert.run(
            id,
            c.fieldId,
            c.buildHsf === null ? null : c.buildHsf ? 1 : 0,
            c.varietyId,
            c.densityPlantsPerHa,
            c.waterRegime,
          )
        recordAudit(db, ctx, {
          action: 'create',
          entity: 'scenario',
          entityId: id,
          summary: input.name,
          detail: { copyFrom: null, fields: input.changes.length },
        })
        return getScenario(db, id)
      })
    })()
  } catch (error) {
    throw nameConflict(error) ?? mapSqliteError(error)
  }
}

export function renameScenario(db: DB, ctx: WriteContext, id: number, name: string): Scenario {
  try {
    return db.transaction(() => {
      const before = getScenario(db, id)
      db.prepare('UPDATE scenario SET name = ?, updated_at = ? WHERE id = ?').run(
        name,
        ctx.now().toISOString(),
        id,
      )
      recordAudit(db, ctx, {
        action: 'update',
        entity: 'scenario',
        entityId: id,
        summary: name,
        detail: { from: before.name, to: name },
      })
      return getScenario(db, id)
    })()
  } catch (error) {
    throw nameConflict(error) ?? mapSqliteError(error)
  }
}

export function deleteScenario(db: DB, ctx: WriteContext, id: number): void {
  db.transaction(() => {
    const before = getScenario(db, id)
    if (before.isBaseline) {
      throw new AppError('VALIDATION', 'The baseline cannot be deleted', {
        issues: [{ path: ['id'], rule: 'baseline_fixed' }],
      })
    }
    db.prepare('DELETE FROM scenario WHERE id = ?').run(id)
    recordAudit(db, ctx, {
      action: 'delete',
      entity: 'scenario',
      entityId: id,
      summary: before.name,
      detail: { before },
    })
  })()
}

type FieldFacts = { id: number; crop: Crop; water_regime: WaterRegime }

/**
 * Sets the same change on many fields in one transaction (a selection or a group). Each field's
 * resulting change is held to the engine's edit rules (a variety of the field's crop, paddy only
 * for rice, …): the first field that breaks one is named and nothing is written.
 */
export function applyScenarioEdit(
  db: DB,
  ctx: WriteContext,
  scenarioId: number,
  fieldIds: number[],
  edit: ScenarioEdit,
): Scenario {
  return db.transaction(() => {
    const scenario = getScenario(db, scenarioId)
    if (scenario.isBaseline) {
      throw new AppError('VALIDATION', 'The baseline is current practice', {
        issues: [{ path: ['scenarioId'], rule: 'baseline_fixed' }],
      })
    }
    const fieldStmt = db.prepare('SELECT id, crop, water_regime FROM field WHERE id = ?')
    const varietyStmt = db.prepare('SELECT crop FROM variety WHERE id = ?')
    const cropOfVariety = (id: number) => (varietyStmt.get(id) as { crop: Crop } | undefined)?.crop
    const current = new Map(scenario.changes.map((c) => [c.fieldId, c]))
    const upsert = db.prepare(
      `INSERT INTO scenario_change (scenario_id, field_id, build_hsf, variety_id, density_plants_per_ha, water_regime)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (scenario_id, field_id) DO UPDATE SET build_hsf = excluded.build_hsf, variety_id = excluded.variety_id,
         density_plants_per_ha = excluded.density_plants_per_ha, water_regime = excluded.water_regime`,
    )
    const remove = db.prepare('DELETE FROM scenario_change WHERE scenario_id = ? AND field_id = ?')
    fieldIds.forEach((fieldId, index) => {
      const field = fieldStmt.get(fieldId) as FieldFacts | undefined
      const issue = (rule: Rule) =>
        new AppError('VALIDATION', 'The change does not suit a field', {
          issues: [{ path: ['fieldIds', index], rule, params: { fieldId } }],
        })
      if (!field) throw issue('unknown_reference')
      const next = mergeChange(fieldId, current.get(fieldId), edit)
      const broken = next
        ? changeIssues({ crop: field.crop, waterRegime: field.water_regime }, next, cropOfVariety)[0]
        : undefined
      if (broken) throw issue(broken.rule)
      if (!next) remove.run(scenarioId, fieldId)
      else
        upsert.run(
          scenarioId,
          fieldId,
          next.buildHsf === null ? null : next.buildHsf ? 1 : 0,
          next.varietyId,
          next.densityPlantsPerHa,
          next.waterRegime,
        )
    })
    db.prepare('UPDATE scenario SET updated_at = ? WHERE id = ?').run(ctx.now().toISOString(), scenarioId)
    recordAudit(db, ctx, {
      action: 'update',
      entity: 'scenario',
      entityId: scenarioId,
      summary: scenario.name,
      detail: { fieldIds, edit },
    })
    return getScenario(db, scenarioId)
  })()
}
