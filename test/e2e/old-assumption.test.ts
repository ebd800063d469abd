import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  currentWorkspaceFile,
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDir,
  screenshot,
  settle,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

// A workspace saved by an older version holds an assumption beyond today's hard bounds (a
// 1e300-year horizon hung the planner once). The app must say what is wrong, lead to the fix, and
// evaluate again once it is reset — never go blank.
describe('an assumption beyond its bounds from an older version', () => {
  let dataDir: string
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    dataDir = tempDataDir()
    const first = await startServer(dataDir)
    await first.stop()
    const db = new Database(currentWorkspaceFile(dataDir))
    db.prepare(
      `INSERT INTO assumption (key, value, low, high, unit, source, note, changed_at)
       VALUES ('finance.horizonYears', 1e300, 1e300, 1e300, 'years', 'old', 'old version', '2025-01-01T00:00:00Z')`,
    ).run()
    db.close()
    server = await startServer(dataDir)
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1440, height: 900 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDir(dataDir)
  })

  it('names the assumption on the overview instead of going blank, and leads to where it is reset', async () => {
    await page.goto(`${server.url}#/overview`)
    const problem = page.getByTestId('plan-problem')
    await problem.waitFor()
    expect(await problem.textContent()).toContain('评价年限')
    await screenshot(page, 'plan-problem-zh-CN')
    await problem
      .getByRole('link', { name: '去修改假设' })
      .or(problem.getByRole('button', { name: '去修改假设' }))
      .click()
    await page.getByTestId('out-of-bounds-finance.horizonYears').waitFor()
  })

  it('evaluates the plan again once the assumption is reset', async () => {
    await page.getByRole('button', { name: '恢复默认 评价年限' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: '恢复默认' }).click()
    await page.getByTestId('out-of-bounds-finance.horizonYears').waitFor({ state: 'detached' })
    await page.goto(`${server.url}#/overview`)
    await settle(page)
    expect(await page.getByTestId('plan-problem').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
