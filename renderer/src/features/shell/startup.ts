import type { AppInfo } from '../../../../app/contract/contract'
import type { Plan } from '../../../../engine/schemas/plan'
import type { Workspace } from '../../../../engine/schemas/workspace'
import { api, unwrap } from '../../api'
import { DEFAULT_ROUTE, ROUTES } from './routes'

// The first screen's data is asked for as soon as the code runs, all at once, instead of one after
// the other as the components mount (workspace, then the overview's plan): on a cold start that is
// one round trip to the back end less before the co-op's numbers show.

/** A promise whose rejection is left to whoever takes it, without an "unhandled" report meanwhile. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined)
  return promise
}

function opensOnOverview(): boolean {
  const key = window.location.hash.replace(/^#\/?/, '')
  // A print route (the board pack) reads a stored version, never the live plan.
  if (key.startsWith('print/')) return false
  return key === 'overview' || !(ROUTES as readonly string[]).includes(key) || key === DEFAULT_ROUTE
}

let workspace: Promise<[Workspace, AppInfo]> | null = quiet(
  Promise.all([unwrap(api.workspaceGet()), unwrap(api.appInfo())]),
)
let plan: Promise<Plan> | null = opensOnOverview() ? quiet(unwrap(api.planGet())) : null
/** The plan once it has arrived, so the overview's first render can already show it. */
let arrived: Plan | null = null
plan?.then(
  (value) => {
    if (plan) arrived = value
  },
  () => undefined,
)

// What was fetched at start describes the workspace as it was then: once the user moves on, a
// screen asks afresh.
window.addEventListener(
  'hashchange',
  () => {
    plan = null
    arrived = null
  },
  { once: true },
)

/** The workspace and app info fetched at start, once; later loads (Retry) ask the back end again. */
export function takeStartupWorkspace(): Promise<[Workspace, AppInfo]> | null {
  const taken = workspace
  workspace = null
  return taken
}

/** The plan fetched at start for the overview, once; every later read asks the back end. */
export function takeStartupPlan(): Promise<Plan> | null {
  const taken = plan
  plan = null
  arrived = null
  return taken
}

/** The same plan if it has already arrived (taken, as above), for a first render without a skeleton. */
export function takeArrivedStartupPlan(): Plan | null {
  const taken = arrived
  if (taken) takeStartupPlan()
  return taken
}
