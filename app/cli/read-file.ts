import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs'
import { UsageError } from './args'

const CHUNK = 1024 * 1024

function refusal(error: unknown, path: string): UsageError {
  const code = (error as { code?: unknown }).code
  return new UsageError(code === 'ENOENT' || code === 'ENOTDIR' ? 'cli.fileMissing' : 'cli.fileUnreadable', {
    path,
  })
}

function checkStats(st: Stats, path: string, maxBytes: number): void {
  if (!st.isFile()) throw new UsageError('cli.notAFile', { path })
  if (st.size > maxBytes) throw new UsageError('cli.fileTooLarge', { path, limit: megabytes(maxBytes) })
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
}

/**
 * A file's bytes, read only after it has been checked: it must exist, be a regular file (not a
 * device such as /dev/zero, a pipe or a folder) and be no larger than `maxBytes`. It is opened
 * without blocking (a pipe swapped in after the check cannot hang the open) and checked again
 * through the open handle; reading stops one byte past the limit, so a file that grows while it
 * is read, or one that reports no size, is refused as well.
 */
export function readCheckedFile(path: string, maxBytes: number): Uint8Array {
  let st: Stats
  try {
    st = statSync(path)
  } catch (error) {
    throw refusal(error, path)
  }
  checkStats(st, path, maxBytes)
  let fd: number
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0))
  } catch (error) {
    throw refusal(error, path)
  }
  try {
    checkStats(fstatSync(fd), path, maxBytes)
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(Math.min(CHUNK, maxBytes + 1 - total))
      let n: number
      try {
        n = readSync(fd, chunk, 0, chunk.length, null)
      } catch (error) {
        throw refusal(error, path)
      }
      if (n === 0) break
      chunks.push(chunk.subarray(0, n))
      total += n
      if (total > maxBytes) throw new UsageError('cli.fileTooLarge', { path, limit: megabytes(maxBytes) })
    }
    const bytes = new Uint8Array(total)
    let at = 0
    for (const c of chunks) {
      bytes.set(c, at)
      at += c.length
    }
    return bytes
  } finally {
    closeSync(fd)
  }
}
