import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { VersionDetail, VersionSummary } from '../../engine/board/version'
import { DEMO_SCENARIO_NAMES } from '../../engine/demo-plan'
import type { Plan } from '../../engine/schemas/plan'
import { MEMBERS_VOTE } from '../helpers/version'
import { browserSession, callApi, SCREENSHOTS, screenshot, settle } from './harness'

// The manager freezes the demo plan as a version, the board comments and a general meeting approves
// the HSF scenario; the secretary opens the board pack and prints it to an A4 PDF (Chromium's own
// printer, as the desktop app does), in Chinese and in English. poppler's tools read the PDF back.
describe('the board pack (理事会材料) as a PDF', () => {
  const s = browserSession({ width: 1280, height: 900 })
  const out = mkdtempSync(join(tmpdir(), 'fengshou-pack-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  const api = <T = unknown>(channel: string, input: unknown = {}) => callApi<T>(s.server, channel, input)

  const text = (pdf: string, page?: number) =>
    execFileSync(
      'pdftotext',
      [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', pdf, '-'],
      {
        encoding: 'utf8',
      },
    )
  // pdftotext drops the spaces around Chinese; compare without any
  const squeeze = (t: string) => t.replace(/\s+/g, '')
  const pageCount = (pdf: string) =>
    Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])

  let version: VersionSummary
  let hsfName: string

  async function printPack(lang: 'zh-CN' | 'en'): Promise<string> {
    // A fresh load: the app reads the print route when it starts.
    await s.page.goto('about:blank')
    await s.page.goto(`${s.server.url}#/print/version/${version.id}?lang=${lang}`)
    await s.page.waitForFunction(() => document.body.dataset.packReady === 'true', undefined, {
      timeout: 60_000,
    })
    const file = join(out, `pack-${lang}.pdf`)
    await s.page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true })
    return file
  }

  it('freezes the demo with a loan and a changed assumption, records comments and a valid decision', async () => {
    const plan = await api<Plan>('plan:get')
    const hsf = plan.scenarios.find((x) => x.name === DEMO_SCENARIO_NAMES.hsf)!
    hsfName = hsf.name
    await api('loans:create', {
      scenarioId: hsf.id,
      loan: {
        name: '农商行高标准农田贷',
        amountYuan: 300_000,
        annualRate: 0.045,
        termYears: 5,
        repayment: 'annuity',
        interestSubsidyShare: 0.5,
      },
    })
    await api('assumptions:set', {
      key: 'hsf.investmentYuanPerHa',
      value: 2400 * 15,
      low: 1800 * 15,
      high: 3000 * 15,
      note: '县农业农村局批复的项目概算为每亩 2,400 元',
      revision: null,
    })
    version = await api<VersionSummary>('versions:freeze', {
      title: '2026 年春播方案',
      note: '按理事会意见修改了投资概算。',
      author: '李经理',
    })
    await api('versions:submit', { id: version.id, author: '李经理' })
    const first = await api<{ id: number }>('versions:comment', {
      versionId: version.id,
      replyTo: null,
      scenarioId: hsf.id,
      fieldId: null,
      author: '赵监事',
      role: 'supervisor',
      body: '贷款的贴息比例请再和农商行确认。',
    })
    await api('versions:comment', {
      versionId: version.id,
      replyTo: first.id,
      scenarioId: null,
      fieldId: null,
      author: '李经理',
      role: 'manager',
      body: '已确认：贴息 50%。',
    })
    await api('versions:decide', {
      versionId: version.id,
      meetingDate: '2026-03-01',
      vote: MEMBERS_VOTE,
      outcome: 'approved',
      scenarioId: hsf.id,
      resolution: '同意按“建设高标准农田”方案实施，春耕前完成招标。',
      recordedBy: '王会计',
    })
    const detail = await api<VersionDetail>('versions:get', { id: version.id })
    expect(detail.hashVerified).toBe(true)
    expect(detail.decision?.scenarioName).toBe(hsfName)
  })

  it('prints an A4 PDF in Chinese: co-op, chosen scenario, decision, the hash and page n of N on every page, a CJK font embedded', async () => {
    const pdf = await printPack('zh-CN')
    // on screen: the same pages on grey with a print button
    await s.page.getByTestId('pack-print').waitFor()
    await screenshot(s.page, 'board-pack-screen-zh-CN')

    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThanOrEqual(8)
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(
      /^Page size:\s+594\.\d+ x 841\.\d+ pts \(A4\)/m,
    )
    const all = squeeze(text(pdf))
    expect(all).toContain('丰收示范合作社')
    expect(all).toContain('理事会审议材料')
    expect(all).toContain('第1版：2026年春播方案')
    expect(all).toContain(squeeze(`选定方案${hsfName}`))
    expect(all).toContain('同意按“建设高标准农田”方案实施，春耕前完成招标。')
    expect(all).toContain('结论：表决有效，决议通过，选定方案“建设高标准农田”。')
    expect(all).toContain('贷款的贴息比例请再和农商行确认。')
    expect(all).toContain('县农业农村局批复的项目概算为每亩2,400元')
    expect(all).toMatch(/建议在.+等3个村的17块地（共[\d,.]+亩）建设高标准农田。/)
    for (const who of ['理事长（签字）', '监事（签字）', '记录人（签字）']) expect(all).toContain(who)
    // the footer of every page: the co-op, the version and its hash, and "page n of N"
    for (let p = 1; p <= pages; p++) {
      const page = squeeze(text(pdf, p))
      expect(page, `page ${p}`).toContain(version.hash)
      expect(page, `page ${p}`).toContain(`第${p}页/共${pages}页`)
    }
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    const cjk = fonts.split('\n').filter((l) => /WenQuanYi|Noto.*CJK|SourceHan|YaHei|PingFang/i.test(l))
    expect(cjk.length).toBeGreaterThan(0)
    for (const line of cjk) expect(line).toMatch(/\syes\s+yes\s+yes\s/)

    // the cover and the summary as a person sees them, at 80 dpi
    mkdirSync(SCREENSHOTS, { recursive: true })
    for (const [page, name] of [
      [1, 'board-pack-cover-zh-CN'],
      [2, 'board-pack-summary-zh-CN'],
      [pages, 'board-pack-decision-zh-CN'],
    ] as const) {
      const target = join(SCREENSHOTS, name)
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        String(page),
        '-l',
        String(page),
        '-singlefile',
        pdf,
        target,
      ])
      expect(statSync(`${target}.png`).size).toBeGreaterThan(10_000)
    }
  })

  it('opens from the board screen in a new tab of the browser, on the print route, ready to print', async () => {
    await s.page.goto('about:blank')
    await s.page.goto(`${s.server.url}#/board`)
    await settle(s.page)
    const [tab] = await Promise.all([s.page.waitForEvent('popup'), s.page.getByTestId('board-pack').click()])
    await tab.waitForFunction(() => document.body.dataset.packReady === 'true', undefined, {
      timeout: 60_000,
    })
    expect(new URL(tab.url()).hash).toBe(`#/print/version/${version.id}?lang=zh-CN`)
    expect(await tab.getByTestId('pack-coop').textContent()).toBe('丰收示范合作社')
    await expect(tab.getByTestId('pack-print').isVisible()).resolves.toBe(true)
    await tab.close()
  })

  it('prints the same pack in English', async () => {
    const pdf = await printPack('en')
    const pages = pageCount(pdf)
    const all = text(pdf)
    expect(all).toContain('Board pack')
    expect(all).toContain('Version 1: 2026 年春播方案')
    expect(all).toContain('What it costs, and who pays')
    expect(all).toContain('Chair (signature)')
    expect(all).toContain('Conclusion: the vote is valid')
    for (let p = 1; p <= pages; p++) {
      const page = text(pdf, p)
      expect(page, `page ${p}`).toContain(version.hash)
      expect(page, `page ${p}`).toContain(`Page ${p} of ${pages}`)
    }
    const target = join(SCREENSHOTS, 'board-pack-summary-en')
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '2', '-l', '2', '-singlefile', pdf, target])
    expect(s.errors).toEqual([])
  })
})
