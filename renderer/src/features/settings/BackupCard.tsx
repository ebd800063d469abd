import { App, Button, Card, Divider, Form, Input, Popconfirm, Space, Table, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError, Result } from '../../../../app/contract/result'
import type { BackupInfo } from '../../../../engine/schemas/workspace'
import { api, shell, unwrap } from '../../api'
import { issueMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'

// The desktop app's native folder dialog; browser mode has none and the user types the folder.
const desktop = shell

// The folder of the last backup to a folder, offered again next time (the same USB stick).
const LAST_FOLDER_KEY = 'fengshou.backupFolder'

function lastFolder(): string {
  try {
    return window.localStorage.getItem(LAST_FOLDER_KEY) ?? ''
  } catch {
    return ''
  }
}

function rememberFolder(folder: string): void {
  try {
    window.localStorage.setItem(LAST_FOLDER_KEY, folder)
  } catch {
    // a browser that keeps nothing: the user types the folder again next time
  }
}

/**
 * Back up now (into the workspace's own backups folder), back up to a folder the user chooses (a
 * USB stick: the native dialog in the desktop app, a typed or pasted path in browser mode), and
 * restore a backup (the current state is kept as a backup first). One backup per click: every
 * backup and restore button is disabled while one runs, and a second click meanwhile does nothing.
 */
export function BackupCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [backups, setBackups] = useState<BackupInfo[]>([])
  const [busy, setBusy] = useState<'here' | 'folder' | null>(null)
  // Set in the click itself, before React renders the buttons disabled: a double-click is one backup.
  const running = useRef(false)
  const [folder, setFolder] = useState(lastFolder)
  const [folderProblem, setFolderProblem] = useState<string | null>(null)
  const [lastTo, setLastTo] = useState<string | null>(null)
  const reload = useCallback(async () => setBackups(await unwrap(api.workspaceBackups())), [])
  useEffect(() => {
    void reload()
  }, [reload])
  const when = (iso: string) =>
    new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))

  async function once<T>(kind: 'here' | 'folder', run: () => Promise<T>): Promise<T | undefined> {
    if (running.current) return undefined
    running.current = true
    setBusy(kind)
    try {
      return await run()
    } finally {
      running.current = false
      setBusy(null)
    }
  }

  const failed = (error: ApiError) => {
    const issue = error.details.issues?.find((i) => i.path[0] === 'folder')
    if (issue) {
      setFolderProblem(issueMessage(t, issue))
      return
    }
    message.error(error.code === 'DISK_FULL' ? t('backup.diskFull') : t(`errors.code.${error.code}`))
  }

  const backupNow = () =>
    once('here', async () => {
      const r = await api.workspaceBackup()
      if (!r.ok) return failed(r.error)
      message.success(t('settings.backupDone', { file: r.value.file }))
      await reload()
    })

  const backupTo = (target: string) =>
    once('folder', async () => {
      setFolderProblem(null)
      const r = await api.workspaceBackupTo({ folder: target })
      if (!r.ok) return failed(r.error)
      rememberFolder(r.value.folder)
      setFolder(r.value.folder)
      setLastTo(r.value.folder)
      message.success(t('backup.doneTo', { folder: r.value.folder, file: r.value.file }))
    })

  const typedBackup = () => {
    if (folder.trim() === '') return void setFolderProblem(t('backup.folderRequired'))
    void backupTo(folder)
  }

  const chooseAndBackup = (chooseFolder: () => Promise<Result<{ folder: string | null }>>) =>
    once('folder', async () => {
      const chosen = await chooseFolder()
      if (!chosen.ok) return failed(chosen.error)
      return chosen.value.folder
    }).then((chosen) => (chosen ? backupTo(chosen) : undefined))

  const restore = async (b: BackupInfo) => {
    const r = await once('here', () => api.workspaceRestore({ file: b.file }))
    if (!r) return
    if (!r.ok) return void message.error(t(`errors.code.${r.error.code}`))
    message.success(t('settings.restored'))
    setTimeout(() => window.location.reload(), 600)
  }

  return (
    <Card
      title={t('settings.backups')}
      extra={
        <Button
          type="primary"
          loading={busy === 'here'}
          disabled={busy !== null}
          onClick={() => void backupNow()}
          data-testid="backup-now"
        >
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
                <Button
                  size="small"
                  disabled={busy !== null}
                  aria-label={`${t('settings.restore')} ${when(b.at)}`}
                >
                  {t('settings.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Divider titlePlacement="start" plain>
        {t('backup.folderTitle')}
      </Divider>
      {desktop ? (
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('backup.desktopHelp')}</Typography.Text>
          <Button
            loading={busy === 'folder'}
            disabled={busy !== null}
            onClick={() => void chooseAndBackup(desktop.chooseFolder)}
          >
            {t('backup.chooseButton')}
          </Button>
          {folderProblem && <Typography.Text type="danger">{folderProblem}</Typography.Text>}
          {lastTo && (
            <Typography.Text type="secondary">{t('backup.lastFolder', { folder: lastTo })}</Typography.Text>
          )}
        </Space>
      ) : (
        <Form layout="vertical" onFinish={typedBackup} style={{ maxWidth: 720 }}>
          <Form.Item
            label={t('backup.folderLabel')}
            htmlFor="backup-folder"
            validateStatus={folderProblem ? 'error' : undefined}
            help={folderProblem ?? t('backup.folderHelp')}
            style={{ marginBottom: 12 }}
          >
            <Space.Compact style={{ width: '100%' }}>
              <Input
                id="backup-folder"
                value={folder}
                placeholder={t('backup.folderPlaceholder')}
                onChange={(e) => {
                  setFolder(e.target.value)
                  setFolderProblem(null)
                }}
                spellCheck={false}
                autoComplete="off"
              />
              <Button
                htmlType="submit"
                loading={busy === 'folder'}
                disabled={busy !== null}
                data-testid="backup-to-folder"
              >
                {t('backup.folderButton')}
              </Button>
            </Space.Compact>
          </Form.Item>
          {lastTo && (
            <Typography.Text type="secondary">{t('backup.lastFolder', { folder: lastTo })}</Typography.Text>
          )}
        </Form>
      )}
    </Card>
  )
}
