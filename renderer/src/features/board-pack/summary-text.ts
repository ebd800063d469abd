import type { TFunction } from 'i18next'
import type { VersionDetail } from '../../../../engine/board/version'
import type { PackFormat } from './pack-format'
import {
  baselineOf,
  baselineRisk,
  changeSummary,
  type Featured,
  financeTerms,
  fundingOf,
  riskOf,
} from './pack-model'

/** The summary page's plain words, one paragraph per question a board member asks. */
export type SummaryText = {
  /** which scenario, and why this one */
  lead: string
  proposed: string
  cost: string
  gain: string
  risk: string
  /** warnings and the tightest year of cash, each a sentence (possibly none) */
  cautions: string[]
}

/** "在兴隆村、太平村等 3 个村的" / " in 兴隆村, 太平村 and other villages": at most two names. */
function placeText(t: TFunction, villages: string[]): string {
  if (villages.length === 0) return ''
  const named = villages.slice(0, 2).join(t('pack.summary.listSep'))
  if (villages.length <= 2) return t('pack.summary.inVillages', { villages: named })
  return t('pack.summary.inVillagesMore', { villages: named, count: villages.length })
}

/** Joins phrases as a sentence does: "a、b，并 c" / "a, b and c". */
export function joinPhrases(t: TFunction, items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(t('pack.summary.listSep'))}${t('pack.summary.listAnd')}${items.at(-1)}`
}

/**
 * The summary in words generated from the stored numbers, for the scenario the pack features:
 * what is proposed, what it costs and who pays, what it brings, and what can go wrong.
 */
export function summaryText(
  t: TFunction,
  f: PackFormat,
  detail: VersionDetail,
  featured: Featured,
): SummaryText {
  const s = featured.scenario
  const base = baselineOf(detail)
  const change = changeSummary(detail, s.scenarioId)
  const lead = t(`pack.summary.lead.${featured.why}`, {
    name: s.name,
    count: detail.content.results.scenarios.filter((x) => !x.isBaseline).length,
  })

  const actionPhrases = change.actions.map((a) => {
    if (a === 'variety')
      return t('pack.summary.action.variety', { names: change.varietyNames.join(t('pack.summary.listSep')) })
    if (a === 'density')
      return change.densitiesPlantsPerHa.length === 1
        ? t('pack.summary.action.densityTo', { density: f.densityText(change.densitiesPlantsPerHa[0]!) })
        : t('pack.summary.action.density')
    if (a === 'water')
      return t('pack.summary.action.water', {
        water: change.waterRegimes.map((w) => t(`water.${w}`)).join(t('pack.summary.listSep')),
      })
    return t(`pack.summary.action.${a}`)
  })
  const proposed =
    change.fieldCount === 0
      ? t('pack.summary.proposedNothing')
      : t(change.villages.length > 0 ? 'pack.summary.proposed' : 'pack.summary.proposedNoPlace', {
          place: placeText(t, change.villages),
          count: change.fieldCount,
          area: f.area(change.areaHa),
          actions: joinPhrases(t, actionPhrases),
        })

  const money = fundingOf(s)
  let cost: string
  if (money.totalYuan <= 0) cost = t('pack.summary.costNone')
  else {
    const parts = [
      t('pack.summary.costGov', {
        amount: f.money(money.governmentYuan),
        share: f.share(money.governmentYuan / money.totalYuan),
      }),
      t('pack.summary.costCoop', { amount: f.money(money.coopYuan) }),
    ]
    cost = t('pack.summary.cost', {
      total: f.money(money.totalYuan),
      parts: parts.join(t('pack.summary.clauseSep')),
    })
  }
  if (money.loanYuan > 0)
    cost += t('pack.summary.costLoan', {
      loan: f.money(money.loanYuan),
      own: f.money(money.ownFundsYuan),
      payment: f.money(money.annualPaymentYuan),
    })

  const terms = financeTerms(detail)
  const baseMargin = base?.totals.money.grossMarginYuan ?? s.totals.baselineMoney.grossMarginYuan
  const marginDelta = s.totals.money.grossMarginYuan - baseMargin
  let payback = ''
  if (money.totalYuan > 0)
    payback =
      s.totals.paybackYears === null
        ? t('pack.summary.paybackNever', { years: terms.horizonYears })
        : t('pack.summary.payback', { years: s.totals.paybackYears })
  const gain = t('pack.summary.gain', {
    from: f.bigMass(s.totals.baselineProductionKg),
    to: f.bigMass(s.totals.productionKg),
    pct: f.percent(s.totals.upliftPct),
    marginFrom: f.money(baseMargin),
    marginTo: f.money(s.totals.money.grossMarginYuan),
    marginDelta: `${marginDelta > 0 ? '+' : ''}${f.money(marginDelta)}`,
    years: terms.horizonYears,
    rate: f.rate(terms.discountRate),
    npv: f.money(s.totals.npvYuan),
    payback,
  })

  const r = riskOf(detail, s.scenarioId)
  const br = baselineRisk(detail)
  let risk = ''
  if (r && br) {
    risk = t('pack.summary.risk', {
      production: f.bigMass(r.productionKg.p10),
      margin: f.money(r.grossMarginYuan.p10),
      baseProduction: f.bigMass(br.productionKg.p10),
      baseMargin: f.money(br.grossMarginYuan.p10),
    })
    if (r.probBeatsBaseline !== null)
      risk += t('pack.summary.beats', {
        draws: f.number(detail.content.results.risk.draws, 0),
        share: f.share(r.probBeatsBaseline),
        annuity: f.money(r.yearlyInvestmentCostYuan),
      })
  }

  const cautions: string[] = []
  cautions.push(
    s.warningCount > 0 ? t('pack.summary.warnings', { count: s.warningCount }) : t('pack.summary.noWarnings'),
  )
  if (s.finance.lowestBalanceYuan < 0)
    cautions.push(
      t('pack.summary.tightest', {
        year: s.finance.lowestBalanceYear,
        amount: f.money(s.finance.lowestBalanceYuan),
      }),
    )
  if (detail.content.results.changedAssumptions.length > 0)
    cautions.push(
      t('pack.summary.changedAssumptions', { count: detail.content.results.changedAssumptions.length }),
    )
  return { lead, proposed, cost, gain, risk, cautions }
}
