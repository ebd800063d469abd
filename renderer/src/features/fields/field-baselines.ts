import type { ColumnType } from 'antd/es/table'
import type { TFunction } from 'i18next'
import { effectiveAssumptions, type Values, valuesOf } from '../../../../engine/assumptions/resolve'
import type { AssumptionOverride } from '../../../../engine/assumptions/types'
import { baselineYield } from '../../../../engine/model/baseline'
import type { Crop, YieldRecord } from '../../../../engine/schemas/field'
import type { Format } from '../../lib/format'
import type { Sort } from './field-filters'

type BaselineInput = { id: number; crop: Crop; qualityGrade: number; history: readonly YieldRecord[] }

/**
 * Each field's baseline yield (kg/ha): the figure the engine measures every scenario against, by
 * the engine's own function and the workspace's assumptions. It depends only on the field and the
 * baseline assumptions, so no scenario needs evaluating: a few milliseconds for 3,000 fields. A
 * field whose baseline the assumptions cannot give (one out of its bounds) has none (null).
 */
export function fieldBaselines(fields: readonly BaselineInput[], values: Values): Map<number, number | null> {
  const out = new Map<number, number | null>()
  for (const f of fields) {
    try {
      out.set(f.id, baselineYield(f.crop, f.qualityGrade, f.history, values).yieldKgPerHa)
    } catch {
      out.set(f.id, null)
    }
  }
  return out
}

/** The values the engine reads, from a plan's overrides laid over the defaults. */
export function valuesFromOverrides(overrides: readonly AssumptionOverride[]): Values {
  return valuesOf(effectiveAssumptions(overrides))
}

/**
 * The sortable baseline column both field tables show (the Fields screen and the picker): the
 * baseline in the plan's yield unit, or a word where the assumptions cannot give one.
 */
export function baselineColumn<T extends { id: number }>(opts: {
  title: string
  t: TFunction
  format: Format
  sort: Sort
  baselines: ReadonlyMap<number, number | null>
}): ColumnType<T> {
  const { t, format, sort, baselines } = opts
  return {
    title: opts.title,
    key: 'baseline',
    align: 'right',
    width: 150,
    sorter: true,
    sortOrder: sort?.key === 'baseline' ? sort.order : null,
    render: (_, f) => {
      const b = baselines.get(f.id)
      return b === null || b === undefined ? t('fieldList.noBaseline') : format.yieldNumber(b)
    },
  }
}
