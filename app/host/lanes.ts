import type { Channel } from '../contract/channels'

/**
 * How the back-end host runs each channel. Short calls run at once on the host's own thread and
 * connection; long work (CSV parsing and imports, bulk edits of thousands of fields, backups,
 * restores) runs in the job worker with a time budget, so other calls are answered meanwhile.
 *
 * - access: what the call does to the workspace file. A write waits while a job writes (one
 *   writer at a time, and the host thread must never sit in SQLite's busy wait); reads go on
 *   while a job writes (WAL lets readers see the last commit).
 * - exclusive: the job replaces the file itself (restore); every call that touches the
 *   workspace waits until it is done.
 */
export type Lane = { access: 'none' | 'read' | 'write'; job: boolean; exclusive: boolean }

const now = (access: Lane['access']): Lane => ({ access, job: false, exclusive: false })
const job = (access: Lane['access'], exclusive = false): Lane => ({ access, job: true, exclusive })

export const LANES = {
  'app:info': now('none'),
  // Choosing, making and removing workspaces replaces the open file: nothing else may run meanwhile.
  'workspaces:list': now('none'),
  'workspaces:create': job('write', true),
  'workspaces:open': job('write', true),
  'workspaces:rename': now('write'),
  'workspaces:remove': job('write', true),
  'workspaces:restore': now('none'),
  // A plan file made into a new workspace file: reading and checking it is long, and it adds to
  // the list of workspaces, so it waits for other workspace changes.
  'workspaces:import': job('write', true),
  'workspace:get': now('read'),
  'workspace:update': now('write'),
  'workspace:backup': job('read'),
  'workspace:backups': now('read'),
  // A copy to a folder the user chose (a USB stick) is as long as a backup, and is one.
  'workspace:backupTo': job('read'),
  'audit:list': now('read'),
  'workspace:restore': job('write', true),
  'fields:list': now('read'),
  'fields:create': now('write'),
  'fields:update': now('write'),
  'fields:delete': now('write'),
  'fields:bulkUpdate': job('write'),
  'fields:bulkDelete': job('write'),
  'fields:previewCsv': job('read'),
  'fields:importCsv': job('write'),
  'varieties:list': now('read'),
  'varieties:create': now('write'),
  'varieties:update': now('write'),
  'varieties:importCsv': job('write'),
  'groups:list': now('read'),
  'groups:create': now('write'),
  'plan:get': now('read'),
  'scenarios:create': now('write'),
  'scenarios:rename': now('write'),
  'scenarios:delete': now('write'),
  'scenarios:apply': now('write'),
  'loans:list': now('read'),
  'loans:create': now('write'),
  'loans:update': now('write'),
  'loans:delete': now('write'),
  'assumptions:list': now('read'),
  'assumptions:set': now('write'),
  'assumptions:reset': now('write'),
  // Versions read whole plans and their results (megabytes for thousands of fields); freezing
  // evaluates the plan and runs its risk simulation, and a diff compares two stored versions.
  'versions:list': job('read'),
  'versions:get': job('read'),
  'versions:freeze': job('write'),
  'versions:diff': job('read'),
  'versions:submit': now('write'),
  'versions:comment': now('write'),
  'versions:decide': now('write'),
  'charter:get': now('read'),
  'charter:set': now('write'),
  // An optimised roll-out made into one scenario per year: the plan is read and each change checked.
  'optimiser:toScenarios': now('write'),
  'optimiser:getProblem': now('read'),
  'optimiser:saveProblem': now('write'),
  // The season after: a season's actuals are one short read or write (a few thousand rows at
  // most); a CSV is parsed in the job like the field import; a comparison and the calibration
  // evaluate the whole plan, and an accepted proposal evaluates it before and after.
  'actuals:list': now('read'),
  'actuals:set': now('write'),
  'actuals:previewCsv': job('read'),
  'actuals:importCsv': job('write'),
  'actuals:setScenario': now('write'),
  'actuals:compare': job('read'),
  'calibration:list': job('read'),
  'calibration:accept': job('write'),
  // Plan files are megabytes of JSON: reading, checking (hashes of every version) and writing are long.
  'exchange:export': job('read'),
  'exchange:preview': job('read'),
  'exchange:merge': job('write'),
} as const satisfies Record<Channel, Lane>
