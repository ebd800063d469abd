import { useCallback, useEffect, useMemo, useState } from 'react'
import { evaluatePlan } from '../../../../engine/model/evaluate'
import type { PlanResult } from '../../../../engine/model/types'
import type { Plan } from '../../../../engine/schemas/plan'
import { api, unwrap } from '../../api'
import { takeStartupPlan } from '../shell/startup'

/** The workspace's plan, evaluated live in the renderer by the same engine the CLI uses. */
export function usePlanResult() {
  const [plan, setPlan] = useState<Plan | null>(null)
  const [error, setError] = useState<unknown>(null)
  const reload = useCallback(async () => {
    try {
      setPlan(await (takeStartupPlan() ?? unwrap(api.planGet())))
      setError(null)
    } catch (e) {
      setError(e)
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  const result = useMemo<PlanResult | null>(() => (plan ? evaluatePlan(plan) : null), [plan])
  return { plan, result, error, reload }
}
