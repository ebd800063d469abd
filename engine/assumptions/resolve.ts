import { AppError, type Issue } from '../errors'
import { assumptionIssues } from './bounds'
import { DEFAULT_ASSUMPTIONS } from './defaults'
import type { AssumptionOverride, AssumptionRecord } from './types'

export type EffectiveAssumption = AssumptionRecord & {
  isOverridden: boolean
  defaultValue: number
  defaultLow: number
  defaultHigh: number
  changedAt: string | null
  /**
   * What is wrong with this assumption as it stands (paths relative to it): empty, except for an
   * override stored before the hard bounds existed. Such a row is still listed so that the user
   * can see it and reset it; evaluation refuses it until then.
   */
  issues: Issue[]
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
      issues: o ? assumptionIssues(o) : [],
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

/**
 * Refuses overrides for keys the model does not know, outside their hard bounds, or with a value
 * outside their own range: a VALIDATION error whose paths name the assumption by its key
 * (['assumptions', key, 'value']), so a stored override that is now out of bounds says which one
 * to reset. Every evaluation and simulation starts here.
 */
export function checkOverrides(overrides: readonly AssumptionOverride[]): void {
  const issues = overrides.flatMap((o, i): Issue[] =>
    assumptionIssues(o).map((issue) =>
      issue.rule === 'unknown_assumption'
        ? { ...issue, path: ['assumptions', i, 'key'] }
        : { ...issue, path: ['assumptions', o.key, ...issue.path] },
    ),
  )
  if (issues.length > 0) {
    const keys = [...new Set(issues.map((i) => String(i.path[1])))].join(', ')
    throw new AppError('VALIDATION', `Assumption overrides are invalid: ${keys}`, { issues })
  }
}
