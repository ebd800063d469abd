import { useCallback, useEffect, useState } from 'react'
import type { Field } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import type { FieldGroup } from '../../../../engine/schemas/workspace'
import { api, unwrap } from '../../api'

export type FieldsData = { fields: Field[]; varieties: Variety[]; groups: FieldGroup[] }

export function useFieldsData() {
  const [data, setData] = useState<FieldsData | null>(null)
  const [error, setError] = useState<unknown>(null)
  /** Loads the fields again; resolves with what it loaded (null when it failed). */
  const reload = useCallback(async (): Promise<FieldsData | null> => {
    try {
      const [fields, varieties, groups] = await Promise.all([
        unwrap(api.fieldsList()),
        unwrap(api.varietiesList()),
        unwrap(api.groupsList()),
      ])
      const next = { fields, varieties, groups }
      setData(next)
      setError(null)
      return next
    } catch (e) {
      setError(e)
      return null
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, error, reload }
}
