import { AppError } from './errors'
import { MAX_FIT_POINTS, tooManyPoints } from './model/density'

/**
 * Strict number parsing for imported text: "12.5" and "-3" are numbers; "", "12.5亩", "1,234",
 * "1e5" and "NaN" are not (a unit or a thousands separator must be handled on purpose, not guessed).
 */
export function parseStrictNumber(text: string): number | null {
  const t = text.trim()
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null
  const n = Number(t)
  return Number.isFinite(n) ? n : null
}

export type TextEncoding = 'utf-8' | 'gb18030'

/**
 * A place in the bytes that is not text in the file's encoding: `mixed` when it reads as another
 * encoding (a GB18030 line in a UTF-8 file, a UTF-8 line in a GB18030 file, a second BOM), `invalid`
 * when it is no text at all (a damaged byte). `offset` counts from the start of `body`.
 */
export type EncodingTrouble = { offset: number; rule: 'encoding_mixed' | 'encoding_invalid' }

export type DecodedBytes = {
  encoding: TextEncoding
  /** The bytes after a UTF-8 byte-order mark, which is not content. */
  body: Uint8Array
  /** The text; when there is trouble it is decoded leniently, for showing headers only. */
  text: string
  /** Empty when every byte is text in `encoding`; otherwise nothing may be imported. */
  troubles: EncodingTrouble[]
}

const LF = 0x0a
const CR = 0x0d

function refuse(rule: 'encoding_utf16' | 'encoding_binary'): AppError {
  return new AppError('VALIDATION', 'The file is not UTF-8 or GB18030 text', { issues: [{ path: [], rule }] })
}

/**
 * Refuses, before any decoding, bytes that are not a text file in an encoding we read: UTF-16
 * (Excel's "Unicode text" export, with or without its byte-order mark) and binary files such as an
 * Excel workbook chosen by mistake. Neither UTF-8 nor GB18030 text ever holds a zero byte.
 */
export function refuseForeignBytes(bytes: Uint8Array): void {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) throw refuse('encoding_utf16')
  const firstZero = bytes.indexOf(0)
  if (firstZero === -1) return
  // UTF-16 without a mark: every ASCII character (commas, digits, line breaks) carries one zero
  // byte, always on the same side of the pair.
  let even = 0
  let odd = 0
  for (let i = firstZero; i < bytes.length; i++) {
    if (bytes[i] !== 0) continue
    if (i % 2 === 0) even++
    else odd++
  }
  const pairs = Math.floor(bytes.length / 2)
  const oneSided = (even === 0 || odd === 0) && even + odd >= Math.max(1, pairs / 10)
  throw refuse(bytes.length % 2 === 0 && oneSided ? 'encoding_utf16' : 'encoding_binary')
}

/**
 * How a run of bytes reads as UTF-8: -1 not valid (`bad` is the first offending byte), 0 ASCII only,
 * 1 valid with two-byte sequences only, 2 valid with a three- or four-byte sequence (Chinese).
 * The same rules as TextDecoder('utf-8', { fatal: true }): no overlong forms, no surrogates.
 */
export function utf8Class(b: Uint8Array, start: number, end: number): { cls: -1 | 0 | 1 | 2; bad: number } {
  let cls: 0 | 1 | 2 = 0
  let i = start
  while (i < end) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    let need: number
    let lo = 0x80
    let hi = 0xbf
    if (c >= 0xc2 && c <= 0xdf) need = 1
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2
      if (c === 0xe0) lo = 0xa0
      else if (c === 0xed) hi = 0x9f
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3
      if (c === 0xf0) lo = 0x90
      else if (c === 0xf4) hi = 0x8f
    } else return { cls: -1, bad: i }
    if (i + need >= end) return { cls: -1, bad: i }
    const second = b[i + 1]!
    if (second < lo || second > hi) return { cls: -1, bad: i }
    for (let k = 2; k <= need; k++) {
      const next = b[i + k]!
      if (next < 0x80 || next > 0xbf) return { cls: -1, bad: i }
    }
    if (need >= 2) cls = 2
    else if (cls === 0) cls = 1
    i += need + 1
  }
  return { cls, bad: -1 }
}

/**
 * The first byte in a run that breaks GB18030's structure (a lone lead byte, 0xFF, a broken
 * four-byte form), or `start` when the structure holds but the decoder still refused the run (a
 * four-byte code outside the mapped ranges). Only used to point at a cell; the decoder decides.
 */
function firstBadGb18030(b: Uint8Array, start: number, end: number): number {
  let i = start
  while (i < end) {
    const c = b[i]!
    if (c <= 0x80) {
      i++
      continue
    }
    if (c === 0xff || i + 1 >= end) return i
    const c2 = b[i + 1]!
    if (c2 >= 0x30 && c2 <= 0x39) {
      if (i + 3 >= end) return i
      const c3 = b[i + 2]!
      const c4 = b[i + 3]!
      if (c3 < 0x81 || c3 > 0xfe || c4 < 0x30 || c4 > 0x39) return i
      i += 4
      continue
    }
    if ((c2 >= 0x40 && c2 <= 0x7e) || (c2 >= 0x80 && c2 <= 0xfe)) {
      i += 2
      continue
    }
    return i
  }
  return start
}

/** Where each line starts and ends (without its break); a break is LF, CR LF or a lone CR. */
function lineRanges(b: Uint8Array): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = []
  let start = 0
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!
    if (c !== LF && c !== CR) continue
    lines.push({ start, end: i })
    if (c === CR && b[i + 1] === LF) i++
    start = i + 1
  }
  if (start < b.length) lines.push({ start, end: b.length })
  return lines
}

function tryDecode(label: TextEncoding, b: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(b)
  } catch {
    return null
  }
}

const startsWith = (b: Uint8Array, at: number, prefix: readonly number[]) =>
  prefix.every((p, k) => b[at + k] === p)
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const

/** The bytes after a UTF-8 byte-order mark (the mark is not content). */
export function withoutMark(bytes: Uint8Array): Uint8Array {
  return startsWith(bytes, 0, UTF8_BOM) ? bytes.subarray(3) : bytes
}

/**
 * Decodes imported bytes without ever guessing silently: UTF-8 when every byte is UTF-8, else
 * GB18030 (Excel and WPS on Chinese Windows), each with a fatal decoder. A file that mixes the two
 * (a UTF-8 byte-order mark before GB18030 bytes, two files pasted together, a doubled mark) or
 * holds bytes that are text in neither comes back with `troubles` naming each place; the caller
 * must refuse it. UTF-16 and binary files are refused first (refuseForeignBytes).
 */
export function decodeBytes(bytes: Uint8Array): DecodedBytes {
  refuseForeignBytes(bytes)
  const body = withoutMark(bytes)
  const bom = body !== bytes
  // A second mark right after the first: two exports pasted together, or a tool that added its own.
  const secondMark =
    bom &&
    (startsWith(body, 0, UTF8_BOM) || startsWith(body, 0, [0xff, 0xfe]) || startsWith(body, 0, [0xfe, 0xff]))
  if (!secondMark) {
    const utf8 = tryDecode('utf-8', body)
    if (utf8 !== null) return { encoding: 'utf-8', body, text: utf8, troubles: [] }
  }

  // Not UTF-8 throughout: look line by line. A line that is valid UTF-8 with Chinese in it is UTF-8
  // (GB18030 bytes almost never form a whole valid UTF-8 line); a line that is not valid UTF-8 is
  // another encoding or damaged.
  const lines = lineRanges(body)
  const classes = lines.map((l) => utf8Class(body, l.start, l.end))
  const utf8Lines = classes.filter((c) => c.cls === 2).length
  const otherLines = classes.filter((c) => c.cls === -1).length
  const troubles: EncodingTrouble[] = []
  if (secondMark) troubles.push({ offset: 0, rule: 'encoding_mixed' })

  if (bom || utf8Lines > otherLines) {
    // The file says (or mostly is) UTF-8: every line that is not is the trouble.
    const gb = new TextDecoder('gb18030', { fatal: true })
    classes.forEach((c, i) => {
      if (c.cls !== -1 || (secondMark && i === 0)) return
      const line = lines[i]!
      let readsAsGb = true
      try {
        gb.decode(body.subarray(line.start, line.end))
      } catch {
        readsAsGb = false
      }
      troubles.push({ offset: c.bad, rule: readsAsGb ? 'encoding_mixed' : 'encoding_invalid' })
    })
    return {
      encoding: 'utf-8',
      body,
      text: new TextDecoder('utf-8').decode(body),
      troubles: sorted(troubles),
    }
  }

  if (utf8Lines === 0) {
    const text = tryDecode('gb18030', body)
    if (text !== null) return { encoding: 'gb18030', body, text: text.replace(/^\uFEFF/, ''), troubles: [] }
  }
  // GB18030 with trouble: UTF-8 lines pasted in, or bytes that are not GB18030 (a damaged file).
  const gb = new TextDecoder('gb18030', { fatal: true })
  lines.forEach((line, i) => {
    const c = classes[i]!
    if (c.cls === 2) {
      let first = line.start
      while (first < line.end && body[first]! < 0x80) first++
      troubles.push({ offset: first, rule: 'encoding_mixed' })
      return
    }
    try {
      gb.decode(body.subarray(line.start, line.end))
    } catch {
      troubles.push({ offset: firstBadGb18030(body, line.start, line.end), rule: 'encoding_invalid' })
    }
  })
  return {
    encoding: 'gb18030',
    body,
    text: new TextDecoder('gb18030').decode(body).replace(/^\uFEFF/, ''),
    troubles: sorted(troubles),
  }
}

function sorted(troubles: EncodingTrouble[]): EncodingTrouble[] {
  return troubles.sort((a, b) => a.offset - b.offset)
}

/** The 1-based line of a byte offset (LF, CR LF or a lone CR ends a line). */
function lineOf(b: Uint8Array, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < b.length; i++) {
    const c = b[i]!
    if (c === LF || (c === CR && b[i + 1] !== LF)) line++
  }
  return line
}

/**
 * Decoded text of imported bytes: UTF-8 when it is valid UTF-8, else GB18030 (Excel/WPS in China).
 * Strict: a damaged byte, a mix of encodings, UTF-16 or a binary file is a VALIDATION error naming
 * the line, never replacement characters.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const decoded = decodeBytes(bytes)
  const trouble = decoded.troubles[0]
  if (trouble) {
    const line = lineOf(decoded.body, trouble.offset)
    throw new AppError('VALIDATION', `Line ${line} is not ${decoded.encoding} text`, {
      issues: [{ path: [line], rule: trouble.rule, params: { line } }],
    })
  }
  const stray = decoded.text.indexOf('\uFEFF')
  if (stray !== -1) {
    const line = decoded.text.slice(0, stray).split(/\r\n|\n|\r/).length
    throw new AppError('VALIDATION', `Line ${line} holds a second byte-order mark`, {
      issues: [{ path: [line], rule: 'encoding_mixed', params: { line } }],
    })
  }
  return { text: decoded.text, encoding: decoded.encoding }
}

export type DensityCsvPoint = { densityPlantsPerHa: number; yieldKgPerHa: number }

/** Trial points from a CSV with the header `density_plants_per_ha,yield_kg_per_ha`; replicates allowed. */
export function parseDensityCsv(text: string): DensityCsvPoint[] {
  const lines = text.normalize('NFKC').split(/\r\n|\n|\r/)
  const header = (lines[0] ?? '').trim().toLowerCase().replace(/\s+/g, '')
  if (header !== 'density_plants_per_ha,yield_kg_per_ha') {
    throw new AppError('VALIDATION', 'The first line must be: density_plants_per_ha,yield_kg_per_ha', {
      issues: [
        { path: [1], rule: 'csv_header', params: { expected: 'density_plants_per_ha,yield_kg_per_ha' } },
      ],
    })
  }
  const points: DensityCsvPoint[] = []
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    const cells = line.split(',')
    const d = cells.length === 2 ? parseStrictNumber(cells[0]!) : null
    const y = cells.length === 2 ? parseStrictNumber(cells[1]!) : null
    if (d === null || y === null || d <= 0 || y < 0) {
      throw new AppError('VALIDATION', `Line ${i + 1} is not two numbers (plants/ha, kg/ha)`, {
        issues: [{ path: [i + 1], rule: 'csv_row', params: { line: i + 1 } }],
      })
    }
    if (points.length === MAX_FIT_POINTS) throw tooManyPoints()
    points.push({ densityPlantsPerHa: d, yieldKgPerHa: y })
  }
  return points
}
