import { Alert } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { CsvProblem } from '../../../../engine/csv/fields-csv'

/** One import problem as a sentence: row and column as the spreadsheet shows them, and what is wrong. */
export function csvProblemText(t: TFunction, p: CsvProblem): string {
  if (p.row === 0)
    return t('csv.missingColumn', { column: t(`csvColumn.${p.column}`, { defaultValue: p.column }) })
  return t('csv.problem', {
    row: p.row,
    column: p.column,
    message: t(`errors.rule.${p.rule}`, { ...(p.params ?? {}), defaultValue: t('errors.rule.invalid') }),
  })
}

/** Every problem of a CSV before anything is imported (the first 20 listed). */
export function CsvProblems(props: { problems: CsvProblem[]; testId?: string }) {
  const { t } = useTranslation()
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={props.testId}
      title={t('csv.problems', { count: props.problems.length })}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {props.problems.slice(0, 20).map((p) => (
            <li key={`${p.row}-${p.column}-${p.rule}`}>{csvProblemText(t, p)}</li>
          ))}
        </ul>
      }
    />
  )
}
