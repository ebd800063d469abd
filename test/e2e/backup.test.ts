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

describe('settings: back up and restore now', () => {
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

  it('backs up, and a restore brings back a deleted field', async () => {
    await page.goto(`${server.url}#/settings`)
    await page.getByText('还没有备份。', { exact: false }).waitFor()
    await page.getByRole('button', { name: '立即备份' }).click()
    await page.getByText(/^已备份：workspace-/).waitFor()
    await settle(page)
    await screenshot(page, 'settings-zh-CN')

    await page.goto(`${server.url}#/fields`)
    await page.getByRole('button', { name: '删除 东岗一号地' }).click()
    await page.getByRole('button', { name: /^删\s*除$/ }).click()
    await page.getByText('已删除地块“东岗一号地”').waitFor()

    await page.goto(`${server.url}#/settings`)
    await page
      .getByRole('button', { name: /^恢复 / })
      .first()
      .click()
    await page.getByRole('button', { name: /^恢\s*复$/ }).click()
    await page.getByText('已恢复备份，正在重新载入…').waitFor()
    await page.waitForEvent('load')
    await page.goto(`${server.url}#/fields`)
    await page.getByText('东岗一号地').waitFor()
    await expect(page.getByTestId('fields-summary').textContent()).resolves.toMatch(/^共 24 块/)
    expect(errors).toEqual([])
  })
})
