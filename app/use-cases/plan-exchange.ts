import type { DB } from '../../db/connection'
import { readPlan } from '../../db/plan-store'
import { listActuals, listSeasonRecordRows } from '../../db/repositories/actuals'
import type { WriteContext } from '../../db/repositories/context'
import { writeMerge } from '../../db/repositories/plan-merge'
import { readVersionRecords } from '../../db/repositories/version-transfer'
import type { VersionContent } from '../../engine/board/version'
import { AppError } from '../../engine/errors'
import { type MergeChoices, mergePlans } from '../../engine/exchange/merge'
import { type Plan, PlanSchema } from '../../engine/schemas/plan'
import { toIssues } from '../../engine/validation'
import type { ParsedInputOf } from '../contract/contract'
import type { ExportedPlanFile, MergeSummary, PlanFilePreview } from '../contract/exchange'
import { readPlanFile, toPlanFile } from './plan-file'
import type { FileSeasons } from './plan-file-seasons'
import { toFileVersion, unpackVersions } from './plan-file-versions'

/**
 * Plan exchange (导入/导出): a plan file of the whole plan with its versions, of one frozen
 * version, or of chosen scenarios; a preview of a file before anything is written; and a merge of
 * a file's scenarios and assumption changes into the open workspace, conflict by conflict.
 * (Importing a file as a new workspace is the host's: app/workspaces/import-plan.ts.)
 */

function refuse(rule: 'version_not_frozen' | 'unknown_reference', path: string): AppError {
  return new AppError('VALIDATION', `Refused: ${rule}`, { issues: [{ path: [path], rule }] })
}

/** A file name from the co-op's name: only what every file system and WeChat keep. */
function fileName(plan: Plan, tail: string): string {
  const base = plan.workspace.name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'plan'
  return `${base}${tail}.fengshou.json`
}

function packed(text: string, name: string): ExportedPlanFile {
  return { fileName: name, text, bytes: Buffer.byteLength(text) }
}

export function exportPlanFile(
  db: DB,
  now: Date,
  appVersion: string,
  input: ParsedInputOf<'exchange:export'>,
): ExportedPlanFile {
  const day = now.toISOString().slice(0, 10)
  if (input.what === 'plan') {
    const plan = readPlan(db)
    const versions = readVersionRecords(db).map(toFileVersion)
    // The season after goes with the whole plan only: moving a co-op keeps its harvest records.
    const seasons = { actuals: listActuals(db), carriedOut: listSeasonRecordRows(db) }
    const file = toPlanFile(plan, now, { appVersion, versions, seasons })
    return packed(JSON.stringify(file), fileName(plan, `-${day}`))
  }
  // A version's file and a set of scenarios' file carry no seasons: a version is a frozen plan, and
  // a set of scenarios is for merging, which never takes another co-op's harvest records.
  if (input.what === 'version') {
    const [record] = readVersionRecords(db, [input.versionId])
    if (!record) throw refuse('version_not_frozen', 'versionId')
    const { plan } = JSON.parse(record.content) as VersionContent
    const file = toPlanFile(plan, now, { appVersion, versions: [toFileVersion(record)] })
    return packed(JSON.stringify(file), fileName(plan, `-v${record.number}`))
  }
  const whole = readPlan(db)
  const chosen = new Set(input.scenarioIds)
  for (const id of chosen)
    if (!whole.scenarios.some((s) => s.id === id)) throw refuse('unknown_reference', 'scenarioIds')
  const scenarios = whole.scenarios.filter((s) => s.isBaseline || chosen.has(s.id))
  const kept = new Set(scenarios.map((s) => s.id))
  const plan: Plan = { ...whole, scenarios, loans: whole.loans.filter((l) => kept.has(l.scenarioId)) }
  return packed(JSON.stringify(toPlanFile(plan, now, { appVersion })), fileName(plan, `-${day}`))
}

/** Reads a plan file whole (checksum, plan, every version against its hash). */
export function readCheckedPlanFile(text: string) {
  const file = readPlanFile(text)
  return { ...file, records: unpackVersions(file.versions) }
}

/** The seasons a file's season-after part names, by an actual or a record of what was carried out. */
function seasonYears(seasons: FileSeasons | null): Set<number> {
  if (!seasons) return new Set()
  return new Set([...seasons.actuals, ...seasons.carriedOut].map((r) => r.seasonYear))
}

export function previewPlanFile(db: DB, text: string): PlanFilePreview {
  const file = readCheckedPlanFile(text)
  const { plan } = file
  return {
    name: plan.workspace.name,
    county: plan.workspace.county,
    isDemo: plan.workspace.isDemo,
    fieldCount: plan.fields.length,
    scenarioCount: plan.scenarios.length,
    versionCount: file.versions.length,
    seasonCount: seasonYears(file.seasons).size,
    actualCount: file.seasons?.actuals.length ?? 0,
    checksumVerified: true,
    formatVersion: file.formatVersion,
    appVersion: file.appVersion,
    savedAt: file.savedAt,
    conflicts: mergePlans(readPlan(db), plan, null).conflicts,
  }
}

/**
 * Merges a file's scenarios (with their loans) and assumption changes into the open workspace.
 * The file's season after (actuals, what each season carried out) is not merged: they are another
 * co-op's (or another copy's) harvest records; importing the file as a new workspace keeps them.
 * Refused, with nothing written, until every conflict has a choice that fits it, and when the
 * workspace's plan after the merge would break a rule.
 */
export function mergePlanFile(db: DB, ctx: WriteContext, text: string, choices: MergeChoices): MergeSummary {
  const { plan } = readCheckedPlanFile(text)
  const result = mergePlans(readPlan(db), plan, choices)
  if (result.unresolved.length > 0)
    throw new AppError('VALIDATION', 'Every conflict needs a choice', {
      issues: result.unresolved.map((id) => ({
        path: ['choices', id],
        rule: 'merge_choice_missing',
        params: { count: result.unresolved.length },
      })),
    })
  const checked = PlanSchema.safeParse(result.merged)
  if (!checked.success)
    throw new AppError('VALIDATION', 'The merged plan would break a rule', {
      issues: toIssues(checked.error, result.merged),
    })
  const w = result.writes
  writeMerge(db, ctx, w, plan.workspace.name)
  return {
    scenariosAdded: w.newScenarios.length,
    scenariosReplaced: w.replacedScenarios.length,
    fieldsAdded: w.newFields.length,
    fieldsUpdated: w.updatedFields.length,
    assumptionsSet: w.overrides.length,
    varietiesAdded: w.varieties.length,
    loansAdded: w.loans.length,
  }
}
