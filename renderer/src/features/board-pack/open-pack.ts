import type { Locale } from '../../../../engine/i18n/locale'
import { ApiCallError, shell } from '../../api'
import { boardPackHash as hashOf } from './print-route'

/**
 * Opens the board pack (理事会材料) of one version: the desktop app saves it as a PDF made by
 * Chromium's own printer (the main process prints the print route in a hidden window and asks
 * where to save it); browser mode opens the print route in a new tab for the browser's print.
 */
export function boardPackHash(versionId: number, locale: string): string {
  return hashOf(versionId, asLocale(locale))
}

function asLocale(locale: string): Locale {
  return locale === 'en' ? 'en' : 'zh-CN'
}

/** What became of the pack: saved to a file (desktop), not saved (cancelled), or opened in a tab. */
export type BoardPackOutcome = { kind: 'saved'; file: string } | { kind: 'cancelled' } | { kind: 'opened' }

/** Throws an ApiCallError (with its code) when the desktop app could not make or write the PDF. */
export async function openBoardPack(versionId: number, locale: string): Promise<BoardPackOutcome> {
  if (shell?.saveBoardPack) {
    const result = await shell.saveBoardPack({ versionId, locale: asLocale(locale) })
    if (!result.ok) throw new ApiCallError(result.error)
    return result.value.file === null ? { kind: 'cancelled' } : { kind: 'saved', file: result.value.file }
  }
  window.open(
    `${window.location.pathname}${window.location.search}${boardPackHash(versionId, locale)}`,
    '_blank',
  )
  return { kind: 'opened' }
}
