import type { MenuItemConstructorOptions } from 'electron'
import en from '../engine/i18n/locales/en.json'
import zhCN from '../engine/i18n/locales/zh-CN.json'

type Catalogue = Record<string, unknown>
const CATALOGUES: Record<'zh-CN' | 'en', Catalogue> = { 'zh-CN': zhCN, en }

/** Looks up a dotted key in the renderer's catalogue, so menus and dialogs share its words. */
export function mainText(locale: 'zh-CN' | 'en', key: string): string {
  let node: unknown = CATALOGUES[locale]
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? (node as Catalogue)[part] : undefined
  }
  return typeof node === 'string' ? node : key
}

export function buildMenuTemplate(
  locale: 'zh-CN' | 'en',
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const t = (key: string) => mainText(locale, key)
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [{ role: platform === 'darwin' ? 'close' : 'quit', label: t('menu.quit') }],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullscreen') },
      ],
    },
  ]
}
