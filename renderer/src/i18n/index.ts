import zhStart from 'catalogue:zh-CN/start'
import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LOCALES, type Locale } from '../../../engine/i18n/locale'

export { LOCALES, type Locale }

type Catalogue = Record<string, unknown>

/**
 * Chinese ships with the first screen, but for the words of the screens that load on demand (the
 * board, its pack, the optimiser: engine/i18n/namespaces.ts), which come with the first of them.
 * English is fetched whole the first time it is chosen, so the co-ops who never switch do not load
 * it at start (about 100 KB of text).
 */
const LOADERS: Record<Locale, () => Promise<Catalogue>> = {
  'zh-CN': async () => zhStart,
  en: async () => (await import('../../../engine/i18n/locales/en.json')).default,
}

let screenWords: Promise<void> | null = null

/**
 * Adds the on-demand screens' Chinese words to the catalogue, once per window. A screen that
 * shows them is loaded together with this (shell/screens.ts), so it never draws a raw key.
 */
export function loadScreenWords(i18n: I18n = i18next): Promise<void> {
  screenWords ??= import('catalogue:zh-CN/screens').then((m) => {
    i18n.addResourceBundle('zh-CN', 'translation', m.default, true, false)
  })
  return screenWords.catch((error: unknown) => {
    screenWords = null
    throw error
  })
}

/**
 * Chinese first: zh-CN is the default and the fallback. `preloaded` gives catalogues at once
 * (tests render English without waiting); the app loads others through switchLanguage.
 */
export function initI18n(locale: Locale = 'zh-CN', preloaded: Partial<Record<Locale, Catalogue>> = {}) {
  const resources: Record<string, { translation: Catalogue }> = { 'zh-CN': { translation: zhStart } }
  for (const [lng, catalogue] of Object.entries(preloaded)) resources[lng] = { translation: catalogue }
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale in resources ? locale : 'zh-CN',
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i18next
}

/** Shows the product in `locale`, fetching its catalogue first if this window has not yet. */
export async function switchLanguage(i18n: I18n, locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'translation'))
    i18n.addResourceBundle(locale, 'translation', await LOADERS[locale]())
  if (i18n.language !== locale) await i18n.changeLanguage(locale)
}
