import type { Confidence } from '../assumptions/types'

/** Text in both languages the app ships. */
export type Bilingual = { zh: string; en: string }

/**
 * One publication a number was taken from: who published it, what it is called, when, where it
 * can be read (null where no address was recorded), and which figure the planner took from it.
 * Confidence is the publication's: an official release or an approval record is H, a reputable
 * secondary report M, a blog or aggregator L, and UNVERIFIED where the "publication" is the
 * planner's own example value.
 */
export type Reference = {
  id: string
  publisher: Bilingual
  title: Bilingual
  year: number | null
  url: string | null
  figure: Bilingual
  confidence: Confidence
}
