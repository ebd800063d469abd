import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { mapSqliteError } from '../../db/errors'
import { fsyncDir } from '../../db/files'
import { insertSeasonTransfer, type SeasonRecordRow } from '../../db/repositories/actuals'
import type { WriteContext } from '../../db/repositories/context'
import type { VersionRecordRow } from '../../db/repositories/version-transfer'
import { insertVersionRecords } from '../../db/repositories/version-transfer'
import { createWorkspaceFile } from '../../db/seed'
import { readWorkspaceSummary } from '../../db/workspace-summary'
import type { ActualEntry } from '../../engine/actuals/entry'
import { buildDemoPlan } from '../../engine/demo-plan'
import { AppError, type ErrorCode } from '../../engine/errors'
import { freeName } from '../../engine/exchange/merge'
import { translate } from '../../engine/i18n/translate'
import { type NewCoop, newCoopPlan } from '../../engine/new-coop-plan'
import type { Plan } from '../../engine/schemas/plan'
import type { Locale } from '../../engine/schemas/workspace'
import type { WorkspaceEntry, WorkspaceList } from '../contract/contract'
import { REMOVED_DIR, type Registry, readRegistry, WORKSPACES_DIR, writeRegistry } from './registry'

/** Where the workspaces live: a data folder of many, or one file named on the command line. */
export type DataPlace = { kind: 'folder'; dir: string } | { kind: 'file'; file: string }

export type NewWorkspace = ({ kind: 'coop' } & NewCoop) | { kind: 'demo'; locale: Locale }

function stamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

function refuseFixed(): never {
  throw new AppError('VALIDATION', 'The app was started on one named workspace file', {
    issues: [{ path: [], rule: 'workspace_fixed' }],
  })
}

function notFound(id: string): never {
  throw new AppError('NOT_FOUND', 'No such workspace', { id })
}

/**
 * The co-op's workspaces in a data folder: one SQLite file each under workspaces/, listed in
 * workspaces.json. Making one writes its file whole before it is listed (a full disk leaves no
 * file and no entry); removing one moves its file to removed/, from where it can be restored.
 * Which one is open is the host's business: this only says which file that is.
 */
export class WorkspaceFiles {
  constructor(
    private readonly place: DataPlace,
    private readonly options: { ctx: WriteContext; nativeBinding?: string },
  ) {}

  get canManage(): boolean {
    return this.place.kind === 'folder'
  }

  get dataDir(): string | null {
    return this.place.kind === 'folder' ? this.place.dir : null
  }

  private registry(): Registry {
    if (this.place.kind === 'file') {
      return {
        format: 'fengshou-workspaces',
        version: 1,
        current: 'coop',
        entries: [{ id: 'coop', file: this.place.file, lastOpenedAt: null }],
        removed: [],
      }
    }
    return readRegistry(this.place.dir)
  }

  private save(registry: Registry): void {
    if (this.place.kind === 'folder') writeRegistry(this.place.dir, registry)
  }

  private path(file: string): string {
    return this.place.kind === 'file' ? this.place.file : join(this.place.dir, file)
  }

  /** The open workspace's id and file, or null (first start; or after it was removed). */
  current(): { id: string; file: string } | null {
    const registry = this.registry()
    const entry = registry.entries.find((e) => e.id === registry.current)
    return entry ? { id: entry.id, file: this.path(entry.file) } : null
  }

  fileOf(id: string): string {
    const entry = this.registry().entries.find((e) => e.id === id)
    return entry ? this.path(entry.file) : notFound(id)
  }

  list(): WorkspaceList {
    const registry = this.registry()
    const workspaces = registry.entries.map((e): WorkspaceEntry => {
      const base = { id: e.id, lastOpenedAt: e.lastOpenedAt, isCurrent: e.id === registry.current }
      try {
        const summary = readWorkspaceSummary(this.path(e.file), this.bindingOption())
        return { ...base, ...summary, problem: null }
      } catch (error) {
        const code: ErrorCode = error instanceof AppError ? error.code : 'DB_CORRUPT'
        return {
          ...base,
          name: e.id,
          county: '',
          region: 'central',
          isDemo: false,
          fieldCount: 0,
          areaHa: 0,
          problem: code,
        }
      }
    })
    workspaces.sort(
      (a, b) =>
        Number(b.isCurrent) - Number(a.isCurrent) ||
        (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''),
    )
    return {
      current: registry.current,
      workspaces,
      removed: registry.removed.map(({ id, name, removedAt }) => ({ id, name, removedAt })),
      canManage: this.canManage,
    }
  }

  entry(id: string): WorkspaceEntry {
    return this.list().workspaces.find((w) => w.id === id) ?? notFound(id)
  }

  private bindingOption() {
    return this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}
  }

  /** Makes a new workspace file (the co-op's own, empty; or the demo), lists it and marks it open. */
  create(input: NewWorkspace): { id: string; file: string } {
    if (this.place.kind !== 'folder') refuseFixed()
    const registry = this.registry()
    const id = randomBytes(6).toString('hex')
    const relative = `${WORKSPACES_DIR}/${id}.fengshou.sqlite`
    const file = this.path(relative)
    const now = this.options.ctx.now()
    try {
      mkdirSync(dirname(file), { recursive: true })
    } catch (error) {
      throw mapSqliteError(error)
    }
    const plan =
      input.kind === 'demo'
        ? () => {
            const demo = buildDemoPlan()
            return { ...demo, workspace: { ...demo.workspace, locale: input.locale } }
          }
        : () => {
            const { kind: _kind, ...coop } = input
            return newCoopPlan(coop, translate(coop.locale, 'workspaces.baselineName'), now.getFullYear())
          }
    createWorkspaceFile(file, this.options.ctx, plan, this.bindingOption())
    registry.entries.push({ id, file: relative, lastOpenedAt: now.toISOString() })
    registry.current = id
    this.save(registry)
    return { id, file }
  }

  /**
   * Makes a workspace from a checked plan file: its plan, then its versions as they were (ids,
   * hashes) and its season after (actuals and season records, values exactly as the file holds
   * them), all in a file built aside and put in place whole. It is listed, not opened.
   * The plan keeps the file's field and scenario ids (writePlan), so the actuals' field ids and the
   * season records' scenario ids are written as they are, never remapped.
   * A co-op name already in the list gets a number ("name (2)"), so the two can be told apart.
   */
  importPlan(
    plan: Plan,
    versions: readonly VersionRecordRow[],
    seasons: { actuals: readonly ActualEntry[]; carriedOut: readonly SeasonRecordRow[] } | null = null,
  ): { id: string; file: string } {
    if (this.place.kind !== 'folder') refuseFixed()
    const registry = this.registry()
    const id = randomBytes(6).toString('hex')
    const relative = `${WORKSPACES_DIR}/${id}.fengshou.sqlite`
    const file = this.path(relative)
    try {
      mkdirSync(dirname(file), { recursive: true })
    } catch (error) {
      throw mapSqliteError(error)
    }
    const names = new Set(this.list().workspaces.map((w) => w.name))
    const name = names.has(plan.workspace.name)
      ? freeName(plan.workspace.name, names, 100)
      : plan.workspace.name
    const named = { ...plan, workspace: { ...plan.workspace, name } }
    createWorkspaceFile(
      file,
      this.options.ctx,
      () => named,
      this.bindingOption(),
      (db) => {
        insertVersionRecords(db, versions)
        if (seasons) insertSeasonTransfer(db, seasons.actuals, seasons.carriedOut)
      },
    )
    registry.entries.push({ id, file: relative, lastOpenedAt: null })
    this.save(registry)
    return { id, file }
  }

  /** Marks a listed workspace as the open one. */
  select(id: string): { id: string; file: string } {
    const registry = this.registry()
    const entry = registry.entries.find((e) => e.id === id) ?? notFound(id)
    if (this.place.kind === 'folder') {
      entry.lastOpenedAt = this.options.ctx.now().toISOString()
      registry.current = id
      this.save(registry)
    }
    return { id, file: this.path(entry.file) }
  }

  /** Marks none as open (the welcome page shows). */
  deselect(): void {
    const registry = this.registry()
    registry.current = null
    this.save(registry)
  }

  /**
   * Moves a (closed) workspace's file to removed/ and takes it off the list; it stays there, with
   * its name, until restored. Its backups stay where they are.
   */
  remove(id: string, name: string): void {
    if (this.place.kind !== 'folder') refuseFixed()
    const registry = this.registry()
    const entry = registry.entries.find((e) => e.id === id) ?? notFound(id)
    const at = this.options.ctx.now()
    const relative = `${REMOVED_DIR}/${id}-${stamp(at)}.fengshou.sqlite`
    const from = this.path(entry.file)
    const to = this.path(relative)
    try {
      mkdirSync(dirname(to), { recursive: true })
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(`${from}${suffix}`)) renameSync(`${from}${suffix}`, `${to}${suffix}`)
      }
      renameSync(from, to)
      fsyncDir(dirname(to))
    } catch (error) {
      throw mapSqliteError(error)
    }
    registry.entries = registry.entries.filter((e) => e.id !== id)
    registry.removed.push({ id, file: relative, name, removedAt: at.toISOString() })
    if (registry.current === id) registry.current = null
    this.save(registry)
  }

  /** Puts a removed workspace back in the list (not opened). */
  restore(id: string): { id: string; file: string } {
    if (this.place.kind !== 'folder') refuseFixed()
    const registry = this.registry()
    const removed = registry.removed.find((r) => r.id === id) ?? notFound(id)
    const relative = `${WORKSPACES_DIR}/${id}.fengshou.sqlite`
    const to = this.path(relative)
    if (existsSync(to)) throw new AppError('CONFLICT', 'A workspace file with this id exists', { id })
    try {
      mkdirSync(dirname(to), { recursive: true })
      renameSync(this.path(removed.file), to)
      fsyncDir(dirname(to))
    } catch (error) {
      throw mapSqliteError(error)
    }
    registry.removed = registry.removed.filter((r) => r.id !== id)
    registry.entries.push({ id, file: relative, lastOpenedAt: null })
    this.save(registry)
    return { id, file: to }
  }
}
