// The workspace file: opening a large one, and one edit saved durably (synchronous=FULL: fsync).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase } from '../../db/connection'
import { readPlan, writePlan } from '../../db/plan-store'
import { getField, updateField } from '../../db/repositories/fields'
import { buildDemoPlan } from '../../engine/demo-plan'
import { scalePlan } from '../../engine/scale-plan'
import type { Plan } from '../../engine/schemas/plan'
import { freezeVersion, getVersion } from '../use-cases/plan-versions'
import { report, time } from './measure'

const ctx = { actor: 'bench', now: () => new Date('2026-03-01T08:00:00Z') }

/** The demo scaled to `fields` fields, each with `years` years of history ending in 2024. */
export function largePlan(fields: number, years: number): Plan {
  const plan = scalePlan(buildDemoPlan(), fields)
  return {
    ...plan,
    fields: plan.fields.map((f, i) => ({
      ...f,
      history: Array.from({ length: years }, (_, k) => ({
        year: 2024 - years + 1 + k,
        yieldKgPerHa: 7_000 + ((i * 37 + k * 113) % 3_000),
      })),
    })),
  }
}

/** A workspace file holding `plan`, in a temp folder; the caller removes the folder. */
export function writeWorkspace(plan: Plan): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fengshou-bench-'))
  const file = join(dir, 'workspace.fengshou.sqlite')
  const { db } = openDatabase(file)
  writePlan(db, ctx, plan, 'bench')
  db.close()
  return { dir, file }
}

/**
 * A plan version of a big co-op: freezing it (the plan read, evaluated, its 10,000-year risk run,
 * stored and hashed) and opening it again (read, hash verified, parsed) for the board screen.
 */
function benchVersions(): void {
  const { dir, file } = writeWorkspace(largePlan(2_000, 5))
  const { db } = openDatabase(file)
  try {
    let n = 0
    let id = 0
    report(
      'freeze_version_2000_fields',
      time(() => {
        id = freezeVersion(db, ctx, { title: `第 ${++n} 稿`, note: '', author: '测试' }).id
      }, 5),
      'ms',
      { max: 3_000 },
    )
    report(
      'open_version_2000_fields',
      time(() => {
        if (getVersion(db, id).content.plan.fields.length !== 2_000) throw new Error('version lost fields')
      }, 11),
      'ms',
      { max: 500 },
    )
  } finally {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function benchDb(): void {
  benchVersions()
  const { dir, file } = writeWorkspace(largePlan(10_000, 10))
  try {
    // What a user waits for when the planner starts on a big co-op: the file opened (header
    // checks, quick_check, WAL) and the whole plan read for the first screen.
    report(
      'open_workspace_10000_fields_x_10_years',
      time(
        () => {
          const { db } = openDatabase(file)
          const plan = readPlan(db)
          db.close()
          if (plan.fields.length !== 10_000) throw new Error('bench workspace is not 10,000 fields')
        },
        11,
        2,
      ),
      'ms',
      { max: 300 },
    )

    // One edit of one field, committed with synchronous=FULL: the fsync is the cost.
    const { db } = openDatabase(file)
    try {
      const before = getField(db, 1)!
      const { id: _id, createdAt: _c, updatedAt: _u, revision: _r, ...input } = before
      let n = 0
      report(
        'durable_save_one_field_edit',
        time(() => updateField(db, ctx, 1, { ...input, note: `第 ${++n} 次修改` }), 41),
        'ms',
        { max: 15 },
      )
    } finally {
      db.close()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
