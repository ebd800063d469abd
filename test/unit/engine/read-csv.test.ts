import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CSV_MAX_COLUMNS, readCsv } from '../../../engine/csv/read-csv'
import { decodeBytes, decodeText, utf8Class } from '../../../engine/csv-numbers'
import { groupNameKey, groupNameLength } from '../../../engine/group-name'
import { gb18030, utf16 } from '../../helpers/csv'
import { refusal } from '../../helpers/errors'

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'))
const bytes = (b: Buffer | number[]) => new Uint8Array(b)

describe('reading a CSV: spreadsheet row numbers', () => {
  it('numbers rows as Excel and WPS show them: header row 1, blank rows counted, a quoted line break stays in its row', () => {
    const table = readCsv(utf8('\r\n名称,备注\r\n地1,"第一行\r\n第二行"\r\n\r\n地2,x\r\n'))
    expect(table.headerRow).toBe(2)
    expect(table.headers).toEqual(['名称', '备注'])
    expect(table.records).toEqual([
      { row: 3, cells: ['地1', '第一行\r\n第二行'] },
      { row: 5, cells: ['地2', 'x'] },
    ])
    expect(table.dataRows).toBe(2)
    expect(table.problems).toEqual([])
  })

  it('an unbalanced quote is named at the row and cell where it opens, and the rows it swallowed are not read', () => {
    const table = readCsv(utf8('名称,面积,备注\n地1,1,好\n地2,2,"没有结尾\n地3,3,x\n地4,4,y\n'))
    expect(table.problems).toEqual([{ row: 3, column: '备注', rule: 'csv_quote_unclosed' }])
    expect(table.records.map((r) => r.row)).toEqual([2])
  })

  it('text after a closing quote is named at its cell, whether or not a later quote closes it', () => {
    const alone = readCsv(utf8('名称,面积,备注\n地1,"1"亩,好\n'))
    expect(alone.problems).toEqual([{ row: 2, column: '面积', rule: 'csv_quote_malformed' }])
    const closed = readCsv(utf8('名称,面积,备注\n地1,"1"亩,好\n地2,"2",x\n地3,3,y\n'))
    expect(closed.problems).toEqual([{ row: 2, column: '面积', rule: 'csv_quote_malformed' }])
    expect(closed.records.map((r) => r.row)).toEqual([4])
  })

  it('rows narrower than the header, or wider with something in the extra cells, are named', () => {
    const table = readCsv(utf8('名称,面积,备注\n地1,1\n地2,2,x,多余\n地3,3,y,,\n'))
    expect(table.problems).toEqual([
      { row: 2, column: '备注', rule: 'csv_too_few_cells', params: { count: 2, expected: 3 } },
      { row: 3, column: '', rule: 'csv_too_many_cells', params: { count: 4, expected: 3 } },
    ])
    expect(table.records.map((r) => r.row)).toEqual([4])
  })

  it('reads tab- and semicolon-separated files and every kind of line break', () => {
    expect(readCsv(utf8('名称\t面积\r地1\t1\r')).records).toEqual([{ row: 2, cells: ['地1', '1'] }])
    expect(readCsv(utf8('名称;面积\n地1;1')).records).toEqual([{ row: 2, cells: ['地1', '1'] }])
  })

  it('refuses more than the column cap before parsing, and names the count', () => {
    const error = refusal(() => readCsv(utf8(`${'列,'.repeat(CSV_MAX_COLUMNS)}末\n`)))
    expect(error.details.issues).toEqual([
      { path: [], rule: 'too_many_columns', params: { limit: CSV_MAX_COLUMNS, count: CSV_MAX_COLUMNS + 1 } },
    ])
    expect(readCsv(utf8(`${'列,'.repeat(CSV_MAX_COLUMNS - 1)}末\n`)).headers).toHaveLength(CSV_MAX_COLUMNS)
  })

  it('refuses an empty file and a file of blank lines', () => {
    expect(refusal(() => readCsv(utf8(''))).details.issues?.[0]?.rule).toBe('csv_empty')
    expect(refusal(() => readCsv(utf8('\n , ,\r\n'))).details.issues?.[0]?.rule).toBe('csv_empty')
  })
})

describe('reading a CSV: encodings', () => {
  it('a damaged GB18030 byte is named at its row and column, and no row is read', () => {
    const good = gb18030('名称,村,面积\n地1,东岗村,1\n地2,西岗村,2\n地3,南岗村,3\n')
    const damaged = Buffer.from(good)
    damaged[damaged.indexOf(gb18030('西'))] = 0xff
    expect(readCsv(bytes(good)).encoding).toBe('gb18030')
    const table = readCsv(bytes(damaged))
    expect(table.decoded).toBe(false)
    expect(table.records).toEqual([])
    expect(table.problems).toEqual([{ row: 3, column: '村', rule: 'encoding_invalid' }])
    expect(JSON.stringify(table.problems)).not.toContain('\uFFFD')
  })

  it('UTF-16 in either byte order, with or without a mark, is refused as UTF-16', () => {
    const text = '名称\t面积\r\n地1\t1\r\n'
    for (const [order, mark] of [
      ['le', true],
      ['be', true],
      ['le', false],
      ['be', false],
    ] as const) {
      const error = refusal(() => readCsv(bytes(utf16(text, order, mark))))
      expect(error.details.issues, `${order} ${mark}`).toEqual([{ path: [], rule: 'encoding_utf16' }])
    }
  })

  it('a workbook or other binary file is refused as not text', () => {
    const zip = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x41]
    expect(refusal(() => readCsv(bytes(zip))).details.issues?.[0]?.rule).toBe('encoding_binary')
  })

  it('a UTF-8 mark before GB18030 bytes, a doubled mark, and a mark inside the file are mixed encodings', () => {
    const mark = Buffer.from([0xef, 0xbb, 0xbf])
    const gbFile = readCsv(bytes(Buffer.concat([mark, gb18030('名称,面积\n地1,1\n')])))
    expect(gbFile.problems).toEqual([{ row: 1, column: '名称', rule: 'encoding_mixed' }])
    const doubled = readCsv(bytes(Buffer.concat([mark, mark, Buffer.from('名称,面积\n地1,1\n')])))
    expect(doubled.problems).toEqual([{ row: 1, column: '名称', rule: 'encoding_mixed' }])
    const pasted = readCsv(
      bytes(Buffer.concat([mark, Buffer.from('名称,面积\n地1,1\n'), mark, Buffer.from('地2,2\n')])),
    )
    expect(pasted.problems).toEqual([{ row: 3, column: '名称', rule: 'encoding_mixed' }])
  })

  it('GB18030 rows pasted into a UTF-8 file, and UTF-8 rows pasted into a GB18030 file, are named', () => {
    const utf8File = Buffer.concat([
      Buffer.from('名称,村\n地1,东岗村\n地2,西岗村\n'),
      gb18030('地3,南岗村\n'),
    ])
    expect(readCsv(bytes(utf8File)).problems).toEqual([{ row: 4, column: '名称', rule: 'encoding_mixed' }])
    const gbFile = Buffer.concat([gb18030('名称,村\n地1,东岗村\n地2,西岗村\n'), Buffer.from('地3,南岗村\n')])
    const table = readCsv(bytes(gbFile))
    expect(table.encoding).toBe('gb18030')
    expect(table.problems).toEqual([{ row: 4, column: '名称', rule: 'encoding_mixed' }])
  })

  it('decodeText is strict too: the line of a damaged byte, never a replacement character', () => {
    expect(decodeText(bytes(gb18030('甲\n乙\n')))).toEqual({ text: '甲\n乙\n', encoding: 'gb18030' })
    const error = refusal(() => decodeText(bytes([...gb18030('甲\n'), 0x81, 0x0a])))
    expect(error.details.issues).toEqual([{ path: [2], rule: 'encoding_invalid', params: { line: 2 } }])
  })

  it('the UTF-8 check agrees with the fatal decoder on arbitrary bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true })
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        let valid = true
        try {
          decoder.decode(b)
        } catch {
          valid = false
        }
        expect(utf8Class(b, 0, b.length).cls !== -1).toBe(valid)
      }),
      { numRuns: 2000 },
    )
  })

  it('valid UTF-8 and valid GB18030 text decode to exactly the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const text = s.replace(/^\uFEFF+/, '').replaceAll('\u0000', '')
        const d = decodeBytes(utf8(text))
        expect(d.troubles).toEqual([])
        expect(d.text).toBe(text)
      }),
    )
    // Chinese text as Excel/WPS saves it on Chinese Windows: lines of CJK characters, commas, digits.
    const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c))
    const cell = fc.array(fc.oneof(hanzi, hanzi, fc.constantFrom('1', '2', ' ', '-')), {
      minLength: 1,
      maxLength: 8,
    })
    const line = fc
      .array(cell, { minLength: 3, maxLength: 6 })
      .map((cells) => cells.map((c) => c.join('')).join(','))
    fc.assert(
      fc.property(fc.array(line, { minLength: 2, maxLength: 6 }), (lines) => {
        const text = `${lines.join('\r\n')}\r\n`
        fc.pre([...text].filter((c) => c >= '\u4e00').length >= 20)
        const d = decodeBytes(bytes(gb18030(text)))
        expect(d).toMatchObject({ encoding: 'gb18030', troubles: [], text })
      }),
    )
  })
})

describe('group names', () => {
  it('full-width, case and white space do not make another group', () => {
    expect(new Set(['Ａb', 'ab', 'AB', ' a b '.replace(' b', 'b'), 'ａＢ']).size).toBe(5)
    expect(new Set(['Ａb', 'ab', 'AB', 'ａＢ'].map(groupNameKey))).toEqual(new Set(['ab']))
    expect(groupNameKey('东岗\u3000 一片')).toBe(groupNameKey('东岗 一片'))
    expect(groupNameKey('东岗一片')).not.toBe(groupNameKey('东岗二片'))
  })

  it('length counts characters as the database does', () => {
    expect(groupNameLength('𠀀'.repeat(60))).toBe(60)
    expect(groupNameLength('  地  ')).toBe(1)
  })
})
