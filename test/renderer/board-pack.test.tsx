import { render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import type { VersionDetail } from '../../engine/board/version'
import type { Locale } from '../../engine/i18n/locale'
import en from '../../engine/i18n/locales/en.json'
import zhCN from '../../engine/i18n/locales/zh-CN.json'
import { PackDocument } from '../../renderer/src/features/board-pack/PackDocument'
import { initI18n } from '../../renderer/src/i18n'
import { HSF_SCENARIO_ID, versionDetail } from '../helpers/version'

function renderPack(detail: VersionDetail, lang: Locale = 'zh-CN') {
  const i18n = initI18n(lang, { 'zh-CN': zhCN, en })
  void i18n.changeLanguage(lang)
  return render(
    <I18nextProvider i18n={i18n}>
      <PackDocument detail={detail} lang={lang} />
    </I18nextProvider>,
  )
}

const wan = (yuan: number) => `${(yuan / 1e4).toFixed(1)} 万元`
const pageCss = () => screen.getByTestId('pack-page-style').textContent ?? ''

describe('board pack: the summary in plain words', () => {
  it('says what is proposed where, on how many fields and how much land, from the stored numbers', () => {
    const detail = versionDetail()
    renderPack(detail)
    const plan = detail.content.plan
    const built = plan.fields.filter((f) => !f.hasHsf)
    const mu = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(
      built.reduce((sum, f) => sum + f.areaHa, 0) * 15,
    )
    const byVillage = new Map<string, number>()
    for (const f of built) byVillage.set(f.village, (byVillage.get(f.village) ?? 0) + f.areaHa)
    const largest = [...byVillage.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v)
    const proposed = screen.getByTestId('summary-proposed').textContent
    expect(proposed).toBe(
      `建议在${largest[0]}、${largest[1]}等 ${byVillage.size} 个村的 ${built.length} 块地（共 ${mu} 亩）建设高标准农田。`,
    )
    expect(proposed).toMatch(/^建议在\S+村、\S+村等 3 个村的 17 块地（共 [\d,.]+ 亩）建设高标准农田。$/)
    expect(screen.getByTestId('summary-lead').textContent).toBe(
      '本版经会议表决，选定方案“建设高标准农田”。以下按该方案说明。',
    )
  })

  it('says what it costs and who pays — government, co-op and the loan — in 万元', () => {
    const detail = versionDetail()
    renderPack(detail)
    const s = detail.content.results.scenarios.find((x) => x.scenarioId === HSF_SCENARIO_ID)!
    const { governmentYuan, coopYuan } = s.totals.funding
    const gov = Math.round((governmentYuan / s.totals.investmentYuan) * 100)
    expect(screen.getByTestId('summary-cost').textContent).toBe(
      `总投资 ${wan(s.totals.investmentYuan)}，其中政府补助 ${wan(governmentYuan)}（占 ${gov} %），合作社承担 ${wan(coopYuan)}。` +
        `合作社承担的部分中，贷款 30.0 万元，自有资金 ${wan(coopYuan - 300_000)}；首年还本付息 ${wan(s.finance.financing.annualPaymentYuan)}。`,
    )
  })

  it('says what it brings and what can go wrong: the bad year (P10) and the chance to beat current practice', () => {
    const detail = versionDetail()
    renderPack(detail)
    const gain = screen.getByTestId('summary-gain').textContent!
    expect(gain).toMatch(/^预计总产从 [\d.]+ 万斤变为 [\d.]+ 万斤（\+[\d.]+ %）；全年毛利从/)
    expect(gain).toMatch(/按 10 年、折现率 [\d.]+ % 计算，净现值 [\d.]+ 万元，第 \d+ 年收回投资。$/)
    const risk = detail.content.results.risk.scenarios.find((r) => r.scenarioId === HSF_SCENARIO_ID)!
    const text = screen.getByTestId('summary-risk').textContent!
    expect(text).toContain(`总产约 ${((risk.productionKg.p10 * 2) / 1e4).toFixed(1)} 万斤`)
    expect(text).toContain(`有 ${Math.round(risk.probBeatsBaseline! * 100)} % 的年份毛利`)
    expect(text).toContain('在 10,000 次天气与价格的模拟中')
    expect(screen.getByTestId('pack-summary').textContent).toContain('资金最紧的是第')
  })

  it('names the scenario with the highest NPV, and says so, when no meeting has chosen', () => {
    const detail = versionDetail({ decision: null, status: 'inReview' })
    renderPack(detail)
    const alternatives = detail.content.results.scenarios.filter((s) => !s.isBaseline)
    const best = alternatives.reduce((a, b) => (b.totals.npvYuan > a.totals.npvYuan ? b : a))
    expect(screen.getByTestId('summary-lead').textContent).toBe(
      `本版共提出 ${alternatives.length} 个方案，尚未表决。以下以净现值最高的方案“${best.name}”为例说明，各方案对比见第二部分。`,
    )
  })
})

describe('board pack: the page footer and hash', () => {
  it('prints the co-op, the version and its hash in every page’s footer, with page n of N', () => {
    const detail = versionDetail()
    renderPack(detail)
    const css = pageCss()
    expect(css).toContain('size: A4')
    expect(css).toMatch(/@bottom-left \{ content: "丰收示范合作社 · 第 3 版 · sha256:(3f){32}"/)
    expect(css).toContain('@bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"')
    expect(css).not.toContain('@top-center')
    // on screen, each sheet carries the same footer under it
    const sheets = screen.getAllByTestId(
      /^pack-(summary|scenarios|charts|money|assumptions|fields|decision)$/,
    )
    expect(sheets).toHaveLength(7)
    for (const sheet of sheets) expect(sheet.textContent).toContain(detail.hash)
    expect(screen.getByTestId('pack-hash').textContent).toContain(detail.hash)
  })

  it('a quote or backslash in the co-op’s name cannot break out of the footer’s CSS', () => {
    const detail = versionDetail({ coop: { name: '红旗"}body{display:none}\\ 合作社', county: '' } })
    renderPack(detail)
    expect(pageCss()).toContain('content: "红旗\\"}body{display:none}\\\\ 合作社 · 第 3 版')
  })
})

describe('board pack: the decision', () => {
  it('records the meeting, why the vote is valid, the chosen scenario and the resolution, with lines to sign', () => {
    const detail = versionDetail()
    renderPack(detail)
    const decision = screen.getByTestId('decision-record')
    expect(within(decision).getByText('成员大会')).toBeTruthy()
    expect(within(decision).getByText('2026年3月1日')).toBeTruthy()
    expect(within(decision).getByTestId('decision-scenario').textContent).toBe('建设高标准农田')
    expect(within(decision).getByTestId('decision-resolution').textContent).toBe(detail.decision!.resolution)
    expect(decision.textContent).toContain(
      '出席：应到 30 人，实到 24 人；规则要求出席人数不少于成员总数的 2/3，即至少 20 人。符合。',
    )
    expect(decision.textContent).toContain('规则要求赞成票超过全部表决权的 1/2，即至少 16 票。符合。')
    expect(within(decision).getByTestId('decision-conclusion').textContent).toBe(
      '结论：表决有效，决议通过，选定方案“建设高标准农田”。',
    )
    const signatures = screen.getByTestId('signatures').textContent
    for (const who of ['理事长（签字）', '监事（签字）', '记录人（签字）']) expect(signatures).toContain(who)
    expect(signatures!.match(/日期/g)).toHaveLength(3)
  })

  it('shows the comment thread with replies under what they answer', () => {
    renderPack(versionDetail())
    const comments = screen.getAllByTestId('pack-comment')
    expect(comments.map((c) => c.className)).toEqual(['bp-comment', 'bp-comment reply'])
    expect(comments[0]!.textContent).toContain('赵监事（监事）')
    expect(comments[0]!.textContent).toContain('关于方案“建设高标准农田”')
  })

  it('says a vote short of the rules is not valid, and an undecided version leaves a form to fill in', () => {
    const detail = versionDetail()
    const short = { ...detail.decision!, vote: { ...detail.decision!.vote, attending: 19, votesFor: 15 } }
    const { unmount } = renderPack({ ...detail, decision: short })
    expect(screen.getByTestId('decision-conclusion').textContent).toBe(
      '结论：按记录的票数，这次表决不符合议事规则，不能视为通过。',
    )
    expect(screen.getByTestId('decision-record').textContent).toContain('即至少 20 人。不符合。')
    unmount()
    renderPack(versionDetail({ decision: null }))
    expect(screen.getByTestId('decision-blank')).toBeTruthy()
    expect(screen.getByTestId('signatures').textContent).toContain('理事长（签字）')
  })
})

describe('board pack: a version that does not match its hash', () => {
  it('says so in red on the cover, on every section and at the top of every printed page', () => {
    renderPack(versionDetail({ hashVerified: false }))
    const banners = screen.getAllByTestId('tamper-banner')
    expect(banners).toHaveLength(8)
    expect(banners[0]!.textContent).toBe('⚠ 第 3 版的内容与校验值不符，可能在应用之外被改动过，请勿据此表决')
    expect(pageCss()).toMatch(/@top-center \{ content: "⚠ 第 3 版的内容与校验值不符.*color: #c62828/)
    expect(screen.getByTestId('pack-hash').textContent).toContain('存档内容与校验值不符')
  })

  it('a verified version shows no banner', () => {
    renderPack(versionDetail())
    expect(screen.queryAllByTestId('tamper-banner')).toHaveLength(0)
  })
})

describe('board pack: the rest of the pages', () => {
  it('lists every field with its yield under each scenario, in the plan’s units', () => {
    const detail = versionDetail()
    renderPack(detail)
    const table = screen.getByTestId('field-appendix')
    const rows = table.querySelectorAll('tbody tr')
    expect(rows).toHaveLength(detail.content.plan.fields.length + 1)
    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent)
    expect(headers).toContain('当前单产（斤/亩）')
    expect(headers.filter((h) => h?.includes('单产（斤/亩）'))).toHaveLength(4)
    const first = detail.content.plan.fields[0]!
    expect(rows[0]!.textContent).toContain(first.name)
    expect(rows[0]!.textContent).toContain(first.village)
  })

  it('shows the changed assumption against its default, with the co-op’s reason and the sources in Chinese', () => {
    renderPack(versionDetail())
    const table = screen.getByTestId('assumptions-table')
    expect(table.textContent).toContain('2,400 元/亩')
    expect(table.textContent).toContain('2,000 元/亩')
    expect(table.textContent).toContain('县农业农村局 2025 年批复的项目概算为每亩 2,400 元')
    expect(screen.getAllByTestId('pack-citation')[0]!.textContent).toMatch(/《.+》/)
  })

  it('draws the cash flow and the loan’s schedule year by year', () => {
    renderPack(versionDetail())
    expect(screen.getAllByTestId('cash-flow').length).toBeGreaterThanOrEqual(1)
    const loan = screen.getByTestId('loan-schedule')
    expect(loan.textContent).toContain(
      '贷款“农商行高标准农田贷”：30.0 万元，年利率 4.5 %，期限 5 年，等额本息，贴息 50 %',
    )
    // drawn in year 0, repaid in years 1–5
    expect(loan.querySelectorAll('tbody tr')).toHaveLength(6)
  })

  it('draws the waterfall of each scenario and the risk ranges as plain SVG, without animation', () => {
    const { container } = renderPack(versionDetail())
    expect(screen.getAllByTestId('waterfall')).toHaveLength(3)
    expect(screen.getAllByTestId('risk-chart')).toHaveLength(2)
    expect(container.querySelectorAll('animate, animateTransform, .recharts-wrapper')).toHaveLength(0)
  })
})

describe('board pack in English', () => {
  it('reads in English, with the English footer and page numbers', () => {
    const detail = versionDetail()
    renderPack(detail, 'en')
    expect(screen.getByTestId('pack-version-title').textContent).toBe('Version 3: 2026 年春播方案')
    expect(screen.getByTestId('summary-proposed').textContent).toMatch(
      /^Proposed: on 17 fields \([\d,.]+ mu\) in \S+, \S+ and other villages \(3 in all\), build high-standard farmland\.$/,
    )
    expect(screen.getByTestId('summary-cost').textContent).toMatch(
      /^The investment is 5\.32 million yuan: the government pays/,
    )
    const css = pageCss()
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages)')
    expect(css).toContain(`· version 3 · ${detail.hash}`)
    expect(screen.getByTestId('signatures').textContent).toContain('Chair (signature)')
    expect(screen.getByTestId('decision-conclusion').textContent).toBe(
      'Conclusion: the vote is valid; the resolution is adopted and the scenario “建设高标准农田” chosen.',
    )
    expect(screen.getAllByTestId('pack-citation')[0]!.textContent).toMatch(/“.+”/)
  })
})

describe('board pack: numbers stay whole', () => {
  it('keeps each number with its unit on one line, and the sentence as it was', () => {
    const detail = versionDetail()
    renderPack(detail)
    const risk = screen.getByTestId('summary-risk')
    const kept = [...risk.querySelectorAll('.bp-nobr')].map((s) => s.textContent)
    expect(kept.filter((k) => k === '10' || k === '0')).toEqual([])
    expect(kept.some((k) => k?.startsWith('10,000 次'))).toBe(true)
    expect(kept.some((k) => /^[\d.]+ 万斤$/.test(k ?? ''))).toBe(true)
    expect(kept.some((k) => /^-[\d.]+ 万元$/.test(k ?? ''))).toBe(true)
    expect(risk.textContent).toMatch(/^遇到十年一遇的坏年景（P10），总产约 [\d.]+ 万斤，毛利约/)
  })
})
