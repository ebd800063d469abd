import { LATEST_SCHEMA_VERSION } from '../../db/migrations'
import { isHostChannel } from '../contract/channels'
import type { AppInfo, HostHandlers } from '../contract/contract'
import type { Result } from '../contract/result'
import { dispatch, toApiError, validateCall } from '../dispatch'
import { readCheckedPlanFile } from '../use-cases/plan-exchange'
import { type OpenedWorkspace, openWorkspace } from '../workspace'
import { type DataPlace, WorkspaceFiles } from '../workspaces/manager'
import { JobRunner } from './jobs'
import { LANES } from './lanes'
import { DEFAULT_JOB_BUDGET_MS } from './protocol'
import { Scheduler } from './scheduler'

export type HostOptions = {
  place: DataPlace
  mode: AppInfo['mode']
  version: string
  nativeBinding?: string
  actor?: string
  now?: () => Date
  /** the built job-worker entry (out/main/job-worker.js), given by the entry that starts the host */
  jobWorkerUrl: URL
  jobBudgetMs?: number
  /** With no workspace open yet, make and open the demo (browser mode's --demo, the tests). */
  openDemoIfNone?: boolean
  onInternalError?: (error: unknown) => void
}

export type Host = {
  /**
   * Runs one call of the contract; never rejects. `workspaceId` is the workspace the caller's
   * window was loaded for: a window left on another workspace is told so instead of writing here.
   */
  call: (channel: unknown, input: unknown, workspaceId?: string) => Promise<Result<unknown>>
  close: () => Promise<void>
}

type Open = { id: string; file: string; workspace: OpenedWorkspace; jobs: JobRunner }

/**
 * The back end of the planner, the same in both shells: the open workspace's handlers on this
 * thread for short calls, and a job worker with a time budget for long ones (see lanes.ts), plus
 * the choice of workspace itself (app/workspaces). Browser mode runs it inside the HTTP server's
 * process; the desktop app runs it in an Electron utilityProcess (process-main.ts), so no call ever
 * blocks the window.
 */
export function startHost(options: HostOptions): Host {
  const { onInternalError } = options
  const now = options.now ?? (() => new Date())
  const ctx = { actor: options.actor ?? 'local-user', now }
  const files = new WorkspaceFiles(options.place, {
    ctx,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const scheduler = new Scheduler()
  let open: Open | null = null

  function openFile(id: string, file: string): Open {
    const workspace = openWorkspace({
      dataFile: file,
      mode: options.mode,
      version: options.version,
      now,
      ...(options.actor ? { actor: options.actor } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      create: true,
    })
    const jobs = new JobRunner({
      workerUrl: options.jobWorkerUrl,
      workerData: {
        dataFile: file,
        mode: options.mode,
        version: options.version,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      },
      budgetMs: options.jobBudgetMs ?? DEFAULT_JOB_BUDGET_MS,
      ...(onInternalError ? { onInternalError } : {}),
    })
    return { id, file, workspace, jobs }
  }

  async function closeOpen(): Promise<void> {
    const closing = open
    open = null
    if (!closing) return
    await closing.jobs.close()
    closing.workspace.close()
  }

  /** Closes the open workspace and opens another; if that fails, the one before is opened again. */
  async function switchTo(choose: () => { id: string; file: string }): Promise<string> {
    const before = open ? { id: open.id, file: open.file } : null
    await closeOpen()
    try {
      const next = choose()
      open = openFile(next.id, next.file)
      files.select(next.id)
      return next.id
    } catch (error) {
      if (before) {
        open = openFile(before.id, before.file)
        files.select(before.id)
      } else files.deselect()
      throw error
    }
  }

  // At start: the workspace open last time. In a data folder, one that cannot be opened (saved by
  // a newer version, damaged) leaves none open and the list says why; a single named file (DB_PATH)
  // that cannot be opened stops the start, as before workspaces existed.
  const current = files.current()
  if (current) {
    try {
      open = openFile(current.id, current.file)
      files.select(current.id)
    } catch (error) {
      if (!files.canManage) throw error
      onInternalError?.(error)
    }
  } else if (options.openDemoIfNone && files.canManage) {
    const demo = files.create({ kind: 'demo', locale: 'zh-CN' })
    open = openFile(demo.id, demo.file)
  }

  const info = (): AppInfo => ({
    version: options.version,
    dataFile: open?.file ?? null,
    dataDir: files.dataDir,
    workspaceId: open?.id ?? null,
    schemaVersion: LATEST_SCHEMA_VERSION,
    mode: options.mode,
  })

  const hostHandlers: HostHandlers = {
    'app:info': () => info(),
    'workspaces:list': () => files.list(),
    'workspaces:create': async (input) => files.entry(await switchTo(() => files.create(input))),
    'workspaces:open': async ({ id }) => files.entry(await switchTo(() => files.select(id))),
    'workspaces:rename': ({ id, name }) => {
      if (open && open.id === id) {
        open.workspace.handlers['workspace:update']({ name })
      } else {
        const other = openWorkspace({
          dataFile: files.fileOf(id),
          mode: options.mode,
          version: options.version,
          create: false,
          now,
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        })
        try {
          other.handlers['workspace:update']({ name })
        } finally {
          other.close()
        }
      }
      return files.entry(id)
    },
    'workspaces:remove': async ({ id }) => {
      const name = files.entry(id).name
      if (open && open.id === id) await closeOpen()
      files.remove(id, name)
      return files.list()
    },
    'workspaces:restore': ({ id }) => files.entry(files.restore(id).id),
    'workspaces:import': ({ text }) => {
      const file = readCheckedPlanFile(text)
      return files.entry(files.importPlan(file.plan, file.records, file.seasons).id)
    },
  }

  async function runHost(channel: keyof HostHandlers, input: unknown): Promise<Result<unknown>> {
    try {
      const handler = hostHandlers[channel] as (input: unknown) => unknown
      return { ok: true, value: await handler(input) }
    } catch (error) {
      return { ok: false, error: toApiError(error, onInternalError) }
    }
  }

  const noWorkspace = (): Result<never> => ({
    ok: false,
    error: { code: 'NO_WORKSPACE', message: 'No workspace is open', details: {} },
  })

  /** A restore replaces the file: this thread lets go of it first, and opens it again after. */
  async function exclusively(target: Open, run: () => Promise<Result<unknown>>): Promise<Result<unknown>> {
    target.workspace.suspend()
    try {
      return await run()
    } finally {
      target.workspace.resume()
    }
  }

  return {
    call(channel, input, workspaceId) {
      const checked = validateCall(channel, input)
      if (!checked.ok) return Promise.resolve(checked)
      const name = checked.value.channel
      const lane = LANES[name]
      if (isHostChannel(name)) {
        const parsed = checked.value.input
        return lane.job
          ? scheduler.job(lane, () => runHost(name, parsed))
          : scheduler.inline(lane, () => runHost(name, parsed)).then((result) => result)
      }
      if (workspaceId !== undefined && workspaceId !== (open?.id ?? null)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'WORKSPACE_CHANGED',
            message: 'Another window opened another workspace',
            details: {},
          },
        })
      }
      if (!lane.job) {
        return scheduler.inline(lane, () =>
          open ? dispatch(open.workspace.handlers, name, input, onInternalError) : noWorkspace(),
        )
      }
      return scheduler
        .job(lane, async () => {
          const target = open
          if (!target) return noWorkspace()
          const run = () => target.jobs.run(name, input)
          return lane.exclusive ? exclusively(target, run) : run()
        })
        .catch((error: unknown) => ({ ok: false as const, error: toApiError(error, onInternalError) }))
    },
    async close() {
      await closeOpen()
    },
  }
}
