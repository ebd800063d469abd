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

export function assumptionName(t: TFunction, key: string): string {
  return t(`assumptionName.${key.replaceAll('.', '_')}`, { defaultValue: key })
}

/** A default's note in the user's language; a note the co-op wrote itself stays as written. */
export function noteOf(t: TFunction, a: { key: string; note: string; isOverridden: boolean }): string {
  if (a.isOverridden) return a.note
  return t(`assumptionNote.${a.key.replaceAll('.', '_')}`, { defaultValue: a.note })
}
