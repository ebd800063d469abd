/**
 * The printed page: A4 with margins, and in the page's margin boxes the footer every page carries
 * (co-op, version and its hash at the left, "page n of N" at the right) and, for a version that no
 * longer matches its hash, a red warning at the top of every page. Chromium draws CSS page margin
 * boxes since 131, in its own printing (Electron's printToPDF) and in headless page.pdf() alike,
 * and counts pages there; no script can know the page count of a print.
 */

/** The fonts that carry Chinese on Windows, macOS and Linux, so the PDF embeds a CJK font. */
export const PACK_FONTS =
  "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Noto Sans', sans-serif"

/** A CSS string literal: quotes, backslashes and line breaks escaped, nothing else can break out. */
export function cssString(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ')
  return `"${clean.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

/**
 * "第 {{page}} 页 / 共 {{pages}} 页" as CSS content: the words as strings, the numbers as the
 * page counters.
 */
export function pageCounterContent(template: string): string {
  const parts: string[] = []
  let rest = template
  for (;;) {
    const m = /\{\{\s*(page|pages)\s*\}\}/.exec(rest)
    if (!m) break
    if (m.index > 0) parts.push(cssString(rest.slice(0, m.index)))
    parts.push(`counter(${m[1]})`)
    rest = rest.slice(m.index + m[0].length)
  }
  if (rest.length > 0) parts.push(cssString(rest))
  return parts.join(' ')
}

export type PageStyleInput = {
  /** the footer's left: co-op, version and hash */
  footer: string
  /** the footer's right, with {{page}} and {{pages}} */
  pageTemplate: string
  /** the warning at the top of every page, for a version that does not match its hash */
  tamperWarning: string | null
}

export function pageStyle(input: PageStyleInput): string {
  const box = `font-family: ${PACK_FONTS}; font-size: 7.5pt; color: #555;`
  const top = input.tamperWarning
    ? `@top-center { content: ${cssString(input.tamperWarning)}; font-family: ${PACK_FONTS}; font-size: 9pt; font-weight: 700; color: #c62828; }`
    : ''
  return `@page {
  size: A4;
  margin: 15mm 14mm 17mm 14mm;
  @bottom-left { content: ${cssString(input.footer)}; ${box} vertical-align: top; padding-top: 3mm; }
  @bottom-right { content: ${pageCounterContent(input.pageTemplate)}; ${box} vertical-align: top; padding-top: 3mm; white-space: nowrap; }
  ${top}
}`
}
