import { describe, expect, it } from 'vitest'
import { browserSession, screenshot } from './harness'

// A board member opens the HSF scenario and reads where the money goes, item by item, per mu.
describe('the money in detail', () => {
  const s = browserSession({ height: 1100 })

  it('lists every cost item per mu, today and under the scenario, and why cites its publications in Chinese', async () => {
    await s.page.goto(`${s.server.url}#/scenarios`)
    await s.page.getByRole('option', { name: /^建设高标准农田/ }).click()
    await s.page.getByText('逐块结果：建设高标准农田').waitFor()
    await s.page.getByRole('tab', { name: '收支明细' }).click()
    const table = s.page.getByTestId('money-breakdown')
    await table.waitFor()
    for (const line of [
      '产值',
      '补贴',
      '种子',
      '化肥',
      '农药',
      '机耕',
      '机收',
      '烘干',
      '雇工',
      '地租',
      '高标准农田节本',
    ])
      await table.getByRole('cell', { name: line, exact: true }).waitFor()
    const rent = await table.getByRole('row', { name: /^地租/ }).getByRole('cell').allTextContents()
    expect(rent.slice(1, 3)).toEqual(['-700', '-700'])
    // The demo co-op's margin after rent, whole co-op: about 112 yuan/mu today, 255 with HSF built.
    const margin = await table
      .getByRole('row', { name: /毛利（扣地租后）/ })
      .getByRole('cell')
      .allTextContents()
    expect(Number(margin[1]!.replace(/,/g, ''))).toBeGreaterThan(100)
    expect(Number(margin[1]!.replace(/,/g, ''))).toBeLessThan(130)
    expect(Number(margin[2]!.replace(/,/g, ''))).toBeGreaterThan(Number(margin[1]!.replace(/,/g, '')))
    await table.scrollIntoViewIfNeeded()
    await screenshot(s.page, 'scenario-money-zh-CN')

    // "Why" for one field: each cost item, and each assumption's publication in Chinese, no internal note.
    await s.page.getByRole('tab', { name: /逐块结果/ }).click()
    await s.page.getByRole('button', { name: '为什么 东岗一号地' }).click()
    await s.page.getByText('为什么：东岗一号地 · 建设高标准农田').waitFor()
    const costs = s.page.getByTestId('why-costs')
    await costs.getByText('烘干', { exact: true }).waitFor()
    const text = (await s.page.getByRole('dialog').textContent()) ?? ''
    expect(text).toContain('人民网英文版（农业农村部副部长）《高标准农田使粮食产能每亩提高 10%–20%》')
    expect(text).not.toMatch(/§|AGRONOMY/)
    expect(s.errors).toEqual([])
  })
})
