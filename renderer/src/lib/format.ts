import type { TFunction } from 'i18next'
import {
  type AreaUnit,
  fromHa,
  fromKg,
  type MassUnit,
  perHaTo,
  yieldFromKgPerHa,
} from '../../../engine/units'

export type DisplayUnits = { areaUnit: AreaUnit; massUnit: MassUnit }

/**
 * Every number a user sees goes through here: converted from canonical units to the plan's
 * units, formatted with Intl for the locale, and labelled with its unit.
 */
export function makeFormat(locale: string, units: DisplayUnits, t: TFunction) {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)
  const areaName = t(`units.${units.areaUnit}`)
  const massName = t(`units.${units.massUnit}`)
  const yieldDigits = units.massUnit === 't' ? 3 : 0
  const areaUnitLabel = areaName
  const yieldUnitLabel = t('units.perArea', { unit: massName, area: areaName })
  const densityUnitLabel = t('units.plantsPerArea', { area: areaName })
  return {
    locale,
    units,
    number,
    areaUnitLabel,
    yieldUnitLabel,
    densityUnitLabel,
    /** area in the plan's unit, for inputs */
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
    percent: (pct: number) =>
      `${pct > 0 ? '+' : ''}${new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(pct)} %`,
  }
}

export type Format = ReturnType<typeof makeFormat>
