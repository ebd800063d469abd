import type { MessageBoxSyncOptions } from 'electron'
import type { Locale } from '../engine/i18n/translate'
import { mainText } from './menu'

/**
 * A window with an unsaved form asks before it closes or reloads (the page blocks unloading while
 * a form holds changes). Electron gives no dialog of its own for that, so the main process asks,
 * in the workspace's language. True means: leave and drop the changes.
 */
export function confirmDiscard(
  showMessageBox: (options: MessageBoxSyncOptions) => number,
  locale: Locale,
): boolean {
  const choice = showMessageBox({
    type: 'question',
    buttons: [mainText(locale, 'unsaved.discard'), mainText(locale, 'unsaved.keep')],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: mainText(locale, 'app.title'),
    message: mainText(locale, 'unsaved.title'),
    detail: mainText(locale, 'unsaved.body'),
  })
  return choice === 0
}
