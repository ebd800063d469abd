import { effectiveAssumptions } from '../../../../engine/assumptions/resolve'
import type { VersionDetail, VersionRisk, VersionScenarioResult } from '../../../../engine/board/version'
import type { WaterRegime } from '../../../../engine/schemas/field'
import type { PlanField } from '../../../../engine/schemas/plan'

/**
 * What the board pack reads out of a stored version, worked out once: which scenario the summary
 * is about and why, what that scenario changes on which fields, and the money and risk figures
 * its sentences quote. Pure: everything comes from the VersionDetail, nothing from the live plan.
 */

/** Why the summary speaks of this scenario. */
export type FeaturedWhy = 'decided' | 'only' | 'bestNpv'

export type Featured = { scenario: VersionScenarioResult; why: FeaturedWhy }

/**
 * The scenario the summary is about: the one a meeting approved; otherwise the only alternative to
 * current practice, or, among several, the one with the highest NPV (and the summary says so).
 * Null when the version holds current practice alone.
 */
export function featuredScenario(detail: VersionDetail): Featured | null {
  const scenarios = detail.content.results.scenarios
  const decision = detail.decision
  if (decision?.outcome === 'approved' && decision.scenarioId !== null) {
    const chosen = scenarios.find((s) => s.scenarioId === decision.scenarioId)
    if (chosen) return { scenario: chosen, why: 'decided' }
  }
  const alternatives = scenarios.filter((s) => !s.isBaseline)
  if (alternatives.length === 0) return null
  if (alternatives.length === 1) return { scenario: alternatives[0]!, why: 'only' }
  const best = alternatives.reduce((a, b) => (b.totals.npvYuan > a.totals.npvYuan ? b : a))
  return { scenario: best, why: 'bestNpv' }
}

export function baselineOf(detail: VersionDetail): VersionScenarioResult | null {
  return detail.content.results.scenarios.find((s) => s.isBaseline) ?? null
}

export function riskOf(detail: VersionDetail, scenarioId: number | null): VersionRisk | null {
  return detail.content.results.risk.scenarios.find((r) => r.scenarioId === scenarioId) ?? null
}

export function baselineRisk(detail: VersionDetail): VersionRisk | null {
  return detail.content.results.risk.scenarios.find((r) => r.isBaseline) ?? null
}

/** The kinds of change a scenario makes, in the order a sentence names them. */
export const ACTIONS = ['hsf', 'variety', 'density', 'drip', 'water'] as const
export type Action = (typeof ACTIONS)[number]

export type ChangeSummary = {
  fieldCount: number
  areaHa: number
  /** villages of the changed fields, largest changed area first (fields without one left out) */
  villages: string[]
  actions: Action[]
  /** the varieties sown instead, by name */
  varietyNames: string[]
  /** the densities set, plants/ha, ascending */
  densitiesPlantsPerHa: number[]
  /** the water regimes other than drip that fields move to */
  waterRegimes: WaterRegime[]
}

/** What a scenario of the stored plan changes, counted over the fields a change really touches. */
export function changeSummary(detail: VersionDetail, scenarioId: number | null): ChangeSummary {
  const plan = detail.content.plan
  const scenario = plan.scenarios.find((s) => s.id === scenarioId)
  const fields = new Map(plan.fields.map((f) => [f.id, f]))
  const varieties = new Map(plan.varieties.map((v) => [v.id, v.name]))
  const villageArea = new Map<string, number>()
  const actions = new Set<Action>()
  const varietyNames = new Set<string>()
  const densities = new Set<number>()
  const regimes = new Set<WaterRegime>()
  let fieldCount = 0
  let areaHa = 0
  for (const c of scenario?.changes ?? []) {
    const field = fields.get(c.fieldId)
    if (!field) continue
    const here: Action[] = []
    if (c.buildHsf === true && !field.hasHsf) here.push('hsf')
    if (c.varietyId !== null && c.varietyId !== field.varietyId) {
      here.push('variety')
      const name = varieties.get(c.varietyId)
      if (name) varietyNames.add(name)
    }
    if (c.densityPlantsPerHa !== null && c.densityPlantsPerHa !== field.densityPlantsPerHa) {
      here.push('density')
      densities.add(c.densityPlantsPerHa)
    }
    if (c.waterRegime !== null && c.waterRegime !== field.waterRegime) {
      if (c.waterRegime === 'drip') here.push('drip')
      else {
        here.push('water')
        regimes.add(c.waterRegime)
      }
    }
    if (here.length === 0) continue
    for (const a of here) actions.add(a)
    fieldCount++
    areaHa += field.areaHa
    if (field.village.trim() !== '')
      villageArea.set(field.village, (villageArea.get(field.village) ?? 0) + field.areaHa)
  }
  return {
    fieldCount,
    areaHa,
    villages: [...villageArea.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v),
    actions: ACTIONS.filter((a) => actions.has(a)),
    varietyNames: [...varietyNames],
    densitiesPlantsPerHa: [...densities].sort((a, b) => a - b),
    waterRegimes: [...regimes],
  }
}

/** The co-op's own money in a scenario's investment, and what loans bring in besides. */
export type Funding = {
  totalYuan: number
  governmentYuan: number
  /** the co-op's share of the investment (loans included) */
  coopYuan: number
  loanYuan: number
  /** the part of the co-op's share it pays from its own funds */
  ownFundsYuan: number
  /** debt service in the first year of repayment, after 贴息 */
  annualPaymentYuan: number
}

export function fundingOf(s: VersionScenarioResult): Funding {
  const f = s.totals.funding
  const loanYuan = s.finance.financing.loanYuan
  return {
    totalYuan: s.totals.investmentYuan,
    governmentYuan: f.governmentYuan,
    coopYuan: f.coopYuan,
    loanYuan,
    ownFundsYuan: Math.max(0, f.coopYuan - loanYuan),
    annualPaymentYuan: s.finance.financing.annualPaymentYuan,
  }
}

/** The money model's horizon (years after the investment) and discount rate the version used. */
export function financeTerms(detail: VersionDetail): { horizonYears: number; discountRate: number } {
  const all = effectiveAssumptions(detail.content.plan.assumptions)
  const value = (key: string) => all.find((a) => a.key === key)?.value ?? 0
  return { horizonYears: value('finance.horizonYears'), discountRate: value('finance.discountRate') }
}

/** Scenarios whose money moves: an investment, a loan or a replacement within the horizon. */
export function scenariosWithCashFlow(detail: VersionDetail): VersionScenarioResult[] {
  return detail.content.results.scenarios.filter(
    (s) =>
      !s.isBaseline &&
      (s.loans.length > 0 || s.finance.cashFlow.some((y) => y.investmentYuan !== 0 || y.loanDrawYuan !== 0)),
  )
}

/** One row of the field appendix: the stored field, and its result under each scenario. */
export type FieldRow = {
  field: PlanField
  baselineYieldKgPerHa: number
  /** yield per scenario id (null: current practice), kg/ha */
  yieldByScenario: Map<number | null, number>
  /** the featured scenario's uplift, % */
  upliftPct: number | null
  warningCount: number
}

/** Every field of the version in the stored order, with each scenario's yield. */
export function fieldRows(detail: VersionDetail, featuredId: number | null | undefined): FieldRow[] {
  const scenarios = detail.content.results.scenarios
  const byScenario = scenarios.map((s) => ({
    id: s.scenarioId,
    fields: new Map(s.fields.map((f) => [f.fieldId, f])),
  }))
  return detail.content.plan.fields.map((field) => {
    const yieldByScenario = new Map<number | null, number>()
    let baselineYieldKgPerHa = 0
    let upliftPct: number | null = null
    let warningCount = 0
    for (const s of byScenario) {
      const r = s.fields.get(field.id)
      if (!r) continue
      yieldByScenario.set(s.id, r.yieldKgPerHa)
      baselineYieldKgPerHa = r.baselineYieldKgPerHa
      if (featuredId !== undefined && s.id === featuredId) {
        upliftPct = r.upliftPct
        warningCount = r.warningCount
      }
    }
    return { field, baselineYieldKgPerHa, yieldByScenario, upliftPct, warningCount }
  })
}
