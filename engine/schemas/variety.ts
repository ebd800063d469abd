import { z } from 'zod'
import { CROPS, WATER_REGIMES } from './field'

export const LEVELS = ['low', 'medium', 'high'] as const
export type Level = (typeof LEVELS)[number]

export const VarietyDensitySchema = z
  .object({
    waterRegime: z.enum(WATER_REGIMES),
    minPlantsPerHa: z.number().gt(0).max(1_500_000),
    optimumPlantsPerHa: z.number().gt(0).max(1_500_000),
    maxPlantsPerHa: z.number().gt(0).max(1_500_000),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!(d.minPlantsPerHa <= d.optimumPlantsPerHa && d.optimumPlantsPerHa <= d.maxPlantsPerHa)) {
      ctx.addIssue({ code: 'custom', path: ['optimumPlantsPerHa'], params: { rule: 'density_order' } })
    }
  })
export type VarietyDensity = z.infer<typeof VarietyDensitySchema>

export const VarietyInputSchema = z
  .object({
    crop: z.enum(CROPS),
    name: z.string().trim().min(1).max(60),
    maturityDays: z.number().int().min(60).max(200).nullable(),
    heatSumNeededCd: z.number().int().min(1500).max(4000).nullable(),
    /** Yield potential relative to the check variety (1.071 = +7.1 %). */
    // Relative to the check variety: a variety at a tenth of it is not a crop anyone sows, and a
    // near-zero ratio would blow up the multiplier when a field switches away from it.
    yieldPotentialRel: z.number().min(0.1).max(3),
    checkVariety: z.string().max(60).nullable(),
    densityTolerance: z.enum(LEVELS).nullable(),
    lodgingRisk: z.enum(LEVELS).nullable(),
    saltTolerance: z.enum(LEVELS).nullable(),
    oilPct: z.number().min(0).max(60).nullable(),
    proteinPct: z.number().min(0).max(60).nullable(),
    seedPriceYuanPerKg: z.number().min(0).max(100_000).nullable(),
    source: z.string().max(500),
    isExample: z.boolean(),
    densities: z.array(VarietyDensitySchema).max(WATER_REGIMES.length),
  })
  .strict()
export type VarietyInput = z.infer<typeof VarietyInputSchema>
/** A variety as stored; `revision` is bumped by every save (a stale save is refused). */
export type Variety = VarietyInput & { id: number; revision: number }
