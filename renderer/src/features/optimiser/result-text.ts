import type { TFunction } from 'i18next'
import type { Problem } from '../../../../engine/optimiser/problem'
import type { Binding, OptimiseResult, Shortfall } from '../../../../engine/optimiser/types'
import type { Format } from '../../lib/format'

const oneDecimal = new Map<string, Intl.NumberFormat>()

/**
 * Money as a co-op counts it: 万元 with exactly one decimal from 10,000 yuan up, whole yuan below.
 * English has no word for 万: whole yuan there.
 */
export function moneyText(t: TFunction, format: Format, yuan: number): string {
  if (Math.abs(yuan) < 10_000 || !format.locale.startsWith('zh'))
    return `${format.money(yuan)} ${t('units.yuan')}`
  let wan = oneDecimal.get(format.locale)
  if (!wan) {
    wan = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
    oneDecimal.set(format.locale, wan)
  }
  return `${wan.format(yuan / 10_000)} ${t('optimiser.unit.wan')}`
}

export function massText(format: Format, kg: number): string {
  return `${format.massNumber(kg)} ${format.massUnitLabel}`
}

/** "已求得最优解" or "达到时间上限，最优性差距 0.4 %", and the other outcomes in words. */
export function statusText(t: TFunction, format: Format, result: OptimiseResult): string {
  if (result.status === 'time_limit')
    return t('optimiser.status.time_limit', { gap: format.number(result.gapPct ?? 0, 2) })
  return t(`optimiser.status.${result.status}`)
}

/**
 * What would have to give for every limit to be met, one sentence each, in the workspace's units.
 * Only a minimum production can make a roll-out impossible (doing nothing meets every other
 * limit), so each other shortfall is what the minimum production needs.
 */
export function shortfallSentences(t: TFunction, format: Format, shortfalls: readonly Shortfall[]): string[] {
  return shortfalls.map((s) => {
    const year = s.year ?? ''
    switch (s.family) {
      case 'budget':
      case 'govQuota':
      case 'loanLimit':
        return t(`optimiser.shortfall.${s.family}`, { year, amount: moneyText(t, format, s.amount) })
      case 'hsfQuota':
        return t('optimiser.shortfall.hsfQuota', { year, amount: format.area(s.amount) })
      case 'maxFields':
        return t('optimiser.shortfall.maxFields', { year, count: Math.ceil(s.amount - 1e-6) })
      default:
        return t('optimiser.shortfall.minProduction', { year, amount: massText(format, s.amount) })
    }
  })
}

const massStep = (format: Format) => (format.units.massUnit === 't' ? 10 : 10_000)

/** A change of the objective in its own unit: NPV and the weighted mix in money, production in mass. */
function gainText(t: TFunction, format: Format, objective: Problem['objective'], exact: number): string {
  // an estimate ("约"): three significant digits, not six that would claim a precision it lacks
  const value = exact === 0 ? 0 : Number(exact.toPrecision(3))
  const amount =
    objective.kind === 'production'
      ? massText(format, Math.abs(value))
      : moneyText(t, format, Math.abs(value))
  return t(`optimiser.gain.${objective.kind}.${value >= 0 ? 'up' : 'down'}`, { amount })
}

/**
 * The limits' shadow prices in words: "2026 年自有资金每多 10 万元，净现值约增加 2.3 万元". Each is
 * priced per a step the co-op thinks in (10 万元, one area unit, one field, one mass unit); a
 * minimum production is priced per unit asked less.
 */
export function shadowSentences(
  t: TFunction,
  format: Format,
  objective: Problem['objective'],
  binding: readonly Binding[],
): string[] {
  return binding.map((b) => {
    const year = b.year ?? ''
    if (b.family === 'budget' && Math.abs(b.shadowPrice) < 1e-9)
      return t('optimiser.shadow.budgetSlack', { year })
    const per = (() => {
      switch (b.family) {
        case 'budget':
        case 'govQuota':
        case 'loanLimit':
          return 100_000
        case 'hsfQuota':
          return format.quantity('area').fromDisplay(1)
        case 'maxFields':
          return 1
        default:
          // minProduction: its dual is negative (a higher minimum costs objective): priced per
          // step asked less — 10,000 斤 or kg, 10 t — the scale a co-op's production is talked in
          return -massStep(format) / format.massValue(1)
      }
    })()
    return t(`optimiser.shadow.${b.family}`, {
      year,
      area: format.areaUnitLabel,
      mass: format.massUnitLabel,
      step: format.number(massStep(format), 0),
      gain: gainText(t, format, objective, b.shadowPrice * per),
    })
  })
}
