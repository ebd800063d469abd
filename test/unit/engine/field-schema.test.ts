import { describe, expect, it } from 'vitest'
import { AppError } from '../../../engine/errors'
import { FieldInputSchema } from '../../../engine/schemas/field'
import { parseOrThrow } from '../../../engine/validation'
import { validField } from '../../helpers/fields'

function issuesOf(input: unknown) {
  try {
    parseOrThrow(FieldInputSchema, input)
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return (error as AppError).details.issues ?? []
  }
  throw new Error('expected a validation error')
}

describe('field input validation', () => {
  it('accepts a complete maize field', () => {
    expect(parseOrThrow(FieldInputSchema, validField).name).toBe('东岗一号地')
  })

  it.each([
    [{ areaHa: 0 }, ['areaHa'], 'greater_than_number'],
    [{ areaHa: -3 }, ['areaHa'], 'greater_than_number'],
    [{ areaHa: 20_000 }, ['areaHa'], 'max_number'],
    [{ areaHa: undefined }, ['areaHa'], 'required'],
    [{ name: '   ' }, ['name'], 'required'],
    [{ qualityGrade: 11 }, ['qualityGrade'], 'max_number'],
    [{ qualityGrade: 2.5 }, ['qualityGrade'], 'integer'],
    [{ crop: 'wheat' }, ['crop'], 'invalid_option'],
    [{ hsfYearBuilt: 2020 }, ['hsfYearBuilt'], 'hsf_year_without_hsf'],
    [{ crop: 'rice' }, ['waterRegime'], 'rice_needs_paddy'],
    [{ waterRegime: 'paddy' }, ['waterRegime'], 'paddy_only_rice'],
  ])('%o is refused at %o with rule %s', (patch, path, rule) => {
    const issues = issuesOf({ ...validField, ...patch })
    expect(issues).toContainEqual(expect.objectContaining({ path, rule }))
  })

  it('names the repeated year in the history', () => {
    const issues = issuesOf({
      ...validField,
      history: [
        { year: 2023, yieldKgPerHa: 1 },
        { year: 2023, yieldKgPerHa: 2 },
      ],
    })
    expect(issues).toContainEqual({
      path: ['history', 1, 'year'],
      rule: 'duplicate_year',
      params: { year: 2023 },
    })
  })

  it('refuses unknown keys rather than silently dropping them', () => {
    expect(issuesOf({ ...validField, areaMu: 15 })).toContainEqual(
      expect.objectContaining({ rule: 'unknown_key' }),
    )
  })
})
