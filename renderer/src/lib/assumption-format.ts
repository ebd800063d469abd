import type { TFunction } from 'i18next'
import { fromKg } from '../../../engine/units'
import type { Format } from './format'

/** How one assumption shows in the plan's units, and how an edited display value converts back. */
export type AssumptionDisplay = {
  toDisplay: (value: number) => number
  fromDisplay: (value: number) => number
  digits: number
  unit: string
}

/**
 * Assumptions are stored in canonical units (per ha, per kg, ratios). A co-op reads them per mu,
 * per jin and in percent: this is the one place that says how each canonical unit is shown.
 * Every display unit is the canonical value times a constant, so an edit converts back exactly.
 */
export function assumptionDisplay(unit: string, format: Format, t: TFunction): AssumptionDisplay {
  const area = format.areaUnitLabel
  const perArea = format.densityValue(1)
  const scaled = (factor: number, digits: number, label: string): AssumptionDisplay => ({
    toDisplay: (v) => v * factor,
    fromDisplay: (v) => v / factor,
    digits,
    unit: label,
  })
  switch (unit) {
    case 'ratio':
      return scaled(100, 1, t('assumptionUnit.ratio'))
    case 'ratio/year':
      return scaled(100, 2, t('assumptionUnit.perYear'))
    case 'coefficient':
      return scaled(1, 2, '')
    case 'years':
      return scaled(1, 0, t('assumptionUnit.years'))
    case 'yuan/ha':
      return scaled(perArea, 0, t('assumptionUnit.perArea', { area }))
    case 'plants/ha':
      return scaled(perArea, 0, t('assumptionUnit.plantsPerArea', { area }))
    case 'kg/ha':
      return scaled(format.yieldValue(1), 0, format.yieldUnitLabel)
    case 'yuan/kg':
      // A price per kg shown per jin or per tonne: divide by how many display units make a kg.
      return scaled(
        1 / fromKg(1, format.units.massUnit),
        format.units.massUnit === 't' ? 0 : 2,
        t('assumptionUnit.pricePerMass', { mass: format.massUnitLabel }),
      )
    case 'yuan/1000 seeds':
      return scaled(1, 2, t('assumptionUnit.per1000'))
    case '°C·d':
      return scaled(1, 0, t('assumptionUnit.heat'))
    default:
      return scaled(1, 4, unit)
  }
}

/** A canonical value shown in display units, rounded to the digits a user can type. */
export function displayNumber(d: AssumptionDisplay, value: number): number {
  return Math.round(d.toDisplay(value) * 1e6) / 1e6
}

/** The hard bounds in the plan's units, for the edit form's inputs and its messages. */
export function displayBounds(
  d: AssumptionDisplay,
  a: { min: number; max: number },
): { min: number; max: number } {
  return { min: displayNumber(d, a.min), max: displayNumber(d, a.max) }
}

/**
 * A typed display value back to canonical units. A value the user typed at a bound (10,000
 * yuan/mu) converts to the bound itself (150,000 yuan/ha), not to a rounding error just beyond it
 * that the engine would refuse.
 */
export function canonicalValue(
  d: AssumptionDisplay,
  displayed: number,
  a: { min: number; max: number },
): number {
  const v = d.fromDisplay(displayed)
  const near = (bound: number) => Math.abs(v - bound) <= 1e-9 * Math.max(1, Math.abs(bound))
  return near(a.min) ? a.min : near(a.max) ? a.max : v
}

export function assumptionName(t: TFunction, key: string): string {
  return t(`assumptionName.${key.replaceAll('.', '_')}`)
}

/** A default's note in the user's language; a note the co-op wrote itself stays as written. */
export function noteOf(t: TFunction, a: { key: string; note: string; isOverridden: boolean }): string {
  if (a.isOverridden || a.note === '') return a.note
  return t(`assumptionNote.${a.key.replaceAll('.', '_')}`)
}
