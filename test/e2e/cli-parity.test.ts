import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  launchBrowser,
  newPage,
  ROOT,
  type RunningServer,
  removeTempDataDirs,
  screenshot,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

type CliTotals = { productionKg: number; upliftPct: number; grossMarginYuan: number; investmentYuan: number }

const cli = (...args: string[]) =>
  execFileSync(process.execPath, [join(ROOT, 'out/main/cli.js'), ...args], { encoding: 'utf8' })
const zh = (x: number, digits = 0) =>
  new Intl.NumberFormat('zh-CN', { maximumFractionDigits: digits }).format(x)

// The command line and the UI evaluate the same demo plan with the same engine: their totals match.
describe('CLI round trip against the UI', () => {
  const dir = tempDataDir()
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]
  let cliScenarios: { name: string; totals: CliTotals }[]

  beforeAll(async () => {
    const planFile = join(dir, 'demo.json')
    writeFileSync(planFile, cli('demo'))
    cliScenarios = JSON.parse(cli('evaluate', planFile, '--json')).scenarios
    server = await startServer(join(dir, 'workspace'))
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1440, height: 900 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDirs()
  })

  it('shows the same production, uplift, margin and investment per scenario as `evaluate --json`', async () => {
    await page.goto(`${server.url}#/scenarios`)
    await page.getByText('密植+水肥一体化').first().waitFor()
    await screenshot(page, 'scenarios-zh-CN')
    expect(cliScenarios).toHaveLength(4)
    for (const s of cliScenarios) {
      const row = page.locator(`tr[data-scenario="${s.name}"]`)
      // The demo plan is in jin: 1 kg = 2 jin.
      await expect(row.getByTestId('production').textContent()).resolves.toBe(zh(s.totals.productionKg * 2))
      const pct = new Intl.NumberFormat('zh-CN', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(s.totals.upliftPct)
      await expect(row.getByTestId('uplift').textContent()).resolves.toBe(
        `${s.totals.upliftPct > 0 ? '+' : ''}${pct} %`,
      )
      await expect(row.getByTestId('margin').textContent()).resolves.toBe(zh(s.totals.grossMarginYuan))
      await expect(row.getByTestId('investment').textContent()).resolves.toBe(zh(s.totals.investmentYuan))
    }
    const density = cliScenarios.find((s) => s.name === '密植+水肥一体化')!
    expect(density.totals.upliftPct).toBeGreaterThan(0)
  })

  it('explains a field’s number with its factors and sourced assumptions', async () => {
    await page.getByRole('button', { name: '查看逐块结果 密植+水肥一体化' }).click()
    await page.getByRole('button', { name: '为什么 东岗一号地' }).click()
    await page.getByText('为什么：东岗一号地 · 密植+水肥一体化').waitFor()
    await page.getByText('滴灌水肥一体化相对雨养增产').waitFor()
    // The drip investment assumption, shown per mu in the plan's units (6,000 yuan/ha = 400 yuan/mu).
    await page.getByRole('cell', { name: '400 元/亩', exact: true }).first().waitFor()
    await expect(page.locator('.ant-drawer').textContent()).resolves.toContain('密度与水分')
    await screenshot(page, 'why-zh-CN')
    expect(errors).toEqual([])
  })
})
