import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../app/dispatch'
import { openWorkspace } from '../../../app/workspace'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { tempDir } from '../../helpers/db'

describe('bulk edit through the contract', () => {
  const ws = openWorkspace({ dataFile: join(tempDir(), 'b.sqlite'), mode: 'browser', version: 'test' })
  const plan = buildDemoPlan()
  const maize = plan.fields.filter((f) => f.crop === 'maize').map((f) => f.id)
  const soybeanVariety = plan.varieties.find((v) => v.name === '东生118')!.id
  afterAll(() => ws.close())
  const call = (channel: string, input: unknown) => dispatch(ws.handlers, channel, input)

  it('sets one density and a new group on all selected fields in one step', () => {
    const group = call('groups:create', { name: '密植示范片', color: 'green' })
    expect(group.ok).toBe(true)
    const groupId = (group as { value: { id: number } }).value.id
    expect(call('fields:bulkUpdate', { ids: maize, patch: { densityPlantsPerHa: 67_500, groupId } })).toEqual(
      {
        ok: true,
        value: { updated: maize.length },
      },
    )
    const fields = (
      call('fields:list', {}) as { value: { id: number; densityPlantsPerHa: number; groupId: number }[] }
    ).value
    for (const f of fields.filter((x) => maize.includes(x.id)))
      expect(f).toMatchObject({ densityPlantsPerHa: 67_500, groupId })
  })

  it('refuses a variety of another crop, naming the field, and writes nothing', () => {
    const before = JSON.stringify(call('fields:list', {}))
    const result = call('fields:bulkUpdate', { ids: maize, patch: { varietyId: soybeanVariety } })
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { issues: [{ rule: 'variety_crop_mismatch', params: { field: '东岗一号地' } }] },
      },
    })
    expect(JSON.stringify(call('fields:list', {}))).toBe(before)
  })

  it('refuses a duplicate group name', () => {
    expect(call('groups:create', { name: '东片', color: 'blue' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { issues: [{ rule: 'duplicate_group_name' }] } },
    })
  })
})
