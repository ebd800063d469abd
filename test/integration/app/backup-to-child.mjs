// Runs inside its own mount namespace (unshare) with a tiny tmpfs standing in for a USB stick,
// read-only or too small, so the back-end host meets a real EROFS or a real full disk while it
// backs up into a chosen folder. The workspace itself is on the ordinary disk. Prints one JSON
// line: what the host answered, and every file left on the stick.
// Arguments: working folder, workspace file to start from, stick size in KiB, ro | rw.
import { execFileSync, fork } from 'node:child_process'
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const [work, seedFile, sizeKiB, mode] = process.argv.slice(2)
const HOST = process.env.FENGSHOU_HOST_ENTRY ?? join(import.meta.dirname, '../../../out/main/host-process.js')
const stick = join(work, 'stick')
mkdirSync(stick)
execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,${mode}`, 'tmpfs', stick])

const dataFile = join(work, 'workspace.fengshou.sqlite')
copyFileSync(seedFile, dataFile)
const host = fork(HOST, [], {
  env: { ...process.env, FENGSHOU_DATA_FILE: dataFile, FENGSHOU_MODE: 'browser' },
  stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
})
const out = { call: null, files: [] }
host.on('message', (message) => {
  if (message.type === 'failed') host.kill()
  else if (message.type === 'ready')
    host.send({ type: 'call', id: 1, channel: 'workspace:backupTo', input: { folder: stick } })
  else if (message.type === 'result') {
    out.call = message.result
    host.kill()
  }
})
host.on('exit', () => {
  out.files = readdirSync(stick).map((name) => `${name}:${statSync(join(stick, name)).size}`)
  process.stdout.write(`${JSON.stringify(out)}\n`)
  process.exit(0)
})
