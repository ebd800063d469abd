import { Alert, Button, Card, Empty, Flex, Space, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Charter } from '../../../../app/contract/contract'
import type { VersionSummary } from '../../../../engine/board/version'
import { api, unwrap } from '../../api'
import { errorMessage } from '../../lib/errors'
import { CharterCard } from './CharterCard'
import { FreezeModal } from './FreezeModal'
import { VersionList } from './VersionList'
import { VersionPanel } from './VersionPanel'

/**
 * 理事会审议: the manager freezes the plan as numbered versions; the board reads a version, sees what
 * changed since the last one, comments, and records its decision (决议) under the law's or the
 * charter's meeting rules. A decided version is locked; further changes go into a new version.
 */
export function BoardScreen() {
  const { t } = useTranslation()
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [picked, setPicked] = useState<number | null>(null)
  const [freezing, setFreezing] = useState(false)
  const [charter, setCharter] = useState<Charter | null>(null)
  const [charterError, setCharterError] = useState<unknown>(null)

  const loadVersions = useCallback(async () => {
    setError(null)
    try {
      setVersions(await unwrap(api.versionsList()))
    } catch (e) {
      setError(e)
    }
  }, [])
  const loadCharter = useCallback(async () => {
    setCharterError(null)
    try {
      setCharter(await unwrap(api.charterGet()))
    } catch (e) {
      setCharterError(e)
    }
  }, [])
  useEffect(() => {
    void loadVersions()
    void loadCharter()
  }, [loadVersions, loadCharter])

  // Newest first, as a board reads them; the newest is shown until another is picked.
  const sorted = useMemo(() => [...(versions ?? [])].sort((a, b) => b.number - a.number), [versions])
  const selected = sorted.find((v) => v.id === picked) ?? sorted[0] ?? null
  const tampered = sorted.filter((v) => !v.hashVerified)

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="start" gap={16} wrap>
        <div style={{ flex: '1 1 480px', minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('board.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('board.subtitle')}</Typography.Text>
        </div>
        <Button type="primary" onClick={() => setFreezing(true)} data-testid="freeze-open">
          {t('board.freeze.open')}
        </Button>
      </Flex>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t('board.loadFailed')}
          description={errorMessage(t, error)}
          action={<Button onClick={() => void loadVersions()}>{t('board.retry')}</Button>}
        />
      )}
      {tampered.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="tampered-list"
          title={t('board.tampered.listTitle', {
            numbers: tampered.map((v) => v.number).join(t('audit.listSeparator')),
          })}
          description={t('board.tampered.body')}
        />
      )}
      {versions === null && error === null ? (
        <Card loading />
      ) : versions !== null && versions.length === 0 ? (
        <Card>
          <Empty description={t('board.empty')}>
            <Button type="primary" onClick={() => setFreezing(true)}>
              {t('board.freeze.open')}
            </Button>
          </Empty>
        </Card>
      ) : (
        versions !== null && (
          <VersionList versions={sorted} selectedId={selected?.id ?? null} onSelect={setPicked} />
        )
      )}
      {selected && (
        <VersionPanel
          key={selected.id}
          summary={selected}
          versions={sorted}
          charter={charter}
          onChanged={() => void loadVersions()}
        />
      )}
      <CharterCard
        charter={charter}
        error={charterError}
        onRetry={() => void loadCharter()}
        onSaved={setCharter}
      />
      <FreezeModal
        open={freezing}
        nextNumber={(sorted[0]?.number ?? 0) + 1}
        onClose={() => setFreezing(false)}
        onFrozen={(v) => {
          setFreezing(false)
          setPicked(v.id)
          void loadVersions()
        }}
      />
    </Space>
  )
}
