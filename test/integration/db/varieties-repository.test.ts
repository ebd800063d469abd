import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { writePlan } from '../../../db/plan-store'
import { createVariety, listVarieties, updateVariety } from '../../../db/repositories/varieties'
import { buildDemoPlan } from '../../../engine/demo-plan'
import { AppError } from '../../../engine/errors'
import { openTestDatabase, tempDir, testContext } from '../../helpers/db'

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).details.issues?.[0]?.rule
  }
  throw new Error('expected a refusal')
}

describe('variety repository', () => {
  const { db } = openTestDatabase(join(tempDir(), 'v.sqlite'))
  writePlan(db, testContext, buildDemoPlan(), 'demo')
  const base = buildDemoPlan().varieties.find((v) => v.name === '东生118')!

  it('adds a variety with its densities and refuses a duplicate name for the same crop', () => {
    const { id: _id, ...input } = base
    const created = createVariety(db, testContext, { ...input, name: '东生120', yieldPotentialRel: 1.071 })
    expect(listVarieties(db).find((v) => v.id === created.id)?.densities).toEqual(base.densities)
    expect(ruleOf(() => createVariety(db, testContext, { ...input, name: '东生120' }))).toBe(
      'duplicate_variety_name',
    )
  })

  it('edits a variety, but will not move one in use to another crop', () => {
    const { id, ...input } = base
    expect(updateVariety(db, testContext, id, { ...input, seedPriceYuanPerKg: 9 }).seedPriceYuanPerKg).toBe(9)
    expect(ruleOf(() => updateVariety(db, testContext, id, { ...input, crop: 'maize' }))).toBe(
      'variety_in_use',
    )
  })
})
