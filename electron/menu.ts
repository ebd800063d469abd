import type { MenuItemConstructorOptions } from 'electron'
import { type Locale, translate } from '../engine/i18n/translate'

/** Menus and dialogs use the same catalogue as the renderer. */
export function mainText(locale: Locale, key: string): string {
  return translate(locale, key)
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
