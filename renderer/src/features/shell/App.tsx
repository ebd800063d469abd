import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../../app/contract/contract'
import type { Workspace } from '../../../../engine/schemas/workspace'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { WorkspaceProvider } from '../workspace/WorkspaceContext'
import { Shell } from './Shell'

type State =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; workspace: Workspace; info: AppInfo }

export function App() {
  const { t, i18n } = useTranslation()
  const [state, setState] = useState<State>({ status: 'loading' })

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      const [workspace, info] = await Promise.all([unwrap(api.workspaceGet()), unwrap(api.appInfo())])
      if (i18n.language !== workspace.locale) await i18n.changeLanguage(workspace.locale)
      setState({ status: 'ready', workspace, info })
    } catch (error) {
      setState({ status: 'failed', error })
    }
  }, [i18n])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    document.documentElement.lang = i18n.language
    document.title = t('app.title')
  }, [i18n.language, t])

  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#2f7d32' } }}
    >
      <AntApp>
        {state.status === 'loading' && (
          <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
            <Spin size="large" description={t('app.loading')} />
          </div>
        )}
        {state.status === 'failed' && (
          <Result
            status="error"
            title={t('app.openFailed')}
            subTitle={errorMessage(t, state.error)}
            extra={<Button onClick={() => void load()}>{t('app.retry')}</Button>}
          />
        )}
        {state.status === 'ready' && (
          <WorkspaceProvider workspace={state.workspace} info={state.info}>
            <Shell />
          </WorkspaceProvider>
        )}
      </AntApp>
    </ConfigProvider>
  )
}
