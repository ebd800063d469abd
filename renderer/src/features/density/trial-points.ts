import { parseStrictNumber } from '../../../../engine/csv-numbers'
import type { Issue } from '../../../../engine/errors'
import { MAX_FIT_POINTS } from '../../../../engine/model/density'

export type ParsedTrial = { points: { density: number; yield: number }[] } | { issue: Issue }

/**
 * Pasted trial points, one "density, yield" pair per line (comma, tab or spaces), in display units.
 * At most MAX_FIT_POINTS of them (the fit's own limit): reading stops at the first line beyond it.
 */
export function parseTrialPoints(text: string): ParsedTrial {
  const points: { density: number; yield: number }[] = []
  const lines = text.normalize('NFKC').split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (line === '') continue
    const cells = line.split(/[,\t ]+/)
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
  return { points }
}
