import { Radio, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { DEFAULT_BY_KEY } from '../../../../engine/assumptions/defaults'
import type { MergeChoice, MergeChoices, MergeConflict } from '../../../../engine/exchange/merge'
import { assumptionDisplay, assumptionName, displayNumber } from '../../lib/assumption-format'
import { useWorkspace } from '../workspace/WorkspaceContext'

/** Each conflict of a merge, named, with the choices that fit it (keep mine / take theirs / a renamed copy). */
export function ConflictList({
  conflicts,
  choices,
  onChoose,
}: {
  conflicts: MergeConflict[]
  choices: MergeChoices
  onChoose: (id: string, choice: MergeChoice) => void
}) {
  const { t } = useTranslation()
  const { format } = useWorkspace()

  const what = (c: MergeConflict) => {
    if (c.kind === 'field')
      return t('exchange.conflict.field', {
        name: c.name,
        what: c.differences.map((d) => t(`exchange.diff.${d}`)).join('、'),
      })
    if (c.kind === 'missingField')
      return t('exchange.conflict.missingField', { name: c.name, scenarios: c.scenarios.join('、') })
    if (c.kind === 'scenario') return t('exchange.conflict.scenario', { name: c.name })
    const unit = DEFAULT_BY_KEY.get(c.name)?.unit ?? ''
    const d = assumptionDisplay(unit, format, t)
    const shown = (v: number) => `${format.number(displayNumber(d, v), 4)} ${d.unit}`
    return t('exchange.conflict.assumption', {
      name: assumptionName(t, c.name),
      mine: shown(c.mine),
      theirs: shown(c.theirs),
    })
  }

  return (
    <Table<MergeConflict>
      rowKey="id"
      size="small"
      pagination={false}
      data-testid="conflicts"
      dataSource={conflicts}
      columns={[
        {
          title: t('exchange.conflictKind'),
          key: 'kind',
          width: 120,
          render: (_, c) => <Tag>{t(`exchange.kind.${c.kind}`)}</Tag>,
        },
        {
          title: t('exchange.conflictWhat'),
          key: 'what',
          render: (_, c) => <Typography.Text>{what(c)}</Typography.Text>,
        },
        {
          title: t('exchange.conflictChoice'),
          key: 'choice',
          width: 360,
          render: (_, c) => (
            <Radio.Group
              aria-label={t('exchange.choiceFor', {
                name: c.kind === 'assumption' ? assumptionName(t, c.name) : c.name,
              })}
              value={choices[c.id] ?? null}
              onChange={(e) => onChoose(c.id, e.target.value as MergeChoice)}
            >
              <Space wrap size={4}>
                {c.choices.map((choice) => (
                  <Radio key={choice} value={choice}>
                    {t(`exchange.choice.${c.kind === 'missingField' ? `missing_${choice}` : choice}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          ),
        },
      ]}
    />
  )
}
