import type { AreaUnit, MassUnit } from '../units'

export type Locale = 'zh-CN' | 'en'

/** Jilin's farming regions: central plains, eastern hills and mountains, western semi-arid plains. */
export const REGIONS = ['central', 'east', 'west'] as const
export type Region = (typeof REGIONS)[number]

/** The co-op's workspace: one per file. Units are the plan's display units; storage is canonical. */
export type Workspace = {
  name: string
  /** 县（市、区）, as the co-op writes it; may be empty */
  county: string
  region: Region
  isDemo: boolean
  locale: Locale
  areaUnit: AreaUnit
  massUnit: MassUnit
  createdAt: string
  updatedAt: string
  /** bumped by every save; a save from an older revision is refused (STALE) */
  revision: number
}

export type WorkspaceSettings = Pick<
  Workspace,
  'name' | 'county' | 'region' | 'locale' | 'areaUnit' | 'massUnit'
>

export type FieldGroup = { id: number; name: string; color: string }

export type AuditAction = 'create' | 'update' | 'delete' | 'import' | 'settings'

/** One line of the audit log: who changed what, and when. */
export type AuditEntry = {
  id: number
  at: string
  actor: string
  action: AuditAction
  entity: string
  entityId: number | null
  summary: string
  detail: Record<string, unknown>
}

/** A checked copy of the workspace in the backups folder beside it. */
export type BackupInfo = { file: string; at: string; sizeBytes: number }
