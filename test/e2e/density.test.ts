import { describe, expect, it } from 'vitest'
import { browserSession, screenshot, settle } from './harness'

const plants = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''))

describe('density explorer', () => {
  const s = browserSession({ height: 960 })

  it('moves the economic-optimum marker left when the seed price rises', async () => {
    await s.page.goto(`${s.server.url}#/density`)
    await s.page.getByTestId('eosr').waitFor()
    await settle(s.page)
    const aopd = plants(await s.page.getByTestId('aopd').textContent())
    const before = plants(await s.page.getByTestId('eosr').textContent())
    expect(before).toBeLessThan(aopd)
    const seed = s.page.getByRole('spinbutton', { name: '种子价格（元/千粒）' })
    await seed.fill('40')
    await seed.press('Tab')
    await settle(s.page)
    const after = plants(await s.page.getByTestId('eosr').textContent())
    expect(after).toBeLessThan(before)
    await expect(s.page.locator('.recharts-reference-line').count()).resolves.toBe(2)
  })

  it('fits pasted trial points and reports RMSE and R²', async () => {
    const rows = [3000, 4000, 5000, 6000].flatMap((d) => [
      `${d},${Math.round(1600 - 0.00004 * (d - 5200) ** 2)}`,
      `${d},${Math.round(1610 - 0.00004 * (d - 5200) ** 2)}`,
    ])
    await s.page.getByRole('textbox', { name: '用自己的试验点拟合' }).fill(rows.join('\n'))
    await s.page.getByRole('button', { name: /拟\s*合/ }).click()
    await expect(s.page.getByTestId('fit-result').textContent()).resolves.toMatch(
      /^拟合：RMSE [\d.]+ 斤\/亩，R² 0\.9\d*；农艺最优 5,2\d\d 株\/亩$/,
    )
    await screenshot(s.page, 'density-zh-CN')
    // Points copied from a spreadsheet with their column titles: the titles are named as a header.
    await s.page
      .getByRole('textbox', { name: '用自己的试验点拟合' })
      .fill(['密度（株/亩）,单产（斤/亩）', ...rows].join('\n'))
    await s.page.getByRole('button', { name: /拟\s*合/ }).click()
    await expect(s.page.getByTestId('fit-result').textContent()).resolves.toMatch(
      /农艺最优 5,2\d\d 株\/亩 （第 1 行“密度\(株\/亩\),单产\(斤\/亩\)”按表头读，不算试验点。）$/,
    )
    await s.page
      .getByRole('textbox', { name: '用自己的试验点拟合' })
      .fill('4000,1500\n4000,1510\n5000,1600\n')
    await s.page.getByRole('button', { name: /拟\s*合/ }).click()
    await expect(s.page.getByTestId('fit-result').textContent()).resolves.toBe(
      '至少需要 3 个不同密度的点（现在 2 个）',
    )
    expect(s.errors).toEqual([])
  })
})
