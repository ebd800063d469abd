// Builds the app (main, preload, renderer) with the build log on stderr, so that a script's
// stdout stays clean for what users and tools read (browser mode's first line is its address).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
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

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path))
    else if (/\.(ts|tsx|sql|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

/** The built entry in out/main, rebuilt first when it is missing or older than any source. */
export function ensureBuilt(entry) {
  const built = join(ROOT, 'out/main', entry)
  const sources = Math.max(
    ...['engine', 'db', 'app', 'electron', 'renderer'].map((d) => newestSource(join(ROOT, d))),
  )
  if (!existsSync(built) || statSync(built).mtimeMs < sources) buildQuietly()
  return built
}
