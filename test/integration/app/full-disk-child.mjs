// Runs inside its own mount namespace (unshare) with a tiny tmpfs at the given folder, so the
// back-end host meets a truly full disk. Prints one JSON line: what the host said, and every file
// left in the folder. Arguments: folder, size in KiB, scenario, [workspace file to start from].
import { execFileSync, fork } from 'node:child_process'
import { copyFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const [dir, sizeKiB, scenario, seedFile] = process.argv.slice(2)
const HOST = process.env.FENGSHOU_HOST_ENTRY ?? join(import.meta.dirname, '../../../out/main/host-process.js')
execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k`, 'tmpfs', dir])

function listing(folder, prefix = '') {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory()
      ? listing(path, `${prefix}${name}/`)
      : [`${prefix}${name}:${statSync(path).size}`]
  })
}

const dataFile = join(dir, 'workspace.fengshou.sqlite')
if (seedFile) copyFileSync(seedFile, dataFile)
const host = fork(HOST, [], {
  env: { ...process.env, FENGSHOU_DATA_FILE: dataFile, FENGSHOU_MODE: 'browser' },
  stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
})
const out = { start: null, call: null, files: [] }
const finish = () => {
  out.files = listing(dir)
  process.stdout.write(`${JSON.stringify(out)}\n`)
  process.exit(0)
}
host.on('message', (message) => {
  if (message.type === 'failed' || (message.type === 'ready' && scenario === 'first-start')) {
    out.start = message
    host.kill()
  } else if (message.type === 'ready') {
    out.start = message
    host.send({ type: 'call', id: 1, channel: 'workspace:backup', input: {} })
  } else if (message.type === 'result') {
    out.call = message.result
    host.kill()
  }
})
host.on('exit', finish)
