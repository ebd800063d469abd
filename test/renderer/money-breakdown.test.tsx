import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildDemoPlan, DEMO_SCENARIO_NAMES } from '../../engine/demo-plan'
import { evaluatePlan } from '../../engine/model/evaluate'
import { MoneyBreakdown } from '../../renderer/src/features/scenarios/MoneyBreakdown'
import { Citations } from '../../renderer/src/lib/citations'
import { renderWithApp, workspace } from './render'

const result = evaluatePlan(buildDemoPlan()).scenarios.find((s) => s.name === DEMO_SCENARIO_NAMES.hsf)!
const mu = result.totals.areaHa * 15

describe('the money breakdown of a scenario', () => {
  it('lists revenue, subsidy, every cost item and the margin per mu, today and under the scenario', () => {
    renderWithApp(<MoneyBreakdown result={result} />)
    const table = screen.getByTestId('money-breakdown')
    for (const line of [
      '产值',
      '补贴',
      '种子',
      '化肥',
      '农药',
      '机耕',
      '播种（插秧）',
      '机收',
      '烘干',
      '雇工',
      '地租',
    ])
      expect(within(table).getByText(line)).toBeTruthy()
    const margin = within(table).getByText('毛利（扣地租后）').closest('tr')!
    const cells = [...margin.querySelectorAll('td')].map((c) => c.textContent)
    const perMu = (y: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }).format(y / mu)
    expect(cells[1]).toBe(perMu(result.totals.baselineMoney.grossMarginYuan))
    expect(cells[2]).toBe(perMu(result.totals.money.grossMarginYuan))
    // Rent shows as a cost: 700 yuan/mu, negative.
    const rent = within(table).getByText('地租').closest('tr')!
    expect(rent.querySelectorAll('td')[1]!.textContent).toBe('-700')
  })

  it('shows citations in the workspace’s language', () => {
    renderWithApp(<Citations ids={['approval-xianyu335']} />, workspace({ locale: 'en' }))
    expect(screen.getByTestId('citation').textContent).toContain('For zones with ≥2,900 °C·d')
    renderWithApp(<Citations ids={['approval-xianyu335']} />)
    expect(screen.getAllByTestId('citation')[1]!.textContent).toContain('2,900 °C 以上')
  })
})
