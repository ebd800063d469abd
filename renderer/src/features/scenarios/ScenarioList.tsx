import { App, Button, Card, Form, Input, InputNumber, List, Modal, Popconfirm, Space, Tag } from 'antd'
import { memo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ScenarioResult } from '../../../../engine/model/types'
import type { Scenario } from '../../../../engine/schemas/plan'
import { api } from '../../api'
import { issueMessage } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'

type Dialog = { kind: 'create' } | { kind: 'clone'; from: Scenario } | { kind: 'rename'; scenario: Scenario }

/** Pick a scenario; create, copy, rename or delete one. Drawn again only when its inputs change. */
export const ScenarioList = memo(function ScenarioList(props: {
  scenarios: Scenario[]
  results: ScenarioResult[]
  selectedId: number | null
  onSelect: (id: number) => void
  onChanged: (selectId?: number) => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { format } = useWorkspace()
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const [form] = Form.useForm<{ name: string; seasonYear: number }>()
  const [problem, setProblem] = useState<string | null>(null)
  const selected = props.scenarios.find((s) => s.id === props.selectedId) ?? null

  const submit = async () => {
    if (!dialog) return
    const v = form.getFieldsValue(true) as { name: string; seasonYear: number }
    const result =
      dialog.kind === 'rename'
        ? await api.scenariosRename({ id: dialog.scenario.id, name: v.name ?? '' })
        : await api.scenariosCreate({
            name: v.name ?? '',
            seasonYear: v.seasonYear,
            note: '',
            copyFromId: dialog.kind === 'clone' ? dialog.from.id : null,
          })
    if (!result.ok) {
      const issue = result.error.details.issues?.[0]
      setProblem(issue ? issueMessage(t, issue) : t(`errors.code.${result.error.code}`))
      return
    }
    setDialog(null)
    props.onChanged(result.value.id)
  }

  const open = (d: Dialog) => {
    setProblem(null)
    const season = selected?.seasonYear ?? 2025
    form.setFieldsValue(
      d.kind === 'rename'
        ? { name: d.scenario.name, seasonYear: d.scenario.seasonYear }
        : { name: d.kind === 'clone' ? `${d.from.name} 2` : '', seasonYear: season },
    )
    setDialog(d)
  }

  const remove = async (s: Scenario) => {
    const result = await api.scenariosDelete({ id: s.id })
    if (!result.ok) {
      const issue = result.error.details.issues?.[0]
      message.error(issue ? issueMessage(t, issue) : t(`errors.code.${result.error.code}`))
      return
    }
    props.onChanged()
  }

  return (
    <Card
      title={t('scenarioEdit.list')}
      extra={
        <Button type="primary" size="small" onClick={() => open({ kind: 'create' })}>
          {t('scenarioEdit.create')}
        </Button>
      }
    >
      <List
        dataSource={props.scenarios}
        renderItem={(s) => {
          const r = props.results.find((x) => x.scenarioId === s.id)
          const isSelected = s.id === props.selectedId
          return (
            <List.Item
              style={{ cursor: 'pointer', background: isSelected ? '#f0f7e8' : undefined, paddingInline: 8 }}
              onClick={() => props.onSelect(s.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') props.onSelect(s.id)
              }}
              tabIndex={0}
              aria-selected={isSelected}
              role="option"
            >
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <span>{s.name}</span>
                {r && (
                  <Space size={4}>
                    {s.isBaseline ? (
                      <Tag>{t('scenarios.baseline')}</Tag>
                    ) : (
                      <Tag color="green">{format.percent(r.totals.upliftPct)}</Tag>
                    )}
                  </Space>
                )}
              </Space>
            </List.Item>
          )
        }}
      />
      {selected && (
        <Space wrap style={{ marginTop: 12 }}>
          <Button size="small" onClick={() => open({ kind: 'clone', from: selected })}>
            {t('scenarioEdit.clone')}
          </Button>
          {!selected.isBaseline && (
            <Button size="small" onClick={() => open({ kind: 'rename', scenario: selected })}>
              {t('scenarioEdit.rename')}
            </Button>
          )}
          {!selected.isBaseline && (
            <Popconfirm
              title={t('scenarioEdit.deleteConfirm', { name: selected.name })}
              okText={t('scenarioEdit.delete')}
              cancelText={t('scenarioEdit.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(selected)}
            >
              <Button size="small" danger>
                {t('scenarioEdit.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}
      <Modal
        open={dialog !== null}
        title={
          dialog?.kind === 'clone'
            ? t('scenarioEdit.cloneTitle', { name: dialog.from.name })
            : dialog?.kind === 'rename'
              ? t('scenarioEdit.renameTitle')
              : t('scenarioEdit.createTitle')
        }
        okText={t('scenarioEdit.ok')}
        cancelText={t('scenarioEdit.cancel')}
        onOk={() => void submit()}
        onCancel={() => setDialog(null)}
      >
        {problem && (
          <div role="alert" style={{ color: '#cf1322', marginBottom: 8 }}>
            {problem}
          </div>
        )}
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('scenarioEdit.name')}>
            <Input maxLength={60} />
          </Form.Item>
          {dialog?.kind !== 'rename' && (
            <Form.Item name="seasonYear" label={t('scenarioEdit.season')}>
              <InputNumber min={2000} max={2100} precision={0} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  )
})
