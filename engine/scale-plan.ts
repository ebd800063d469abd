import type { Plan } from './schemas/plan'

/**
 * A larger plan made by repeating a plan's fields (new ids and names; each copy keeps its
 * scenario changes). For benchmarks and load tests of 2,000–10,000 fields.
 */
export function scalePlan(plan: Plan, fieldCount: number): Plan {
  const n = plan.fields.length
  const idOf = (copy: number, originalIndex: number) => copy * n + originalIndex + 1
  const fields = Array.from({ length: fieldCount }, (_, k) => {
    const copy = Math.floor(k / n)
    const f = plan.fields[k % n]!
    return { ...f, id: idOf(copy, k % n), name: copy === 0 ? f.name : `${f.name}-${copy + 1}` }
  })
  const indexOf = new Map(plan.fields.map((f, i) => [f.id, i]))
  const copies = Math.ceil(fieldCount / n)
  return {
    ...plan,
    fields,
    scenarios: plan.scenarios.map((s) => ({
      ...s,
      changes: Array.from({ length: copies }, (_, copy) =>
        s.changes.map((c) => ({ ...c, fieldId: idOf(copy, indexOf.get(c.fieldId)!) })),
      )
        .flat()
        .filter((c) => c.fieldId <= fieldCount),
    })),
  }
}
