import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
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

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'fengshou-e2e-'))
}

/** Starts browser mode exactly as `npm run serve` does and reads the address from its first line. */
export async function startServer(dataDir: string): Promise<RunningServer> {
  const server = join(ROOT, 'out/main/serve.js')
  if (!existsSync(server)) throw new Error('out/main/serve.js is missing: run `npm run build` first')
  const child = spawn(process.execPath, [server, '--port', '0', '--data-dir', dataDir], {
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

/** Collects console errors and page errors; the e2e run allows none. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(String(error)))
  return errors
}

/** Waits for loading spinners and their fade-out, so a screenshot shows the settled screen. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelectorAll('.ant-spin-spinning, .ant-spin-blur').length === 0,
  )
  await page.waitForTimeout(400)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await settle(page)
  mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false })
}

export type BrowserSession = { server: RunningServer; browser: Browser; page: Page; errors: string[] }

/**
 * Browser mode on a fresh data folder and one Chromium page for a describe block, closed after it.
 * `errors` collects console errors; tests end by expecting it to be empty.
 */
export function browserSession(
  options: { width?: number; height?: number; acceptDownloads?: boolean } = {},
): BrowserSession {
  const session = {} as BrowserSession
  beforeAll(async () => {
    session.server = await startServer(tempDataDir())
    session.browser = await launchBrowser()
    session.page = await session.browser.newPage({
      viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
      acceptDownloads: options.acceptDownloads ?? false,
    })
    session.errors = watchConsole(session.page)
  })
  afterAll(async () => {
    await session.browser?.close()
    await session.server?.stop()
  })
  return session
}

/**
 * Picks an option of an antd Select and checks that it took: a click that lands while the
 * dropdown is still opening is retried instead of failing the journey later on.
 */
export async function chooseOption(page: Page, combobox: Locator, option: string): Promise<void> {
  const select = combobox.locator(
    'xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  )
  for (let attempt = 0; attempt < 4; attempt++) {
    await combobox.click()
    const item = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
    try {
      await item.click({ timeout: 5000 })
    } catch {
      continue
    }
    await page.waitForTimeout(100)
    if (((await select.textContent()) ?? '').includes(option)) return
  }
  throw new Error(`could not choose “${option}”`)
}
