import { Alert, Layout, Menu, Segmented, Space, Typography } from 'antd'
import { lazy, type ReactNode, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { OverviewScreen } from '../overview/OverviewScreen'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher'
import { ROUTES, type Route, useHashRoute } from './routes'
import { ScreenBoundary, ScreenLoading } from './ScreenLoading'
import { isLazyRoute, LAZY_SCREENS, preloadScreen } from './screens'

// Screens not built yet say so; that page, too, loads only when visited.
const ComingSoon = lazy(() => import('./ComingSoon').then((m) => ({ default: m.ComingSoon })))

function Screen(props: { route: Route; navigate: (route: Route) => void }) {
  const { t } = useTranslation()
  const { route } = props
  // The overview is part of the first load; every other screen's code arrives on first visit.
  if (route === 'overview') return <OverviewScreen />
  const name = t(`nav.${route}`)
  let screen: ReactNode
  if (isLazyRoute(route)) {
    const LazyScreen = LAZY_SCREENS[route]
    screen = <LazyScreen />
  } else screen = <ComingSoon route={route} onGoFields={() => props.navigate('fields')} />
  return (
    <ScreenBoundary key={route} screen={name}>
      <Suspense fallback={<ScreenLoading screen={name} />}>{screen}</Suspense>
    </ScreenBoundary>
  )
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
            items={ROUTES.map((key) => ({
              key,
              label: t(`nav.${key}`),
              onMouseEnter: () => preloadScreen(key),
            }))}
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
          <WorkspaceSwitcher />
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
