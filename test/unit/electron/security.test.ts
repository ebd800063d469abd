import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import {
  buildWebPreferences,
  denyPermission,
  denyWindowOpen,
  devServerOrigin,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  safeOpenExternal,
} from '../../../electron/security'

const ROOT = join(import.meta.dirname, '../../..')

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) return sources(path)
    return /\.(ts|tsx)$/.test(name) ? [{ path, text: readFileSync(join(ROOT, path), 'utf8') }] : []
  })
}

describe('window hardening (Electron security checklist)', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    const prefs = buildWebPreferences('/app/preload.cjs')
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.webSecurity).not.toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.preload).toBe('/app/preload.cjs')
  })

  it('every BrowserWindow takes its webPreferences from buildWebPreferences and nowhere else', () => {
    const windows = sources('electron').flatMap(({ path, text }) =>
      [...text.matchAll(/new BrowserWindow\(/g)].map((m) => ({ path, rest: text.slice(m.index) })),
    )
    expect(windows.length).toBeGreaterThan(0)
    for (const { rest } of windows) {
      const options = rest.slice(0, rest.indexOf('})') + 2)
      expect(options).toMatch(/webPreferences: buildWebPreferences\(/)
      expect(options.match(/webPreferences/g)).toHaveLength(1)
    }
    const all = sources('electron')
      .map((s) => s.text)
      .join('\n')
    expect(all).not.toMatch(
      /webSecurity:\s*false|nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false/,
    )
  })

  it('ipcMain.handle is called only in the one wrapper', () => {
    const users = sources('electron')
      .filter((s) => /ipcMain\.handle\(/.test(s.text))
      .map((s) => s.path)
    expect(users).toEqual([join('electron', 'ipc.ts')])
  })

  it('the renderer never imports electron or better-sqlite3', () => {
    for (const { path, text } of sources('renderer')) {
      expect(text, path).not.toMatch(/from ['"](electron|better-sqlite3)['"]/)
    }
  })
})

describe('navigation', () => {
  it.each([
    ['app://fengshou/index.html', true],
    ['app://fengshou/assets/index-abc.js', true],
    ['app://fengshou/../../etc/passwd', false],
    ['app://fengshou/%2e%2e/%2e%2e/etc/passwd', false],
    ['app://fengshou/..%5c..%5cwindows', false],
    ['app://other/index.html', false],
    ['app://user:pw@fengshou/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['https://x.com.evil.com', false],
    ['http://127.0.0.1:5173/', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url)).toBe(allowed)
  })

  it('allows the loopback dev server only when it is the configured one', () => {
    const origin = devServerOrigin({ ELECTRON_RENDERER_URL: 'http://localhost:5173' })
    expect(origin).toBe('http://localhost:5173')
    expect(isAllowedNavigation('http://localhost:5173/#/fields', origin)).toBe(true)
    expect(isAllowedNavigation('http://localhost:5174/', origin)).toBe(false)
    expect(devServerOrigin({ ELECTRON_RENDERER_URL: 'https://evil.example/' })).toBeNull()
  })

  it('denies every window.open and every permission', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' })
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(denyPermission(permission)).toBe(false)
    }
  })
})

describe('opening links outside the app', () => {
  it.each([
    ['https://doi.org/10.3390/agronomy14020400', true],
    ['https://www.nature.com/articles/s41598-022-18908-z', true],
    ['http://doi.org/10.1/x', false],
    ['https://doi.org.evil.com/', false],
    ['https://x.com.evil.com', false],
    ['https://user:pw@doi.org/', false],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['data:text/html,hi', false],
  ])('%s → %s', async (url, allowed) => {
    const open = vi.fn(async () => undefined)
    expect(isSafeExternalUrl(url)).toBe(allowed)
    expect(await safeOpenExternal(url, open)).toBe(allowed)
    expect(open).toHaveBeenCalledTimes(allowed ? 1 : 0)
  })
})

describe('IPC sender check', () => {
  it.each([
    [null, false],
    [undefined, false],
    [{ url: 'https://evil.example/' }, false],
    [{ url: 'file:///tmp/x.html' }, false],
    [{ url: 'app://fengshou/index.html' }, true],
  ])('%o → %s', (frame, trusted) => {
    expect(isTrustedSender(frame)).toBe(trusted)
  })
})
