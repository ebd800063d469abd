/** Undoes our own export's guard: an apostrophe put before = + - @ to stop formulas. */
export function unescapeCell(raw: string): string {
  const text = raw.normalize('NFKC').trim()
  return /^''*[=+\-@]/.test(text) ? text.slice(1) : text
}
