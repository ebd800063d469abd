import { closeSync, fsyncSync, openSync, rmSync } from 'node:fs'

/** Flushes a file's bytes to the disk: a copy is not durable until then. */
export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Flushes a folder's entries, so that a rename into it survives a power cut. Some systems
 * (Windows) cannot open a folder for syncing; there the rename is already as durable as it gets.
 */
export function fsyncDir(path: string): void {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch {
    return
  }
  try {
    fsyncSync(fd)
  } catch {
    // EISDIR/EPERM on systems that do not sync folders
  } finally {
    closeSync(fd)
  }
}

/** Removes a database file and the journal files SQLite may keep beside it. */
export function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true })
}
