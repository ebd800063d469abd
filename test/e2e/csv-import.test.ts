import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fieldsCsv, gb18030 } from '../helpers/csv'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  settle,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

describe('field CSV import and export in the browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    server = await startServer(tempDataDir())
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const summary = () => page.getByTestId('fields-summary').textContent()

  it('refuses a 50-row GB18030 file with one bad row, naming row and column, and writes nothing', async () => {
    await page.goto(`${server.url}#/fields`)
    await page.getByText('东岗一号地').waitFor()
    await page.getByRole('button', { name: '导入 CSV' }).click()
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: '地块.csv', mimeType: 'text/csv', buffer: gb18030(fieldsCsv(50, 17)) })
    const problems = page.getByTestId('csv-problems')
    await problems.waitFor()
    await expect(problems.textContent()).resolves.toContain('第 17 行「面积（亩）」：“12.5亩”不是数字')
    await page.getByText('识别的编码：GB18030').waitFor()
    await expect(page.getByRole('button', { name: /导入 50 行/ }).isDisabled()).resolves.toBe(true)
    await screenshot(page, 'csv-import-error-zh-CN')
    await page.getByRole('button', { name: /取\s*消/ }).click()
    await expect(summary()).resolves.toMatch(/^共 24 块/)
  })

  it('imports all 50 rows once the file is fixed', async () => {
    await page.getByRole('button', { name: '导入 CSV' }).click()
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: '地块.csv', mimeType: 'text/csv', buffer: gb18030(fieldsCsv(50)) })
    await page.getByText('没有发现问题，可以导入。').waitFor()
    await page.getByRole('button', { name: /导入 50 行/ }).click()
    await page.getByText('已导入 50 块地').waitFor()
    await settle(page)
    await expect(summary()).resolves.toMatch(/^共 74 块/)
  })

  it('exports a CSV with a BOM, Chinese headers and every field', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ])
    const text = readFileSync((await download.path())!, 'utf8')
    expect(text.startsWith('\uFEFF地块名称,村,乡镇,面积（亩）')).toBe(true)
    expect(text.trim().split('\r\n')).toHaveLength(75)
    expect(errors).toEqual([])
  })
})
