import Papa from 'papaparse'
import {
  decodeBytes,
  type EncodingTrouble,
  refuseForeignBytes,
  type TextEncoding,
  withoutMark,
} from '../csv-numbers'
import { AppError, type Rule } from '../errors'

/**
 * One problem in an imported CSV, where the user can find it.
 *
 * `row` is the row number Excel and WPS show for the file: every line break outside quotes starts
 * a new row, blank rows count, the header is row 1 when it is the first line, the first data row is
 * row 2, and a record whose quoted cell holds line breaks is still one row. `row: 0` means the file
 * as a whole (a column it lacks). `column` is the header text as written in the file, or the name
 * of the missing column for row 0; it is '' when a row has more cells than the header has columns.
 */
export type CsvProblem = {
  row: number
  column: string
  rule: Rule
  params?: Record<string, string | number>
}

/** One data row: its spreadsheet row number and its cells as written. */
export type CsvRecord = { row: number; cells: string[] }

export type CsvTable = {
  encoding: TextEncoding
  /** The spreadsheet row of the header (the first row that is not blank). */
  headerRow: number
  headers: string[]
  /** Every data row that is not blank, including rows whose structure is broken. */
  dataRows: number
  /** The data rows whose cells could be read; rows named in `problems` for quotes or cell counts are left out. */
  records: CsvRecord[]
  /** What reading found: bytes that are not text, quotes that do not close, rows of the wrong width. */
  problems: CsvProblem[]
  /** False when some bytes are not text: `records` is then empty and only `problems` count. */
  decoded: boolean
}

/** 16 MiB of CSV is about 22 MB of base64; the contract caps a request below that. */
export const CSV_MAX_BYTES = 16 * 1024 * 1024
/** Ten times the largest co-op's field count; a 10,000-row file imports in well under a second. */
export const CSV_MAX_ROWS = 20_000
/** Far wider than any field or variety list; checked on the header's bytes before any parsing. */
export const CSV_MAX_COLUMNS = 500
/** A spreadsheet has at most this many rows; more lines (blank ones included) are not a spreadsheet. */
const SHEET_MAX_ROWS = 1_048_576

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d
const SPACE = 0x20
/** In the order scanHeader counts them (comma 0x2c, tab 0x09, semicolon 0x3b); a tie goes to the first. */
const DELIMITERS = [',', '\t', ';'] as const
type Delimiter = (typeof DELIMITERS)[number]
type Newline = '\r\n' | '\n' | '\r'

function refuse(rule: Rule, params?: Record<string, string | number>): AppError {
  return new AppError('VALIDATION', `The CSV cannot be imported: ${rule}`, {
    issues: [{ path: [], rule, ...(params ? { params } : {}) }],
    problems: [{ row: 0, column: '', rule, ...(params ? { params } : {}) }],
  })
}

/**
 * The first row that is not blank, read at the byte level (quotes, commas, tabs, semicolons and
 * line breaks are single ASCII bytes in UTF-8 and GB18030 and never part of a Chinese character):
 * how many of each delimiter it holds outside quotes, and which line break ends it. Costs one pass
 * over the header only, so an absurdly wide file is refused before anything expensive runs.
 */
function scanHeader(
  b: Uint8Array,
): { counts: number[]; newline: Newline; start: number; end: number } | null {
  let i = 0
  let newline: Newline | null = null
  while (i < b.length) {
    const start = i
    const counts = DELIMITERS.map(() => 0)
    let inQuote = false
    let fieldStart = true
    let blank = true
    for (; i < b.length; i++) {
      const c = b[i]!
      if (inQuote) {
        if (c === QUOTE) {
          if (b[i + 1] === QUOTE) i++
          else inQuote = false
        }
        continue
      }
      if (c === QUOTE && fieldStart) {
        inQuote = true
        blank = false
        fieldStart = false
        continue
      }
      if (c === LF || c === CR) break
      const d = c === 0x2c ? 0 : c === 0x09 ? 1 : c === 0x3b ? 2 : -1
      if (d !== -1) {
        counts[d]!++
        fieldStart = true
        continue
      }
      if (c !== SPACE) blank = false
      fieldStart = false
    }
    const found: Newline = b[i] === CR ? (b[i + 1] === LF ? '\r\n' : '\r') : '\n'
    newline ??= i < b.length ? found : null
    if (!blank) return { counts, newline: newline ?? '\n', start, end: i }
    i += found.length
  }
  return null
}

/**
 * The spreadsheet row and cell index of each byte offset (ascending), by the same rules the parser
 * uses: a quote opens a quoted cell only at the start of a cell, "" inside quotes is a quote, and
 * only the file's own line break outside quotes starts a new row.
 */
function locate(b: Uint8Array, delimiter: Delimiter, newline: Newline, offsets: number[]) {
  const out: { row: number; cell: number }[] = []
  const d = delimiter.charCodeAt(0)
  const nl0 = newline.charCodeAt(0)
  const crlf = newline === '\r\n'
  let row = 1
  let cell = 0
  let inQuote = false
  let fieldStart = true
  let k = 0
  for (let i = 0; i < b.length && k < offsets.length; i++) {
    while (k < offsets.length && offsets[k]! <= i) {
      out.push({ row, cell })
      k++
    }
    const c = b[i]!
    if (inQuote) {
      if (c === QUOTE) {
        if (b[i + 1] === QUOTE) i++
        else inQuote = false
      }
      continue
    }
    if (c === QUOTE && fieldStart) {
      inQuote = true
      fieldStart = false
    } else if (c === d) {
      cell++
      fieldStart = true
    } else if (c === nl0 && (!crlf || b[i + 1] === LF)) {
      if (crlf) i++
      row++
      cell = 0
      fieldStart = true
    } else fieldStart = false
  }
  while (out.length < offsets.length) out.push({ row, cell })
  return out
}

/** Which cell of a record a character offset falls in, for a quote the parser complained about. */
function cellAt(text: string, start: number, at: number, delimiter: Delimiter): number {
  let cell = 0
  let inQuote = false
  let fieldStart = true
  for (let i = start; i < at && i < text.length; i++) {
    const c = text[i]
    if (inQuote) {
      if (c === '"') {
        if (text[i + 1] === '"') i++
        else inQuote = false
      }
      continue
    }
    if (c === '"' && fieldStart) {
      inQuote = true
      fieldStart = false
    } else if (c === delimiter) {
      cell++
      fieldStart = true
    } else fieldStart = false
  }
  return cell
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')

type Tabulated = Omit<CsvTable, 'encoding' | 'decoded'>

/** Parses decoded text into numbered rows, naming every row whose quotes or width are wrong. */
function tabulate(text: string, delimiter: Delimiter, newline: Newline): Tabulated {
  const s = {
    headers: null as string[] | null,
    headerRow: 0,
    row: 0,
    start: 0,
    dataRows: 0,
    overflow: null as 'too_many_rows' | 'too_many_columns' | null,
  }
  const records: CsvRecord[] = []
  const problems: CsvProblem[] = []
  Papa.parse<string[]>(text, {
    delimiter,
    newline,
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (result, parser) => {
      const cells = result.data
      const start = s.start
      s.start = result.meta.cursor
      const row = ++s.row
      if (row > SHEET_MAX_ROWS) {
        s.overflow = 'too_many_rows'
        parser.abort()
        return
      }
      const quotes = result.errors.filter((e) => e.type === 'Quotes')
      if (quotes.length === 0 && isBlank(cells)) return
      // Text after a closing quote is the cause when both are reported; a quote that never
      // closes at all runs to the end of the file, so it sits in the record's last cell.
      const quote = quotes.find((e) => e.code === 'InvalidQuotes') ?? quotes[0]
      const unclosed = quote?.code === 'MissingQuotes'
      const quoteCell = unclosed
        ? cells.length - 1
        : cellAt(text, start, (quote?.index ?? start + 1) - 1, delimiter)
      // A broken quote ran over line breaks that a spreadsheet would not join: the rows after it
      // keep the numbers of their own lines.
      if (quote) for (const c of cells) s.row += c.split(newline).length - 1
      const headers = s.headers
      if (headers === null) {
        s.headers = cells.map((h) => h.trim())
        s.headerRow = row
        if (quote)
          problems.push({ row, column: '', rule: unclosed ? 'csv_quote_unclosed' : 'csv_quote_malformed' })
        if (cells.length > CSV_MAX_COLUMNS) {
          s.overflow = 'too_many_columns'
          parser.abort()
        }
        return
      }
      if (++s.dataRows > CSV_MAX_ROWS) {
        s.overflow = 'too_many_rows'
        parser.abort()
        return
      }
      if (quote) {
        problems.push({
          row,
          column: headers[quoteCell] ?? '',
          rule: unclosed ? 'csv_quote_unclosed' : 'csv_quote_malformed',
        })
        return
      }
      const width = headers.length
      if (cells.length < width) {
        problems.push({
          row,
          column: headers[cells.length] ?? '',
          rule: 'csv_too_few_cells',
          params: { count: cells.length, expected: width },
        })
        return
      }
      // Cells past the header are only an error when they hold something: some tools end every
      // row with a delimiter, and nothing is lost by an empty cell.
      if (cells.length > width && !isBlank(cells.slice(width))) {
        problems.push({
          row,
          column: '',
          rule: 'csv_too_many_cells',
          params: { count: cells.length, expected: width },
        })
        return
      }
      records.push({ row, cells })
    },
  })
  if (s.overflow === 'too_many_columns')
    throw refuse('too_many_columns', { limit: CSV_MAX_COLUMNS, count: s.headers?.length ?? 0 })
  if (s.overflow === 'too_many_rows') throw refuse('too_many_rows', { limit: CSV_MAX_ROWS })
  if (s.headers === null) throw refuse('csv_empty')
  return { headerRow: s.headerRow, headers: s.headers, dataRows: s.dataRows, records, problems }
}

/** A cell that holds a byte-order mark was pasted from another file; the mark is invisible. */
function strayMarks(table: Tabulated): CsvProblem[] {
  const found: CsvProblem[] = []
  const check = (row: number, cells: string[]) => {
    const i = cells.findIndex((c) => c.includes('\uFEFF'))
    if (i !== -1) found.push({ row, column: table.headers[i] ?? '', rule: 'encoding_mixed' })
  }
  check(table.headerRow, table.headers)
  for (const r of table.records) check(r.row, r.cells)
  return found.slice(0, 1)
}

/** Names each place where bytes are not text: every damaged row, and the first row of another encoding. */
function troubleProblems(
  body: Uint8Array,
  troubles: EncodingTrouble[],
  delimiter: Delimiter,
  newline: Newline,
  headers: string[],
): CsvProblem[] {
  const places = locate(
    body,
    delimiter,
    newline,
    troubles.map((t) => t.offset),
  )
  const seen = new Set<string>()
  let mixed = false
  const problems: CsvProblem[] = []
  troubles.forEach((t, i) => {
    const { row, cell } = places[i]!
    if (t.rule === 'encoding_mixed') {
      if (mixed) return
      mixed = true
    }
    const key = `${row}:${t.rule}`
    if (seen.has(key)) return
    seen.add(key)
    problems.push({ row, column: headers[cell] ?? '', rule: t.rule })
  })
  return problems
}

/**
 * The header of a file whose bytes are not all text, decoded on its own (the header is often fine
 * when a later row is damaged, or in the other encoding when a file mixes two), so problems can
 * name their columns as the user wrote them. Falls back to the lenient reading.
 */
function readableHeaders(bytes: Uint8Array, delimiter: Delimiter, lenient: string[]): string[] {
  for (const label of ['utf-8', 'gb18030'] as const) {
    let text: string
    try {
      text = new TextDecoder(label, { fatal: true }).decode(bytes)
    } catch {
      continue
    }
    const cells = Papa.parse<string[]>(text, { delimiter, quoteChar: '"' }).data[0]
    if (cells && cells.length === lenient.length) return cells.map((h) => h.trim().replace(/^\uFEFF/, ''))
  }
  return lenient
}

/**
 * Reads an imported CSV from its bytes, refusing with a VALIDATION error (issues[0].rule) what
 * cannot be a field or variety list at all: too large, UTF-16, binary, too many columns (checked on
 * the header's bytes before decoding or parsing), too many rows, or empty. Everything else comes
 * back with every problem named by spreadsheet row and header.
 */
export function readCsv(bytes: Uint8Array): CsvTable {
  if (bytes.length > CSV_MAX_BYTES) throw refuse('file_too_large', { limit: CSV_MAX_BYTES })
  refuseForeignBytes(bytes)
  const head = scanHeader(withoutMark(bytes))
  if (!head) throw refuse('csv_empty')
  let best = 0
  head.counts.forEach((n, i) => {
    if (n > head.counts[best]!) best = i
  })
  const columns = head.counts[best]! + 1
  if (columns > CSV_MAX_COLUMNS) throw refuse('too_many_columns', { limit: CSV_MAX_COLUMNS, count: columns })
  const delimiter = DELIMITERS[best]!
  const decoded = decodeBytes(bytes)
  const table = tabulate(decoded.text, delimiter, head.newline)
  if (decoded.troubles.length > 0) {
    const headers = readableHeaders(decoded.body.subarray(head.start, head.end), delimiter, table.headers)
    return {
      ...table,
      headers,
      encoding: decoded.encoding,
      records: [],
      problems: troubleProblems(decoded.body, decoded.troubles, delimiter, head.newline, headers),
      decoded: false,
    }
  }
  const stray = strayMarks(table)
  if (stray.length > 0)
    return { ...table, encoding: decoded.encoding, records: [], problems: stray, decoded: false }
  return { ...table, encoding: decoded.encoding, decoded: true }
}
