import { Button, Card, Col, List, Row, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceList } from '../../../../app/contract/contract'
import { api } from '../../api'
import { NewCoopForm } from './NewCoopForm'
import { reloadInto } from './reload'

/**
 * What a first start (or a start after the open workspace was removed) shows: start the co-op's
 * own workspace, or explore the demo (示例数据). Workspaces already on this computer can be opened.
 */
export function Welcome() {
  const { t, i18n } = useTranslation()
  const [list, setList] = useState<WorkspaceList | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  useEffect(() => {
    void api.workspacesList().then((r) => {
      if (r.ok) setList(r.value)
    })
  }, [])

  const run = async (work: () => ReturnType<typeof api.workspacesOpen>, route: 'overview' | 'fields') => {
    if (busy) return
    setBusy(true)
    const result = await work()
    if (result.ok) return reloadInto(route)
    setBusy(false)
    setProblem(t(`errors.code.${result.error.code}`))
  }
  const demo = list?.workspaces.find((w) => w.isDemo && w.problem === null)
  const others = (list?.workspaces ?? []).filter((w) => !w.isDemo)
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'

  return (
    <div style={{ maxWidth: 1080, margin: '0 auto', padding: '48px 24px' }}>
      <Typography.Title level={2}>{t('workspaces.welcomeTitle')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('workspaces.welcomeLead')}</Typography.Paragraph>
      {problem && (
        <Typography.Paragraph role="alert" type="danger">
          {problem}
        </Typography.Paragraph>
      )}
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <Card title={t('workspaces.startCoopTitle')}>
            <Typography.Paragraph type="secondary">{t('workspaces.startCoopLead')}</Typography.Paragraph>
            <NewCoopForm autoFocus onCreated={() => reloadInto('fields')} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('workspaces.demoTitle')}>
              <Typography.Paragraph type="secondary">{t('workspaces.demoLead')}</Typography.Paragraph>
              <Button
                data-testid="explore-demo"
                disabled={busy}
                onClick={() =>
                  void run(
                    () =>
                      demo
                        ? api.workspacesOpen({ id: demo.id })
                        : api.workspacesCreate({ kind: 'demo', locale }),
                    'overview',
                  )
                }
              >
                {t('workspaces.exploreDemo')}
              </Button>
            </Card>
            {others.length > 0 && (
              <Card title={t('workspaces.openExisting')}>
                <List
                  dataSource={others}
                  renderItem={(w) => (
                    <List.Item
                      actions={[
                        <Button
                          key="open"
                          size="small"
                          disabled={busy || w.problem !== null}
                          aria-label={`${t('workspaces.open')} ${w.name}`}
                          onClick={() => void run(() => api.workspacesOpen({ id: w.id }), 'overview')}
                        >
                          {t('workspaces.open')}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={w.name}
                        description={
                          w.problem
                            ? t(`errors.code.${w.problem}`)
                            : t('workspaces.entrySummary', { county: w.county || '—', count: w.fieldCount })
                        }
                      />
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </div>
  )
}
