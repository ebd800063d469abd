import { render } from '@testing-library/react'
import { App as AntApp, ConfigProvider } from 'antd'
import type { ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import en from '../../engine/i18n/locales/en.json'
import zhCN from '../../engine/i18n/locales/zh-CN.json'
import type { Workspace } from '../../engine/schemas/workspace'
import { WorkspaceProvider } from '../../renderer/src/features/workspace/WorkspaceContext'
import { initI18n } from '../../renderer/src/i18n'

export const workspace = (patch: Partial<Workspace> = {}): Workspace => ({
  name: '测试合作社',
  county: '农安县',
  region: 'central',
  isDemo: false,
  locale: 'zh-CN',
  areaUnit: 'mu',
  massUnit: 'jin',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  revision: 1,
  ...patch,
})

/** Renders a screen with the app's providers, in the given language and units. */
export function renderWithApp(ui: ReactNode, ws: Workspace = workspace()) {
  // Both catalogues whole: a screen under test is rendered without the shell that loads its words.
  const i18n = initI18n(ws.locale, { 'zh-CN': zhCN, en })
  void i18n.changeLanguage(ws.locale)
  return render(
    <I18nextProvider i18n={i18n}>
      <ConfigProvider>
        <AntApp>
          <WorkspaceProvider
            workspace={ws}
            info={{
              version: 'test',
              dataFile: '/tmp/w.sqlite',
              dataDir: '/tmp',
              workspaceId: 'test',
              schemaVersion: 3,
              mode: 'browser',
            }}
          >
            {ui}
          </WorkspaceProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>,
  )
}
