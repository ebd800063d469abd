import { AppError } from './errors'

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

/** Decoded text of imported bytes: UTF-8 when it is valid UTF-8, else GB18030 (Excel/WPS in China). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' }
  }
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
    points.push({ densityPlantsPerHa: d, yieldKgPerHa: y })
  }
  return points
}
