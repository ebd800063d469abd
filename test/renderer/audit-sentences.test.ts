import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import type { AuditLogEntry, AuditPage } from '../../app/contract/audit'
import en from '../../engine/i18n/locales/en.json'
import { describeEntry, localTime } from '../../renderer/src/features/audit/audit-sentences'
import { initI18n } from '../../renderer/src/i18n'
import { makeFormat } from '../../renderer/src/lib/format'

// The change log's sentences from entries shaped exactly as the repositories record them.
describe('change log sentences', () => {
  initI18n('zh-CN', { en })
  const names: AuditPage['names'] = {
    variety: { 5: '吉单27' },
    group: { 2: '东岗片' },
    scenario: { 3: '基准加滴灌' },
  }
  const ctxFor = (locale: 'zh-CN' | 'en', areaUnit: 'mu' | 'ha' = 'mu', massUnit: 'jin' | 'kg' = 'jin') => {
    const t = i18next.getFixedT(locale)
    return {
      t,
      format: makeFormat(locale, { areaUnit, massUnit }, t),
      names,
      exists: (key: string) => i18next.exists(key, { lng: locale }),
    }
  }
  const zh = ctxFor('zh-CN')
  let id = 0
  const entry = (e: Partial<AuditLogEntry>): AuditLogEntry => ({
    id: ++id,
    at: '2026-03-01T00:12:00.000Z',
    actor: 'local-user',
    action: 'update',
    entity: 'field',
    entityId: 1,
    summary: '东岗一号地',
    detail: {},
    ...e,
  })

  it('names a field’s changed items in the user’s words, with values in the plan’s units', () => {
    const e = entry({
      detail: {
        note: { from: '', to: '已深松' },
        densityPlantsPerHa: { from: 60_000, to: 70_000 },
        varietyId: { from: null, to: 5 },
      },
    })
    expect(describeEntry(zh, e)).toEqual({
      text: '修改了地块「东岗一号地」：备注、密度、品种',
      details: ['备注：（空） → 「已深松」', '密度：4,000 株/亩 → 4,667 株/亩', '品种：未指定 → 「吉单27」'],
    })
    expect(describeEntry(ctxFor('en', 'ha'), e).text).toBe(
      'changed field “东岗一号地”: note, density, variety',
    )
    expect(describeEntry(ctxFor('en', 'ha'), e).details[1]).toBe(
      'density: 60,000 plants/ha → 70,000 plants/ha',
    )
  })

  it('reads a yield history change year by year', () => {
    const e = entry({
      detail: {
        history: {
          from: [
            { year: 2024, yieldKgPerHa: 10_500 },
            { year: 2023, yieldKgPerHa: 9_000 },
          ],
          to: [
            { year: 2025, yieldKgPerHa: 11_250 },
            { year: 2024, yieldKgPerHa: 10_800 },
          ],
        },
      },
    })
    expect(describeEntry(zh, e)).toEqual({
      text: '修改了地块「东岗一号地」：历年单产',
      details: [
        '2025 年单产：新增 1,500 斤/亩',
        '2024 年单产：1,400 斤/亩 → 1,440 斤/亩',
        '2023 年单产：删除（原为 1,200 斤/亩）',
      ],
    })
  })

  it('covers creating, deleting, importing and bulk edits of fields', () => {
    expect(describeEntry(zh, entry({ action: 'create' })).text).toBe('新增了地块「东岗一号地」')
    expect(
      describeEntry(zh, entry({ action: 'delete', detail: { before: { name: '东岗一号地' } } })).text,
    ).toBe('删除了地块「东岗一号地」')
    expect(describeEntry(zh, entry({ action: 'import', summary: 'csv', detail: { count: 120 } })).text).toBe(
      '导入了 120 块地块',
    )
    const bulk = entry({
      summary: 'bulk',
      entityId: null,
      detail: { ids: [1, 2, 3], patch: { groupId: 2, waterRegime: 'drip' } },
    })
    expect(describeEntry(zh, bulk)).toEqual({
      text: '批量修改了 3 块地块：分组、水分管理',
      details: ['分组：「东岗片」', '水分管理：滴灌水肥一体化'],
    })
  })

  it('covers scenarios: created, copied, renamed, changed for some fields, deleted', () => {
    const s = (e: Partial<AuditLogEntry>) =>
      describeEntry(zh, entry({ entity: 'scenario', summary: '滴灌试点', ...e }))
    expect(s({ action: 'create', detail: { copyFrom: null } }).text).toBe('新建了方案「滴灌试点」')
    expect(s({ action: 'create', detail: { copyFrom: 3 } }).text).toBe(
      '复制方案「基准加滴灌」，新建了「滴灌试点」',
    )
    expect(s({ action: 'create', detail: { copyFrom: 99 } }).text).toBe(
      '复制一个后来删除的方案，新建了「滴灌试点」',
    )
    expect(s({ detail: { from: '滴灌试点', to: '滴灌试点（东岗）' } }).text).toBe(
      '把方案「滴灌试点」改名为「滴灌试点（东岗）」',
    )
    expect(
      s({
        detail: { fieldIds: [1, 2], edit: { buildHsf: true, densityPlantsPerHa: 75_000, waterRegime: null } },
      }),
    ).toEqual({
      text: '修改了方案「滴灌试点」中 2 块地块的安排：高标准农田、密度、水分管理',
      details: ['高标准农田：建设', '密度：5,000 株/亩', '水分管理：恢复当前做法'],
    })
    expect(s({ action: 'delete' }).text).toBe('删除了方案「滴灌试点」')
  })

  it('reads assumptions by their names, in the plan’s units, with the reason', () => {
    const e = entry({
      entity: 'assumption',
      entityId: null,
      summary: 'price.maize',
      detail: { key: 'price.maize', value: 2.3, low: 2, high: 2.6, note: '县粮库 2026 年收购价' },
    })
    expect(describeEntry(zh, e)).toEqual({
      text: '修改了假设「玉米价格」：取值 1.15 元/斤，范围 1 – 1.3 元/斤',
      details: ['理由：县粮库 2026 年收购价'],
    })
    expect(
      describeEntry(zh, entry({ entity: 'assumption', action: 'delete', summary: 'price.maize' })).text,
    ).toBe('把假设「玉米价格」恢复为默认值')
  })

  it('reads workspace settings, the demo and a variety’s changes', () => {
    expect(
      describeEntry(
        zh,
        entry({
          entity: 'workspace',
          action: 'settings',
          summary: 'settings',
          detail: { areaUnit: 'ha', region: 'west' },
        }),
      ),
    ).toEqual({ text: '修改了工作区设置：面积单位、所在区域', details: ['面积单位：公顷', '所在区域：西部'] })
    expect(
      describeEntry(
        zh,
        entry({
          entity: 'workspace',
          summary: '东岗合作社',
          detail: { name: { from: '东岗', to: '东岗合作社' } },
        }),
      ),
    ).toEqual({ text: '修改了工作区设置：名称', details: ['名称：「东岗」 → 「东岗合作社」'] })
    expect(
      describeEntry(zh, entry({ entity: 'plan', action: 'import', summary: 'demo', detail: { fields: 24 } }))
        .text,
    ).toBe('建立了示例数据（24 块地块）')
    const variety = entry({ entity: 'variety', summary: '吉单27', detail: { before: {} } })
    expect(
      describeEntry(zh, { ...variety, changes: { seedPriceYuanPerKg: { from: null, to: 41 } } }),
    ).toEqual({
      text: '修改了品种「吉单27」：种子价格',
      details: ['种子价格：（空） → 41 元/公斤'],
    })
    expect(describeEntry(zh, variety).text).toBe(
      '修改了品种「吉单27」（之后整套数据被替换过，改了哪几项已无法比对）',
    )
  })

  it('never shows raw data: an unknown record or an unexpected detail gives a plain sentence', () => {
    const odd = describeEntry(
      zh,
      entry({ entity: 'report', action: 'create', summary: '2026 春播汇报', detail: { x: [1] } }),
    )
    expect(odd).toEqual({ text: '新增：其他记录「2026 春播汇报」', details: [] })
    const strange = describeEntry(zh, entry({ detail: { secretKey: { from: 1, to: 2 } } }))
    expect(strange.text).toBe('修改了地块「东岗一号地」：其他项目')
    for (const sentence of [odd, strange]) {
      expect([sentence.text, ...sentence.details].join('\n')).not.toMatch(/secretKey|\[1\]|[{}"]/)
    }
  })

  it('writes times as the board reads them, in local time', () => {
    const at = new Date(2026, 2, 1, 8, 12).toISOString()
    expect(localTime(at)).toBe('2026-03-01 08:12')
  })

  it('reads the board review: a version frozen, submitted, commented on and decided', () => {
    const version = (detail: Record<string, unknown>, action: AuditLogEntry['action'] = 'update') =>
      describeEntry(zh, entry({ entity: 'version', action, summary: '2 春播方案', detail })).text
    const base = { number: 2, title: '春播方案' }
    expect(version({ ...base, event: 'freeze', author: '王经理', hash: 'sha256:ab' }, 'create')).toBe(
      '王经理 冻结了第 2 版「春播方案」',
    )
    expect(version({ ...base, event: 'submit', by: '王经理' })).toBe('王经理 把第 2 版「春播方案」提交审议')
    expect(version({ ...base, event: 'comment', by: '李理事', commentId: 4 })).toBe(
      '李理事 对第 2 版「春播方案」发表了意见',
    )
    expect(version({ ...base, event: 'decision', outcome: 'approved', scenario: '滴灌', by: '赵记录' })).toBe(
      '赵记录 记录了第 2 版「春播方案」的决议：通过',
    )
    // an entry of an unexpected shape reads plainly, never as raw data
    expect(version({ event: 'unknown' })).not.toMatch(/event|unknown/)
    expect(
      describeEntry(ctxFor('en'), entry({ entity: 'charter', action: 'settings', detail: {} })).text,
    ).toBe('changed the charter’s voting rules')
  })
})

// The season after: a write of actuals and the scenario carried out, as the actuals repository records them.
describe('change log sentences of the harvest', () => {
  initI18n('zh-CN', { en })
  const t = i18next.getFixedT('zh-CN')
  const ctx = {
    t,
    format: makeFormat('zh-CN', { areaUnit: 'mu', massUnit: 'jin' }, t),
    names: { variety: {}, group: {}, scenario: { 7: '滴灌改造' } },
    exists: (key: string) => i18next.exists(key, { lng: 'zh-CN' }),
  }
  const base: AuditLogEntry = {
    id: 1,
    at: '2026-12-03T01:00:00.000Z',
    actor: 'local-user',
    action: 'import',
    entity: 'actual',
    entityId: null,
    summary: '2026',
    detail: {},
  }

  it('names each history figure replaced, both numbers in 斤/亩', () => {
    const s = describeEntry(ctx, {
      ...base,
      detail: {
        source: 'csv',
        seasons: [2024, 2026],
        created: 24,
        updated: 1,
        historyAdded: 23,
        onConflict: 'replace',
        conflicts: [
          { fieldId: 1, fieldName: '东岗一号地', year: 2024, historyKgPerHa: 7500, actualKgPerHa: 8250 },
        ],
        changes: [{ field: '河套地', year: 2026, from: { yieldKgPerHa: 9000 }, to: { yieldKgPerHa: 9750 } }],
      },
    })
    expect(s.text).toBe('从 CSV 导入了 2024、2026 年的实收：新增 24 块地，修改 1 块地')
    expect(s.details).toEqual([
      '23 块地的产量历史加上了这一年',
      '「东岗一号地」2024 年的产量历史：1,000 斤/亩 → 1,100 斤/亩（用户确认用实收替换）',
      '「河套地」2026 年实收单产：1,200 斤/亩 → 1,300 斤/亩',
    ])
  })

  it('names the scenario carried out, or current practice', () => {
    const season = { ...base, action: 'update' as const, entity: 'season', entityId: 2026 }
    expect(describeEntry(ctx, { ...season, detail: { seasonYear: 2026, from: null, to: 7 } }).text).toBe(
      '记录了 2026 年实际执行的方案：「滴灌改造」',
    )
    expect(describeEntry(ctx, { ...season, detail: { seasonYear: 2026, from: 7, to: null } }).text).toBe(
      '记录了 2026 年实际执行的方案：当前做法（未执行新方案）',
    )
  })
})
