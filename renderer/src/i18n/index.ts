import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from '../../../engine/i18n/locales/en.json'
import zhCN from '../../../engine/i18n/locales/zh-CN.json'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const

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
