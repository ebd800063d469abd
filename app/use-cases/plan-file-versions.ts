import { gunzipSync, gzipSync } from 'node:zlib'
import { z } from 'zod'
import type { VersionRecordRow } from '../../db/repositories/version-transfer'
import { versionHash } from '../../db/repositories/versions'
import { COMMENT_ROLES, DECISION_OUTCOMES, VERSION_LIMITS as V, VoteSchema } from '../../engine/board/version'
import { AppError } from '../../engine/errors'

/**
 * Plan versions as a plan file carries them: the version's header, hash, submission, comments and
 * decision as stored, and its content text gzip-compressed (base64). A frozen 50,000-field plan
 * stores about 86 MB of content; compressed (about 12 MB), two versions fit beside the plan
 * (engine/exchange/limits.ts).
 * On reading, each version's content must give back its hash, or the file is refused.
 */

const Id = z.number().int().positive()
const Time = z.string().min(1).max(40)
const Person = z.string().min(1).max(V.authorMaxChars)

export const FileVersionSchema = z
  .object({
    id: Id,
    number: z.number().int().min(1),
    title: z.string().min(1).max(V.titleMaxChars),
    note: z.string().max(V.noteMaxChars),
    author: Person,
    createdAt: Time,
    hash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
    fieldCount: z.number().int().min(0),
    scenarioCount: z.number().int().min(0),
    contentGzip: z.string().min(1).max(60_000_000),
    submission: z.object({ submittedAt: Time, submittedBy: Person }).strict().nullable(),
    comments: z
      .array(
        z
          .object({
            id: Id,
            replyTo: Id.nullable(),
            scenarioId: Id.nullable(),
            fieldId: Id.nullable(),
            author: Person,
            role: z.enum(COMMENT_ROLES),
            body: z.string().min(1).max(V.commentMaxChars),
            createdAt: Time,
          })
          .strict(),
      )
      .max(10_000),
    decision: z
      .object({
        meetingDate: z.iso.date(),
        // the vote as the decision channel takes it, flat in the stored row
        ...VoteSchema.shape,
        rulesJson: z.string().min(2).max(2_000),
        valid: z.boolean(),
        outcome: z.enum(DECISION_OUTCOMES),
        scenarioId: Id.nullable(),
        scenarioName: z.string().max(60).nullable(),
        resolution: z.string().min(1).max(V.resolutionMaxChars),
        recordedBy: Person,
        recordedAt: Time,
      })
      .strict()
      .nullable(),
  })
  .strict()
export type FileVersion = z.infer<typeof FileVersionSchema>

/** Largest content text a version may unpack to: a 50,000-field plan's is about 90 MB. */
const MAX_CONTENT_BYTES = 256 * 1024 * 1024
/**
 * Largest content all of a file's versions may unpack to together: a file within the size limit
 * holds two 50,000-field versions (about 175 MB); a small file that unpacks to gigabytes is refused.
 */
const MAX_TOTAL_CONTENT_BYTES = 512 * 1024 * 1024

export function toFileVersion(record: VersionRecordRow): FileVersion {
  const { content, ...rest } = record
  return { ...rest, contentGzip: gzipSync(content).toString('base64') } as FileVersion
}

function tampered(number: number): AppError {
  return new AppError('VALIDATION', 'A version in the plan file does not match its hash', {
    issues: [{ path: ['versions'], rule: 'version_tampered', params: { number } }],
  })
}

/** Unpacks a version from a file and checks it against its hash; a mismatch refuses the file. */
export function fromFileVersion(v: FileVersion, maxBytes = MAX_CONTENT_BYTES): VersionRecordRow {
  const { contentGzip, ...rest } = v
  let content: string
  try {
    const bytes = gunzipSync(Buffer.from(contentGzip, 'base64'), { maxOutputLength: maxBytes })
    content = bytes.toString('utf8')
  } catch {
    throw tampered(v.number)
  }
  if (versionHash(v, content) !== v.hash) throw tampered(v.number)
  return { ...rest, content }
}

/** Every version of a file unpacked and checked; numbers, ids and replies must hold together. */
export function unpackVersions(versions: readonly FileVersion[]): VersionRecordRow[] {
  const ids = new Set<number>()
  const numbers = new Set<number>()
  const commentIds = new Set<number>()
  for (const v of versions) {
    if (ids.has(v.id) || numbers.has(v.number)) throw duplicate(v.number)
    ids.add(v.id)
    numbers.add(v.number)
    for (const c of v.comments) {
      if (commentIds.has(c.id)) throw duplicate(v.number)
      if (c.replyTo !== null && !commentIds.has(c.replyTo) && !v.comments.some((x) => x.id === c.replyTo))
        throw dangling(v.number)
      commentIds.add(c.id)
    }
  }
  let budget = MAX_TOTAL_CONTENT_BYTES
  return versions.map((v) => {
    const record = fromFileVersion(v, Math.max(1, Math.min(MAX_CONTENT_BYTES, budget)))
    budget -= Buffer.byteLength(record.content)
    return record
  })
}

function duplicate(number: number): AppError {
  return new AppError('VALIDATION', 'Two versions or comments in the plan file share an id', {
    issues: [{ path: ['versions'], rule: 'duplicate_id', params: { number } }],
  })
}

function dangling(number: number): AppError {
  return new AppError('VALIDATION', 'A comment in the plan file replies to none', {
    issues: [{ path: ['versions'], rule: 'unknown_reference', params: { number } }],
  })
}
