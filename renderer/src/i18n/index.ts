import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { LOCALES, type Locale } from '../../../engine/i18n/locale'
import zhCN from '../../../engine/i18n/locales/zh-CN.json'

export { LOCALES, type Locale }

type Catalogue = Record<string, unknown>

/**
 * Chinese ships with the first screen; English is fetched the first time it is chosen, so the
 * co-ops who never switch do not load it at start (about 70 KB of text).
 */
const LOADERS: Record<Locale, () => Promise<Catalogue>> = {
  'zh-CN': async () => zhCN,
  en: async () => (await import('../../../engine/i18n/locales/en.json')).default,
}

/**
 * Chinese first: zh-CN is the default and the fallback. `preloaded` gives catalogues at once
 * (tests render English without waiting); the app loads others through switchLanguage.
 */
export function initI18n(locale: Locale = 'zh-CN', preloaded: Partial<Record<Locale, Catalogue>> = {}) {
  const resources: Record<string, { translation: Catalogue }> = { 'zh-CN': { translation: zhCN } }
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
