import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { CATALOGUES, LOCALES, type Locale } from '../../../engine/i18n/translate'

export { LOCALES, type Locale }

export const resources = {
  'zh-CN': { translation: CATALOGUES['zh-CN'] },
  en: { translation: CATALOGUES.en },
} as const

/** Chinese first: zh-CN is the default and the fallback. */
export function initI18n(locale: Locale = 'zh-CN') {
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return i18next
}
