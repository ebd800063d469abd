/** The closed lists the whole model speaks in. */
export const CROPS = ['maize', 'soybean', 'rice'] as const
export type Crop = (typeof CROPS)[number]

/** drip = shallow-buried drip fertigation (水肥一体化); paddy = flooded rice. */
export const WATER_REGIMES = ['rainfed', 'furrow', 'sprinkler', 'drip', 'paddy'] as const
export type WaterRegime = (typeof WATER_REGIMES)[number]

export const SALINE_CLASSES = ['none', 'light', 'moderate', 'severe'] as const
export type SalineClass = (typeof SALINE_CLASSES)[number]
