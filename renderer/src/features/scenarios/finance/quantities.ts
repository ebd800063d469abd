import type { TFunction } from 'i18next'
import type { Quantity } from '../../../lib/format'

/** The loan form's quantities: yuan as typed, ratios shown as percent, whole years. */
export function loanQuantities(t: TFunction): Record<'yuan' | 'percent' | 'years', Quantity> {
  return {
    yuan: {
      toDisplay: (y) => y,
      fromDisplay: (y) => y,
      inputDigits: 2,
      step: 10_000,
      unitLabel: t('units.yuan'),
    },
    percent: {
      toDisplay: (r) => r * 100,
      fromDisplay: (p) => p / 100,
      inputDigits: 4,
      step: 0.05,
      unitLabel: '%',
    },
    years: {
      toDisplay: (n) => n,
      fromDisplay: (n) => n,
      inputDigits: 0,
      step: 1,
      unitLabel: t('units.year'),
    },
  }
}
