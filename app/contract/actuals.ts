import { z } from 'zod'
import {
  ACTUAL_LIMITS,
  type ActualEntry,
  type HistoryConflict,
  ON_HISTORY_CONFLICT,
} from '../../engine/actuals/entry'
import { type ActualRecord, CALIBRATION_FACTORS, type CalibrationProposal } from '../../engine/actuals/types'
import type { AssumptionOverride } from '../../engine/assumptions/types'
import type { CsvProblem } from '../../engine/csv/read-csv'
import { AREA_UNITS, MASS_UNITS } from '../../engine/units'

const L = ACTUAL_LIMITS
const Id = z.number().int().positive()
export const SeasonYear = z.number().int().min(L.firstYear).max(L.lastYear)

/** One season's actuals, the scenario carried out, and the seasons that have any record. */
export type ActualsSeason = {
  seasonYear: number
  /** the scenario carried out; null: none recorded (read as current practice) */
  scenarioId: number | null
  records: ActualEntry[]
  /** seasons with any actual or a recorded scenario, newest first */
  seasons: number[]
}

export const ActualRowSchema = z
  .object({
    fieldId: Id,
    yieldKgPerHa: z.number().min(0).max(L.yieldMaxKgPerHa),
    priceYuanPerKg: z.number().min(0).max(L.priceMaxYuanPerKg).nullable(),
    costYuanPerHa: z.number().min(0).max(L.costMaxYuanPerHa).nullable(),
  })
  .strict()

export const SetActualsSchema = z
  .object({
    seasonYear: SeasonYear,
    rows: z.array(ActualRowSchema).min(1).max(50_000),
    onHistoryConflict: z.enum(ON_HISTORY_CONFLICT).optional(),
  })
  .strict()

export const ActualsCsvRequestSchema = z
  .object({
    base64: z.string().min(1).max(23_000_000),
    units: z
      .object({
        yieldMass: z.enum(MASS_UNITS),
        yieldArea: z.enum(AREA_UNITS),
        priceMass: z.enum(MASS_UNITS),
        costArea: z.enum(AREA_UNITS),
      })
      .strict(),
    onHistoryConflict: z.enum(ON_HISTORY_CONFLICT).optional(),
  })
  .strict()
export type ActualsCsvRequest = z.output<typeof ActualsCsvRequestSchema>

/** What an actuals CSV would write; nothing is written by the preview. */
export type ActualsCsvPreview = {
  encoding: 'utf-8' | 'gb18030'
  rowCount: number
  /** the first rows as read, in canonical units, with the field's name */
  preview: (ActualRecord & { fieldName: string })[]
  problems: CsvProblem[]
  seasons: number[]
  /** new records, records that change a recorded actual, records that repeat one */
  counts: { new: number; update: number; unchanged: number }
  /** fields whose yield history holds another figure for the season: both numbers */
  conflicts: HistoryConflict[]
}

export const SetScenarioCarriedOutSchema = z
  .object({ seasonYear: SeasonYear, scenarioId: Id.nullable() })
  .strict()

export const AcceptProposalSchema = z
  .object({
    factor: z.enum(CALIBRATION_FACTORS),
    /** the value the user saw; a proposal that moved since is refused */
    proposedValue: z.number(),
    /** the reason recorded with the override: the evidence, as the user read it */
    note: z.string().trim().min(1).max(500),
  })
  .strict()

/** One scenario's production and margin before and after an accepted proposal. */
export type ScenarioMove = {
  scenarioId: number | null
  name: string
  isBaseline: boolean
  productionBeforeKg: number
  productionAfterKg: number
  marginBeforeYuan: number
  marginAfterYuan: number
}

export type CalibrationAccepted = {
  override: AssumptionOverride
  proposal: CalibrationProposal
  moved: ScenarioMove[]
}
