import { z } from 'zod'
import type { AuditAction, AuditEntry } from '../../engine/schemas/workspace'

/** The kinds of record the change log names (what was changed), as the repositories record them. */
export const AUDIT_ENTITIES = [
  'field',
  'variety',
  'group',
  'scenario',
  'assumption',
  'workspace',
  'plan',
  'version',
  'charter',
  'optimiser',
  'actual',
  'season',
] as const
export type AuditEntity = (typeof AUDIT_ENTITIES)[number]

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'import',
  'settings',
] as const satisfies readonly AuditAction[]

/** The largest page of the change log one call returns. */
export const AUDIT_PAGE_MAX = 1000

/**
 * One page of the change log, newest first: every filter is optional and they narrow together.
 * `since` ≤ time < `until`, as instants (the renderer turns the user's local days into them).
 */
export const AuditListSchema = z
  .object({
    limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(200),
    beforeId: z.number().int().positive().optional(),
    entities: z.array(z.enum(AUDIT_ENTITIES)).max(AUDIT_ENTITIES.length).optional(),
    actions: z.array(z.enum(AUDIT_ACTIONS)).max(AUDIT_ACTIONS.length).optional(),
    since: z.iso.datetime().optional(),
    until: z.iso.datetime().optional(),
    text: z.string().trim().max(100).optional(),
  })
  .strict()

export type AuditChange = { from: unknown; to: unknown }

/**
 * An entry as the change log shows it. `changes` says what changed where the stored detail does
 * not say it directly: a variety's update keeps the variety as it was before, and the back end
 * compares it with what came after (absent when that can no longer be known).
 */
export type AuditLogEntry = AuditEntry & { changes?: Record<string, AuditChange> }

export type AuditPage = {
  entries: AuditLogEntry[]
  /** the beforeId of the next (older) page; null when there is none */
  nextBeforeId: number | null
  /** today's names of the varieties, groups and scenarios the entries refer to by id */
  names: { variety: Record<number, string>; group: Record<number, string>; scenario: Record<number, string> }
}
