import { join } from 'node:path'

export const PRODUCT_NAME = 'Fengshou Planner'

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for our
 * productName, so desktop and browser mode share one workspace.
 */
export function defaultDataDir(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
  home: string,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME)
}

export const WORKSPACE_FILE_NAME = 'workspace.fengshou.sqlite'

/** DB_PATH (a file) wins over the data folder; tests point either at a temp folder. */
export function resolveDataFile(dataDir: string, env: Record<string, string | undefined>): string {
  return env.DB_PATH && env.DB_PATH.length > 0 ? env.DB_PATH : join(dataDir, WORKSPACE_FILE_NAME)
}
