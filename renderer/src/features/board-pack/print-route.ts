import { LOCALES, type Locale } from '../../../../engine/i18n/locale'

/** The print route of a version's board pack: `#/print/version/<id>?lang=zh-CN|en`. */
export type PrintRoute = { kind: 'version'; versionId: number; lang: Locale | null }

export function boardPackHash(versionId: number, locale: Locale): string {
  return `#/print/version/${versionId}?lang=${encodeURIComponent(locale)}`
}

/** Whether the page was opened on a print route (then the app shows no shell around it). */
export function isPrintHash(hash: string): boolean {
  return hash.startsWith('#/print/')
}

/**
 * The route in a location hash, or null when it is none. An unknown language is null (the
 * workspace's then); an id that is not a whole positive number is no route.
 */
export function parsePrintHash(hash: string): PrintRoute | null {
  const m = /^#\/print\/version\/(\d{1,15})(?:\?(.*))?$/.exec(hash)
  if (!m) return null
  const versionId = Number(m[1])
  if (!Number.isSafeInteger(versionId) || versionId < 1) return null
  const lang = new URLSearchParams(m[2] ?? '').get('lang')
  return {
    kind: 'version',
    versionId,
    lang: (LOCALES as readonly string[]).includes(lang ?? '') ? (lang as Locale) : null,
  }
}
