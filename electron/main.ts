import { existsSync } from 'node:fs'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../app/serve/csp'
import { resolveStaticPath } from '../app/serve/static-files'
import type { Workspace } from '../engine/schemas/workspace'
import { type Backend, startBackend } from './backend'
import { registerBoardPack } from './board-pack'
import { registerFolderDialog } from './dialogs'
import { registerIpcRelay, registerShellCall, registerShellCallWithInput } from './ipc'
import { buildMenuTemplate, mainText } from './menu'
import { chooseNativeBinding } from './native-binding'
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_SCHEME,
  buildWebPreferences,
  denyPermission,
  denyWindowOpen,
  devServerOrigin,
  isAllowedNavigation,
  isTrustedSender,
  safeOpenExternal,
} from './security'
import { confirmDiscard } from './unload'

const devOrigin = app.isPackaged ? null : devServerOrigin(process.env)
const rendererDir = join(import.meta.dirname, '../renderer')
const preloadPath = join(import.meta.dirname, '../preload/preload.cjs')

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
])

/** app://fengshou/… serves only the bundled renderer files, with our CSP. */
function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === APP_HOST ? resolveStaticPath(rendererDir, url.pathname) : null
    if (!file || !existsSync(file)) return new Response('Not Found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}

function hardenContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, devOrigin)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, devOrigin)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      void safeOpenExternal(url, (u) => shell.openExternal(u))
      return denyWindowOpen()
    })
  })
}

function createWindow(locale: 'zh-CN' | 'en'): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: mainText(locale, 'app.title'),
    webPreferences: buildWebPreferences(preloadPath),
  })
  window.once('ready-to-show', () => window.show())
  // A form with unsaved changes holds the window: ask, and close (or reload) only if the user agrees.
  window.webContents.on('will-prevent-unload', (event) => {
    if (confirmDiscard((options) => dialog.showMessageBoxSync(window, options), locale))
      event.preventDefault()
  })
  void window.loadURL(devOrigin ?? APP_ENTRY_URL)
  return window
}

function bindingPath(): string | undefined {
  const choice = chooseNativeBinding({
    electronVersion: process.versions.electron,
    isPackaged: app.isPackaged,
    projectRoot: app.getAppPath(),
    platform: process.platform,
    arch: process.arch,
    exists: existsSync,
  })
  if (choice.kind === 'file') return choice.path
  if (choice.kind === 'missing') {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${choice.expected}). Run "npm start" again.`,
    )
  }
  return undefined
}

function systemLocale(): 'zh-CN' | 'en' {
  return app.getLocale().startsWith('zh') ? 'zh-CN' : 'en'
}

async function start(): Promise<void> {
  await app.whenReady()
  registerAppProtocol()
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(denyPermission(permission)),
  )
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => denyPermission(permission))
  hardenContents()

  // The back end (handlers, SQLite, imports, backups) runs in a utilityProcess; this process
  // only relays. A workspace that cannot be opened is explained in the user's language.
  let backend: Backend
  try {
    backend = await startBackend({
      entry: join(import.meta.dirname, 'host-process.js'),
      place: process.env.DB_PATH
        ? { kind: 'file', file: process.env.DB_PATH }
        : { kind: 'folder', dir: app.getPath('userData') },
      nativeBinding: bindingPath(),
    })
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    const known = typeof code === 'string' ? code : 'INTERNAL'
    const locale = systemLocale()
    dialog.showErrorBox(mainText(locale, 'app.title'), mainText(locale, `errors.code.${known}`))
    app.exit(1)
    return
  }
  registerIpcRelay(ipcMain, backend.call, (frame) => isTrustedSender(frame, devOrigin))
  // The one thing this process answers itself: the native folder dialog (a backup to a USB stick).
  registerFolderDialog(
    (channel, run) => registerShellCall(ipcMain, channel, (frame) => isTrustedSender(frame, devOrigin), run),
    {
      showOpenDialog: (window, options) => dialog.showOpenDialog(window, options),
      windowOf: (contents) => BrowserWindow.fromWebContents(contents),
      locale: async () => {
        const open = await backend.call('workspace:get', {})
        return open.ok ? (open.value as Workspace).locale : systemLocale()
      },
    },
  )
  // The board pack: the print route in a hidden window, printed by Chromium and saved where the user says.
  registerBoardPack(
    (channel, schema, run) =>
      registerShellCallWithInput(ipcMain, channel, schema, (frame) => isTrustedSender(frame, devOrigin), run),
    {
      windowOf: (contents) => BrowserWindow.fromWebContents(contents),
      openPrintWindow: () => {
        // Hidden, and never throttled as a background page: it must finish drawing to be printed.
        const win = new BrowserWindow({
          show: false,
          width: 1000,
          height: 1400,
          webPreferences: buildWebPreferences(preloadPath, { backgroundThrottling: false }),
        })
        return {
          load: (url) => win.loadURL(url),
          evaluate: (script) => win.webContents.executeJavaScript(script),
          title: () => win.webContents.getTitle(),
          printToPdf: (options) => win.webContents.printToPDF(options),
          close: () => {
            if (!win.isDestroyed()) win.destroy()
          },
        }
      },
      entryUrl: devOrigin ? `${devOrigin}/` : APP_ENTRY_URL,
      showSaveDialog: (window, options) => dialog.showSaveDialog(window, options),
      defaultDir: () => app.getPath('documents'),
      fs: { writeFile, rename, rm: (path) => rm(path, { force: true }) },
    },
  )
  const current = await backend.call('workspace:get', {})
  const locale = current.ok ? (current.value as Workspace).locale : systemLocale()
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(locale, process.platform)))
  createWindow(locale)

  app.on('window-all-closed', () => {
    backend.stop()
    app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(locale)
  })
}

void start()
