import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { JobRunner } from '../../../app/host/jobs'

// The job runner with a worker whose jobs either spin forever or answer at once, so whether a
// job runs out of time is decided by the test, not by how busy the machine is.
const WORKER = pathToFileURL(join(import.meta.dirname, '../../fixtures/workers/controlled-job-worker.mjs'))
const runners: JobRunner[] = []

function runner(budgetMs: number): JobRunner {
  const r = new JobRunner({
    workerUrl: WORKER,
    workerData: { dataFile: 'unused', mode: 'browser', version: 'test' },
    budgetMs,
  })
  runners.push(r)
  return r
}

afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()))
})

describe('the job runner', () => {
  it('answers with the job’s own result', async () => {
    await expect(runner(10_000).run('quick', {})).resolves.toEqual({ ok: true, value: 'quick' })
  })

  it('stops a job that never ends when its budget runs out, and gives the next job a fresh worker', async () => {
    const r = runner(300)
    await expect(r.run('stuck', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'TIMED_OUT', details: { channel: 'stuck', budgetMs: 300 } },
    })
    // The spinning thread could never answer again; only a new one can.
    await expect(r.run('after', {})).resolves.toEqual({ ok: true, value: 'after' })
  })

  it('runs one job at a time', async () => {
    const r = runner(10_000)
    const first = r.run('first', {})
    await expect(r.run('second', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    await expect(first).resolves.toEqual({ ok: true, value: 'first' })
  })
})
