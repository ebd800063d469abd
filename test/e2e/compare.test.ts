import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

describe('compare scenarios', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startServer(tempDataDir())
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 1100 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('puts scenarios side by side with the same totals as the scenarios screen, and what differs', async () => {
    await page.goto(`${server.url}#/scenarios`)
    const hsfProduction = await page
      .locator('tr[data-scenario="建设高标准农田"]')
      .getByTestId('production')
      .textContent()
    await page.goto(`${server.url}#/compare`)
    const kpis = page.getByTestId('compare-kpis')
    await kpis.getByRole('columnheader', { name: '建设高标准农田' }).waitFor()
    const production = await kpis.getByRole('row', { name: /总产/ }).getByRole('cell').allTextContents()
    expect(production).toContain(hsfProduction)
    expect(production).toHaveLength(4)
    await page.getByText('投入差异').waitFor()
    await expect(
      page
        .getByRole('cell', { name: /滴灌水肥一体化/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await screenshot(page, 'compare-zh-CN')

    await page.getByRole('combobox', { name: '选择 2–4 个方案' }).click()
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '大豆换东生118' })
      .click()
    await page.keyboard.press('Escape')
    await kpis.getByRole('columnheader', { name: '大豆换东生118' }).waitFor()
    expect(await kpis.getByRole('row', { name: /总产/ }).getByRole('cell').count()).toBe(5)
    expect(errors).toEqual([])
  })
})
