// npm run bench: builds if needed, then prints one JSON line per benchmark figure:
// the engine in plain Node, then the UI in Chromium against browser mode.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureBuilt, ROOT } from './build-quietly.mjs'

const engine = spawnSync(process.execPath, ['--expose-gc', ensureBuilt('bench.js')], { stdio: 'inherit' })
if (engine.status !== 0) process.exit(engine.status ?? 1)

const vitest = join(
  createRequire(join(ROOT, 'package.json')).resolve('vitest/package.json'),
  '..',
  'vitest.mjs',
)
// The UI figure's JSON line is printed by the test itself; vitest's own report goes to stderr.
const ui = spawnSync(
  process.execPath,
  [vitest, 'run', '--project', 'bench-ui', '--reporter=dot', '--silent=false'],
  {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  },
)
for (const line of (ui.stdout ?? '').split('\n'))
  if (line.startsWith('{"bench"')) process.stdout.write(`${line}\n`)
process.exit(ui.status ?? 1)
