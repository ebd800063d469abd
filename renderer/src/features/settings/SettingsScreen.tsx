import { Card, Descriptions, Segmented, Space, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { CoopDetailsCard } from '../workspaces/CoopDetailsCard'
import { WorkspacesCard } from '../workspaces/WorkspacesCard'
import { BackupCard } from './BackupCard'

export function SettingsScreen() {
  const { t } = useTranslation()
  const { workspace, info, update } = useWorkspace()
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <CoopDetailsCard />
      <WorkspacesCard />
      <Card title={t('settings.title')}>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('settings.language')}>
            <Segmented
              aria-label={t('settings.language')}
              value={workspace.locale}
              options={[
                { value: 'zh-CN', label: '中文' },
                { value: 'en', label: 'English' },
              ]}
              onChange={(value) => void update({ locale: value as 'zh-CN' | 'en' })}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.areaUnit')}>
            <Segmented
              aria-label={t('settings.areaUnit')}
              value={workspace.areaUnit}
              options={[
                { value: 'mu', label: t('units.mu') },
                { value: 'ha', label: t('units.ha') },
              ]}
              onChange={(value) => void update({ areaUnit: value as 'mu' | 'ha' })}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.massUnit')}>
            <Segmented
              aria-label={t('settings.massUnit')}
              value={workspace.massUnit}
              options={[
                { value: 'jin', label: t('units.jin') },
                { value: 'kg', label: t('units.kg') },
                { value: 't', label: t('units.t') },
              ]}
              onChange={(value) => void update({ massUnit: value as 'jin' | 'kg' | 't' })}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.dataFile')}>
            <Typography.Text code copyable>
              {info.dataFile}
            </Typography.Text>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('settings.dataFileHelp')}
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.mode')}>
            {info.mode === 'desktop' ? t('settings.modeDesktop') : t('settings.modeBrowser')}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.appVersion')}>{info.version}</Descriptions.Item>
          <Descriptions.Item label={t('settings.schemaVersion')}>{info.schemaVersion}</Descriptions.Item>
        </Descriptions>
      </Card>
      <BackupCard />
    </Space>
  )
}
