import type { TFunction } from 'i18next'
import type { HistoryConflict } from '../../../../engine/actuals/entry'
import type { CalibrationProposal } from '../../../../engine/actuals/types'
import type { Format } from '../../lib/format'

/** A yield in the plan's units with its unit: 1,140 斤/亩. */
export function yieldText(format: Format, kgPerHa: number): string {
  return `${format.yieldNumber(kgPerHa)} ${format.yieldUnitLabel}`
}

/** A production in the plan's mass unit with its unit: 1,234,000 斤. */
export function massText(format: Format, kg: number): string {
  return `${format.massNumber(kg)} ${format.massUnitLabel}`
}

/** Yuan, whole, with the unit. */
export function yuanText(t: TFunction, format: Format, yuan: number): string {
  return t('harvest.yuan', { value: format.money(yuan) })
}

/** A signed difference with its sign always written: +120 斤/亩, −80 斤/亩. */
export function signedYield(format: Format, kgPerHa: number): string {
  const shown = format.yieldNumber(Math.abs(kgPerHa))
  const sign = kgPerHa > 0 ? '+' : kgPerHa < 0 ? '−' : '±'
  return `${sign}${shown} ${format.yieldUnitLabel}`
}

/** One history conflict as a sentence with both numbers in the plan's units. */
export function conflictText(t: TFunction, format: Format, c: HistoryConflict): string {
  return t('harvest.conflict.line', {
    field: c.fieldName,
    year: c.year,
    history: yieldText(format, c.historyKgPerHa),
    actual: yieldText(format, c.actualKgPerHa),
  })
}

/** A percentage's size with one decimal always shown: 4.0, 12.5. */
export function pctNumber(format: Format, v: number): string {
  return new Intl.NumberFormat(format.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.abs(v),
  )
}
const pct = pctNumber

/**
 * The reason an accepted proposal is recorded with: the evidence as the user read it, e.g.
 * 依据本社 2 季 18 块地的实收：滴灌地块平均比预测高 4.0%（标准误 1.2%，本社数据权重 62%）.
 */
export function reasonText(t: TFunction, format: Format, p: CalibrationProposal): string {
  return t('harvest.reason', {
    seasons: p.seasons,
    fields: p.fields,
    factor: t(`harvest.factorFields.${p.factor}`),
    direction: t(p.biasPct >= 0 ? 'harvest.higher' : 'harvest.lower'),
    pct: pct(format, p.biasPct),
    se: pct(format, p.standardErrorPct),
    weight: format.number(p.evidenceWeight * 100, 0),
    years: p.seasonYears.join('、'),
  })
}
