import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedInspectionRecords } from '../../modules/enforcement';
import { createTestApp, type TestApp } from '../../test/harness';
import { up } from './070-enforcement-inspection-segments';

// SQLite: inspection rows stored before 070 move into segments — every record, its values as they were — and the row
// table is gone, so no query can read a stale copy. (PostgreSQL keeps its table: up() does nothing there.)
describe('migration 070: inspections into segments [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('moves every stored inspection into segments and drops the table', async () => {
    const { db } = t.handle;
    // the state before 070: the row table of migration 030 with records, no segments table
    await sql`drop table enforcement_inspection_segments`.execute(db);
    await sql`create table enforcement_inspections (target_credit_code text not null, id text not null primary key, agency_code text not null, officer_id text not null, field text not null, kind text not null, plan_id text, joint_id text, inspected_on text not null, found_problem integer not null, duration_minutes integer, import_job_id text) without rowid`.execute(db);
    const rows = Array.from({ length: 1500 }, (_, i) => ({ target_credit_code: `9111010200000000${i % 7}X`, id: `M-${String(i).padStart(5, '0')}`, agency_code: i % 2 ? 'AG-A' : 'AG-B', officer_id: `O-${i % 5}`, field: i % 3 ? 'urban' : 'market', kind: ['plan', 'random', 'complaint', 'special', 'other'][i % 5]!, plan_id: i % 4 ? `P-${i % 3}` : null, joint_id: i % 9 ? null : `J-${i}`, inspected_on: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`, found_problem: i % 2, duration_minutes: i % 10 ? i % 600 : null, import_job_id: null }));
    for (let i = 0; i < rows.length; i += 100) {
      const chunk = rows.slice(i, i + 100);
      await sql`insert into enforcement_inspections values ${sql.join(chunk.map((r) => sql`(${sql.join(Object.values(r))})`))}`.execute(db);
    }
    await up(db);
    const tables = await sql<{ name: string }>`select name from sqlite_schema where type = 'table' and name like 'enforcement_inspection%'`.execute(db);
    expect(tables.rows.map((r) => r.name).sort()).toEqual(['enforcement_inspection_plans', 'enforcement_inspection_segments']);
    await db.updateTable('enforcementState').set((eb) => ({ value: eb('value', '+', 1) })).where('key', '=', 'inspections_version').execute();
    const stored = await storedInspectionRecords(t.handle);
    const want = rows.map((r) => ({ id: r.id, targetCreditCode: r.target_credit_code, agencyCode: r.agency_code, officerId: r.officer_id, field: r.field, kind: r.kind, planId: r.plan_id, jointId: r.joint_id, inspectedOn: r.inspected_on, foundProblem: r.found_problem, durationMinutes: r.duration_minutes, importJobId: null }));
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect([...stored].sort(byId)).toEqual(want.sort(byId));
  });
});
