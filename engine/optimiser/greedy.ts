import { startValue } from './formulation'
import type { OptimiserInput, ScheduleItem } from './types'

/**
 * The rule of thumb the optimiser is measured against: year by year, take the actions with the
 * best gain per yuan of the co-op's capital first (free ones before all), skipping any that does
 * not fit the year's budget with the loan left, the quotas or the field count, or whose
 * prerequisite has not started. It knows nothing of minimum production.
 */
export function greedySchedule(input: OptimiserInput): ScheduleItem[] {
  const kept = new Set(input.keepFieldIds)
  const first = input.years[0]!.year
  const startedIn = new Map<string, number>()
  const schedule: ScheduleItem[] = []
  let loanLeft = input.loanLimitYuan
  input.years.forEach((y, k) => {
    const ranked = input.candidates
      .map((cand, c) => ({ cand, value: startValue(input, c, k) }))
      .filter(
        (r): r is { cand: typeof r.cand; value: number } =>
          r.value !== null && r.value > 0 && !kept.has(r.cand.fieldId),
      )
      .map((r) => ({
        ...r,
        perYuan: r.cand.coopYuan > 0 ? r.value / r.cand.coopYuan : Number.POSITIVE_INFINITY,
      }))
      .sort((a, b) => b.perYuan - a.perYuan || b.value - a.value)
    let spend = 0
    let loanable = 0
    let government = 0
    let hsfHa = 0
    const fields = new Set<number>()
    let added = true
    // Another pass picks up actions whose prerequisite was taken later in the same year.
    while (added) {
      added = false
      for (const { cand } of ranked) {
        const key = `${cand.fieldId}/${cand.action}`
        if (startedIn.has(key)) continue
        if (cand.requires !== null && !startedIn.has(`${cand.fieldId}/${cand.requires}`)) continue
        const s = spend + cand.coopYuan
        const l = loanable + cand.loanableYuan
        const loanNeed = Math.max(0, s - y.coopBudgetYuan)
        if (loanNeed > l + 1e-9 || loanNeed > loanLeft + 1e-9) continue
        if (y.govQuotaYuan !== null && government + cand.governmentYuan > y.govQuotaYuan + 1e-9) continue
        if (y.hsfQuotaHa !== null && cand.action === 'hsf' && hsfHa + cand.areaHa > y.hsfQuotaHa + 1e-9)
          continue
        if (y.maxFields !== null && !fields.has(cand.fieldId) && fields.size + 1 > y.maxFields) continue
        spend = s
        loanable = l
        government += cand.governmentYuan
        if (cand.action === 'hsf') hsfHa += cand.areaHa
        fields.add(cand.fieldId)
        startedIn.set(key, k)
        schedule.push({ year: first + k, fieldId: cand.fieldId, action: cand.action })
        added = true
      }
    }
    loanLeft -= Math.max(0, spend - y.coopBudgetYuan)
  })
  return schedule
}
