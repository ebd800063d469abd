/**
 * Errors are values with codes. The set of codes is closed: the renderer maps each one to a
 * translated message, and no raw exception text ever reaches a user.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  // no workspace is open yet (first start, or the open one was removed)
  'NO_WORKSPACE',
  // another window switched the workspace since this one loaded
  'WORKSPACE_CHANGED',
  'CONFLICT',
  // the record was saved elsewhere (another window) since this form was loaded
  'STALE',
  'FORBIDDEN',
  'UNKNOWN_CHANNEL',
  'DB_NEWER_VERSION',
  'DB_FOREIGN_FILE',
  'DB_CORRUPT',
  'DB_MIGRATION_FAILED',
  'DISK_FULL',
  'BACKEND_UNAVAILABLE',
  'TIMED_OUT',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/**
 * Every rule a problem can name, closed like the error codes: each one has a sentence in both
 * catalogues (errors.rule.*), and a test walks this list against them. A rule that is not listed
 * here does not type-check where an Issue is built.
 */
export const RULES = [
  // what zod reports about a single value
  'required',
  'invalid',
  'invalid_option',
  'unknown_key',
  'integer',
  'expected_number',
  'expected_string',
  'expected_boolean',
  'expected_array',
  'expected_object',
  'min_number',
  'max_number',
  'greater_than_number',
  'less_than_number',
  'min_string',
  'max_string',
  'min_array',
  'max_array',
  // fields, varieties, groups and scenarios
  'duplicate_name',
  'duplicate_year',
  'duplicate_id',
  'duplicate_scenario_name',
  'duplicate_variety_name',
  'duplicate_group_name',
  'hsf_year_without_hsf',
  'rice_needs_paddy',
  'paddy_only_rice',
  'variety_crop_mismatch',
  'rice_density_not_modelled',
  'unknown_reference',
  'density_order',
  'variety_in_use',
  'baseline_fixed',
  // assumptions
  'value_outside_range',
  'unknown_assumption',
  'missing_assumption',
  'outside_hard_bounds',
  // evaluation: a figure that came out NaN or infinite, named by the field or assumption behind it
  'not_finite',
  // density fits
  'singular_fit',
  'too_few_densities',
  'too_many_points',
  // imported files (CSV, plan files, backups)
  'not_a_number',
  'unknown_variety',
  'unknown_option',
  'missing_column',
  'file_too_large',
  'too_many_rows',
  'csv_empty',
  'csv_row',
  'csv_header',
  'json',
  'not_json',
  'too_deep',
  'unsupported_version',
  'checksum_mismatch',
  'not_a_plan_file',
  'plan_file_too_large',
  'request_too_large',
  'merge_choice_missing',
  'not_a_backup',
  'workspace_fixed',
  // a folder the user chose for a backup (a USB stick): checked before anything is written
  'folder_not_absolute',
  'folder_not_found',
  'not_a_folder',
  'folder_read_only',
  // reading a CSV: encodings, quotes, widths and caps, before any value is checked
  'encoding_utf16',
  'encoding_binary',
  'encoding_mixed',
  'encoding_invalid',
  'csv_quote_unclosed',
  'csv_quote_malformed',
  'csv_too_few_cells',
  'csv_too_many_cells',
  'too_many_columns',
  'duplicate_column',
  // a unit in a CSV header that cannot be read (平方米, 万株/公顷): named, never guessed
  'unit_unknown',
  // a yield record for a year after the current season
  'year_in_future',
  // the season after (实收): a history figure the actual differs from, a proposal the evidence moved
  'history_conflict',
  'proposal_changed',
  'no_actuals',
  // board review: a meeting's counts, the version's state, the charter
  'no_members',
  'attending_over_members',
  'votes_over_attending',
  'extra_for_over_total',
  'decision_not_valid',
  'decision_needs_scenario',
  'already_decided',
  'version_not_frozen',
  'version_not_submitted',
  'version_locked',
  'version_tampered',
  'not_in_version',
  'charter_below_law',
  'restore_loses_approved',
  // the investment optimiser's problem: fields, years and the order of actions it names
  'unknown_field',
  'year_outside_rollout',
  'precedence_invalid',
  // the season after (实收): an actuals CSV names fields by name, one row per field and season
  'unknown_field_name',
  'duplicate_actual',
  'yield_implausible',
  'money_unit_unknown',
  // the actuals command: a scenario named that the plan does not have
  'unknown_scenario',
  // a plan file's season after (实收): references into the file's own plan, one record per place
  'file_actual_unknown_field',
  'file_actual_duplicate',
  'file_season_unknown_scenario',
  'file_season_duplicate',
  'file_too_many_seasons',
] as const

export type Rule = (typeof RULES)[number]

export function isRule(value: string): value is Rule {
  return (RULES as readonly string[]).includes(value)
}

/** One problem with one input value: `path` names the field, `rule` the broken rule. */
export type Issue = {
  path: (string | number)[]
  rule: Rule
  params?: Record<string, string | number>
}

export type ErrorDetails = { issues?: Issue[]; [key: string]: unknown }

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details: ErrorDetails

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
