import { parseStrictNumber } from '../../../../engine/csv-numbers'
import type { Issue } from '../../../../engine/errors'
import { MAX_FIT_POINTS } from '../../../../engine/model/density'

/**
 * The points read, and the header line when the paste began with one (its line number and text),
 * so the screen can say which line was taken for a header rather than read as data.
 */
export type ParsedTrial =
  | { points: { density: number; yield: number }[]; header: { line: number; text: string } | null }
  | { issue: Issue }

const cellsOf = (line: string) => line.split(/[,\t ]+/)

/**
 * A header is words, not numbers: a line copied with the column titles from a spreadsheet
 * (密度（株/亩）	产量（斤/亩）, density,yield). It has at least two cells, and each holds a letter and
 * starts with one (not a digit, a sign or a point); "6000,abc", "6o00,9x00" or "12x00" are data
 * lines with a mistake, and are named as such.
 */
export function isHeaderLine(line: string): boolean {
  const cells = cellsOf(line.trim())
  return cells.length >= 2 && cells.every((c) => /\p{L}/u.test(c) && !/^[\d.+-]/.test(c))
}

/**
 * Pasted trial points, one "density, yield" pair per line (comma, tab or spaces), in display units.
 * One leading header line is recognised as a header and not read as data; a text line anywhere
 * else is a bad line. At most MAX_FIT_POINTS points (the fit's own limit): reading stops at the
 * first line beyond it.
 */
export function parseTrialPoints(text: string): ParsedTrial {
  const points: { density: number; yield: number }[] = []
  let header: { line: number; text: string } | null = null
  let first = true
  const lines = text.normalize('NFKC').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    if (first && isHeaderLine(line)) {
      header = { line: i + 1, text: line }
      first = false
      continue
    }
    first = false
    const cells = cellsOf(line)
    const d = cells.length === 2 ? parseStrictNumber(cells[0]!) : null
    const y = cells.length === 2 ? parseStrictNumber(cells[1]!) : null
    if (d === null || y === null || d <= 0 || y < 0)
      return { issue: { path: [i + 1], rule: 'csv_row', params: { line: i + 1 } } }
    if (points.length === MAX_FIT_POINTS)
      return {
        issue: { path: [i + 1], rule: 'too_many_points', params: { limit: MAX_FIT_POINTS, line: i + 1 } },
      }
    points.push({ density: d, yield: y })
  }
  return { points, header }
}
