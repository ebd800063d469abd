import { Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AuditLog } from './AuditLog'

/** The change log screen: the whole log, with every filter. */
export function AuditScreen() {
  const { t } = useTranslation()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
      </div>
      <AuditLog />
    </Space>
  )
}
