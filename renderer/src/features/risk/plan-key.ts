import { useEffect, useState } from 'react'
import type { Plan } from '../../../../engine/schemas/plan'

function fnv(text: string): string {
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 13)
  }
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}-${text.length}`
}

/**
 * A fingerprint of a plan's whole content (fields and their yields, varieties, scenarios,
 * assumptions, units): two plans get the same key only if every value is the same, so a result
 * kept under it is never shown for a plan that has changed since. SHA-256 of the plan as JSON,
 * hashed by the browser off the window's thread (a few ms of work here for 3,000 fields).
 */
export async function planKey(plan: Plan): Promise<string> {
  const text = JSON.stringify(plan)
  const subtle = globalThis.crypto?.subtle
  if (!subtle) return fnv(text)
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}

/** The plan's key once worked out (null before, and for no plan). */
export function usePlanKey(plan: Plan | null): string | null {
  const [known, setKnown] = useState<{ plan: Plan; key: string } | null>(null)
  useEffect(() => {
    if (!plan) return
    let current = true
    void planKey(plan).then((key) => {
      if (current) setKnown({ plan, key })
    })
    return () => {
      current = false
    }
  }, [plan])
  return plan && known?.plan === plan ? known.key : null
}
