// npm test: lint and format, typecheck, build, unit + integration + component tests, then the
// end-to-end tests in Chromium. Everything runs with a temp folder of its own; at the end that
// folder must be empty, so a test that leaves a file, a database or a browser profile behind
// fails the run, naming what it left.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './build-quietly.mjs'

const temp = mkdtempSync(join(tmpdir(), 'fengshou-test-run-'))
const env = { ...process.env, TMPDIR: temp, TMP: temp, TEMP: temp }
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'

const steps = [
  [npm, ['run', 'lint']],
  [npm, ['run', 'typecheck']],
  [npm, ['run', 'build']],
  [npx, ['vitest', 'run', '--project', 'unit', '--project', 'integration', '--project', 'renderer']],
  [npx, ['vitest', 'run', '--project', 'e2e']],
]

for (const [command, args] of steps) {
  const run = spawnSync(command, args, { cwd: ROOT, env, stdio: 'inherit' })
  if (run.status !== 0) {
    rmSync(temp, { recursive: true, force: true })
    process.exit(run.status ?? 1)
  }
}

const left = readdirSync(temp)
rmSync(temp, { recursive: true, force: true })
if (left.length > 0) {
  console.error(`npm test: the tests left ${left.length} item(s) in the temp folder: ${left.join(', ')}`)
  process.exit(1)
}
console.error('npm test: every step passed and the temp folder is empty')
