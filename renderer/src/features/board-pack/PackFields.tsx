import { useTranslation } from 'react-i18next'
import { type PackData, Sheet } from './pack-data'
import { fieldRows } from './pack-model'

/** Up to this many alternatives get a yield column each; beyond, only the featured one does. */
const MAX_SCENARIO_COLUMNS = 3

/**
 * Every field of the version: where it is, its crop and area, its baseline yield and its yield
 * under the scenarios. The header repeats on every page the table runs to.
 */
export function PackFields(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail, f, featured } = props.p
  const alternatives = detail.content.results.scenarios.filter((s) => !s.isBaseline)
  const columns =
    alternatives.length <= MAX_SCENARIO_COLUMNS ? alternatives : featured ? [featured.scenario] : []
  const rows = fieldRows(detail, featured?.scenario.scenarioId)
  const totalArea = rows.reduce((sum, r) => sum + r.field.areaHa, 0)
  const production = (id: number | null) =>
    rows.reduce((sum, r) => sum + (r.yieldByScenario.get(id) ?? 0) * r.field.areaHa, 0)
  const baselineProduction = rows.reduce((sum, r) => sum + r.baselineYieldKgPerHa * r.field.areaHa, 0)
  return (
    <Sheet p={props.p} section="fields">
      <p className="bp-muted bp-small">
        {t('pack.fields.intro', { count: rows.length, area: f.area(totalArea) })}
        {featured && ` ${t('pack.fields.upliftOf', { name: featured.scenario.name })}`}
      </p>
      <table className="bp-table" data-testid="field-appendix">
        <thead>
          <tr>
            <th className="num nowrap">{t('pack.fields.col.index')}</th>
            <th>{t('pack.fields.col.name')}</th>
            <th className="nowrap">{t('pack.fields.col.village')}</th>
            <th className="nowrap">{t('pack.fields.col.crop')}</th>
            <th className="num">{t('pack.fields.col.area', { unit: f.areaUnitLabel })}</th>
            <th className="num">{t('pack.fields.col.baseline', { unit: f.yieldUnitLabel })}</th>
            {columns.map((s) => (
              <th key={String(s.scenarioId)} className="num">
                {s.name}
                <div className="bp-small">{t('pack.fields.col.yieldUnit', { unit: f.yieldUnitLabel })}</div>
              </th>
            ))}
            {featured && <th className="num nowrap">{t('pack.fields.col.uplift')}</th>}
            {featured && <th className="num nowrap">{t('pack.fields.col.warnings')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.field.id}>
              <td className="num">{i + 1}</td>
              <td style={{ minWidth: '18mm' }}>{r.field.name}</td>
              <td className="nowrap">{r.field.village || '—'}</td>
              <td className="nowrap">{t(`crop.${r.field.crop}`)}</td>
              <td className="num">{f.areaNumber(r.field.areaHa)}</td>
              <td className="num">{f.yieldNumber(r.baselineYieldKgPerHa)}</td>
              {columns.map((s) => {
                const y = r.yieldByScenario.get(s.scenarioId)
                return (
                  <td key={String(s.scenarioId)} className="num">
                    {y === undefined ? '—' : f.yieldNumber(y)}
                  </td>
                )
              })}
              {featured && <td className="num">{r.upliftPct === null ? '—' : f.percent(r.upliftPct)}</td>}
              {featured && <td className="num">{r.warningCount > 0 ? f.number(r.warningCount, 0) : ''}</td>}
            </tr>
          ))}
          <tr className="total">
            <td />
            <td colSpan={3}>{t('pack.fields.total')}</td>
            <td className="num">{f.areaNumber(totalArea)}</td>
            <td className="num">{f.mass(baselineProduction)}</td>
            {columns.map((s) => (
              <td key={String(s.scenarioId)} className="num">
                {f.mass(production(s.scenarioId))}
              </td>
            ))}
            {featured && <td className="num">{f.percent(featured.scenario.totals.upliftPct)}</td>}
            {featured && <td className="num">{f.number(featured.scenario.warningCount, 0)}</td>}
          </tr>
        </tbody>
      </table>
    </Sheet>
  )
}
