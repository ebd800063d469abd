import { useTranslation } from 'react-i18next'
import { PACK_SECTIONS, type PackData, TamperBanner } from './pack-data'

/** The cover: the co-op, the version's number and title, when it was frozen, and its hash. */
export function PackCover(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail, f } = props.p
  const plan = detail.content.plan
  const areaHa = plan.fields.reduce((sum, field) => sum + field.areaHa, 0)
  const facts: [string, string][] = [
    [t('pack.cover.status'), t(`pack.status.${detail.status}`)],
    [t('pack.cover.frozenAt'), f.dateTime(detail.createdAt)],
    [t('pack.cover.author'), detail.author],
    ...(detail.submittedAt
      ? [[t('pack.cover.submittedAt'), f.dateTime(detail.submittedAt)] as [string, string]]
      : []),
    ...(detail.decidedAt
      ? [[t('pack.cover.decidedAt'), f.dateTime(detail.decidedAt)] as [string, string]]
      : []),
    [
      t('pack.cover.fields'),
      t('pack.cover.fieldsValue', { count: plan.fields.length, area: f.area(areaHa) }),
    ],
    [
      t('pack.cover.scenarios'),
      t('pack.cover.scenariosValue', { count: detail.content.results.scenarios.length }),
    ],
    [t('pack.cover.units'), t('pack.cover.unitsValue', { area: f.areaUnitLabel, mass: f.massUnitLabel })],
  ]
  return (
    <section className="bp-sheet bp-cover" data-testid="pack-cover">
      <TamperBanner p={props.p} />
      <div className="bp-cover-kicker">{t('pack.cover.kicker')}</div>
      <h1 data-testid="pack-coop">{detail.coop.name}</h1>
      {detail.coop.county && <div className="bp-muted">{detail.coop.county}</div>}
      {plan.workspace.isDemo && (
        <div style={{ marginTop: '3mm' }}>
          <span className="bp-demo">{t('pack.cover.demo')}</span>
        </div>
      )}
      <div className="bp-cover-title" data-testid="pack-version-title">
        {t('pack.cover.version', { number: detail.number, title: detail.title })}
      </div>
      <div className="bp-muted">{t('pack.cover.date', { date: f.date(detail.createdAt) })}</div>
      <table className="bp-table bp-cover-facts">
        <tbody>
          {facts.map(([label, value]) => (
            <tr key={label}>
              <th style={{ width: '32%' }}>{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.note.trim() !== '' && (
        <div className="bp-block">
          <h3>{t('pack.cover.note')}</h3>
          <p className="bp-comment-body">{detail.note}</p>
        </div>
      )}
      <div className="bp-hash" data-testid="pack-hash">
        <strong>{t('pack.cover.hashTitle')}</strong>
        <code>{detail.hash}</code>
        <div className={detail.hashVerified ? 'bp-small bp-muted' : 'bp-small bp-invalid'}>
          {t(detail.hashVerified ? 'pack.cover.hashOk' : 'pack.cover.hashBad', { number: detail.number })}
        </div>
      </div>
      <div className="bp-contents">
        <strong>{t('pack.cover.contents')}</strong>
        {PACK_SECTIONS.map((s) => (
          <div key={s}>{t(`pack.section.${s}`)}</div>
        ))}
      </div>
    </section>
  )
}
