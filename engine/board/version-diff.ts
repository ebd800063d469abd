import type { PlanLoan } from '../schemas/loan'
import type { PlanField, PlanVariety, Scenario, ScenarioChange } from '../schemas/plan'
import type { VersionContent, VersionRisk, VersionScenarioResult } from './version'

/**
 * What changed between two versions of a plan ("what changed since the last meeting"): fields
 * added, removed or changed (attribute by attribute), scenarios added, removed, renamed or
 * re-planned (field by field), assumptions changed or reset, varieties and loans, and the key
 * figures of every scenario side by side. Pure; both sides are stored versions, nothing is
 * recomputed.
 */

/** One attribute's value before and after (a yield history is compared as one value). */
export type ValueChange = { key: string; from: unknown; to: unknown }

export type FieldRef = { id: number; name: string; village: string }
export type FieldDiff = FieldRef & { changes: ValueChange[] }

/** A change to what a scenario does on one field: the field, and each setting before and after. */
export type ScenarioFieldDiff = { fieldId: number; fieldName: string; changes: ValueChange[] }

export type ScenarioDiff = {
  id: number
  name: string
  /** name, season year, note */
  changes: ValueChange[]
  /** fields whose plan under this scenario changed (a field added to or taken out of it too) */
  fields: ScenarioFieldDiff[]
}

export type AssumptionDiff = {
  key: string
  unit: string | null
  /** value, low and high before and after; null where the default applied */
  from: { value: number; low: number; high: number } | null
  to: { value: number; low: number; high: number } | null
  /** the reason given for the later state (empty when it went back to the default) */
  note: string
}

export type EntityDiff<T> = { added: T[]; removed: T[]; changed: (T & { changes: ValueChange[] })[] }

/** The figures a board compares; null where the scenario is absent on that side. */
export type Kpis = {
  productionKg: number
  upliftPct: number
  grossMarginYuan: number
  investmentYuan: number
  coopInvestmentYuan: number
  npvYuan: number
  npvFinancedYuan: number
  irr: number | null
  paybackYears: number | null
  loanYuan: number
  marginP10Yuan: number | null
  probBeatsBaseline: number | null
}

export type KpiDelta = {
  scenarioId: number | null
  name: string
  isBaseline: boolean
  from: Kpis | null
  to: Kpis | null
}

export type VersionDiff = {
  fields: { added: FieldRef[]; removed: FieldRef[]; changed: FieldDiff[] }
  scenarios: {
    added: { id: number; name: string }[]
    removed: { id: number; name: string }[]
    changed: ScenarioDiff[]
  }
  assumptions: AssumptionDiff[]
  varieties: EntityDiff<{ id: number; name: string }>
  loans: EntityDiff<{ id: number; name: string; scenarioId: number }>
  kpis: KpiDelta[]
  /** true when nothing differs but (at most) the figures */
  unchanged: boolean
}

/** Deep equality of JSON values (what versions store). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
  const ak = Object.keys(a as object)
  const bk = Object.keys(b as object)
  if (ak.length !== bk.length) return false
  const bo = b as Record<string, unknown>
  return ak.every((k) => k in bo && sameJson((a as Record<string, unknown>)[k], bo[k]))
}

/** The keys whose values differ between two records of the same kind, in the later one's order. */
function valueChanges<T extends object>(from: T, to: T, skip: readonly string[] = []): ValueChange[] {
  const keys = [...new Set([...Object.keys(to), ...Object.keys(from)])].filter((k) => !skip.includes(k))
  const f = from as Record<string, unknown>
  const t = to as Record<string, unknown>
  return keys
    .filter((k) => !sameJson(f[k], t[k]))
    .map((k) => ({ key: k, from: f[k] ?? null, to: t[k] ?? null }))
}

function byId<T extends { id: number }>(items: readonly T[]): Map<number, T> {
  return new Map(items.map((x) => [x.id, x]))
}

function entityDiff<T extends { id: number }, R>(
  from: readonly T[],
  to: readonly T[],
  ref: (x: T) => R,
): EntityDiff<R> {
  const a = byId(from)
  const b = byId(to)
  return {
    added: to.filter((x) => !a.has(x.id)).map(ref),
    removed: from.filter((x) => !b.has(x.id)).map(ref),
    changed: to.flatMap((x) => {
      const before = a.get(x.id)
      if (!before) return []
      const changes = valueChanges(before, x, ['id'])
      return changes.length > 0 ? [{ ...ref(x), changes }] : []
    }),
  }
}

const fieldRef = (f: PlanField): FieldRef => ({ id: f.id, name: f.name, village: f.village })

const NO_CHANGE: Omit<ScenarioChange, 'fieldId'> = {
  buildHsf: null,
  varietyId: null,
  densityPlantsPerHa: null,
  waterRegime: null,
}

function scenarioDiff(from: Scenario, to: Scenario, fieldName: (id: number) => string): ScenarioDiff {
  const changes = valueChanges(from, to, ['id', 'changes', 'isBaseline'])
  const a = new Map(from.changes.map((c) => [c.fieldId, c]))
  const b = new Map(to.changes.map((c) => [c.fieldId, c]))
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y)
  const fields = ids.flatMap((fieldId) => {
    const { fieldId: _a, ...before } = a.get(fieldId) ?? { fieldId, ...NO_CHANGE }
    const { fieldId: _b, ...after } = b.get(fieldId) ?? { fieldId, ...NO_CHANGE }
    const c = valueChanges(before, after)
    return c.length > 0 ? [{ fieldId, fieldName: fieldName(fieldId), changes: c }] : []
  })
  return { id: to.id, name: to.name, changes, fields }
}

function kpis(s: VersionScenarioResult | undefined, r: VersionRisk | undefined): Kpis | null {
  if (!s) return null
  return {
    productionKg: s.totals.productionKg,
    upliftPct: s.totals.upliftPct,
    grossMarginYuan: s.totals.money.grossMarginYuan,
    investmentYuan: s.totals.investmentYuan,
    coopInvestmentYuan: s.totals.funding.coopYuan,
    npvYuan: s.finance.npvYuan,
    npvFinancedYuan: s.finance.npvFinancedYuan,
    irr: s.finance.irr,
    paybackYears: s.finance.paybackYears,
    loanYuan: s.finance.financing.loanYuan,
    marginP10Yuan: r ? r.grossMarginYuan.p10 : null,
    probBeatsBaseline: r ? r.probBeatsBaseline : null,
  }
}

/** The key figures of one version's scenarios (the summary and comparison read them too). */
export function versionKpis(content: VersionContent): KpiDelta[] {
  return kpiDeltas(null, content)
}

function kpiDeltas(from: VersionContent | null, to: VersionContent): KpiDelta[] {
  const key = (s: { scenarioId: number | null; isBaseline: boolean }) =>
    s.isBaseline ? 'baseline' : s.scenarioId
  const riskA = new Map(from?.results.risk.scenarios.map((r) => [key(r), r]))
  const riskB = new Map(to.results.risk.scenarios.map((r) => [key(r), r]))
  const a = new Map(from?.results.scenarios.map((s) => [key(s), s]))
  const rows: KpiDelta[] = to.results.scenarios.map((s) => ({
    scenarioId: s.scenarioId,
    name: s.name,
    isBaseline: s.isBaseline,
    from: from ? kpis(a.get(key(s)), riskA.get(key(s))) : null,
    to: kpis(s, riskB.get(key(s))),
  }))
  const inB = new Set(to.results.scenarios.map(key))
  for (const s of from?.results.scenarios ?? [])
    if (!inB.has(key(s)))
      rows.push({
        scenarioId: s.scenarioId,
        name: s.name,
        isBaseline: s.isBaseline,
        from: kpis(s, riskA.get(key(s))),
        to: null,
      })
  return rows
}

function assumptionDiffs(from: VersionContent, to: VersionContent): AssumptionDiff[] {
  const a = new Map(from.plan.assumptions.map((o) => [o.key, o]))
  const b = new Map(to.plan.assumptions.map((o) => [o.key, o]))
  const units = new Map(
    [...from.results.changedAssumptions, ...to.results.changedAssumptions].map((x) => [x.key, x.unit]),
  )
  const range = (o: { value: number; low: number; high: number } | undefined) =>
    o ? { value: o.value, low: o.low, high: o.high } : null
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort()
  return keys.flatMap((key) => {
    const before = range(a.get(key))
    const after = range(b.get(key))
    if (sameJson(before, after)) return []
    return [{ key, unit: units.get(key) ?? null, from: before, to: after, note: b.get(key)?.note ?? '' }]
  })
}

export function diffVersions(from: VersionContent, to: VersionContent): VersionDiff {
  const fieldsA = byId(from.plan.fields)
  const fieldsB = byId(to.plan.fields)
  const fieldName = (id: number) => fieldsB.get(id)?.name ?? fieldsA.get(id)?.name ?? `#${id}`
  const fields = {
    added: to.plan.fields.filter((f) => !fieldsA.has(f.id)).map(fieldRef),
    removed: from.plan.fields.filter((f) => !fieldsB.has(f.id)).map(fieldRef),
    changed: to.plan.fields.flatMap((f) => {
      const before = fieldsA.get(f.id)
      if (!before) return []
      const changes = valueChanges(before, f, ['id'])
      return changes.length > 0 ? [{ ...fieldRef(f), changes }] : []
    }),
  }
  const scA = byId(from.plan.scenarios)
  const scB = byId(to.plan.scenarios)
  const scenarios = {
    added: to.plan.scenarios.filter((s) => !scA.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    removed: from.plan.scenarios.filter((s) => !scB.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    changed: to.plan.scenarios.flatMap((s) => {
      const before = scA.get(s.id)
      if (!before) return []
      const d = scenarioDiff(before, s, fieldName)
      return d.changes.length > 0 || d.fields.length > 0 ? [d] : []
    }),
  }
  const varieties = entityDiff<PlanVariety, { id: number; name: string }>(
    from.plan.varieties,
    to.plan.varieties,
    (v) => ({ id: v.id, name: v.name }),
  )
  const loans = entityDiff<PlanLoan, { id: number; name: string; scenarioId: number }>(
    from.plan.loans,
    to.plan.loans,
    (l) => ({ id: l.id, name: l.name, scenarioId: l.scenarioId }),
  )
  const assumptions = assumptionDiffs(from, to)
  const unchanged =
    fields.added.length + fields.removed.length + fields.changed.length === 0 &&
    scenarios.added.length + scenarios.removed.length + scenarios.changed.length === 0 &&
    assumptions.length === 0 &&
    varieties.added.length + varieties.removed.length + varieties.changed.length === 0 &&
    loans.added.length + loans.removed.length + loans.changed.length === 0
  return { fields, scenarios, assumptions, varieties, loans, kpis: kpiDeltas(from, to), unchanged }
}
