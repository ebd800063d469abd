/**
 * Opens the board pack (理事会材料) of one version: the desktop app saves it as a PDF made by
 * Chromium's own printer; browser mode opens the print route in a new tab for the browser's print.
 * Filled in with the print route.
 */
export function boardPackHash(versionId: number, locale: string): string {
  return `#/print/version/${versionId}?lang=${encodeURIComponent(locale)}`
}

export async function openBoardPack(versionId: number, locale: string): Promise<void> {
  window.open(
    `${window.location.pathname}${window.location.search}${boardPackHash(versionId, locale)}`,
    '_blank',
  )
}
