import Database from 'better-sqlite3'
import { AppError } from '../engine/errors'
import type { Region } from '../engine/schemas/workspace'
import { APPLICATION_ID } from './connection'
import { mapSqliteError } from './errors'
import { LATEST_SCHEMA_VERSION } from './migrations'

export type WorkspaceSummary = {
  name: string
  county: string
  region: Region
  isDemo: boolean
  fieldCount: number
  areaHa: number
}

/**
 * What the workspace list shows of a file, read without opening it for writing: its name and
 * details and how much land it holds. A foreign, damaged or newer file is refused with its code,
 * so the list can say why it cannot be opened. Files of an older schema read as far as they go.
 */
export function readWorkspaceSummary(
  file: string,
  options: { nativeBinding?: string } = {},
): WorkspaceSummary {
  let db: Database.Database
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    })
  } catch (error) {
    throw mapSqliteError(error)
  }
  try {
    if (Number(db.pragma('application_id', { simple: true })) !== APPLICATION_ID)
      throw new AppError('DB_FOREIGN_FILE', 'Not a workspace')
    const version = Number(db.pragma('user_version', { simple: true }))
    if (version > LATEST_SCHEMA_VERSION) throw new AppError('DB_NEWER_VERSION', 'Saved by a newer version')
    const columns = (db.prepare('PRAGMA table_info(workspace)').all() as { name: string }[]).map(
      (c) => c.name,
    )
    const hasDetails = columns.includes('county') && columns.includes('region')
    const ws = db
      .prepare(`SELECT name, is_demo${hasDetails ? ', county, region' : ''} FROM workspace WHERE id = 1`)
      .get() as { name: string; is_demo: number; county?: string; region?: Region } | undefined
    if (!ws) throw new AppError('DB_CORRUPT', 'The file holds no workspace')
    const land = db.prepare('SELECT count(*) AS n, total(area_ha) AS area FROM field').get() as {
      n: number
      area: number
    }
    return {
      name: ws.name,
      county: ws.county ?? '',
      region: ws.region ?? 'central',
      isDemo: ws.is_demo === 1,
      fieldCount: land.n,
      areaHa: land.area,
    }
  } catch (error) {
    throw mapSqliteError(error)
  } finally {
    db.close()
  }
}
