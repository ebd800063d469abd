import { describe, expect, it } from 'vitest'
import { browserSession, chooseOption, screenshot } from './harness'

describe('compare scenarios', () => {
  const s = browserSession({ height: 1100 })

  it('puts scenarios side by side with the same totals as the scenarios screen, and what differs', async () => {
    await s.page.goto(`${s.server.url}#/scenarios`)
    const hsfProduction = await s.page
      .locator('tr[data-scenario="建设高标准农田"]')
      .getByTestId('production')
      .textContent()
    await s.page.goto(`${s.server.url}#/compare`)
    const kpis = s.page.getByTestId('compare-kpis')
    await kpis.getByRole('columnheader', { name: '建设高标准农田' }).waitFor()
    const production = await kpis.getByRole('row', { name: /总产/ }).getByRole('cell').allTextContents()
    expect(production).toContain(hsfProduction)
    expect(production).toHaveLength(4)
    await s.page.getByText('投入差异').waitFor()
    await expect(
      s.page
        .getByRole('cell', { name: /滴灌水肥一体化/ })
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    // P10/P50/P90 of the margin come from a Monte Carlo run in a worker, on the same plan.
    const p50 = kpis.getByRole('row', { name: /毛利 P50/ })
    await p50.waitFor({ timeout: 60_000 })
    const cells = await p50.getByRole('cell').allTextContents()
    expect(cells.slice(1).every((c) => /^[\d,]+$/.test(c))).toBe(true)
    await screenshot(s.page, 'compare-zh-CN')
    // Where the uplift comes from, drawn without the chart library: a loss to the left of the line.
    const factors = s.page.getByTestId('signed-bars')
    await factors.scrollIntoViewIfNeeded()
    await expect(factors.textContent()).resolves.toMatch(/密度与水分.*\+[\d,]+/)
    await screenshot(s.page, 'compare-bars-zh-CN')

    // Back on Compare later: the quick run of this very plan is shown at once, not run again.
    await s.page.getByRole('menuitem', { name: '总览', exact: true }).click()
    await s.page.getByTestId('area').waitFor()
    await s.page.getByRole('menuitem', { name: '方案对比', exact: true }).click()
    await kpis.getByRole('row', { name: /毛利 P50/ }).waitFor()
    await expect(kpis.getByText('正在计算风险…').count()).resolves.toBe(0)
    await expect(
      kpis
        .getByRole('row', { name: /毛利 P50/ })
        .getByRole('cell')
        .allTextContents(),
    ).resolves.toEqual(cells)

    await chooseOption(s.page, s.page.getByRole('combobox', { name: '选择 2–4 个方案' }), '大豆换东生118')
    await s.page.keyboard.press('Escape')
    await kpis.getByRole('columnheader', { name: '大豆换东生118' }).waitFor()
    expect(await kpis.getByRole('row', { name: /总产/ }).getByRole('cell').count()).toBe(5)
    expect(s.errors).toEqual([])
  })
})
