import type { Confidence, Source } from './assumptions/types'
import type { Region } from './schemas/workspace'

/**
 * What a field in one of Jilin's farming regions is taken to have when nobody has said otherwise:
 * an import fills these into a row that leaves the cell empty (or a file without the column), and
 * the preview names every such value with its region, before anything is written.
 *
 * Each value carries its source and how far it can be trusted, with the same confidence flags. They
 * are planning defaults for a whole region, not a measurement of any field: a co-op that knows its
 * own heat sum or grade should put it in the file.
 */
export type RegionDefault = {
  value: number
  /** °C·d for the heat sum; 1 (best) to 10 (worst) for the quality grade (GB/T 33469) */
  unit: '°C·d' | 'grade'
  source: Source
  confidence: Confidence
  /** why this number, and what is not known about it */
  note: string
}

export type RegionDefaults = { heatSumCd: RegionDefault; qualityGrade: RegionDefault }

const S = {
  neZones: ['maize-climate-zones'],
  jilinGradient: ['jin-zhou-2012'],
  jilinRegistrations: ['jilin-registrations-2024'],
  gradeScale: ['gbt-33469'],
  jilinPotential: ['jilin-potential'],
} satisfies Record<string, Source>

/**
 * The defaults per region. The centre's heat sum is the NE centre's published figure; the west's
 * and the east's follow only the direction of the gradient (heat falls from west to east), so
 * their size is UNVERIFIED. No source gives a quality grade by region: the grades are inferred
 * from the Northeast average and the regions' production potential, and marked UNVERIFIED.
 */
export const REGION_DEFAULTS: Readonly<Record<Region, RegionDefaults>> = {
  central: {
    heatSumCd: {
      value: 2700,
      unit: '°C·d',
      source: S.neZones,
      confidence: 'M',
      note: 'The NE spring-maize zone has about 2,700 °C·d in its centre; the province registers its mid-late maize zone at about 2,800 °C·d, so 2,700 is the cautious end for the central plains.',
    },
    qualityGrade: {
      value: 4,
      unit: 'grade',
      source: S.gradeScale,
      confidence: 'UNVERIFIED',
      note: 'The Northeast averages about grade 3.6 (unconfirmed) and the central black-soil plains have the highest potential in Jilin; grade 4 rounds toward the middle of the scale.',
    },
  },
  east: {
    heatSumCd: {
      value: 2400,
      unit: '°C·d',
      source: S.jilinRegistrations,
      confidence: 'UNVERIFIED',
      note: 'Heat falls from west to east (sourced); 2,400 °C·d is the heat the province registers for its mid-early maize zone, taken here for the eastern hills. Valleys are warmer and uplands colder: enter the field’s own value.',
    },
    qualityGrade: {
      value: 5,
      unit: 'grade',
      source: S.jilinPotential,
      confidence: 'UNVERIFIED',
      note: 'The east’s production potential is close to the centre’s but limited by heat and slope; grade 5 is the middle of the scale.',
    },
  },
  west: {
    heatSumCd: {
      value: 2900,
      unit: '°C·d',
      source: S.jilinGradient,
      confidence: 'UNVERIFIED',
      note: 'Heat is highest in the west (sourced); 2,900 °C·d is 200 above the centre, an estimate of the size of the step that no source here confirms.',
    },
    qualityGrade: {
      value: 6,
      unit: 'grade',
      source: S.jilinPotential,
      confidence: 'UNVERIFIED',
      note: 'The west’s production potential is about 61 % of the centre’s (drought, sandy and saline soils); grade 6 sits below the middle of the scale.',
    },
  },
}

/** The defaults an import fills in for a workspace of this region. */
export function regionDefaults(region: Region): RegionDefaults {
  return REGION_DEFAULTS[region]
}
