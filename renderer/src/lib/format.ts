import type { TFunction } from 'i18next'
import {
  type AreaUnit,
  fromHa,
  fromKg,
  type MassUnit,
  perHaTo,
  toHa,
  toKg,
  toPerHa,
  yieldFromKgPerHa,
  yieldToKgPerHa,
} from '../../../engine/units'

export type DisplayUnits = { areaUnit: AreaUnit; massUnit: MassUnit }

/** The quantities a user types: each is held in its canonical unit and shown in the plan's. */
export type QuantityKind = 'area' | 'density' | 'yield' | 'yuanPerArea' | 'yuanPerMass'

/**
 * How one quantity shows in an input: canonical → the plan's unit and back, the decimals an input
 * shows (enough that a typed value is never hidden by rounding), the step of its arrows, its unit.
 */
export type Quantity = {
  toDisplay: (canonical: number) => number
  fromDisplay: (shown: number) => number
  inputDigits: number
  step?: number
  unitLabel: string
}

/**
 * Every number a user sees goes through here: converted from canonical units to the plan's
 * units, formatted with Intl for the locale, and labelled with its unit.
 */
export function makeFormat(locale: string, units: DisplayUnits, t: TFunction) {
  // One Intl.NumberFormat per number of decimals: making one costs far more than formatting with
  // it, and a screen of tables and charts formats thousands of numbers.
  const formatters = new Map<number, Intl.NumberFormat>()
  const number = (value: number, digits: number) => {
    let formatter = formatters.get(digits)
    if (!formatter) {
      formatter = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })
      formatters.set(digits, formatter)
    }
    return formatter.format(value)
  }
  let percentFormatter: Intl.NumberFormat | undefined
  const areaName = t(`units.${units.areaUnit}`)
  const massName = t(`units.${units.massUnit}`)
  const yieldDigits = units.massUnit === 't' ? 3 : 0
  const areaUnitLabel = areaName
  const yieldUnitLabel = t('units.perArea', { unit: massName, area: areaName })
  const densityUnitLabel = t('units.plantsPerArea', { area: areaName })
  const perMu = units.areaUnit === 'mu'
  const quantities: Record<QuantityKind, Quantity> = {
    area: {
      toDisplay: (ha) => fromHa(ha, units.areaUnit),
      fromDisplay: (v) => toHa(v, units.areaUnit),
      inputDigits: 4,
      step: perMu ? 1 : 0.1,
      unitLabel: areaName,
    },
    density: {
      toDisplay: (perHa) => perHaTo(perHa, units.areaUnit),
      fromDisplay: (v) => toPerHa(v, units.areaUnit),
      inputDigits: 2,
      step: perMu ? 50 : 500,
      unitLabel: densityUnitLabel,
    },
    yield: {
      toDisplay: (kgPerHa) => yieldFromKgPerHa(kgPerHa, units.massUnit, units.areaUnit),
      fromDisplay: (v) => yieldToKgPerHa(v, units.massUnit, units.areaUnit),
      inputDigits: units.massUnit === 't' ? 4 : 2,
      step: units.massUnit === 't' ? 0.1 : perMu ? 10 : 100,
      unitLabel: t('units.perArea', { unit: massName, area: areaName }),
    },
    yuanPerArea: {
      toDisplay: (perHa) => perHaTo(perHa, units.areaUnit),
      fromDisplay: (v) => toPerHa(v, units.areaUnit),
      inputDigits: 2,
      step: perMu ? 10 : 100,
      unitLabel: t('units.yuanPerArea', { area: areaName }),
    },
    yuanPerMass: {
      // yuan per kg shown per jin or per tonne: a jin costs half a kg's price, a tonne 1,000 times.
      toDisplay: (perKg) => perKg * toKg(1, units.massUnit),
      fromDisplay: (v) => v / toKg(1, units.massUnit),
      inputDigits: 4,
      step: units.massUnit === 't' ? 10 : 0.01,
      unitLabel: t('units.yuanPerMass', { mass: massName }),
    },
  }
  return {
    locale,
    units,
    number,
    areaUnitLabel,
    yieldUnitLabel,
    densityUnitLabel,
    /** How a quantity of this kind is typed and shown in the plan's units (see QuantityInput). */
    quantity: (kind: QuantityKind): Quantity => quantities[kind],
    areaValue: (areaHa: number) => fromHa(areaHa, units.areaUnit),
    areaNumber: (areaHa: number) => number(fromHa(areaHa, units.areaUnit), 2),
    area: (areaHa: number) => `${number(fromHa(areaHa, units.areaUnit), 2)} ${areaUnitLabel}`,
    yieldValue: (kgPerHa: number) => yieldFromKgPerHa(kgPerHa, units.massUnit, units.areaUnit),
    yieldNumber: (kgPerHa: number) =>
      number(yieldFromKgPerHa(kgPerHa, units.massUnit, units.areaUnit), yieldDigits),
    densityValue: (plantsPerHa: number) => perHaTo(plantsPerHa, units.areaUnit),
    densityNumber: (plantsPerHa: number) => number(perHaTo(plantsPerHa, units.areaUnit), 0),
    massUnitLabel: massName,
    massValue: (kg: number) => fromKg(kg, units.massUnit),
    /** a production figure (kg) in the plan's mass unit, whole units except tonnes */
    massNumber: (kg: number) => number(fromKg(kg, units.massUnit), units.massUnit === 't' ? 1 : 0),
    /** yuan, whole */
    money: (yuan: number) => number(yuan, 0),
    /** a signed percentage with one decimal, e.g. +8.6 % */
    percent: (pct: number) => {
      percentFormatter ??= new Intl.NumberFormat(locale, {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      })
      return `${pct > 0 ? '+' : ''}${percentFormatter.format(pct)} %`
    },
  }
}

export type Format = ReturnType<typeof makeFormat>
