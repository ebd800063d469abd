import type { TFunction } from 'i18next'
import type { ModelWarning } from '../../../../engine/model/types'
import type { Format } from '../../lib/format'

/** A model warning as a sentence, with its numbers in the plan's units. */
export function warningText(t: TFunction, format: Format, w: ModelWarning): string {
  const density = (key: string) => {
    const v = w.params[key]
    return typeof v === 'number' ? `${format.densityNumber(v)} ${format.densityUnitLabel}` : ''
  }
  return t(`warning.${w.code}`, {
    ...w.params,
    density: density('densityPlantsPerHa'),
    max: density('maxPlantsPerHa'),
    min: density('minPlantsPerHa'),
    optimum: density('optimumPlantsPerHa'),
  })
}
