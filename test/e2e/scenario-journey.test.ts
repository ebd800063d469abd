import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  settle,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

const pct = async (page: Page, key: string) =>
  Number.parseFloat(
    ((await page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content').textContent()) ?? '').replace(
      /[^\d.+-]/g,
      '',
    ),
  )

/** Opens an antd Select by its label and clicks the option with that text. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label }).click()
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click()
}

// A co-op manager builds "dense planting + drip" on the maize fields and watches the results move.
describe('building a scenario', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startServer(tempDataDir())
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('creates a scenario, previews density live, applies it, and shows +10 % or more on the changed fields', async () => {
    await page.goto(`${server.url}#/scenarios`)
    await page.getByRole('button', { name: '新建方案' }).click()
    await page.getByRole('dialog').getByLabel('方案名称').fill('我的密植方案')
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click()
    await page.getByText('逐块结果：我的密植方案').waitFor()
    await expect(page.getByTestId('target-count').textContent()).resolves.toMatch(/^共 \d+ 块地，[\d,.]+ 亩$/)

    await choose(page, '品种', '富民985')
    await choose(page, '水分管理', '滴灌水肥一体化')
    await page.getByRole('switch', { name: '设置密度' }).click()
    const density = page.getByRole('spinbutton', { name: '密度（株/亩）' })
    await density.fill('4000')
    await settle(page)
    const at60k = await pct(page, 'upliftChanged')
    await density.fill('4667')
    await settle(page)
    const at70k = await pct(page, 'upliftChanged')
    expect(at70k).toBeGreaterThan(at60k)

    await page.getByTestId('apply-edit').click()
    await page.getByText(/已应用到 \d+ 块地/).waitFor()
    await settle(page)
    expect(await pct(page, 'upliftChanged')).toBeGreaterThanOrEqual(10)
    const waterfall = (await page.getByTestId('waterfall-title').textContent()) ?? ''
    expect(Number.parseFloat(waterfall.replace(/^[^+\d-]*/, ''))).toBeGreaterThanOrEqual(10)
    expect(await pct(page, 'uplift')).toBeGreaterThan(0)
    await screenshot(page, 'scenario-editor-zh-CN')
    expect(errors).toEqual([])
  })
})
