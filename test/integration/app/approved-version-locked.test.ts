import { afterAll, describe, expect, it } from 'vitest'
import { HOST_CHANNELS, type WorkspaceChannel } from '../../../app/contract/channels'
import { LANES } from '../../../app/host/lanes'
import { toPlanFile } from '../../../app/use-cases/plan-file'
import type { CalibrationProposal } from '../../../engine/actuals/types'
import type { VersionDetail, VersionSummary } from '../../../engine/board/version'
import type { Field } from '../../../engine/schemas/field'
import type { LoanRecord } from '../../../engine/schemas/loan'
import type { Plan } from '../../../engine/schemas/plan'
import type { Variety } from '../../../engine/schemas/variety'
import type { BackupInfo } from '../../../engine/schemas/workspace'
import { CSV_UNITS, fieldsCsv, gb18030, VARIETY_CSV_HEADER, VARIETY_CSV_ROWS } from '../../helpers/csv'
import { demoWorkspace } from '../../helpers/demo-workspace'
import { dripBiasedActuals } from '../../helpers/harvest'

// An approved version cannot be changed through any channel of the contract. Every channel that
// writes the workspace is called here with input it takes (or refuses), and after each one the
// approved version — its row, its hash, its submission, its comments and its decision — is
// exactly as it was, and still verifies. A new write channel without an entry here fails the test.
describe('an approved version is locked against every write channel', () => {
  const { ws, call, ok } = demoWorkspace()
  afterAll(() => ws.close())

  // A backup from before the approval, for the restore.
  const backup = ok<BackupInfo>('workspace:backup')
  const v = ok<VersionSummary>('versions:freeze', { title: '春播方案', note: '', author: '王经理' })
  ok('versions:submit', { id: v.id, author: '王经理' })
  const detail = ok<VersionDetail>('versions:get', { id: v.id })
  const scenarioId = detail.content.plan.scenarios.find((s) => !s.isBaseline)!.id
  ok('versions:comment', {
    versionId: v.id,
    replyTo: null,
    scenarioId,
    fieldId: null,
    author: '李理事',
    role: 'board',
    body: '投资回收期多长？',
  })
  const vote = {
    kind: 'members',
    members: 15,
    attending: 12,
    votesFor: 9,
    votesAgainst: 2,
    abstaining: 1,
    extraVotesTotal: 0,
    extraVotesFor: 0,
  }
  ok('versions:decide', {
    versionId: v.id,
    meetingDate: '2026-12-20',
    vote,
    outcome: 'approved',
    scenarioId,
    resolution: '同意实施。',
    recordedBy: '赵记录',
  })

  const stored = () =>
    JSON.stringify([
      ws.db.prepare('SELECT * FROM plan_version WHERE id = ?').all(v.id),
      ws.db.prepare('SELECT * FROM version_submission WHERE version_id = ?').all(v.id),
      ws.db.prepare('SELECT * FROM version_comment WHERE version_id = ?').all(v.id),
      ws.db.prepare('SELECT * FROM version_decision WHERE version_id = ?').all(v.id),
    ])
  const locked = stored()

  const fields = ok<Field[]>('fields:list')
  const field = fields[0]!
  const fieldInput = (f: Field) => {
    const { id: _i, revision: _r, createdAt: _c, updatedAt: _u, ...input } = f
    return input
  }
  const plan = ok<Plan>('plan:get')
  const variety = ok<Variety[]>('varieties:list')[0]!
  const { id: _vi, revision: _vr, ...varietyInput } = variety
  const loan = {
    name: '农商行',
    amountYuan: 500_000,
    annualRate: 0.04,
    termYears: 5,
    repayment: 'annuity',
    interestSubsidyShare: 0,
  }
  const csv = gb18030(fieldsCsv(2))
  const csvRequest = { base64: csv.toString('base64'), mapping: null, units: CSV_UNITS, onExisting: 'skip' }
  const varietyCsv = gb18030([VARIETY_CSV_HEADER, ...VARIETY_CSV_ROWS].join('\n'))

  /** Each write channel, called on the workspace as it then is (the steps run in this order). */
  const CALLS: Record<string, () => unknown> = {
    'workspace:update': () => ({ name: '兴隆合作社（改名）' }),
    'workspace:restore': () => ({ file: backup.file }),
    'fields:create': () => ({ ...fieldInput(field), name: '新开荒地' }),
    'fields:update': () => {
      const f = ok<Field[]>('fields:list')[0]!
      return { id: f.id, revision: f.revision, field: { ...fieldInput(f), areaHa: f.areaHa + 1 } }
    },
    'fields:delete': () => {
      const f = ok<Field[]>('fields:list').at(-1)!
      return { id: f.id, revision: f.revision }
    },
    'fields:bulkUpdate': () => ({ ids: fields.slice(0, 3).map((f) => f.id), patch: { qualityGrade: 2 } }),
    'fields:bulkDelete': () => ({ ids: [ok<Field[]>('fields:list').at(-1)!.id] }),
    'fields:importCsv': () => csvRequest,
    'varieties:create': () => ({ ...varietyInput, name: '试验新品种' }),
    'varieties:update': () => {
      const x = ok<Variety[]>('varieties:list')[0]!
      const { id, revision, ...rest } = x
      return { id, revision, variety: { ...rest, name: `${rest.name}（改）` } }
    },
    'varieties:importCsv': () => ({
      base64: varietyCsv.toString('base64'),
      densityArea: 'mu',
      dryRun: false,
    }),
    'groups:create': () => ({ name: '新建的一片', color: 'green' }),
    'scenarios:create': () => ({ name: '新方案', seasonYear: 2027, note: '', copyFromId: scenarioId }),
    'scenarios:rename': () => ({ id: scenarioId, name: '改名的方案' }),
    'scenarios:apply': () => ({
      scenarioId,
      fieldIds: [ok<Field[]>('fields:list')[0]!.id],
      edit: { densityPlantsPerHa: 80_000 },
    }),
    'scenarios:delete': () => ({ id: scenarioId }),
    'loans:create': () => {
      const s = ok<Plan>('plan:get').scenarios.find((x) => !x.isBaseline)!
      return { scenarioId: s.id, loan }
    },
    'loans:update': () => {
      const l = ok<Plan>('plan:get').loans[0]!
      const r = ok<LoanRecord[]>('loans:list', { scenarioId: l.scenarioId })[0]!
      return { id: r.id, revision: r.revision, loan: { ...loan, termYears: 8 } }
    },
    'loans:delete': () => {
      const l = ok<Plan>('plan:get').loans[0]!
      const r = ok<LoanRecord[]>('loans:list', { scenarioId: l.scenarioId })[0]!
      return { id: r.id, revision: r.revision }
    },
    'assumptions:set': () => ({
      key: 'price.soybean',
      value: 4.6,
      low: 4.2,
      high: 5,
      note: '今年价',
      revision: null,
    }),
    'assumptions:reset': () => {
      const a = ok<{ key: string; revision: number | null }[]>('assumptions:list').find(
        (x) => x.key === 'price.soybean',
      )!
      return { key: a.key, revision: a.revision }
    },
    'versions:freeze': () => ({ title: '改后的方案', note: '', author: '王经理' }),
    'versions:submit': () => ({ id: v.id, author: '王经理' }),
    'versions:comment': () => ({
      versionId: v.id,
      replyTo: null,
      scenarioId: null,
      fieldId: null,
      author: '王经理',
      role: 'manager',
      body: '补充说明',
    }),
    'versions:decide': () => ({
      versionId: v.id,
      meetingDate: '2026-12-21',
      vote,
      outcome: 'rejected',
      scenarioId: null,
      resolution: '重新表决',
      recordedBy: '赵记录',
    }),
    'optimiser:toScenarios': () => {
      const maize = ok<Field[]>('fields:list').find((f) => f.crop === 'maize' && !f.hasHsf)!
      return {
        problem: { years: [{ year: 2025, coopBudgetYuan: 100_000 }] },
        schedule: [{ year: 2025, fieldId: maize.id, action: 'hsf' }],
        name: '投资优化',
        note: '',
      }
    },
    'optimiser:saveProblem': () => ({ problem: { years: [{ year: 2025, coopBudgetYuan: 100_000 }] } }),
    // a plan file of the workspace as it is now, with one scenario more: no conflict, one new scenario
    'exchange:merge': () => {
      const now = ok<Plan>('plan:get')
      const scenario = { ...now.scenarios.find((s) => !s.isBaseline)!, id: 500, name: '县站建议' }
      const file = toPlanFile({ ...now, scenarios: [...now.scenarios, scenario] }, new Date())
      return { text: JSON.stringify(file), choices: {} }
    },
    'charter:set': () => {
      const c = ok<{ members: unknown; board: unknown; revision: number | null }>('charter:get')
      return { ...c, members: { ...(c.members as object), majority: { num: 2, den: 3, strict: false } } }
    },
    // The season after: actuals and the scenario carried out are records of the harvest, not of the
    // plan; an approved version keeps its own frozen copy of the fields' histories.
    'actuals:set': () => ({
      seasonYear: 2026,
      rows: [
        {
          fieldId: ok<Field[]>('fields:list')[0]!.id,
          yieldKgPerHa: 8000,
          priceYuanPerKg: 2.1,
          costYuanPerHa: null,
        },
      ],
    }),
    'actuals:setScenario': () => ({ seasonYear: 2026, scenarioId: null }),
    'actuals:importCsv': () => {
      const f = ok<Field[]>('fields:list')[0]!
      const text = `地块名称,年份,实收单产（斤/亩）\n${f.name},2025,1100`
      return {
        base64: gb18030(text).toString('base64'),
        units: { yieldMass: 'jin', yieldArea: 'mu', priceMass: 'jin', costArea: 'mu' },
        onHistoryConflict: 'replace',
      }
    },
    // A season with half the rainfed maize moved to drip, and drip 10 % better than assumed.
    'calibration:accept': () => {
      const maize = ok<Field[]>('fields:list').filter(
        (f) => f.crop === 'maize' && f.waterRegime === 'rainfed',
      )
      const s = ok<Plan['scenarios'][number]>('scenarios:create', {
        name: '滴灌校准',
        seasonYear: 2026,
        note: '',
        copyFromId: null,
      })
      ok('scenarios:apply', {
        scenarioId: s.id,
        fieldIds: maize.filter((_, i) => i % 2 === 0).map((f) => f.id),
        edit: { waterRegime: 'drip' },
      })
      ok('actuals:setScenario', { seasonYear: 2026, scenarioId: s.id })
      const season = { seasonYear: 2026, scenarioId: s.id }
      const rows = dripBiasedActuals(ok<Plan>('plan:get'), season, 0.1).map(({ seasonYear: _y, ...r }) => r)
      ok('actuals:set', { seasonYear: 2026, rows, onHistoryConflict: 'replace' })
      const p = ok<CalibrationProposal[]>('calibration:list').find((x) => x.factor === 'drip')!
      return { factor: 'drip', proposedValue: p.proposedValue, note: '依据本社 2026 年的实收' }
    },
  }

  it('lists every channel that writes the workspace', () => {
    const writes = (Object.keys(LANES) as (keyof typeof LANES)[]).filter(
      (c) => LANES[c].access === 'write' && !(HOST_CHANNELS as readonly string[]).includes(c),
    ) as WorkspaceChannel[]
    expect(Object.keys(CALLS).sort()).toEqual([...writes].sort())
    expect(plan.loans).toBeDefined()
  })

  it.each(Object.keys(CALLS))('%s leaves the approved version as it was', (channel) => {
    const result = call(channel, CALLS[channel]!())
    // what happened to the call itself: the version's own channels are refused as locked
    if (channel.startsWith('versions:') && channel !== 'versions:freeze') {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.details.issues?.[0]?.rule).toBe('version_locked')
    }
    // every other call does its write, so the check below is not vacuous
    else if (channel !== 'workspace:restore')
      expect(result, `${channel}: ${JSON.stringify(result)}`).toMatchObject({ ok: true })
    if (channel === 'workspace:restore') {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.details.issues?.[0]?.rule).toBe('restore_loses_approved')
    }
    expect(stored()).toBe(locked)
    const again = ok<VersionDetail>('versions:get', { id: v.id })
    expect(again.hashVerified).toBe(true)
    expect(again.status).toBe('approved')
    expect(again.content).toStrictEqual(detail.content)
  })
})
