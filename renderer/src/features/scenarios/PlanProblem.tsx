import { Alert, Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { AppError, type Issue } from '../../../../engine/errors'
import { assumptionName } from '../../lib/assumption-format'
import { apiErrorOf, errorMessage } from '../../lib/errors'

function firstIssue(error: unknown): Issue | undefined {
  if (error instanceof AppError) return error.details.issues?.[0]
  return apiErrorOf(error)?.details.issues?.[0]
}

/**
 * Why the plan cannot be evaluated, in words the user can act on: the assumption to change (with a
 * way to the Assumptions screen, where it can be reset) or the field whose inputs give no number.
 * A refused plan never blanks the app.
 */
export function PlanProblem(props: { error: unknown }) {
  const { t } = useTranslation()
  const issue = firstIssue(props.error)
  const key = issue?.path[0] === 'assumptions' && typeof issue.path[1] === 'string' ? issue.path[1] : null
  const field = issue?.path[0] === 'fields' ? issue.params?.field : undefined
  const description = key
    ? t('plan.assumptionBroken', { name: assumptionName(t, key) })
    : field !== undefined
      ? t('plan.fieldBroken', { field })
      : issue
        ? t(`errors.rule.${issue.rule}`, issue.params ?? {})
        : errorMessage(t, props.error)
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="plan-problem"
      title={t('plan.cannotEvaluate')}
      description={description}
      action={
        key ? (
          <Button size="small" href="#/assumptions">
            {t('plan.goAssumptions')}
          </Button>
        ) : undefined
      }
    />
  )
}
