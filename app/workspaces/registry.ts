import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import { fsyncDir, fsyncFile } from '../../db/files'
import { WORKSPACE_FILE_NAME } from '../paths'

/**
 * The list of a data folder's workspaces (workspaces.json): which files they are, which one is
 * open, when each was last opened, and the removed ones that can still be restored. The names and
 * details live in each workspace file itself; this file only points at them. It is written like a
 * save (temporary name, fsync, rename), and rebuilt from the files it names if it is ever lost.
 */
export const REGISTRY_FILE = 'workspaces.json'
export const WORKSPACES_DIR = 'workspaces'
export const REMOVED_DIR = 'removed'

const EntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  file: z.string().min(1).max(300),
  lastOpenedAt: z.string().max(40).nullable(),
})
const RemovedSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  file: z.string().min(1).max(300),
  name: z.string().max(100),
  removedAt: z.string().max(40),
})
const RegistrySchema = z.object({
  format: z.literal('fengshou-workspaces'),
  version: z.literal(1),
  current: z.string().nullable(),
  entries: z.array(EntrySchema).max(1000),
  removed: z.array(RemovedSchema).max(1000),
})
export type Registry = z.infer<typeof RegistrySchema>
export type RegistryEntry = z.infer<typeof EntrySchema>

function empty(): Registry {
  return { format: 'fengshou-workspaces', version: 1, current: null, entries: [], removed: [] }
}

/**
 * Reads the registry of a data folder. A folder from before workspaces (one workspace file at its
 * top) becomes a registry holding that file, opened as before. A registry that cannot be read is
 * rebuilt from the workspace files present, with none open: nothing is lost, the user picks one.
 */
export function readRegistry(dir: string): Registry {
  const path = join(dir, REGISTRY_FILE)
  if (existsSync(path)) {
    try {
      const parsed = RegistrySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')))
      if (parsed.success) return parsed.data
    } catch {
      // fall through to the rebuild
    }
    return rebuild(dir)
  }
  const registry = rebuild(dir)
  const legacy = registry.entries.find((e) => e.file === WORKSPACE_FILE_NAME)
  if (legacy) registry.current = legacy.id
  return registry
}

function rebuild(dir: string): Registry {
  const registry = empty()
  if (existsSync(join(dir, WORKSPACE_FILE_NAME)))
    registry.entries.push({ id: 'coop', file: WORKSPACE_FILE_NAME, lastOpenedAt: null })
  const folder = join(dir, WORKSPACES_DIR)
  if (existsSync(folder)) {
    for (const name of readdirSync(folder).sort()) {
      const match = /^([a-z0-9-]{1,40})\.fengshou\.sqlite$/.exec(name)
      if (match)
        registry.entries.push({ id: match[1]!, file: `${WORKSPACES_DIR}/${name}`, lastOpenedAt: null })
    }
  }
  return registry
}

/** Writes the registry durably: a temporary file, flushed, renamed over the old one. */
export function writeRegistry(dir: string, registry: Registry): void {
  const path = join(dir, REGISTRY_FILE)
  const temp = `${path}.tmp`
  mkdirSync(dirname(path), { recursive: true })
  try {
    writeFileSync(temp, `${JSON.stringify(registry, null, 2)}\n`)
    fsyncFile(temp)
    renameSync(temp, path)
    fsyncDir(dir)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}
