import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionScenarioResult } from '../../../../engine/board/version'
import { type PackData, Sheet } from './pack-data'
import { changeSummary, fundingOf, riskOf } from './pack-model'

/** At most this many scenarios side by side on an A4 page; more continue in a second table. */
const COLUMNS = 5

type Row = { label: string; cell: (s: VersionScenarioResult) => ReactNode; group?: boolean }

/** The scenarios side by side: what each changes, yields, earns, costs and risks. */
export function PackScenarios(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail, f, featured } = props.p
  const scenarios = detail.content.results.scenarios
  const baseline = scenarios.find((s) => s.isBaseline) ?? null
  const others = scenarios.filter((s) => s !== baseline)
  // Current practice leads every table, so each can be read against it.
  const tables: VersionScenarioResult[][] = []
  const per = baseline ? COLUMNS - 1 : COLUMNS
  for (let i = 0; i < Math.max(others.length, 1); i += per)
    tables.push([...(baseline ? [baseline] : []), ...others.slice(i, i + per)])
  const neg = (v: number, text: string) => <span className={v < 0 ? 'neg' : undefined}>{text}</span>
  const dash = '—'
  const risk = (s: VersionScenarioResult) => riskOf(detail, s.scenarioId)
  const rows: Row[] = [
    { label: t('pack.compare.group.what'), cell: () => '', group: true },
    {
      label: t('pack.compare.changedFields'),
      cell: (s) => {
        if (s.isBaseline) return dash
        const c = changeSummary(detail, s.scenarioId)
        return t('pack.compare.changedFieldsValue', { count: c.fieldCount, area: f.area(c.areaHa) })
      },
    },
    { label: t('pack.compare.group.yield'), cell: () => '', group: true },
    { label: t('pack.compare.production'), cell: (s) => f.bigMass(s.totals.productionKg) },
    { label: t('pack.compare.uplift'), cell: (s) => (s.isBaseline ? dash : f.percent(s.totals.upliftPct)) },
    { label: t('pack.compare.group.money'), cell: () => '', group: true },
    {
      label: t('pack.compare.margin'),
      cell: (s) => neg(s.totals.money.grossMarginYuan, f.tableMoney(s.totals.money.grossMarginYuan)),
    },
    {
      label: t('pack.compare.marginChange'),
      cell: (s) => {
        if (s.isBaseline) return dash
        const d = s.totals.money.grossMarginYuan - s.totals.baselineMoney.grossMarginYuan
        return neg(d, `${d > 0 ? '+' : ''}${f.tableMoney(d)}`)
      },
    },
    { label: t('pack.compare.investment'), cell: (s) => f.tableMoney(s.totals.investmentYuan) },
    { label: t('pack.compare.government'), cell: (s) => f.tableMoney(fundingOf(s).governmentYuan) },
    { label: t('pack.compare.coop'), cell: (s) => f.tableMoney(fundingOf(s).coopYuan) },
    { label: t('pack.compare.loan'), cell: (s) => f.tableMoney(fundingOf(s).loanYuan) },
    { label: t('pack.compare.npv'), cell: (s) => neg(s.totals.npvYuan, f.tableMoney(s.totals.npvYuan)) },
    {
      label: t('pack.compare.npvFinanced'),
      cell: (s) => neg(s.finance.npvFinancedYuan, f.tableMoney(s.finance.npvFinancedYuan)),
    },
    { label: t('pack.compare.irr'), cell: (s) => (s.finance.irr === null ? dash : f.rate(s.finance.irr)) },
    {
      label: t('pack.compare.payback'),
      cell: (s) =>
        s.isBaseline || s.totals.investmentYuan <= 0
          ? dash
          : s.totals.paybackYears === null
            ? t('pack.compare.paybackNever')
            : t('pack.compare.paybackYears', { years: s.totals.paybackYears }),
    },
    {
      label: t('pack.compare.group.risk', { draws: f.number(detail.content.results.risk.draws, 0) }),
      cell: () => '',
      group: true,
    },
    ...(['p10', 'p50', 'p90'] as const).map((q) => ({
      label: t(`pack.compare.production_${q}`),
      cell: (s: VersionScenarioResult) => {
        const r = risk(s)
        return r ? f.bigMass(r.productionKg[q]) : dash
      },
    })),
    ...(['p10', 'p50', 'p90'] as const).map((q) => ({
      label: t(`pack.compare.margin_${q}`),
      cell: (s: VersionScenarioResult) => {
        const r = risk(s)
        return r ? neg(r.grossMarginYuan[q], f.tableMoney(r.grossMarginYuan[q])) : dash
      },
    })),
    {
      label: t('pack.compare.beats'),
      cell: (s) => {
        const p = risk(s)?.probBeatsBaseline
        return p === null || p === undefined ? dash : f.share(p)
      },
    },
    { label: t('pack.compare.warnings'), cell: (s) => f.number(s.warningCount, 0) },
  ]
  const isFeatured = (s: VersionScenarioResult) => featured?.scenario === s
  return (
    <Sheet p={props.p} section="scenarios">
      <p className="bp-muted bp-small">{t('pack.compare.intro')}</p>
      {tables.map((columns) => (
        <table
          className="bp-table"
          key={columns.map((s) => s.scenarioId).join('-')}
          data-testid="compare-table"
        >
          <thead>
            <tr>
              <th style={{ width: '24%' }}>{t('pack.compare.item')}</th>
              {columns.map((s) => (
                <th key={String(s.scenarioId)} className={isFeatured(s) ? 'featured num' : 'num'}>
                  {s.name}
                  {isFeatured(s) && (
                    <div className="bp-small">
                      {t(featured?.why === 'decided' ? 'pack.compare.chosen' : 'pack.compare.featured')}
                    </div>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              row.group ? (
                <tr className="group" key={row.label}>
                  <td colSpan={columns.length + 1}>{row.label}</td>
                </tr>
              ) : (
                <tr key={row.label}>
                  <td>{row.label}</td>
                  {columns.map((s) => (
                    <td key={String(s.scenarioId)} className={isFeatured(s) ? 'featured num' : 'num'}>
                      {row.cell(s)}
                    </td>
                  ))}
                </tr>
              ),
            )}
          </tbody>
        </table>
      ))}
      <p className="bp-muted bp-small">{t('pack.compare.notes')}</p>
    </Sheet>
  )
}
