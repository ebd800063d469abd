import { type CostItem, costKey } from './cost-defaults'
import { DEFAULT_BY_KEY } from './defaults'
import type { AssumptionOverride } from './types'

/**
 * Keys an earlier version had and this one does not, and what an override of one becomes, so
 * that old plan files and workspaces still load with the co-op's own figure.
 *
 * `cost.<crop>.inputsYuanPerHa` covered fertiliser, pesticide, tillage and sowing. An override of it
 * is split over those four items in proportion to their defaults: the four add up to the old value,
 * low and high. An item the co-op has since set itself keeps its own figure.
 */
const INPUT_ITEMS: readonly CostItem[] = ['fertiliser', 'pesticide', 'tillage', 'sowing']
const RETIRED_INPUTS = /^cost\.(maize|soybean|rice)\.inputsYuanPerHa$/

type Loose = { key?: unknown; value?: unknown; low?: unknown; high?: unknown }

const isOverride = (o: unknown): o is AssumptionOverride => {
  const x = o as Loose
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof x.key === 'string' &&
    typeof x.value === 'number' &&
    typeof x.low === 'number' &&
    typeof x.high === 'number'
  )
}

/** Overrides with retired keys turned into current ones; anything else passes through untouched. */
export function migrateOverrides<T>(overrides: readonly T[]): T[] {
  const explicit = new Set(overrides.filter((o) => isOverride(o)).map((o) => (o as AssumptionOverride).key))
  return overrides.flatMap((o): T[] => {
    if (!isOverride(o)) return [o]
    const crop = RETIRED_INPUTS.exec(o.key)?.[1] as 'maize' | 'soybean' | 'rice' | undefined
    if (!crop) return [o]
    const parts = INPUT_ITEMS.map((item) => DEFAULT_BY_KEY.get(costKey(crop, item))!)
    const sum = parts.reduce((s, p) => s + p.value, 0)
    return parts
      .filter((p) => !explicit.has(p.key))
      .map((p) => ({
        ...o,
        key: p.key,
        value: (p.value / sum) * o.value,
        low: (p.value / sum) * o.low,
        high: (p.value / sum) * o.high,
      }))
  })
}
