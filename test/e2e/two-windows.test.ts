import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  currentWorkspaceFile,
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDir,
  screenshot,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

// Two windows on one workspace (two browser contexts, as two tabs or two laptops on one server):
// both open the same field; the first save wins, the second is refused with a sentence that offers
// the latest version, and nothing either of them typed is written over silently.
describe('two windows edit the same field', () => {
  let dataDir: string
  let server: RunningServer
  let browser: Browser
  let first: Page
  let second: Page
  let errors: string[][] = []

  const openField = async (page: Page) => {
    await page.goto(`${server.url}#/fields`)
    await page.getByRole('button', { name: '编辑 东岗一号地' }).click()
    await page.getByLabel('备注').waitFor()
  }
  const noteInDb = () => {
    const db = new Database(currentWorkspaceFile(dataDir), { readonly: true })
    try {
      return db.prepare("SELECT note, revision FROM field WHERE name = '东岗一号地'").get()
    } finally {
      db.close()
    }
  }

  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startServer(dataDir)
    browser = await launchBrowser()
    first = await newPage(browser, { viewport: { width: 1440, height: 900 } })
    second = await newPage(browser, { viewport: { width: 1440, height: 900 } })
    errors = [watchConsole(first), watchConsole(second)]
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDir(dataDir)
  })

  it('refuses the second save, keeps the first, and keeps what the second window typed', async () => {
    await openField(first)
    await openField(second)
    await first.getByLabel('备注').fill('第一个窗口：已深松')
    await first.getByTestId('field-save').click()
    await first.getByText('已保存').first().waitFor()
    expect(noteInDb()).toEqual({ note: '第一个窗口：已深松', revision: 2 })

    await second.getByLabel('备注').fill('第二个窗口：改种富民985')
    await second.getByTestId('field-save').click()
    await second.getByText('这条记录刚在别处').waitFor()
    await screenshot(second, 'stale-edit-zh-CN')
    expect(noteInDb()).toEqual({ note: '第一个窗口：已深松', revision: 2 })
    expect(await second.getByLabel('备注').inputValue()).toBe('第二个窗口：改种富民985')
  })

  it('loads the latest version on request, and the second window can then save on top of it', async () => {
    await second.getByTestId('field-reload').click()
    await expect.poll(() => second.getByLabel('备注').inputValue()).toBe('第一个窗口：已深松')
    await second.getByLabel('备注').fill('第一个窗口：已深松；第二个窗口：改种富民985')
    await second.getByTestId('field-save').click()
    await second.getByText('已保存').first().waitFor()
    expect(noteInDb()).toEqual({ note: '第一个窗口：已深松；第二个窗口：改种富民985', revision: 3 })
    expect(errors.flat()).toEqual([])
  })
})
