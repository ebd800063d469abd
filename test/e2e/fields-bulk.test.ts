import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKSPACE_FILE_NAME } from '../../app/workspace'
import { openDatabase } from '../../db/connection'
import { writePlan } from '../../db/plan-store'
import { buildDemoPlan } from '../../engine/demo-plan'
import { scalePlan } from '../../engine/scale-plan'
import { testContext } from '../helpers/db'
import {
  chooseOption,
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

describe('fields: bulk edit, groups, history, and 10,000 rows', () => {
  let browser: Browser
  let page: Page
  let errors: string[]
  const servers: RunningServer[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1440, height: 1000 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    for (const s of servers) await s.stop()
    removeTempDataDirs()
  })

  it('changes the density of two selected fields at once and files them in a new group', async () => {
    const server = await startServer(tempDataDir())
    servers.push(server)
    await page.goto(`${server.url}#/fields`)
    await page.getByText('东岗一号地').waitFor()
    for (const name of ['东岗一号地', '东岗二号地']) {
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check()
    }
    await page.getByRole('button', { name: '批量修改（2）' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('checkbox', { name: '修改 密度（株/亩）' }).check()
    await dialog.getByRole('spinbutton', { name: '密度（株/亩）' }).fill('4500')
    await dialog.getByRole('checkbox', { name: '修改 分组' }).check()
    await chooseOption(page, dialog.getByRole('combobox', { name: '分组' }), '新建分组')
    await dialog.getByRole('textbox', { name: '新分组名称' }).fill('密植示范片')
    await dialog.getByRole('button', { name: /应\s*用/ }).click()
    await page.getByText('已修改 2 块地').waitFor()
    await settle(page)
    for (const name of ['东岗一号地', '东岗二号地']) {
      const cells = await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('cell')
        .allTextContents()
      expect(cells).toContain('4,500')
      expect(cells).toContain('密植示范片')
    }
    await expect(
      page
        .getByRole('img', { name: /^历年单产：2019: / })
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await screenshot(page, 'fields-bulk-zh-CN')
  })

  it('narrows the list with the count of what it shows, and deletes the selected fields after one confirmation that names how many', async () => {
    const server = await startServer(tempDataDir())
    servers.push(server)
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(`${server.url}#/fields`)
    const summary = page.getByTestId('fields-summary')
    await summary.filter({ hasText: /^共 24 块，合计 [\d,]+ 亩$/ }).waitFor()
    await page.getByRole('searchbox', { name: '搜索地块、村或乡镇' }).fill('东岗')
    await summary.filter({ hasText: /^共 3 块（筛选自 24 块），合计 565 亩$/ }).waitFor()
    for (const name of ['东岗一号地', '东岗二号地', '东岗三号地']) {
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check()
    }
    await screenshot(page, 'fields-filtered-zh-CN')
    await page.setViewportSize({ width: 1366, height: 768 })
    await settle(page)
    await screenshot(page, 'fields-filtered-1366-zh-CN')

    // Cancelling deletes nothing.
    await page.getByRole('button', { name: '删除所选（3）' }).click()
    // One confirmation, named by the count.
    const dialog = page.getByRole('dialog', { name: '删除所选的 3 块地？' })
    await dialog.waitFor()
    await expect(dialog.textContent()).resolves.toContain('这 3 块地连同历年产量')
    await dialog.getByRole('button', { name: /取\s*消/ }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect(summary.textContent()).resolves.toMatch(/^共 3 块（筛选自 24 块）/)

    await page.getByRole('button', { name: '删除所选（3）' }).click()
    await dialog.getByRole('button', { name: '删除 3 块地' }).click()
    await page.getByText('已删除 3 块地').waitFor()
    await summary.filter({ hasText: /^共 0 块（筛选自 21 块），合计 0 亩$/ }).waitFor()
    await page.getByRole('button', { name: '清除筛选' }).click()
    await summary.filter({ hasText: /^共 21 块，合计 [\d,]+ 亩$/ }).waitFor()
    await expect(page.getByRole('button', { name: '删除所选（0）' }).isDisabled()).resolves.toBe(true)
    await page.setViewportSize({ width: 1440, height: 1000 })
    expect(errors).toEqual([])
  })

  it('scrolls through 10,000 fields in a virtual table', async () => {
    const dir = tempDataDir()
    const { db } = openDatabase(join(dir, WORKSPACE_FILE_NAME))
    const big = scalePlan(buildDemoPlan(), 10_000)
    writePlan(db, testContext, big, 'load')
    db.close()
    const server = await startServer(dir)
    servers.push(server)
    await page.goto(`${server.url}#/fields`)
    await page.getByText('共 10,000 块', { exact: false }).waitFor()
    await settle(page)
    expect(await page.locator('.ant-table-tbody .ant-table-row').count()).toBeLessThan(200)
    const body = page.locator('.ant-table-tbody-virtual-holder')
    await body.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    await page.getByText(big.fields.at(-1)!.name, { exact: true }).waitFor()
    expect(errors).toEqual([])
  })
})
