import { App, Button, Card, Popconfirm, Table, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupInfo } from '../../../../engine/schemas/workspace'
import { api, unwrap } from '../../api'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** Back up now, and restore a backup (the current state is kept as a backup first). */
export function BackupCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [backups, setBackups] = useState<BackupInfo[]>([])
  const [busy, setBusy] = useState(false)
  const reload = useCallback(async () => setBackups(await unwrap(api.workspaceBackups())), [])
  useEffect(() => {
    void reload()
  }, [reload])
  const when = (iso: string) =>
    new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

  const backupNow = async () => {
    setBusy(true)
    const r = await api.workspaceBackup()
    setBusy(false)
    if (!r.ok) return void message.error(t(`errors.code.${r.error.code}`))
    message.success(t('settings.backupDone', { file: r.value.file }))
    await reload()
  }
  const restore = async (b: BackupInfo) => {
    const r = await api.workspaceRestore({ file: b.file })
    if (!r.ok) return void message.error(t(`errors.code.${r.error.code}`))
    message.success(t('settings.restored'))
    setTimeout(() => window.location.reload(), 600)
  }

  return (
    <Card
      title={t('settings.backups')}
      extra={
        <Button type="primary" loading={busy} onClick={() => void backupNow()}>
          {t('settings.backupNow')}
        </Button>
      }
    >
      <Table<BackupInfo>
        rowKey="file"
        size="small"
        pagination={false}
        dataSource={backups}
        locale={{ emptyText: t('settings.noBackups') }}
        columns={[
          { title: t('settings.backupAt'), key: 'at', render: (_, b) => when(b.at) },
          {
            title: t('settings.backupSize'),
            key: 'size',
            align: 'right',
            render: (_, b) => t('settings.sizeKb', { value: format.number(b.sizeBytes / 1024, 0) }),
          },
          {
            title: '',
            key: 'file',
            render: (_, b) => <Typography.Text type="secondary">{b.file}</Typography.Text>,
          },
          {
            title: '',
            key: 'restore',
            render: (_, b) => (
              <Popconfirm
                title={t('settings.restoreConfirm', { at: when(b.at) })}
                okText={t('settings.restore')}
                cancelText={t('fields.cancel')}
                onConfirm={() => restore(b)}
              >
                <Button size="small" aria-label={`${t('settings.restore')} ${when(b.at)}`}>
                  {t('settings.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  )
}
