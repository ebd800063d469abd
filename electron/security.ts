import type { WebPreferences } from 'electron'

/** The desktop app's pages load only from this origin (a custom, privileged protocol). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'fengshou'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/**
 * The only source of a window's webPreferences (a test scans that every BrowserWindow uses it).
 * Electron's security checklist: isolated, sandboxed, no Node, web security on, no webviews.
 */
export function buildWebPreferences(
  preloadPath: string,
  /** a hidden window that prints must keep drawing (the board pack); nothing else may be changed */
  extra: Pick<WebPreferences, 'backgroundThrottling'> = {},
): WebPreferences {
  return {
    ...extra,
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** In development the renderer comes from electron-vite's dev server on loopback. */
export function devServerOrigin(env: Record<string, string | undefined>): string | null {
  const url = parse(env.ELECTRON_RENDERER_URL ?? '')
  if (url?.protocol !== 'http:' || !['127.0.0.1', 'localhost'].includes(url.hostname)) return null
  return url.origin
}

/** Navigation stays on our own pages: app://fengshou/… (no traversal), or the dev server. */
export function isAllowedNavigation(url: string, devOrigin: string | null = null): boolean {
  const parsed = parse(url)
  if (!parsed) return false
  if (devOrigin !== null && parsed.origin === devOrigin) return true
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return false
  if (parsed.username || parsed.password || parsed.port) return false
  const raw = url.slice(APP_ORIGIN.length)
  return !/(^|\/)(\.|%2e){2}(\/|$)/i.test(raw) && !raw.includes('\\') && !/%5c|%00/i.test(raw)
}

/** Pages never open new windows. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' }
}

/**
 * Hosts a user may open in their own browser from a source citation. https only, exact host,
 * no credentials; anything else is ignored.
 */
export const EXTERNAL_HOSTS = [
  'www.moa.gov.cn',
  'www.gov.cn',
  'doi.org',
  'www.nature.com',
  'www.mdpi.com',
  'pmc.ncbi.nlm.nih.gov',
  'en.people.cn',
  'chinaseed114.com',
] as const

export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url)
  if (parsed?.protocol !== 'https:') return false
  if (parsed.username || parsed.password || parsed.port) return false
  return (EXTERNAL_HOSTS as readonly string[]).includes(parsed.hostname)
}

/** Opens an allow-listed https address in the system browser; returns whether it did. */
export async function safeOpenExternal(url: string, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  await open(url)
  return true
}

/** An IPC message is trusted only from a live frame showing one of our own pages. */
export function isTrustedSender(
  frame: { url: string } | null | undefined,
  devOrigin: string | null = null,
): boolean {
  if (!frame || typeof frame.url !== 'string') return false
  return isAllowedNavigation(frame.url, devOrigin)
}

/** Every permission request (camera, geolocation, notifications…) is refused. */
export function denyPermission(_permission: string): false {
  return false
}
