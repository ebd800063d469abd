import { Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportCard } from './ExportCard'
import { ImportCard } from './ImportCard'

/** 导入/导出: plan files out (the plan, a version, chosen scenarios) and in (a new workspace, or a merge). */
export function ExchangeScreen() {
  const { t } = useTranslation()
  // A merge adds scenarios: the export card reads the plan again to offer them.
  const [merges, setMerges] = useState(0)
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('exchange.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('exchange.subtitle')}</Typography.Text>
      </div>
      <ExportCard key={merges} />
      <ImportCard onMerged={() => setMerges((n) => n + 1)} />
    </Space>
  )
}
