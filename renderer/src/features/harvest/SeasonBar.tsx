import { App, Select, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { ActualsSeason } from '../../../../app/contract/contract'
import type { Plan } from '../../../../engine/schemas/plan'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'

/** The seasons offered: the last five and every season with a record, newest first. */
export function seasonOptions(thisYear: number, recorded: readonly number[]): number[] {
  const years = new Set<number>(recorded)
  for (let y = thisYear; y > thisYear - 5; y--) years.add(y)
  return [...years].filter((y) => y <= thisYear).sort((a, b) => b - a)
}

/** The season picker and the scenario the co-op carried out that season. */
export function SeasonBar(props: {
  plan: Plan | null
  season: ActualsSeason | null
  seasonYear: number
  onSeason: (year: number) => void
  onScenarioSaved: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const years = seasonOptions(new Date().getFullYear(), props.season?.seasons ?? [])
  const scenarios = (props.plan?.scenarios ?? []).filter((s) => !s.isBaseline)
  const save = async (scenarioId: number | null) => {
    try {
      await unwrap(api.actualsSetScenario({ seasonYear: props.seasonYear, scenarioId }))
      message.success(t('harvest.scenarioSaved'))
      props.onScenarioSaved()
    } catch (e) {
      message.error(errorMessage(t, e))
    }
  }
  return (
    <Space wrap size="large" align="end">
      <div>
        <Typography.Text id="harvest-season-label">{t('harvest.season')}</Typography.Text>
        <br />
        <Select
          aria-labelledby="harvest-season-label"
          data-testid="harvest-season"
          style={{ width: 140 }}
          value={props.seasonYear}
          onChange={props.onSeason}
          options={years.map((y) => ({ value: y, label: t('harvest.seasonYear', { year: y }) }))}
        />
      </div>
      <div>
        <Typography.Text id="harvest-scenario-label">{t('harvest.carriedOut')}</Typography.Text>
        <br />
        <Select<number>
          aria-labelledby="harvest-scenario-label"
          data-testid="harvest-scenario"
          style={{ width: 260 }}
          disabled={!props.season}
          value={props.season?.scenarioId ?? 0}
          onChange={(v) => void save(v === 0 ? null : v)}
          options={[
            { value: 0, label: t('harvest.currentPractice') },
            ...scenarios.map((s) => ({ value: s.id, label: s.name })),
          ]}
        />
      </div>
    </Space>
  )
}
