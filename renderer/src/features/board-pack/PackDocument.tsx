import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import type { VersionDetail } from '../../../../engine/board/version'
import type { Locale } from '../../../../engine/i18n/locale'
import './board-pack.css'
import { PackAssumptions } from './PackAssumptions'
import { PackCharts } from './PackCharts'
import { PackCover } from './PackCover'
import { PackDecision } from './PackDecision'
import { PackFields } from './PackFields'
import { PackMoney } from './PackMoney'
import { PackScenarios } from './PackScenarios'
import { PackSummary } from './PackSummary'
import { footerText, type PackData } from './pack-data'
import { makePackFormat } from './pack-format'
import { featuredScenario } from './pack-model'
import { PACK_FONTS, pageStyle } from './page-style'

/**
 * The board pack of one stored version, every page of it. Everything shown comes from the
 * VersionDetail (the plan, results, comments and decision as stored); nothing is recomputed from
 * the live plan. The units are the plan's as frozen; the language is the reader's.
 */
export function PackDocument(props: { detail: VersionDetail; lang: Locale }) {
  const { t } = useTranslation()
  const { detail, lang } = props
  const ws = detail.content.plan.workspace
  const f = makePackFormat(lang, { areaUnit: ws.areaUnit, massUnit: ws.massUnit }, t)
  const p: PackData = { detail, f, featured: featuredScenario(detail), lang }
  const css = pageStyle({
    footer: footerText(t, detail),
    pageTemplate: t('pack.pageNumber'),
    tamperWarning: detail.hashVerified ? null : t('pack.tampered', { number: detail.number }),
  })
  return (
    <div className="bp-root" style={{ fontFamily: PACK_FONTS }} lang={lang} data-testid="pack-document">
      <style data-testid="pack-page-style">{css}</style>
      <div className="bp-toolbar">
        <Button type="primary" onClick={() => window.print()} data-testid="pack-print">
          {t('pack.print')}
        </Button>
        <span className="bp-muted bp-small">{t('pack.printHint')}</span>
      </div>
      <PackCover p={p} />
      <PackSummary p={p} />
      <PackScenarios p={p} />
      <PackCharts p={p} />
      <PackMoney p={p} />
      <PackAssumptions p={p} />
      <PackFields p={p} />
      <PackDecision p={p} />
    </div>
  )
}
