import { useTranslation } from 'react-i18next'
import { citation, langOf, referencesOf } from '../../../../engine/references'
import { assumptionDisplay, assumptionName } from '../../lib/assumption-format'
import { type PackData, Sheet } from './pack-data'

/**
 * The assumptions the co-op changed from the defaults, as they stood when the version was frozen:
 * the value against the default, the co-op's reason, and the publications behind the default, in
 * the reader's language (as the Assumptions screen cites them).
 */
export function PackAssumptions(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail, f, lang } = props.p
  const changed = detail.content.results.changedAssumptions
  const citeLang = langOf(lang)
  return (
    <Sheet p={props.p} section="assumptions">
      {changed.length === 0 ? (
        <p data-testid="assumptions-none">{t('pack.assumptions.none')}</p>
      ) : (
        <>
          <p className="bp-muted bp-small">{t('pack.assumptions.intro', { count: changed.length })}</p>
          <table className="bp-table" data-testid="assumptions-table">
            <thead>
              <tr>
                <th style={{ width: '17%' }}>{t('pack.assumptions.col.name')}</th>
                <th className="num">{t('pack.assumptions.col.value')}</th>
                <th className="num">{t('pack.assumptions.col.default')}</th>
                <th style={{ width: '22%' }}>{t('pack.assumptions.col.reason')}</th>
                <th style={{ width: '33%' }}>{t('pack.assumptions.col.source')}</th>
              </tr>
            </thead>
            <tbody>
              {changed.map((a) => {
                const d = assumptionDisplay(a.unit, f, t)
                const show = (v: number) => `${f.number(d.toDisplay(v), d.digits)} ${d.unit}`.trim()
                const range = (lo: number, hi: number) =>
                  t('pack.assumptions.range', {
                    low: f.number(d.toDisplay(lo), d.digits),
                    high: f.number(d.toDisplay(hi), d.digits),
                    unit: d.unit,
                  }).trim()
                const refs = referencesOf(a.source)
                return (
                  <tr key={a.key}>
                    <td>
                      {assumptionName(t, a.key)}
                      <div className="bp-small bp-muted" style={{ wordBreak: 'break-all' }}>
                        {a.key}
                      </div>
                    </td>
                    <td className="num">
                      <strong>{show(a.value)}</strong>
                      <div className="bp-small">{range(a.low, a.high)}</div>
                    </td>
                    <td className="num">
                      {show(a.defaultValue)}
                      <div className="bp-small">{range(a.defaultLow, a.defaultHigh)}</div>
                    </td>
                    <td className="bp-comment-body">
                      {a.note}
                      {a.changedAt && (
                        <div className="bp-small bp-muted">
                          {t('pack.assumptions.changedAt', { date: f.date(a.changedAt) })}
                        </div>
                      )}
                    </td>
                    <td>
                      {refs.length === 0 && (
                        <span className="bp-muted">{t('pack.assumptions.noSource')}</span>
                      )}
                      {refs.map((r) => (
                        <div key={r.id} className="bp-small" data-testid="pack-citation">
                          {citation(r, citeLang)}
                          {r.url && (
                            <div className="bp-muted" style={{ wordBreak: 'break-all' }}>
                              {r.url}
                            </div>
                          )}
                        </div>
                      ))}
                      <div className="bp-small bp-muted">
                        {t('pack.assumptions.confidence', { level: t(`pack.confidence.${a.confidence}`) })}
                      </div>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </>
      )}
    </Sheet>
  )
}
