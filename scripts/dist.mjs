// npm run dist: package installers for this platform with electron-builder.
// NEEDS INTERNET (Electron and native-module downloads). Never run in CI or on machines without
// network access. electron-builder rebuilds better-sqlite3 for Electron in place; afterwards the
// Node build is restored so `npm test`, the CLI and browser mode keep working.
import { spawnSync } from 'node:child_process'
import { buildQuietly, ROOT } from './build-quietly.mjs'

if (process.env.CI) {
  console.error('npm run dist needs internet and never runs in CI.')
  process.exit(2)
}
buildQuietly()
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx'
const packaged = spawnSync(npx, ['electron-builder', '--config', 'electron-builder.yml'], {
  cwd: ROOT,
  stdio: 'inherit',
})
const restored = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['rebuild', 'better-sqlite3'], {
  cwd: ROOT,
  stdio: 'inherit',
})
process.exit(packaged.status || restored.status || 0)
