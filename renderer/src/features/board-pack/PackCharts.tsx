import { useTranslation } from 'react-i18next'
import { type MassAxis, RiskRangeChart, riskRows, WaterfallChart } from './charts'
import { type PackData, Sheet } from './pack-data'

/** Where each scenario's uplift comes from, and the spread of production and margin over the years. */
export function PackCharts(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail, f } = props.p
  const alternatives = detail.content.results.scenarios.filter((s) => !s.isBaseline)
  const risk = detail.content.results.risk
  const wan = f.isZh && f.units.massUnit !== 't'
  // Chinese boards read production in 万斤 and money in 万元; English in the plan's unit and 1,000s of yuan.
  const massAxis: MassAxis = {
    scale: wan ? 1e4 : 1,
    digits: wan ? 1 : 0,
    unit: wan ? t('pack.unit.wanMassAxis', { unit: f.massUnitLabel }) : f.massUnitLabel,
  }
  const moneyAxis: MassAxis = {
    scale: f.isZh ? 1e4 : 1e3,
    digits: 0,
    unit: t(f.isZh ? 'pack.unit.wanYuanAxis' : 'pack.unit.kYuanAxis'),
  }
  return (
    <Sheet p={props.p} section="charts">
      <h3>{t('pack.charts.waterfallTitle')}</h3>
      <p className="bp-muted bp-small">{t('pack.charts.waterfallHelp')}</p>
      {alternatives.length === 0 && <p>{t('pack.charts.noAlternatives')}</p>}
      {alternatives.map((s) => (
        <div key={String(s.scenarioId)} className="bp-block">
          <div className="bp-small" style={{ fontWeight: 600 }}>
            {t('pack.charts.waterfallOf', { name: s.name, pct: f.percent(s.totals.upliftPct) })}
          </div>
          <WaterfallChart scenario={s} f={f} axis={massAxis} />
        </div>
      ))}
      <div className="bp-block">
        <h3>{t('pack.charts.riskTitle')}</h3>
        <p className="bp-muted bp-small">
          {t('pack.charts.riskHelp', { draws: f.number(risk.draws, 0), seed: risk.seed })}
        </p>
        <figure className="bp-figure">
          <figcaption className="bp-small">{t('pack.charts.riskProduction')}</figcaption>
          <RiskRangeChart
            rows={riskRows(risk.scenarios, (r) => ({
              p10: f.massValue(r.productionKg.p10),
              p50: f.massValue(r.productionKg.p50),
              p90: f.massValue(r.productionKg.p90),
            }))}
            label={(shown) => `${f.exact(shown / massAxis.scale, massAxis.digits)} ${massAxis.unit}`}
            axis={massAxis}
            includeZero={false}
            f={f}
            aria={t('pack.charts.riskProduction')}
          />
        </figure>
      </div>
      <figure className="bp-figure">
        <figcaption className="bp-small">{t('pack.charts.riskMargin')}</figcaption>
        <RiskRangeChart
          rows={riskRows(risk.scenarios, (r) => r.grossMarginYuan)}
          label={(yuan) => f.tableMoney(yuan)}
          axis={moneyAxis}
          includeZero
          f={f}
          aria={t('pack.charts.riskMargin')}
        />
      </figure>
    </Sheet>
  )
}
