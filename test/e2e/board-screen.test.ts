import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { browserSession, chooseOption, SCREENSHOTS, screenshot, settle } from './harness'

// A co-op manager freezes the plan for the board, changes a field after the board's first look,
// freezes again, and the board sees what changed, comments, gets an answer and decides.
describe('board review', () => {
  const s = browserSession({ width: 1440, height: 900 })
  // where the board pack's PDF is printed; removed after the file has run
  const out = mkdtempSync(join(tmpdir(), 'fengshou-journey-pack-'))
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  /** A call of the contract over browser mode's HTTP API, as the page itself makes it. */
  async function api(channel: string, input: unknown = {}) {
    const response = await fetch(`${s.server.origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-fengshou-token': s.server.token },
      body: JSON.stringify(input),
    })
    return (await response.json()) as {
      ok: boolean
      value: unknown
      error?: { code: string; details: { issues?: { rule: string }[] } }
    }
  }

  const panel = () => s.page.getByTestId('version-panel')

  async function noSidewaysScroll(page: Page, what: string) {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow, `${what} is wider than the window`).toBeLessThanOrEqual(0)
  }

  async function freeze(title: string, note: string) {
    await s.page.getByTestId('freeze-open').first().click()
    const dialog = s.page.getByRole('dialog')
    await dialog.getByLabel('标题').fill(title)
    await dialog.getByLabel('说明（可选）').fill(note)
    await dialog.getByLabel('冻结人').fill('王经理')
    await s.page.getByTestId('freeze-ok').click()
    // Freezing evaluates the plan and runs the risk simulation: the dialog waits, busy.
    await dialog.waitFor({ state: 'hidden', timeout: 120_000 })
  }

  /** Toasts gone (they last a few seconds), then the screenshot. */
  async function shot(name: string) {
    await s.page.waitForFunction(() => document.querySelector('.ant-message-notice') === null)
    await screenshot(s.page, name)
  }

  /** Scrolls so that an element's top is at the top of the window. */
  async function toTop(testId: string) {
    await panel()
      .getByTestId(testId)
      .evaluate((el) => el.scrollIntoView({ block: 'start' }))
  }

  async function tab(name: string | RegExp) {
    await panel().getByRole('tab', { name }).click()
    await settle(s.page)
  }

  async function fill(testId: string, value: string) {
    await s.page.getByTestId(testId).fill(value)
  }

  it('freezes version 1, then version 2 after a field changed, and names the change with its units', async () => {
    await s.page.goto(`${s.server.url}#/board`)
    await s.page.getByText('还没有方案版本。').waitFor()
    await freeze('春播方案初稿', '第一次提交理事会')
    await s.page.locator('[data-version="1"]').waitFor()
    await panel().getByText('这是第一个版本，没有上一版可比较。').waitFor()

    await s.page.goto(`${s.server.url}#/fields`)
    await s.page.getByRole('button', { name: '编辑 东岗一号地' }).click()
    await s.page.getByRole('spinbutton', { name: '种植密度（株/亩）' }).fill('5000')
    await s.page.getByTestId('field-save').click()
    await s.page.getByText('已保存地块“东岗一号地”').waitFor()

    await s.page.goto(`${s.server.url}#/board`)
    await s.page.locator('[data-version="1"]').waitFor()
    await freeze('春播方案（东岗一号地加密）', '按理事意见把东岗一号地加密到每亩 5000 株')
    await s.page.locator('[data-version="2"]').waitFor()
    await panel().locator('.ant-card-head').getByText('第 2 版', { exact: true }).waitFor()
    // Version 2 against the one before it, by default.
    const fields = panel().getByTestId('diff-fields')
    await fields.waitFor()
    await settle(s.page)
    expect(await fields.textContent()).toContain('东岗一号地（兴隆村）')
    expect(await fields.textContent()).toContain('密度：4,000 株/亩 → 5,000 株/亩')
    const production = panel()
      .getByTestId('kpi-table')
      .locator('tr', { has: s.page.getByRole('cell', { name: '总产', exact: true }) })
    expect(await production.locator('td').nth(1).textContent()).toMatch(/^[\d,]+ 斤$/)
    expect(await production.locator('td').nth(3).textContent()).toMatch(/^([+-][\d,]+ 斤|不变)$/)
    // The list shows both, newest first, with a short hash and the full one on hover.
    const rows = s.page.getByTestId('version-list').locator('tbody tr')
    expect(await rows.first().getAttribute('data-version')).toBe('2')
    expect(await rows.first().textContent()).toMatch(/已冻结/)
    expect(await rows.first().locator('code').textContent()).toMatch(/^[0-9a-f]{12}$/)
    await noSidewaysScroll(s.page, 'the board screen')
    await shot('board-versions-zh-CN')
    await toTop('kpi-section')
    await shot('board-diff-zh-CN')
    expect(s.errors).toEqual([])
  })

  it('submits version 2, takes a board member’s comment and the manager’s answer', async () => {
    await panel().getByTestId('submit-open').click()
    const dialog = s.page.getByRole('dialog')
    await dialog.getByLabel('提交人').fill('王经理')
    await s.page.getByTestId('submit-ok').click()
    await panel().getByTestId('version-status').filter({ hasText: '审议中' }).waitFor()

    await tab(/^审议意见/)
    const form = panel().getByTestId('comment-form')
    await form.getByLabel('姓名').fill('李理事')
    await chooseOption(s.page, form.getByRole('combobox', { name: '关于地块（可选）' }), '东岗一号地')
    await form.getByTestId('comment-body').fill('东岗一号地加密到每亩 5000 株，倒伏风险怎么控制？')
    expect(await form.textContent()).toContain('/ 2000')
    await form.getByTestId('comment-send').click()
    await panel().getByTestId('comment').filter({ hasText: '倒伏风险怎么控制' }).waitFor()

    await panel().getByRole('button', { name: '答复 李理事 的意见' }).click()
    const answer = panel().getByTestId('comment-form')
    await answer.getByLabel('姓名').fill('王经理')
    await answer.getByTestId('comment-body').fill('选用耐密抗倒品种，拔节期喷施控旺剂。')
    await answer.getByTestId('comment-send').click()
    const thread = panel().getByTestId('comment-thread')
    await thread.getByTestId('comment').filter({ hasText: '选用耐密抗倒品种' }).waitFor()
    const comments = await thread.getByTestId('comment').allTextContents()
    expect(comments).toHaveLength(2)
    expect(comments[0]).toMatch(/^李理事理事.*关于地块「东岗一号地」/)
    expect(comments[1]).toMatch(/^王经理经理\/负责人/)
    await panel().getByRole('tab', { name: '审议意见（2）' }).waitFor()
    await settle(s.page)
    await panel()
      .getByRole('tablist')
      .evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('board-comments-zh-CN')
    expect(s.errors).toEqual([])
  })

  it('says why 9 of 15 attending cannot approve, and the back end refuses it too', async () => {
    await tab('决议')
    await fill('vote-members', '15')
    await fill('vote-attending', '9')
    await fill('vote-for', '9')
    const verdict = panel().getByTestId('verdict')
    await verdict.filter({ hasText: '表决无效' }).waitFor()
    expect(await verdict.textContent()).toContain('出席 9 人，少于成员 15 人的 2/3（至少 10 人）')
    expect(await panel().getByTestId('decision-save').isDisabled()).toBe(true)
    expect(await panel().getByTestId('decision-blocker').textContent()).toBe(
      '表决无效，不能记为通过：出席 9 人，少于成员 15 人的 2/3（至少 10 人）',
    )
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await noSidewaysScroll(s.page, 'the decision form at 1366 × 768')
    await toTop('decision-form')
    await shot('board-decision-invalid-zh-CN-1366x768')
    await s.page.setViewportSize({ width: 1440, height: 900 })

    const versions = (await api('versions:list')).value as { id: number; number: number }[]
    const v2 = versions.find((v) => v.number === 2)!
    const refused = await api('versions:decide', {
      versionId: v2.id,
      meetingDate: '2026-03-10',
      vote: {
        kind: 'members',
        members: 15,
        attending: 9,
        votesFor: 9,
        votesAgainst: 0,
        abstaining: 0,
        extraVotesTotal: 0,
        extraVotesFor: 0,
      },
      outcome: 'approved',
      scenarioId: null,
      resolution: '同意',
      recordedBy: '赵监事',
    })
    expect(refused.ok).toBe(false)
    expect(refused.error?.details.issues?.map((i) => i.rule)).toEqual(['decision_not_valid'])
    expect(s.errors).toEqual([])
  })

  it('records a valid approval; version 2 is then approved and locked, with nothing left to add', async () => {
    await fill('vote-attending', '12')
    await fill('vote-for', '9')
    await fill('vote-against', '2')
    await fill('vote-abstaining', '1')
    const verdict = panel().getByTestId('verdict')
    await verdict.filter({ hasText: '表决有效' }).waitFor()
    expect(await verdict.textContent()).toContain('出席 12 人，达到成员 15 人的 2/3（至少 10 人）')
    expect(await verdict.textContent()).toContain('赞成 9 票，超过全部表决权 15 票的 1/2（至少 8 票）')
    await chooseOption(s.page, panel().getByRole('combobox', { name: '通过的方案' }), '密植+水肥一体化')
    await fill('decision-resolution', '同意按“密植+水肥一体化”方案实施，2025 年先改造兴隆村。')
    await fill('decision-recorder', '赵监事')
    await panel().getByTestId('decision-save').click()
    await s.page.getByTestId('decision-confirm').click()

    const record = panel().getByTestId('decision-record')
    await record.waitFor()
    expect(await record.textContent()).toContain('成员共 15 人，出席 12 人')
    expect(await record.textContent()).toContain('密植+水肥一体化')
    const notice = panel().getByTestId('locked-notice')
    expect(await notice.textContent()).toMatch(/^第 2 版已于 2026-\d\d-\d\d 表决通过，已锁定/)
    expect(await notice.textContent()).toContain('后续修改请冻结新版本')
    expect(await panel().getByTestId('version-status').textContent()).toBe('已通过')
    await panel().getByTestId('version-locked').waitFor()
    const row = s.page.locator('[data-version="2"]')
    await row.getByText('已通过').waitFor()
    await row.getByText('已锁定').waitFor()
    expect(await panel().getByTestId('submit-open').count()).toBe(0)
    expect(await panel().getByTestId('decision-form').count()).toBe(0)
    await tab(/^审议意见/)
    expect(await panel().getByTestId('comment-form').count()).toBe(0)
    expect(await panel().getByTestId('comment-reply').count()).toBe(0)

    // The back end keeps it locked whatever the window does.
    const v2 = ((await api('versions:list')).value as { id: number; number: number }[]).find(
      (v) => v.number === 2,
    )!
    const late = await api('versions:comment', {
      versionId: v2.id,
      replyTo: null,
      scenarioId: null,
      fieldId: null,
      author: '李理事',
      role: 'board',
      body: '再补充一句',
    })
    expect(late.error?.details.issues?.map((i) => i.rule)).toEqual(['version_locked'])

    // The period's change log reads the review as sentences.
    await tab('这一期的修改记录')
    const entries = panel().getByTestId('audit-entry')
    await entries.filter({ hasText: '决议：通过' }).waitFor()
    const texts = await entries.allTextContents()
    expect(texts.some((t) => t.includes('修改了地块「东岗一号地」：密度'))).toBe(true)
    await tab('决议')
    await s.page.evaluate(() => window.scrollTo(0, 0))
    await shot('board-locked-zh-CN')
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await noSidewaysScroll(s.page, 'the locked version at 1366 × 768')
    await toTop('decision-record')
    await shot('board-decision-zh-CN-1366x768')
    await s.page.setViewportSize({ width: 1440, height: 900 })
    expect(s.errors).toEqual([])
  })

  // The secretary prints the approved version's board pack, as the desktop app does with Chromium's
  // own printer; poppler's tools read the PDF back.
  it('prints version 2’s board pack: the co-op, the chosen scenario, the decision and the hash, a CJK font embedded', async () => {
    const v2 = ((await api('versions:list')).value as { id: number; number: number; hash: string }[]).find(
      (v) => v.number === 2,
    )!
    await s.page.goto('about:blank')
    await s.page.goto(`${s.server.url}#/print/version/${v2.id}?lang=zh-CN`)
    await s.page.waitForFunction(() => document.body.dataset.packReady === 'true', undefined, {
      timeout: 60_000,
    })
    const pdf = join(out, 'board-pack.pdf')
    await s.page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true })

    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    )
    expect(text).toContain('丰收示范合作社')
    expect(text).toContain('第2版')
    expect(text).toContain('选定方案“密植+水肥一体化”')
    expect(text).toContain('同意按“密植+水肥一体化”方案实施，2025年先改造兴隆村。')
    // the thread: the board member's question and the manager's answer
    expect(text).toContain('倒伏风险怎么控制？')
    expect(text).toContain('选用耐密抗倒品种，拔节期喷施控旺剂。')
    expect(text).toContain(v2.hash)
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    const cjk = fonts.split('\n').filter((l) => /WenQuanYi|Noto.*CJK|SourceHan/i.test(l))
    expect(cjk.length).toBeGreaterThan(0)
    for (const line of cjk) expect(line).toMatch(/\syes\s+yes\s+yes\s/)

    mkdirSync(SCREENSHOTS, { recursive: true })
    const target = join(SCREENSHOTS, 'board-journey-pack-p1-zh-CN')
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, target])
    expect(statSync(`${target}.png`).size).toBeGreaterThan(10_000)
    expect(s.errors).toEqual([])
  })
})
