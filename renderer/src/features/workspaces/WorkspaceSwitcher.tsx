import { Button, Dropdown, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceList } from '../../../../app/contract/contract'
import { api } from '../../api'
import { useWorkspace } from '../workspace/WorkspaceContext'
import { reloadInto } from './reload'

/** The open co-op's name in the header, with the other workspaces one click away. */
export function WorkspaceSwitcher() {
  const { t } = useTranslation()
  const { workspace } = useWorkspace()
  const [list, setList] = useState<WorkspaceList | null>(null)
  const others = (list?.workspaces ?? []).filter((w) => !w.isCurrent && w.problem === null)
  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(open) => {
        if (open) void api.workspacesList().then((r) => r.ok && setList(r.value))
      }}
      menu={{
        items: [
          ...others.map((w) => ({
            key: w.id,
            label: w.isDemo ? `${w.name}（${t('workspaces.demo')}）` : w.name,
          })),
          ...(others.length > 0 ? [{ type: 'divider' as const }] : []),
          { key: 'manage', label: t('workspaces.manage') },
        ],
        onClick: ({ key }) => {
          if (key === 'manage') window.location.hash = '#/settings'
          else void api.workspacesOpen({ id: key }).then((r) => r.ok && reloadInto('overview'))
        },
      }}
    >
      <Button
        type="text"
        aria-label={t('workspaces.switcher')}
        data-testid="workspace-switcher"
        style={{ paddingInline: 4 }}
      >
        <Typography.Text strong style={{ fontSize: 16 }}>
          {workspace.name}
        </Typography.Text>
        {workspace.isDemo && (
          <Tag color="orange" style={{ marginInlineStart: 8 }}>
            {t('app.demoTag')}
          </Tag>
        )}
      </Button>
    </Dropdown>
  )
}
