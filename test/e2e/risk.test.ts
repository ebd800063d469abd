import { describe, expect, it } from 'vitest'
import { browserSession, screenshot, settle } from './harness'

declare global {
  interface Window {
    riskWorkersStarted?: number
  }
}

describe('risk', () => {
  const s = browserSession({ height: 1000 })

  it('runs the Monte Carlo on the demo and shows percentiles, the chance of beating the baseline and a histogram', async () => {
    await s.page.goto(`${s.server.url}#/risk`)
    await s.page.getByText('设置年数和种子后点“运行”', { exact: false }).waitFor()
    await s.page.getByRole('button', { name: /运\s*行/ }).click()
    const table = s.page.getByTestId('risk-table')
    await table.waitFor({ timeout: 60_000 })
    expect(await table.getByRole('row').count()).toBe(5)
    const row = await table.getByRole('row', { name: /密植\+水肥一体化/ }).textContent()
    expect(row).toMatch(/[\d,]+ \/ [\d,]+ \/ [\d,]+/)
    expect(row).toMatch(/\d+(\.\d)? %$/)
    // The screen says what the draws include: the scenario's water regime and insured indemnities.
    await expect(s.page.getByTestId('risk-includes').textContent()).resolves.toMatch(/水分条件.*保险赔款/)
    // A scenario pays for its investment each year before it counts as beating the baseline.
    await expect(
      table.getByRole('columnheader', { name: '扣除投资年成本后胜过基准的概率' }).count(),
    ).resolves.toBe(1)
    await s.page.locator('.recharts-bar-rectangle').first().waitFor()
    await settle(s.page)
    await screenshot(s.page, 'risk-zh-CN')
    // The tornado names every bar: as many assumption names on its axis as bars.
    const tornado = s.page.getByTestId('tornado')
    await tornado.locator('.recharts-bar-rectangle').first().waitFor()
    const bars = await tornado.locator('.recharts-bar-rectangle').count()
    expect(bars).toBeGreaterThan(5)
    expect(await tornado.locator('.recharts-yAxis .recharts-cartesian-axis-tick').count()).toBe(bars)
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await tornado.scrollIntoViewIfNeeded()
    await settle(s.page)
    await screenshot(s.page, 'risk-tornado-zh-CN-1366x768')
    await s.page.setViewportSize({ width: 1440, height: 1000 })
  })

  it('shows the last run again after leaving the screen, says whose plan it is, and drops it once the plan changes', async () => {
    const table = s.page.getByTestId('risk-table')
    const before = await table.textContent()
    await s.page.getByRole('menuitem', { name: '地块', exact: true }).click()
    await s.page.getByTestId('fields-summary').waitFor()
    await s.page.getByRole('menuitem', { name: '风险', exact: true }).click()
    // The same table at once, without running again, and whose it is.
    await table.waitFor()
    await expect(table.textContent()).resolves.toBe(before)
    await expect(s.page.getByTestId('risk-belongs').textContent()).resolves.toMatch(
      /^这些结果属于：丰收示范合作社，4 个方案、24 块地的当前计划；10,000 个模拟年份，种子 1，[\d:]+ 算完。/,
    )
    await expect(s.page.getByRole('button', { name: /运\s*行/ }).isEnabled()).resolves.toBe(true)

    // A field deleted: the plan is another one, and the old run is not shown as its result.
    await s.page.getByRole('menuitem', { name: '地块', exact: true }).click()
    await s.page.getByRole('button', { name: '删除 东岗一号地' }).click()
    await s.page.getByRole('button', { name: /^删\s*除$/ }).click()
    await s.page.getByText('已删除地块“东岗一号地”').waitFor()
    await s.page.getByRole('menuitem', { name: '风险', exact: true }).click()
    await s.page.getByTestId('risk-stale').waitFor()
    await expect(s.page.getByTestId('risk-stale').textContent()).resolves.toMatch(/那次运行之后.*不再显示/)
    await expect(table.count()).resolves.toBe(0)
    expect(s.errors).toEqual([])
  })

  it('cancels a long run promptly and returns to a clean state', async () => {
    const draws = s.page.getByRole('spinbutton', { name: '模拟年数' })
    await draws.fill('1000000')
    await draws.press('Tab')
    await s.page.getByRole('button', { name: /运\s*行/ }).click()
    await s.page.getByText(/^已完成 [\d,]+ \/ 1,000,000 年$/).waitFor()
    const started = Date.now()
    await s.page.getByRole('button', { name: /取\s*消/ }).click()
    await s.page.getByText(/^已取消（完成 [\d,]+ 年）。$/).waitFor({ timeout: 2000 })
    // Click and re-render included; the worker itself is told at once and stopped within 150 ms.
    expect(Date.now() - started).toBeLessThan(1000)
    await expect(s.page.getByRole('button', { name: /运\s*行/ }).isEnabled()).resolves.toBe(true)
    expect(s.errors).toEqual([])
  })

  it('gives the same percentiles from the same seed with one worker as with four', async () => {
    /** The table of a run on a machine with `cores` cores, and how many workers the run started. */
    async function runWith(cores: number): Promise<{ table: string; workers: number }> {
      const context = await s.browser.newContext({
        viewport: { width: 1440, height: 1000 },
        reducedMotion: 'reduce',
      })
      try {
        await context.addInitScript((n) => {
          Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => n })
          const Original = window.Worker
          window.riskWorkersStarted = 0
          window.Worker = class extends Original {
            constructor(...args: ConstructorParameters<typeof Worker>) {
              super(...args)
              // The Monte Carlo's workers only (the tornado has a worker of its own).
              if (String(args[0]).includes('risk.worker')) window.riskWorkersStarted! += 1
            }
          }
        }, cores)
        const page = await context.newPage()
        await page.goto(`${s.server.url}#/risk`)
        await page.getByRole('button', { name: /运\s*行/ }).click()
        const table = page.getByTestId('risk-table')
        await table.waitFor({ timeout: 60_000 })
        return {
          table: (await table.textContent()) ?? '',
          workers: await page.evaluate(() => window.riskWorkersStarted ?? 0),
        }
      } finally {
        await context.close()
      }
    }
    const one = await runWith(1)
    const four = await runWith(4)
    expect(one.workers).toBe(1)
    expect(four.workers).toBe(4)
    expect(one.table).toMatch(/[\d,]+ \/ [\d,]+ \/ [\d,]+/)
    expect(four.table).toBe(one.table)
  })
})
