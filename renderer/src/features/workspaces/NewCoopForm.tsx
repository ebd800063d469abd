import { Button, Form, Input, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REGIONS, type Region } from '../../../../engine/schemas/workspace'
import type { AreaUnit, MassUnit } from '../../../../engine/units'
import { api } from '../../api'
import { issueMessage } from '../../lib/errors'

type Values = { name: string; county: string; region: Region; areaUnit: AreaUnit; massUnit: MassUnit }

/**
 * "Start my co-op": the co-op's name, county, farming region and units, and an empty workspace of
 * its own (no example data). The region gives the defaults an import fills in.
 */
export function NewCoopForm(props: { onCreated: () => void; autoFocus?: boolean }) {
  const { t, i18n } = useTranslation()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const submit = async (values: Values) => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    const locale = i18n.language === 'en' ? 'en' : 'zh-CN'
    const result = await api.workspacesCreate({ kind: 'coop', ...values, locale })
    if (result.ok) return props.onCreated()
    setBusy(false)
    const issue = result.error.details.issues?.[0]
    setProblem(issue ? issueMessage(t, issue) : t(`errors.code.${result.error.code}`))
  }

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ name: '', county: '', region: 'central', areaUnit: 'mu', massUnit: 'jin' }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="name"
        label={t('workspaces.coopName')}
        extra={t('workspaces.coopNameHint')}
        rules={[
          { required: true, whitespace: true, message: t('errors.rule.required') },
          { max: 100, message: t('errors.rule.max_string', { limit: 100 }) },
        ]}
      >
        <Input autoFocus={props.autoFocus} />
      </Form.Item>
      <Space size="middle" style={{ display: 'flex' }} align="start">
        <Form.Item
          name="county"
          label={t('workspaces.county')}
          extra={t('workspaces.countyHint')}
          style={{ minWidth: 200 }}
          rules={[{ max: 60, message: t('errors.rule.max_string', { limit: 60 }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="region"
          label={t('workspaces.region')}
          extra={t('workspaces.regionHint')}
          style={{ minWidth: 240 }}
        >
          <Select options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))} />
        </Form.Item>
      </Space>
      <Space size="middle" style={{ display: 'flex' }} align="start">
        <Form.Item name="areaUnit" label={t('settings.areaUnit')} style={{ minWidth: 160 }}>
          <Select
            options={[
              { value: 'mu', label: t('units.mu') },
              { value: 'ha', label: t('units.ha') },
            ]}
          />
        </Form.Item>
        <Form.Item name="massUnit" label={t('settings.massUnit')} style={{ minWidth: 160 }}>
          <Select
            options={[
              { value: 'jin', label: t('units.jin') },
              { value: 'kg', label: t('units.kg') },
              { value: 't', label: t('units.t') },
            ]}
          />
        </Form.Item>
      </Space>
      {problem && (
        <p role="alert" style={{ color: '#cf1322' }}>
          {problem}
        </p>
      )}
      <Button type="primary" htmlType="submit" loading={busy} disabled={busy} data-testid="start-coop">
        {t('workspaces.startCoop')}
      </Button>
    </Form>
  )
}
