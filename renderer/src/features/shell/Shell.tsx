import { Alert, Layout, Menu, Segmented, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { AssumptionsScreen } from '../assumptions/AssumptionsScreen'
import { CompareScreen } from '../compare/CompareScreen'
import { DensityScreen } from '../density/DensityScreen'
import { FieldsScreen } from '../fields/FieldsScreen'
import { OverviewScreen } from '../overview/OverviewScreen'
import { RiskScreen } from '../risk/RiskScreen'
import { ScenariosScreen } from '../scenarios/ScenariosScreen'
import { SettingsScreen } from '../settings/SettingsScreen'
import { VarietiesScreen } from '../varieties/VarietiesScreen'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { ComingSoon } from './ComingSoon'
import { ROUTES, type Route, useHashRoute } from './routes'

function Screen(props: { route: Route; navigate: (route: Route) => void }) {
  if (props.route === 'fields') return <FieldsScreen />
  if (props.route === 'settings') return <SettingsScreen />
  if (props.route === 'scenarios') return <ScenariosScreen />
  if (props.route === 'assumptions') return <AssumptionsScreen />
  if (props.route === 'overview') return <OverviewScreen />
  if (props.route === 'density') return <DensityScreen />
  if (props.route === 'compare') return <CompareScreen />
  if (props.route === 'varieties') return <VarietiesScreen />
  if (props.route === 'risk') return <RiskScreen />
  return <ComingSoon route={props.route} onGoFields={() => props.navigate('fields')} />
}

export function Shell() {
  const { t } = useTranslation()
  const { workspace, update } = useWorkspace()
  const [route, navigate] = useHashRoute()
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={232} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px 8px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.title')}
          </Typography.Title>
        </div>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={[route]}
            onClick={({ key }) => navigate(key as Route)}
            items={ROUTES.map((key) => ({ key, label: t(`nav.${key}`) }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            borderBottom: '1px solid #f0f0f0',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
          }}
        >
          <Space size="middle">
            <Typography.Text strong style={{ fontSize: 16 }}>
              {workspace.name}
            </Typography.Text>
            {workspace.isDemo && <Tag color="orange">{t('app.demoTag')}</Tag>}
          </Space>
          <Space size="large">
            <Space>
              <Typography.Text type="secondary" id="area-unit-label">
                {t('app.areaUnit')}
              </Typography.Text>
              <Segmented
                aria-labelledby="area-unit-label"
                value={workspace.areaUnit}
                options={[
                  { value: 'mu', label: t('units.mu') },
                  { value: 'ha', label: t('units.ha') },
                ]}
                onChange={(value) => void update({ areaUnit: value as 'mu' | 'ha' })}
              />
            </Space>
            <Space>
              <Typography.Text type="secondary" id="language-label">
                {t('app.language')}
              </Typography.Text>
              <Segmented
                aria-labelledby="language-label"
                value={workspace.locale}
                options={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={(value) => void update({ locale: value as 'zh-CN' | 'en' })}
              />
            </Space>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          {workspace.isDemo && (
            <Alert type="warning" showIcon title={t('app.demoNotice')} style={{ marginBottom: 16 }} />
          )}
          <Screen route={route} navigate={navigate} />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
