import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'

export const ROOT = join(import.meta.dirname, '../..')
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = join(ROOT, 'docs/screenshots')

export type RunningServer = {
  url: string
  origin: string
  token: string
  process: ChildProcess
  stop: () => Promise<void>
}

const madeDirs = new Set<string>()

/** A fresh data folder under the system's temp folder; removeTempDataDirs() deletes it. */
export function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fengshou-e2e-'))
  madeDirs.add(dir)
  return dir
}

/** Deletes one data folder made by tempDataDir (after its server has stopped). */
export function removeTempDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  madeDirs.delete(dir)
}

/** Deletes every data folder this test file made; call it in afterAll once the servers are stopped. */
export function removeTempDataDirs(): void {
  for (const dir of [...madeDirs]) removeTempDataDir(dir)
}

/** Starts browser mode exactly as `npm run serve` does and reads the address from its first line. */
export async function startServer(
  dataDir: string,
  /**
   * 'demo' (the default): with no workspace open yet, browser mode makes and opens the demo, as
   * most journeys start from it. 'welcome': the first start a new user sees.
   */
  options: { start?: 'demo' | 'welcome' } = {},
): Promise<RunningServer> {
  // FENGSHOU_SERVE_ENTRY points at another build of browser mode (an engineer's own, while out/ is busy).
  const server = process.env.FENGSHOU_SERVE_ENTRY ?? join(ROOT, 'out/main/serve.js')
  if (!existsSync(server)) throw new Error('out/main/serve.js is missing: run `npm run build` first')
  const start = options.start === 'welcome' ? [] : ['--demo']
  const child = spawn(process.execPath, [server, '--port', '0', '--data-dir', dataDir, ...start], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DB_PATH: '' },
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => {
    stderr += String(chunk)
  })
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000)
    lines.once('line', (line) => {
      clearTimeout(timer)
      resolve(line)
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)))
  })
  const match = /^Fengshou Planner: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))$/.exec(firstLine)
  if (!match) throw new Error(`unexpected first line: ${firstLine}`)
  return {
    url: match[1]!,
    origin: `http://127.0.0.1:${match[2]}`,
    token: match[3]!,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** Debian's Chromium, headless, with the flags that keep it off the network. A missing browser fails. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with apt-get install -y chromium fonts-wqy-microhei`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * A page that asks for reduced motion, as a user can in the system settings: the app then turns
 * antd's transitions off, so nothing is clicked or photographed mid-animation.
 */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  return browser.newPage({ reducedMotion: 'reduce', ...options })
}

/** Collects console errors and page errors; the e2e run allows none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return errors
}

/**
 * Waits until the screen is at rest: no spinner, skeleton or loading screen, no transition or
 * finite animation still running (with reduced motion they end at once), and two frames painted
 * since, so React has committed what it was rendering.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const busy = document.querySelector(
      '.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active, [data-testid="screen-loading"], [data-testid="boot-loading"]',
    )
    if (busy) return false
    return document
      .getAnimations()
      .every(
        (a) =>
          a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Number.POSITIVE_INFINITY,
      )
  })
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  )
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await settle(page)
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
}

export type BrowserSession = {
  server: RunningServer
  browser: Browser
  page: Page
  errors: string[]
  /** the session's data folder */
  dataDir: string
}

/**
 * Browser mode on a fresh data folder and one Chromium page (reduced motion) for a describe block;
 * after it the browser closes, the server stops and the data folder is deleted.
 * `errors` collects console errors; tests end by expecting it to be empty.
 */
export function browserSession(
  options: { width?: number; height?: number; acceptDownloads?: boolean } = {},
): BrowserSession {
  const session = {} as BrowserSession
  let dataDir: string | undefined
  beforeAll(async () => {
    dataDir = tempDataDir()
    session.dataDir = dataDir
    session.server = await startServer(dataDir)
    session.browser = await launchBrowser()
    session.page = await newPage(session.browser, {
      viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
      acceptDownloads: options.acceptDownloads ?? false,
    })
    session.errors = watchConsole(session.page)
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.server?.stop()
    if (dataDir) removeTempDataDir(dataDir)
  })
  return session
}

/**
 * Picks an option of an antd Select by waiting for states, never for time: the drop-down this
 * select controls is open and at rest, the option is clicked, and the select then shows it.
 */
export async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  const select = combobox.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  )
  await combobox.click()
  // Open: the combobox says so and names its list (rc-select sets aria-controls only while open).
  await combobox.and(page.locator('[aria-expanded="true"][aria-controls]')).waitFor()
  const list = await combobox.getAttribute('aria-controls')
  const dropdown = page
    .locator(`[id="${list}"]`)
    .locator(
      'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select-dropdown ")][1]',
    )
  await dropdown.waitFor({ state: 'visible' })
  // At rest: no motion class left on it and none of its animations still running.
  await dropdown
    .and(page.locator(':not([class*="-motion-"]):not([class*="-enter"]):not([class*="-appear"])'))
    .waitFor()
  await dropdown.evaluate((el) =>
    Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined),
  )
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click()
  await select.filter({ hasText: option }).waitFor()
}

/** The file of the workspace open in a data folder, as its workspace list (workspaces.json) says. */
export function currentWorkspaceFile(dataDir: string): string {
  const registry = JSON.parse(readFileSync(join(dataDir, 'workspaces.json'), 'utf8')) as {
    current: string | null
    entries: { id: string; file: string }[]
  }
  const entry = registry.entries.find((e) => e.id === registry.current)
  if (!entry) throw new Error(`no workspace is open in ${dataDir}`)
  return join(dataDir, entry.file)
}

/**
 * Turns an antd switch on, whatever it started as: the scenario editor starts from what the
 * scenario already holds, so a density switch may already be on.
 */
export async function switchOn(page: Page, name: string): Promise<void> {
  const control = page.getByRole('switch', { name })
  if ((await control.getAttribute('aria-checked')) !== 'true') await control.click()
  await page.waitForFunction(
    (label) =>
      document.querySelector(`[role="switch"][aria-label="${label}"]`)?.getAttribute('aria-checked') ===
      'true',
    name,
  )
}

/** Words only the demo workspace holds: none may appear in a co-op's own workspace. */
export const DEMO_WORDS = [
  '示例数据',
  '丰收示范合作社',
  '示例县',
  '东岗一号地',
  '兴隆村',
  '密植+水肥一体化',
  '大豆换东生118',
  '24 块',
]

/** Every demo word that any screen (route) of the open workspace shows, as "route: word". */
export async function demoTextOnScreens(
  page: Page,
  url: string,
  routes: readonly string[],
): Promise<string[]> {
  const found: string[] = []
  for (const route of routes) {
    await page.goto(`${url}#/${route}`)
    await settle(page)
    const text = (await page.locator('body').textContent()) ?? ''
    for (const word of DEMO_WORDS) if (text.includes(word)) found.push(`${route}: ${word}`)
  }
  return found
}

/**
 * A call of the contract over browser mode's HTTP API, as the page itself makes it; a refusal
 * throws with the error, so a test's set-up never goes on from a call that did not happen.
 */
export async function callApi<T = unknown>(
  server: RunningServer,
  channel: string,
  input: unknown = {},
): Promise<T> {
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-fengshou-token': server.token },
    body: JSON.stringify(input),
  })
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown }
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.value
}
