import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import en from '../../engine/i18n/locales/en.json'
import zhCN from '../../engine/i18n/locales/zh-CN.json'
import { createHttpApi } from '../../renderer/src/api'
import { describeEntry } from '../../renderer/src/features/audit/audit-sentences'
import { refusalMessage } from '../../renderer/src/features/exchange/refusal'
import { initI18n } from '../../renderer/src/i18n'
import { makeFormat } from '../../renderer/src/lib/format'

// What a user reads about plan files outside the screen itself: the server's refusal of a body
// too large for it, and the change log's line for a merge.
describe('plan-file wording', () => {
  initI18n('zh-CN', { 'zh-CN': zhCN, en })
  const t = i18next.getFixedT('zh-CN')

  it('a plan file too large for the browser-mode server is a refusal in words, not an outage', async () => {
    const api = createHttpApi('token', async () => new Response('Payload Too Large', { status: 413 }))
    const r = await api.exchangePreview({ text: '{}' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(refusalMessage(t, r.error)).toBe(
      '文件太大，无法在浏览器模式下传给程序；请只导出某一版本或部分方案，或在桌面版中打开',
    )
  })

  it('a refusal that names a place in the file says where', () => {
    const error = {
      code: 'VALIDATION' as const,
      message: 'x',
      details: { issues: [{ path: ['plan', 'loans', 0, 'scenarioId'], rule: 'unknown_reference' as const }] },
    }
    expect(refusalMessage(t, error)).toMatch(/（文件中的位置：plan\.loans\.0\.scenarioId）$/)
  })

  it('the change log names a merge: from whom, which scenarios, how many fields', () => {
    const ctx = {
      t,
      format: makeFormat('zh-CN', { areaUnit: 'mu', massUnit: 'jin' }, t),
      names: { variety: {}, group: {}, scenario: {} },
      exists: (key: string) => i18next.exists(key, { lng: 'zh-CN' }),
    }
    const sentence = describeEntry(ctx, {
      id: 1,
      at: '2026-12-03T01:00:00.000Z',
      actor: 'local-user',
      action: 'import',
      entity: 'plan',
      entityId: null,
      summary: 'merge',
      detail: {
        merge: true,
        from: '县农技推广站',
        scenarios: ['县站建议', '建设高标准农田 (2)'],
        newFields: 1,
        updatedFields: 2,
        assumptions: ['price.soybean'],
        loans: 0,
      },
    })
    expect(sentence.text).toBe(
      '从“县农技推广站”的方案文件合并：方案 县站建议、建设高标准农田 (2)；新增地块 1 块，更新地块 2 块，参数 1 项，贷款 0 笔',
    )
  })
})
