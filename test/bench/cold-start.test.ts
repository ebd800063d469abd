import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { median, report } from '../../app/bench/measure'
import { OVERVIEW_READY } from '../../renderer/src/features/overview/ready-mark'
import {
  launchBrowser,
  removeTempDataDir,
  removeTempDataDirs,
  startServer,
  tempDataDir,
} from '../e2e/harness'

// npm run bench: browser-mode cold start to the first usable screen. Each sample starts the server
// on a fresh data folder (so it creates the demo workspace, as on a first run), reads the address
// from its first line, opens it in a new browser context (empty cache) and stops the clock when the
// overview has painted the co-op's real numbers (its performance mark). Chromium itself is already
// running, as a user's browser would be. This is a measurement, not a test.
const SAMPLES = 5
let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  removeTempDataDirs()
})

it('measures cold start to the overview in browser mode', async () => {
  const samples: number[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const dir = tempDataDir()
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      reducedMotion: 'reduce',
    })
    const page = await context.newPage()
    const t0 = performance.now()
    const server = await startServer(dir)
    try {
      await page.goto(server.url)
      await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark, 'mark').length > 0,
        OVERVIEW_READY,
        {
          polling: 'raf',
        },
      )
      samples.push(performance.now() - t0)
      const shown = await page
        .getByTestId('baseline-production')
        .locator('.ant-statistic-content')
        .textContent()
      if (!/\d/.test(shown ?? '')) throw new Error(`the overview marked ready without numbers: ${shown}`)
    } finally {
      await context.close()
      await server.stop()
      removeTempDataDir(dir)
    }
  }
  // vitest's dot reporter may have left a dot on the current line; the figure needs a line of its own.
  process.stdout.write('\n')
  report(
    'cold_start_browser_mode_ms',
    median(samples),
    'ms',
    { max: 1500 },
    `median of ${SAMPLES}, fresh data folder`,
  )
})
