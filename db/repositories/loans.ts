import { AppError } from '../../engine/errors'
import type { LoanInput, LoanRecord, PlanLoan, Repayment } from '../../engine/schemas/loan'
import type { DB } from '../connection'
import { mapSqliteError } from '../errors'
import { recordAudit } from './audit'
import type { WriteContext } from './context'
import { checkRevision } from './revision'

type LoanRow = {
  id: number
  scenario_id: number
  name: string
  amount_yuan: number
  annual_rate: number
  term_years: number
  repayment: Repayment
  interest_subsidy_share: number
  revision: number
}

const COLUMNS =
  'id, scenario_id, name, amount_yuan, annual_rate, term_years, repayment, interest_subsidy_share, revision'

function fromRow(r: LoanRow): LoanRecord {
  return {
    id: r.id,
    scenarioId: r.scenario_id,
    name: r.name,
    amountYuan: r.amount_yuan,
    annualRate: r.annual_rate,
    termYears: r.term_years,
    repayment: r.repayment,
    interestSubsidyShare: r.interest_subsidy_share,
    revision: r.revision,
  }
}

/** Every loan of the workspace (or of one scenario), by id. */
export function listLoanRecords(db: DB, scenarioId?: number): LoanRecord[] {
  const rows =
    scenarioId === undefined
      ? db.prepare(`SELECT ${COLUMNS} FROM loan ORDER BY id`).all()
      : db.prepare(`SELECT ${COLUMNS} FROM loan WHERE scenario_id = ? ORDER BY id`).all(scenarioId)
  return (rows as LoanRow[]).map(fromRow)
}

/** Loans as plan files carry them (no revision). */
export function listLoans(db: DB): PlanLoan[] {
  return listLoanRecords(db).map(({ revision: _r, ...l }) => l)
}

/** Inserts a loan keeping its id (plan files). Call inside a transaction. */
export function insertLoanRow(db: DB, l: PlanLoan, at: string): void {
  db.prepare(
    `INSERT INTO loan (id, scenario_id, name, amount_yuan, annual_rate, term_years, repayment, interest_subsidy_share, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    l.id,
    l.scenarioId,
    l.name,
    l.amountYuan,
    l.annualRate,
    l.termYears,
    l.repayment,
    l.interestSubsidyShare,
    at,
    at,
  )
}

function getLoan(db: DB, id: number): LoanRecord {
  const row = db.prepare(`SELECT ${COLUMNS} FROM loan WHERE id = ?`).get(id) as LoanRow | undefined
  if (!row) throw new AppError('NOT_FOUND', 'The loan no longer exists', { id })
  return fromRow(row)
}

type ScenarioFacts = { name: string; is_baseline: number }

function scenarioFor(db: DB, scenarioId: number): ScenarioFacts {
  const s = db.prepare('SELECT name, is_baseline FROM scenario WHERE id = ?').get(scenarioId) as
    | ScenarioFacts
    | undefined
  if (!s) throw new AppError('NOT_FOUND', 'The scenario no longer exists', { id: scenarioId })
  if (s.is_baseline === 1) {
    throw new AppError('VALIDATION', 'Current practice borrows nothing', {
      issues: [{ path: ['scenarioId'], rule: 'baseline_fixed' }],
    })
  }
  return s
}

const PER_SCENARIO_MAX = 20

/** Adds a loan to a (non-baseline) scenario. */
export function createLoan(db: DB, ctx: WriteContext, scenarioId: number, input: LoanInput): LoanRecord {
  try {
    return db.transaction(() => {
      const s = scenarioFor(db, scenarioId)
      const count = db
        .prepare('SELECT count(*) FROM loan WHERE scenario_id = ?')
        .pluck()
        .get(scenarioId) as number
      if (count >= PER_SCENARIO_MAX) {
        throw new AppError('VALIDATION', 'Too many loans on one scenario', {
          issues: [{ path: ['scenarioId'], rule: 'max_array', params: { maximum: PER_SCENARIO_MAX } }],
        })
      }
      const at = ctx.now().toISOString()
      const id = Number(
        db
          .prepare(
            `INSERT INTO loan (scenario_id, name, amount_yuan, annual_rate, term_years, repayment, interest_subsidy_share, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            scenarioId,
            input.name,
            input.amountYuan,
            input.annualRate,
            input.termYears,
            input.repayment,
            input.interestSubsidyShare,
            at,
            at,
          ).lastInsertRowid,
      )
      recordAudit(db, ctx, {
        action: 'create',
        entity: 'scenario',
        entityId: scenarioId,
        summary: s.name,
        detail: { loan: { id, ...input } },
      })
      return getLoan(db, id)
    })()
  } catch (error) {
    throw mapSqliteError(error)
  }
}

/** Changes a loan; refused (STALE) if it was saved elsewhere since the form loaded it. */
export function updateLoan(
  db: DB,
  ctx: WriteContext,
  id: number,
  input: LoanInput,
  expectedRevision?: number,
): LoanRecord {
  try {
    return db.transaction(() => {
      const before = getLoan(db, id)
      checkRevision('loan', id, before.revision, expectedRevision)
      const s = scenarioFor(db, before.scenarioId)
      db.prepare(
        `UPDATE loan SET name = ?, amount_yuan = ?, annual_rate = ?, term_years = ?, repayment = ?,
           interest_subsidy_share = ?, revision = revision + 1, updated_at = ? WHERE id = ?`,
      ).run(
        input.name,
        input.amountYuan,
        input.annualRate,
        input.termYears,
        input.repayment,
        input.interestSubsidyShare,
        ctx.now().toISOString(),
        id,
      )
      recordAudit(db, ctx, {
        action: 'update',
        entity: 'scenario',
        entityId: before.scenarioId,
        summary: s.name,
        detail: { loan: id, before, after: input },
      })
      return getLoan(db, id)
    })()
  } catch (error) {
    throw mapSqliteError(error)
  }
}

/** Removes a loan; refused (STALE) if it was saved elsewhere since the form loaded it. */
export function deleteLoan(db: DB, ctx: WriteContext, id: number, expectedRevision?: number): void {
  db.transaction(() => {
    const before = getLoan(db, id)
    checkRevision('loan', id, before.revision, expectedRevision)
    const s = db.prepare('SELECT name FROM scenario WHERE id = ?').pluck().get(before.scenarioId) as string
    db.prepare('DELETE FROM loan WHERE id = ?').run(id)
    recordAudit(db, ctx, {
      action: 'delete',
      entity: 'scenario',
      entityId: before.scenarioId,
      summary: s,
      detail: { loan: before },
    })
  })()
}
