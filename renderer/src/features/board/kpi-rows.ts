import type { TFunction } from 'i18next'
import type { Kpis } from '../../../../engine/board/version-diff'
import type { Format } from '../../lib/format'

/**
 * The key figures a board compares between two versions of one scenario, each from → to and the
 * difference, in the plan's units: a production in 斤 (or the plan's mass unit), money in 元, a
 * share in % and its change in percentage points, a payback in years.
 */
export const KPI_KEYS = [
  'productionKg',
  'upliftPct',
  'grossMarginYuan',
  'investmentYuan',
  'coopInvestmentYuan',
  'npvYuan',
  'npvFinancedYuan',
  'irr',
  'paybackYears',
  'loanYuan',
  'marginP10Yuan',
  'probBeatsBaseline',
] as const satisfies readonly (keyof Kpis)[]
export type KpiKey = (typeof KPI_KEYS)[number]

export type KpiRow = { key: KpiKey; label: string; from: string; to: string; change: string }

type Kind = 'mass' | 'pct' | 'yuan' | 'ratio' | 'years' | 'probability'

const KIND: Record<KpiKey, Kind> = {
  productionKg: 'mass',
  upliftPct: 'pct',
  grossMarginYuan: 'yuan',
  investmentYuan: 'yuan',
  coopInvestmentYuan: 'yuan',
  npvYuan: 'yuan',
  npvFinancedYuan: 'yuan',
  irr: 'ratio',
  paybackYears: 'years',
  loanYuan: 'yuan',
  marginP10Yuan: 'yuan',
  probBeatsBaseline: 'probability',
}

/** Figures that mean nothing for current practice itself (it invests nothing and is the yardstick). */
const NOT_FOR_BASELINE: ReadonlySet<KpiKey> = new Set([
  'npvYuan',
  'npvFinancedYuan',
  'irr',
  'paybackYears',
  'probBeatsBaseline',
])

function signed(text: string, v: number): string {
  return v > 0 ? `+${text}` : text
}

export function kpiRows(
  t: TFunction,
  format: Format,
  from: Kpis | null,
  to: Kpis | null,
  isBaseline: boolean,
): KpiRow[] {
  const na = t('scenarios.notApplicable')
  // A share always with one decimal, as elsewhere in the app: 38.0 %, never 38 %.
  const oneDecimal = new Intl.NumberFormat(format.locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })
  const pct = (ratio: number) => `${oneDecimal.format(ratio * 100)} %`
  const shown = (key: KpiKey, k: Kpis | null): string => {
    if (!k) return na
    if (isBaseline && NOT_FOR_BASELINE.has(key)) return na
    const v = k[key]
    switch (KIND[key]) {
      case 'mass':
        return `${format.massNumber(v as number)} ${format.massUnitLabel}`
      case 'pct':
        return format.percent(v as number)
      case 'yuan':
        return v === null ? na : t('board.kpi.yuan', { value: format.money(v as number) })
      case 'ratio':
        return v === null ? t('finance.irrNone') : pct(v as number)
      case 'years':
        if (k.investmentYuan === 0) return na
        return v === null
          ? t('scenarios.paybackNone')
          : t('scenarios.paybackYears', { years: format.number(v as number, 1) })
      case 'probability':
        return v === null ? na : pct(v as number)
    }
  }
  const change = (key: KpiKey): string => {
    if (!from && to) return t('board.kpi.newScenario')
    if (from && !to) return t('board.kpi.goneScenario')
    if (!from || !to) return na
    if (isBaseline && NOT_FOR_BASELINE.has(key)) return na
    const a = from[key]
    const b = to[key]
    if (a === null || b === null) return a === b ? t('board.kpi.same') : na
    if (KIND[key] === 'years' && (from.investmentYuan === 0 || to.investmentYuan === 0)) return na
    const d = (b as number) - (a as number)
    if (Math.abs(d) < 1e-9) return t('board.kpi.same')
    switch (KIND[key]) {
      case 'mass': {
        const text = format.massNumber(d)
        // A change too small to show in the unit reads as unchanged, never as "+0".
        if (/^[-−]?0([.,]0*)?$/.test(text)) return t('board.kpi.same')
        return `${signed(text, d)} ${format.massUnitLabel}`
      }
      case 'pct':
        return t('board.kpi.points', { value: signed(format.number(d, 1), d) })
      case 'yuan': {
        const text = format.money(d)
        if (/^[-−]?0$/.test(text)) return t('board.kpi.same')
        return t('board.kpi.yuan', { value: signed(text, d) })
      }
      case 'ratio':
      case 'probability':
        return t('board.kpi.points', { value: signed(format.number(d * 100, 1), d) })
      case 'years':
        return t('scenarios.paybackYears', { years: signed(format.number(d, 1), d) })
    }
  }
  return KPI_KEYS.map((key) => ({
    key,
    label: t(`board.kpi.${key}`, { unit: format.massUnitLabel }),
    from: shown(key, from),
    to: shown(key, to),
    change: change(key),
  }))
}
