import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, it } from 'vitest'
import { median, report } from '../../app/bench/measure'
import { WORKSPACE_FILE_NAME } from '../../app/workspace'
import { openDatabase } from '../../db/connection'
import { writePlan } from '../../db/plan-store'
import { buildDemoPlan } from '../../engine/demo-plan'
import { scalePlan } from '../../engine/scale-plan'
import {
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDirs,
  settle,
  startServer,
  switchOn,
  tempDataDir,
} from '../e2e/harness'
import { testContext } from '../helpers/db'

// npm run bench: in Chromium against browser mode, with a 2,000-field plan, the time from a density
// edit to the frame after the KPIs show the new numbers (performance marks in the renderer). This is a
// measurement, not a test: `npm run bench -- --check` holds the figure to its bar.
let server: RunningServer
let browser: Browser
let page: Page

beforeAll(async () => {
  const dir = tempDataDir()
  const { db } = openDatabase(join(dir, WORKSPACE_FILE_NAME))
  writePlan(db, testContext, scalePlan(buildDemoPlan(), 2000), 'bench')
  db.close()
  server = await startServer(dir)
  browser = await launchBrowser()
  page = await newPage(browser, { viewport: { width: 1440, height: 1000 } })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  removeTempDataDirs()
})

it('measures density edit → KPIs with 2,000 fields', async () => {
  await page.goto(`${server.url}#/scenarios`)
  await page.getByText('逐块结果：密植+水肥一体化').waitFor()
  await switchOn(page, '设置密度')
  await settle(page)
  const input = page.getByRole('spinbutton', { name: '密度（株/亩）' })
  const samples: number[] = []
  for (let i = 0; i < 25; i++) {
    const before = await page.evaluate(() => performance.getEntriesByName('fengshou:density-to-kpi').length)
    await input.fill(String(4000 + (i % 5) * 150))
    await page.waitForFunction(
      (n) => performance.getEntriesByName('fengshou:density-to-kpi').length > n,
      before,
    )
    samples.push(
      await page.evaluate(() => performance.getEntriesByName('fengshou:density-to-kpi').at(-1)!.duration),
    )
  }
  // The bar is checked by `npm run bench -- --check`, with every other figure.
  // vitest's dot reporter may have left a dot on the current line; the figure needs a line of its own.
  process.stdout.write('\n')
  report('ui_density_to_kpi_2000_fields', median(samples), 'ms', { max: 100 })
})
