import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callApi,
  chooseOption,
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDir,
  screenshot,
  settle,
  startServer,
  tempDataDir,
  watchConsole,
} from './harness'

// A co-op manager hands the plan to the county station on WeChat: the plan file goes out through
// the 导入/导出 screen, comes back in as a workspace of its own, and opens with its fields.

const COOP = '青山玉米种植专业合作社'
const FIELDS = ['北岗一号地', '北岗二号地', '河套地']
const CSV = `地块名称,村,面积（亩）,作物\r\n${FIELDS.map((f, i) => `${f},青山村,${20 + 5 * i},玉米`).join('\r\n')}\r\n`

describe('a plan file out of a co-op workspace and into a second one', () => {
  let dataDir: string
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]
  let exported: Buffer

  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startServer(dataDir, { start: 'welcome' })
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true })
    errors = watchConsole(page)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDir(dataDir)
  })

  /** The screen at both sizes; `card` is scrolled to the top of the view at each. */
  async function both(name: string, card?: string) {
    for (const [width, height, suffix] of [
      [1440, 900, ''],
      [1366, 768, '-1366'],
    ] as const) {
      await page.setViewportSize({ width, height })
      if (card) await page.getByTestId(card).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, `${name}${suffix}`)
    }
    await page.setViewportSize({ width: 1440, height: 900 })
  }

  it('starts a co-op of its own and imports its three fields', async () => {
    await page.goto(server.url)
    await page.getByRole('heading', { name: '欢迎使用丰收规划' }).waitFor()
    await page.getByLabel('合作社名称').fill(COOP)
    await page.getByLabel('所在县（市、区）').fill('榆树市')
    await chooseOption(page, page.getByLabel('所在区域'), '中部')
    await page.getByTestId('start-coop').click()
    await page.getByText('还没有地块').waitFor()
    await page.goto(`${server.url}#/fields`)
    await page.getByRole('button', { name: '导入 CSV' }).click()
    await page
      .getByTestId('csv-file')
      .setInputFiles({ name: '地块.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') })
    await page.getByRole('button', { name: '导入 3 行' }).click()
    await page.getByText('已导入 3 块地').waitFor()
    // last season's harvest, recorded for two of the fields: it must travel with the plan
    const fields = await callApi<{ id: number }[]>(server, 'fields:list')
    await callApi(server, 'actuals:set', {
      seasonYear: 2025,
      rows: fields.slice(0, 2).map((f, i) => ({
        fieldId: f.id,
        yieldKgPerHa: 8250 + i * 375,
        priceYuanPerKg: 2.2,
        costYuanPerHa: null,
      })),
    })
  })

  it('exports the whole plan as a .fengshou.json file', async () => {
    await page.goto(`${server.url}#/exchange`)
    await page.getByRole('heading', { name: '导入/导出' }).waitFor()
    await settle(page)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-button').click(),
    ])
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^${COOP}-\\d{4}-\\d{2}-\\d{2}\\.fengshou\\.json$`),
    )
    exported = readFileSync((await download.path())!)
    const file = JSON.parse(exported.toString('utf8'))
    expect(file).toMatchObject({ format: 'fengshou-plan', version: 2, plan: { workspace: { name: COOP } } })
    expect(file.plan.fields.map((f: { name: string }) => f.name)).toEqual(FIELDS)
    expect(file.seasons.actuals.map((a: { yieldKgPerHa: number }) => a.yieldKgPerHa)).toEqual([8250, 8625])
    await page.getByTestId('export-done').waitFor()
    expect(await page.getByTestId('export-done').textContent()).toMatch(
      /^已导出 .+\.fengshou\.json（\d+ KB）$/,
    )
    await both('exchange-export')
  })

  it('previews the file, then imports it as a second workspace and opens it', async () => {
    await page.getByTestId('plan-file-input').setInputFiles({
      name: `${COOP}.fengshou.json`,
      mimeType: 'application/json',
      buffer: exported,
    })
    const preview = page.getByTestId('plan-file-preview')
    await preview.waitFor()
    const text = (await preview.textContent()) ?? ''
    expect(text).toContain(`${COOP}（榆树市）`)
    expect(text).toContain('3 块')
    expect(text).toContain('校验和一致')
    expect(text).toContain('第 2 版格式')
    expect(await page.getByTestId('plan-file-seasons').textContent()).toBe('1 季，2 条实收')
    // merging it into the workspace it came from: nothing to decide, and the actuals stay behind
    await page.getByTestId('import-merge-start').click()
    await page.getByText('没有冲突').waitFor()
    expect(await page.getByTestId('merge-no-actuals').textContent()).toContain('不带入实收记录')
    await both('exchange-preview', 'import-card')

    await page.getByTestId('import-as-workspace').click()
    const done = page.getByTestId('imported-workspace')
    await done.waitFor()
    expect(await done.textContent()).toContain(`已导入为新工作区“${COOP} (2)”（3 块地）`)
    await both('exchange-imported', 'import-card')

    await page.getByTestId('open-imported').click()
    await page.waitForURL(/#\/fields$/)
    await page.getByText(FIELDS[2]!).first().waitFor()
    for (const name of FIELDS) expect(await page.getByText(name, { exact: true }).count()).toBeGreaterThan(0)
    expect(await page.getByTestId('workspace-switcher').textContent()).toContain(`${COOP} (2)`)
    // the opened workspace holds last season's harvest as it was recorded
    const season = await callApi<{ records: { yieldKgPerHa: number; priceYuanPerKg: number }[] }>(
      server,
      'actuals:list',
      { seasonYear: 2025 },
    )
    expect(season.records.map((r) => [r.yieldKgPerHa, r.priceYuanPerKg])).toEqual([
      [8250, 2.2],
      [8625, 2.2],
    ])
    await both('exchange-opened-fields')
  })

  it('a file from the county station that disagrees lists each conflict and merges only when each has a choice', async () => {
    await page.goto(`${server.url}#/exchange`)
    await page.getByRole('heading', { name: '导入/导出' }).waitFor()
    // The agronomist measured 北岗一号地 again and suggests HSF on it and on a field not entered here.
    const file = JSON.parse(exported.toString('utf8'))
    const first = file.plan.fields[0]
    first.areaHa += 1
    const added = { ...first, id: 900, name: '河西新开地', areaHa: 3 }
    file.plan.fields.push(added)
    file.plan.scenarios.push({
      id: 90,
      name: '县站建议：建高标准农田',
      seasonYear: 2026,
      isBaseline: false,
      note: '',
      changes: [first.id, 900].map((fieldId) => ({
        fieldId,
        buildHsf: true,
        varietyId: null,
        densityPlantsPerHa: null,
        waterRegime: null,
      })),
    })
    // the checksum made again as the format defines it: the seasons last, when the file carries them
    const body = JSON.stringify([
      file.savedAt,
      file.appVersion ?? null,
      file.plan,
      file.versions ?? null,
      ...(file.seasons === undefined ? [] : [file.seasons]),
    ])
    file.checksum = `sha256:${createHash('sha256').update(body).digest('hex')}`
    await page.getByTestId('plan-file-input').setInputFiles({
      name: '县站建议.fengshou.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file), 'utf8'),
    })
    await page.getByTestId('plan-file-preview').waitFor()
    await page.getByTestId('import-merge-start').click()
    const conflicts = page.getByTestId('conflicts')
    await conflicts.waitFor()
    const text = (await conflicts.textContent()) ?? ''
    expect(text).toContain(`地块“${FIELDS[0]}”在两边的数据不同：面积`)
    expect(text).toContain('方案“县站建议：建高标准农田”用到地块“河西新开地”，本工作区没有这块地')
    await page.getByTestId('import-merge').click()
    expect(await page.getByTestId('import-problem').textContent()).toBe(
      '还有 2 处冲突没有选择处理方式；每处都选好后才能合并',
    )
    await both('exchange-conflicts', 'import-card')
    await page
      .getByRole('radiogroup', { name: `“${FIELDS[0]}”的处理方式` })
      .getByText('保留我的')
      .click()
    await page.getByRole('radiogroup', { name: '“河西新开地”的处理方式' }).getByText('添加这块地').click()
    await page.getByTestId('import-merge').click()
    const merged = page.getByTestId('merged')
    await merged.waitFor()
    expect(await merged.textContent()).toContain('新增方案 1 个，替换方案 0 个，新增地块 1 块，更新地块 0 块')
    await both('exchange-merged', 'import-card')
  })

  it('a damaged file is refused in words', async () => {
    await page.goto(`${server.url}#/exchange`)
    await page.getByRole('heading', { name: '导入/导出' }).waitFor()
    const damaged = exported.toString('utf8').replace(FIELDS[0]!, '北岗1号地')
    await page.getByTestId('plan-file-input').setInputFiles({
      name: 'damaged.fengshou.json',
      mimeType: 'application/json',
      buffer: Buffer.from(damaged, 'utf8'),
    })
    const problem = page.getByTestId('import-problem')
    await problem.waitFor()
    expect(await problem.textContent()).toBe('文件保存后被改动过或已损坏（校验和不符）')
    await both('exchange-refused', 'import-card')
    expect(errors).toEqual([])
  })
})
