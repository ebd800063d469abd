import type { AreaUnit, MassUnit } from '../units'

export type Locale = 'zh-CN' | 'en'

/** The co-op's workspace: one per file. Units are the plan's display units; storage is canonical. */
export type Workspace = {
  name: string
  isDemo: boolean
  locale: Locale
  areaUnit: AreaUnit
  massUnit: MassUnit
  createdAt: string
  updatedAt: string
}

export type WorkspaceSettings = Pick<Workspace, 'name' | 'locale' | 'areaUnit' | 'massUnit'>

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
