import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../../renderer/src/features/shell/routes'
import { gb18030 } from '../helpers/csv'
import {
  chooseOption,
  currentWorkspaceFile,
  demoTextOnScreens,
  launchBrowser,
  newPage,
  type RunningServer,
  removeTempDataDir,
  screenshot,
  settle,
  startServer,
  switchOn,
  tempDataDir,
  watchConsole,
} from './harness'

// A western co-op's manager imports the 60-field list WPS saved as GB18030: yield history in every
// header shape co-ops write, a few mistakes the dialog must name at the row WPS shows, then the
// fixed file, and every year's yield lands in the database in kg/ha.

const THIS_YEAR = new Date().getFullYear()
const FIELDS = 60

/** Each yield column: its header, its year, and how a yield in 斤/亩 is written in it. */
const YIELD_COLUMNS: { header: string; year: number; write: (jinPerMu: number) => string }[] = [
  { header: '单产2024', year: 2024, write: (v) => String(v) },
  { header: '2023年单产（斤/亩）', year: 2023, write: (v) => String(v) },
  { header: '2022', year: 2022, write: (v) => String(v) },
  { header: '2021年', year: 2021, write: (v) => String(v) },
  { header: '2020单产', year: 2020, write: (v) => String(v) },
  { header: '2019年亩产', year: 2019, write: (v) => String(v) },
  { header: '亩产2018（公斤）', year: 2018, write: (v) => String(v / 2) },
  { header: 'yield_2017', year: 2017, write: (v) => String(v) },
  { header: '2016 yield (kg/ha)', year: 2016, write: (v) => String(v * 7.5) },
  { header: '2015年单产（吨/公顷）', year: 2015, write: (v) => String((v * 7.5) / 1000) },
]

/** Field i's yield in year y, in 斤/亩: different for every field and year. */
const jinPerMu = (i: number, year: number) => 1000 + 4 * i + 10 * (year - 2015)
const nameOf = (i: number) => `西岗${i}号地`

type Mistakes = { area?: number; yieldCell?: number; duplicate?: number; crop?: number; future?: number }

/**
 * The co-op's file as WPS saves it: header row 1, then one row per field, a blank row after the
 * 30th field and a note with a line break (still one spreadsheet row). `mistakes` puts one
 * mistake at the field with that index.
 */
function coopCsv(mistakes: Mistakes = {}): string {
  const future = mistakes.future === undefined ? [] : [`${THIS_YEAR + 1}年单产`]
  const header = [
    '地块名称',
    '村',
    '面积（亩）',
    '作物',
    '密度（株/亩）',
    '备注',
    ...YIELD_COLUMNS.map((c) => c.header),
  ]
  const lines = [[...header, ...future].join(',')]
  for (let i = 1; i <= FIELDS; i++) {
    const cells = [
      i === mistakes.duplicate ? nameOf(2) : nameOf(i),
      '西岗村',
      i === mistakes.area ? '12.5亩' : String(10 + i),
      i === mistakes.crop ? '高粱' : '玉米',
      '4500',
      i === 7 ? '"低洼地\n雨后积水"' : '',
      ...YIELD_COLUMNS.map((c) =>
        i === mistakes.yieldCell && c.year === 2021 ? '一千一' : c.write(jinPerMu(i, c.year)),
      ),
    ]
    if (mistakes.future !== undefined) cells.push(i === mistakes.future ? '1500' : '')
    lines.push(cells.join(','))
    if (i === 30) lines.push('')
  }
  return `${lines.join('\r\n')}\r\n`
}

/** The spreadsheet row of field i: the header is row 1, and the blank row after field 30 counts. */
const rowOf = (i: number) => (i <= 30 ? i + 1 : i + 2)

describe('a co-op imports its own field list with yield history', () => {
  let dataDir: string
  let server: RunningServer
  let browser: Browser
  let page: Page
  let errors: string[]

  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startServer(dataDir, { start: 'welcome' })
    browser = await launchBrowser()
    page = await newPage(browser, { viewport: { width: 1366, height: 768 } })
    errors = watchConsole(page)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    removeTempDataDir(dataDir)
  })

  const chooseFile = (text: string, name = '合作社地块.csv') =>
    page.getByTestId('csv-file').setInputFiles({ name, mimeType: 'text/csv', buffer: gb18030(text) })

  it('starts a western co-op of its own', async () => {
    await page.goto(server.url)
    await page.getByRole('heading', { name: '欢迎使用丰收规划' }).waitFor()
    await page.getByLabel('合作社名称').fill('西岗玉米种植专业合作社')
    await page.getByLabel('所在县（市、区）').fill('镇赉县')
    await chooseOption(page, page.getByLabel('所在区域'), '西部')
    await page.getByTestId('start-coop').click()
    await page.getByText('还没有地块').waitFor()
  })

  it('names every mistake at the row WPS shows, and imports nothing until they are fixed', async () => {
    await page.goto(`${server.url}#/fields`)
    await page.getByRole('button', { name: '导入 CSV' }).click()
    await chooseFile(coopCsv({ area: 4, yieldCell: 9, duplicate: 14, crop: 33, future: 40 }))
    const problems = page.getByTestId('csv-problems')
    await problems.waitFor()
    const text = (await problems.textContent()) ?? ''
    expect(text).toContain(`第 1 行「${THIS_YEAR + 1}年单产」：${THIS_YEAR + 1} 年的收获还没到`)
    expect(text).toContain(`第 ${rowOf(4)} 行「面积（亩）」：“12.5亩”不是数字`)
    expect(text).toContain(`第 ${rowOf(9)} 行「2021年」：“一千一”不是数字`)
    expect(text).toContain(
      `第 ${rowOf(14)} 行「地块名称」：「${nameOf(2)}」在文件里出现了两次，第一次在第 3 行`,
    )
    // Field 33 sits after the blank row: WPS shows it at row 35.
    expect(text).toContain(`第 ${rowOf(33)} 行「作物」：`)
    expect(rowOf(33)).toBe(35)
    expect(await problems.locator('li').count()).toBe(5)
    expect(await page.getByRole('button', { name: /导入 \d+ 行/ }).isDisabled()).toBe(true)
    await screenshot(page, 'coop-import-problems-zh-CN-1366')
    await page.setViewportSize({ width: 1440, height: 900 })
    await screenshot(page, 'coop-import-problems-zh-CN')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('shows what the fixed file will do: header units, region defaults, 60 new fields', async () => {
    await chooseFile(coopCsv())
    await page.getByText('没有发现问题，可以导入。').waitFor()
    expect(await page.getByTestId('csv-summary').textContent()).toContain(
      '新增 60 块 · 更新 0 块 · 跳过 0 行',
    )
    const units = (await page.getByTestId('csv-header-units').textContent()) ?? ''
    expect(units).toContain('「亩产2018（公斤）」按表头的 公斤/亩 换算（上面选的是 斤/亩）')
    expect(units).toContain('「2016 yield (kg/ha)」按表头的 公斤/公顷 换算')
    expect(units).toContain('「2015年单产（吨/公顷）」按表头的 吨/公顷 换算')
    const defaults = (await page.getByTestId('csv-defaults').textContent()) ?? ''
    expect(defaults).toContain('「积温」2,900 °C·d 由西部平原的区域默认值补入，共 60 块')
    expect(defaults).toContain('「地力等级」6 等 由西部平原的区域默认值补入，共 60 块')
    expect(defaults).toContain('可信度：未核实')
    // What each column was recognised as: the year and unit read from the header.
    const mapping = page.getByTestId('csv-mapping')
    const rowFor = (header: string) => mapping.locator('tr', { has: page.getByText(header, { exact: true }) })
    expect(await rowFor('2016 yield (kg/ha)').textContent()).toContain('2016 年单产')
    expect(await rowFor('2016 yield (kg/ha)').textContent()).toContain('公斤/公顷（按表头，与所选不同）')
    expect(await rowFor('单产2024').textContent()).toContain('斤/亩（按所选）')
    await screenshot(page, 'coop-import-ready-zh-CN-1366')
    await page.setViewportSize({ width: 1440, height: 900 })
    await screenshot(page, 'coop-import-ready-zh-CN')
    // The yield columns, each with the year and unit read from its header.
    await rowFor('2020单产').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await mapping.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await screenshot(page, 'coop-import-mapping-zh-CN')
    await page.setViewportSize({ width: 1366, height: 768 })
  })

  it('imports all 60 fields with every year of history, in kg/ha in the file', async () => {
    await page.getByRole('button', { name: '导入 60 行' }).click()
    await page.getByText('已导入 60 块地').waitFor()
    await settle(page)
    const db = new Database(currentWorkspaceFile(dataDir), { readonly: true, fileMustExist: true })
    try {
      const rows = db
        .prepare(
          `SELECT f.name, f.heat_sum_cd AS heat, f.quality_grade AS grade, f.note, y.year, y.yield_kg_per_ha AS kg
           FROM field f JOIN field_yield y ON y.field_id = f.id`,
        )
        .all() as { name: string; heat: number; grade: number; note: string; year: number; kg: number }[]
      expect(rows).toHaveLength(FIELDS * YIELD_COLUMNS.length)
      for (let i = 1; i <= FIELDS; i++) {
        const mine = rows.filter((r) => r.name === nameOf(i))
        expect(mine.map((r) => r.year).sort(), nameOf(i)).toEqual(YIELD_COLUMNS.map((c) => c.year).sort())
        for (const r of mine) expect(r.kg, `${r.name} ${r.year}`).toBeCloseTo(jinPerMu(i, r.year) * 7.5, 6)
        expect(mine[0]).toMatchObject({ heat: 2900, grade: 6 })
      }
      expect(rows.find((r) => r.name === nameOf(7))?.note).toBe('低洼地\n雨后积水')
    } finally {
      db.close()
    }
    expect(errors).toEqual([])
  })

  it('a later file updates the fields it names by name: its year added, every other year kept', async () => {
    const lastSeason = THIS_YEAR - 1
    // The year is mistyped in the header (2052 for 2025); the dialog's year box puts it right.
    const typo = Number(String(lastSeason).replace(/(\d)(\d)$/, '$2$1'))
    const typoHeader = `${typo}年单产（斤/亩）`
    const update = [
      `地块名称,${typoHeader}`,
      ...[3, 4, 5].map((i) => `${nameOf(i)},${jinPerMu(i, lastSeason)}`),
    ].join('\r\n')
    await page.getByRole('button', { name: '导入 CSV' }).click()
    await chooseFile(update, '今年单产.csv')
    await page.getByTestId('csv-problems').waitFor()
    await page.getByText('有 3 行与已有地块同名').waitFor()
    await page.getByTestId('csv-on-existing').getByText('按名称更新已有地块').click()
    await page.getByText('将按名称更新 3 块已有地块').waitFor()
    if (typo > THIS_YEAR) {
      await page.getByText(`第 1 行「${typoHeader}」：${typo} 年的收获还没到`).waitFor()
      await page.getByLabel(`「${typoHeader}」的单产年份`).fill(String(lastSeason))
    }
    await page.getByText('没有发现问题，可以导入。').waitFor()
    const row = page.getByTestId('csv-mapping').locator('tr', { hasText: typoHeader })
    expect(await row.textContent()).toContain('斤/亩（按表头）')
    await screenshot(page, 'coop-import-update-zh-CN-1366')
    await page.getByRole('button', { name: '导入 3 行' }).click()
    await page.getByText('导入完成：新增 0 块，更新 3 块，无变化 0 块，跳过 0 行').waitFor()
    const db = new Database(currentWorkspaceFile(dataDir), { readonly: true, fileMustExist: true })
    try {
      for (const i of [3, 4, 5, 6]) {
        const field = db.prepare('SELECT id, revision FROM field WHERE name = ?').get(nameOf(i)) as {
          id: number
          revision: number
        }
        const years = db
          .prepare('SELECT year, yield_kg_per_ha AS kg FROM field_yield WHERE field_id = ? ORDER BY year')
          .all(field.id) as { year: number; kg: number }[]
        const expected = i === 6 ? YIELD_COLUMNS.length : YIELD_COLUMNS.length + 1
        expect(years, nameOf(i)).toHaveLength(expected)
        expect(field.revision, nameOf(i)).toBe(i === 6 ? 1 : 2)
        for (const y of years) expect(y.kg).toBeCloseTo(jinPerMu(i, y.year) * 7.5, 6)
      }
    } finally {
      db.close()
    }
    expect(errors).toEqual([])
  })

  it('with its own 60 fields, no screen shows a word of the demo', async () => {
    expect(await demoTextOnScreens(page, server.url, ROUTES)).toEqual([])
    expect(errors).toEqual([])
  })

  it('switching 亩 to 公顷 with the scenario editor open keeps the quantity, and stores what the user saw in plants/ha', async () => {
    const density = (unit: '亩' | '公顷') => page.getByRole('spinbutton', { name: `密度（株/${unit}）` })
    await page.goto(`${server.url}#/scenarios`)
    await page.getByRole('button', { name: '新建方案' }).click()
    await page.getByRole('dialog').getByLabel('方案名称').fill('西岗加密')
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click()
    await page.getByText('逐块结果：西岗加密').waitFor()
    await page
      .getByTestId('target-count')
      .filter({ hasText: `共 ${FIELDS} 块地` })
      .waitFor()
    await switchOn(page, '设置密度')
    await density('亩').fill('4667')
    await density('亩').press('Tab')
    await page.locator('[aria-labelledby="area-unit-label"]').getByText('公顷', { exact: true }).click()
    // 4,667 株/亩 × 15 = 70,005 株/公顷: the same quantity in the new unit, never the same digits.
    await expect(density('公顷').inputValue()).resolves.toBe('70,005')
    await page.getByTestId('apply-edit').click()
    await page.getByText(`已应用到 ${FIELDS} 块地`).waitFor()
    const db = new Database(currentWorkspaceFile(dataDir), { readonly: true, fileMustExist: true })
    try {
      const stored = db
        .prepare(
          `SELECT c.density_plants_per_ha AS d FROM scenario_change c JOIN scenario s ON s.id = c.scenario_id
           WHERE s.name = ?`,
        )
        .all('西岗加密') as { d: number }[]
      expect(stored).toHaveLength(FIELDS)
      expect(new Set(stored.map((r) => r.d))).toEqual(new Set([70_005]))
    } finally {
      db.close()
    }
    await page.locator('[aria-labelledby="area-unit-label"]').getByText('亩', { exact: true }).click()
    await expect(density('亩').inputValue()).resolves.toBe('4,667')
    expect(errors).toEqual([])
  })
})
