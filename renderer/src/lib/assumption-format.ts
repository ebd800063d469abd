import type { TFunction } from 'i18next'
import { fromKg } from '../../../engine/units'
import type { Format } from './format'

/** How one assumption shows in the plan's units: a converter and a unit label. */
export type AssumptionDisplay = { toDisplay: (value: number) => number; digits: number; unit: string }

/**
 * Assumptions are stored in canonical units (per ha, per kg, ratios). A co-op reads them per mu,
 * per jin and in percent: this is the one place that says how each canonical unit is shown.
 */
export function assumptionDisplay(unit: string, format: Format, t: TFunction): AssumptionDisplay {
  const area = format.areaUnitLabel
  switch (unit) {
    case 'ratio':
      return { toDisplay: (v) => v * 100, digits: 1, unit: t('assumptionUnit.ratio') }
    case 'ratio/year':
      return { toDisplay: (v) => v * 100, digits: 2, unit: t('assumptionUnit.perYear') }
    case 'coefficient':
      return { toDisplay: (v) => v, digits: 2, unit: '' }
    case 'years':
      return { toDisplay: (v) => v, digits: 0, unit: t('assumptionUnit.years') }
    case 'yuan/ha':
      return {
        toDisplay: (v) => format.densityValue(v),
        digits: 0,
        unit: t('assumptionUnit.perArea', { area }),
      }
    case 'plants/ha':
      return {
        toDisplay: (v) => format.densityValue(v),
        digits: 0,
        unit: t('assumptionUnit.plantsPerArea', { area }),
      }
    case 'kg/ha':
      return { toDisplay: (v) => format.yieldValue(v), digits: 0, unit: format.yieldUnitLabel }
    case 'yuan/kg': {
      const mass = format.units.massUnit
      // A price per kg shown per jin or per tonne: divide by the mass of one display unit in kg.
      return {
        toDisplay: (v) => v / fromKg(1, mass),
        digits: mass === 't' ? 0 : 2,
        unit: t('assumptionUnit.pricePerMass', { mass: format.massUnitLabel }),
      }
    }
    case 'yuan/1000 seeds':
      return { toDisplay: (v) => v, digits: 2, unit: t('assumptionUnit.per1000') }
    case '°C·d':
      return { toDisplay: (v) => v, digits: 0, unit: t('assumptionUnit.heat') }
    default:
      return { toDisplay: (v) => v, digits: 4, unit }
  }
}

export function assumptionName(t: TFunction, key: string): string {
  return t(`assumptionName.${key.replaceAll('.', '_')}`, { defaultValue: key })
}
