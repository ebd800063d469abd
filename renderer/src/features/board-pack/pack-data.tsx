import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { VersionDetail } from '../../../../engine/board/version'
import type { Locale } from '../../../../engine/i18n/locale'
import type { PackFormat } from './pack-format'
import type { Featured } from './pack-model'

/** What every section of the pack reads: the stored version, its numbers' format, the featured scenario. */
export type PackData = {
  detail: VersionDetail
  f: PackFormat
  featured: Featured | null
  lang: Locale
}

/** The pack's sections after the cover, in order (their titles carry the numbering). */
export const PACK_SECTIONS = [
  'summary',
  'scenarios',
  'charts',
  'money',
  'assumptions',
  'fields',
  'decision',
] as const
export type PackSection = (typeof PACK_SECTIONS)[number]

/** The red warning of a version that no longer matches its hash; nothing when it does. */
export function TamperBanner(props: { p: PackData }) {
  const { t } = useTranslation()
  if (props.p.detail.hashVerified) return null
  return (
    <div className="bp-banner" role="alert" data-testid="tamper-banner">
      {t('pack.tampered', { number: props.p.detail.number })}
    </div>
  )
}

/**
 * One section, starting on a new page. On screen it is a sheet of its own with the footer under it;
 * in print the footer is the page's (page-style.ts), on every page the section runs to.
 */
export function Sheet(props: { p: PackData; section: PackSection; children: ReactNode }) {
  const { t } = useTranslation()
  const { detail } = props.p
  return (
    <section className="bp-sheet" data-testid={`pack-${props.section}`}>
      <TamperBanner p={props.p} />
      <h2>{t(`pack.section.${props.section}`)}</h2>
      {props.children}
      <div className="bp-sheet-footer">{footerText(t, detail)}</div>
    </section>
  )
}

/** The footer of every page: the co-op, the version and its hash. */
export function footerText(
  t: (key: string, params?: Record<string, unknown>) => string,
  d: VersionDetail,
): string {
  return t('pack.footer', { coop: d.coop.name, number: d.number, hash: d.hash })
}
