import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { browserSession, screenshot, settle } from './harness'

describe('settings: back up and restore now', () => {
  const s = browserSession({ height: 900 })

  it('backs up, and a restore brings back a deleted field', async () => {
    await s.page.goto(`${s.server.url}#/settings`)
    await s.page.getByText('还没有备份。', { exact: false }).waitFor()
    await s.page.getByRole('button', { name: '立即备份' }).click()
    await s.page.getByText(/^已备份：workspace-/).waitFor()
    await settle(s.page)
    await screenshot(s.page, 'settings-zh-CN')

    await s.page.goto(`${s.server.url}#/fields`)
    await s.page.getByRole('button', { name: '删除 东岗一号地' }).click()
    await s.page.getByRole('button', { name: /^删\s*除$/ }).click()
    await s.page.getByText('已删除地块“东岗一号地”').waitFor()

    await s.page.goto(`${s.server.url}#/settings`)
    await s.page
      .getByRole('button', { name: /^恢复 / })
      .first()
      .click()
    await s.page.getByRole('button', { name: /^恢\s*复$/ }).click()
    await s.page.getByText('已恢复备份，正在重新载入…').waitFor()
    await s.page.waitForEvent('load')
    await s.page.goto(`${s.server.url}#/fields`)
    await s.page.getByText('东岗一号地').waitFor()
    await expect(s.page.getByTestId('fields-summary').textContent()).resolves.toMatch(/^共 24 块/)
    expect(s.errors).toEqual([])
  })
})

// A USB stick in browser mode: the user types or pastes the folder. One click, one backup.
describe('settings: back up to a folder, one backup per click', () => {
  const s = browserSession({ width: 1366, height: 768 })
  const stick = mkdtempSync(join(tmpdir(), 'fengshou-e2e-stick-'))
  afterAll(() => rmSync(stick, { recursive: true, force: true }))

  async function backupsListed(): Promise<number> {
    const response = await fetch(`${s.server.origin}/api/workspace:backups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fengshou-token': s.server.token },
      body: '{}',
    })
    const result = (await response.json()) as { ok: boolean; value: unknown[] }
    expect(result.ok).toBe(true)
    return result.value.length
  }

  const folderBox = () => s.page.getByLabel('备份到文件夹（例如 U 盘：E:\\丰收备份）')
  const backupNow = () => s.page.getByRole('button', { name: '立即备份' })
  /** The whole backup card in view, for the screenshots (toasts gone). */
  async function showCard() {
    await s.page.locator('.ant-message-notice').first().waitFor({ state: 'detached' })
    await s.page
      .locator('.ant-card')
      .filter({ hasText: '立即备份' })
      .evaluate((card) => card.scrollIntoView({ block: 'end' }))
    await settle(s.page)
  }
  const rows = () =>
    s.page.locator('.ant-card').filter({ hasText: '立即备份' }).locator('tbody tr.ant-table-row')

  it('a double-click on 立即备份 makes exactly one backup', async () => {
    await s.page.goto(`${s.server.url}#/settings`)
    await s.page.getByText('还没有备份。', { exact: false }).waitFor()
    expect(await backupsListed()).toBe(0)
    await backupNow().dblclick()
    await expect.poll(() => rows().count()).toBe(1)
    await expect.poll(() => backupNow().isEnabled()).toBe(true)
    expect(await backupsListed()).toBe(1)
    // and a second, separate click is a second backup
    await backupNow().click()
    await expect.poll(() => rows().count()).toBe(2)
    await expect.poll(() => backupNow().isEnabled()).toBe(true)
    expect(await backupsListed()).toBe(2)
    expect(s.errors).toEqual([])
  })

  it('refuses a folder that does not exist, says why in Chinese, and writes nothing', async () => {
    const missing = join(stick, '没有这个文件夹')
    await folderBox().fill(missing)
    await s.page.getByRole('button', { name: '备份到此文件夹' }).click()
    await s.page
      .getByText(`找不到文件夹 ${missing}。请检查 U 盘是否插好、路径是否写对，或先新建这个文件夹。`)
      .waitFor()
    expect(existsSync(missing)).toBe(false)
    expect(readdirSync(stick)).toEqual([])
    await showCard()
    await screenshot(s.page, 'backup-folder-refused-zh-CN-1366x768')
  })

  it('backs up to the folder typed, and the checked copy is there', async () => {
    await folderBox().fill(stick)
    await s.page.getByRole('button', { name: '备份到此文件夹' }).dblclick()
    await s.page.getByText(`上次备份到：${stick}`).waitFor()
    await expect.poll(() => s.page.getByRole('button', { name: '备份到此文件夹' }).isEnabled()).toBe(true)
    const files = readdirSync(stick)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^丰收示范合作社-\d{8}T\d{6}Z\.fengshou\.sqlite$/)
    expect(statSync(join(stick, files[0]!)).size).toBeGreaterThan(0)
    const copy = new Database(join(stick, files[0]!), { readonly: true })
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
      expect(copy.prepare('SELECT count(*) AS n FROM field').get()).toEqual({ n: 24 })
    } finally {
      copy.close()
    }
    // the workspace's own backups are not touched by a backup elsewhere
    expect(await backupsListed()).toBe(2)
    await showCard()
    await screenshot(s.page, 'backup-card-zh-CN-1366x768')
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await showCard()
    await screenshot(s.page, 'backup-card-zh-CN-1440x900')
    expect(s.errors).toEqual([])
  })
})
