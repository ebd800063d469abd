// npm run bench: builds if needed, then prints one JSON line per benchmark figure.
import { spawn } from 'node:child_process'
import { ensureBuilt } from './build-quietly.mjs'

const child = spawn(process.execPath, ['--expose-gc', ensureBuilt('bench.js')], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 1))
