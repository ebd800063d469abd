import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { diffVersions } from '../../engine/board/version-diff'
import { buildDemoPlan } from '../../engine/demo-plan'
import type { Plan } from '../../engine/schemas/plan'
import { DiffView } from '../../renderer/src/features/board/VersionChanges'
import { contentOf, detail, summary } from './board-fixtures'
import { renderWithApp, workspace } from './render'

/** Version 2: one field denser with a note, a scenario renamed and planned on one more field, a price changed, a loan taken. */
function laterPlan(before: Plan): Plan {
  const plan = structuredClone(before)
  const field = plan.fields.find((f) => f.name === '东岗一号地')!
  field.densityPlantsPerHa = 75_000
  field.note = '加密到每亩 5000 株'
  const drip = plan.scenarios.find((s) => s.name === '密植+水肥一体化')!
  drip.name = '密植+滴灌（修订）'
  const untouched = plan.fields.find(
    (f) => f.crop === 'maize' && !drip.changes.some((c) => c.fieldId === f.id),
  )!
  drip.changes.push({
    fieldId: untouched.id,
    buildHsf: null,
    varietyId: null,
    densityPlantsPerHa: 70_000,
    waterRegime: 'drip',
  })
  plan.assumptions.push({
    key: 'price.maize',
    value: 2.4,
    low: 2.1,
    high: 2.7,
    note: '2025 年县粮库收购价',
    changedAt: '2026-03-05T00:00:00.000Z',
  })
  plan.loans.push({
    id: 1,
    scenarioId: drip.id,
    name: '农商行',
    amountYuan: 300_000,
    annualRate: 0.0435,
    termYears: 3,
    repayment: 'annuity',
    interestSubsidyShare: 0.5,
  })
  return plan
}

const v1 = contentOf(buildDemoPlan())
const v2 = contentOf(laterPlan(v1.plan))
const from = detail({ id: 1, number: 1 }, v1)
const to = detail({ id: 2, number: 2, title: '修订稿', createdAt: '2026-03-08T00:00:00.000Z' }, v2)
const comparison = {
  from: summary({ id: 1, number: 1 }),
  to: summary({ id: 2, number: 2, title: '修订稿' }),
  diff: diffVersions(v1, v2),
}

const text = (testId: string) => screen.getByTestId(testId).textContent ?? ''

describe('what changed between two versions', () => {
  it('names the field and each changed attribute with its unit', () => {
    renderWithApp(<DiffView loaded={{ comparison, from, to }} />)
    const fields = text('diff-fields')
    expect(fields).toContain('地块（新增 0，删除 0，修改 1）')
    expect(fields).toContain('东岗一号地（兴隆村）')
    expect(fields).toContain('密度：4,000 株/亩 → 5,000 株/亩')
    expect(fields).toContain('备注：（空） → 「加密到每亩 5000 株」')
  })

  it('says what a scenario does differently, field by field, and its new name', () => {
    renderWithApp(<DiffView loaded={{ comparison, from, to }} />)
    const scenarios = text('diff-scenarios')
    expect(scenarios).toContain('方案「密植+滴灌（修订）」')
    expect(scenarios).toContain('名称：「密植+水肥一体化」 → 「密植+滴灌（修订）」')
    expect(scenarios).toMatch(
      /地块「[^」]+」：密度：按当前做法 → 4,667 株\/亩；水分管理：按当前做法 → 滴灌水肥一体化/,
    )
  })

  it('names a changed assumption in Chinese, in the plan’s units, with the reason', () => {
    renderWithApp(<DiffView loaded={{ comparison, from, to }} />)
    const assumptions = text('diff-assumptions')
    // 2.4 yuan/kg is 1.2 yuan per jin
    expect(assumptions).toContain('默认值 → 1.2 元/斤（范围 1.05 – 1.35 元/斤）')
    expect(assumptions).toContain('理由：2025 年县粮库收购价')
    expect(assumptions).not.toContain('price.maize')
  })

  it('lists the new loan with its scenario', () => {
    renderWithApp(<DiffView loaded={{ comparison, from, to }} />)
    expect(text('diff-loans')).toContain('农商行（方案「密植+滴灌（修订）」）')
  })

  it('shows each scenario’s key figures from → to with the difference, in the plan’s units', () => {
    renderWithApp(<DiffView loaded={{ comparison, from, to }} />)
    const kpis = screen.getByTestId('kpi-section')
    expect(kpis.textContent).toContain('主要指标：第 1 版 → 第 2 版')
    // the first scenario that is not current practice is shown first
    const table = screen.getByTestId('kpi-table')
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent)
    expect(headers).toEqual(['指标', '第 1 版', '第 2 版', '变化'])
    const row = (label: string) =>
      [...table.querySelectorAll('tr')].find((r) => r.firstElementChild?.textContent === label)!
    const production = [...row('总产').children].map((c) => c.textContent)
    expect(production[1]).toMatch(/^[\d,]+ 斤$/)
    expect(production[2]).toMatch(/^[\d,]+ 斤$/)
    const a = Number(production[1]!.replace(/\D/g, ''))
    const b = Number(production[2]!.replace(/\D/g, ''))
    expect(production[3]).toBe(`${b - a > 0 ? '+' : '-'}${Math.abs(b - a).toLocaleString('zh-CN')} 斤`)
    expect([...row('贷款').children].map((c) => c.textContent)).toEqual([
      '贷款',
      '0 元',
      '300,000 元',
      '+300,000 元',
    ])
    expect([...row('毛利高于当前做法的概率').children][3]!.textContent).toMatch(/个百分点$|^不变$/)
    // current practice: no NPV of its own
    fireEvent.click(within(kpis).getByText('当前做法（基准）'))
    expect([...row('净现值（不含贷款）').children].map((c) => c.textContent)).toEqual([
      '净现值（不含贷款）',
      '—',
      '—',
      '—',
    ])
  })

  it('reads in English and hectares too, with no catalogue key on screen', () => {
    const { container } = renderWithApp(
      <DiffView loaded={{ comparison, from, to }} />,
      workspace({ locale: 'en', areaUnit: 'ha' }),
    )
    expect(text('diff-fields')).toContain('density: 60,000 plants/ha → 75,000 plants/ha')
    expect(container.textContent).not.toMatch(/board\.[a-z]+|\{\{/)
  })

  it('says so plainly when two versions hold the same plan', () => {
    const same = { ...comparison, diff: diffVersions(v1, v1) }
    renderWithApp(<DiffView loaded={{ comparison: same, from, to: from }} />)
    expect(screen.getByText('第 1 版与第 2 版的地块、方案、假设、品种和贷款完全相同。')).toBeTruthy()
  })
})
