import { AppError, type Issue } from '../errors'
import { DEFAULT_ASSUMPTIONS } from './defaults'
import type { AssumptionOverride, AssumptionRecord } from './types'

export type EffectiveAssumption = AssumptionRecord & {
  isOverridden: boolean
  defaultValue: number
  defaultLow: number
  defaultHigh: number
  changedAt: string | null
}

/** The defaults with the workspace's overrides laid over them, key by key. */
export function effectiveAssumptions(overrides: readonly AssumptionOverride[] = []): EffectiveAssumption[] {
  const byKey = new Map(overrides.map((o) => [o.key, o]))
  return DEFAULT_ASSUMPTIONS.map((d) => {
    const o = byKey.get(d.key)
    return {
      ...d,
      value: o?.value ?? d.value,
      low: o?.low ?? d.low,
      high: o?.high ?? d.high,
      note: o && o.note.length > 0 ? o.note : d.note,
      isOverridden: o !== undefined,
      defaultValue: d.value,
      defaultLow: d.low,
      defaultHigh: d.high,
      changedAt: o?.changedAt ?? null,
    }
  })
}

/** Values by key, for the engine's hot path. */
export type Values = Readonly<Record<string, number>>

export function valuesOf(assumptions: readonly { key: string; value: number }[]): Values {
  const values: Record<string, number> = {}
  for (const a of assumptions) values[a.key] = a.value
  return values
}

/** Reads one coefficient; a missing or non-finite one is a typed error, never NaN downstream. */
export function need(values: Values, key: string): number {
  const v = values[key]
  if (v === undefined || !Number.isFinite(v)) {
    throw new AppError('VALIDATION', `Assumption ${key} is missing or not a number`, {
      issues: [{ path: ['assumptions', key], rule: 'missing_assumption' }],
    })
  }
  return v
}

/** Refuses overrides for keys the model does not know, or with a value outside its own range. */
export function checkOverrides(overrides: readonly AssumptionOverride[]): void {
  const known = new Set(DEFAULT_ASSUMPTIONS.map((d) => d.key))
  const issues = overrides.flatMap((o, i): Issue[] => {
    if (!known.has(o.key)) return [{ path: ['assumptions', i, 'key'], rule: 'unknown_assumption' }]
    if (!(o.low <= o.value && o.value <= o.high))
      return [{ path: ['assumptions', i, 'value'], rule: 'value_outside_range' }]
    return []
  })
  if (issues.length > 0) throw new AppError('VALIDATION', 'Assumption overrides are invalid', { issues })
}
