import type { Scenario, ScenarioChange } from './schemas/plan'

/** What to set on chosen fields; a key left out keeps what the scenario had, null clears it. */
export type ScenarioEdit = {
  buildHsf?: boolean | null
  varietyId?: number | null
  densityPlantsPerHa?: number | null
  waterRegime?: ScenarioChange['waterRegime']
}

/** A field's change that changes nothing: the field as it is today. */
export function asToday(fieldId: number): ScenarioChange {
  return { fieldId, buildHsf: null, varietyId: null, densityPlantsPerHa: null, waterRegime: null }
}

/** Whether a change leaves the field as it is today (building no HSF counts as no change). */
export function changesNothing(c: ScenarioChange): boolean {
  return (
    c.buildHsf !== true && c.varietyId === null && c.densityPlantsPerHa === null && c.waterRegime === null
  )
}

/** One field's change after an edit, or null when nothing is left to change ("as today"). */
export function mergeChange(
  fieldId: number,
  before: ScenarioChange | undefined,
  edit: ScenarioEdit,
): ScenarioChange | null {
  const next: ScenarioChange = {
    fieldId,
    buildHsf: edit.buildHsf !== undefined ? edit.buildHsf : (before?.buildHsf ?? null),
    varietyId: edit.varietyId !== undefined ? edit.varietyId : (before?.varietyId ?? null),
    densityPlantsPerHa:
      edit.densityPlantsPerHa !== undefined ? edit.densityPlantsPerHa : (before?.densityPlantsPerHa ?? null),
    waterRegime: edit.waterRegime !== undefined ? edit.waterRegime : (before?.waterRegime ?? null),
  }
  return changesNothing(next) ? null : next
}

/** A scenario with an edit applied to some fields: the same rule the back end stores. */
export function applyEdit(scenario: Scenario, fieldIds: readonly number[], edit: ScenarioEdit): Scenario {
  const byField = new Map(scenario.changes.map((c) => [c.fieldId, c]))
  for (const id of fieldIds) {
    const next = mergeChange(id, byField.get(id), edit)
    if (next) byField.set(id, next)
    else byField.delete(id)
  }
  return { ...scenario, changes: [...byField.values()].sort((a, b) => a.fieldId - b.fieldId) }
}

/** One setting across several fields: the value they all share, or 'mixed' when they differ. */
export type Shared<T> = T | 'mixed'

export type CommonChange = {
  buildHsf: Shared<boolean | null>
  varietyId: Shared<number | null>
  densityPlantsPerHa: Shared<number | null>
  waterRegime: Shared<ScenarioChange['waterRegime']>
}

/**
 * What a scenario already changes on the chosen fields, setting by setting: the editor starts from
 * it, so a reopened scenario shows what it holds instead of "as today" everywhere. A field the
 * scenario leaves as today counts as null for every setting.
 */
export function commonChange(scenario: Scenario, fieldIds: readonly number[]): CommonChange {
  const byField = new Map(scenario.changes.map((c) => [c.fieldId, c]))
  const shared = <K extends keyof CommonChange>(key: K): CommonChange[K] => {
    let first: unknown
    for (let i = 0; i < fieldIds.length; i++) {
      const value = byField.get(fieldIds[i]!)?.[key] ?? null
      if (i === 0) first = value
      else if (value !== first) return 'mixed' as CommonChange[K]
    }
    return (fieldIds.length === 0 ? null : first) as CommonChange[K]
  }
  return {
    buildHsf: shared('buildHsf'),
    varietyId: shared('varietyId'),
    densityPlantsPerHa: shared('densityPlantsPerHa'),
    waterRegime: shared('waterRegime'),
  }
}
