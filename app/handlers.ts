import { backupPath, backupWorkspace, listBackups, replaceWorkspaceFile } from '../db/backup'
import type { DB } from '../db/connection'
import { readPlan } from '../db/plan-store'
import { listOverrides, overrideRevisions, resetOverride, setOverride } from '../db/repositories/assumptions'
import type { WriteContext } from '../db/repositories/context'
import { bulkDeleteFields, deleteField, listFields } from '../db/repositories/fields'
import { createGroup, listGroups } from '../db/repositories/groups'
import { createLoan, deleteLoan, listLoanRecords, updateLoan } from '../db/repositories/loans'
import {
  applyScenarioEdit,
  createScenario,
  deleteScenario,
  renameScenario,
} from '../db/repositories/scenarios'
import { createVariety, listVarieties, updateVariety } from '../db/repositories/varieties'
import { checkRestoreKeepsApproved } from '../db/repositories/versions'
import { getWorkspace, updateWorkspaceSettings } from '../db/repositories/workspace'
import { effectiveAssumptions } from '../engine/assumptions/resolve'
import { AppError } from '../engine/errors'
import type { AppInfo, Handlers } from './contract/contract'
import { actualsOfSeason, setActualsByHand, setScenarioCarriedOut } from './use-cases/actuals'
import { importActualsCsv, previewActualsCsv } from './use-cases/actuals-csv-import'
import { readAuditLog } from './use-cases/audit-log'
import { backupToFolder } from './use-cases/backup-to'
import { acceptProposal, calibrationProposals, compareSeason } from './use-cases/calibration'
import { importCsv, previewCsv } from './use-cases/field-csv-import'
import { bulkUpdateCheckedFields, createCheckedField, updateCheckedField } from './use-cases/field-edits'
import { readOptimiserProblem, writeOptimiserProblem } from './use-cases/optimiser-problem'
import { exportPlanFile, mergePlanFile, previewPlanFile } from './use-cases/plan-exchange'
import {
  charter,
  commentOnVersion,
  compareVersions,
  decideVersion,
  freezeVersion,
  getVersion,
  listVersions,
  setCharter,
  submitVersion,
} from './use-cases/plan-versions'
import { createRolloutScenarios } from './use-cases/rollout-scenarios'
import { importVarietyCsv } from './use-cases/variety-csv-import'

export type HandlerDeps = {
  /** the open workspace; replaced in place when a backup is restored */
  holder: { db: DB }
  /** opens the workspace file again with the same settings (after a restore) */
  reopen: () => DB
  ctx: WriteContext
  dataFile: string
  version: string
  mode: AppInfo['mode']
}

/** The back end of every channel: db repositories (and later the engine), no transport, no Electron. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { holder, ctx } = deps
  return {
    'workspace:get': () => {
      const workspace = getWorkspace(holder.db)
      if (!workspace) throw new AppError('NOT_FOUND', 'No workspace in this file')
      return workspace
    },
    'workspace:update': ({ revision, ...patch }) => updateWorkspaceSettings(holder.db, ctx, patch, revision),
    'workspace:backup': () => backupWorkspace(holder.db, deps.dataFile, ctx.now()),
    'workspace:backups': () => listBackups(deps.dataFile),
    'workspace:backupTo': ({ folder }) => backupToFolder(holder.db, folder, ctx.now()),
    'audit:list': (query) => readAuditLog(holder.db, query),
    'workspace:restore': ({ file }) => {
      const source = backupPath(deps.dataFile, file)
      // A backup from before a board's approval would undo the decision: refused, nothing replaced.
      checkRestoreKeepsApproved(holder.db, source)
      // The current state is kept too, so a restore can itself be undone.
      const safety = backupWorkspace(holder.db, deps.dataFile, ctx.now())
      holder.db.close()
      replaceWorkspaceFile(deps.dataFile, source)
      try {
        holder.db = deps.reopen()
      } catch (error) {
        replaceWorkspaceFile(deps.dataFile, backupPath(deps.dataFile, safety.file))
        holder.db = deps.reopen()
        throw error
      }
      return { restoredFrom: file, safetyBackup: safety.file }
    },
    'fields:list': () => listFields(holder.db),
    'fields:create': (input) => createCheckedField(holder.db, ctx, input),
    'fields:update': ({ id, field, revision }) => updateCheckedField(holder.db, ctx, id, field, revision),
    'fields:bulkUpdate': ({ ids, patch }) => ({
      updated: bulkUpdateCheckedFields(holder.db, ctx, ids, patch),
    }),
    'fields:delete': ({ id, revision }) => {
      deleteField(holder.db, ctx, id, revision)
      return { id }
    },
    'fields:bulkDelete': ({ ids, revisions }) => ({
      deleted: bulkDeleteFields(holder.db, ctx, ids, revisions),
    }),
    'fields:previewCsv': (request) => previewCsv(holder.db, request, ctx.now()),
    'fields:importCsv': (request) => importCsv(holder.db, ctx, request),
    'varieties:list': () => listVarieties(holder.db),
    'varieties:create': (input) => createVariety(holder.db, ctx, input),
    'varieties:update': ({ id, variety, revision }) => updateVariety(holder.db, ctx, id, variety, revision),
    'varieties:importCsv': (request) => importVarietyCsv(holder.db, ctx, request),
    'groups:list': () => listGroups(holder.db),
    'groups:create': (input) => createGroup(holder.db, ctx, input),
    'plan:get': () => readPlan(holder.db),
    'scenarios:create': (input) => createScenario(holder.db, ctx, input),
    'scenarios:rename': ({ id, name }) => renameScenario(holder.db, ctx, id, name),
    'scenarios:delete': ({ id }) => {
      deleteScenario(holder.db, ctx, id)
      return { id }
    },
    'scenarios:apply': ({ scenarioId, fieldIds, edit }) =>
      applyScenarioEdit(holder.db, ctx, scenarioId, fieldIds, edit),
    'loans:list': ({ scenarioId }) => listLoanRecords(holder.db, scenarioId),
    'loans:create': ({ scenarioId, loan }) => createLoan(holder.db, ctx, scenarioId, loan),
    'loans:update': ({ id, loan, revision }) => updateLoan(holder.db, ctx, id, loan, revision),
    'loans:delete': ({ id, revision }) => {
      deleteLoan(holder.db, ctx, id, revision)
      return { id }
    },
    'assumptions:list': () => {
      const revisions = overrideRevisions(holder.db)
      return effectiveAssumptions(listOverrides(holder.db)).map((a) => ({
        ...a,
        revision: revisions.get(a.key) ?? null,
      }))
    },
    'assumptions:set': ({ revision, ...change }) => setOverride(holder.db, ctx, change, revision),
    'assumptions:reset': ({ key, revision }) => {
      resetOverride(holder.db, ctx, key, revision)
      return { key }
    },
    'versions:list': () => listVersions(holder.db),
    'versions:get': ({ id }) => getVersion(holder.db, id),
    'versions:freeze': (input) => freezeVersion(holder.db, ctx, input),
    'versions:diff': ({ fromId, toId }) => compareVersions(holder.db, fromId, toId),
    'versions:submit': ({ id, author }) => submitVersion(holder.db, ctx, id, author),
    'versions:comment': (input) => commentOnVersion(holder.db, ctx, input),
    'versions:decide': (input) => decideVersion(holder.db, ctx, input),
    'charter:get': () => charter(holder.db),
    'charter:set': (input) => setCharter(holder.db, ctx, input),
    'optimiser:toScenarios': (input) => createRolloutScenarios(holder.db, ctx, input),
    'optimiser:getProblem': () => readOptimiserProblem(holder.db),
    'optimiser:saveProblem': (input) => writeOptimiserProblem(holder.db, ctx, input.problem),
    'actuals:list': ({ seasonYear }) => actualsOfSeason(holder.db, seasonYear),
    'actuals:set': (input) => setActualsByHand(holder.db, ctx, input),
    'actuals:previewCsv': (request) => previewActualsCsv(holder.db, request, ctx.now()),
    'actuals:importCsv': (request) => importActualsCsv(holder.db, ctx, request),
    'actuals:setScenario': (input) => setScenarioCarriedOut(holder.db, ctx, input),
    'actuals:compare': ({ seasonYear, versionId }) => compareSeason(holder.db, seasonYear, versionId),
    'calibration:list': () => calibrationProposals(holder.db),
    'calibration:accept': (input) => acceptProposal(holder.db, ctx, input),
    'exchange:export': (input) => exportPlanFile(holder.db, ctx.now(), deps.version, input),
    'exchange:preview': ({ text }) => previewPlanFile(holder.db, text),
    'exchange:merge': ({ text, choices }) => mergePlanFile(holder.db, ctx, text, choices),
  }
}
