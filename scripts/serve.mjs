// npm run serve -- [--port N] [--data-dir DIR] [--open]
// Browser mode: builds, then serves the planner on 127.0.0.1. The first stdout line is exactly
// "Fengshou Planner: http://127.0.0.1:PORT/?token=TOKEN".
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildQuietly, ROOT } from './build-quietly.mjs'

if (!process.argv.includes('--no-build')) buildQuietly()
const args = process.argv.slice(2).filter((a) => a !== '--no-build')
const child = spawn(process.execPath, [join(ROOT, 'out/main/serve.js'), ...args], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
