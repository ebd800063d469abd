import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePlanFile, toPlanFile } from '../../../app/use-cases/plan-file'
import { writePlan } from '../../../db/plan-store'
import { listOverrides } from '../../../db/repositories/assumptions'
import { listVarieties } from '../../../db/repositories/varieties'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { decodeRefs } from '../../../engine/references'
import { openTestDatabase, tempDir, testContext } from '../../helpers/db'

/** How an earlier version stored the demo's variety sources: English notes naming an internal document. */
const OLD: Record<string, string> = {
  先玉335:
    'Older widely grown hybrid compared with Fumin 985 at 45k/65k/85k plants/ha, Sci. Rep. 2022 (AGRONOMY.md §1.2); density range is an example value',
  东生118:
    'Jilin approval record: regional trials 2019–2020 2,977.4 kg/ha, +7.1 % vs 吉育86; about 180,000 plants/ha (AGRONOMY.md §6, chinaseed114.com/seed/16/seed_77648.html)',
  示例粳稻:
    'Example japonica rice entry; no sourced variety data yet — every value is an editable example value',
}

function oldPlan() {
  const plan = buildDemoPlan()
  plan.varieties = plan.varieties.map((v) => (OLD[v.name] ? { ...v, source: OLD[v.name]! } : v))
  // A variety a co-op entered itself, with its own words.
  plan.varieties[5] = { ...plan.varieties[5]!, source: '本社 2024 年对比试验' }
  return plan
}

describe('what an earlier version saved', () => {
  it('an old plan file still loads, and its demo sources read as the catalogue’s records', () => {
    const plan = parsePlanFile(JSON.stringify(toPlanFile(oldPlan(), new Date('2026-01-01T00:00:00Z'))))
    const source = (name: string) => plan.varieties.find((v) => v.name === name)!.source
    expect(decodeRefs(source('先玉335'))).toContain('approval-xianyu335')
    expect(decodeRefs(source('东生118'))).toContain('iga-cas-dongsheng118')
    expect(decodeRefs(source('示例粳稻'))).toContain('fengshou-example')
    expect(source('富友968')).toBe('本社 2024 年对比试验')
  })

  it('a database holding the old text lists the records, and leaves a user’s own text as written', () => {
    const { db } = openTestDatabase(join(tempDir(), 'old.sqlite'))
    writePlan(db, testContext, oldPlan(), 'old')
    const rows = listVarieties(db)
    for (const v of rows) {
      expect(v.source, v.name).not.toMatch(/AGRONOMY|§/)
    }
    expect(decodeRefs(rows.find((v) => v.name === '先玉335')!.source)).toContain('approval-xianyu335')
    expect(rows.find((v) => v.name === '富友968')!.source).toBe('本社 2024 年对比试验')
  })

  it('a workspace holding an override of the retired inputs cost reads it as the four cost items', () => {
    const { db } = openTestDatabase(join(tempDir(), 'retired.sqlite'))
    writePlan(db, testContext, buildDemoPlan(), 'demo')
    // As an earlier version stored it, straight into the table.
    db.prepare(
      `INSERT INTO assumption (key, value, low, high, unit, source, note, changed_at, revision)
       VALUES ('cost.maize.inputsYuanPerHa', 6000, 5250, 6750, 'yuan/ha', '', '本社账目', '2025-03-01', 1)`,
    ).run()
    const overrides = listOverrides(db)
    expect(overrides.map((o) => o.key).sort()).toEqual(
      ['fertiliser', 'pesticide', 'sowing', 'tillage'].map((i) => `cost.maize.${i}YuanPerHa`),
    )
    expect(overrides.reduce((s, o) => s + o.value, 0)).toBeCloseTo(6000, 6)
  })
})
