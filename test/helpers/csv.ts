import iconv from 'iconv-lite'

export const CSV_UNITS = { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' } as const

// The co-op file the bench imports is the same one the tests import.
export { FIELDS_CSV_HEADER, fieldsCsv } from '../../app/bench/csv'

export function gb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030')
}

/** Text as Excel's "Unicode text" saves it: UTF-16, little-endian with a byte-order mark by default. */
export function utf16(text: string, order: 'le' | 'be' = 'le', mark = true): Buffer {
  const le = Buffer.from(text, 'utf16le')
  const bytes = order === 'le' ? le : Buffer.from(le).swap16()
  return mark ? Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes
}

/** A co-op's own variety list, densities in plants per mu. */
export const VARIETY_CSV_HEADER =
  '作物,品种,熟期,积温,产量潜力（%）,对照品种,耐密性,倒伏风险,耐盐性,来源,雨养最低,雨养最适,雨养上限,滴灌最低,滴灌最适,滴灌上限'
export const VARIETY_CSV_ROWS = [
  '玉米,吉单试1号,128,2650,104.5,先玉335,高,低,中,2024 年本社对比试验,4000,4800,5300,4700,5500,6000',
  '大豆,吉育试2号,120,2400,103,吉育86,,,高,县农技站 2023 区试,10000,12000,13500,,,',
]
