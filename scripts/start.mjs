// npm start: build, then open the desktop app. Where the Electron runtime (or its build of
// better-sqlite3) cannot be obtained, say so in one line and open browser mode instead.
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { buildQuietly, ROOT } from './build-quietly.mjs'

const require = createRequire(join(ROOT, 'package.json'))
const electronDir = join(require.resolve('electron/package.json'), '..')
const electronVersion = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

/** Electron ≥ 42 downloads its runtime on first use; try once, with a time limit. */
function obtainElectron() {
  if (electronBinary()) return electronBinary()
  // Its own log (and, offline, its stack traces) would bury the one line that matters.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 300_000 })
  return electronBinary()
}

/**
 * The desktop window needs better-sqlite3 built for Electron's ABI. It goes into an ignored side
 * folder (the main process loads it through `nativeBinding`), so node_modules keeps the Node build
 * that tests, the CLI and browser mode use. Same folder scheme as electron/native-binding.ts.
 */
function obtainElectronBinding() {
  const dir = join(ROOT, '.native', `electron-v${electronVersion}-${process.platform}-${process.arch}`)
  const file = join(dir, 'build', 'Release', 'better_sqlite3.node')
  if (existsSync(file)) return file
  mkdirSync(dir, { recursive: true })
  copyFileSync(join(require.resolve('better-sqlite3/package.json')), join(dir, 'package.json'))
  const bin = join(require.resolve('prebuild-install/package.json'), '..', 'bin.js')
  spawnSync(
    process.execPath,
    [
      bin,
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--arch',
      process.arch,
      '--platform',
      process.platform,
    ],
    { cwd: dir, stdio: 'ignore', timeout: 300_000 },
  )
  return existsSync(file) ? file : null
}

function openBrowserMode(reason) {
  console.log(`Fengshou Planner: ${reason}; opening browser mode instead (浏览器模式).`)
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out/main/serve.js'), '--open', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  )
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}

buildQuietly()
const electron = obtainElectron()
if (!electron) {
  openBrowserMode('the Electron runtime could not be obtained (offline?)')
} else if (!obtainElectronBinding()) {
  openBrowserMode("Electron's build of the database module could not be obtained (offline?)")
} else {
  const child = spawn(electron, [ROOT], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
