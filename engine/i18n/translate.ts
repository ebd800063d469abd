/**
 * The one catalogue of every word the product shows, in both languages. It sits in the bottom
 * layer so that the renderer (through i18next), the desktop shell's menus and dialogs, and the
 * command line all read the same sentences without crossing a wall.
 */
import { LOCALES, type Locale } from './locale'
import en from './locales/en.json'
import zhCN from './locales/zh-CN.json'

export { LOCALES, type Locale }

export const CATALOGUES = { 'zh-CN': zhCN, en } as const

/** The entry at a dotted key, or undefined when there is none (never a fallback sentence). */
export function lookup(locale: Locale, key: string): string | undefined {
  let node: unknown = CATALOGUES[locale]
  for (const part of key.split('.')) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
  }
  return typeof node === 'string' ? node : undefined
}

/**
 * The sentence at `key` with {{name}} placeholders filled in, as i18next does. A missing key is a
 * bug the catalogue test catches; here it shows the key itself rather than a made-up sentence.
 */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const text = lookup(locale, key) ?? key
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

/**
 * The language of a command-line session: Chinese first, English when the environment asks for it
 * (LC_ALL, LC_MESSAGES or LANG starting with "en").
 */
export function localeFromEnv(env: Record<string, string | undefined>): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}
