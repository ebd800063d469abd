import type { Scenario, ScenarioChange } from '../../engine/schemas/plan'
import type { DB } from '../connection'

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
