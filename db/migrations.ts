/** A numbered schema step. Files are append-only: a landed migration is never edited. */
export type Migration = { version: number; name: string; sql: string }

const files = import.meta.glob<string>('./migrations/*.sql', {
  query: '?raw',
  import: 'default',
  eager: true,
})

export function parseMigrations(sources: Record<string, string>): Migration[] {
  const migrations = Object.entries(sources).map(([path, sql]) => {
    const match = /(\d{4})-([a-z0-9-]+)\.sql$/.exec(path)
    if (!match) throw new Error(`Migration file name must be NNNN-kebab-name.sql: ${path}`)
    return { version: Number(match[1]), name: match[2] ?? '', sql }
  })
  migrations.sort((a, b) => a.version - b.version)
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migrations must be numbered 1..N without gaps (found ${m.version})`)
  })
  return migrations
}

export const MIGRATIONS: readonly Migration[] = parseMigrations(files)
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length
