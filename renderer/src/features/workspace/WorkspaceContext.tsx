import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../../app/contract/contract'
import type { Workspace } from '../../../../engine/schemas/workspace'
import { api, unwrap } from '../../api'
import { switchLanguage } from '../../i18n'
import { type Format, makeFormat } from '../../lib/format'

type WorkspaceUpdate = Partial<
  Pick<Workspace, 'name' | 'county' | 'region' | 'locale' | 'areaUnit' | 'massUnit' | 'revision'>
>

type WorkspaceValue = {
  workspace: Workspace
  info: AppInfo
  format: Format
  update: (patch: WorkspaceUpdate) => Promise<void>
}

const WorkspaceContext = createContext<WorkspaceValue | null>(null)

export function WorkspaceProvider(props: { workspace: Workspace; info: AppInfo; children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const [workspace, setWorkspace] = useState(props.workspace)
  const update = useCallback(
    async (patch: WorkspaceUpdate) => {
      const next = await unwrap(api.workspaceUpdate(patch))
      await switchLanguage(i18n, next.locale)
      setWorkspace(next)
    },
    [i18n],
  )
  const format = useMemo(
    () => makeFormat(workspace.locale, { areaUnit: workspace.areaUnit, massUnit: workspace.massUnit }, t),
    [workspace.locale, workspace.areaUnit, workspace.massUnit, t],
  )
  const value = useMemo(
    () => ({ workspace, info: props.info, format, update }),
    [workspace, props.info, format, update],
  )
  return <WorkspaceContext.Provider value={value}>{props.children}</WorkspaceContext.Provider>
}

export function useWorkspace(): WorkspaceValue {
  const value = useContext(WorkspaceContext)
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider')
  return value
}
