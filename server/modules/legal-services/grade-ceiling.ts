/**
 * Keeps integrity grades consistent with the year's supervision results (rules.ts gradeCeiling, the bureau's rule
 * marked 待核实): reads the year's facts — annual assessment, published 双随机 findings, substantiated complaints —
 * and, when a new fact lowers the ceiling, lowers that year's grade (and the institution's current grade) to it, with
 * a note in the grade's basis and an audit entry. Used by the registers (assessment, complaint result) and by the
 * draws (publication of findings).
 */
import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/identity';
import type { Meta } from './legal-aid.service';
import { GRADE_CEILING_SHORT, type GradeFacts, type IntegrityGrade, gradeAbove, gradeCeiling, worseGrade } from './rules';
import './tables';

type Trx = Transaction<Database>;

/** The facts of one institution and year that bound its grade. */
export async function gradeFacts(q: Db | Trx, institutionId: string, year: number): Promise<GradeFacts> {
  const a = await q.selectFrom('legalServiceAssessments').select('result').where('institutionId', '=', institutionId).where('year', '=', year).executeTakeFirst();
  const draws = await q.selectFrom('legalServiceDraws').select(['findings']).where('status', '=', 'published').where('drawnOn', '>=', `${year}-01-01`).where('drawnOn', '<=', `${year}-12-31`).execute();
  const inspections = draws.map((d) => (JSON.parse(d.findings) as Record<string, { outcome: string } | undefined>)[institutionId]?.outcome).filter((o): o is string => !!o);
  const c = await q
    .selectFrom('legalServiceComplaints')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('institutionId', '=', institutionId)
    .where('status', '=', 'concluded')
    .where('result', 'in', ['substantiated', 'partly'])
    .where('concludedOn', '>=', `${year}-01-01`)
    .where('concludedOn', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return { assessment: a?.result ?? null, inspections, substantiatedComplaints: Number(c?.n ?? 0) };
}

/**
 * After a fact of `year` was recorded: lower the year's grade to the ceiling, and the institution's current grade
 * when no later year has been graded. Returns the ceiling applied (null when nothing changed).
 */
export async function applyGradeCeiling(trx: Trx, deps: { clock: Clock; audit: AuditService }, actor: Actor, meta: Meta, institutionId: string, year: number): Promise<IntegrityGrade | null> {
  const { ceiling, reasons } = gradeCeiling(await gradeFacts(trx, institutionId, year));
  if (ceiling === 'A') return null;
  const inst = await trx.selectFrom('legalServiceInstitutions').select(['integrityGrade']).where('id', '=', institutionId).executeTakeFirstOrThrow();
  const note = `${deps.clock.today()} 因 ${year} 年${reasons.join('、')}，按本局评定规则调整为 ${ceiling} 级（${GRADE_CEILING_SHORT}）`;
  const row = await trx.selectFrom('legalServiceIntegrityGrades').select(['id', 'grade', 'basis']).where('institutionId', '=', institutionId).where('year', '=', year).executeTakeFirst();
  let rowChanged = false;
  if (row && gradeAbove(row.grade as IntegrityGrade, ceiling)) {
    await trx.updateTable('legalServiceIntegrityGrades').set({ grade: ceiling, basis: `${row.basis}；${note}` }).where('id', '=', row.id).execute();
    rowChanged = true;
  }
  const later = await trx.selectFrom('legalServiceIntegrityGrades').select('grade').where('institutionId', '=', institutionId).where('year', '>', year).orderBy('year', 'desc').executeTakeFirst();
  const current = later ? (later.grade as IntegrityGrade) : worseGrade(inst.integrityGrade as IntegrityGrade, ceiling);
  if (!rowChanged && current === inst.integrityGrade) return null;
  if (current !== inst.integrityGrade) await trx.updateTable('legalServiceInstitutions').set({ integrityGrade: current, updatedAt: deps.clock.nowIso() }).where('id', '=', institutionId).execute();
  await deps.audit.record(
    { actor: { id: actor.userId, name: actor.displayName }, ip: meta.ip ?? null, requestId: meta.requestId ?? null, action: 'legalService.institution.gradeCapped', objectType: 'legalServiceInstitution', objectId: institutionId, before: { year, grade: row?.grade ?? null, integrityGrade: inst.integrityGrade }, after: { year, ceiling, reasons, integrityGrade: current } },
    trx,
  );
  return ceiling;
}
