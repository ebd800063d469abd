import type { TFunction } from 'i18next'
import type { Locale } from '../../../../engine/i18n/locale'
import { fromKg } from '../../../../engine/units'
import { type DisplayUnits, makeFormat } from '../../lib/format'

/**
 * The board pack's numbers: the plan's units through lib/format, and the sizes a board reads at a
 * glance — money in 万元 (Chinese) or thousands and millions of yuan (English), production in 万斤.
 * Every figure carries its unit.
 */
export function makePackFormat(locale: Locale, units: DisplayUnits, t: TFunction) {
  const base = makeFormat(locale, units, t)
  const isZh = locale === 'zh-CN'
  const fixed = new Map<number, Intl.NumberFormat>()
  /** a number with exactly `digits` decimals */
  const exact = (value: number, digits: number) => {
    let f = fixed.get(digits)
    if (!f) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })
      fixed.set(digits, f)
    }
    // −0.0 reads as a loss that is not there
    return f.format(Object.is(Math.round(value * 10 ** digits), -0) ? 0 : value)
  }
  const yuan = (v: number) => t('pack.unit.yuan', { n: base.money(v) })
  /** money as a sentence says it: 84.0 万元, 3,200 元; 4.43 million yuan, 768,800 yuan */
  const money = (v: number) => {
    if (isZh) return Math.abs(v) >= 1e4 ? t('pack.unit.wanYuan', { n: exact(v / 1e4, 1) }) : yuan(v)
    return Math.abs(v) >= 1e6 ? t('pack.unit.millionYuan', { n: exact(v / 1e6, 2) }) : yuan(v)
  }
  /** money in a table column, one scale for the whole column: 76.88 万元 / 768.8k yuan */
  const tableMoney = (v: number) =>
    isZh ? t('pack.unit.wanYuan', { n: exact(v / 1e4, 2) }) : t('pack.unit.kYuan', { n: exact(v / 1e3, 1) })
  const massUnit = base.massUnitLabel
  const mass = (kg: number) => `${base.massNumber(kg)} ${massUnit}`
  /** production as a sentence says it: 193.3 万斤 (Chinese, above 100,000), else in whole units */
  const bigMass = (kg: number) => {
    const shown = fromKg(kg, units.massUnit)
    if (isZh && units.massUnit !== 't' && Math.abs(shown) >= 1e5)
      return t('pack.unit.wanMass', { n: exact(shown / 1e4, 1), unit: massUnit })
    return mass(kg)
  }
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric' })
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
  /** a calendar date (2026-03-01) or a moment (ISO with time), as the reader's calendar says it */
  const date = (iso: string) => {
    // A date without a time is a day in the co-op's calendar: no time zone may move it.
    const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
    if (day) return dateFormat.format(new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])))
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d)
  }
  const dateTime = (iso: string) => {
    const d = new Date(iso)
    return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d)
  }
  return {
    ...base,
    isZh,
    exact,
    yuan,
    money,
    tableMoney,
    mass,
    bigMass,
    /** yuan per area unit, whole */
    yuanPerArea: (yuanPerHa: number) =>
      `${base.money(base.densityValue(yuanPerHa))} ${t('units.yuanPerArea', { area: base.areaUnitLabel })}`,
    yieldText: (kgPerHa: number) => `${base.yieldNumber(kgPerHa)} ${base.yieldUnitLabel}`,
    densityText: (plantsPerHa: number) => `${base.densityNumber(plantsPerHa)} ${base.densityUnitLabel}`,
    /** a share 0…1 as a whole percentage: 41 % */
    share: (x: number) => t('pack.unit.percent', { n: exact(x * 100, 0) }),
    /** a rate 0…1 with one decimal: 4.5 % */
    rate: (x: number) => t('pack.unit.percent', { n: exact(x * 100, 1) }),
    date,
    dateTime,
  }
}

export type PackFormat = ReturnType<typeof makePackFormat>
