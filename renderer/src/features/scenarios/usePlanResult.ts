import { startTransition, useCallback, useEffect, useMemo, useState } from 'react'
import { evaluatePlan } from '../../../../engine/model/evaluate'
import type { PlanResult } from '../../../../engine/model/types'
import type { Plan } from '../../../../engine/schemas/plan'
import { api, unwrap } from '../../api'
import { takeArrivedStartupPlan, takeStartupPlan } from '../shell/startup'

/** The workspace's plan as saved, loaded when the screen opens (no evaluation). */
export function usePlan() {
  // On a cold start the overview's plan is usually here before the overview mounts.
  const [arrived] = useState(takeArrivedStartupPlan)
  const [plan, setPlan] = useState<Plan | null>(arrived)
  const [error, setError] = useState<unknown>(null)
  const reload = useCallback(async () => {
    try {
      const next = await (takeStartupPlan() ?? unwrap(api.planGet()))
      // Drawing a screen of thousands of fields is a transition: React draws it in slices and the
      // window keeps answering meanwhile (the previous content stays until it is ready).
      startTransition(() => {
        setPlan(next)
        setError(null)
      })
    } catch (e) {
      setError(e)
    }
  }, [])
  useEffect(() => {
    if (!arrived) void reload()
  }, [reload, arrived])
  return { plan, error, reload }
}

/** The workspace's plan, evaluated live in the renderer by the same engine the CLI uses. */
export function usePlanResult() {
  const { plan, error, reload } = usePlan()
  // A plan the engine refuses (an assumption out of its bounds, a field that gives no number) is an
  // error to show with its cause, never an exception that blanks the app.
  const evaluated = useMemo<{ result: PlanResult | null; error: unknown }>(() => {
    if (!plan) return { result: null, error: null }
    try {
      return { result: evaluatePlan(plan), error: null }
    } catch (e) {
      return { result: null, error: e }
    }
  }, [plan])
  return { plan, result: evaluated.result, error: error ?? evaluated.error, reload }
}
