// Builds the app (main, preload, renderer) with the build log on stderr, so that a script's
// stdout stays clean for what users and tools read (browser mode's first line is its address).
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..')

export function buildQuietly() {
  const require = createRequire(join(ROOT, 'package.json'))
  const cli = join(require.resolve('electron-vite/package.json'), '..', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) {
    console.error('Fengshou Planner: the build failed (see above).')
    process.exit(result.status ?? 1)
  }
}
