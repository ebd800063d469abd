import { AGRONOMY_REFERENCES } from './agronomy'
import { MONEY_REFERENCES } from './money'
import type { Bilingual, Reference } from './types'
import { VARIETY_REFERENCES } from './varieties'

export type { Bilingual, Reference } from './types'

/** Every publication the planner cites, one record each. */
export const REFERENCES: readonly Reference[] = [
  ...AGRONOMY_REFERENCES,
  ...VARIETY_REFERENCES,
  ...MONEY_REFERENCES,
]

const BY_ID = new Map(REFERENCES.map((r) => [r.id, r]))

export function referenceById(id: string): Reference | undefined {
  return BY_ID.get(id)
}

/** The records behind a list of ids, in order; unknown ids are left out. */
export function referencesOf(ids: readonly string[]): Reference[] {
  return ids.map((id) => BY_ID.get(id)).filter((r): r is Reference => r !== undefined)
}

export type Lang = 'zh' | 'en'

/** 'zh' for a Chinese locale, else 'en'. */
export function langOf(locale: string): Lang {
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en'
}

const pick = (b: Bilingual, lang: Lang) => b[lang]

/** One line a reader can look up: publisher, title, year, and the figure taken from it. */
export function citation(ref: Reference, lang: Lang): string {
  const year = ref.year === null ? '' : lang === 'zh' ? `（${ref.year}）` : ` (${ref.year})`
  return lang === 'zh'
    ? `${pick(ref.publisher, lang)}《${pick(ref.title, lang)}》${year}：${pick(ref.figure, lang)}`
    : `${pick(ref.publisher, lang)}, “${pick(ref.title, lang)}”${year}: ${pick(ref.figure, lang)}`
}

/**
 * A variety's source as stored: either a user's own free text, or the catalogue's reference ids
 * written as "refs:id1,id2" (so that the database column, CSV and plan files stay one string).
 */
const REFS_PREFIX = 'refs:'

export function encodeRefs(ids: readonly string[]): string {
  return `${REFS_PREFIX}${ids.join(',')}`
}

/** The reference ids a stored variety source names, or null when it is the user's free text. */
export function decodeRefs(source: string): string[] | null {
  if (!source.startsWith(REFS_PREFIX)) return null
  return source
    .slice(REFS_PREFIX.length)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** A variety source as a reader sees it, in one language: citations, or the user's own words. */
export function sourceLines(source: string, lang: Lang): { text: string; url: string | null }[] {
  const ids = decodeRefs(source)
  if (ids === null) return source.length > 0 ? [{ text: source, url: null }] : []
  return referencesOf(ids).map((r) => ({ text: citation(r, lang), url: r.url }))
}

/**
 * Demo varieties stored by an earlier version carry an English note naming an internal document
 * as their source. Read back, such a source becomes the catalogue's records for that variety; a
 * user's own text is never touched (it does not name that document).
 */
const LEGACY_DEMO_REFS: Readonly<Record<string, readonly string[]>> = {
  先玉335: ['approval-xianyu335', 'scirep-2022-density', 'fengshou-example'],
  富民985: ['scirep-2022-density', 'ne-density-synthesis', 'maize-climate-zones', 'fengshou-example'],
  吉育86: ['approval-dongsheng118'],
  东生118: ['approval-dongsheng118', 'iga-cas-dongsheng118', 'gmw-dongsheng118'],
  示例粳稻: ['fengshou-example', 'rice-minimum-price-2024'],
}

export function currentVarietySource(name: string, source: string): string {
  const legacy = source.includes('AGRONOMY') || source.startsWith('Example japonica rice entry;')
  if (!legacy) return source
  return encodeRefs(LEGACY_DEMO_REFS[name] ?? ['fengshou-example'])
}
