import { AppError } from '../../engine/errors'
import { currentVarietySource } from '../../engine/references'
import { type Crop, WATER_REGIMES } from '../../engine/schemas/field'
import type { Variety, VarietyDensity, VarietyInput } from '../../engine/schemas/variety'
import type { DB } from '../connection'
import { mapSqliteError, sqliteCode } from '../errors'
import { recordAudit } from './audit'
import type { WriteContext } from './context'
import { checkRevision } from './revision'

type Row = {
  id: number
  crop: Variety['crop']
  name: string
  maturity_days: number | null
  heat_sum_needed_cd: number | null
  yield_potential_rel: number
  check_variety: string | null
  density_tolerance: Variety['densityTolerance']
  lodging_risk: Variety['lodgingRisk']
  salt_tolerance: Variety['saltTolerance']
  oil_pct: number | null
  protein_pct: number | null
  seed_price_yuan_per_kg: number | null
  source: string
  is_example: number
  revision: number
}

type DensityRow = {
  variety_id: number
  water_regime: VarietyDensity['waterRegime']
  min_plants_per_ha: number
  optimum_plants_per_ha: number
  max_plants_per_ha: number
}

export function listVarieties(db: DB): Variety[] {
  const rows = db.prepare('SELECT * FROM variety ORDER BY id').all() as Row[]
  // Regimes in their fixed order (rainfed … paddy), so a plan reads back exactly as written.
  const densityRows = (db.prepare('SELECT * FROM variety_density').all() as DensityRow[]).sort(
    (a, b) =>
      a.variety_id - b.variety_id ||
      WATER_REGIMES.indexOf(a.water_regime) - WATER_REGIMES.indexOf(b.water_regime),
  )
  const byVariety = new Map<number, VarietyDensity[]>()
  for (const d of densityRows) {
    const list = byVariety.get(d.variety_id) ?? []
    list.push({
      waterRegime: d.water_regime,
      minPlantsPerHa: d.min_plants_per_ha,
      optimumPlantsPerHa: d.optimum_plants_per_ha,
      maxPlantsPerHa: d.max_plants_per_ha,
    })
    byVariety.set(d.variety_id, list)
  }
  return rows.map((r) => ({
    id: r.id,
    crop: r.crop,
    name: r.name,
    maturityDays: r.maturity_days,
    heatSumNeededCd: r.heat_sum_needed_cd,
    yieldPotentialRel: r.yield_potential_rel,
    checkVariety: r.check_variety,
    densityTolerance: r.density_tolerance,
    lodgingRisk: r.lodging_risk,
    saltTolerance: r.salt_tolerance,
    oilPct: r.oil_pct,
    proteinPct: r.protein_pct,
    seedPriceYuanPerKg: r.seed_price_yuan_per_kg,
    source: currentVarietySource(r.name, r.source),
    isExample: r.is_example === 1,
    densities: byVariety.get(r.id) ?? [],
    revision: r.revision,
  }))
}

function writeDensities(db: DB, id: number, densities: VarietyInput['densities']): void {
  db.prepare('DELETE FROM variety_density WHERE variety_id = ?').run(id)
  const insert = db.prepare(
    `INSERT INTO variety_density (variety_id, water_regime, min_plants_per_ha, optimum_plants_per_ha, max_plants_per_ha)
     VALUES (?, ?, ?, ?, ?)`,
  )
  for (const d of densities)
    insert.run(id, d.waterRegime, d.minPlantsPerHa, d.optimumPlantsPerHa, d.maxPlantsPerHa)
}

function params(v: VarietyInput) {
  return [
    v.crop,
    v.name,
    v.maturityDays,
    v.heatSumNeededCd,
    v.yieldPotentialRel,
    v.checkVariety,
    v.densityTolerance,
    v.lodgingRisk,
    v.saltTolerance,
    v.oilPct,
    v.proteinPct,
    v.seedPriceYuanPerKg,
    v.source,
    v.isExample ? 1 : 0,
  ]
}

function conflict(error: unknown): AppError {
  return sqliteCode(error) === 'SQLITE_CONSTRAINT_UNIQUE'
    ? new AppError('CONFLICT', 'A variety of this crop with this name exists', {
        issues: [{ path: ['name'], rule: 'duplicate_variety_name' }],
      })
    : mapSqliteError(error)
}

function getVariety(db: DB, id: number): Variety {
  const found = listVarieties(db).find((v) => v.id === id)
  if (!found) throw new AppError('NOT_FOUND', 'The variety no longer exists', { id })
  return found
}

/**
 * Inserts one variety with its density ranges; `id` keeps a plan's own id (plan files), otherwise
 * SQLite assigns one. Call inside a transaction.
 */
export function insertVarietyRow(db: DB, v: VarietyInput, id: number | null = null): number {
  const newId = Number(
    db
      .prepare(
        `INSERT INTO variety (id, crop, name, maturity_days, heat_sum_needed_cd, yield_potential_rel, check_variety,
           density_tolerance, lodging_risk, salt_tolerance, oil_pct, protein_pct, seed_price_yuan_per_kg, source, is_example)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, ...params(v)).lastInsertRowid,
  )
  writeDensities(db, newId, v.densities)
  return newId
}

export function createVariety(db: DB, ctx: WriteContext, v: VarietyInput): Variety {
  try {
    return db.transaction(() => {
      const id = insertVarietyRow(db, v)
      recordAudit(db, ctx, { action: 'create', entity: 'variety', entityId: id, summary: v.name })
      return getVariety(db, id)
    })()
  } catch (error) {
    throw conflict(error)
  }
}

/** Changes a variety; a crop change is refused while fields or scenarios use it for the old crop. */
export function updateVariety(
  db: DB,
  ctx: WriteContext,
  id: number,
  v: VarietyInput,
  expectedRevision?: number,
): Variety {
  try {
    return db.transaction(() => {
      const before = getVariety(db, id)
      checkRevision('variety', id, before.revision, expectedRevision)
      if (before.crop !== v.crop) {
        const used = db
          .prepare(
            'SELECT (SELECT count(*) FROM field WHERE variety_id = ?) + (SELECT count(*) FROM scenario_change WHERE variety_id = ?) AS n',
          )
          .get(id, id) as { n: number }
        if (used.n > 0) {
          throw new AppError('VALIDATION', 'The variety is in use for its crop', {
            issues: [{ path: ['crop'], rule: 'variety_in_use' }],
          })
        }
      }
      db.prepare(
        `UPDATE variety SET crop = ?, name = ?, maturity_days = ?, heat_sum_needed_cd = ?, yield_potential_rel = ?,
           check_variety = ?, density_tolerance = ?, lodging_risk = ?, salt_tolerance = ?, oil_pct = ?, protein_pct = ?,
           seed_price_yuan_per_kg = ?, source = ?, is_example = ?, revision = revision + 1 WHERE id = ?`,
      ).run(...params(v), id)
      writeDensities(db, id, v.densities)
      recordAudit(db, ctx, {
        action: 'update',
        entity: 'variety',
        entityId: id,
        summary: v.name,
        detail: { before },
      })
      return getVariety(db, id)
    })()
  } catch (error) {
    throw error instanceof AppError ? error : conflict(error)
  }
}

/** Adds imported varieties in one transaction; a duplicate name is named by its row (1 = first). */
export function importVarieties(db: DB, ctx: WriteContext, varieties: VarietyInput[]): number {
  let index = 0
  try {
    db.transaction(() => {
      for (index = 0; index < varieties.length; index++) createVariety(db, ctx, varieties[index]!)
    })()
    return varieties.length
  } catch (error) {
    const mapped = error instanceof AppError ? error : conflict(error)
    mapped.details.issues = (mapped.details.issues ?? []).map((i) => ({
      ...i,
      path: ['rows', index + 1, ...i.path],
    }))
    throw mapped
  }
}

/** The crop of each variety by id, for the edit rules (engine/rules) that need the catalogue. */
export function cropOfVarietyLookup(db: DB): (id: number) => Crop | undefined {
  const stmt = db.prepare('SELECT crop FROM variety WHERE id = ?')
  return (id) => (stmt.get(id) as { crop: Crop } | undefined)?.crop
}
