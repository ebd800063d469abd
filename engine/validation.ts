import type { z } from 'zod'
import { AppError, type Issue, isRule, type Rule } from './errors'

/** A rule name built from zod's words, kept inside the closed list (anything else is 'invalid'). */
function known(name: string): Rule {
  return isRule(name) ? name : 'invalid'
}

/** Turns zod's issues into our closed, translatable form: a path, a rule name and its parameters. */
export function toIssues(error: z.ZodError, input?: unknown): Issue[] {
  return error.issues.map((issue): Issue => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
    switch (issue.code) {
      case 'too_small': {
        const origin = String(issue.origin)
        if (origin === 'string' && Number(issue.minimum) === 1) return { path, rule: 'required' }
        return {
          path,
          rule: known(issue.inclusive === false ? `greater_than_${origin}` : `min_${origin}`),
          params: { limit: Number(issue.minimum) },
        }
      }
      case 'too_big': {
        const origin = String(issue.origin)
        return {
          path,
          rule: known(issue.inclusive === false ? `less_than_${origin}` : `max_${origin}`),
          params: { limit: Number(issue.maximum) },
        }
      }
      case 'invalid_type': {
        const value = valueAt(input, path)
        if (value === undefined || value === null || value === '') return { path, rule: 'required' }
        if (issue.expected === 'int') return { path, rule: 'integer' }
        return { path, rule: known(`expected_${issue.expected}`) }
      }
      case 'invalid_value':
        return { path, rule: 'invalid_option' }
      case 'unrecognized_keys':
        return { path, rule: 'unknown_key', params: { keys: issue.keys.join(', ') } }
      case 'custom': {
        const params = (issue.params ?? {}) as Record<string, string | number>
        const { rule, ...rest } = params
        return { path, rule: typeof rule === 'string' ? known(rule) : 'invalid', params: rest }
      }
      default:
        return { path, rule: 'invalid' }
    }
  })
}

function valueAt(input: unknown, path: (string | number)[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

/** Parses untrusted data or throws a VALIDATION error that lists every issue. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  throw new AppError('VALIDATION', 'Input failed validation', { issues: toIssues(result.error, input) })
}
