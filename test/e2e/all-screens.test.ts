import { describe, expect, it } from 'vitest'
import { ROUTES } from '../../renderer/src/features/shell/routes'
import { browserSession, screenshot, settle } from './harness'

// Every screen, in Chinese and then in English with hectares: no console error, no raw catalogue
// key or unfilled placeholder on screen, and a screenshot of each for the README and for review.
describe('every screen', () => {
  const s = browserSession({ height: 900 })

  async function visitAll(lang: string) {
    for (const route of ROUTES) {
      await s.page.goto(`${s.server.url}#/${route}`)
      await s.page.locator('main, .ant-layout-content').first().waitFor()
      await settle(s.page)
      const text = (await s.page.locator('.ant-layout-content').textContent()) ?? ''
      expect(text, route).not.toMatch(
        /\{\{|\}\}|\b(nav|fields|errors|coming|scenarios|density|compare)\.[a-z]+\b/,
      )
      // Nothing runs off the side of the window: the page never scrolls sideways.
      const overflow = await s.page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, `${route} is wider than the window`).toBeLessThanOrEqual(0)
      await screenshot(s.page, `screen-${route}-${lang}`)
    }
  }

  let productionZh = ''

  it('shows each screen in Chinese', async () => {
    await visitAll('zh-CN')
    // The smallest laptop screen co-op offices have: 1366 × 768.
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await visitAll('zh-CN-1366x768')
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await s.page.goto(`${s.server.url}#/overview`)
    productionZh =
      (await s.page.getByTestId('baseline-production').locator('.ant-statistic-content').textContent()) ?? ''
    expect(productionZh).toMatch(/^[\d,]+\s*斤$/)
    expect(s.errors).toEqual([])
  })

  it('shows each screen in English and hectares', async () => {
    await s.page.goto(`${s.server.url}#/settings`)
    await s.page.getByText('English', { exact: true }).first().click()
    await s.page.getByRole('menuitem', { name: 'Settings' }).waitFor()
    await s.page.locator('.ant-segmented-item', { hasText: /^ha$/ }).first().click()
    await settle(s.page)
    await visitAll('en')
    // Hectares change areas, densities and yields per area; the production total is the same
    // mass in the same mass unit, so it must read exactly the same.
    await s.page.goto(`${s.server.url}#/overview`)
    // A fresh start in an English workspace fetches the English catalogue before the first screen.
    await s.page.reload()
    await s.page.getByTestId('baseline-production').getByText('Baseline production').waitFor()
    const productionEn =
      (await s.page.getByTestId('baseline-production').locator('.ant-statistic-content').textContent()) ?? ''
    expect(productionEn.replace(/\D/g, '')).toBe(productionZh.replace(/\D/g, ''))
    expect(productionEn).toMatch(/jin$/)
    // 3,290 mu = 219.33 ha (÷ 15)
    await expect(s.page.getByTestId('area').locator('.ant-statistic-content').textContent()).resolves.toMatch(
      /^219\.33\s*ha$/,
    )
    expect(s.errors).toEqual([])
  })
})
