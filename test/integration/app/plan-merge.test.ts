import { afterAll, describe, expect, it } from 'vitest'
import type { MergeSummary, PlanFilePreview } from '../../../app/contract/exchange'
import { toPlanFile } from '../../../app/use-cases/plan-file'
import { DEMO_SCENARIO_NAMES } from '../../../engine/demo-plan'
import type { Plan } from '../../../engine/schemas/plan'
import { demoWorkspace } from '../../helpers/demo-workspace'

// The county station's agronomist sends back the co-op's plan with her own suggestions: a field
// measured again, a scenario reworded, a new scenario on a field the co-op has not entered yet,
// and another soybean price. Each disagreement is named, and only what the manager chose lands.
describe('merging a plan file into the open workspace', () => {
  const { ws, ok, call, refusedRule } = demoWorkspace()
  afterAll(() => ws.close())
  ok('assumptions:set', {
    key: 'price.soybean',
    value: 4.6,
    low: 4.2,
    high: 5,
    note: '今年价',
    revision: null,
  })
  const mine = ok<Plan>('plan:get')
  const hsf = mine.scenarios.find((s) => s.name === DEMO_SCENARIO_NAMES.hsf)!
  const measured = mine.fields.find((f) => f.id === hsf.changes[0]!.fieldId)!

  const theirs: Plan = structuredClone(mine)
  theirs.fields.find((f) => f.id === measured.id)!.areaHa = measured.areaHa + 2
  theirs.scenarios.find((s) => s.id === hsf.id)!.note = '县站建议分两年建设'
  const newFieldId = Math.max(...theirs.fields.map((f) => f.id)) + 1
  theirs.fields.push({ ...measured, id: newFieldId, name: '河西新开地', areaHa: 5 })
  theirs.scenarios.push({
    id: 99,
    name: '县站建议：河西地种大豆',
    seasonYear: 2026,
    isBaseline: false,
    note: '',
    changes: [
      { fieldId: newFieldId, buildHsf: true, varietyId: null, densityPlantsPerHa: null, waterRegime: null },
    ],
  })
  theirs.assumptions = theirs.assumptions.map((a) => (a.key === 'price.soybean' ? { ...a, value: 5 } : a))
  const text = JSON.stringify(toPlanFile(theirs, new Date('2026-12-02T00:00:00Z'), { appVersion: '0.1.0' }))

  const snapshot = () =>
    JSON.stringify([
      ok<Plan>('plan:get'),
      ws.db.prepare('SELECT count(*) AS n FROM audit_log').get(),
      ws.db.prepare('SELECT count(*) AS n FROM field').get(),
    ])

  it('the preview names each conflict', () => {
    const preview = ok<PlanFilePreview>('exchange:preview', { text })
    expect(preview.conflicts.map((c) => [c.kind, c.name])).toEqual([
      ['field', measured.name],
      ['missingField', '河西新开地'],
      ['scenario', DEMO_SCENARIO_NAMES.hsf],
      ['assumption', 'price.soybean'],
    ])
    expect(preview.conflicts[0]).toMatchObject({ differences: ['areaHa'] })
    expect(preview.conflicts[3]).toMatchObject({ mine: 4.6, theirs: 5 })
  })

  it('a merge without a choice for every conflict is refused and writes nothing', () => {
    const before = snapshot()
    expect(refusedRule('exchange:merge', { text, choices: {} })).toBe('merge_choice_missing')
    const partial = { [`field:${measured.name}`]: 'theirs' }
    const r = call('exchange:merge', { text, choices: partial })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.details.issues).toHaveLength(3)
    // 'copy' is not a choice for an assumption
    const wrong = {
      [`field:${measured.name}`]: 'theirs',
      'missingField:河西新开地': 'theirs',
      [`scenario:${DEMO_SCENARIO_NAMES.hsf}`]: 'copy',
      'assumption:price.soybean': 'copy',
    }
    expect(refusedRule('exchange:merge', { text, choices: wrong })).toBe('merge_choice_missing')
    expect(snapshot()).toBe(before)
  })

  it('with a choice for each, exactly what was chosen lands, in one audited step', () => {
    const audits = (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
    const summary = ok<MergeSummary>('exchange:merge', {
      text,
      choices: {
        [`field:${measured.name}`]: 'theirs',
        'missingField:河西新开地': 'theirs',
        [`scenario:${DEMO_SCENARIO_NAMES.hsf}`]: 'copy',
        'assumption:price.soybean': 'mine',
      },
    })
    expect(summary).toEqual({
      scenariosAdded: 2,
      scenariosReplaced: 0,
      fieldsAdded: 1,
      fieldsUpdated: 1,
      assumptionsSet: 0,
      varietiesAdded: 0,
      loansAdded: 0,
    })
    const after = ok<Plan>('plan:get')
    expect(after.fields.find((f) => f.id === measured.id)!.areaHa).toBeCloseTo(measured.areaHa + 2, 9)
    const added = after.fields.find((f) => f.name === '河西新开地')!
    expect(added.areaHa).toBe(5)
    // mine kept as it was, theirs beside it under a free name
    expect(after.scenarios.find((s) => s.id === hsf.id)).toEqual(hsf)
    const copy = after.scenarios.find((s) => s.name === `${DEMO_SCENARIO_NAMES.hsf} (2)`)!
    expect(copy.note).toBe('县站建议分两年建设')
    expect(copy.changes.map((c) => c.fieldId).sort()).toEqual(hsf.changes.map((c) => c.fieldId).sort())
    const suggested = after.scenarios.find((s) => s.name === '县站建议：河西地种大豆')!
    expect(suggested.changes).toEqual([{ ...theirs.scenarios.at(-1)!.changes[0]!, fieldId: added.id }])
    expect(after.assumptions.find((a) => a.key === 'price.soybean')!.value).toBe(4.6)
    const log = ws.db
      .prepare('SELECT action, entity, summary, detail_json FROM audit_log WHERE id > ?')
      .all(audits) as {
      detail_json: string
    }[]
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ action: 'import', entity: 'plan', summary: 'merge' })
    expect(JSON.parse(log[0]!.detail_json)).toMatchObject({ merge: true, newFields: 1, updatedFields: 1 })
  })

  it('"take theirs" replaces a scenario with theirs, keeping its id', () => {
    const current = ok<Plan>('plan:get')
    const changed: Plan = structuredClone(current)
    changed.scenarios.find((s) => s.id === hsf.id)!.note = '第二次建议'
    const file = JSON.stringify(toPlanFile(changed, new Date('2026-12-02T00:00:00Z')))
    const preview = ok<PlanFilePreview>('exchange:preview', { text: file })
    expect(preview.conflicts.map((c) => c.id)).toEqual([`scenario:${DEMO_SCENARIO_NAMES.hsf}`])
    ok('exchange:merge', { text: file, choices: { [`scenario:${DEMO_SCENARIO_NAMES.hsf}`]: 'theirs' } })
    const after = ok<Plan>('plan:get')
    expect(after.scenarios.find((s) => s.id === hsf.id)).toEqual({ ...hsf, note: '第二次建议' })
    expect(after.scenarios).toHaveLength(current.scenarios.length)
  })
})
