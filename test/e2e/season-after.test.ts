import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { WorkspaceList } from '../../app/contract/contract'
import type { Field } from '../../engine/schemas/field'
import type { Plan, Scenario } from '../../engine/schemas/plan'
import { FIELDS_CSV_HEADER, gb18030 } from '../helpers/csv'
import { actualsCsv, dripBiasedActuals } from '../helpers/harvest'
import { browserSession, callApi, chooseOption, screenshot, settle } from './harness'

// Issue 13's whole journey, as the county station's agronomist lives it: a co-op's plan comes out
// of its workspace as a plan file, goes into the station's laptop as a workspace of its own, and
// after the harvest the station enters the co-op's actuals there from a CSV, reads plan against
// actual, accepts the drip calibration, and the scenario's results move. The co-op's own
// workspace is not touched by any of it.

const COOP = '东升玉米种植专业合作社'

/** Ten maize fields, rainfed, with two years of history in 斤/亩; the co-op's own list. */
function fieldsCsv(): string {
  const rows = Array.from({ length: 10 }, (_, i) =>
    [
      `东升${i + 1}号地`,
      '东升村',
      '新立镇',
      String(60 + 15 * i),
      '玉米',
      '',
      '4500',
      '雨养',
      '否',
      '无',
      '2700',
      '2',
      '中部',
      String(1150 + 20 * (i % 4)),
      String(1180 + 20 * (i % 3)),
    ].join(','),
  )
  return [FIELDS_CSV_HEADER, ...rows].join('\r\n')
}

describe('a plan file to a second workspace, and the season after in it', () => {
  const s = browserSession({ width: 1440, height: 900, acceptDownloads: true })
  const year = new Date().getFullYear()
  const api = <T = unknown>(channel: string, input: unknown = {}) => callApi<T>(s.server, channel, input)
  let exported: Buffer
  let coopId = ''

  it('exports the co-op’s plan, with its drip scenario, from the 导入/导出 screen', async () => {
    await api('workspaces:create', {
      kind: 'coop',
      name: COOP,
      county: '榆树市',
      region: 'central',
      locale: 'zh-CN',
      areaUnit: 'mu',
      massUnit: 'jin',
    })
    coopId = (await api<WorkspaceList>('workspaces:list')).current!
    await api('fields:importCsv', {
      base64: gb18030(fieldsCsv()).toString('base64'),
      mapping: null,
      units: { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' },
    })
    const fields = await api<Field[]>('fields:list')
    const scenario = await api<Scenario>('scenarios:create', {
      name: '一半地块改滴灌',
      seasonYear: year,
      note: '',
      copyFromId: null,
    })
    await api('scenarios:apply', {
      scenarioId: scenario.id,
      fieldIds: fields.filter((_, i) => i % 2 === 0).map((f) => f.id),
      edit: { waterRegime: 'drip' },
    })

    await s.page.goto(`${s.server.url}#/exchange`)
    await s.page.getByRole('heading', { name: '导入/导出' }).waitFor()
    await settle(s.page)
    const [download] = await Promise.all([
      s.page.waitForEvent('download'),
      s.page.getByTestId('export-button').click(),
    ])
    exported = readFileSync((await download.path())!)
    const file = JSON.parse(exported.toString('utf8')) as { plan: Plan }
    expect(file.plan.workspace.name).toBe(COOP)
    expect(file.plan.scenarios.map((x) => x.name)).toContain('一半地块改滴灌')
  })

  it('imports it as a second workspace and opens it', async () => {
    await s.page.getByTestId('plan-file-input').setInputFiles({
      name: `${COOP}.fengshou.json`,
      mimeType: 'application/json',
      buffer: exported,
    })
    await s.page.getByTestId('plan-file-preview').waitFor()
    await expect(s.page.getByTestId('plan-file-preview').textContent()).resolves.toContain('10 块')
    await s.page.getByTestId('import-as-workspace').click()
    await s.page.getByTestId('imported-workspace').waitFor()
    await s.page.getByTestId('open-imported').click()
    await s.page.waitForURL(/#\/fields$/)
    await expect(s.page.getByTestId('workspace-switcher').textContent()).resolves.toContain(`${COOP} (2)`)
    const list = await api<WorkspaceList>('workspaces:list')
    expect(list.current).not.toBe(coopId)
  })

  it('enters the season’s actuals by CSV there and sets the plan against them', async () => {
    const plan = await api<Plan>('plan:get')
    expect(plan.workspace.name).toBe(`${COOP} (2)`)
    const drip = plan.scenarios.find((x) => x.name === '一半地块改滴灌')!
    // The co-op's drip fields did 10 % better than the plan assumed.
    const records = dripBiasedActuals(plan, { seasonYear: year, scenarioId: drip.id }, 0.1)
    await s.page.goto(`${s.server.url}#/harvest`)
    await s.page.getByRole('heading', { name: '实收与校准' }).waitFor()
    await chooseOption(
      s.page,
      s.page.getByRole('combobox', { name: '这一季实际执行的方案' }),
      '一半地块改滴灌',
    )
    await s.page.getByText('已记录这一季实际执行的方案').waitFor()
    await s.page.getByTestId('actuals-import-open').click()
    await s.page.getByTestId('actuals-csv-file').setInputFiles({
      name: '实收.csv',
      mimeType: 'text/csv',
      buffer: gb18030(actualsCsv(plan, records)),
    })
    await s.page.getByTestId('actuals-csv-summary').waitFor()
    await s.page.locator('#actuals-import').click()
    await s.page.getByText(`已导入 ${records.length} 条实收`).waitFor()

    await s.page.getByRole('tab', { name: '计划与实收对比' }).click()
    await s.page.getByTestId('plan-vs-actual').waitFor()
    // Half the area 10 % above plan: the total is several per cent above.
    const total = (await s.page.getByTestId('total-error').textContent()) ?? ''
    const pct = Number(/比计划 \+(\d+\.\d) %/.exec(total)?.[1])
    expect(pct).toBeGreaterThan(2)
    expect(pct).toBeLessThan(10)
    await settle(s.page)
    await screenshot(s.page, 'season-after-compare-zh-CN')
  })

  it('accepts the drip calibration; the scenario’s production moves, and the co-op’s own workspace does not', async () => {
    await s.page.getByRole('tab', { name: '校准建议' }).click()
    await s.page.getByTestId('proposal-drip').waitFor()
    await s.page.getByTestId('accept-drip').click()
    const row = s.page.getByTestId('calibration-moved').locator('tr', { hasText: '一半地块改滴灌' })
    await row.waitFor()
    const [before, after] = [...((await row.textContent()) ?? '').matchAll(/([\d,]+) 斤/g)].map((m) =>
      Number(m[1]!.replaceAll(',', '')),
    )
    expect(after!).toBeGreaterThan(before! * 1.02)
    await settle(s.page)
    await screenshot(s.page, 'season-after-accepted-zh-CN')

    // The station's copy carries the override with its evidence; the co-op's own file does not.
    const here = await api<{ key: string; isOverridden: boolean }[]>('assumptions:list')
    expect(here.find((a) => a.key === 'water.factor.drip')!.isOverridden).toBe(true)
    await api('workspaces:open', { id: coopId })
    const theirs = await api<{ key: string; isOverridden: boolean }[]>('assumptions:list')
    expect(theirs.find((a) => a.key === 'water.factor.drip')!.isOverridden).toBe(false)
    expect(s.errors).toEqual([])
  })
})
