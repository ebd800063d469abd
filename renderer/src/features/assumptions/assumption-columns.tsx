import { Button, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd'
import type { TFunction } from 'i18next'
import type { ListedAssumption } from '../../../../app/contract/contract'
import {
  type AssumptionDisplay,
  assumptionDisplay,
  assumptionName,
  noteOf,
} from '../../lib/assumption-format'
import { Citations } from '../../lib/citations'
import type { Format } from '../../lib/format'

/** One assumption as the table shows it: its words and numbers, worked out once per list and units. */
export type AssumptionRow = ListedAssumption & {
  name: string
  group: string
  shownValue: string
  shownDefault: string
  range: string
  defaultRange: string
  /** The hard bounds, worded, for an override saved before they existed (null when within them). */
  bounds: string | null
}

/**
 * The table's rows. An assumption's unit is shown the same way for every assumption that has it, so
 * each unit's display is worked out once, not for every number of every row.
 */
export function assumptionRows(rows: ListedAssumption[], format: Format, t: TFunction): AssumptionRow[] {
  const displays = new Map<string, AssumptionDisplay>()
  const displayOf = (unit: string) => {
    let display = displays.get(unit)
    if (!display) {
      display = assumptionDisplay(unit, format, t)
      displays.set(unit, display)
    }
    return display
  }
  return rows.map((a) => {
    const display = displayOf(a.unit)
    const number = (v: number) => format.number(display.toDisplay(v), display.digits)
    const show = (v: number) => `${number(v)} ${display.unit}`.trim()
    return {
      ...a,
      name: assumptionName(t, a.key),
      group: t(`assumptions.group.${a.key.split('.')[0]}`),
      shownValue: show(a.value),
      shownDefault: show(a.defaultValue),
      range: `${number(a.low)} – ${number(a.high)}`,
      defaultRange: `${number(a.defaultLow)} – ${number(a.defaultHigh)}`,
      bounds:
        a.issues.length > 0 ? t('assumptions.outOfBounds', { min: show(a.min), max: show(a.max) }) : null,
    }
  })
}

export type ColumnOptions = {
  t: TFunction
  view: 'all' | 'changed'
  /**
   * Whether the rows are drawn in full. The first drawing of a new list is plain: the values, ranges
   * and states, and the names as text. The sources, the styled names and the buttons follow in a
   * drawing of their own, so that neither is one long task.
   */
  full: boolean
  onEdit: (a: AssumptionRow) => void
  onReset: (a: AssumptionRow) => void
}

export function assumptionColumns(o: ColumnOptions): TableColumnsType<AssumptionRow> {
  const { t, view, full } = o
  return [
    {
      title: t('assumptions.col.name'),
      key: 'name',
      width: 220,
      render: (_, a) =>
        full ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>{a.name}</Typography.Text>
            <Typography.Text type="secondary">{a.group}</Typography.Text>
          </Space>
        ) : (
          a.name
        ),
    },
    {
      title: t('assumptions.col.value'),
      key: 'value',
      align: 'right',
      width: 150,
      render: (_, a) =>
        view === 'changed' ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text delete type="secondary">
              {t('assumptions.diffFrom')} {a.shownDefault}
            </Typography.Text>
            <Typography.Text strong>
              {t('assumptions.diffTo')} {a.shownValue}
            </Typography.Text>
          </Space>
        ) : (
          <span data-testid={`value-${a.key}`}>{a.shownValue}</span>
        ),
    },
    {
      title: t('assumptions.col.range'),
      key: 'range',
      width: 150,
      render: (_, a) =>
        view === 'changed' ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text delete type="secondary">
              {a.defaultRange}
            </Typography.Text>
            <Typography.Text strong>{a.range}</Typography.Text>
          </Space>
        ) : (
          a.range
        ),
    },
    {
      title: t('assumptions.col.source'),
      key: 'source',
      render: (_, a) =>
        full && (
          <Space orientation="vertical" size={2}>
            <Citations ids={a.source} />
            <Tag
              color={a.confidence === 'UNVERIFIED' ? 'orange' : a.confidence === 'H' ? 'green' : 'default'}
            >
              {t(`why.confidenceLevel.${a.confidence}`)}
            </Tag>
            {a.note && <Typography.Text type="secondary">{noteOf(t, a)}</Typography.Text>}
          </Space>
        ),
    },
    {
      title: t('assumptions.col.status'),
      key: 'status',
      width: 130,
      render: (_, a) => (
        <Space orientation="vertical" size={2}>
          {a.isOverridden ? (
            <Tag color="blue">{t('assumptions.changed', { date: (a.changedAt ?? '').slice(0, 10) })}</Tag>
          ) : (
            <Tag>{t('assumptions.default')}</Tag>
          )}
          {a.bounds !== null && (
            <Tag color="red" data-testid={`out-of-bounds-${a.key}`}>
              {a.bounds}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('assumptions.col.actions'),
      key: 'actions',
      width: 180,
      render: (_, a) =>
        full && (
          <Space>
            <Button
              size="small"
              onClick={() => o.onEdit(a)}
              aria-label={`${t('assumptions.edit')} ${a.name}`}
            >
              {t('assumptions.edit')}
            </Button>
            {a.isOverridden && (
              <Popconfirm
                title={t('assumptions.resetConfirm', { name: a.name })}
                okText={t('assumptions.reset')}
                cancelText={t('assumptions.cancel')}
                onConfirm={() => o.onReset(a)}
              >
                <Button size="small" aria-label={`${t('assumptions.reset')} ${a.name}`}>
                  {t('assumptions.reset')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ),
    },
  ]
}
