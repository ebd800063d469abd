import { describe, expect, it } from 'vitest'
import { gb18030, VARIETY_CSV_HEADER, VARIETY_CSV_ROWS } from '../helpers/csv'
import { browserSession, screenshot, settle } from './harness'

describe('varieties', () => {
  const s = browserSession({ height: 900 })

  it('imports a GB18030 variety list after a dry run, and shows each source', async () => {
    await s.page.goto(`${s.server.url}#/varieties`)
    await s.page.getByText('东生118').first().waitFor()
    await s.page.getByRole('button', { name: '导入 CSV' }).click()
    await s.page.getByTestId('variety-csv-file').setInputFiles({
      name: '品种.csv',
      mimeType: 'text/csv',
      buffer: gb18030([VARIETY_CSV_HEADER, ...VARIETY_CSV_ROWS].join('\n')),
    })
    await s.page.getByText('共 2 个品种可以导入：吉单试1号、吉育试2号').waitFor()
    await s.page.getByRole('button', { name: /导入 2 个品种/ }).click()
    await s.page.getByText('已导入 2 个品种').waitFor()
    await s.page.getByText('来源：2024 年本社对比试验').waitFor()
    await expect(s.page.getByRole('row', { name: /吉单试1号/ }).textContent()).resolves.toContain('104.5 %')
    await screenshot(s.page, 'varieties-zh-CN')
  })

  it('reads at 1366 × 768: rows a line or three high, the source in full on pointing, search by name', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await s.page.goto(`${s.server.url}#/varieties`)
    await s.page.getByText('东生118').first().waitFor()
    await settle(s.page)
    const heights = await s.page
      .locator('.ant-table-tbody .ant-table-row')
      .evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height))
    expect(heights.length).toBeGreaterThan(5)
    // Three density lines at most (one per water regime), never a column squeezed to a letter.
    expect(Math.max(...heights)).toBeLessThan(120)
    const table = await s.page.locator('.ant-table').first().boundingBox()
    expect(table!.x + table!.width).toBeLessThanOrEqual(1366)
    await screenshot(s.page, 'varieties-1366-zh-CN')

    const source = s.page.getByTestId('variety-source').first()
    await source.hover()
    await s.page
      .getByRole('tooltip')
      .filter({ hasText: /^来源：/ })
      .waitFor()
    await s.page.mouse.move(0, 0)

    await s.page.getByRole('searchbox', { name: '按品种名称查找' }).fill('东生')
    await s.page
      .getByTestId('varieties-count')
      .filter({ hasText: /^显示 1 个（共 \d+ 个品种）$/ })
      .waitFor()
    await expect(s.page.locator('.ant-table-tbody .ant-table-row').count()).resolves.toBe(1)
    await s.page.getByRole('searchbox', { name: '按品种名称查找' }).fill('没有这个品种')
    await s.page.getByText('没有符合条件的品种。').waitFor()
    await s.page.getByRole('searchbox', { name: '按品种名称查找' }).fill('')
    await s.page.setViewportSize({ width: 1440, height: 900 })
  })

  it('refuses a density range out of order, in Chinese', async () => {
    await s.page.getByRole('button', { name: '编辑 吉单试1号' }).click()
    const dialog = s.page.getByRole('dialog')
    await dialog.getByRole('spinbutton', { name: '最低' }).first().fill('5000')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('最小 ≤ 最优 ≤ 最大', { exact: false }).waitFor()
    expect(s.errors).toEqual([])
  })
})
