import { Alert, Button, Card, Space, Typography } from 'antd'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AppError, type Issue } from '../../../../engine/errors'
import { type Problem, ProblemSchema } from '../../../../engine/optimiser/problem'
import type { Plan } from '../../../../engine/schemas/plan'
import { parseOrThrow } from '../../../../engine/validation'
import { api, unwrap } from '../../api'
import { errorMessage, issueMessage } from '../../lib/errors'
import { PlanProblem } from '../scenarios/PlanProblem'
import { FrontierCard } from './FrontierCard'
import { GenerateScenarios } from './GenerateScenarios'
import { OptimiserForm } from './OptimiserForm'
import { OptimiserResult } from './OptimiserResult'
import { defaultForm, fromProblem, type ProblemForm, toProblem } from './problem-form'
import { type StoredNote, StoredProblemNote } from './StoredProblemNote'
import { useElapsed, useOptimiserRun, type WorkerFactory } from './useOptimiserRun'

function parseProblem(form: ProblemForm): { problem: Problem } | { issues: Issue[] } {
  try {
    return { problem: parseOrThrow(ProblemSchema, toProblem(form)) }
  } catch (error) {
    if (error instanceof AppError) return { issues: error.details.issues ?? [] }
    throw error
  }
}

/**
 * Investment optimiser (投资优化, issue 12): the co-op states its budgets, quotas and loan limit;
 * HiGHS, in a worker, finds which fields to build first and in which year; the roll-out can be
 * saved as one scenario per year and compared.
 */
export function OptimiserScreen(props: { makeWorker?: WorkerFactory }) {
  const { t } = useTranslation()
  const [plan, setPlan] = useState<Plan | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [form, setForm] = useState<ProblemForm>(() => defaultForm())
  const [issues, setIssues] = useState<Issue[]>([])
  const [stored, setStored] = useState<StoredNote | null>(null)
  const optimiser = useOptimiserRun(props.makeWorker)
  const { state } = optimiser
  const elapsed = useElapsed(state.status === 'running' ? state.startedAt : null)

  // The plan, and the problem the co-op stated last time in this workspace, open together.
  useEffect(() => {
    Promise.all([unwrap(api.planGet()), unwrap(api.optimiserGetProblem())]).then(([p, last]) => {
      if (last.saved) {
        const { form: saved, missingFieldIds } = fromProblem(
          last.saved.problem,
          new Set(p.fields.map((f) => f.id)),
        )
        setForm(saved)
        setStored({ kind: 'loaded', savedAt: last.saved.savedAt, missing: missingFieldIds.length })
      } else if (last.unreadable) setStored({ kind: 'unreadable' })
      setPlan(p)
    }, setLoadError)
  }, [])

  // The form fills the first screen: a finished solve brings its answer into view.
  const answer = useRef<HTMLDivElement>(null)
  const finished = state.status === 'done' || state.status === 'failed' ? state : null
  useEffect(() => {
    if (finished) answer.current?.scrollIntoView?.({ block: 'start' })
  }, [finished])

  const solve = () => {
    if (!plan) return
    const parsed = parseProblem(form)
    if ('issues' in parsed) {
      setIssues(parsed.issues)
      return
    }
    setIssues([])
    optimiser.run(plan, parsed.problem)
    // Kept for next time; a failed save does not stop the solve, but is said.
    unwrap(api.optimiserSaveProblem({ problem: parsed.problem })).then(
      ({ savedAt }) => setStored({ kind: 'saved', savedAt, missing: 0 }),
      (e: unknown) => setStored({ kind: 'saveFailed', message: errorMessage(t, e) }),
    )
  }

  // The result answers the problem it was solved for; once the form says otherwise, say so.
  const isStale = useMemo(() => {
    if (state.status !== 'done') return false
    const parsed = parseProblem(form)
    return !('problem' in parsed) || JSON.stringify(parsed.problem) !== JSON.stringify(state.problem)
  }, [form, state])

  if (loadError) return <PlanProblem error={loadError} />
  if (!plan) return <Card loading />

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('optimiser.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('optimiser.intro')}
      </Typography.Paragraph>
      <Card title={t('optimiser.form.title')} size="small">
        {stored ? <StoredProblemNote note={stored} /> : null}
        <OptimiserForm plan={plan} value={form} onChange={setForm} />
        {issues.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="optimiser-issues"
            title={t('optimiser.form.invalid')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {issues.map((issue, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is redrawn whole, never reordered
                  <li key={i}>{issueMessage(t, issue)}</li>
                ))}
              </ul>
            }
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Space>
          <Button type="primary" onClick={solve} loading={state.status === 'running'}>
            {t('optimiser.solve')}
          </Button>
          {state.status === 'running' ? (
            <>
              <Button onClick={optimiser.cancel}>{t('optimiser.cancel')}</Button>
              <Typography.Text data-testid="optimiser-busy" aria-live="polite">
                {t('optimiser.busy', { seconds: Math.floor(elapsed) })}
              </Typography.Text>
            </>
          ) : null}
        </Space>
      </Card>
      <div ref={answer} />
      {state.status === 'cancelled' ? <Alert type="info" showIcon title={t('optimiser.cancelled')} /> : null}
      {state.status === 'failed' ? (
        <Alert
          type="error"
          showIcon
          title={t(`errors.code.${state.code}`)}
          description={
            state.issues.length > 0
              ? state.issues.map((issue) => issueMessage(t, issue)).join('；')
              : undefined
          }
        />
      ) : null}
      {state.status === 'done' ? (
        <>
          {isStale ? <Alert type="info" showIcon title={t('optimiser.stale')} /> : null}
          <OptimiserResult run={state} />
          {state.result.status === 'optimal' || state.result.status === 'time_limit' ? (
            <FrontierCard
              key={state.runId}
              plan={state.plan}
              problem={state.problem}
              {...(props.makeWorker ? { makeWorker: props.makeWorker } : {})}
            />
          ) : null}
          {(state.result.status === 'optimal' || state.result.status === 'time_limit') &&
          state.result.schedule.length > 0 ? (
            <GenerateScenarios
              key={state.runId}
              problem={state.problem}
              schedule={state.result.schedule}
              baselineId={plan.scenarios.find((s) => s.isBaseline)?.id ?? null}
            />
          ) : null}
        </>
      ) : null}
    </Space>
  )
}
