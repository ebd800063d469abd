import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gb18030, VARIETY_CSV_HEADER, VARIETY_CSV_ROWS } from '../helpers/csv'
import {
  launchBrowser,
  type RunningServer,
  screenshot,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

describe('varieties', () => {
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

  it('imports a GB18030 variety list after a dry run, and shows each source', async () => {
    await page.goto(`${server.url}#/varieties`)
    await page.getByText('东生118').first().waitFor()
    await page.getByRole('button', { name: '导入 CSV' }).click()
    await page.getByTestId('variety-csv-file').setInputFiles({
      name: '品种.csv',
      mimeType: 'text/csv',
      buffer: gb18030([VARIETY_CSV_HEADER, ...VARIETY_CSV_ROWS].join('\n')),
    })
    await page.getByText('共 2 个品种可以导入：吉单试1号、吉育试2号').waitFor()
    await page.getByRole('button', { name: /导入 2 个品种/ }).click()
    await page.getByText('已导入 2 个品种').waitFor()
    await page.getByText('来源：2024 年本社对比试验').waitFor()
    await expect(page.getByRole('row', { name: /吉单试1号/ }).textContent()).resolves.toContain('104.5 %')
    await screenshot(page, 'varieties-zh-CN')
  })

  it('refuses a density range out of order, in Chinese', async () => {
    await page.getByRole('button', { name: '编辑 吉单试1号' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('spinbutton', { name: '最低' }).first().fill('5000')
    await dialog.getByRole('button', { name: /保\s*存/ }).click()
    await dialog.getByText('最小 ≤ 最优 ≤ 最大', { exact: false }).waitFor()
    expect(errors).toEqual([])
  })
})
