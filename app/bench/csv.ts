// Field CSV import as a co-op does it: a 10,000-row GB18030 file from Excel/WPS, decoded, parsed,
// checked and written into a fresh workspace in one transaction; and how fast an absurdly wide file
// is refused.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DB, openDatabase } from '../../db/connection'
import type { WriteContext } from '../../db/repositories/context'
import { ensureWorkspace } from '../../db/seed'
import { buildDemoPlan } from '../../engine/demo-plan'
import { isAppError } from '../../engine/errors'
import { fromHa } from '../../engine/units'
import type { CsvRequest } from '../contract/contract'
import { importCsv, previewCsv } from '../use-cases/field-csv-import'
import { report, time } from './measure'

const UNITS = { area: 'mu', yieldMass: 'jin', yieldArea: 'mu', densityArea: 'mu' } as const
const CROP = { maize: '玉米', soybean: '大豆', rice: '水稻' } as const

export const FIELDS_CSV_HEADER =
  '地块名称,村,乡镇,面积（亩）,作物,品种,密度（株/亩）,水分管理,高标准农田,盐碱,积温,地力等级,区域,单产2023,单产2024'

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
        '中部',
        '1200',
        '1260',
      ].join(','),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

/**
 * GB18030 bytes of text, without an encoder library: every two-byte GB18030 code decodes to one
 * character, so decoding all of them once gives the table back the other way.
 */
function gb18030(text: string): Buffer {
  const pairs: number[] = []
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) pairs.push(lead, trail)
  const chars = new TextDecoder('gb18030').decode(new Uint8Array(pairs))
  if (chars.length * 2 !== pairs.length) throw new Error('GB18030 table is not one character per pair')
  const code = new Map<string, [number, number]>()
  for (let i = 0; i < chars.length; i++)
    if (!code.has(chars[i]!)) code.set(chars[i]!, [pairs[2 * i]!, pairs[2 * i + 1]!])
  const out: number[] = []
  for (const ch of text) {
    const c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else {
      const bytes = code.get(ch)
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`)
      out.push(...bytes)
    }
  }
  return Buffer.from(out)
}

export function benchCsv(): void {
  const dir = mkdtempSync(join(tmpdir(), 'fengshou-bench-csv-'))
  const ctx: WriteContext = { actor: 'bench', now: () => new Date() }
  const dbs: DB[] = []
  const workspace = (name: string) => {
    const { db } = openDatabase(join(dir, name))
    dbs.push(db)
    ensureWorkspace(db, ctx, buildDemoPlan)
    return db
  }
  try {
    const rows = 10_000
    const request: CsvRequest = {
      base64: gb18030(fieldsCsv(rows)).toString('base64'),
      mapping: null,
      units: UNITS,
    }
    // Each run writes into a fresh workspace file of its own, opened and seeded beforehand.
    const runs = 5
    const warmup = 1
    const fresh = Array.from({ length: runs + warmup }, (_, i) => workspace(`import-${i}.sqlite`))
    let next = 0
    const importMs = time(
      () => {
        const { imported } = importCsv(fresh[next++]!, ctx, request)
        if (imported !== rows) throw new Error(`imported ${imported} of ${rows} rows`)
      },
      runs,
      warmup,
    )
    report('csv_import_10000_rows_gb18030', importMs, 'ms', { max: 1000 }, 'decode, parse, check and write')

    const columns = 400_000
    const wide: CsvRequest = {
      base64: Buffer.from(`${'列,'.repeat(columns - 1)}列\r\n${'1,'.repeat(columns - 1)}1\r\n`).toString(
        'base64',
      ),
      mapping: null,
      units: UNITS,
    }
    const db = workspace('wide.sqlite')
    const refuseMs = time(
      () => {
        try {
          previewCsv(db, wide, ctx.now())
        } catch (error) {
          if (isAppError(error) && error.details.issues?.[0]?.rule === 'too_many_columns') return
          throw error
        }
        throw new Error('a 400,000-column CSV was not refused')
      },
      5,
      1,
    )
    report('csv_refuse_400000_columns', refuseMs, 'ms', { max: 1000 })
  } finally {
    for (const db of dbs) db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
