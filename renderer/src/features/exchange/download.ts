/**
 * Saves a plan file the way a browser downloads: a Blob behind an <a download>. The desktop app
 * takes the same path (Electron asks where to save a download), so both shells save alike.
 */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
