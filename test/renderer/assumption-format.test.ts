import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { initI18n } from '../../renderer/src/i18n'
import { assumptionDisplay, assumptionName } from '../../renderer/src/lib/assumption-format'
import { makeFormat } from '../../renderer/src/lib/format'

describe('assumptions in the plan’s units', () => {
  initI18n('zh-CN')
  const t = i18next.getFixedT('zh-CN')
  const mu = makeFormat('zh-CN', { areaUnit: 'mu', massUnit: 'jin' }, t)
  const ha = makeFormat('zh-CN', { areaUnit: 'ha', massUnit: 'kg' }, t)
  const show = (unit: string, value: number, f = mu) => {
    const d = assumptionDisplay(unit, f, t)
    return `${f.number(d.toDisplay(value), d.digits)} ${d.unit}`
  }

  it('shows per-ha money per mu, prices per jin, ratios in percent', () => {
    expect(show('yuan/ha', 30_000)).toBe('2,000 元/亩')
    expect(show('yuan/ha', 30_000, ha)).toBe('30,000 元/公顷')
    expect(show('yuan/kg', 2.2)).toBe('1.1 元/斤')
    expect(show('ratio', 0.15)).toBe('15 %')
    expect(show('plants/ha', 70_000)).toBe('4,667 株/亩')
    expect(show('kg/ha', 10_500)).toBe('1,400 斤/亩')
  })

  it('names every assumption in Chinese', () => {
    expect(assumptionName(t, 'water.factor.drip')).toBe('滴灌水肥一体化相对雨养增产')
  })
})
