import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, getRule } from '../../../common/deadlines';

const RULE = 'corrections.termEnd';
const CHUNK = 200;

/**
 * C8 (社区矫正法 Art. 44) on the deadline register for the subjects registered before it was (new subjects get it when
 * they are registered): one deadline per subject without one, due on the last day of the term (the next working day
 * when that is a day off), assigned to the first named 责任人; open while the subject is under correction, met when
 * released at the end of term, cancelled when the correction ended otherwise. The due date is computed by the deadline
 * engine on the official holiday schedules (flagged when a year is unpublished); the next calendar change recomputes it
 * with the bureau's own calendar like every open deadline. Plain queries only (SQLite and PostgreSQL); rerunnable.
 */
export async function up(migrationDb: Kysely<any>): Promise<void> {
  const db = migrationDb.withoutPlugins();
  const cal = createOfficialCalendar();
  const rule = getRule(RULE);
  const subjects = (await db
    .selectFrom('correction_subjects as s')
    .select(['s.id', 's.department_id', 's.term_end', 's.status'])
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('deadlines as d').select('d.id').whereRef('d.object_id', '=', 's.id').where('d.object_type', '=', 'correctionSubject').where('d.rule_id', '=', RULE))))
    .orderBy('s.id')
    .execute()) as { id: string; department_id: string; term_end: string; status: string }[];
  if (!subjects.length) return;
  const staff = (await db.selectFrom('correction_staff').select(['subject_id', 'user_id', 'created_at']).orderBy('created_at').execute()) as { subject_id: string; user_id: string }[];
  const firstStaff = new Map<string, string>();
  for (const s of staff) if (!firstStaff.has(s.subject_id)) firstStaff.set(s.subject_id, s.user_id);
  const now = new Date().toISOString();
  const rows = subjects.map((s) => {
    const res = computeDeadline(cal, rule, { start: s.term_end, onUnpublished: 'flag', explain: false });
    const status = s.status === 'released' ? 'met' : s.status === 'ended' ? 'cancelled' : 'open';
    return {
      id: randomUUID(), module: 'corrections', object_type: 'correctionSubject', object_id: s.id, title: `社区矫正档案 ${s.id.slice(0, 8)} ${rule.title}`, rule_id: RULE, start_date: s.term_end,
      pauses: '[]', extensions: '[]', due_date: res.due, status, flags: JSON.stringify(res.flags), department_id: s.department_id, assignee_id: firstStaff.get(s.id) ?? null, computed_at: now, created_at: now, updated_at: now,
    };
  });
  for (let i = 0; i < rows.length; i += CHUNK) await db.insertInto('deadlines').values(rows.slice(i, i + CHUNK)).execute();
}

/** Nothing to undo safely: the deadlines stay (they are the register's, with their journal). */
export async function down(): Promise<void> {}
