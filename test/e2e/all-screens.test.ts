import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../../renderer/src/features/shell/routes'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  settle,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

// Every screen, in Chinese and then in English with hectares: no console error, no raw catalogue
// key or unfilled placeholder on screen, and a screenshot of each for the README and for review.
describe('every screen', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startServer(tempDataDir())
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function visitAll(lang: string) {
    for (const route of ROUTES) {
      await page.goto(`${server.url}#/${route}`)
      await page.locator('main, .ant-layout-content').first().waitFor()
      await settle(page)
      const text = (await page.locator('.ant-layout-content').textContent()) ?? ''
      expect(text, route).not.toMatch(
        /\{\{|\}\}|\b(nav|fields|errors|coming|scenarios|density|compare)\.[a-z]+\b/,
      )
      await screenshot(page, `screen-${route}-${lang}`)
    }
  }

  let productionZh = ''

  it('shows each screen in Chinese', async () => {
    await visitAll('zh-CN')
    await page.goto(`${server.url}#/overview`)
    productionZh =
      (await page.getByTestId('baseline-production').locator('.ant-statistic-content').textContent()) ?? ''
    expect(productionZh).toMatch(/^[\d,]+\s*斤$/)
    expect(errors).toEqual([])
  })

  it('shows each screen in English and hectares', async () => {
    await page.goto(`${server.url}#/settings`)
    await page.getByText('English', { exact: true }).first().click()
    await page.getByRole('menuitem', { name: 'Settings' }).waitFor()
    await page.locator('.ant-segmented-item', { hasText: /^ha$/ }).first().click()
    await settle(page)
    await visitAll('en')
    // Hectares change areas, densities and yields per area; the production total is the same
    // mass in the same mass unit, so it must read exactly the same.
    await page.goto(`${server.url}#/overview`)
    await page.getByTestId('baseline-production').getByText('Baseline production').waitFor()
    const productionEn =
      (await page.getByTestId('baseline-production').locator('.ant-statistic-content').textContent()) ?? ''
    expect(productionEn.replace(/\D/g, '')).toBe(productionZh.replace(/\D/g, ''))
    expect(productionEn).toMatch(/jin$/)
    // 3,290 mu = 219.33 ha (÷ 15)
    await expect(page.getByTestId('area').locator('.ant-statistic-content').textContent()).resolves.toMatch(
      /^219\.33\s*ha$/,
    )
    expect(errors).toEqual([])
  })
})
