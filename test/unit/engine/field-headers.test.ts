import { describe, expect, it } from 'vitest'
import { guessMapping, readHeader, readUnitText } from '../../../engine/csv/field-headers'

describe('a field CSV header says what a column is, and its unit', () => {
  it.each([
    ['单产2019', 'yield:2019', null],
    ['2019年单产（斤/亩）', 'yield:2019', { mass: 'jin', area: 'mu' }],
    ['2019', 'yield:2019', null],
    ['2019年', 'yield:2019', null],
    ['2019单产', 'yield:2019', null],
    ['2019年亩产', 'yield:2019', { area: 'mu' }],
    ['亩产2019（公斤）', 'yield:2019', { area: 'mu', mass: 'kg' }],
    ['yield_2019', 'yield:2019', null],
    ['2019 yield (kg/ha)', 'yield:2019', { mass: 'kg', area: 'ha' }],
    ['Yield 2019 (t/ha)', 'yield:2019', { mass: 't', area: 'ha' }],
    ['2019年单产(吨/公顷)', 'yield:2019', { mass: 't', area: 'ha' }],
    ['2019年单产【公斤/公顷】', 'yield:2019', { mass: 'kg', area: 'ha' }],
    ['单产2019 kg/亩', 'yield:2019', { mass: 'kg', area: 'mu' }],
    ['yield_2019_kg_ha', 'yield:2019', { mass: 'kg', area: 'ha' }],
    ['２０１９年单产', 'yield:2019', null],
    ['面积（亩）', 'area', { area: 'mu' }],
    ['面积(公顷)', 'area', { area: 'ha' }],
    ['area (ha)', 'area', { area: 'ha' }],
    ['area_mu', 'area', { area: 'mu' }],
    ['亩数', 'area', { area: 'mu' }],
    ['密度（株/亩）', 'density', { area: 'mu' }],
    ['密度 株/公顷', 'density', { area: 'ha' }],
    ['density (plants/ha)', 'density', { area: 'ha' }],
    ['每亩株数', 'density', { area: 'mu' }],
    ['≥10°C积温', 'heatSum', null],
    ['积温（℃）', 'heatSum', null],
    ['地力等级（1-10）', 'grade', null],
    ['建成年份', 'hsfYear', null],
    ['高标准农田（是/否）', 'hsf', null],
    ['high-standard farmland', 'hsf', null],
    ['备注', 'note', null],
  ] as const)('%s → %s', (header, target, unit) => {
    expect(readHeader(header)).toEqual({ target, unit, unknownUnit: null })
  })

  it('a year nobody farmed, or a year with other words, is not a yield column', () => {
    expect(readHeader('1234').target).toBe('ignore')
    expect(readHeader('2019年建成').target).toBe('ignore')
    expect(readHeader('2019年价格').target).toBe('ignore')
    expect(readHeader('电话13912345678').target).toBe('ignore')
  })

  it('a unit it cannot read is kept as written, never guessed', () => {
    expect(readHeader('面积（平方米）')).toEqual({ target: 'area', unit: null, unknownUnit: '平方米' })
    expect(readHeader('密度（万株/公顷）')).toEqual({
      target: 'density',
      unit: null,
      unknownUnit: '万株/公顷',
    })
    expect(readHeader('面积（垧）').unknownUnit).toBe('垧')
    // A note in brackets that is no unit is not a unit problem.
    expect(readHeader('面积（实测）')).toEqual({ target: 'area', unit: null, unknownUnit: null })
  })

  it('reads each unit the dialog offers and the ones co-ops write', () => {
    expect(readUnitText('斤/亩')).toEqual({ mass: 'jin', area: 'mu' })
    expect(readUnitText('公斤/亩')).toEqual({ mass: 'kg', area: 'mu' })
    expect(readUnitText('kg/亩')).toEqual({ mass: 'kg', area: 'mu' })
    expect(readUnitText('KG/HA')).toEqual({ mass: 'kg', area: 'ha' })
    expect(readUnitText('公斤/公顷')).toEqual({ mass: 'kg', area: 'ha' })
    expect(readUnitText('t/ha')).toEqual({ mass: 't', area: 'ha' })
    expect(readUnitText('吨/公顷')).toEqual({ mass: 't', area: 'ha' })
    expect(readUnitText('每亩')).toEqual({ area: 'mu' })
    expect(readUnitText('°C')).toBeNull()
    expect(readUnitText('斤/垧')).toBe('unknown')
  })

  it('guesses the mapping of a whole header row', () => {
    expect(guessMapping(['地块名称', '面积（亩）', '作物', '2023年亩产', '不认识的列'])).toEqual([
      'name',
      'area',
      'crop',
      'yield:2023',
      'ignore',
    ])
  })
})
