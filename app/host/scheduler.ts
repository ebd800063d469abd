import type { Lane } from './lanes'

type Held = { lane: Lane; run: () => void }
type Queued = { lane: Lane; start: () => void }

/**
 * Orders the host's calls around the one job that may be running in the worker. Short calls run
 * at once unless the running job forbids it (a write while a job writes, anything touching the
 * workspace while a restore replaces the file); then they wait, in arrival order, and run the
 * moment the job ends, before the next job starts. Jobs run one at a time, in arrival order. A
 * read may pass a write that waits: it sees the last commit, as it would a moment earlier.
 * Pure: no threads, no timers, so its order is tested directly.
 */
export class Scheduler {
  private running: Lane | null = null
  private readonly held: Held[] = []
  private readonly queue: Queued[] = []

  private allows(lane: Lane): boolean {
    if (lane.access === 'none' || this.running === null) return true
    if (this.running.exclusive) return false
    return !(lane.access === 'write' && this.running.access === 'write')
  }

  /** Runs `fn` now, or once the running job allows it. */
  inline<T>(lane: Lane, fn: () => T): Promise<T> {
    if (this.allows(lane)) {
      try {
        return Promise.resolve(fn())
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return new Promise<T>((resolve, reject) => {
      this.held.push({
        lane,
        run: () => {
          try {
            resolve(fn())
          } catch (error) {
            reject(error)
          }
        },
      })
    })
  }

  /** Queues a job; it starts when no other job runs and every call held before it has run. */
  job<T>(lane: Lane, run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        lane,
        start: () => {
          this.running = lane
          let work: Promise<T>
          try {
            work = run()
          } catch (error) {
            work = Promise.reject(error)
          }
          work.then(resolve, reject).finally(() => {
            this.running = null
            this.pump()
          })
        },
      })
      this.pump()
    })
  }

  /** True while a job runs or waits: for tests and the bench. */
  get busy(): boolean {
    return this.running !== null || this.queue.length > 0
  }

  private pump(): void {
    if (this.running !== null) return
    // Nothing runs: every held call may run now, in arrival order, before the next job starts.
    for (const call of this.held.splice(0)) call.run()
    this.queue.shift()?.start()
  }
}
