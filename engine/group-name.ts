/** A field group's name is 1–60 characters after trimming (the database counts characters). */
export const GROUP_NAME_MAX_CHARS = 60

/**
 * The one key under which two group names are the same group: NFKC (full-width "Ａｂ" is "Ab"),
 * trimmed, runs of white space as one space, and case folded ("AB", "Ab" and "ab" are one group).
 * Every place that matches or creates groups (the CSV import, the repository) compares these keys.
 */
export function groupNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/gu, ' ').toUpperCase().toLowerCase().normalize('NFKC')
}

/** The length the database checks: characters (code points), not UTF-16 units. */
export function groupNameLength(name: string): number {
  return [...name.normalize('NFKC').trim()].length
}
