import { describe, expect, it } from 'vitest'
import { isHeaderLine, parseTrialPoints } from '../../renderer/src/features/density/trial-points'

describe('pasted trial points', () => {
  it('accept one leading header line copied from a spreadsheet, and say which line it was', () => {
    const pasted = '密度（株/亩）\t产量（斤/亩）\n4000\t1200\n4500\t1290\n5000\t1310\n'
    expect(parseTrialPoints(pasted)).toEqual({
      header: { line: 1, text: '密度(株/亩)\t产量(斤/亩)' },
      points: [
        { density: 4000, yield: 1200 },
        { density: 4500, yield: 1290 },
        { density: 5000, yield: 1310 },
      ],
    })
    expect(parseTrialPoints('\n density, yield \n60000,9000')).toMatchObject({ header: { line: 2 } })
    expect(parseTrialPoints('60000,9000')).toEqual({
      points: [{ density: 60000, yield: 9000 }],
      header: null,
    })
  })

  it('a bad data line is named, never skipped as if it were a header', () => {
    expect(parseTrialPoints('6000,abc\n6500,9100')).toEqual({
      issue: { path: [1], rule: 'csv_row', params: { line: 1 } },
    })
    expect(parseTrialPoints('6o00,9000\n6500,9100')).toMatchObject({ issue: { rule: 'csv_row' } })
    expect(isHeaderLine('6000,abc')).toBe(false)
    expect(isHeaderLine('12x00')).toBe(false)
    expect(isHeaderLine('6o00,9x00')).toBe(false)
    expect(isHeaderLine('密度')).toBe(false)
    expect(isHeaderLine('density (plants/ha), yield (kg/ha)')).toBe(true)
  })

  it('only the first line can be a header: a second text line is a bad line', () => {
    expect(parseTrialPoints('密度,产量\n单位,斤\n4000,1200')).toEqual({
      issue: { path: [2], rule: 'csv_row', params: { line: 2 } },
    })
    expect(parseTrialPoints('4000,1200\n密度,产量')).toEqual({
      issue: { path: [2], rule: 'csv_row', params: { line: 2 } },
    })
  })
})
