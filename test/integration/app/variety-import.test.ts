import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import { gb18030, VARIETY_CSV_HEADER, VARIETY_CSV_ROWS } from '../../helpers/csv'
import { tempDir } from '../../helpers/db'

const HEADER = VARIETY_CSV_HEADER
const ROWS = VARIETY_CSV_ROWS

describe('variety CSV import', () => {
  const ws = openWorkspace({ dataFile: join(tempDir(), 'v.sqlite'), mode: 'browser', version: 'test' })
  const call = (input: unknown) =>
    dispatch(ws.handlers, 'varieties:importCsv', input) as { ok: boolean; value: never; error: never }
  const count = () => (dispatch(ws.handlers, 'varieties:list', {}) as { value: unknown[] }).value.length
  const request = (text: string, dryRun: boolean) => ({
    base64: gb18030(text).toString('base64'),
    densityArea: 'mu',
    dryRun,
  })

  it('names a row whose density range is out of order, and writes nothing', () => {
    const bad = [HEADER, ROWS[0]!.replace('4000,4800,5300', '5000,4800,5300'), ROWS[1]!].join('\n')
    const preview = call(request(bad, true)).value as {
      problems: { row: number; rule: string }[]
      encoding: string
    }
    expect(preview.encoding).toBe('gb18030')
    expect(preview.problems).toEqual([expect.objectContaining({ row: 1, rule: 'density_order' })])
    expect(call(request(bad, false)).error).toMatchObject({ code: 'VALIDATION' })
    expect(count()).toBe(5)
  })

  it('imports every row of a good file with densities stored per ha', () => {
    const result = call(request([HEADER, ...ROWS].join('\n'), false))
    expect(result.value).toMatchObject({ imported: 2, names: ['吉单试1号', '吉育试2号'] })
    const varieties = (
      dispatch(ws.handlers, 'varieties:list', {}) as {
        value: { name: string; yieldPotentialRel: number; densities: unknown[] }[]
      }
    ).value
    const maize = varieties.find((v) => v.name === '吉单试1号')!
    expect(maize.yieldPotentialRel).toBeCloseTo(1.045, 12)
    expect(maize.densities).toEqual([
      { waterRegime: 'rainfed', minPlantsPerHa: 60_000, optimumPlantsPerHa: 72_000, maxPlantsPerHa: 79_500 },
      { waterRegime: 'drip', minPlantsPerHa: 70_500, optimumPlantsPerHa: 82_500, maxPlantsPerHa: 90_000 },
    ])
  })

  it('a second import of the same names is refused whole', () => {
    expect(call(request([HEADER, ...ROWS].join('\n'), false)).error).toMatchObject({ code: 'CONFLICT' })
    expect(count()).toBe(7)
  })
})
