import type { DB } from '../../db/connection'
import { readPlan } from '../../db/plan-store'
import { actualSeasons, listActuals, seasonRecord } from '../../db/repositories/actuals'
import { listOverrides, setOverride } from '../../db/repositories/assumptions'
import type { WriteContext } from '../../db/repositories/context'
import { proposeCalibration } from '../../engine/actuals/calibrate'
import { comparePlanToActual } from '../../engine/actuals/compare'
import type { ActualEntry } from '../../engine/actuals/entry'
import type {
  ActualRecord,
  CalibrationFactor,
  CalibrationProposal,
  PlanVsActual,
} from '../../engine/actuals/types'
import { DEFAULT_BY_KEY } from '../../engine/assumptions/defaults'
import { AppError } from '../../engine/errors'
import { evaluatePlan } from '../../engine/model/evaluate'
import type { Plan } from '../../engine/schemas/plan'
import type { CalibrationAccepted, ScenarioMove } from '../contract/contract'
import { getVersion } from './plan-versions'

const record = ({ source: _s, recordedAt: _r, ...a }: ActualEntry): ActualRecord => a

/**
 * Forecast against actual for one season, with the scenario the co-op carried out. With a
 * version, the forecast is that frozen plan's — its fields, scenarios and assumptions as the board
 * saw them, untouched by what was changed or calibrated since — so "how good was the plan" keeps
 * its answer. The scenario carried out is used where the version has it; otherwise the scenario
 * the board chose, else the version's current practice.
 */
export function compareSeason(db: DB, seasonYear: number, versionId: number | null = null): PlanVsActual {
  const actuals = listActuals(db, seasonYear).map(record)
  if (actuals.length === 0)
    throw new AppError('VALIDATION', 'No actuals recorded for this season', {
      issues: [{ path: ['seasonYear'], rule: 'no_actuals', params: { year: seasonYear } }],
    })
  const season = seasonRecord(db, seasonYear)
  if (versionId === null) return comparePlanToActual(readPlan(db), actuals, season)
  const version = getVersion(db, versionId)
  if (!version.hashVerified)
    throw new AppError('VALIDATION', 'The version was changed outside the app', {
      issues: [{ path: ['versionId'], rule: 'version_tampered', params: { number: version.number } }],
    })
  const plan = version.content.plan
  const has = (id: number | null | undefined) => id != null && plan.scenarios.some((s) => s.id === id)
  const scenarioId = has(season.scenarioId)
    ? season.scenarioId
    : has(version.decision?.scenarioId)
      ? (version.decision?.scenarioId ?? null)
      : null
  return {
    ...comparePlanToActual(plan, actuals, { seasonYear, scenarioId }),
    basis: { versionId: version.id, versionNumber: version.number, versionTitle: version.title },
  }
}

/** Every season with actuals, as calibration reads them (the baseline where none was recorded). */
function evidence(db: DB) {
  const actuals = listActuals(db).map(record)
  const seasons = actualSeasons(db)
    .map((y) => seasonRecord(db, y))
    .sort((a, b) => a.seasonYear - b.seasonYear)
  return { actuals, seasons }
}

/** What the co-op's own seasons say about each factor's assumed uplift. */
export function calibrationProposals(db: DB): CalibrationProposal[] {
  const { actuals, seasons } = evidence(db)
  if (actuals.length === 0) return []
  return proposeCalibration(readPlan(db), actuals, seasons)
}

/** Production and margin of every scenario, to show what an accepted proposal moved. */
function outcomes(plan: Plan) {
  return new Map(
    evaluatePlan(plan).scenarios.map((s) => [
      s.scenarioId,
      {
        name: s.name,
        isBaseline: s.isBaseline,
        kg: s.totals.productionKg,
        yuan: s.totals.money.grossMarginYuan,
      },
    ]),
  )
}

/**
 * An accepted proposal becomes an assumption override through the one setter every override
 * uses (hard bounds, revision and audit apply), with the reason the user read: the evidence. The
 * proposal is computed again from the records as they are now; one that changed since the user
 * saw it (new actuals, another override) is refused and nothing is written. The range is widened
 * where the new value lies outside it. Every scenario's production and margin before and after
 * are returned.
 */
export function acceptProposal(
  db: DB,
  ctx: WriteContext,
  input: { factor: CalibrationFactor; proposedValue: number; note: string },
): CalibrationAccepted {
  const proposal = calibrationProposals(db).find((p) => p.factor === input.factor)
  if (
    !proposal ||
    proposal.proposedValue === null ||
    Math.abs(proposal.proposedValue - input.proposedValue) > 1e-9 * Math.max(1, Math.abs(input.proposedValue))
  )
    throw new AppError('VALIDATION', 'The proposal changed since it was shown', {
      issues: [{ path: ['proposedValue'], rule: 'proposal_changed' }],
    })
  const value = proposal.proposedValue
  const before = readPlan(db)
  const current =
    listOverrides(db).find((o) => o.key === proposal.assumptionKey) ??
    DEFAULT_BY_KEY.get(proposal.assumptionKey)
  if (!current) throw new AppError('INTERNAL', `No assumption ${proposal.assumptionKey}`)
  const override = setOverride(db, ctx, {
    key: proposal.assumptionKey,
    value,
    low: Math.min(current.low, value),
    high: Math.max(current.high, value),
    note: input.note,
  })
  const was = outcomes(before)
  const now = outcomes(readPlan(db))
  const moved: ScenarioMove[] = [...now].map(([id, n]) => {
    const b = was.get(id)
    return {
      scenarioId: id,
      name: n.name,
      isBaseline: n.isBaseline,
      productionBeforeKg: b?.kg ?? n.kg,
      productionAfterKg: n.kg,
      marginBeforeYuan: b?.yuan ?? n.yuan,
      marginAfterYuan: n.yuan,
    }
  })
  return { override, proposal, moved }
}
