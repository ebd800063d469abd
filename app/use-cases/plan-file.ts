import { createHash } from 'node:crypto'
import { z } from 'zod'
import { AppError, type Rule } from '../../engine/errors'
import { currentVarietySource } from '../../engine/references'
import { type Plan, PlanSchema } from '../../engine/schemas/plan'
import { toIssues } from '../../engine/validation'

/**
 * Plan files (for a USB stick or WeChat): one versioned JSON document with a SHA-256 checksum of
 * its plan, validated whole before anything is used, never half-read.
 */
export const PLAN_FILE_FORMAT = 'fengshou-plan'
export const PLAN_FILE_VERSION = 1
export const PLAN_FILE_MAX_BYTES = 64 * 1024 * 1024

const EnvelopeSchema = z
  .object({
    format: z.literal(PLAN_FILE_FORMAT),
    version: z.number().int().positive(),
    savedAt: z.string().max(40),
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    plan: z.unknown(),
  })
  .strict()

export type PlanFile = {
  format: typeof PLAN_FILE_FORMAT
  version: number
  savedAt: string
  checksum: string
  plan: Plan
}

function checksumOf(plan: unknown): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(plan)).digest('hex')}`
}

export function toPlanFile(plan: Plan, savedAt: Date): PlanFile {
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    savedAt: savedAt.toISOString(),
    checksum: checksumOf(plan),
    plan,
  }
}

function invalid(rule: Rule, message: string, extra: Record<string, string | number> = {}): AppError {
  return new AppError('VALIDATION', message, { issues: [{ path: [], rule, params: extra }] })
}

/**
 * Deepest nesting a plan file may have. A real plan is six levels deep (file, plan, fields, one
 * field, history, one year); reading, checking or hashing a file thousands of levels deep would
 * overflow the stack.
 */
export const MAX_JSON_DEPTH = 64

/**
 * Whether JSON text nests deeper than `limit`, in one pass that counts brackets outside strings.
 * It does not check that the text is JSON: parsing does that afterwards.
 */
export function exceedsJsonDepth(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) {
      inString = true
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true
    } else if (c === 0x5d || c === 0x7d) {
      depth--
    }
  }
  return false
}

/** Parses and checks a plan file's text; any problem is a VALIDATION error that says what. */
export function parsePlanFile(text: string): Plan {
  if (text.length > PLAN_FILE_MAX_BYTES) throw invalid('file_too_large', 'The plan file is too large')
  if (exceedsJsonDepth(text))
    throw invalid('too_deep', 'The plan file is nested too deeply', { limit: MAX_JSON_DEPTH })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw invalid('not_json', 'The plan file is not JSON')
  }
  const envelope = EnvelopeSchema.safeParse(json)
  if (!envelope.success) {
    const version = (json as { version?: unknown })?.version
    if (typeof version === 'number' && version > PLAN_FILE_VERSION) {
      throw invalid('unsupported_version', 'The plan file was made by a newer version', { version })
    }
    throw new AppError('VALIDATION', 'Not a Fengshou plan file', { issues: toIssues(envelope.error, json) })
  }
  if (envelope.data.version > PLAN_FILE_VERSION) {
    throw invalid('unsupported_version', 'The plan file was made by a newer version', {
      version: envelope.data.version,
    })
  }
  if (checksumOf(envelope.data.plan) !== envelope.data.checksum) {
    throw invalid('checksum_mismatch', 'The plan file was changed or damaged after it was saved')
  }
  const plan = PlanSchema.safeParse(envelope.data.plan)
  if (!plan.success) {
    throw new AppError('VALIDATION', 'The plan inside the file is invalid', {
      issues: toIssues(plan.error, envelope.data.plan).map((i) => ({ ...i, path: ['plan', ...i.path] })),
    })
  }
  // Demo varieties saved by an earlier version cite an internal note: read them as the catalogue's records.
  const varieties = plan.data.varieties.map((v) => ({ ...v, source: currentVarietySource(v.name, v.source) }))
  return { ...plan.data, varieties }
}
