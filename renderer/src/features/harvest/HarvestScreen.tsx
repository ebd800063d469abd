import { Alert, Button, Space, Tabs, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ActualsSeason } from '../../../../app/contract/contract'
import type { Plan } from '../../../../engine/schemas/plan'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { ActualsImportModal } from './ActualsImportModal'
import { CalibrationPanel } from './CalibrationPanel'
import { HandEntryTable } from './HandEntryTable'
import { PlanVsActualView } from './PlanVsActualView'
import { SeasonBar } from './SeasonBar'

/**
 * 实收与校准: after the harvest, what each field actually gave against what the plan said, and
 * what the co-op's own seasons say about the assumptions. Actuals are entered by hand or from a
 * CSV; the comparison and the calibration proposals are read again after every write.
 */
export function HarvestScreen() {
  const { t } = useTranslation()
  const [seasonYear, setSeasonYear] = useState(() => new Date().getFullYear())
  const [plan, setPlan] = useState<Plan | null>(null)
  const [season, setSeason] = useState<ActualsSeason | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [importing, setImporting] = useState(false)
  const [tab, setTab] = useState('entry')
  // bumped after every write: the comparison and the proposals are read again
  const [written, setWritten] = useState(0)

  const load = useCallback(async () => {
    try {
      const [p, s] = await Promise.all([unwrap(api.planGet()), unwrap(api.actualsList({ seasonYear }))])
      setPlan(p)
      setSeason(s)
      setError(null)
    } catch (e) {
      setError(e)
    }
  }, [seasonYear])
  useEffect(() => {
    void load()
  }, [load])
  const changed = () => {
    setWritten((n) => n + 1)
    void load()
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="harvest-screen">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('harvest.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('harvest.subtitle')}</Typography.Text>
      </div>
      {error !== null && (
        <Alert type="error" showIcon title={t('errors.title')} description={errorMessage(t, error)} />
      )}
      <Space wrap align="end" size="large">
        <SeasonBar
          plan={plan}
          season={season}
          seasonYear={seasonYear}
          onSeason={setSeasonYear}
          onScenarioSaved={changed}
        />
        <Button onClick={() => setImporting(true)} data-testid="actuals-import-open">
          {t('harvest.importCsv')}
        </Button>
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'entry',
            label: t('harvest.tab.entry'),
            children:
              plan && season ? <HandEntryTable plan={plan} season={season} onSaved={changed} /> : null,
          },
          {
            key: 'compare',
            label: t('harvest.tab.compare'),
            children: <PlanVsActualView seasonYear={seasonYear} plan={plan} refresh={written} />,
          },
          {
            key: 'calibration',
            label: t('harvest.tab.calibration'),
            children: <CalibrationPanel refresh={written} onAccepted={changed} />,
          },
        ]}
      />
      {importing && (
        <ActualsImportModal
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false)
            changed()
          }}
        />
      )}
    </Space>
  )
}
