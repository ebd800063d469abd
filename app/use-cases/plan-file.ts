import { createHash } from 'node:crypto'
import { z } from 'zod'
import { AppError, type Rule } from '../../engine/errors'
import { PLAN_FILE_MAX_BYTES, PLAN_FILE_MAX_MB } from '../../engine/exchange/limits'
import { currentVarietySource } from '../../engine/references'
import { type Plan, PlanSchema } from '../../engine/schemas/plan'
import { toIssues } from '../../engine/validation'
import { checkFileSeasons, type FileSeasons } from './plan-file-seasons'
import { type FileVersion, FileVersionSchema } from './plan-file-versions'

export { PLAN_FILE_MAX_BYTES }

/**
 * Plan files (for a USB stick or WeChat): one versioned JSON document with a SHA-256 checksum,
 * validated whole before anything is used, never half-read.
 *
 * Version 1 carries the plan, its checksum over the plan. Version 2 may also carry the
 * workspace's plan versions (each with its stored content, hash, submission, comments and
 * decision) and the app version that wrote it; its checksum covers everything the file carries.
 * A whole-plan file of version 2 may also carry the season after (`seasons`: the co-op's recorded
 * actuals and which scenario each season carried out, app/use-cases/plan-file-seasons.ts); the
 * checksum covers it too, appended to the checksum's input only when present, so a version-2 file
 * written without it verifies as before.
 */
export const PLAN_FILE_FORMAT = 'fengshou-plan'
export const PLAN_FILE_VERSION = 2

const EnvelopeSchema = z
  .object({
    format: z.literal(PLAN_FILE_FORMAT),
    version: z.number().int().positive(),
    savedAt: z.string().max(40),
    appVersion: z.string().max(40).optional(),
    checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    plan: z.unknown(),
    versions: z.unknown().optional(),
    seasons: z.unknown().optional(),
  })
  .strict()

export type PlanFile = {
  format: typeof PLAN_FILE_FORMAT
  version: number
  savedAt: string
  appVersion?: string
  checksum: string
  plan: Plan
  versions?: FileVersion[]
  seasons?: FileSeasons
}

/** What a plan file holds, once read and checked. */
export type PlanFileContents = {
  formatVersion: number
  savedAt: string
  appVersion: string | null
  plan: Plan
  versions: FileVersion[]
  /** the season after, when the file carries it (only whole-plan files do) */
  seasons: FileSeasons | null
}

function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text).digest('hex')}`
}

/**
 * Version 1: the plan. Version 2: savedAt, appVersion, plan and versions, in that order, and the
 * seasons after them only when the file carries them: a file without seasons hashes exactly as
 * files written before seasons existed.
 */
function checksumOf(
  version: number,
  body: Omit<PlanFile, 'format' | 'version' | 'checksum' | 'seasons'> & { seasons?: unknown },
): string {
  if (version === 1) return sha256(JSON.stringify(body.plan))
  const input: unknown[] = [body.savedAt, body.appVersion ?? null, body.plan, body.versions ?? null]
  if (body.seasons !== undefined) input.push(body.seasons)
  return sha256(JSON.stringify(input))
}

export function toPlanFile(
  plan: Plan,
  savedAt: Date,
  extra: { appVersion?: string; versions?: FileVersion[]; seasons?: FileSeasons } = {},
): PlanFile {
  const body = {
    savedAt: savedAt.toISOString(),
    ...(extra.appVersion !== undefined ? { appVersion: extra.appVersion } : {}),
    plan,
    ...(extra.versions !== undefined ? { versions: extra.versions } : {}),
    ...(extra.seasons !== undefined ? { seasons: extra.seasons } : {}),
  }
  const { plan: _p, versions: _v, seasons: _s, ...head } = body
  return {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    ...head,
    checksum: checksumOf(PLAN_FILE_VERSION, body),
    plan,
    ...(extra.versions !== undefined ? { versions: extra.versions } : {}),
    ...(extra.seasons !== undefined ? { seasons: extra.seasons } : {}),
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

function newerVersion(version: number): AppError {
  return invalid('unsupported_version', 'The plan file was made by a newer version', { version })
}

/** Parses and checks a plan file's text whole; any problem is a VALIDATION error that says what. */
export function readPlanFile(text: string): PlanFileContents {
  // UTF-8 bytes, as the file's size on disk: a Chinese name is one character but three bytes.
  if (text.length > PLAN_FILE_MAX_BYTES || Buffer.byteLength(text) > PLAN_FILE_MAX_BYTES)
    throw invalid('plan_file_too_large', 'The plan file is too large', { limit: PLAN_FILE_MAX_MB })
  if (exceedsJsonDepth(text))
    throw invalid('too_deep', 'The plan file is nested too deeply', { limit: MAX_JSON_DEPTH })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw invalid('not_json', 'The plan file is not JSON')
  }
  const looksLikePlanFile =
    typeof json === 'object' && json !== null && (json as { format?: unknown }).format === PLAN_FILE_FORMAT
  if (!looksLikePlanFile) throw invalid('not_a_plan_file', 'Not a Fengshou plan file')
  const version = (json as { version?: unknown }).version
  if (typeof version === 'number' && version > PLAN_FILE_VERSION) throw newerVersion(version)
  const envelope = EnvelopeSchema.safeParse(json)
  if (!envelope.success) {
    throw new AppError('VALIDATION', 'Not a Fengshou plan file', { issues: toIssues(envelope.error, json) })
  }
  const data = envelope.data
  if (
    data.version === 1 &&
    (data.appVersion !== undefined || data.versions !== undefined || data.seasons !== undefined)
  )
    throw invalid('not_a_plan_file', 'A version 1 plan file carries only its plan')
  if (checksumOf(data.version, data as Parameters<typeof checksumOf>[1]) !== data.checksum) {
    throw invalid('checksum_mismatch', 'The plan file was changed or damaged after it was saved')
  }
  const plan = PlanSchema.safeParse(data.plan)
  if (!plan.success) {
    throw new AppError('VALIDATION', 'The plan inside the file is invalid', {
      issues: toIssues(plan.error, data.plan).map((i) => ({ ...i, path: ['plan', ...i.path] })),
    })
  }
  const versions = z
    .array(FileVersionSchema)
    .max(1_000)
    .safeParse(data.versions ?? [])
  if (!versions.success) {
    throw new AppError('VALIDATION', 'A plan version inside the file is invalid', {
      issues: toIssues(versions.error, data.versions).map((i) => ({ ...i, path: ['versions', ...i.path] })),
    })
  }
  // Checked against the plan as the file carries it (field and scenario ids as they are).
  const seasons = data.seasons === undefined ? null : checkFileSeasons(data.seasons, plan.data)
  // Demo varieties saved by an earlier version cite an internal note: read them as the catalogue's records.
  const varieties = plan.data.varieties.map((v) => ({ ...v, source: currentVarietySource(v.name, v.source) }))
  return {
    formatVersion: data.version,
    savedAt: data.savedAt,
    appVersion: data.appVersion ?? null,
    plan: { ...plan.data, varieties },
    versions: versions.data,
    seasons,
  }
}

/** The plan a plan file carries (the command-line tool's reading: versions are checked, not used). */
export function parsePlanFile(text: string): Plan {
  return readPlanFile(text).plan
}
