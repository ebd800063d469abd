import { WATER_REGIMES } from '../../engine/schemas/field'
import type { Variety, VarietyDensity } from '../../engine/schemas/variety'
import type { DB } from '../connection'

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
    source: r.source,
    isExample: r.is_example === 1,
    densities: byVariety.get(r.id) ?? [],
  }))
}
