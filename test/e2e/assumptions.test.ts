import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDirs,
  screenshot,
  settle,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

const HSF = '高标准农田增产幅度（满效）'

// An agronomist changes the HSF uplift band, sees which results moved and the diff, then resets it.
describe('assumptions: edit, diff, reset', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  async function hsfUplift(): Promise<string> {
    await page.goto(`${server.url}#/scenarios`)
    const cell = page.locator('tr[data-scenario="建设高标准农田"]').getByTestId('uplift')
    await cell.waitFor()
    return (await cell.textContent()) ?? ''
  }

  beforeAll(async () => {
    server = await startServer(tempDataDir())
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1440, height: 900 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDirs()
  })

  it('a narrower HSF band lowers the HSF scenario’s uplift, shows in the diff, and reset restores it', async () => {
    const before = await hsfUplift()
    expect(before).toMatch(/^\+\d+\.\d %$/)

    await page.goto(`${server.url}#/assumptions`)
    await page.getByTestId('value-hsf.uplift').waitFor()
    await expect(page.getByTestId('value-hsf.uplift').textContent()).resolves.toBe('15 %')
    await screenshot(page, 'assumptions-zh-CN')
    await page.getByRole('button', { name: `修改 ${HSF}` }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('spinbutton', { name: '取值（%）' }).fill('12')
    await dialog.getByRole('spinbutton', { name: '下限（%）' }).fill('8')
    await dialog.getByRole('spinbutton', { name: '上限（%）' }).fill('14')
    await dialog.getByLabel('修改理由（例如试验或本社记录）').fill('县农技站 2025 年对比试验')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await page.getByText('与默认值的差异（1）').click()
    await page.getByText('默认 15 %').waitFor()
    await page.getByText('现在 12 %').waitFor()
    await screenshot(page, 'assumptions-diff-zh-CN')

    const changed = await hsfUplift()
    expect(Number.parseFloat(changed)).toBeLessThan(Number.parseFloat(before))

    await page.goto(`${server.url}#/assumptions`)
    await page.getByRole('button', { name: `恢复默认 ${HSF}` }).click()
    await page.getByRole('button', { name: /^恢复默认$/ }).click()
    await page.getByText('与默认值的差异（0）').waitFor()
    await settle(page)
    await expect(page.getByTestId('value-hsf.uplift').textContent()).resolves.toBe('15 %')
    expect(await hsfUplift()).toBe(before)
    expect(errors).toEqual([])
  })
})
