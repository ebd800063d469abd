import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fieldsCsv, gb18030 } from '../helpers/csv'
import { browserSession, screenshot, settle } from './harness'

describe('field CSV import and export in the browser', () => {
  const s = browserSession({ height: 1000, acceptDownloads: true })

  const summary = () => s.page.getByTestId('fields-summary').textContent()

  it('refuses a 50-row GB18030 file with one bad row, naming row and column, and writes nothing', async () => {
    await s.page.goto(`${s.server.url}#/fields`)
    await s.page.getByText('东岗一号地').waitFor()
    await s.page.getByRole('button', { name: '导入 CSV' }).click()
    await s.page
      .getByTestId('csv-file')
      .setInputFiles({ name: '地块.csv', mimeType: 'text/csv', buffer: gb18030(fieldsCsv(50, 17)) })
    const problems = s.page.getByTestId('csv-problems')
    await problems.waitFor()
    await expect(problems.textContent()).resolves.toContain('第 17 行「面积（亩）」：“12.5亩”不是数字')
    await s.page.getByText('识别的编码：GB18030').waitFor()
    await expect(s.page.getByRole('button', { name: /导入 50 行/ }).isDisabled()).resolves.toBe(true)
    await screenshot(s.page, 'csv-import-error-zh-CN')
    await s.page.getByRole('button', { name: /取\s*消/ }).click()
    await expect(summary()).resolves.toMatch(/^共 24 块/)
  })

  it('imports all 50 rows once the file is fixed', async () => {
    await s.page.getByRole('button', { name: '导入 CSV' }).click()
    await s.page
      .getByTestId('csv-file')
      .setInputFiles({ name: '地块.csv', mimeType: 'text/csv', buffer: gb18030(fieldsCsv(50)) })
    await s.page.getByText('没有发现问题，可以导入。').waitFor()
    await s.page.getByRole('button', { name: /导入 50 行/ }).click()
    await s.page.getByText('已导入 50 块地').waitFor()
    await settle(s.page)
    await expect(summary()).resolves.toMatch(/^共 74 块/)
  })

  it('exports a CSV with a BOM, Chinese headers and every field', async () => {
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByRole('button', { name: '导出 CSV' }).click(),
    ])
    const text = readFileSync((await download.path())!, 'utf8')
    expect(text.startsWith('\uFEFF地块名称,村,乡镇,面积（亩）')).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(75)
    expect(s.errors).toEqual([])
  })
})
