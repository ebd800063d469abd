import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { initialScripts } from '../../app/bench/bundle'
import { browserSession, ROOT, settle } from './harness'

const RENDERER = join(ROOT, 'out/renderer')

// The first screen loads only what it shows: the entry script and its static imports, no chart
// library and no risk code; every other screen arrives when first visited. Before any script has
// run, the page already says it is loading, in Chinese with the English under it.
describe('the first screen', () => {
  const s = browserSession()

  it('is built without chart or risk code in what it loads', () => {
    const files = initialScripts(RENDERER).map((f) => f.file)
    expect(files.length).toBeGreaterThan(1)
    for (const file of files) {
      expect(file).not.toMatch(/recharts|Risk|risk/)
      // recharts names its wrapper element; the risk screen starts its workers from this file name.
      expect(readFileSync(join(RENDERER, file), 'utf8')).not.toMatch(/recharts-wrapper|risk\.worker/)
    }
  })

  it('requests no script beyond those until the overview shows real numbers, and the rest on demand', async () => {
    const expected = initialScripts(RENDERER).map((f) => `/${f.file.replaceAll('\\', '/')}`)
    const requested: string[] = []
    s.page.on('request', (request) => {
      if (request.resourceType() === 'script') requested.push(new URL(request.url()).pathname)
    })
    await s.page.goto(s.server.url)
    await s.page
      .getByTestId('baseline-production')
      .locator('.ant-statistic-content')
      .filter({ hasText: /\d/ })
      .waitFor()
    await settle(s.page)
    expect([...requested].sort()).toEqual([...expected].sort())
    // React replaced the static loading state.
    expect(await s.page.getByTestId('boot-loading').count()).toBe(0)

    await s.page.getByRole('menuitem', { name: '风险' }).click()
    await s.page.getByText('设置年数和种子后点“运行”', { exact: false }).waitFor()
    expect(requested.some((p) => /\/RiskScreen-[\w-]+\.js$/.test(p))).toBe(true)
    expect(requested.some((p) => /\/recharts-[\w-]+\.js$/.test(p))).toBe(true)
    expect(s.errors).toEqual([])
  })

  it('says it is loading, in Chinese and then English, before any script runs', async () => {
    const context = await s.browser.newContext({ javaScriptEnabled: false, reducedMotion: 'reduce' })
    try {
      const page = await context.newPage()
      await page.goto(s.server.url)
      const status = page.getByRole('status')
      await expect(status.isVisible()).resolves.toBe(true)
      const text = (await status.textContent()) ?? ''
      expect(text).toContain('正在加载…')
      expect(text).toContain('Loading…')
      expect(text.indexOf('正在加载…')).toBeLessThan(text.indexOf('Loading…'))
    } finally {
      await context.close()
    }
  })
})
