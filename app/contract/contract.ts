import { z } from 'zod'
import type { ActualsWritten } from '../../engine/actuals/entry'
import type { CalibrationProposal, PlanVsActual, SeasonRecord } from '../../engine/actuals/types'
import type { EffectiveAssumption } from '../../engine/assumptions/resolve'
import { checkSetting, overrideShape } from '../../engine/assumptions/schema'
import type { AssumptionOverride } from '../../engine/assumptions/types'
import { type DecisionRules, LAW_RULES } from '../../engine/board/decision-rules'
import {
  COMMENT_ROLES,
  DECISION_OUTCOMES,
  type DecisionRecord,
  VERSION_LIMITS,
  type VersionComment,
  type VersionDetail,
  type VersionSummary,
  VoteSchema,
} from '../../engine/board/version'
import type { VersionDiff } from '../../engine/board/version-diff'
import {
  type ColumnTarget,
  type ColumnUnit,
  CSV_MAX_COLUMNS,
  type CsvCounts,
  type CsvDefault,
  type CsvProblem,
  type CsvUnits,
  FIELD_COLUMNS,
  ON_EXISTING,
  type OnExisting,
} from '../../engine/csv/fields-csv'
import type { ErrorCode } from '../../engine/errors'
import { PLAN_FILE_MAX_BYTES } from '../../engine/exchange/limits'
import { MERGE_CHOICES } from '../../engine/exchange/merge'
import { type Problem, ProblemSchema } from '../../engine/optimiser/problem'
import { ACTIONS } from '../../engine/optimiser/types'
import {
  type Field,
  type FieldInput,
  FieldInputSchema,
  fieldShape,
  WATER_REGIMES,
} from '../../engine/schemas/field'
import { LoanInputSchema, type LoanRecord } from '../../engine/schemas/loan'
import type { Plan, Scenario } from '../../engine/schemas/plan'
import { type Variety, VarietyInputSchema } from '../../engine/schemas/variety'
import {
  type BackupInfo,
  type FieldGroup,
  REGIONS,
  type Region,
  type Workspace,
} from '../../engine/schemas/workspace'
import { AREA_UNITS, MASS_UNITS } from '../../engine/units'
import {
  AcceptProposalSchema,
  type ActualsCsvPreview,
  ActualsCsvRequestSchema,
  type ActualsSeason,
  type CalibrationAccepted,
  SeasonYear,
  SetActualsSchema,
  SetScenarioCarriedOutSchema,
} from './actuals'
import { AuditListSchema, type AuditPage } from './audit'
import type { Channel, HostChannel, WorkspaceChannel } from './channels'
import type { ExportedPlanFile, MergeSummary, PlanFilePreview } from './exchange'

/** The optimiser's problem as last saved in a workspace (optimiser:getProblem). */
export type SavedProblem = { problem: Problem; savedAt: string }
export type {
  ActualsCsvPreview,
  ActualsCsvRequest,
  ActualsSeason,
  CalibrationAccepted,
  ScenarioMove,
} from './actuals'

/** One channel: its input schema, and (as a type only) its result. */
type Def<I extends z.ZodType, O> = { input: I; output: O }

function def<O>() {
  return <I extends z.ZodType>(input: I): Def<I, O> => ({ input, output: undefined as O })
}

const Empty = z.object({}).strict()
const Id = z.number().int().positive()
/** The revision the form was loaded with; a save from an older one is refused (STALE). */
const Revision = z.number().int().positive()

/** An assumption as listed: with the revision of the workspace's override (null: none). */
export type ListedAssumption = EffectiveAssumption & { revision: number | null }

export type AppInfo = {
  version: string
  /** the open workspace's file, or null while none is open (first start, or after removing it) */
  dataFile: string | null
  /** the folder that holds every workspace (null when one file was named with DB_PATH) */
  dataDir: string | null
  /** the open workspace's id in the workspace list */
  workspaceId: string | null
  schemaVersion: number
  mode: 'desktop' | 'browser'
}

/** One workspace (one co-op's file) as the list shows it. */
export type WorkspaceEntry = {
  id: string
  name: string
  county: string
  region: Region
  isDemo: boolean
  fieldCount: number
  areaHa: number
  lastOpenedAt: string | null
  isCurrent: boolean
  /** why the file cannot be opened by this version (newer, damaged), or null */
  problem: ErrorCode | null
}

/** A removed workspace, kept in the data folder's removed/ until restored. */
export type RemovedWorkspace = { id: string; name: string; removedAt: string }

export type WorkspaceList = {
  current: string | null
  workspaces: WorkspaceEntry[]
  removed: RemovedWorkspace[]
  /** false when the app runs on one named file (DB_PATH): no other workspace can be made */
  canManage: boolean
}

const NewCoopSchema = z
  .object({
    kind: z.literal('coop'),
    name: z.string().trim().min(1).max(100),
    county: z.string().trim().max(60),
    region: z.enum(REGIONS),
    locale: z.enum(['zh-CN', 'en']),
    areaUnit: z.enum(AREA_UNITS),
    massUnit: z.enum(MASS_UNITS),
  })
  .strict()
const NewDemoSchema = z.object({ kind: z.literal('demo'), locale: z.enum(['zh-CN', 'en']) }).strict()
// A plan file's text. The use case refuses one over PLAN_FILE_MAX_BYTES with its own sentence;
// this cap only stops text no file could be (the browser server's body cap is lower still).
const PlanFileText = z
  .string()
  .min(1)
  .max(4 * PLAN_FILE_MAX_BYTES)
const WorkspaceId = z.string().regex(/^[a-z0-9-]{1,40}$/)

export const WorkspaceUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    county: z.string().trim().max(60),
    region: z.enum(REGIONS),
    locale: z.enum(['zh-CN', 'en']),
    areaUnit: z.enum(AREA_UNITS),
    massUnit: z.enum(MASS_UNITS),
    // Sent by the co-op details form; a language or unit switch applies to whatever is current.
    revision: Revision,
  })
  .partial()
  .strict()

/** onExisting: what to do with rows naming a field the workspace has (absent: 'stop'). */
export type CsvRequest = {
  base64: string
  mapping: ColumnTarget[] | null
  units: CsvUnits
  onExisting?: OnExisting
}

export type CsvPreview = {
  encoding: 'utf-8' | 'gb18030'
  headers: string[]
  mapping: ColumnTarget[]
  rowCount: number
  preview: FieldInput[]
  problems: CsvProblem[]
  /** Values the import fills in for empty cells or absent columns (heat sum, grade, water, HSF, saline); not problems. */
  defaults?: CsvDefault[]
  /** What each header alone was recognised as (the mapping may differ where the user changed it). */
  guessed: ColumnTarget[]
  /** Per header: the unit its numbers are read in, from the header when it names one. */
  columnUnits: (ColumnUnit | null)[]
  /** The spreadsheet row and the action of each row in `preview`. */
  previewRows: { row: number; action: 'new' | 'update' }[]
  /** The workspace's region, whose defaults fill in what the file leaves out. */
  region: Region
  onExisting: OnExisting
  counts: CsvCounts
}

/**
 * Rows written (new and updated fields); `updated`, `unchanged` (named fields the file does not
 * change: nothing written) and `skipped` are absent when none.
 */
export type CsvImportResult = { imported: number; updated?: number; unchanged?: number; skipped?: number }

export type VarietyCsvResult = {
  encoding: 'utf-8' | 'gb18030'
  names: string[]
  problems: CsvProblem[]
  imported: number
}

const AreaUnitSchema = z.enum(AREA_UNITS)
const CsvRequestSchema = z
  .object({
    // 16 MiB of CSV is ~22 MB of base64; the server's body cap is 32 MB.
    base64: z.string().min(1).max(23_000_000),
    mapping: z
      .array(
        z.union([
          z.enum(FIELD_COLUMNS),
          z.literal('ignore'),
          z.templateLiteral(['yield:', z.number().int()]),
        ]),
      )
      .max(CSV_MAX_COLUMNS)
      .nullable(),
    units: z
      .object({
        area: AreaUnitSchema,
        yieldMass: z.enum(MASS_UNITS),
        yieldArea: AreaUnitSchema,
        densityArea: AreaUnitSchema,
      })
      .strict(),
    onExisting: z.enum(ON_EXISTING).optional(),
  })
  .strict()

const V = VERSION_LIMITS
const PersonName = z.string().trim().min(1).max(V.authorMaxChars)
const ShareSchema = z
  .object({
    num: z.number().int().min(0).max(1000),
    den: z.number().int().min(1).max(1000),
    strict: z.boolean(),
  })
  .strict()
  .refine((s) => s.num <= s.den, { params: { rule: 'invalid' } })
export const DecisionRulesSchema = z
  .object({ attendance: ShareSchema, majority: ShareSchema, extraVotesCap: ShareSchema })
  .strict()

/** The co-op's charter (章程) rules for each kind of meeting; the law's where it says nothing stricter. */
export type Charter = { members: DecisionRules; board: DecisionRules; revision: number | null }
export const LAW_CHARTER: Omit<Charter, 'revision'> = { members: LAW_RULES, board: LAW_RULES }

/** Two versions compared: the earlier and the later as listed, and what changed between them. */
export type VersionComparison = { from: VersionSummary; to: VersionSummary; diff: VersionDiff }

export const contract = {
  'app:info': def<AppInfo>()(Empty),
  'workspaces:list': def<WorkspaceList>()(Empty),
  'workspaces:create': def<WorkspaceEntry>()(z.discriminatedUnion('kind', [NewCoopSchema, NewDemoSchema])),
  'workspaces:open': def<WorkspaceEntry>()(z.object({ id: WorkspaceId }).strict()),
  'workspaces:rename': def<WorkspaceEntry>()(
    z.object({ id: WorkspaceId, name: z.string().trim().min(1).max(100) }).strict(),
  ),
  'workspaces:remove': def<WorkspaceList>()(z.object({ id: WorkspaceId }).strict()),
  'workspaces:restore': def<WorkspaceEntry>()(z.object({ id: WorkspaceId }).strict()),
  // A plan file made into a workspace of its own, with its versions (hashes intact); listed, not opened.
  'workspaces:import': def<WorkspaceEntry>()(z.object({ text: PlanFileText }).strict()),
  'workspace:get': def<Workspace>()(Empty),
  'workspace:update': def<Workspace>()(WorkspaceUpdateSchema),
  'workspace:backup': def<BackupInfo>()(Empty),
  'workspace:backups': def<BackupInfo[]>()(Empty),
  // The same checked copy, into a folder the user chose or typed (a USB stick); the copy is named
  // after the co-op. A folder that is missing, not a folder or not writable is refused by rule.
  'workspace:backupTo': def<BackupInfo & { folder: string }>()(
    z.object({ folder: z.string().min(1).max(1000) }).strict(),
  ),
  'audit:list': def<AuditPage>()(AuditListSchema),
  'workspace:restore': def<{ restoredFrom: string; safetyBackup: string }>()(
    z.object({ file: z.string().min(1).max(120) }).strict(),
  ),
  'fields:list': def<Field[]>()(Empty),
  'fields:create': def<Field>()(FieldInputSchema),
  'fields:update': def<Field>()(z.object({ id: Id, field: FieldInputSchema, revision: Revision }).strict()),
  'fields:delete': def<{ id: number }>()(z.object({ id: Id, revision: Revision }).strict()),
  'fields:bulkUpdate': def<{ updated: number }>()(
    z
      .object({
        ids: z.array(Id).min(1).max(50_000),
        patch: z
          .object({
            village: fieldShape.village,
            township: fieldShape.township,
            varietyId: fieldShape.varietyId,
            densityPlantsPerHa: fieldShape.densityPlantsPerHa,
            waterRegime: fieldShape.waterRegime,
            groupId: fieldShape.groupId,
            qualityGrade: fieldShape.qualityGrade,
            heatSumCd: fieldShape.heatSumCd,
            salineClass: fieldShape.salineClass,
            region: fieldShape.region,
          })
          .partial()
          .strict(),
      })
      .strict(),
  ),
  // Many fields deleted at once (the list's selection): all of them or none. `revisions`, one per
  // id as the list showed them, refuses the whole delete if any was saved elsewhere since.
  'fields:bulkDelete': def<{ deleted: number }>()(
    z
      .object({ ids: z.array(Id).min(1).max(50_000), revisions: z.array(Revision).max(50_000).optional() })
      .strict(),
  ),
  'fields:previewCsv': def<CsvPreview>()(CsvRequestSchema),
  'fields:importCsv': def<CsvImportResult>()(CsvRequestSchema),
  'varieties:list': def<Variety[]>()(Empty),
  'varieties:create': def<Variety>()(VarietyInputSchema),
  'varieties:update': def<Variety>()(
    z.object({ id: Id, variety: VarietyInputSchema, revision: Revision }).strict(),
  ),
  'varieties:importCsv': def<VarietyCsvResult>()(
    z
      .object({ base64: z.string().min(1).max(23_000_000), densityArea: AreaUnitSchema, dryRun: z.boolean() })
      .strict(),
  ),
  'groups:list': def<FieldGroup[]>()(Empty),
  'groups:create': def<FieldGroup>()(
    z
      .object({
        name: z.string().trim().min(1).max(60),
        color: z.enum(['blue', 'green', 'gold', 'red', 'purple', 'cyan', 'magenta']),
      })
      .strict(),
  ),
  'plan:get': def<Plan>()(Empty),
  'scenarios:create': def<Scenario>()(
    z
      .object({
        name: z.string().trim().min(1).max(60),
        seasonYear: z.number().int().min(2000).max(2100),
        note: z.string().max(500),
        copyFromId: Id.nullable(),
      })
      .strict(),
  ),
  'scenarios:rename': def<Scenario>()(z.object({ id: Id, name: z.string().trim().min(1).max(60) }).strict()),
  'scenarios:delete': def<{ id: number }>()(z.object({ id: Id }).strict()),
  'scenarios:apply': def<Scenario>()(
    z
      .object({
        scenarioId: Id,
        fieldIds: z.array(Id).min(1).max(50_000),
        edit: z
          .object({
            buildHsf: z.boolean().nullable().optional(),
            varietyId: Id.nullable().optional(),
            densityPlantsPerHa: z.number().min(1_000).max(1_500_000).nullable().optional(),
            waterRegime: z.enum(WATER_REGIMES).nullable().optional(),
          })
          .strict(),
      })
      .strict(),
  ),
  // A scenario's loans, with the revisions their forms save against. Current practice has none.
  'loans:list': def<LoanRecord[]>()(z.object({ scenarioId: Id }).strict()),
  'loans:create': def<LoanRecord>()(z.object({ scenarioId: Id, loan: LoanInputSchema }).strict()),
  'loans:update': def<LoanRecord>()(z.object({ id: Id, loan: LoanInputSchema, revision: Revision }).strict()),
  'loans:delete': def<{ id: number }>()(z.object({ id: Id, revision: Revision }).strict()),
  'assumptions:list': def<ListedAssumption[]>()(Empty),
  'assumptions:set': def<AssumptionOverride>()(
    z
      .object({
        ...overrideShape,
        // A change to the model is explained: the reason is what the diff and the board read.
        note: z.string().trim().min(1).max(500),
        revision: Revision.nullable(),
      })
      .strict()
      .superRefine(checkSetting),
  ),
  'assumptions:reset': def<{ key: string }>()(
    z.object({ key: z.string().min(1).max(80), revision: Revision.nullable() }).strict(),
  ),
  // Plan versions (方案版本) and their review: a version is frozen once and never changed; comments and
  // the decision are only ever added.
  'versions:list': def<VersionSummary[]>()(Empty),
  'versions:get': def<VersionDetail>()(z.object({ id: Id }).strict()),
  'versions:freeze': def<VersionSummary>()(
    z
      .object({
        title: z.string().trim().min(1).max(V.titleMaxChars),
        note: z.string().trim().max(V.noteMaxChars),
        author: PersonName,
      })
      .strict(),
  ),
  'versions:diff': def<VersionComparison>()(z.object({ fromId: Id, toId: Id }).strict()),
  'versions:submit': def<VersionSummary>()(z.object({ id: Id, author: PersonName }).strict()),
  'versions:comment': def<VersionComment>()(
    z
      .object({
        versionId: Id,
        replyTo: Id.nullable(),
        scenarioId: Id.nullable(),
        fieldId: Id.nullable(),
        author: PersonName,
        role: z.enum(COMMENT_ROLES),
        body: z.string().trim().min(1).max(V.commentMaxChars),
      })
      .strict(),
  ),
  'versions:decide': def<DecisionRecord>()(
    z
      .object({
        versionId: Id,
        meetingDate: z.iso.date(),
        vote: VoteSchema,
        outcome: z.enum(DECISION_OUTCOMES),
        scenarioId: Id.nullable(),
        resolution: z.string().trim().min(1).max(V.resolutionMaxChars),
        recordedBy: PersonName,
      })
      .strict(),
  ),
  'charter:get': def<Charter>()(Empty),
  'charter:set': def<Charter>()(
    z
      .object({ members: DecisionRulesSchema, board: DecisionRulesSchema, revision: Revision.nullable() })
      .strict(),
  ),
  // A roll-out the optimiser chose (in the renderer's worker), made into one scenario per year.
  'optimiser:toScenarios': def<Scenario[]>()(
    z
      .object({
        problem: ProblemSchema,
        schedule: z
          .array(
            z
              .object({
                year: z.number().int().min(2000).max(2100),
                fieldId: Id,
                action: z.enum(ACTIONS),
              })
              .strict(),
          )
          .max(200_000),
        // the scenarios are named "<name> <year>"
        name: z.string().trim().min(1).max(50),
        note: z.string().max(500),
      })
      .strict(),
  ),
  // The roll-out problem as the co-op last stated it, kept per workspace for the form.
  'optimiser:getProblem': def<{ saved: SavedProblem | null; unreadable: boolean }>()(Empty),
  'optimiser:saveProblem': def<{ savedAt: string }>()(z.object({ problem: ProblemSchema }).strict()),
  // The season after (实收): actuals by hand or CSV (all or nothing), the scenario carried out,
  // plan against actual, and calibration proposals the user accepts into assumption overrides.
  'actuals:list': def<ActualsSeason>()(z.object({ seasonYear: SeasonYear }).strict()),
  'actuals:set': def<ActualsWritten>()(SetActualsSchema),
  'actuals:previewCsv': def<ActualsCsvPreview>()(ActualsCsvRequestSchema),
  'actuals:importCsv': def<ActualsWritten & { imported: number }>()(ActualsCsvRequestSchema),
  'actuals:setScenario': def<SeasonRecord>()(SetScenarioCarriedOutSchema),
  // With a version: the forecast is that frozen plan's, as the board saw it.
  'actuals:compare': def<PlanVsActual>()(
    z.object({ seasonYear: SeasonYear, versionId: Id.nullable().default(null) }).strict(),
  ),
  'calibration:list': def<CalibrationProposal[]>()(Empty),
  'calibration:accept': def<CalibrationAccepted>()(AcceptProposalSchema),
  // Plan files (导入/导出): the whole plan with its versions, one frozen version, or chosen
  // scenarios (with the baseline and their loans); a preview; a merge, one choice per conflict.
  'exchange:export': def<ExportedPlanFile>()(
    z.discriminatedUnion('what', [
      z.object({ what: z.literal('plan') }).strict(),
      z.object({ what: z.literal('version'), versionId: Id }).strict(),
      z.object({ what: z.literal('scenarios'), scenarioIds: z.array(Id).min(1).max(200) }).strict(),
    ]),
  ),
  'exchange:preview': def<PlanFilePreview>()(z.object({ text: PlanFileText }).strict()),
  'exchange:merge': def<MergeSummary>()(
    z
      .object({
        text: PlanFileText,
        choices: z.record(z.string().max(200), z.enum(MERGE_CHOICES)),
      })
      .strict(),
  ),
} satisfies { [C in Channel]: Def<z.ZodType, unknown> }

export type Contract = typeof contract
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>
export type OutputOf<C extends Channel> = Contract[C]['output']

/** The back end implements every channel; the type checker holds it to the contract. */
export type Handlers = { [C in WorkspaceChannel]: (input: ParsedInputOf<C>) => OutputOf<C> }
/** The channels the host answers itself (app/workspaces). */
export type HostHandlers = {
  [C in HostChannel]: (input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>
}
