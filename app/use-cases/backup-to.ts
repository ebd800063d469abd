import { backupWorkspaceTo, type FolderBackupInfo } from '../../db/backup'
import type { DB } from '../../db/connection'
import { getWorkspace } from '../../db/repositories/workspace'

/**
 * A checked copy of the open workspace into a folder the user chose (a USB stick), named after the
 * co-op so that a stick carrying several co-ops' copies says whose each one is.
 */
export function backupToFolder(db: DB, folder: string, now: Date): FolderBackupInfo {
  return backupWorkspaceTo(db, folder, getWorkspace(db)?.name ?? '', now)
}
