import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ActualsSeason, WorkspaceEntry } from '../../../app/contract/contract'
import type { ExportedPlanFile, PlanFilePreview } from '../../../app/contract/exchange'
import { readPlanFile, toPlanFile } from '../../../app/use-cases/plan-file'
import type { PlanVsActual } from '../../../engine/actuals/types'
import type { Plan } from '../../../engine/schemas/plan'
import { tempDir } from '../../helpers/db'
import { demoWorkspace } from '../../helpers/demo-workspace'
import { type HostProcess, startHostInFolder } from '../../helpers/host'
import { HSF_SCENARIO_ID, versionPlan } from '../../helpers/version'

// The season after (实收) travels with a whole-plan file: a co-op moved to a new laptop through a
// plan file keeps every actual and which scenario each season carried out, exactly; a file whose
// season records do not hold together is refused with nothing written.

type Json = Record<string, unknown>

async function ok<T>(h: HostProcess, channel: string, input: unknown = {}): Promise<T> {
  const r = await h.call(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`)
  return r.value as T
}

const sha = (value: unknown) => `sha256:${createHash('sha256').update(JSON.stringify(value)).digest('hex')}`

/** The checksum the file format defines, made again after a change (as someone editing it would). */
function resealed(file: Json): string {
  const input: unknown[] = [file.savedAt, file.appVersion ?? null, file.plan, file.versions ?? null]
  if (file.seasons !== undefined) input.push(file.seasons)
  return JSON.stringify({ ...file, checksum: sha(input) })
}

/** The data folder as the user's disk holds it: the list and the workspace files. */
const folderState = (dir: string) =>
  JSON.stringify([
    readFileSync(join(dir, 'workspaces.json'), 'utf8'),
    readdirSync(join(dir, 'workspaces')).sort(),
  ])

/** The demo with a version frozen and two seasons of actuals, entered by hand through the channels. */
async function harvestedWorkspace(h: HostProcess): Promise<Plan> {
  await ok(h, 'workspaces:create', { kind: 'demo', locale: 'zh-CN' })
  const plan = await ok<Plan>(h, 'plan:get')
  const [a, b, c, d] = plan.fields.map((f) => f.id) as [number, number, number, number]
  await ok(h, 'versions:freeze', { title: '春播方案', note: '', author: '王经理' })
  await ok(h, 'actuals:set', {
    seasonYear: 2025,
    onHistoryConflict: 'keep',
    rows: [
      // figures that are not round: 1,123.4 斤/亩 and a price in 元/斤 read as kg/ha and 元/kg
      { fieldId: a, yieldKgPerHa: (1123.4 * 15) / 2, priceYuanPerKg: 2.31 * 2, costYuanPerHa: 12_345.678 },
      { fieldId: b, yieldKgPerHa: 6999.999999, priceYuanPerKg: null, costYuanPerHa: null },
      { fieldId: c, yieldKgPerHa: 0, priceYuanPerKg: 0.1 + 0.2, costYuanPerHa: 9000 },
    ],
  })
  await ok(h, 'actuals:set', {
    seasonYear: 2026,
    onHistoryConflict: 'keep',
    rows: [
      { fieldId: a, yieldKgPerHa: 8250, priceYuanPerKg: 2.2, costYuanPerHa: null },
      { fieldId: d, yieldKgPerHa: 7012.5, priceYuanPerKg: 2.45, costYuanPerHa: 10_200 },
    ],
  })
  await ok(h, 'actuals:setScenario', { seasonYear: 2025, scenarioId: HSF_SCENARIO_ID })
  await ok(h, 'actuals:setScenario', { seasonYear: 2026, scenarioId: null })
  return ok<Plan>(h, 'plan:get')
}

async function seasonsOf(h: HostProcess) {
  const out: [ActualsSeason, PlanVsActual][] = []
  for (const seasonYear of [2025, 2026])
    out.push([
      await ok<ActualsSeason>(h, 'actuals:list', { seasonYear }),
      await ok<PlanVsActual>(h, 'actuals:compare', { seasonYear }),
    ])
  return out
}

const hosts: HostProcess[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})

describe('a whole-plan file carries the season after', () => {
  it('exported and imported as a new workspace: every actual, season record and comparison identical', async () => {
    const h = await startHostInFolder(tempDir())
    hosts.push(h)
    await harvestedWorkspace(h)
    const before = await seasonsOf(h)
    expect(before[0]![0]).toMatchObject({ scenarioId: HSF_SCENARIO_ID, seasons: [2026, 2025] })
    expect(before[0]![0].records).toHaveLength(3)
    expect(before[1]![0].records).toHaveLength(2)
    expect(before[0]![0].records[0]!.yieldKgPerHa).toBe((1123.4 * 15) / 2)
    expect(before[0]![1].scenarioId).toBe(HSF_SCENARIO_ID)

    const exported = await ok<ExportedPlanFile>(h, 'exchange:export', { what: 'plan' })
    const file = JSON.parse(exported.text) as Json & {
      seasons: { actuals: unknown[]; carriedOut: unknown[] }
    }
    expect(file.seasons.actuals).toHaveLength(5)
    expect(file.seasons.carriedOut).toEqual([
      { seasonYear: 2025, scenarioId: HSF_SCENARIO_ID, recordedAt: expect.any(String) },
      { seasonYear: 2026, scenarioId: null, recordedAt: expect.any(String) },
    ])
    const preview = await ok<PlanFilePreview>(h, 'exchange:preview', { text: exported.text })
    expect(preview).toMatchObject({ versionCount: 1, seasonCount: 2, actualCount: 5 })

    // a merge into the open workspace takes scenarios and assumptions only: the actuals stay as they are
    await ok(h, 'exchange:merge', { text: exported.text, choices: {} })
    expect(await seasonsOf(h)).toEqual(before)

    const made = await ok<WorkspaceEntry>(h, 'workspaces:import', { text: exported.text })
    await ok(h, 'workspaces:open', { id: made.id })
    const after = await seasonsOf(h)
    // the same records (field ids, values to the last bit, how and when entered), scenario and comparison
    expect(after).toEqual(before)
    // the version came along in the same step
    expect(await ok<unknown[]>(h, 'versions:list')).toHaveLength(1)
  })

  it('a version file and a scenarios file carry no seasons', async () => {
    const h = await startHostInFolder(tempDir())
    hosts.push(h)
    await harvestedWorkspace(h)
    const [v] = await ok<{ id: number }[]>(h, 'versions:list')
    for (const input of [
      { what: 'version', versionId: v!.id },
      { what: 'scenarios', scenarioIds: [HSF_SCENARIO_ID] },
    ]) {
      const exported = await ok<ExportedPlanFile>(h, 'exchange:export', input)
      expect(JSON.parse(exported.text).seasons).toBeUndefined()
      expect(await ok<PlanFilePreview>(h, 'exchange:preview', { text: exported.text })).toMatchObject({
        seasonCount: 0,
        actualCount: 0,
      })
    }
  })
})

describe('a file whose season after does not hold together is refused, nothing written', () => {
  let h: HostProcess
  let dir: string
  let file: Json & { seasons: { actuals: Json[]; carriedOut: Json[] } }
  beforeAll(async () => {
    dir = tempDir()
    h = await startHostInFolder(dir)
    await harvestedWorkspace(h)
    file = JSON.parse((await ok<ExportedPlanFile>(h, 'exchange:export', { what: 'plan' })).text)
  })
  afterAll(async () => {
    await h.stop()
  })
  const changed = (change: (f: typeof file) => void) => {
    const copy = structuredClone(file)
    change(copy)
    return copy
  }

  const CASES: [string, string, (string | number)[], () => string][] = [
    [
      'an actual naming a field the plan lacks',
      'file_actual_unknown_field',
      ['seasons', 'actuals', 1, 'fieldId'],
      () =>
        resealed(
          changed((f) => {
            f.seasons.actuals[1]!.fieldId = 9_999
          }),
        ),
    ],
    [
      'a season record naming a scenario the plan lacks',
      'file_season_unknown_scenario',
      ['seasons', 'carriedOut', 1, 'scenarioId'],
      () =>
        resealed(
          changed((f) => {
            f.seasons.carriedOut[1]!.scenarioId = 77
          }),
        ),
    ],
    [
      'a negative yield',
      'min_number',
      ['seasons', 'actuals', 2, 'yieldKgPerHa'],
      () =>
        resealed(
          changed((f) => {
            f.seasons.actuals[2]!.yieldKgPerHa = -1
          }),
        ),
    ],
    [
      'the same field and season twice',
      'file_actual_duplicate',
      ['seasons', 'actuals', 3, 'fieldId'],
      () =>
        resealed(
          changed((f) => {
            f.seasons.actuals[3] = { ...f.seasons.actuals[0]! }
          }),
        ),
    ],
    [
      'an actual changed under the checksum it was saved with',
      'checksum_mismatch',
      [],
      () =>
        JSON.stringify(
          changed((f) => {
            f.seasons.actuals[0]!.yieldKgPerHa = (f.seasons.actuals[0]!.yieldKgPerHa as number) + 1
          }),
        ),
    ],
    [
      // the seasons left out of the checksum's input, as a reader that ignored them would compute it
      'a checksum that does not cover the seasons',
      'checksum_mismatch',
      [],
      () => {
        const f = changed((x) => {
          x.seasons.actuals[0]!.yieldKgPerHa = 1
        })
        return JSON.stringify({ ...f, checksum: sha([f.savedAt, f.appVersion ?? null, f.plan, f.versions]) })
      },
    ],
  ]

  it.each(CASES)('%s (%s)', async (_what, rule, path, text) => {
    const before = folderState(dir)
    for (const channel of ['exchange:preview', 'workspaces:import']) {
      const r = await h.call(channel, { text: text() })
      expect(r.ok).toBe(false)
      if (!r.ok) {
        expect(r.error.code).toBe('VALIDATION')
        expect(r.error.details.issues?.[0]?.rule).toBe(rule)
        expect(r.error.details.issues?.[0]?.path).toEqual(path)
      }
    }
    expect(folderState(dir)).toBe(before)
  })

  it('the refusals name the place in the file with the field, season and scenario', async () => {
    const r = await h.call('exchange:preview', { text: CASES[1]![3]() })
    expect(r.ok ? null : r.error.details.issues?.[0]?.params).toEqual({ id: 77, year: 2026 })
    const r2 = await h.call('exchange:preview', { text: CASES[0]![3]() })
    expect(r2.ok ? null : r2.error.details.issues?.[0]?.params).toEqual({ id: 9_999, year: 2025, row: 2 })
  })
})

describe("the limits of a file's season after", () => {
  const at = new Date('2026-12-01T00:00:00Z')
  const plan = versionPlan()
  const field = plan.fields[0]!.id
  const actual = (seasonYear: number) => ({
    fieldId: field,
    seasonYear,
    yieldKgPerHa: 8250,
    priceYuanPerKg: null,
    costYuanPerHa: null,
    source: 'hand' as const,
    recordedAt: '2026-10-20T00:00:00.000Z',
  })
  const ruleOf = (seasons: Parameters<typeof toPlanFile>[2]) => {
    try {
      readPlanFile(JSON.stringify(toPlanFile(plan, at, seasons)))
      return null
    } catch (error) {
      return (error as { details: { issues?: { rule: string; params?: unknown }[] } }).details.issues?.[0]
    }
  }

  it('100 seasons read; 101 are refused, saying how many', () => {
    const years = (n: number) => Array.from({ length: n }, (_, i) => 1950 + i)
    expect(ruleOf({ seasons: { actuals: years(100).map(actual), carriedOut: [] } })).toBeNull()
    expect(ruleOf({ seasons: { actuals: years(101).map(actual), carriedOut: [] } })).toEqual({
      path: ['seasons'],
      rule: 'file_too_many_seasons',
      params: { count: 101, limit: 100 },
    })
  })

  it('a season outside 1950–2100, an unknown way of entry and an unknown key are refused', () => {
    expect(ruleOf({ seasons: { actuals: [actual(2101)], carriedOut: [] } })?.rule).toBe('max_number')
    expect(
      ruleOf({ seasons: { actuals: [{ ...actual(2025), source: 'ocr' as 'hand' }], carriedOut: [] } })?.rule,
    ).toBe('invalid_option')
    const extra = { actuals: [], carriedOut: [], notes: '' } as never
    expect(ruleOf({ seasons: extra })?.rule).toBe('unknown_key')
  })
})

describe('version-2 files written before seasons existed', () => {
  const at = new Date('2026-11-30T00:00:00Z')
  // exactly what the format wrote before: savedAt, appVersion, plan, versions in the checksum
  const plan = versionPlan()
  const old = {
    format: 'fengshou-plan',
    version: 2,
    savedAt: at.toISOString(),
    appVersion: '0.1.0',
    checksum: sha([at.toISOString(), '0.1.0', plan, null]),
    plan,
  }

  it('still read and verify, holding no seasons', () => {
    const read = readPlanFile(JSON.stringify(old))
    expect(read.plan).toEqual(plan)
    expect(read.seasons).toBeNull()
  })

  it('are what the writer still writes when there are no seasons to carry', () => {
    expect(toPlanFile(plan, at, { appVersion: '0.1.0' }).checksum).toBe(old.checksum)
  })

  it('preview with no seasons and import as a workspace', async () => {
    const { ws, call } = demoWorkspace()
    try {
      expect(call('exchange:preview', { text: JSON.stringify(old) })).toMatchObject({
        ok: true,
        value: { formatVersion: 2, seasonCount: 0, actualCount: 0, checksumVerified: true },
      })
    } finally {
      ws.close()
    }
    const h = await startHostInFolder(tempDir())
    hosts.push(h)
    const made = await ok<WorkspaceEntry>(h, 'workspaces:import', { text: JSON.stringify(old) })
    await ok(h, 'workspaces:open', { id: made.id })
    expect((await ok<ActualsSeason>(h, 'actuals:list', { seasonYear: 2026 })).seasons).toEqual([])
  })
})

/** Every path to a value in a JSON document, with the value there. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => paths(v, [...at, i]))]
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))]
  return [at]
}

function setAt(root: Json, path: (string | number)[], value: unknown | typeof REMOVE): void {
  let node = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path.at(-1)!
  if (value === REMOVE) {
    if (Array.isArray(node)) node.splice(last as number, 1)
    else delete node[last]
  } else node[last] = value
}
const REMOVE = Symbol('remove')

describe('a valid file with a version and seasons, changed at random and resealed', () => {
  it('previews and imports as a success or a typed refusal that writes nothing', async () => {
    const dir = tempDir()
    const h = await startHostInFolder(dir)
    hosts.push(h)
    await harvestedWorkspace(h)
    const text = (await ok<ExportedPlanFile>(h, 'exchange:export', { what: 'plan' })).text
    const base = JSON.parse(text) as Json
    // the version's packed content is one long string: changing it is covered by its own hash test
    const everywhere = paths(base).filter((p) => p.length > 0 && p[0] !== 'checksum' && p[0] !== 'format')
    const inSeasons = everywhere.filter((p) => p[0] === 'seasons')
    // references and keys: ids the plan has, ids it lacks, another record's field and season
    const references = inSeasons.filter((p) =>
      ['fieldId', 'scenarioId', 'seasonYear'].includes(String(p.at(-1))),
    )
    const reference = fc.record({
      path: fc.constantFrom(...references),
      value: fc.oneof(fc.integer({ min: -2, max: 60 }), fc.integer({ min: 2020, max: 2030 })),
    })
    const anywhere = fc.record({
      path: fc.oneof(
        fc.constantFrom(...inSeasons),
        fc.constantFrom(...inSeasons),
        fc.constantFrom(...everywhere),
      ),
      value: fc.oneof(
        fc.constant<unknown>(REMOVE),
        fc.constant(null),
        fc.integer({ min: -5, max: 200_000 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(-1, 0, 1, 1949, 1950, 2100, 2101, 30_000, 30_000.0001, 9_999, HSF_SCENARIO_ID, 1e308),
        fc.string({ maxLength: 50 }),
        fc.constantFrom('hand', 'csv', 'ocr', '2026-11-01T00:00:00.000Z', ''),
        fc.jsonValue({ maxDepth: 2 }),
      ),
    })
    const outcomes = { ok: 0, refused: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(reference, anywhere), { minLength: 1, maxLength: 3 }),
        async (changes) => {
          const file = structuredClone(base)
          for (const c of changes) {
            try {
              setAt(file, c.path, c.value)
            } catch {
              // an earlier change removed or replaced what this path ran through
            }
          }
          const changed = resealed(file)
          const before = folderState(dir)
          for (const channel of ['exchange:preview', 'workspaces:import']) {
            const r = await h.call(channel, { text: changed })
            if (r.ok) {
              outcomes.ok++
              continue
            }
            outcomes.refused++
            expect(r.error.code).toBe('VALIDATION')
            if (channel === 'workspaces:import') expect(folderState(dir)).toBe(before)
          }
        },
      ),
      { numRuns: 200 },
    )
    // the mutations both pass and fail: the property is about both kinds of outcome
    expect(outcomes.ok).toBeGreaterThan(0)
    expect(outcomes.refused).toBeGreaterThan(0)
  }, 60_000)
})
