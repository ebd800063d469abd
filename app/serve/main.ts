import { randomBytes } from 'node:crypto'
import { homedir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { AppError } from '../../engine/errors'
import packageJson from '../../package.json'
import { defaultDataDir } from '../paths'
import { openWorkspace, resolveDataFile } from '../workspace'
import { ArgsError, parseServeArgs } from './args'
import { openInBrowser } from './open-browser'
import { createAppServer, listenLocal } from './server'

/** `npm run serve`: the planner in the user's browser, on 127.0.0.1 with a per-run token. */
async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2))
  const dataDir = args.dataDir ?? defaultDataDir(process.platform, process.env, homedir())
  const dataFile = resolveDataFile(dataDir, process.env)
  const workspace = openWorkspace({ dataFile, mode: 'browser', version: packageJson.version })
  const token = randomBytes(24).toString('base64url')
  const server = createAppServer({
    handlers: workspace.handlers,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    token,
    onInternalError: (error) => console.error('[fengshou] internal error:', error),
  })
  const port = await listenLocal(server, args.port)
  const url = `http://127.0.0.1:${port}/?token=${token}`
  // The first stdout line is the address; scripts and tests read it.
  process.stdout.write(`Fengshou Planner: ${url}\n`)
  console.error(`[fengshou] workspace: ${dataFile}`)
  if (args.open) openInBrowser(url)

  const stop = () => {
    server.close()
    workspace.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  if (error instanceof ArgsError) {
    console.error(`Fengshou Planner: ${error.message}`)
    process.exit(2)
  }
  if (error instanceof AppError) {
    console.error(`Fengshou Planner: cannot open the workspace (${error.code}): ${error.message}`)
    process.exit(1)
  }
  console.error(error)
  process.exit(1)
})
