// npm run cli -- <command>: the planner's command-line tool (plain Node, no UI).
// Builds first only when the build is missing or older than the sources.
import { spawn } from 'node:child_process'
import { ensureBuilt } from './build-quietly.mjs'

const child = spawn(process.execPath, [ensureBuilt('cli.js'), ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 1))
