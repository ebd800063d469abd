import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

// Integration tests drive the built back-end host (out/main/host-process.js and its job worker,
// which run as separate processes and threads). `npm test` builds before it tests; this rebuilds
// only when the build is missing or older than a source, for a single test file run by hand.
// FENGSHOU_HOST_ENTRY points the tests at another build of the host (then nothing is built here).
export default function buildOnce(): void {
  if (process.env.FENGSHOU_HOST_ENTRY) return
  const root = join(import.meta.dirname, '..')
  const run = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import('./scripts/build-quietly.mjs').then((m) => m.ensureBuilt('host-process.js'))",
    ],
    { cwd: root, stdio: 'inherit' },
  )
  if (run.status !== 0) throw new Error('the build failed; see above')
}
