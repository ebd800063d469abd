import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  chooseOption,
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDirs,
  screenshot,
  settle,
  startServer,
  switchOn,
  tempDataDir,
  watchConsole,
} from './harness'

const SCENARIO = '密度单位核对'

// A co-op manager types a density per mu, switches the header to hectares while the editor is
// open, and applies: what is stored is the quantity they saw, never the same digits in a new unit.
describe('units that cannot lie', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]
  let dataFile: string

  /** The open workspace's SQLite file, as the app itself reports it. */
  async function appDataFile(): Promise<string> {
    const response = await fetch(`${server.origin}/api/app:info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fengshou-token': server.token },
      body: '{}',
    })
    const result = (await response.json()) as { ok: boolean; value: { dataFile: string } }
    expect(result.ok).toBe(true)
    return result.value.dataFile
  }

  /** The densities this scenario stores, read from the file itself (read-only). */
  function storedDensities(): number[] {
    const db = new Database(dataFile, { readonly: true, fileMustExist: true })
    try {
      const rows = db
        .prepare(
          `SELECT c.density_plants_per_ha AS d FROM scenario_change c JOIN scenario s ON s.id = c.scenario_id
           WHERE s.name = ? ORDER BY c.field_id`,
        )
        .all(SCENARIO) as { d: number | null }[]
      return rows.map((r) => r.d as number)
    } finally {
      db.close()
    }
  }

  const density = (unit: '亩' | '公顷') => page.getByRole('spinbutton', { name: `密度（株/${unit}）` })
  const switchAreaUnit = (unit: '亩' | '公顷') =>
    page.locator('[aria-labelledby="area-unit-label"]').getByText(unit, { exact: true }).click()

  beforeAll(async () => {
    server = await startServer(tempDataDir())
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1440, height: 900 } })
    errors = watchConsole(page)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDirs()
  })

  it('a density typed in 株/亩 shows as the same quantity in 株/公顷 after the switch, and is stored exactly as shown', async () => {
    await page.goto(`${server.url}#/scenarios`)
    await page.getByRole('button', { name: '新建方案' }).click()
    await page.getByRole('dialog').getByLabel('方案名称').fill(SCENARIO)
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click()
    await page.getByText(`逐块结果：${SCENARIO}`).waitFor()
    dataFile = await appDataFile()

    await chooseOption(page, page.getByRole('combobox', { name: '品种' }), '富民985')
    await chooseOption(page, page.getByRole('combobox', { name: '水分管理' }), '滴灌水肥一体化')
    await switchOn(page, '设置密度')
    await density('亩').fill('4667')
    await density('亩').press('Tab')
    const count = Number(
      /共 (\d+) 块地/.exec((await page.getByTestId('target-count').textContent()) ?? '')![1],
    )
    expect(count).toBeGreaterThan(0)

    // The header's unit changes while the editor is open.
    await switchAreaUnit('公顷')
    await density('公顷').waitFor()
    await expect(density('公顷').inputValue()).resolves.toBe('70,005')
    await expect(page.getByTestId('target-count').textContent()).resolves.toMatch(
      /^共 \d+ 块地，[\d,.]+ 公顷$/,
    )
    await page.getByText(`逐块结果：${SCENARIO}`).evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'units-editor-ha-1440x900')
    await page.setViewportSize({ width: 1366, height: 768 })
    await density('公顷').scrollIntoViewIfNeeded()
    await screenshot(page, 'units-editor-ha-1366x768')
    await page.setViewportSize({ width: 1440, height: 900 })

    await page.getByTestId('apply-edit').click()
    await page.getByText(`已应用到 ${count} 块地`).waitFor()
    // 4,667 株/亩 × 15 = 70,005 株/公顷, on every field the editor named.
    expect(storedDensities()).toEqual(Array.from({ length: count }, () => 70_005))
    await settle(page)
    await expect(density('公顷').inputValue()).resolves.toBe('70,005')
    expect(errors).toEqual([])
  })

  it('a density above the variety’s safe range asks first and names the range in 株/公顷; nothing is stored until confirmed', async () => {
    await density('公顷').fill('135000')
    await density('公顷').press('Tab')
    await page.getByTestId('apply-edit').click()
    const dialog = page.getByTestId('density-confirm')
    await dialog.waitFor()
    await expect(dialog.textContent()).resolves.toContain(
      '富民985，滴灌水肥一体化：安全范围是 70,000 – 90,000 株/公顷，这次设的 135,000 株/公顷 高于安全上限',
    )
    await screenshot(page, 'units-density-confirm-ha')
    await page.getByRole('button', { name: '返回修改' }).click()
    await dialog.waitFor({ state: 'detached' })
    expect(storedDensities().every((d) => d === 70_005)).toBe(true)

    await page.getByTestId('apply-edit').click()
    await page.getByRole('button', { name: '仍然应用' }).click()
    await page
      .getByText(/已应用到 \d+ 块地/)
      .last()
      .waitFor()
    await expect.poll(() => storedDensities().every((d) => d === 135_000)).toBe(true)

    // An unapplied change: leaving through the menu asks first; staying keeps it.
    await density('公顷').fill('100000')
    await density('公顷').press('Tab')
    await page.getByRole('menuitem', { name: '地块' }).click()
    const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改，确定放弃吗？' })
    await ask.waitFor()
    await ask.getByTestId('keep-editing').click()
    await ask.waitFor({ state: 'detached' })
    await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#/scenarios')
    await expect(density('公顷').inputValue()).resolves.toBe('100,000')
    // Back to what is applied: nothing is unsaved, and the menu goes at once.
    await density('公顷').fill('135000')
    await density('公顷').press('Tab')
    await page.getByRole('menuitem', { name: '地块' }).click()
    await page.waitForFunction(() => window.location.hash === '#/fields')
    expect(errors).toEqual([])
  })

  it('Back with an unsaved edit in the field drawer asks first, and keeps the edit when the user stays', async () => {
    await page.goto(`${server.url}#/overview`)
    await page.getByRole('menuitem', { name: '地块' }).click()
    await page.getByRole('button', { name: '编辑 东岗一号地' }).click()
    const name = page.getByLabel('地块名称')
    await name.fill('东岗一号地（改）')
    await page.evaluate(() => window.history.back())
    const ask = page.getByRole('dialog').filter({ hasText: '有未保存的修改，确定放弃吗？' })
    await ask.waitFor()
    await expect(page.evaluate(() => window.location.hash)).resolves.toBe('#/fields')
    await ask.getByTestId('keep-editing').click()
    await ask.waitFor({ state: 'detached' })
    await expect(name.inputValue()).resolves.toBe('东岗一号地（改）')

    await page.evaluate(() => window.history.back())
    await page.getByTestId('discard-changes').click()
    await page.waitForFunction(() => window.location.hash === '#/overview')
    await page.getByRole('menuitem', { name: '地块' }).click()
    await page.getByText('东岗一号地', { exact: true }).waitFor()
    expect(errors).toEqual([])
  })

  it('the density explorer in 公顷 plots trial points typed per ha and reads its fit in the current units', async () => {
    await page.goto(`${server.url}#/density`)
    await page.getByTestId('aopd').waitFor()
    await expect(page.getByTestId('aopd').textContent()).resolves.toMatch(/^[\d,]+ 株\/公顷$/)
    // Trial points per ha (斤/公顷), with the peak near 78,000 plants/ha.
    const rows = [45_000, 60_000, 75_000, 90_000].flatMap((d) => [
      `${d},${Math.round(24_000 - 0.000009 * (d - 78_000) ** 2)}`,
      `${d},${Math.round(24_150 - 0.000009 * (d - 78_000) ** 2)}`,
    ])
    await page.getByRole('textbox', { name: '用自己的试验点拟合' }).fill(rows.join('\n'))
    await page.getByRole('button', { name: /拟\s*合/ }).click()
    const fit = page.getByTestId('fit-result')
    await expect(fit.textContent()).resolves.toMatch(
      /^拟合：RMSE [\d,.]+ 斤\/公顷，R² (1|0\.9\d*)；农艺最优 7[78],\d{3} 株\/公顷$/,
    )
    await expect(page.locator('.recharts-scatter-symbol').count()).resolves.toBe(8)
    await screenshot(page, 'density-ha-1440x900')
    await page.setViewportSize({ width: 1366, height: 768 })
    await screenshot(page, 'density-ha-1366x768')
    await fit.scrollIntoViewIfNeeded()
    await screenshot(page, 'density-ha-fit-1366x768')
    await page.setViewportSize({ width: 1440, height: 900 })

    // Back to 亩: the same fit reads per mu, and the points stay inside the plot.
    await switchAreaUnit('亩')
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="fit-result"]')?.textContent?.includes('株/亩'),
    )
    await expect(fit.textContent()).resolves.toMatch(/；农艺最优 5,\d{3} 株\/亩$/)
    await expect(fit.textContent()).resolves.toMatch(/斤\/亩/)
    await page.getByTestId('trial-units').waitFor()
    const grid = (await page.locator('.recharts-cartesian-grid').boundingBox())!
    for (const symbol of await page.locator('.recharts-scatter-symbol').all()) {
      const box = (await symbol.boundingBox())!
      expect(box.x + box.width / 2).toBeGreaterThanOrEqual(grid.x - 1)
      expect(box.x + box.width / 2).toBeLessThanOrEqual(grid.x + grid.width + 1)
    }
    expect(errors).toEqual([])
  })

  it('the forms in 公顷: canonical numbers, counts instead of cutting, a required reason (screenshots at both sizes)', async () => {
    await switchAreaUnit('公顷')
    const both = async (name: string) => {
      await screenshot(page, `${name}-1440x900`)
      await page.setViewportSize({ width: 1366, height: 768 })
      await screenshot(page, `${name}-1366x768`)
      await page.setViewportSize({ width: 1440, height: 900 })
    }

    // A field: its area and density in ha, a name too long is kept and refused, not cut.
    await page.goto(`${server.url}#/fields`)
    await page.getByRole('button', { name: '编辑 东岗二号地' }).click()
    await expect(page.getByLabel('种植密度（株/公顷）').inputValue()).resolves.toBe('60,000')
    const long = `${'东岗二号地'.repeat(12)}北`
    await page.getByLabel('地块名称').fill(long)
    await expect(page.getByLabel('地块名称').inputValue()).resolves.toBe(long)
    await page.getByText('61 / 60').waitFor()
    await page.getByText('最多 60 个字').first().waitFor()
    await both('units-field-drawer-ha')
    await page.getByRole('button', { name: /取\s*消/ }).click()
    await page.getByTestId('discard-changes').click()

    // A variety: the drip range stored as 70,000–90,000 shows as those numbers, not 70,005.
    await page.goto(`${server.url}#/varieties`)
    await page.getByRole('button', { name: '编辑 富民985' }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('spinbutton', { name: '最低' }).nth(1).inputValue()).resolves.toBe('70,000')
    await both('units-variety-form-ha')
    await dialog.getByRole('button', { name: /取\s*消/ }).click()
    await dialog.waitFor({ state: 'detached' })

    // Bulk edit: the density in 株/公顷, and one beyond the varieties' ranges is confirmed first.
    await page.goto(`${server.url}#/fields`)
    for (const field of ['东岗一号地', '东岗二号地']) {
      await page
        .getByRole('row', { name: new RegExp(field) })
        .getByRole('checkbox')
        .check()
    }
    await page.getByRole('button', { name: '批量修改（2）' }).click()
    const bulk = page.getByRole('dialog')
    await bulk.getByRole('checkbox', { name: '修改 密度（株/公顷）' }).check()
    await bulk.getByRole('spinbutton', { name: '密度（株/公顷）' }).fill('4500')
    await bulk.getByRole('checkbox', { name: '修改 村' }).check()
    await bulk.getByRole('textbox', { name: '村' }).fill('兴'.repeat(61))
    await bulk.getByText('最多 60 个字').waitFor()
    await both('units-bulk-ha')
    await bulk.getByRole('textbox', { name: '村' }).fill('兴隆村')
    await bulk.getByRole('button', { name: /应\s*用/ }).click()
    const confirm = page.getByTestId('density-confirm')
    await confirm.waitFor()
    await expect(confirm.textContent()).resolves.toContain(
      '富民985，雨养（旱作）：安全范围是 60,000 – 80,000 株/公顷，这次设的 4,500 株/公顷 低于下限（2 块地）。',
    )
    await expect(confirm.textContent()).resolves.toContain('请确认单位')
    await page.getByRole('button', { name: '返回修改' }).click()
    await confirm.waitFor({ state: 'detached' })
    await bulk.getByRole('button', { name: /取\s*消/ }).click()
    await page.getByTestId('discard-changes').click()
    await bulk.waitFor({ state: 'detached' })

    // An assumption: the reason is asked for before anything is sent.
    await page.goto(`${server.url}#/assumptions`)
    await page.getByRole('button', { name: '修改 高标准农田增产幅度（满效）' }).click()
    const edit = page.getByRole('dialog')
    await edit.getByRole('spinbutton', { name: '取值（%）' }).fill('12')
    await edit.getByRole('button', { name: /保\s*存/ }).click()
    await edit.getByText('请写明修改理由（例如试验或本社记录），没有理由不能保存').first().waitFor()
    await both('units-assumption-reason')
    await edit.getByRole('button', { name: /取\s*消/ }).click()
    await page.getByTestId('discard-changes').click()
    expect(errors).toEqual([])
  })
})
