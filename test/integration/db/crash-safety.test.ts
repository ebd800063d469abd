import { spawn } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { build } from 'vite'
import { beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/connection'
import { tempDir } from '../../helpers/db'

const ROOT = join(import.meta.dirname, '../../..')
const KILLS = Number(process.env.CRASH_KILLS ?? 200)
const OUT = join(ROOT, '.tmp/crash-writer')

/** Runs the writer until a random moment, then SIGKILLs it. Returns the acknowledged row numbers. */
function runAndKill(file: string, start: number, killAfterMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(OUT, 'crash-writer.js'), file, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: number[] = []
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += String(d)
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)))
    })
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended without being killed: ${stderr}`))
      else resolve(acked)
    })
  })
}

describe('crash safety: saved means durable', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true })
    // Bundle the child once so each of the hundreds of runs starts as plain Node.
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        ssr: join(import.meta.dirname, 'crash-writer.ts'),
        outDir: OUT,
        emptyOutDir: true,
        target: 'node20',
        rolldownOptions: { output: { entryFileNames: 'crash-writer.js', format: 'es' } },
      },
    })
  })

  it(`keeps every acknowledged transaction whole across ${KILLS} kill -9s at random moments`, async () => {
    const file = join(tempDir(), 'crash.sqlite')
    openDatabase(file).db.close()
    const acked = new Set<number>()
    let next = 0
    for (let i = 0; i < KILLS; i++) {
      const killAfterMs = Math.floor(Math.random() * 40)
      for (const k of await runAndKill(file, next, killAfterMs)) acked.add(k)

      const db = new Database(file)
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const names = new Set(
        (db.prepare('SELECT name FROM field').all() as { name: string }[]).map((r) => r.name),
      )
      for (const k of acked) expect(names.has(`f-${k}`), `acked row f-${k} lost after kill ${i}`).toBe(true)
      // No transaction is half there: every field has its six years and its audit line.
      const torn = db
        .prepare(
          `SELECT f.name FROM field f
           WHERE (SELECT count(*) FROM field_yield y WHERE y.field_id = f.id) <> 6
              OR (SELECT count(*) FROM audit_log a WHERE a.entity = 'field' AND a.entity_id = f.id) <> 1`,
        )
        .all()
      expect(torn).toEqual([])
      next = Math.max(next, ...[...names].map((n) => Number(n.slice(2)) + 1))
      db.close()
    }
    expect(acked.size).toBeGreaterThan(KILLS / 2)
  })
})
