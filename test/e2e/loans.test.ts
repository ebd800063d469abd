import { describe, expect, it } from 'vitest'
import { browserSession, callApi, screenshot, settle } from './harness'

// A co-op's accountant adds the bank's loan to the drip scenario, reads what it costs year by
// year and where the cash runs lowest, compares the scenarios with and without financing, and
// finds that a loan changed in another window is not overwritten.
describe('a scenario’s loans and cash flow', () => {
  const s = browserSession({ width: 1440, height: 900 })

  const api = <T = unknown>(channel: string, input: unknown = {}) => callApi<T>(s.server, channel, input)

  const openFinance = async () => {
    await s.page.goto(`${s.server.url}#/scenarios`)
    await s.page.getByText('逐块结果：密植+水肥一体化').waitFor()
    await s.page.getByTestId('tab-finance').click()
    await s.page.getByTestId('cash-flow').waitFor()
    await settle(s.page)
  }

  it('adds a 2,000,000-yuan loan and shows the textbook instalment, the cash flow and its lowest year', async () => {
    await openFinance()
    // 10-year horizon: years 0…10, yuan on every money cell, one row marked lowest
    const rows = s.page.getByTestId('cash-flow').locator('tbody tr.ant-table-row')
    await expect(rows.count()).resolves.toBe(11)
    const cells = await s.page.getByTestId('cash-flow').locator('[data-testid^="cf-"]').allTextContents()
    // six money columns a year (the interest under the debt service only in years with interest)
    expect(cells.length).toBe(11 * 6)
    expect(cells.every((c) => c.endsWith(' 元'))).toBe(true)
    await expect(s.page.getByTestId('cash-flow').locator('tr[data-lowest="true"]').count()).resolves.toBe(1)

    await s.page.getByTestId('loan-add').click()
    const dialog = s.page.getByRole('dialog')
    await dialog.getByLabel('金额').fill('2000000')
    await dialog.getByLabel('年利率').fill('4.35')
    await dialog.getByLabel('期限').fill('5')
    await dialog.getByLabel('贴息比例（政府承担的利息份额）').fill('0')
    await dialog.getByLabel('名称（可选，如“农商行”）').fill('农商行')
    await s.page.getByTestId('loan-save').click()
    await s.page.getByText('贷款已保存').waitFor()
    // A = 2,000,000 × 0.0435 / (1 − 1.0435^−5) = 453,680.64 yuan
    await s.page.getByTestId('loan-summary').filter({ hasText: '首年还本付息 453,681 元' }).waitFor()
    await expect(s.page.getByTestId('loan-summary').textContent()).resolves.toContain('利息合计 268,403 元')
    const draws = await s.page
      .getByTestId('cash-flow')
      .locator('[data-testid="cf-loanDrawYuan"]')
      .allTextContents()
    expect(draws[0]).toBe('2,000,000 元')
    await screenshot(s.page, 'scenario-loans-zh-CN')
    await expect(s.page.getByTestId('loans').textContent()).resolves.toContain('4.35 %')
    await s.page.getByTestId('cash-flow').scrollIntoViewIfNeeded()
    await screenshot(s.page, 'scenario-cash-flow-zh-CN')
    expect(s.errors).toEqual([])
  })

  it('refuses a bad loan with a Chinese message, and a stale form is not saved over another window’s edit', async () => {
    await s.page.getByTestId('loan-add').click()
    const dialog = s.page.getByRole('dialog')
    await dialog.getByLabel('金额').fill('')
    await s.page.getByTestId('loan-save').click()
    await dialog.getByRole('alert').filter({ hasText: '金额' }).waitFor()
    await dialog.getByRole('button', { name: /^取\s?消$/ }).click()
    await s.page.getByTestId('discard-changes').click()
    await dialog.waitFor({ state: 'hidden' })

    await s.page.getByTestId('loan-edit').click()
    // another window changes the loan first
    const [loan] = (await api('loans:list', {
      scenarioId: ((await api('plan:get')) as { loans: { scenarioId: number }[] }).loans[0]!.scenarioId,
    })) as { id: number; revision: number; [k: string]: unknown }[]
    const { id, revision, scenarioId: _s, ...input } = loan!
    await api('loans:update', { id, revision, loan: { ...input, termYears: 8 } })
    await s.page.getByRole('dialog').getByLabel('期限').fill('6')
    await s.page.getByTestId('loan-save').click()
    await s.page.getByTestId('loan-reload').waitFor()
    await s.page.getByTestId('loan-reload').click()
    await s.page.getByTestId('loans').getByText('8 年').waitFor()
  })

  it('Compare shows the financing and NPV and IRR with and without it', async () => {
    await s.page.goto(`${s.server.url}#/compare`)
    const kpis = s.page.getByTestId('compare-kpis')
    await kpis.getByText('净现值含贷款（元）').waitFor()
    await kpis.getByText('内部收益率含贷款').waitFor()
    await expect(kpis.getByRole('row', { name: /^贷款（元）/ }).textContent()).resolves.toContain('2,000,000')
    await screenshot(s.page, 'compare-financing-zh-CN')
    expect(s.errors).toEqual([])
  })

  it('fits at 1366×768 without sideways scrolling, and a loan can be removed', async () => {
    await s.page.setViewportSize({ width: 1366, height: 768 })
    await openFinance()
    await s.page.getByTestId('scenario-finance').scrollIntoViewIfNeeded()
    await screenshot(s.page, 'scenario-loans-1366-zh-CN')
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    // the cash-flow table itself shows every column without scrolling
    const clipped = await s.page
      .getByTestId('cash-flow')
      .locator('.ant-table-content')
      .evaluate((e) => e.scrollWidth - e.clientWidth)
    expect(clipped).toBeLessThanOrEqual(0)
    await s.page.getByTestId('loan-remove').click()
    await s.page.getByTestId('loan-remove-ok').click()
    await s.page.getByText('贷款已删除').waitFor()
    await s.page.getByText('这个方案还没有贷款', { exact: false }).waitFor()
    expect(s.errors).toEqual([])
  })

  it('reads in English at 1366×768 with a loan, still without sideways scrolling', async () => {
    await s.page.goto(`${s.server.url}#/settings`)
    await s.page.getByText('English', { exact: true }).first().click()
    await s.page.getByRole('menuitem', { name: 'Settings' }).waitFor()
    const plan = (await api('plan:get')) as { scenarios: { id: number; isBaseline: boolean }[] }
    const drip = plan.scenarios.find((x) => !x.isBaseline)!
    await api('loans:create', {
      scenarioId: drip.id,
      loan: {
        name: 'Rural credit co-op',
        amountYuan: 300_000,
        annualRate: 0.0385,
        termYears: 3,
        repayment: 'interest_only',
        interestSubsidyShare: 0.5,
      },
    })
    await s.page.goto(`${s.server.url}#/scenarios`)
    await s.page.getByTestId('tab-finance').click()
    await s.page.getByTestId('loans').getByText('Interest only, then principal').waitFor()
    await s.page.getByTestId('cash-flow').scrollIntoViewIfNeeded()
    await screenshot(s.page, 'scenario-cash-flow-1366-en')
    const overflow = await s.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    const table = await s.page
      .getByTestId('cash-flow')
      .locator('.ant-table-content')
      .evaluate((e) => e.scrollWidth - e.clientWidth)
    expect(table).toBeLessThanOrEqual(0)
    expect(s.errors).toEqual([])
  })
})
