import { useTranslation } from 'react-i18next'
import { KeepNumbers } from './KeepNumbers'
import { type PackData, Sheet } from './pack-data'
import { fundingOf, riskOf } from './pack-model'
import { summaryText } from './summary-text'

/** One page in plain words: what is proposed, what it costs and who pays, what it brings, the risks. */
export function PackSummary(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail, f, featured } = props.p
  if (!featured)
    return (
      <Sheet p={props.p} section="summary">
        <p data-testid="summary-none">{t('pack.summary.onlyBaseline')}</p>
      </Sheet>
    )
  const s = featured.scenario
  const text = summaryText(t, f, detail, featured)
  const money = fundingOf(s)
  const risk = riskOf(detail, s.scenarioId)
  const kpis: [string, string][] = [
    [t('pack.kpi.investment'), f.money(money.totalYuan)],
    [t('pack.kpi.government'), f.money(money.governmentYuan)],
    [t('pack.kpi.coop'), f.money(money.coopYuan)],
    [t('pack.kpi.loan'), f.money(money.loanYuan)],
    [t('pack.kpi.production'), f.bigMass(s.totals.productionKg)],
    [t('pack.kpi.uplift'), f.percent(s.totals.upliftPct)],
    [t('pack.kpi.margin'), f.money(s.totals.money.grossMarginYuan)],
    [t('pack.kpi.npv'), f.money(s.totals.npvYuan)],
    [t('pack.kpi.p10Production'), risk ? f.bigMass(risk.productionKg.p10) : '—'],
    [t('pack.kpi.p10Margin'), risk ? f.money(risk.grossMarginYuan.p10) : '—'],
    [
      t('pack.kpi.beats'),
      risk?.probBeatsBaseline !== null && risk?.probBeatsBaseline !== undefined
        ? f.share(risk.probBeatsBaseline)
        : '—',
    ],
    [t('pack.kpi.warnings'), t('pack.kpi.warningsValue', { count: s.warningCount })],
  ]
  return (
    <Sheet p={props.p} section="summary">
      <p className="bp-muted" data-testid="summary-lead">
        {text.lead}
      </p>
      <div className="bp-kpis">
        {kpis.map(([label, value]) => (
          <div className="bp-kpi" key={label}>
            <div className="bp-kpi-label">{label}</div>
            <div className="bp-kpi-value">{value}</div>
          </div>
        ))}
      </div>
      <div className="bp-question">
        <h3>{t('pack.summary.q.proposed')}</h3>
        <p data-testid="summary-proposed">
          <KeepNumbers text={text.proposed} />
        </p>
      </div>
      <div className="bp-question">
        <h3>{t('pack.summary.q.cost')}</h3>
        <p data-testid="summary-cost">
          <KeepNumbers text={text.cost} />
        </p>
      </div>
      <div className="bp-question">
        <h3>{t('pack.summary.q.gain')}</h3>
        <p data-testid="summary-gain">
          <KeepNumbers text={text.gain} />
        </p>
      </div>
      <div className="bp-question">
        <h3>{t('pack.summary.q.risk')}</h3>
        {text.risk && (
          <p data-testid="summary-risk">
            <KeepNumbers text={text.risk} />
          </p>
        )}
        {text.cautions.map((c) => (
          <p key={c}>
            <KeepNumbers text={c} />
          </p>
        ))}
      </div>
      <p className="bp-small bp-muted">{t('pack.summary.footnote')}</p>
    </Sheet>
  )
}
