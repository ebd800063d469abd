import { describe, expect, it } from 'vitest'
import { parseArgs, UsageError } from '../../app/cli/args'
import { demoCommand, evaluateCommand, fitDensityCommand, type Io } from '../../app/cli/commands'

const files = new Map<string, string>()
const io: Io = {
  readText: (p) => {
    const t = files.get(p)
    if (t === undefined) throw new Error('ENOENT')
    return t
  },
  readBytes: (p) => new TextEncoder().encode(io.readText(p)),
  now: () => new Date('2026-03-01T00:00:00Z'),
}

describe('command-line tool', () => {
  it('demo → evaluate --json round-trips and carries every documented figure', () => {
    files.set('demo.json', demoCommand(io).stdout)
    const out = JSON.parse(evaluateCommand(io, parseArgs(['demo.json', '--json'], ['json'])).stdout)
    expect(out.scenarios.map((s: { name: string }) => s.name)).toEqual([
      '当前做法（基准）',
      '密植+水肥一体化',
      '建设高标准农田',
      '大豆换东生118',
    ])
    const t = out.scenarios[1].totals
    for (const k of [
      'productionKg',
      'upliftPct',
      'grossMarginYuan',
      'investmentYuan',
      'npvYuan',
      'paybackYears',
    ])
      expect(t).toHaveProperty(k)
    expect(t.upliftPct).toBeGreaterThan(0)
    const f = out.scenarios[1].fields[0]
    expect(Object.keys(f.contributions).sort()).toEqual([
      'densityWater',
      'hsf',
      'maturity',
      'salinity',
      'variety',
    ])
    expect(Array.isArray(f.warnings)).toBe(true)
  })

  it('--scenario picks one scenario, and an unknown name is a usage error', () => {
    files.set('demo.json', demoCommand(io).stdout)
    const one = JSON.parse(
      evaluateCommand(io, parseArgs(['demo.json', '--scenario', '建设高标准农田', '--json'], ['json']))
        .stdout,
    )
    expect(one.scenarios).toHaveLength(1)
    expect(() => evaluateCommand(io, parseArgs(['demo.json', '--scenario', '无此方案'], ['json']))).toThrow(
      UsageError,
    )
  })

  it('fit-density reports the fit, optima and predictions; refuses two densities', () => {
    const rows = [50, 60, 70, 80, 90, 100].map((k) => {
      const d = k * 1000
      return `${d},${Math.round(-976 + 0.30894 * d - 0.0016061e-3 * d * d)}`
    })
    files.set('pts.csv', ['density_plants_per_ha,yield_kg_per_ha', ...rows].join('\n'))
    const out = JSON.parse(
      fitDensityCommand(
        io,
        parseArgs(
          [
            'pts.csv',
            '--seed-price-yuan-per-1000',
            '12.5',
            '--grain-price-yuan-per-kg',
            '2.2',
            '--at',
            '60000,70000',
            '--json',
          ],
          ['json'],
        ),
      ).stdout,
    )
    expect(out.family).toBe('quadratic')
    expect(out.aopdPlantsPerHa).toBeCloseTo(96_177, -2)
    expect(out.eosrPlantsPerHa).toBeLessThan(out.aopdPlantsPerHa)
    expect(out.r2).toBeGreaterThan(0.999)
    expect(out.predictions).toHaveLength(2)
    files.set('two.csv', 'density_plants_per_ha,yield_kg_per_ha\n60000,10000\n70000,11000\n60000,10100\n')
    expect(() => fitDensityCommand(io, parseArgs(['two.csv'], ['json']))).toThrow(/three or more/)
    files.set('bad.csv', 'density_plants_per_ha,yield_kg_per_ha\n60000,10000亩\n')
    expect(() => fitDensityCommand(io, parseArgs(['bad.csv'], ['json']))).toThrow(/Line 2/)
  })
})
