import type { Plan } from './schemas/plan'
import type { Locale, Region } from './schemas/workspace'
import type { AreaUnit, MassUnit } from './units'

export type NewCoop = {
  name: string
  county: string
  region: Region
  locale: Locale
  areaUnit: AreaUnit
  massUnit: MassUnit
}

/**
 * A co-op's own, empty workspace: its details and one scenario, current practice (the baseline
 * every other scenario is measured against). No example fields, varieties or scenarios: nothing
 * here is demo data. `baselineName` comes translated from the caller; the engine holds no words.
 */
export function newCoopPlan(coop: NewCoop, baselineName: string, seasonYear: number): Plan {
  return {
    workspace: { ...coop, isDemo: false },
    varieties: [],
    groups: [],
    fields: [],
    scenarios: [{ id: 1, name: baselineName, seasonYear, isBaseline: true, note: '', changes: [] }],
    assumptions: [],
    loans: [],
  }
}
