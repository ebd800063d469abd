import { describe, expect, it } from 'vitest'
import type { CalibrationProposal } from '../../engine/actuals/types'
import type { VersionSummary } from '../../engine/board/version'
import type { Field } from '../../engine/schemas/field'
import type { Plan, Scenario } from '../../engine/schemas/plan'
import { gb18030 } from '../helpers/csv'
import { actualsCsv, dripBiasedActuals } from '../helpers/harvest'
import { MEMBERS_VOTE } from '../helpers/version'
import { browserSession, callApi, chooseOption, screenshot, settle } from './harness'

// The board approved a drip plan in spring; after the harvest the co-op calibrated its drip
// assumption from the season. Plan against actual still reads against the approved version — the
// plan as decided — and today's plan, calibrated, is one choice away.
describe('plan against actual, against the version the board approved', () => {
  const s = browserSession({ width: 1440, height: 900 })
  const year = new Date().getFullYear()
  const api = <T = unknown>(channel: string, input: unknown = {}) => callApi<T>(s.server, channel, input)

  it('reads against the approved version by default, and against today’s calibrated plan on request', async () => {
    const maize = (await api<Field[]>('fields:list')).filter(
      (f) => f.crop === 'maize' && f.waterRegime === 'rainfed',
    )
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
    const version = await api<VersionSummary>('versions:freeze', {
      title: '春播方案',
      note: '',
      author: '李经理',
    })
    await api('versions:submit', { id: version.id, author: '李经理' })
    await api('versions:decide', {
      versionId: version.id,
      meetingDate: `${year}-03-01`,
      vote: MEMBERS_VOTE,
      outcome: 'approved',
      scenarioId: scenario.id,
      resolution: '同意按滴灌改造方案实施。',
      recordedBy: '王会计',
    })
    await api('actuals:setScenario', { seasonYear: year, scenarioId: scenario.id })
    const plan = await api<Plan>('plan:get')
    await api('actuals:importCsv', {
      base64: gb18030(
        actualsCsv(plan, dripBiasedActuals(plan, { seasonYear: year, scenarioId: scenario.id }, 0.1)),
      ).toString('base64'),
      units: { yieldMass: 'jin', yieldArea: 'mu', priceMass: 'jin', costArea: 'mu' },
    })
    const drip = (await api<CalibrationProposal[]>('calibration:list')).find((p) => p.factor === 'drip')!
    await api('calibration:accept', {
      factor: 'drip',
      proposedValue: drip.proposedValue,
      note: '依据本社实收',
    })

    await s.page.goto(`${s.server.url}#/harvest`)
    await s.page.getByRole('heading', { name: '实收与校准' }).waitFor()
    await s.page.getByRole('tab', { name: '计划与实收对比' }).click()
    const intro = s.page.getByTestId('plan-vs-actual-intro')
    await intro.waitFor()
    await expect(intro.textContent()).resolves.toMatch(
      new RegExp(`^${year} 年按第 1 版「春播方案」冻结时的方案「滴灌改造」`),
    )
    const errorOf = async () =>
      Number(/([+-]\d+\.\d) %/.exec((await s.page.getByTestId('total-error').textContent()) ?? '')?.[1])
    const againstVersion = await errorOf()
    expect(againstVersion).toBeGreaterThan(2)
    await settle(s.page)
    await screenshot(s.page, 'harvest-against-version-zh-CN')
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await screenshot(s.page, 'harvest-against-version-zh-CN-1366x768')

    await chooseOption(
      s.page,
      s.page.getByRole('combobox', { name: '预测依据' }),
      '当前方案（按现在的地块和假设）',
    )
    await expect
      .poll(async () => (await intro.textContent()) ?? '')
      .toMatch(new RegExp(`^${year} 年按方案「滴灌改造」`))
    // Calibrated from this very season, today's plan forecasts it far better.
    expect(Math.abs(await errorOf())).toBeLessThan(againstVersion / 2)
    expect(s.errors).toEqual([])
  })
})
