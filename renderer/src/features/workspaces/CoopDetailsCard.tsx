import { App, Button, Card, Form, Input, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REGIONS, type Region } from '../../../../engine/schemas/workspace'
import { apiErrorOf } from '../../lib/errors'
import { useWorkspace } from '../workspace/WorkspaceContext'

type Values = { name: string; county: string; region: Region }

/** The co-op's own name, county and farming region, saved with the revision it was loaded at. */
export function CoopDetailsCard() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { workspace, update } = useWorkspace()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const save = async (values: Values) => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await update({ ...values, revision: workspace.revision })
      message.success(t('workspaces.detailsSaved'))
    } catch (error) {
      setProblem(t(`errors.code.${apiErrorOf(error)?.code ?? 'INTERNAL'}`))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card title={t('workspaces.detailsTitle')}>
      <Form<Values>
        form={form}
        layout="inline"
        requiredMark={false}
        initialValues={{ name: workspace.name, county: workspace.county, region: workspace.region }}
        onFinish={(v) => void save(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="name"
          label={t('workspaces.coopName')}
          rules={[
            { required: true, whitespace: true, message: t('errors.rule.required') },
            { max: 100, message: t('errors.rule.max_string', { limit: 100 }) },
          ]}
        >
          <Input style={{ width: 280 }} />
        </Form.Item>
        <Form.Item
          name="county"
          label={t('workspaces.county')}
          rules={[{ max: 60, message: t('errors.rule.max_string', { limit: 60 }) }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="region" label={t('workspaces.region')}>
          <Select
            style={{ width: 260 }}
            options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} disabled={busy} data-testid="save-coop">
            {t('workspaces.save')}
          </Button>
        </Form.Item>
      </Form>
      {problem && (
        <p role="alert" style={{ color: '#cf1322', marginTop: 12, marginBottom: 0 }}>
          {problem}
        </p>
      )}
    </Card>
  )
}
