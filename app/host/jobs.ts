import { Worker } from 'node:worker_threads'
import type { Result } from '../contract/result'
import type { JobReply, JobRequest, JobWorkerData } from './protocol'

type Pending = {
  id: number
  worker: Worker
  settle: (result: Result<unknown>) => void
  /** the workspace is open in the worker: the job's own budget starts now */
  started: () => void
}

function failure(code: 'TIMED_OUT' | 'INTERNAL', message: string, details: Record<string, unknown> = {}) {
  return { ok: false as const, error: { code, message, details } }
}

/**
 * The job worker: a worker thread with its own connection to the workspace, running one long job
 * at a time. A job that outlives its budget is stopped by terminating the thread; SQLite then
 * rolls its open transaction back (better-sqlite3 closes its connections when a thread ends), so
 * nothing of it is written. The next job gets a fresh thread.
 */
export class JobRunner {
  private worker: Worker | null = null
  private pending: Pending | null = null
  private nextId = 0

  constructor(
    private readonly options: {
      workerUrl: URL
      workerData: JobWorkerData
      budgetMs: number
      onInternalError?: (error: unknown) => void
    },
  ) {}

  /** Runs one job; the caller (the scheduler) never runs two at once. */
  run(channel: string, input: unknown): Promise<Result<unknown>> {
    if (this.pending) return Promise.resolve(failure('INTERNAL', 'A job is already running'))
    const worker = this.ensureWorker()
    const id = ++this.nextId
    return new Promise((resolve) => {
      const outOfTime = () => {
        this.stopWorker()
        settle(
          failure('TIMED_OUT', 'The job ran out of time and was stopped; nothing was written', {
            channel,
            budgetMs: this.options.budgetMs,
          }),
        )
      }
      // Opening the workspace in a fresh worker gets a budget of its own, then the job gets its own.
      let timer = setTimeout(outOfTime, this.options.budgetMs)
      const started = () => {
        clearTimeout(timer)
        timer = setTimeout(outOfTime, this.options.budgetMs)
      }
      const settle = (result: Result<unknown>) => {
        clearTimeout(timer)
        if (this.pending?.id === id) this.pending = null
        resolve(result)
      }
      this.pending = { id, worker, settle, started }
      worker.postMessage({ id, channel, input } satisfies JobRequest)
    })
  }

  /** Ends the thread (on shutdown, or before a fresh start after a restore). */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    await worker?.terminate()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(this.options.workerUrl, { workerData: this.options.workerData })
    // A stopped thread may still report after a new one took over: only its own job hears it.
    const mine = () => (this.pending?.worker === worker ? this.pending : null)
    worker.on('message', (reply: JobReply) => {
      const pending = mine()
      if (pending?.id !== reply.id) return
      if ('result' in reply) pending.settle(reply.result)
      else pending.started()
    })
    worker.on('error', (error) => {
      this.options.onInternalError?.(error)
      if (this.worker === worker) this.worker = null
      mine()?.settle(failure('INTERNAL', 'The job worker failed'))
    })
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null
      mine()?.settle(failure('INTERNAL', 'The job worker stopped'))
    })
    this.worker = worker
    return worker
  }

  private stopWorker(): void {
    const worker = this.worker
    this.worker = null
    void worker?.terminate()
  }
}
