import { describe, expect, it } from 'vitest'
import { LANES } from '../../../app/host/lanes'
import { Scheduler } from '../../../app/host/scheduler'

/** A job the test finishes by hand, so the order of events is decided by the test, not by time. */
function manualJob() {
  let finish!: () => void
  const done = new Promise<void>((resolve) => {
    finish = resolve
  })
  return { run: () => done.then(() => 'job'), finish }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the host orders short calls around long jobs', () => {
  it('answers reads and app:info while a job writes, and holds writes until it ends', async () => {
    const s = new Scheduler()
    const log: string[] = []
    const importing = manualJob()
    const job = s.job(LANES['fields:importCsv'], importing.run).then(() => log.push('import'))
    const info = s.inline(LANES['app:info'], () => log.push('info'))
    const read = s.inline(LANES['fields:list'], () => log.push('list'))
    const write = s.inline(LANES['fields:update'], () => log.push('update'))
    await Promise.all([info, read])
    await tick()
    expect(log).toEqual(['info', 'list'])
    importing.finish()
    await Promise.all([job, write])
    // The held write runs only once the job has ended.
    expect(log).toEqual(['info', 'list', 'import', 'update'])
  })

  it('lets writes through while a job only reads (a preview or a backup)', async () => {
    const s = new Scheduler()
    const log: string[] = []
    const preview = manualJob()
    const job = s.job(LANES['fields:previewCsv'], preview.run)
    await s.inline(LANES['fields:update'], () => log.push('update'))
    expect(log).toEqual(['update'])
    preview.finish()
    await job
  })

  it('holds everything that touches the workspace while a restore replaces the file', async () => {
    const s = new Scheduler()
    const log: string[] = []
    const restore = manualJob()
    const job = s.job(LANES['workspace:restore'], restore.run).then(() => log.push('restore'))
    const read = s.inline(LANES['fields:list'], () => log.push('list'))
    await s.inline(LANES['app:info'], () => log.push('info'))
    await tick()
    expect(log).toEqual(['info'])
    restore.finish()
    await Promise.all([job, read])
    expect(log).toEqual(['info', 'restore', 'list'])
  })

  it('runs jobs one at a time in arrival order, and a failing job frees the next', async () => {
    const s = new Scheduler()
    const log: string[] = []
    const first = manualJob()
    const a = s.job(LANES['fields:importCsv'], () => first.run().then(() => log.push('a')))
    const b = s
      .job(LANES['workspace:backup'], () => Promise.reject(new Error('disk')))
      .catch(() => log.push('b failed'))
    const c = s.job(LANES['fields:previewCsv'], async () => log.push('c'))
    await tick()
    expect(log).toEqual([])
    expect(s.busy).toBe(true)
    first.finish()
    await Promise.all([a, b, c])
    expect(log).toEqual(['a', 'b failed', 'c'])
    expect(s.busy).toBe(false)
  })

  it('passes a short call’s own error back to its caller', async () => {
    const s = new Scheduler()
    await expect(
      s.inline(LANES['fields:list'], () => {
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
  })
})
