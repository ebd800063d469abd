import iconv from 'iconv-lite'
import { buildDemoPlan } from '../../engine/demo-plan'
import { fromHa } from '../../engine/units'

export const CSV_UNITS = { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' } as const

const CROP = { maize: '玉米', soybean: '大豆', rice: '水稻' } as const

export const FIELDS_CSV_HEADER =
  '地块名称,村,乡镇,面积（亩）,作物,品种,密度（株/亩）,水分管理,高标准农田,盐碱,积温,地力等级,单产2023,单产2024'

/**
 * A co-op's field list as Excel/WPS would save it: Chinese headers, mu and jin/mu, n data rows
 * named 导入地1…n. `badRow` is a spreadsheet row (the header is row 1, 导入地1 is row 2) whose area
 * reads "12.5亩".
 */
export function fieldsCsv(n: number, badRow: number | null = null): string {
  const demo = buildDemoPlan()
  const lines = [FIELDS_CSV_HEADER]
  for (let i = 0; i < n; i++) {
    const f = demo.fields[i % demo.fields.length]!
    const variety = demo.varieties.find((v) => v.id === f.varietyId)?.name ?? ''
    const area = i + 2 === badRow ? '12.5亩' : String(Math.round(fromHa(f.areaHa, 'mu')))
    const density = f.densityPlantsPerHa === null ? '' : String(Math.round(f.densityPlantsPerHa / 15))
    lines.push(
      [
        `导入地${i + 1}`,
        f.village,
        f.township,
        area,
        CROP[f.crop],
        variety,
        density,
        f.crop === 'rice' ? '水田' : '雨养',
        f.hasHsf ? '是' : '否',
        '无',
        String(f.heatSumCd),
        String(f.qualityGrade),
        '1200',
        '1260',
      ].join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

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
