import type { DB } from '../../db/connection'
import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { readPlan } from '../../db/plan-store'
import { listOverrides, resetOverride, setOverride } from '../../db/repositories/assumptions'
import { listAudit } from '../../db/repositories/audit'
import type { WriteContext } from '../../db/repositories/context'
import {
  bulkUpdateFields,
  createField,
  deleteField,
  listFields,
  updateField,
} from '../../db/repositories/fields'
import { createGroup, listGroups } from '../../db/repositories/groups'
import {
  applyScenarioEdit,
  createScenario,
  deleteScenario,
  listScenarios,
  renameScenario,
} from '../../db/repositories/scenarios'
import { createVariety, listVarieties, updateVariety } from '../../db/repositories/varieties'
import { getWorkspace, updateWorkspaceSettings } from '../../db/repositories/workspace'
import { effectiveAssumptions } from '../../engine/assumptions/resolve'
import { AppError } from '../../engine/errors'
import { evaluatePlan } from '../../engine/model/evaluate'
import { explainField } from '../../engine/model/why'
import { FieldInputSchema } from '../../engine/schemas/field'
import { toIssues } from '../../engine/validation'
import type { AppInfo, Handlers } from './contract'
import { importCsv, previewCsv } from './csv-import'

export type HandlerDeps = {
  db: DB
  ctx: WriteContext
  dataFile: string
  version: string
  mode: AppInfo['mode']
}

/** The back end of every channel: db repositories (and later the engine), no transport, no Electron. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, ctx } = deps
  return {
    'app:info': () => ({
      version: deps.version,
      dataFile: deps.dataFile,
      schemaVersion: LATEST_SCHEMA_VERSION,
      mode: deps.mode,
    }),
    'workspace:get': () => {
      const workspace = getWorkspace(db)
      if (!workspace) throw new AppError('NOT_FOUND', 'No workspace in this file')
      return workspace
    },
    'workspace:update': (patch) => updateWorkspaceSettings(db, ctx, patch),
    'fields:list': () => listFields(db),
    'fields:create': (input) => createField(db, ctx, input),
    'fields:update': ({ id, field }) => updateField(db, ctx, id, field),
    'fields:bulkUpdate': ({ ids, patch }) => {
      const cropOf = new Map(listVarieties(db).map((v) => [v.id, v.crop]))
      const updated = bulkUpdateFields(db, ctx, ids, patch, (input) => {
        const parsed = FieldInputSchema.safeParse(input)
        if (!parsed.success) return { ok: false, issues: toIssues(parsed.error, input) }
        if (input.varietyId !== null && cropOf.get(input.varietyId) !== input.crop) {
          return { ok: false, issues: [{ path: ['varietyId'], rule: 'variety_crop_mismatch' }] }
        }
        return { ok: true, value: parsed.data }
      })
      return { updated }
    },
    'fields:delete': ({ id }) => {
      deleteField(db, ctx, id)
      return { id }
    },
    'fields:previewCsv': (request) => previewCsv(db, request),
    'fields:importCsv': (request) => importCsv(db, ctx, request),
    'varieties:list': () => listVarieties(db),
    'varieties:create': (input) => createVariety(db, ctx, input),
    'varieties:update': ({ id, variety }) => updateVariety(db, ctx, id, variety),
    'groups:list': () => listGroups(db),
    'groups:create': (input) => createGroup(db, ctx, input),
    'audit:list': ({ limit }) => listAudit(db, limit),
    'plan:get': () => readPlan(db),
    'plan:evaluate': ({ scenarioIds }) => evaluatePlan(readPlan(db), scenarioIds ? { scenarioIds } : {}),
    'plan:why': ({ scenarioId, fieldId }) => explainField(readPlan(db), scenarioId, fieldId),
    'scenarios:list': () => listScenarios(db),
    'scenarios:create': (input) => createScenario(db, ctx, input),
    'scenarios:rename': ({ id, name }) => renameScenario(db, ctx, id, name),
    'scenarios:delete': ({ id }) => {
      deleteScenario(db, ctx, id)
      return { id }
    },
    'scenarios:apply': ({ scenarioId, fieldIds, edit }) =>
      applyScenarioEdit(db, ctx, scenarioId, fieldIds, edit),
    'assumptions:list': () => effectiveAssumptions(listOverrides(db)),
    'assumptions:set': (input) => setOverride(db, ctx, input),
    'assumptions:reset': ({ key }) => {
      resetOverride(db, ctx, key)
      return { key }
    },
  }
}
