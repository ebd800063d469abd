/**
 * Units of the plan. Everything is stored and computed in canonical units (ha, kg/ha, plants/ha,
 * yuan); conversion happens only at the edges (forms, tables, imports, reports).
 * 1 mu = 1/15 ha exactly (written as a division, never as 666.67 m²).
 */

export const MU_PER_HA = 15
export const JIN_PER_KG = 2
export const KG_PER_TONNE = 1000

export type AreaUnit = 'mu' | 'ha'
export type MassUnit = 'jin' | 'kg' | 't'
/** Density and per-area money are shown per mu or per ha. */
export type PerAreaUnit = 'mu' | 'ha'

export const AREA_UNITS = ['mu', 'ha'] as const satisfies readonly AreaUnit[]
export const MASS_UNITS = ['jin', 'kg', 't'] as const satisfies readonly MassUnit[]

/** Area in the given unit → hectares. */
export function toHa(value: number, unit: AreaUnit): number {
  return unit === 'ha' ? value : value / MU_PER_HA
}

/** Hectares → area in the given unit. */
export function fromHa(areaHa: number, unit: AreaUnit): number {
  return unit === 'ha' ? areaHa : areaHa * MU_PER_HA
}

/** Mass in the given unit → kilograms. */
export function toKg(value: number, unit: MassUnit): number {
  if (unit === 'kg') return value
  if (unit === 'jin') return value / JIN_PER_KG
  return value * KG_PER_TONNE
}

/** Kilograms → mass in the given unit. */
export function fromKg(kg: number, unit: MassUnit): number {
  if (unit === 'kg') return kg
  if (unit === 'jin') return kg * JIN_PER_KG
  return kg / KG_PER_TONNE
}

/** A per-area rate stored per ha (plants/ha, yuan/ha) → the same rate per mu or per ha. */
export function perHaTo(valuePerHa: number, unit: PerAreaUnit): number {
  return unit === 'ha' ? valuePerHa : valuePerHa / MU_PER_HA
}

/** A per-area rate per mu or per ha → per ha. */
export function toPerHa(value: number, unit: PerAreaUnit): number {
  return unit === 'ha' ? value : value * MU_PER_HA
}

/** Yield in kg/ha → yield in (mass unit) per (area unit), e.g. jin/mu. */
export function yieldFromKgPerHa(yieldKgPerHa: number, mass: MassUnit, area: AreaUnit): number {
  return fromKg(perHaTo(yieldKgPerHa, area), mass)
}

/** Yield in (mass unit) per (area unit) → kg/ha. */
export function yieldToKgPerHa(value: number, mass: MassUnit, area: AreaUnit): number {
  return toPerHa(toKg(value, mass), area)
}
