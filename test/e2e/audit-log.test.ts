import { describe, expect, it } from 'vitest'
import { browserSession, callApi, chooseOption, screenshot, settle } from './harness'

// A co-op manager makes a few changes, then opens the change log (修改记录) to see who changed
// what and when, as sentences in Chinese, and narrows it by what was changed, by words and by date.
describe('change log', () => {
  const s = browserSession({ width: 1366, height: 768 })

  const api = <T = unknown>(channel: string, input: unknown = {}) => callApi<T>(s.server, channel, input)

  const entries = () => s.page.getByTestId('audit-entry')
  /** Picks one more kind in 改了什么; the multiple select stays open until Escape. */
  async function pickWhat(label: string) {
    await chooseOption(s.page, s.page.getByRole('combobox', { name: '改了什么' }), label)
    await s.page.keyboard.press('Escape')
  }
  const sentence = /^\d{4}-\d\d-\d\d \d\d:\d\d local-user /

  it('records a field edited in the form, a scenario renamed and an assumption changed', async () => {
    await s.page.goto(`${s.server.url}#/fields`)
    await s.page.getByRole('button', { name: '编辑 东岗一号地' }).click()
    await s.page.getByLabel('备注').fill('已深松，改滴灌')
    await s.page.getByRole('spinbutton', { name: '种植密度（株/亩）' }).fill('4800')
    await s.page.getByTestId('field-save').click()
    await s.page.getByText('已保存地块“东岗一号地”').waitFor()

    const scenario = (await api('scenarios:create', {
      name: '滴灌试点',
      seasonYear: 2026,
      note: '',
      copyFromId: null,
    })) as { id: number }
    await api('scenarios:rename', { id: scenario.id, name: '滴灌试点（东岗）' })
    await api('assumptions:set', {
      key: 'price.maize',
      value: 2.3,
      low: 2,
      high: 2.6,
      note: '县粮库 2026 年收购价',
      revision: null,
    })
  })

  it('reads the changes as sentences in Chinese, newest first, with the field’s items named', async () => {
    await s.page.getByRole('menuitem', { name: '修改记录' }).click()
    await s.page.getByRole('heading', { name: '修改记录' }).waitFor()
    await entries().first().waitFor()
    await settle(s.page)
    const texts = await entries().allTextContents()
    expect(texts[0]).toMatch(sentence)
    expect(texts[0]).toContain(
      '修改了假设「玉米价格」：取值 1.15 元/斤，范围 1 – 1.3 元/斤理由：县粮库 2026 年收购价',
    )
    expect(texts[1]).toMatch(/local-user 把方案「滴灌试点」改名为「滴灌试点（东岗）」$/)
    expect(texts[2]).toMatch(/local-user 新建了方案「滴灌试点」$/)
    const field = texts.find((t) => t.includes('地块「东岗一号地」'))!
    expect(field).toMatch(/local-user 修改了地块「东岗一号地」：密度、备注/)
    expect(field).toContain('密度：')
    expect(field).toContain('→ 4,800 株/亩')
    expect(field).toContain('备注：')
    expect(field).toContain('→ 「已深松，改滴灌」')
    expect(texts.at(-1)).toMatch(/local-user 建立了示例数据（24 块地块）$/)
    // never the stored form: no JSON, no field keys
    for (const text of texts) expect(text).not.toMatch(/[{}"]|densityPlantsPerHa|price\.maize/)
    await expect(s.page.getByTestId('audit-count').textContent()).resolves.toBe(`共 ${texts.length} 条`)
    await screenshot(s.page, 'audit-zh-CN-1366x768')
    expect(s.errors).toEqual([])
  })

  it('filters by what was changed, by words and by date, and says when nothing matches', async () => {
    await pickWhat('方案')
    await expect.poll(() => entries().count()).toBe(2)
    await expect(entries().allTextContents()).resolves.toEqual([
      expect.stringMatching(/把方案「滴灌试点」改名为「滴灌试点（东岗）」$/),
      expect.stringMatching(/新建了方案「滴灌试点」$/),
    ])
    await s.page.getByRole('button', { name: '清除筛选' }).click()
    await s.page.getByRole('searchbox', { name: '搜索名称、操作人或内容' }).fill('东岗一号地')
    await s.page.getByRole('button', { name: /搜\s*索/ }).click()
    await expect.poll(() => entries().count()).toBe(1)
    await expect(entries().first().textContent()).resolves.toContain('修改了地块「东岗一号地」')

    // From tomorrow on there is nothing yet; from today on the change is there again.
    const day = (offset: number) => {
      const d = new Date()
      d.setDate(d.getDate() + offset)
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    }
    await s.page.getByLabel('从（日期）').fill(day(1))
    await s.page.getByText('没有符合筛选条件的记录。可以放宽日期范围，或点“清除筛选”。').waitFor()
    await s.page.getByLabel('从（日期）').fill(day(0))
    await expect.poll(() => entries().count()).toBe(1)
    await s.page.getByLabel('到（日期）').fill(day(-1))
    await s.page.getByText('“从”的日期晚于“到”的日期，请调换后再查。').waitFor()
    await s.page.getByRole('button', { name: '清除筛选' }).click()
    await expect.poll(() => entries().count()).toBeGreaterThan(4)
    expect(s.errors).toEqual([])
  })

  it('keeps a long log fast: a page at a time, and only the rows in view are drawn', async () => {
    const scenario = (await api('scenarios:create', {
      name: '改名测试',
      seasonYear: 2026,
      note: '',
      copyFromId: null,
    })) as { id: number }
    for (let i = 1; i <= 300; i++) await api('scenarios:rename', { id: scenario.id, name: `改名测试 ${i}` })
    await s.page.reload()
    await entries().first().waitFor()
    await expect(entries().first().textContent()).resolves.toMatch(
      /把方案「改名测试 299」改名为「改名测试 300」$/,
    )
    await expect(s.page.getByTestId('audit-count').textContent()).resolves.toBe(
      '已显示 200 条，还有更早的记录',
    )
    expect(await entries().count()).toBeLessThan(40)
    await s.page.getByRole('button', { name: '加载更早的记录' }).click()
    await expect.poll(() => s.page.getByTestId('audit-count').textContent()).toBe('共 306 条')
    expect(await entries().count()).toBeLessThan(40)
    // the oldest entry is reached by scrolling the list itself
    await s.page.locator('[data-testid="audit-list"] .ant-table-tbody-virtual-holder').evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    await s.page.getByText('建立了示例数据（24 块地块）').waitFor()
    expect(s.errors).toEqual([])
  })

  it('fits a wider screen, and reads in English with hectares', async () => {
    await s.page.setViewportSize({ width: 1440, height: 900 })
    await pickWhat('地块')
    await pickWhat('假设')
    await expect.poll(() => entries().count()).toBe(2)
    await screenshot(s.page, 'audit-zh-CN-1440x900')
    await api('workspace:update', { locale: 'en', areaUnit: 'ha' })
    await s.page.reload()
    await s.page.getByRole('heading', { name: 'Change log' }).waitFor()
    await entries().first().waitFor()
    await chooseOption(s.page, s.page.getByRole('combobox', { name: 'What changed' }), 'Fields')
    await s.page.keyboard.press('Escape')
    await expect.poll(() => entries().count()).toBe(1)
    const field = (await entries().allTextContents()).find((t) => t.includes('“东岗一号地”'))!
    expect(field).toMatch(/changed field “东岗一号地”: density, note/)
    expect(field).toContain('→ 72,000 plants/ha')
    await screenshot(s.page, 'audit-en-1440x900')
    await api('workspace:update', { locale: 'zh-CN', areaUnit: 'mu' })
    expect(s.errors).toEqual([])
  })
})
