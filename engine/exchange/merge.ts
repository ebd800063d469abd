import type { AssumptionOverride } from '../assumptions/types'
import type { PlanLoan } from '../schemas/loan'
import type { Plan, PlanField, PlanVariety, Scenario, ScenarioChange } from '../schemas/plan'

/**
 * Merging a plan file's scenarios and assumption changes into the open workspace. Fields are
 * matched by name (ids differ between workspaces), varieties by name too. Anything the two
 * disagree on is a named conflict the user decides; until every conflict has a choice nothing
 * is merged.
 */

export const MERGE_CHOICES = ['mine', 'theirs', 'copy'] as const
export type MergeChoice = (typeof MERGE_CHOICES)[number]

export type MergeConflict =
  /** a field of the same name with other data; `differences` names the inputs */
  | { id: string; kind: 'field'; name: string; differences: string[]; choices: MergeChoice[] }
  /** a scenario of the same name with other changes, note, season or loans */
  | { id: string; kind: 'scenario'; name: string; choices: MergeChoice[] }
  /** an assumption the two changed to different values */
  | { id: string; kind: 'assumption'; name: string; mine: number; theirs: number; choices: MergeChoice[] }
  /** the file's scenarios change a field this workspace lacks; `scenarios` names them */
  | { id: string; kind: 'missingField'; name: string; scenarios: string[]; choices: MergeChoice[] }

export type MergeChoices = Record<string, MergeChoice>

/** What a merge writes, each list with the workspace's ids. */
export type MergeWrites = {
  varieties: PlanVariety[]
  newFields: PlanField[]
  updatedFields: PlanField[]
  newScenarios: Scenario[]
  replacedScenarios: Scenario[]
  loans: PlanLoan[]
  overrides: AssumptionOverride[]
}

export type MergeResult = {
  conflicts: MergeConflict[]
  /** the choices that are missing or do not fit their conflict (the merge is refused) */
  unresolved: string[]
  writes: MergeWrites
  /** the workspace's plan as it would be after the merge (checked whole before writing) */
  merged: Plan
}

const FIELD_KEYS = [
  'village',
  'township',
  'areaHa',
  'crop',
  'variety',
  'densityPlantsPerHa',
  'waterRegime',
  'hasHsf',
  'hsfYearBuilt',
  'salineClass',
  'heatSumCd',
  'region',
  'qualityGrade',
  'note',
  'history',
] as const

/** The next free id after the workspace's own, one at a time. */
function counter(items: readonly { id: number }[]): () => number {
  let max = items.reduce((m, x) => Math.max(m, x.id), 0)
  return () => ++max
}

/** A name not yet taken: "name (2)", "name (3)", … */
export function freeName(name: string, taken: Set<string>, max: number): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`
    const candidate = `${name.slice(0, max - suffix.length)}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

export function mergePlans(mine: Plan, theirs: Plan, choices: MergeChoices | null): MergeResult {
  const conflicts: MergeConflict[] = []
  const writes: MergeWrites = {
    varieties: [],
    newFields: [],
    updatedFields: [],
    newScenarios: [],
    replacedScenarios: [],
    loans: [],
    overrides: [],
  }
  const choice = (id: string) => choices?.[id]
  const newVarietyId = counter(mine.varieties)
  const newFieldId = counter(mine.fields)
  const newScenarioId = counter(mine.scenarios)
  const newLoanId = counter(mine.loans)

  // Varieties by name; one the workspace lacks comes along when anything names it.
  const myVarietyByName = new Map(mine.varieties.map((v) => [v.name, v]))
  const theirVariety = new Map(theirs.varieties.map((v) => [v.id, v]))
  const varietyMap = new Map<number, number>()
  const mapVariety = (id: number | null): number | null => {
    if (id === null) return null
    const known = varietyMap.get(id)
    if (known !== undefined) return known
    const v = theirVariety.get(id)!
    const mineV = myVarietyByName.get(v.name)
    const target = mineV ? mineV.id : newVarietyId()
    if (!mineV) writes.varieties.push({ ...v, id: target })
    varietyMap.set(id, target)
    return target
  }
  const varietyName = (plan: Plan, id: number | null) =>
    id === null ? null : (plan.varieties.find((v) => v.id === id)?.name ?? null)

  const scenarios = theirs.scenarios.filter((s) => !s.isBaseline)
  const theirField = new Map(theirs.fields.map((f) => [f.id, f]))
  const myFieldByName = new Map(mine.fields.map((f) => [f.name, f]))
  const fieldNames = new Set(mine.fields.map((f) => f.name))

  // The fields the file's scenarios change, each once, in the file's order.
  const referenced = new Map<number, string[]>()
  for (const s of scenarios)
    for (const c of s.changes) referenced.set(c.fieldId, [...(referenced.get(c.fieldId) ?? []), s.name])

  const fieldTarget = new Map<number, number | null>()
  const compareField = (a: PlanField, pa: Plan, b: PlanField, pb: Plan) =>
    FIELD_KEYS.filter((k) => {
      if (k === 'variety') return varietyName(pa, a.varietyId) !== varietyName(pb, b.varietyId)
      return JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null)
    })
  const asMine = (f: PlanField, id: number, name: string, groupId: number | null): PlanField => ({
    ...f,
    id,
    name,
    groupId,
    varietyId: mapVariety(f.varietyId),
  })
  for (const [fieldId, inScenarios] of referenced) {
    const f = theirField.get(fieldId)!
    const m = myFieldByName.get(f.name)
    if (!m) {
      const id = `missingField:${f.name}`
      conflicts.push({
        id,
        kind: 'missingField',
        name: f.name,
        scenarios: inScenarios,
        choices: ['theirs', 'mine'],
      })
      if (choice(id) === 'theirs') {
        const added = asMine(f, newFieldId(), f.name, null)
        writes.newFields.push(added)
        fieldTarget.set(fieldId, added.id)
      } else fieldTarget.set(fieldId, null)
      continue
    }
    const differences = compareField(m, mine, f, theirs)
    if (differences.length === 0) {
      fieldTarget.set(fieldId, m.id)
      continue
    }
    const id = `field:${f.name}`
    conflicts.push({ id, kind: 'field', name: f.name, differences, choices: ['mine', 'theirs', 'copy'] })
    const c = choice(id)
    if (c === 'theirs') writes.updatedFields.push(asMine(f, m.id, m.name, m.groupId))
    if (c === 'copy') {
      const name = freeName(f.name, fieldNames, 60)
      fieldNames.add(name)
      const added = asMine(f, newFieldId(), name, null)
      writes.newFields.push(added)
      fieldTarget.set(fieldId, added.id)
    } else fieldTarget.set(fieldId, m.id)
  }

  const mapChanges = (s: Scenario): ScenarioChange[] =>
    s.changes.flatMap((c) => {
      const target = fieldTarget.get(c.fieldId)
      return target == null ? [] : [{ ...c, fieldId: target, varietyId: mapVariety(c.varietyId) }]
    })
  // A scenario's content by names, to tell whether two of the same name say the same.
  const byNames = (plan: Plan, s: Scenario) => {
    const fieldName = new Map(plan.fields.map((f) => [f.id, f.name]))
    const changes = s.changes
      .map((c) => ({ ...c, fieldId: fieldName.get(c.fieldId), varietyId: varietyName(plan, c.varietyId) }))
      .sort((a, b) => String(a.fieldId).localeCompare(String(b.fieldId)))
    const loans = plan.loans.filter((l) => l.scenarioId === s.id).map(({ id: _i, scenarioId: _s, ...l }) => l)
    return JSON.stringify([s.seasonYear, s.note, changes, loans])
  }
  const scenarioNames = new Set(mine.scenarios.map((s) => s.name))
  const loansOf = (s: Scenario, scenarioId: number) =>
    theirs.loans.filter((l) => l.scenarioId === s.id).map((l) => ({ ...l, id: newLoanId(), scenarioId }))
  for (const s of scenarios) {
    const m = mine.scenarios.find((x) => x.name === s.name)
    if (!m) {
      const id = newScenarioId()
      writes.newScenarios.push({ ...s, id, changes: mapChanges(s) })
      writes.loans.push(...loansOf(s, id))
      scenarioNames.add(s.name)
      continue
    }
    if (byNames(mine, m) === byNames(theirs, s)) continue
    const id = `scenario:${s.name}`
    const choicesHere: MergeChoice[] = m.isBaseline ? ['mine', 'copy'] : ['mine', 'theirs', 'copy']
    conflicts.push({ id, kind: 'scenario', name: s.name, choices: choicesHere })
    const c = choice(id)
    if (c === 'theirs' && !m.isBaseline) {
      writes.replacedScenarios.push({
        ...s,
        id: m.id,
        name: m.name,
        isBaseline: false,
        changes: mapChanges(s),
      })
      writes.loans.push(...loansOf(s, m.id))
    } else if (c === 'copy') {
      const name = freeName(s.name, scenarioNames, 60)
      scenarioNames.add(name)
      const newId = newScenarioId()
      writes.newScenarios.push({ ...s, id: newId, name, changes: mapChanges(s) })
      writes.loans.push(...loansOf(s, newId))
    }
  }

  const myOverride = new Map(mine.assumptions.map((a) => [a.key, a]))
  for (const o of theirs.assumptions) {
    const m = myOverride.get(o.key)
    if (!m) {
      writes.overrides.push(o)
      continue
    }
    if (m.value === o.value && m.low === o.low && m.high === o.high) continue
    const id = `assumption:${o.key}`
    conflicts.push({
      id,
      kind: 'assumption',
      name: o.key,
      mine: m.value,
      theirs: o.value,
      choices: ['mine', 'theirs'],
    })
    if (choice(id) === 'theirs') writes.overrides.push(o)
  }

  const unresolved = conflicts
    .filter((c) => !c.choices.includes(choice(c.id) as MergeChoice))
    .map((c) => c.id)
  const replaced = new Map(writes.replacedScenarios.map((s) => [s.id, s]))
  const updated = new Map(writes.updatedFields.map((f) => [f.id, f]))
  const overridden = new Set(writes.overrides.map((o) => o.key))
  const merged: Plan = {
    ...mine,
    varieties: [...mine.varieties, ...writes.varieties],
    fields: [...mine.fields.map((f) => updated.get(f.id) ?? f), ...writes.newFields],
    scenarios: [...mine.scenarios.map((s) => replaced.get(s.id) ?? s), ...writes.newScenarios],
    assumptions: [...mine.assumptions.filter((a) => !overridden.has(a.key)), ...writes.overrides],
    loans: [...mine.loans.filter((l) => !replaced.has(l.scenarioId)), ...writes.loans],
  }
  return { conflicts, unresolved, writes, merged }
}
