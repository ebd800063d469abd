import { join } from 'node:path'

/**
 * better-sqlite3 needs a build per ABI. node_modules keeps the Node build (tests, CLI, browser
 * mode); the desktop window in development uses an Electron build that `npm start` fetches once
 * into this ignored folder. A packaged app carries its own Electron build in place.
 */
export function electronBindingDir(
  projectRoot: string,
  electronVersion: string,
  platform: string,
  arch: string,
): string {
  return join(projectRoot, '.native', `electron-v${electronVersion}-${platform}-${arch}`)
}

export function electronBindingFile(dir: string): string {
  return join(dir, 'build', 'Release', 'better_sqlite3.node')
}

export type BindingContext = {
  /** process.versions.electron, undefined under plain Node */
  electronVersion: string | undefined
  isPackaged: boolean
  projectRoot: string
  platform: string
  arch: string
  exists: (path: string) => boolean
}

export type BindingChoice =
  | { kind: 'default' }
  | { kind: 'file'; path: string }
  | { kind: 'missing'; expected: string }

/** Which better_sqlite3.node to load. Never rebuilds anything. */
export function chooseNativeBinding(ctx: BindingContext): BindingChoice {
  if (ctx.electronVersion === undefined || ctx.isPackaged) return { kind: 'default' }
  const file = electronBindingFile(
    electronBindingDir(ctx.projectRoot, ctx.electronVersion, ctx.platform, ctx.arch),
  )
  return ctx.exists(file) ? { kind: 'file', path: file } : { kind: 'missing', expected: file }
}
