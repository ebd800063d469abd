import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSession } from './harness'

/** The transition of the first navigation item, as the browser computes it. */
async function menuTransition(page: Page): Promise<string> {
  const item = page.getByRole('menuitem').first()
  await item.waitFor()
  return item.evaluate((el) => getComputedStyle(el).transitionDuration)
}

// Users who ask their system for less motion get none from the app: antd's transitions are off
// while the setting holds, and they follow the setting when it changes, without a reload.
describe('reduced motion', () => {
  const s = browserSession()

  it('turns transitions off when the system asks for reduced motion, and back on when it stops', async () => {
    await s.page.goto(s.server.url)
    await s.page.getByTestId('baseline-production').waitFor()
    const reduced = await menuTransition(s.page)
    expect(reduced.split(',').every((d) => Number.parseFloat(d) === 0)).toBe(true)

    await s.page.emulateMedia({ reducedMotion: 'no-preference' })
    await s.page.waitForFunction(() =>
      getComputedStyle(document.querySelector('[role="menuitem"]')!)
        .transitionDuration.split(',')
        .some((d) => Number.parseFloat(d) > 0),
    )
    expect((await menuTransition(s.page)).split(',').some((d) => Number.parseFloat(d) > 0)).toBe(true)

    await s.page.emulateMedia({ reducedMotion: 'reduce' })
    await s.page.waitForFunction(() =>
      getComputedStyle(document.querySelector('[role="menuitem"]')!)
        .transitionDuration.split(',')
        .every((d) => Number.parseFloat(d) === 0),
    )
    expect(s.errors).toEqual([])
  })
})
