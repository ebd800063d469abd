// The back-end host while long work runs: how long a short call waits during a 10,000-row import.
import { type ChildProcess, fork } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHostClient, type HostClient } from '../host/client'
import { isFromHost } from '../host/protocol'
import { median, report } from './measure'

const UNITS = { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' } as const

function csvBase64(rows: number, offset: number): string {
  const lines = ['地块名称,面积（亩）,作物,积温,地力等级']
  for (let i = 1; i <= rows; i++) lines.push(`测量地${offset + i},${10 + (i % 90)},玉米,2700,5`)
  return Buffer.from(lines.join('\r\n'), 'utf8').toString('base64')
}

function startHost(dataFile: string): Promise<{ child: ChildProcess; client: HostClient }> {
  const entry = fileURLToPath(new URL('./host-process.js', import.meta.url))
  const child = fork(entry, [], {
    env: { ...process.env, FENGSHOU_DATA_FILE: dataFile, FENGSHOU_MODE: 'browser' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const client = createHostClient((m) => child.send(m))
  return new Promise((resolve, reject) => {
    child.on('message', (m) => {
      if (!isFromHost(m)) return
      if (m.type === 'ready') resolve({ child, client })
      else if (m.type === 'failed') reject(new Error(m.error.code))
      else client.receive(m)
    })
  })
}

export async function benchHost(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fengshou-bench-'))
  const { child, client } = await startHost(join(dir, 'workspace.fengshou.sqlite'))
  try {
    const worst: number[] = []
    const all: number[] = []
    for (let round = 0; round < 5; round++) {
      let done = false
      const importing = client
        .call('fields:importCsv', { base64: csvBase64(10_000, round * 10_000), mapping: null, units: UNITS })
        .then((r) => {
          done = true
          if (!r.ok) throw new Error(`import failed: ${r.error.code}`)
        })
      const delays: number[] = []
      while (!done) {
        const t0 = performance.now()
        await client.call('app:info', {})
        if (!done) delays.push(performance.now() - t0)
        await new Promise((r) => setTimeout(r, 10))
      }
      await importing
      if (delays.length < 5) throw new Error('the import ended before the calls could be measured')
      worst.push(Math.max(...delays))
      all.push(...delays)
    }
    report('host_call_during_import_median', median(all), 'ms', null)
    report(
      'host_call_during_import_worst',
      median(worst),
      'ms',
      { max: 100 },
      'worst call per 10,000-row import, median of 5',
    )
  } finally {
    child.kill()
    await new Promise((r) => child.once('exit', r))
    rmSync(dir, { recursive: true, force: true })
  }
}
