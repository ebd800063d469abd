import type { Result } from '../contract/result'
import { dispatch, toApiError, validateCall } from '../dispatch'
import { type OpenWorkspaceOptions, openWorkspace } from '../workspace'
import { JobRunner } from './jobs'
import { LANES } from './lanes'
import { DEFAULT_JOB_BUDGET_MS } from './protocol'
import { Scheduler } from './scheduler'

export type HostOptions = Omit<OpenWorkspaceOptions, 'create'> & {
  /** the built job-worker entry (out/main/job-worker.js), given by the entry that starts the host */
  jobWorkerUrl: URL
  jobBudgetMs?: number
  onInternalError?: (error: unknown) => void
}

export type Host = {
  /** Runs one call of the contract; never rejects. */
  call: (channel: unknown, input: unknown) => Promise<Result<unknown>>
  close: () => Promise<void>
}

/**
 * The back end of the planner, the same in both shells: the workspace's handlers on this thread
 * for short calls, and a job worker with a time budget for long ones (see lanes.ts). Browser mode
 * runs it inside the HTTP server's process; the desktop app runs it in an Electron utilityProcess
 * (process-main.ts), so no call ever blocks the window.
 */
export function startHost(options: HostOptions): Host {
  const { jobWorkerUrl, jobBudgetMs, onInternalError, ...workspaceOptions } = options
  const workspace = openWorkspace({ ...workspaceOptions, create: true })
  const scheduler = new Scheduler()
  const jobs = new JobRunner({
    workerUrl: jobWorkerUrl,
    workerData: {
      dataFile: options.dataFile,
      mode: options.mode,
      version: options.version,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    },
    budgetMs: jobBudgetMs ?? DEFAULT_JOB_BUDGET_MS,
    ...(onInternalError ? { onInternalError } : {}),
  })

  /** A restore replaces the file: this thread lets go of it first, and opens it again after. */
  async function exclusively(run: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    workspace.suspend()
    try {
      return await run()
    } finally {
      workspace.resume()
    }
  }

  return {
    call(channel, input) {
      const checked = validateCall(channel, input)
      if (!checked.ok) return Promise.resolve(checked)
      const lane = LANES[checked.value.channel]
      if (!lane.job) {
        return scheduler.inline(lane, () => dispatch(workspace.handlers, channel, input, onInternalError))
      }
      const run = () => jobs.run(checked.value.channel, input)
      return scheduler
        .job(lane, lane.exclusive ? () => exclusively(run) : run)
        .catch((error: unknown) => ({ ok: false as const, error: toApiError(error, onInternalError) }))
    },
    async close() {
      await jobs.close()
      workspace.close()
    },
  }
}
