import { Alert } from 'antd'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { type CsvProblem, FIELD_COLUMNS } from '../../../../engine/csv/fields-csv'

/** A column as the user knows it: our label for a field attribute, else the file's own header. */
function columnLabel(t: TFunction, column: string): string {
  return (FIELD_COLUMNS as readonly string[]).includes(column) ? t(`csvColumn.${column}`) : column
}

/**
 * One import problem as a sentence: row and column as the spreadsheet shows them (the header is
 * row 1), and what is wrong. Row 0 is the file as a whole (its encoding, its size, a missing column).
 */
export function csvProblemText(t: TFunction, p: CsvProblem): string {
  if (p.rule === 'missing_column') return t('csv.missingColumn', { column: columnLabel(t, p.column) })
  const message = messageOf(t, p)
  if (p.row === 0) return message
  if (p.column === '') return t('csv.problemInRow', { row: p.row, message })
  return t('csv.problem', { row: p.row, column: columnLabel(t, p.column), message })
}

/** What is wrong; a name used twice says where it was first, or that the workspace has it. */
function messageOf(t: TFunction, p: CsvProblem): string {
  if (p.rule === 'duplicate_name' && p.params?.value !== undefined)
    return p.params.first !== undefined
      ? t('csv.duplicateInFile', { value: p.params.value, first: p.params.first })
      : t('csv.duplicateExisting', { value: p.params.value })
  return t(`errors.rule.${p.rule}`, p.params ?? {})
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
