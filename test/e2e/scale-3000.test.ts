import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WORKSPACE_FILE_NAME } from '../../app/workspace'
import { openDatabase } from '../../db/connection'
import { writePlan } from '../../db/plan-store'
import { buildDemoPlan } from '../../engine/demo-plan'
import { scalePlan } from '../../engine/scale-plan'
import { testContext } from '../helpers/db'
import {
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDirs,
  screenshot,
  settle,
  startServer,
  switchOn,
  tempDataDir,
  watchConsole,
} from './harness'

// A co-op of 3,000 fields (the demo's 24 repeated): every interaction the UI bench times works at
// that size — opening each screen, searching and sorting the fields, scrolling to the last one,
// dragging the density, reading and scrolling the per-field results and a scenario's contents.
// The bench (test/bench/ui-3000.test.ts) measures how smooth they are; this proves they work.
const FIELDS = 3000
const plan = scalePlan(buildDemoPlan(), FIELDS)

/** Flings a virtual list to its end with the wheel, as a user does, and waits for the last row. */
async function scrollToEnd(page: Page, list: Locator, lastText: string): Promise<void> {
  await list.scrollIntoViewIfNeeded()
  await list.hover()
  await page.mouse.wheel(0, await list.evaluate((el) => el.scrollHeight))
  await list.getByText(lastText, { exact: true }).waitFor()
}

describe('3,000 fields', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    const dir = tempDataDir()
    const { db } = openDatabase(join(dir, WORKSPACE_FILE_NAME))
    writePlan(db, testContext, plan, 'scale')
    db.close()
    server = await startServer(dir)
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1366, height: 768 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDirs()
  })

  it('opens every screen', async () => {
    await page.goto(`${server.url}#/overview`)
    await page.getByTestId('area').waitFor()
    const screens: [string, () => Promise<void>][] = [
      ['地块', () => page.getByText('共 3,000 块', { exact: false }).waitFor()],
      ['品种', () => page.getByText('东生118').first().waitFor()],
      ['假设与来源', () => page.getByRole('heading', { name: '假设与来源', level: 3 }).waitFor()],
      ['方案', () => page.getByText('逐块结果：密植+水肥一体化').waitFor()],
      ['密度分析', () => page.getByRole('heading', { name: '密度分析', level: 3 }).waitFor()],
      ['方案对比', () => page.getByTestId('compare-kpis').waitFor()],
      ['风险', () => page.getByTestId('risk-status').waitFor()],
      ['总览', () => page.getByTestId('area').waitFor()],
    ]
    for (const [menu, shown] of screens) {
      await page.getByRole('menuitem', { name: menu, exact: true }).click()
      await shown()
      await settle(page)
    }
    expect(errors).toEqual([])
  })

  it('finds the worst fields: search with the count of what is shown, sort by baseline, scroll to the last', async () => {
    await page.goto(`${server.url}#/fields`)
    const summary = page.getByTestId('fields-summary')
    await summary.filter({ hasText: '共 3,000 块，合计' }).waitFor()
    await page.getByRole('searchbox', { name: '搜索地块、村或乡镇' }).pressSequentially('东岗二')
    await summary.filter({ hasText: /^共 125 块（筛选自 3,000 块），合计 [\d,.]+ 亩$/ }).waitFor()
    await screenshot(page, 'fields-3000-filtered-1366-zh-CN')
    await page.getByRole('button', { name: '清除筛选' }).click()
    await summary.filter({ hasText: '共 3,000 块，合计' }).waitFor()

    // Lowest baseline first: the first row's baseline is the smallest of all the rows drawn.
    const table = page.getByTestId('fields-table')
    await table.getByRole('columnheader', { name: /基准单产/ }).click()
    await table.locator('th[aria-sort="ascending"]', { hasText: '基准单产' }).waitFor()
    await settle(page)
    const baselineColumn = await table
      .locator('thead th')
      .evaluateAll((ths) => ths.findIndex((th) => th.textContent?.startsWith('基准单产')))
    const baselines = await table
      .locator('.ant-table-tbody-virtual-holder .ant-table-row')
      .evaluateAll(
        (rows, col) => rows.map((r) => Number((r.children[col]?.textContent ?? '').replace(/[^\d.]/g, ''))),
        baselineColumn,
      )
    expect(baselines.length).toBeGreaterThan(5)
    expect(baselines).toEqual([...baselines].sort((a, b) => a - b))

    await table.getByRole('columnheader', { name: /基准单产/ }).click()
    await table.locator('th[aria-sort="descending"]', { hasText: '基准单产' }).waitFor()
    await table.getByRole('columnheader', { name: /基准单产/ }).click()
    await table.locator('th[aria-sort]', { hasText: '基准单产' }).waitFor({ state: 'detached' })
    // The rows are back in the list's own order before the fling (a re-sort would scroll back to the top).
    await table
      .locator('.ant-table-tbody-virtual-holder .ant-table-row')
      .first()
      .filter({ has: page.getByText(plan.fields[0]!.name, { exact: true }) })
      .waitFor()
    await scrollToEnd(page, table.locator('.ant-table-tbody-virtual-holder'), plan.fields.at(-1)!.name)
    expect(errors).toEqual([])
  })

  it('drags the density and shows the per-field results and the scenario contents for every field', async () => {
    await page.goto(`${server.url}#/scenarios`)
    await page.getByText('逐块结果：密植+水肥一体化').waitFor()
    await switchOn(page, '设置密度')
    await settle(page)
    const uplift = page.getByTestId('kpi-upliftChanged').locator('.ant-statistic-content')
    const before = await uplift.textContent()
    const handle = page.getByRole('slider').first()
    const box = (await handle.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, { steps: 22 })
    await page.mouse.up()
    await page.waitForFunction(
      (shown) =>
        document.querySelector('[data-testid="kpi-upliftChanged"] .ant-statistic-content')?.textContent !==
        shown,
      before,
    )
    await settle(page)

    const results = page.getByTestId('field-results')
    await results.getByRole('columnheader', { name: /^增产/ }).waitFor()
    await expect(page.getByTestId('field-results-count').textContent()).resolves.toBe('共 3,000 块')
    await scrollToEnd(page, results.locator('.ant-table-tbody-virtual-holder'), plan.fields.at(-1)!.name)

    await page.getByRole('tab', { name: /^方案内容/ }).click()
    const changed = plan.scenarios.find((s) => s.name === '密植+水肥一体化')!.changes
    const summary = page.getByTestId('scenario-changes-summary')
    await summary.waitFor()
    await expect(summary.textContent()).resolves.toMatch(
      new RegExp(`^本方案改动 ${changed.length.toLocaleString('en')} 块地（共 3,000 块）`),
    )
    const names = new Map(plan.fields.map((f) => [f.id, f.name]))
    await scrollToEnd(
      page,
      page.getByTestId('scenario-changes').locator('.ant-table-tbody-virtual-holder'),
      names.get(changed.at(-1)!.fieldId)!,
    )
    expect(errors).toEqual([])
  })
})
