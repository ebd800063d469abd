import { describe, expect, it } from 'vitest'
import { browserSession, screenshot, settle } from './harness'

/** The numbers of one column of a virtual table's drawn rows, by the column's header text. */
async function columnNumbers(
  s: ReturnType<typeof browserSession>,
  testId: string,
  header: RegExp,
): Promise<number[]> {
  const table = s.page.getByTestId(testId)
  const col = await table
    .locator('thead th')
    .evaluateAll(
      (ths, source) => ths.findIndex((th) => new RegExp(source).test(th.textContent ?? '')),
      header.source,
    )
  return table
    .locator('.ant-table-tbody-virtual-holder .ant-table-row')
    .evaluateAll(
      (rows, i) => rows.map((r) => Number((r.children[i]?.textContent ?? '').replace(/[^\d.-]/g, ''))),
      col,
    )
}

// A co-op manager reopens a scenario and sees what it changes field by field, and sorts and
// narrows its per-field results to find where it helps and where it warns.
describe('what a scenario contains, and its results field by field', () => {
  const s = browserSession({ width: 1440, height: 900 })

  it('lists the changes of a reopened scenario in the plan’s units, and sorts and filters the per-field results', async () => {
    await s.page.goto(`${s.server.url}#/scenarios`)
    await s.page.getByText('逐块结果：密植+水肥一体化').waitFor()
    await s.page.getByTestId('field-results').waitFor()
    await settle(s.page)

    // Per-field results: highest uplift first, then only the fields with a warning.
    const results = s.page.getByTestId('field-results')
    await results.getByRole('columnheader', { name: /^增产/ }).click()
    await results.getByRole('columnheader', { name: /^增产/ }).click()
    await results.locator('th[aria-sort="descending"]', { hasText: '增产' }).waitFor()
    await settle(s.page)
    const uplifts = await columnNumbers(s, 'field-results', /^增产/)
    expect(uplifts.length).toBeGreaterThan(5)
    expect(uplifts).toEqual([...uplifts].sort((a, b) => b - a))
    expect(uplifts[0]).toBeGreaterThan(10)

    await s.page.getByRole('checkbox', { name: '只看本方案改动的地块' }).check()
    await s.page
      .getByTestId('field-results-count')
      .filter({ hasText: /^显示 \d+ 块（筛选自 24 块）$/ })
      .waitFor()
    await s.page.getByRole('checkbox', { name: '只看本方案改动的地块' }).uncheck()
    await s.page.getByTestId('field-results-count').filter({ hasText: '共 24 块' }).waitFor()

    // Leave and come back: the scenario's contents are still there to read.
    await s.page.goto(`${s.server.url}#/overview`)
    await s.page.getByTestId('area').waitFor()
    await s.page.goto(`${s.server.url}#/scenarios`)
    await s.page.getByRole('option', { name: /密植\+水肥一体化/ }).click()
    await s.page.getByRole('tab', { name: /^方案内容（改动 \d+ 块）$/ }).click()
    const changes = s.page.getByTestId('scenario-changes')
    await changes.waitFor()
    await s.page
      .getByTestId('scenario-changes-summary')
      .filter({ hasText: /^本方案改动 \d+ 块地（共 24 块），合计 [\d,]+ 亩；其余地块保持当前做法。$/ })
      .waitFor()
    const first = changes.locator('.ant-table-tbody-virtual-holder .ant-table-row').first()
    const cells = await first.locator('.ant-table-cell').allTextContents()
    // 70,000 plants/ha is 4,667 plants per mu; drip fertigation; no high-standard farmland built.
    expect(cells).toEqual(expect.arrayContaining(['富民985', '4,667', '滴灌水肥一体化', '不变']))
    await settle(s.page)
    await screenshot(s.page, 'scenarios-changes-zh-CN')

    await s.page.setViewportSize({ width: 1366, height: 768 })
    await changes.scrollIntoViewIfNeeded()
    await settle(s.page)
    await screenshot(s.page, 'scenarios-changes-1366-zh-CN')
    await s.page.getByRole('tab', { name: /^逐块结果/ }).click()
    await results.scrollIntoViewIfNeeded()
    await settle(s.page)
    await screenshot(s.page, 'scenarios-results-1366-zh-CN')
    await s.page.evaluate(() => window.scrollTo(0, 0))
    await settle(s.page)
    await screenshot(s.page, 'scenarios-top-1366-zh-CN')
    await s.page.getByRole('tab', { name: /^方案内容/ }).click()

    // Only the fields where it builds high-standard farmland: none in this scenario.
    await s.page.getByRole('combobox', { name: '只看改动了…' }).click()
    await s.page.locator('.ant-select-item-option', { hasText: '高标准农田' }).click()
    await s.page.keyboard.press('Escape')
    await changes.getByText(/没有符合条件的改动/).waitFor()
    expect(s.errors).toEqual([])
  })
})
