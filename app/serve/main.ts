import { randomBytes } from 'node:crypto'
import { homedir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../engine/errors'
import { localeFromEnv, translate } from '../../engine/i18n/translate'
import packageJson from '../../package.json'
import { startHost } from '../host/host'
import { defaultDataDir } from '../paths'
import { ArgsError, parseServeArgs } from './args'
import { openInBrowser } from './open-browser'
import { createAppServer, listenLocal } from './server'

function logInternal(error: unknown): void {
  console.error('[fengshou] internal error:', error)
}

/** `npm run serve`: the planner in the user's browser, on 127.0.0.1 with a per-run token. */
async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2))
  const dataDir = args.dataDir ?? defaultDataDir(process.platform, process.env, homedir())
  // DB_PATH names one workspace file; otherwise the folder holds the co-op's workspaces.
  const place = process.env.DB_PATH
    ? { kind: 'file' as const, file: process.env.DB_PATH }
    : { kind: 'folder' as const, dir: dataDir }
  const host = startHost({
    place,
    openDemoIfNone: args.demo,
    mode: 'browser',
    version: packageJson.version,
    jobWorkerUrl: new URL('./job-worker.js', import.meta.url),
    onInternalError: logInternal,
  })
  const token = randomBytes(24).toString('base64url')
  const server = createAppServer({
    call: host.call,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    token,
    onInternalError: logInternal,
  })
  const port = await listenLocal(server, args.port)
  const url = `http://127.0.0.1:${port}/?token=${token}`
  // The first stdout line is the address; scripts and tests read it.
  process.stdout.write(`Fengshou Planner: ${url}\n`)
  console.error(`[fengshou] data: ${place.kind === 'file' ? place.file : place.dir}`)
  if (args.open) openInBrowser(url)

  const stop = () => {
    server.close()
    void host.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const locale = localeFromEnv(process.env)
  if (error instanceof ArgsError) {
    console.error(`Fengshou Planner: ${error.message}`)
    process.exit(2)
  }
  const code = error instanceof AppError ? error.code : 'INTERNAL'
  if (code === 'INTERNAL') logInternal(error)
  console.error(`Fengshou Planner: ${translate(locale, `errors.code.${code}`)}`)
  process.exit(1)
})
