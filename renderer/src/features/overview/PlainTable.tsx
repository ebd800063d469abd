import { theme } from 'antd'
import type { CSSProperties, ReactNode } from 'react'

export type PlainColumn<T> = {
  key: string
  title: string
  /** right for numbers, which then never break across lines */
  align?: 'left' | 'right'
  width?: number
  render: (row: T, index: number) => ReactNode
}

/**
 * A small read-only table in antd's look (its theme tokens), without antd's Table: the overview
 * shows a handful of rows and needs no sorting, paging or filters, and the first screen stays
 * light. Real table markup, so screen readers announce headers with every cell.
 */
export function PlainTable<T>(props: {
  columns: PlainColumn<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string | number
  empty: string
  testId?: string
}) {
  const { token } = theme.useToken()
  const cell = (align: 'left' | 'right' = 'left'): CSSProperties => ({
    padding: `${token.paddingXS}px ${token.paddingXS}px`,
    borderBottom: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
    textAlign: align,
  })
  return (
    <table
      data-testid={props.testId}
      style={{
        width: '100%',
        borderCollapse: 'collapse',
        fontSize: token.fontSize,
        color: token.colorText,
        fontFamily: token.fontFamily,
      }}
    >
      <thead>
        <tr>
          {props.columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              style={{
                ...cell(c.align),
                width: c.width,
                background: token.colorFillAlter,
                fontWeight: token.fontWeightStrong,
              }}
            >
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rows.length === 0 ? (
          <tr>
            <td colSpan={props.columns.length} style={{ ...cell(), color: token.colorTextSecondary }}>
              {props.empty}
            </td>
          </tr>
        ) : (
          props.rows.map((row, i) => (
            <tr key={props.rowKey(row)}>
              {props.columns.map((c) => (
                <td
                  key={c.key}
                  style={c.align === 'right' ? { ...cell('right'), whiteSpace: 'nowrap' } : cell()}
                >
                  {c.render(row, i)}
                </td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
