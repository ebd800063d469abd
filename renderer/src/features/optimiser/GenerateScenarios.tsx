import { Alert, Button, Card, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Problem } from '../../../../engine/optimiser/problem'
import { api, unwrap } from '../../api'
import { apiErrorOf, errorMessage, issueMessage } from '../../lib/errors'
import { useBusy } from '../../lib/use-busy'
import { compareHash } from '../shell/routes'

/** Saves the roll-out as one scenario per year ("投资优化 2025", …) and offers Compare. */
export function GenerateScenarios(props: {
  problem: Problem
  schedule: { year: number; fieldId: number; action: Problem['actions'][number] }[]
  baselineId: number | null
}) {
  const { t } = useTranslation()
  const [name, setName] = useState(() => t('optimiser.generate.defaultName'))
  const [busy, runBusy] = useBusy()
  const [made, setMade] = useState<{ id: number; name: string }[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  const generate = () =>
    runBusy(async () => {
      setError(null)
      try {
        const scenarios = await unwrap(
          api.optimiserToScenarios({
            problem: props.problem,
            schedule: props.schedule,
            name: name.trim(),
            note: t('optimiser.generate.note'),
          }),
        )
        setMade(scenarios.map((s) => ({ id: s.id, name: s.name })))
      } catch (e) {
        const issues = apiErrorOf(e)?.details.issues ?? []
        setError([errorMessage(t, e), ...issues.map((i) => issueMessage(t, i))].join(' '))
      }
    })

  return (
    <Card title={t('optimiser.generate.title')} size="small" data-testid="optimiser-generate">
      <Typography.Paragraph type="secondary">{t('optimiser.generate.explain')}</Typography.Paragraph>
      <Space wrap>
        <Input
          value={name}
          maxLength={40}
          style={{ width: 220 }}
          aria-label={t('optimiser.generate.name')}
          onChange={(e) => setName(e.target.value)}
          disabled={made !== null}
        />
        <Button
          type="primary"
          onClick={() => void generate()}
          loading={busy}
          disabled={made !== null || name.trim() === ''}
        >
          {t('optimiser.generate.button')}
        </Button>
      </Space>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} /> : null}
      {made ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="optimiser-made"
          title={t('optimiser.generate.done', {
            names: made.map((s) => s.name).join('、'),
            count: made.length,
          })}
          action={
            <Button
              onClick={() => {
                // Today beside the roll-out's years (Compare shows four at most: the last three).
                const ids = made.slice(-3).map((s) => s.id)
                window.location.hash = compareHash(
                  props.baselineId === null ? ids : [props.baselineId, ...ids],
                )
              }}
            >
              {t('optimiser.generate.openCompare')}
            </Button>
          }
        />
      ) : null}
    </Card>
  )
}
