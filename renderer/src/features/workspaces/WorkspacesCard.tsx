import { App, Button, Card, Input, List, Modal, Popconfirm, Space, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceEntry, WorkspaceList } from '../../../../app/contract/contract'
import { api } from '../../api'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { NewCoopForm } from './NewCoopForm'
import { reloadInto } from './reload'

/**
 * Every workspace on this computer: open, rename or remove one (a removed one is kept and can be
 * restored), start another co-op, or make the example again.
 */
export function WorkspacesCard() {
  const { t, i18n } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [list, setList] = useState<WorkspaceList | null>(null)
  const [busy, setBusy] = useState(false)
  const [creating, setCreating] = useState(false)
  const [renaming, setRenaming] = useState<{ entry: WorkspaceEntry; name: string } | null>(null)

  const reload = useCallback(async () => {
    const r = await api.workspacesList()
    if (r.ok) setList(r.value)
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])

  /** Runs one change at a time; a change of the open workspace starts the page again on the new one. */
  const act = async (work: () => Promise<{ ok: boolean; error?: { code: string } }>, after: () => void) => {
    if (busy) return
    setBusy(true)
    const r = await work()
    setBusy(false)
    if (!r.ok) return void message.error(t(`errors.code.${r.error?.code ?? 'INTERNAL'}`))
    after()
  }

  const entries = list?.workspaces ?? []
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
  return (
    <Card
      title={t('workspaces.listTitle')}
      extra={
        list?.canManage && (
          <Space>
            <Button disabled={busy} onClick={() => setCreating(true)}>
              {t('workspaces.newCoop')}
            </Button>
            <Button
              disabled={busy}
              onClick={() =>
                void act(
                  () => api.workspacesCreate({ kind: 'demo', locale }),
                  () => reloadInto('overview'),
                )
              }
            >
              {t('workspaces.newDemo')}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {list?.canManage === false ? t('workspaces.fixedFile') : t('workspaces.listLead')}
      </Typography.Paragraph>
      <List
        dataSource={entries}
        data-testid="workspace-list"
        renderItem={(w) => (
          <List.Item
            actions={
              list?.canManage
                ? [
                    !w.isCurrent && (
                      <Button
                        key="open"
                        size="small"
                        disabled={busy || w.problem !== null}
                        aria-label={`${t('workspaces.open')} ${w.name}`}
                        onClick={() =>
                          void act(
                            () => api.workspacesOpen({ id: w.id }),
                            () => reloadInto('overview'),
                          )
                        }
                      >
                        {t('workspaces.open')}
                      </Button>
                    ),
                    <Button
                      key="rename"
                      size="small"
                      disabled={busy || w.problem !== null}
                      aria-label={`${t('workspaces.rename')} ${w.name}`}
                      onClick={() => setRenaming({ entry: w, name: w.name })}
                    >
                      {t('workspaces.rename')}
                    </Button>,
                    <Popconfirm
                      key="remove"
                      title={t('workspaces.removeConfirm', { name: w.name })}
                      okText={t('workspaces.remove')}
                      cancelText={t('form.cancel')}
                      onConfirm={() =>
                        act(
                          () => api.workspacesRemove({ id: w.id }),
                          () => (w.isCurrent ? reloadInto('overview') : void reload()),
                        )
                      }
                    >
                      <Button
                        size="small"
                        danger
                        disabled={busy}
                        aria-label={`${t('workspaces.remove')} ${w.name}`}
                      >
                        {t('workspaces.remove')}
                      </Button>
                    </Popconfirm>,
                  ].filter(Boolean)
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  {w.name}
                  {w.isCurrent && <Tag color="green">{t('workspaces.current')}</Tag>}
                  {w.isDemo && <Tag color="orange">{t('workspaces.demo')}</Tag>}
                </Space>
              }
              description={
                w.problem
                  ? t('workspaces.cannotOpen', { reason: t(`errors.code.${w.problem}`) })
                  : `${t('workspaces.entrySummary', { county: w.county || '—', count: w.fieldCount })} · ${format.area(w.areaHa)}`
              }
            />
          </List.Item>
        )}
      />
      {(list?.removed.length ?? 0) > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('workspaces.removed')}
          </Typography.Title>
          <List
            dataSource={list?.removed ?? []}
            renderItem={(r) => (
              <List.Item
                actions={[
                  <Button
                    key="restore"
                    size="small"
                    disabled={busy}
                    aria-label={`${t('workspaces.restore')} ${r.name}`}
                    onClick={() =>
                      void act(
                        () => api.workspacesRestore({ id: r.id }),
                        () => {
                          message.success(t('workspaces.restored', { name: r.name }))
                          void reload()
                        },
                      )
                    }
                  >
                    {t('workspaces.restore')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={r.name}
                  description={t('workspaces.removedAt', {
                    at: new Intl.DateTimeFormat(format.locale, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }).format(new Date(r.removedAt)),
                  })}
                />
              </List.Item>
            )}
          />
        </>
      )}
      <Modal
        open={creating}
        title={t('workspaces.newCoopTitle')}
        footer={null}
        width={640}
        onCancel={() => setCreating(false)}
        destroyOnHidden
      >
        <NewCoopForm autoFocus onCreated={() => reloadInto('fields')} />
      </Modal>
      <Modal
        open={renaming !== null}
        title={renaming ? t('workspaces.renameTitle', { name: renaming.entry.name }) : ''}
        okText={t('workspaces.save')}
        cancelText={t('form.cancel')}
        okButtonProps={{ disabled: busy || !renaming?.name.trim() }}
        onCancel={() => setRenaming(null)}
        onOk={() =>
          renaming &&
          void act(
            () => api.workspacesRename({ id: renaming.entry.id, name: renaming.name.trim() }),
            () => {
              if (renaming.entry.isCurrent) return window.location.reload()
              setRenaming(null)
              void reload()
            },
          )
        }
      >
        <Input
          aria-label={t('workspaces.coopName')}
          value={renaming?.name ?? ''}
          maxLength={100}
          onChange={(e) => renaming && setRenaming({ ...renaming, name: e.target.value })}
        />
      </Modal>
    </Card>
  )
}
