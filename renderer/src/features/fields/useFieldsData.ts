import { startTransition, useCallback, useEffect, useState } from 'react'
import { type Values, valuesOf } from '../../../../engine/assumptions/resolve'
import type { Field } from '../../../../engine/schemas/field'
import type { Variety } from '../../../../engine/schemas/variety'
import type { FieldGroup } from '../../../../engine/schemas/workspace'
import { api, unwrap } from '../../api'

/** The fields with what the list shows beside them; `values` are the assumptions baselines read. */
export type FieldsData = { fields: Field[]; varieties: Variety[]; groups: FieldGroup[]; values: Values }

export function useFieldsData() {
  const [data, setData] = useState<FieldsData | null>(null)
  const [error, setError] = useState<unknown>(null)
  /** Loads the fields again; resolves with what it loaded (null when it failed). */
  const reload = useCallback(async (): Promise<FieldsData | null> => {
    try {
      const [fields, varieties, groups, assumptions] = await Promise.all([
        unwrap(api.fieldsList()),
        unwrap(api.varietiesList()),
        unwrap(api.groupsList()),
        unwrap(api.assumptionsList()),
      ])
      const next = { fields, varieties, groups, values: valuesOf(assumptions) }
      // Thousands of rows are drawn as a transition, in slices, so the window keeps answering.
      startTransition(() => {
        setData(next)
        setError(null)
      })
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
