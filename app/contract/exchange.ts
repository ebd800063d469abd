import type { MergeConflict } from '../../engine/exchange/merge'

/** What the plan-file channels answer (app/use-cases/plan-exchange.ts). */

export type ExportedPlanFile = { fileName: string; text: string; bytes: number }

export type PlanFilePreview = {
  name: string
  county: string
  isDemo: boolean
  fieldCount: number
  scenarioCount: number
  versionCount: number
  /** seasons the file's season after names (by an actual or a record of the scenario carried out) */
  seasonCount: number
  /** actual records (实收) the file carries; a new workspace gets them, a merge does not */
  actualCount: number
  /** the file's checksum matched what it carries (a file that does not match is refused) */
  checksumVerified: boolean
  formatVersion: number
  appVersion: string | null
  savedAt: string
  /** what merging it into the open workspace would ask the user to decide */
  conflicts: MergeConflict[]
}

export type MergeSummary = {
  scenariosAdded: number
  scenariosReplaced: number
  fieldsAdded: number
  fieldsUpdated: number
  assumptionsSet: number
  varietiesAdded: number
  loansAdded: number
}
