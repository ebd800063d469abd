import { AppError, type Issue } from '../errors'
import { DEFAULT_BY_KEY } from './defaults'

/** What a user, a plan file or a stored override says about one assumption. */
export type AssumptionSetting = { key: string; value: number; low: number; high: number }

export type HardBounds = { min: number; max: number; integer: boolean }

/** The hard bounds of a known assumption (see AssumptionRecord), or undefined for an unknown key. */
export function hardBoundsOf(key: string): HardBounds | undefined {
  const d = DEFAULT_BY_KEY.get(key)
  return d ? { min: d.min, max: d.max, integer: d.integer === true } : undefined
}

const PARTS = ['value', 'low', 'high'] as const

/**
 * The one check of an assumption setting, used by the change and plan schemas, the repository,
 * the evaluation and the edit form alike. Paths are relative to the setting ('key', 'value',
 * 'low', 'high'); no issues means the engine may use it. Value, low and high must each lie within
 * the hard bounds (whole numbers for counts of years), and low ≤ value ≤ high. NaN and infinities
 * fail the bounds check, so nothing non-finite ever reaches the model.
 */
export function assumptionIssues(a: AssumptionSetting): Issue[] {
  const bounds = hardBoundsOf(a.key)
  if (!bounds) return [{ path: ['key'], rule: 'unknown_assumption' }]
  const issues: Issue[] = []
  for (const part of PARTS) {
    const v = a[part]
    if (!(v >= bounds.min && v <= bounds.max)) {
      issues.push({ path: [part], rule: 'outside_hard_bounds', params: { min: bounds.min, max: bounds.max } })
    } else if (bounds.integer && !Number.isInteger(v)) {
      issues.push({ path: [part], rule: 'integer' })
    }
  }
  if (issues.length === 0 && !(a.low <= a.value && a.value <= a.high)) {
    issues.push({ path: ['value'], rule: 'value_outside_range' })
  }
  return issues
}

/** Throws a VALIDATION error listing every problem with one setting (paths relative to it). */
export function checkAssumption(a: AssumptionSetting): void {
  const issues = assumptionIssues(a)
  if (issues.length > 0) throw new AppError('VALIDATION', `Assumption ${a.key} is invalid`, { issues })
}
