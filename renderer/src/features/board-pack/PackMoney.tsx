import { useTranslation } from 'react-i18next'
import type { VersionScenarioResult } from '../../../../engine/board/version'
import { type PackData, Sheet } from './pack-data'
import { financeTerms, fundingOf, scenariosWithCashFlow } from './pack-model'

/** Each scenario's cash to the co-op year by year, and each loan's schedule where there is one. */
export function PackMoney(props: { p: PackData }) {
  const { t } = useTranslation()
  const { detail } = props.p
  const scenarios = scenariosWithCashFlow(detail)
  const terms = financeTerms(detail)
  return (
    <Sheet p={props.p} section="money">
      <p className="bp-muted bp-small">
        {t('pack.money.intro', { years: terms.horizonYears, rate: props.p.f.rate(terms.discountRate) })}
      </p>
      {scenarios.length === 0 && <p data-testid="money-none">{t('pack.money.none')}</p>}
      {scenarios.map((s) => (
        <ScenarioMoney key={String(s.scenarioId)} p={props.p} s={s} />
      ))}
    </Sheet>
  )
}

function ScenarioMoney(props: { p: PackData; s: VersionScenarioResult }) {
  const { t } = useTranslation()
  const { f } = props.p
  const { s } = props
  const fin = s.finance
  const money = fundingOf(s)
  // A year without a flow shows a dash: a table of "0.00" hides the years that matter.
  const cell = (v: number) => (
    <td className={v < -0.005 ? 'num neg' : 'num'}>{Math.abs(v) < 0.005 ? '—' : f.tableMoney(v)}</td>
  )
  return (
    <div data-testid="cash-flow">
      <h3>{t('pack.money.scenario', { name: s.name })}</h3>
      <p className="bp-small">
        {t('pack.money.facts', {
          investment: f.money(money.totalYuan),
          government: f.money(money.governmentYuan),
          coop: f.money(money.coopYuan),
          loan: f.money(money.loanYuan),
          npv: f.money(fin.npvYuan),
          npvFinanced: f.money(fin.npvFinancedYuan),
        })}{' '}
        {t('pack.money.lowest', { year: fin.lowestBalanceYear, amount: f.money(fin.lowestBalanceYuan) })}
      </p>
      <table className="bp-table">
        <thead>
          <tr>
            <th>{t('pack.money.col.year')}</th>
            <th className="num">{t('pack.money.col.investment')}</th>
            <th className="num">{t('pack.money.col.marginGain')}</th>
            <th className="num">{t('pack.money.col.loanDraw')}</th>
            <th className="num">{t('pack.money.col.debtService')}</th>
            <th className="num">{t('pack.money.col.interest')}</th>
            <th className="num">{t('pack.money.col.net')}</th>
            <th className="num">{t('pack.money.col.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {fin.cashFlow.map((y) => (
            <tr key={y.year} className={y.year === fin.lowestBalanceYear ? 'lowest' : undefined}>
              <td style={{ whiteSpace: 'nowrap' }}>
                {t('pack.money.yearN', { n: y.year })}
                {y.year === fin.lowestBalanceYear && (
                  <span className="bp-small"> {t('pack.money.lowestMark')}</span>
                )}
              </td>
              {cell(-y.investmentYuan)}
              {cell(y.marginGainYuan)}
              {cell(y.loanDrawYuan)}
              {cell(-y.debtServiceYuan)}
              {cell(-y.interestYuan)}
              {cell(y.netYuan)}
              {cell(y.balanceYuan)}
            </tr>
          ))}
        </tbody>
      </table>
      {s.loans.map(({ loan, schedule }) => {
        const last = schedule.reduce((n, y, i) => (y.principalYuan > 0 || y.interestYuan > 0 ? i : n), 0)
        return (
          <div key={loan.id} className="bp-block" data-testid="loan-schedule">
            <h3>
              {t('pack.money.loan', {
                name: loan.name || t('pack.money.loanUnnamed'),
                amount: f.money(loan.amountYuan),
                rate: f.rate(loan.annualRate),
                years: loan.termYears,
                repayment: t(`pack.money.repayment.${loan.repayment}`),
                subsidy: f.share(loan.interestSubsidyShare),
              })}
            </h3>
            <table className="bp-table">
              <thead>
                <tr>
                  <th>{t('pack.money.col.year')}</th>
                  <th className="num">{t('pack.money.col.draw')}</th>
                  <th className="num">{t('pack.money.col.principal')}</th>
                  <th className="num">{t('pack.money.col.interestDue')}</th>
                  <th className="num">{t('pack.money.col.subsidy')}</th>
                  <th className="num">{t('pack.money.col.coopPays')}</th>
                </tr>
              </thead>
              <tbody>
                {schedule.slice(0, last + 1).map((y, year) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the index is the year of the schedule
                  <tr key={year}>
                    <td>{t('pack.money.yearN', { n: year })}</td>
                    {cell(y.drawYuan)}
                    {cell(y.principalYuan)}
                    {cell(y.interestYuan)}
                    {cell(y.interestSubsidyYuan)}
                    {cell(y.principalYuan + y.interestYuan - y.interestSubsidyYuan)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </div>
  )
}
