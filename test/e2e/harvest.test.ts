import { describe, expect, it } from 'vitest'
import type { Field } from '../../engine/schemas/field'
import type { Plan, Scenario } from '../../engine/schemas/plan'
import { FIELDS_CSV_HEADER, gb18030 } from '../helpers/csv'
import { actualsCsv, dripBiasedActuals } from '../helpers/harvest'
import { browserSession, callApi, chooseOption, screenshot, settle } from './harness'

// After the harvest, in a co-op's own workspace: it moved half its rainfed maize to drip this
// season and drip did 10 % better than the plan assumed. The manager records the scenario carried
// out, imports the actuals from a GB18030 CSV, sets the plan against them, and accepts the drip
// calibration proposal; the scenario's production moves.

/** The co-op's own field list: 12 maize and 4 soybean fields in 红旗村, histories in 斤/亩. */
function coopFieldsCsv(): string {
  const rows = Array.from({ length: 16 }, (_, i) => {
    const maize = i < 12
    const y = (base: number) => String(base + 20 * (i % 5))
    return [
      `红旗${i + 1}号地`,
      '红旗村',
      '新立镇',
      String(80 + 10 * i),
      maize ? '玉米' : '大豆',
      '',
      maize ? '4500' : '15000',
      '雨养',
      '否',
      '无',
      '2700',
      '2',
      '中部',
      y(maize ? 1150 : 340),
      y(maize ? 1200 : 360),
    ].join(',')
  })
  return [FIELDS_CSV_HEADER, ...rows].join('\r\n')
}
describe('harvest and calibration (实收与校准)', () => {
  const s = browserSession({ width: 1440, height: 900 })
  const year = new Date().getFullYear()

  const api = <T = unknown>(channel: string, input: unknown = {}) => callApi<T>(s.server, channel, input)

  let csv: Buffer
  let rows = 0

  it('records the scenario carried out and imports the season’s actuals from a CSV', async () => {
    await api('workspaces:create', {
      kind: 'coop',
      name: '红旗粮食种植专业合作社',
      county: '榆树市',
      region: 'central',
      locale: 'zh-CN',
      areaUnit: 'mu',
      massUnit: 'jin',
    })
    await api('fields:importCsv', {
      base64: gb18030(coopFieldsCsv()).toString('base64'),
      mapping: null,
      units: { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' },
    })
    const fields = await api<Field[]>('fields:list')
    const maize = fields.filter((f) => f.crop === 'maize' && f.waterRegime === 'rainfed')
    const scenario = await api<Scenario>('scenarios:create', {
      name: '滴灌改造',
      seasonYear: year,
      note: '',
      copyFromId: null,
    })
    await api('scenarios:apply', {
      scenarioId: scenario.id,
      fieldIds: maize.filter((_, i) => i % 2 === 0).map((f) => f.id),
      edit: { waterRegime: 'drip' },
    })
    const plan = await api<Plan>('plan:get')
    const records = dripBiasedActuals(plan, { seasonYear: year, scenarioId: scenario.id }, 0.1)
    rows = records.length
    csv = gb18030(actualsCsv(plan, records))

    await s.page.goto(`${s.server.url}#/harvest`)
    await s.page.getByRole('heading', { name: '实收与校准' }).waitFor()
    await expect(s.page.locator('body').textContent()).resolves.not.toContain('示例数据')
    await chooseOption(s.page, s.page.getByRole('combobox', { name: '这一季实际执行的方案' }), '滴灌改造')
    await s.page.getByText('已记录这一季实际执行的方案').waitFor()

    await s.page.getByTestId('actuals-import-open').click()
    await s.page
      .getByTestId('actuals-csv-file')
      .setInputFiles({ name: '实收.csv', mimeType: 'text/csv', buffer: csv })
    const summary = s.page.getByTestId('actuals-csv-summary')
    await summary.waitFor()
    await expect(summary.textContent()).resolves.toBe(
      `编码 GB18030，共 ${rows} 行，季节 ${year}：新增 ${rows} 条，修改 0 条，与已录入相同 0 条`,
    )
    await expect(s.page.getByTestId('actuals-csv-preview').textContent()).resolves.toContain('斤/亩')
    await screenshot(s.page, 'harvest-csv-preview-1440')
    await s.page.locator('#actuals-import').click()
    await s.page.getByText(`已导入 ${rows} 条实收`).waitFor()
    await settle(s.page)
    await s.page.getByText(`本季已录入 ${rows} / ${rows} 块地`).waitFor()
    await screenshot(s.page, 'harvest-entry-1440')
  })

  it('sets the plan against the actuals: production above plan, by group and by crop', async () => {
    await s.page.getByRole('tab', { name: '计划与实收对比' }).click()
    const view = s.page.getByTestId('plan-vs-actual')
    await view.waitFor()
    await settle(s.page)
    const total = await s.page.getByTestId('total-error').textContent()
    expect(total).toMatch(/^比计划 \+\d+\.\d %$/)
    await expect(view.textContent()).resolves.toContain('按方案「滴灌改造」的预测')
    await expect(s.page.getByTestId('rollup-crop').textContent()).resolves.toContain('玉米')
    await expect(s.page.getByTestId('field-comparison').textContent()).resolves.toContain(
      '红旗1号地（红旗村）',
    )
    await screenshot(s.page, 'harvest-compare-1440')
  })

  it('accepts the drip proposal with its evidence, and the scenario’s production moves', async () => {
    await s.page.getByRole('tab', { name: '校准建议' }).click()
    const card = s.page.getByTestId('proposal-drip')
    await card.waitFor()
    await expect(card.textContent()).resolves.toMatch(/滴灌地块平均比预测高 \d+\.\d%/)
    await screenshot(s.page, 'harvest-calibration-1440')
    await s.page.getByTestId('accept-drip').click()
    const moved = s.page.getByTestId('calibration-moved')
    await moved.waitFor()
    const row = moved.locator('tr', { hasText: '滴灌改造' })
    const text = (await row.textContent()) ?? ''
    const [before, after] = [...text.matchAll(/([\d,]+) 斤/g)].map((m) => Number(m[1]!.replaceAll(',', '')))
    expect(after!).toBeGreaterThan(before!)
    const drip = (await api<{ key: string; note: string; isOverridden: boolean }[]>('assumptions:list')).find(
      (a) => a.key === 'water.factor.drip',
    )!
    expect(drip.isOverridden).toBe(true)
    expect(drip.note).toMatch(new RegExp(`^依据本社 1 季（${year} 年）\\d+ 块地的实收：滴灌地块平均比预测高`))
    await screenshot(s.page, 'harvest-accepted-1440')
  })

  it('reads at 1366×768 too', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await s.page.getByRole('tab', { name: '计划与实收对比' }).click()
    await s.page.getByTestId('plan-vs-actual').waitFor()
    await screenshot(s.page, 'harvest-compare-1366')
    await s.page.getByRole('tab', { name: '录入实收' }).click()
    await screenshot(s.page, 'harvest-entry-1366')
    expect(s.errors).toEqual([])
  })
})
