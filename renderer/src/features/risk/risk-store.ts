import type { SensitivityRow } from '../../../../engine/risk/sensitivity'
import type { RiskSummary } from './risk-protocol'

/** Which screen a run is for: the Risk screen's own runs, or Compare's quick run. */
export type RiskPurpose = 'risk' | 'compare'

/** What a result was computed from, shown beside it so nobody mistakes whose numbers they are. */
export type PlanLabel = { workspace: string; scenarios: number; fields: number }

export type StoredRun = {
  planKey: string
  plan: PlanLabel
  draws: number
  seed: number
  scenarios: RiskSummary[]
  /** when the run finished (ms since 1970) */
  finishedAt: number
}

// Kept for the session (until the window closes or reloads), per plan content: leaving a screen
// and coming back shows the last run of the same plan; a plan changed since has a new key and
// finds nothing, so a stale result is never shown as the plan's.
const runs = new Map<string, StoredRun>()
const latest = new Map<RiskPurpose, StoredRun>()
const tornados = new Map<string, SensitivityRow[]>()

export function storedRun(purpose: RiskPurpose, planKey: string | null): StoredRun | null {
  return planKey === null ? null : (runs.get(`${purpose}|${planKey}`) ?? null)
}

/** The last run for this purpose, whatever plan it was of (to say that the plan changed since). */
export function latestRun(purpose: RiskPurpose): StoredRun | null {
  return latest.get(purpose) ?? null
}

export function storeRun(purpose: RiskPurpose, run: StoredRun): void {
  runs.set(`${purpose}|${run.planKey}`, run)
  latest.set(purpose, run)
}

export function storedTornado(planKey: string, scenarioId: number): SensitivityRow[] | null {
  return tornados.get(`${planKey}|${scenarioId}`) ?? null
}

export function storeTornado(planKey: string, scenarioId: number, rows: SensitivityRow[]): void {
  tornados.set(`${planKey}|${scenarioId}`, rows)
}
