import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { tempDir } from '../../helpers/db'
import { validField } from '../../helpers/fields'

// One set of edit rules (engine/rules/edit-rules.ts) for every way a field changes: adding one,
// editing one, a bulk edit, a scenario, a plan file. Each refuses the same input with the same rule.
describe('a variety of another crop', () => {
  const dir = tempDir()
  const ws = openWorkspace({ dataFile: join(dir, 'w.sqlite'), mode: 'browser', version: 'test' })
  const plan = buildDemoPlan()
  const soybeanVariety = plan.varieties.find((v) => v.crop === 'soybean')!.id
  const maizeField = plan.fields.find((f) => f.crop === 'maize')!
  const call = (channel: string, input: unknown) => dispatch(ws.handlers, channel, input)
  const snapshot = () => JSON.stringify(call('fields:list', {}))
  const refusal = {
    ok: false,
    error: { code: 'VALIDATION', details: { issues: [{ rule: 'variety_crop_mismatch' }] } },
  }

  afterAll(() => {
    ws.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('is refused when a field is added, naming the variety input, and nothing is written', () => {
    const before = snapshot()
    const result = call('fields:create', { ...validField, crop: 'maize', varietyId: soybeanVariety })
    expect(result).toMatchObject(refusal)
    expect(
      (result as { error: { details: { issues: { path: unknown[] }[] } } }).error.details.issues[0]!.path,
    ).toEqual(['varietyId'])
    expect(snapshot()).toBe(before)
  })

  it('is refused when a field is edited', () => {
    const { id, ...input } = maizeField
    const before = snapshot()
    expect(
      call('fields:update', { id, field: { ...input, varietyId: soybeanVariety }, revision: 1 }),
    ).toMatchObject(refusal)
    expect(snapshot()).toBe(before)
  })

  it('is refused by a bulk edit with the same rule', () => {
    expect(
      call('fields:bulkUpdate', { ids: [maizeField.id], patch: { varietyId: soybeanVariety } }),
    ).toMatchObject(refusal)
  })

  it('is refused in a scenario with the same rule', () => {
    const scenario = plan.scenarios.find((s) => !s.isBaseline)!
    expect(
      call('scenarios:apply', {
        scenarioId: scenario.id,
        fieldIds: [maizeField.id],
        edit: { varietyId: soybeanVariety },
      }),
    ).toMatchObject(refusal)
  })

  it('a variety that no longer exists is named too', () => {
    const result = call('fields:create', { ...validField, name: '新地', varietyId: 9_999 })
    expect(result).toMatchObject({
      ok: false,
      error: { details: { issues: [{ rule: 'unknown_reference' }] } },
    })
  })

  it('still lets a field with a variety of its own crop through', () => {
    const maizeVariety = plan.varieties.find((v) => v.crop === 'maize')!.id
    expect(call('fields:create', { ...validField, name: '新玉米地', varietyId: maizeVariety })).toMatchObject(
      { ok: true },
    )
  })
})
