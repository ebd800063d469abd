import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../../renderer/src/features/shell/routes'
import {
  demoTextOnScreens,
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

// A co-op manager's first start on an empty data folder: the welcome page, "start my co-op", and
// a workspace of its own in which no demo text appears on any screen.
describe('first start: the co-op’s own workspace', () => {
  let dataDir: string
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startServer(dataDir, { start: 'welcome' })
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1366, height: 768 } })
    errors = watchConsole(page)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDir(dataDir)
  })

  it('offers "start my co-op" or the demo, in Chinese', async () => {
    await page.goto(server.url)
    await page.getByRole('heading', { name: '欢迎使用丰收规划' }).waitFor()
    await screenshot(page, 'welcome-zh-CN-1366')
    await page.setViewportSize({ width: 1440, height: 900 })
    await screenshot(page, 'welcome-zh-CN')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('refuses an empty name, then starts the co-op and lands on its empty field list', async () => {
    await page.getByTestId('start-coop').click()
    await page.getByText('请填写此项').first().waitFor()
    await page.getByLabel('合作社名称').fill('兴隆玉米种植专业合作社')
    await page.getByLabel('所在县（市、区）').fill('农安县')
    await page.getByTestId('start-coop').click()
    await page.getByText('还没有地块').waitFor()
    expect(await page.getByTestId('workspace-switcher').textContent()).toBe('兴隆玉米种植专业合作社')
    await screenshot(page, 'coop-fields-empty-zh-CN-1366')
  })

  it('shows no demo text on any screen of the co-op’s own workspace', async () => {
    expect(await demoTextOnScreens(page, server.url, ROUTES)).toEqual([])
    expect(errors).toEqual([])
  })

  it('keeps the co-op’s details in Settings, and the demo can be made beside it and left again', async () => {
    await page.goto(`${server.url}#/settings`)
    await page.getByText('合作社信息').waitFor()
    expect(await page.getByLabel('所在县（市、区）').inputValue()).toBe('农安县')
    await screenshot(page, 'settings-workspaces-zh-CN-1366')
    await page.getByRole('button', { name: '重新生成示例' }).click()
    await page.getByText('增产最多的方案').waitFor()
    await page.getByText('示例数据', { exact: true }).first().waitFor()
    await page.getByTestId('workspace-switcher').click()
    await page.getByRole('menuitem', { name: '兴隆玉米种植专业合作社' }).click()
    await expect
      .poll(() => page.getByTestId('workspace-switcher').textContent())
      .toBe('兴隆玉米种植专业合作社')
    await settle(page)
    expect(await page.getByText('示例数据').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
