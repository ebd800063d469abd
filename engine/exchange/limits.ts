/**
 * The largest plan file the app reads (the screen checks a chosen file's size before reading it;
 * the back end checks the text again).
 *
 * Measured (December 2026, the demo plan scaled to 50,000 fields, the largest plan the schema
 * takes): the plan alone is 33.2 MB of JSON. A frozen version of it stores 88.6 MB of content text
 * (the plan and every field's results per scenario), which is why a file carries each version's
 * content gzip-compressed: 1.8 MB for the scaled demo, and for real fields, whose numbers repeat
 * less, an estimated 8–12 MB each. 48 MiB (50.3 MB) holds a real 50,000-field plan with one or two
 * versions (export a chosen version for more), and keeps a 60 MB file, which no real plan needs,
 * out: reading it would hold several copies of it in memory at once.
 */
export const PLAN_FILE_MAX_BYTES = 48 * 1024 * 1024

/** The same limit in whole MB, as the refusal states it. */
export const PLAN_FILE_MAX_MB = Math.floor(PLAN_FILE_MAX_BYTES / 1_000_000)
