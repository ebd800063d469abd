import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDirs,
  screenshot,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

// The foundation journey of a co-op manager, in Debian's Chromium against browser mode on a
// temporary data folder: the real UI, the real handlers, the real SQLite file.
describe('Fields journey in browser mode', () => {
  const dataDir = tempDataDir()
  let server: RunningServer
  let browser: Browser
  let page: Page
  let consoleErrors: string[]

  beforeAll(async () => {
    server = await startServer(dataDir)
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    consoleErrors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDirs()
  })

  it('opens the demo workspace in Chinese, labelled as example data', async () => {
    await page.goto(server.url)
    // A newcomer lands on the overview; the Fields screen is one click away.
    await page.getByText('增产最多的方案').waitFor()
    await screenshot(page, 'overview-zh-CN')
    await page.getByRole('menuitem', { name: '地块' }).click()
    await page.getByText('东岗一号地').waitFor()
    await screenshot(page, 'fields-zh-CN')
    await expect(page.getByText('示例数据', { exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByRole('columnheader', { name: '面积（亩）' }).isVisible()).resolves.toBe(true)
    expect(await page.getByTestId('fields-summary').textContent()).toMatch(/^共 24 块，合计 3,290 亩$/)
  })

  it('refuses a field with an invalid area, saying why in Chinese, and saves nothing', async () => {
    await page.getByRole('button', { name: '新增地块' }).click()
    await page.getByLabel('地块名称').fill('试验田')
    await page.getByLabel('村', { exact: true }).fill('兴隆村')
    await page.getByRole('spinbutton', { name: '面积（亩）' }).fill('-5')
    await page.getByTestId('field-save').click()
    await page.getByText('必须大于 0').waitFor()
    await expect(page.locator('.ant-drawer [role=alert]').first().textContent()).resolves.toContain(
      '1 处需要修改',
    )
    await screenshot(page, 'field-form-error-zh-CN')
  })

  it('saves the field once the area is fixed', async () => {
    await page.getByRole('spinbutton', { name: '面积（亩）' }).fill('120')
    await page.getByRole('spinbutton', { name: '种植密度（株/亩）' }).fill('4500')
    // A new field starts in the co-op's region (central) and can be put in another.
    const region = page.getByRole('combobox', { name: '所在区域' })
    await expect(page.locator('.ant-form-item', { has: region }).textContent()).resolves.toContain('中部')
    await region.click()
    await page.locator('.ant-select-item-option', { hasText: '西部' }).click()
    await page.getByTestId('field-save').click()
    await page.getByRole('cell', { name: '试验田', exact: true }).waitFor()
    const row = page.getByRole('row', { name: /试验田/ })
    await expect(row.textContent()).resolves.toContain('120')
    await expect(row.textContent()).resolves.toContain('4,500')
    await expect(row.getByRole('cell', { name: '西部', exact: true }).count()).resolves.toBe(1)
  })

  it('still has the field after a reload and after restarting the server', async () => {
    await page.reload()
    await page.getByRole('cell', { name: '试验田', exact: true }).waitFor()
    await server.stop()
    server = await startServer(dataDir)
    await page.goto(`${server.url}#/fields`)
    await page.getByRole('cell', { name: '试验田', exact: true }).waitFor()
    expect(await page.getByTestId('fields-summary').textContent()).toMatch(/^共 25 块，合计 3,410 亩$/)
  })

  it('shows the same field with English labels, and in hectares when units are switched', async () => {
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('columnheader', { name: 'Area (mu)' }).waitFor()
    await page.getByText('Ha', { exact: false }).first().waitFor()
    await page.locator('.ant-segmented-item', { hasText: /^ha$/ }).click()
    await page.getByRole('columnheader', { name: 'Area (ha)' }).waitFor()
    const row = page.getByRole('row', { name: /试验田/ })
    // 120 mu = 8 ha exactly; 4,500 plants/mu = 67,500 plants/ha.
    await expect(row.textContent()).resolves.toContain('Maize')
    await expect(row.getByRole('cell', { name: 'West', exact: true }).count()).resolves.toBe(1)
    const cells = await row.getByRole('cell').allTextContents()
    expect(cells).toContain('8')
    expect(cells).toContain('67,500')
    await expect(page.getByRole('columnheader', { name: 'Density (plants/ha)' }).isVisible()).resolves.toBe(
      true,
    )
    await screenshot(page, 'fields-en-ha')
  })

  it('logged no console error on the way', () => {
    expect(consoleErrors).toEqual([])
  })
})
