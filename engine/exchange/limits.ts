/**
 * The largest plan file the app reads, in bytes (the screen checks a chosen file's size before
 * reading it; the back end checks the text's UTF-8 length again).
 *
 * Measured (December 2026) on the demo plan scaled to 50,000 fields, the most the schema takes,
 * with areas, heat sums and yields varied field by field as real ones are: the plan alone is
 * 32.9 MB of JSON. A frozen version of it stores 86.4 MB of content text (the plan and every
 * field's results per scenario); a file carries each version's content gzip-compressed, 12.4 MB
 * in base64. So the plan with one version is 45.3 MB, with two 57.7 MB, with three 70.0 MB.
 * 59 MB takes a 50,000-field plan with two versions (export a chosen version for an older one)
 * and refuses a 60 MB file, which no real plan needs. Reading a 45 MB file and checking its
 * version's hash took 2.4 s on the test machine.
 */
export const PLAN_FILE_MAX_BYTES = 59_000_000

/** The same limit in MB, as the refusal states it. */
export const PLAN_FILE_MAX_MB = PLAN_FILE_MAX_BYTES / 1_000_000
