import { describe, expect, it } from 'vitest'
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
