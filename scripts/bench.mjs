// npm run bench [-- --check] [-- SUITE…]: builds if needed, then prints one JSON line per figure:
// the engine, database and back end in plain Node, then the UI in Chromium against browser mode.
// With --check it exits 1 and names every figure that misses its bar.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { ensureBuilt, ROOT } from './build-quietly.mjs'

const args = process.argv.slice(2)
const check = args.includes('--check')
const suites = args.filter((a) => !a.startsWith('--'))
const figures = []

function collect(stdout) {
  for (const line of (stdout ?? '').split('\n')) {
    // A reporter may have left a dot or a colour code in front of the figure on the same line.
    const at = line.indexOf('{"bench"')
    if (at === -1) continue
    const json = line.slice(at)
    process.stdout.write(`${json}\n`)
    figures.push(JSON.parse(json))
  }
}

const node = spawnSync(process.execPath, ['--expose-gc', ensureBuilt('bench.js'), ...suites], {
  cwd: ROOT,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
})
collect(node.stdout)
if (node.status !== 0) {
  console.error(`bench: the Node benchmarks failed (exit ${node.status})`)
  process.exit(node.status ?? 1)
}

if (suites.length === 0 || suites.includes('ui')) {
  const vitest = join(
    createRequire(join(ROOT, 'package.json')).resolve('vitest/package.json'),
    '..',
    'vitest.mjs',
  )
  // The UI figures' JSON lines are printed by the measurements themselves; vitest's report goes to stderr.
  const ui = spawnSync(
    process.execPath,
    [vitest, 'run', '--project', 'bench-ui', '--reporter=dot', '--silent=false'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  )
  collect(ui.stdout)
  if (ui.status !== 0) {
    console.error(`bench: the UI benchmarks failed (exit ${ui.status})`)
    process.exit(ui.status ?? 1)
  }
}

if (check) {
  const misses = figures.filter(
    (f) =>
      (typeof f.max === 'number' && !(f.value <= f.max)) ||
      (typeof f.min === 'number' && !(f.value >= f.min)),
  )
  for (const f of misses) console.error(`bench: ${f.bench} = ${f.value} ${f.unit} misses its bar (${f.bar})`)
  if (misses.length > 0) process.exit(1)
  console.error(`bench: all ${figures.length} figures within their bars`)
}
