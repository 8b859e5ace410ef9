import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../test/harness';
import { createDeadlineRepo, indexesOn } from './deadlines.repo';

// The recomputation after a calendar change, on enough rows that the SQLite branch takes its bulk path (the list
// indexes dropped and rebuilt inside the transaction, the journal written in multi-row statements), and on a few
// rows, where it maintains the indexes row by row. Both must leave the same data, and SQLite the same indexes.
for (const dialect of DIALECTS) {
  describe(`deadline recomputation in bulk [${dialect}]`, () => {
    let t: TestApp;
    const N = 12_000;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const { db } = t.handle;
      const dept = await db.selectFrom('departments').select('id').executeTakeFirstOrThrow();
      const now = '2025-09-26T02:00:00.000Z';
      const rows = Array.from({ length: N }, (_, i) => ({
        id: randomUUID(),
        module: i % 2 ? 'reconsideration' : 'enforcement',
        objectType: 'bulk',
        objectId: `B-${i}`,
        title: `批量期限 ${i}`,
        ruleId: 'reconsideration.decision',
        startDate: '2025-09-01',
        pauses: '[]',
        extensions: '[]',
        dueDate: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}`,
        status: i % 10 === 0 ? 'met' : 'open',
        flags: '[]',
        departmentId: dept.id,
        assigneeId: null,
        computedAt: now,
        createdAt: now,
        updatedAt: now,
      }));
      for (let i = 0; i < rows.length; i += 500) await db.insertInto('deadlines').values(rows.slice(i, i + 500)).execute();
    });
    afterAll(async () => t?.close());

    const schema = () => (t.handle.sqlite ? (t.handle.sqlite.prepare("select name, sql from sqlite_schema where type = 'index' and tbl_name = 'deadlines' order by name").all() as { name: string; sql: string | null }[]) : []);
    // A rebuilt index gets a new b-tree: its root page changes.
    const roots = () => (t.handle.sqlite ? (t.handle.sqlite.prepare("select name, rootpage from sqlite_schema where type = 'index' and tbl_name = 'deadlines' and sql like '%due_date%' order by name").all() as { name: string; rootpage: number }[]) : []);

    it('writes every changed row and journals each changed due date, in one go', async () => {
      const { db } = t.handle;
      const repo = createDeadlineRepo({ db, sqlite: t.handle.sqlite });
      const before = schema();
      const rootsBefore = roots();
      const open = await db.selectFrom('deadlines').select(['id', 'dueDate']).where('objectType', '=', 'bulk').where('status', '=', 'open').execute();
      expect(open.length).toBe(N - N / 10);
      // Every other row gets a new due date; every third a new flag only (no journal entry for those).
      const idxOf = new Map(open.map((o, i) => [o.id, i]));
      const res = await repo.recomputeOpen(
        (r) => {
          const idx = idxOf.get(r.id);
          if (idx === undefined) return undefined; // the demo district's own deadlines stay
          expect(r.pauses).toBe('[]');
          if (idx % 2 === 0) return { dueDate: `2026-01-${String(1 + (idx % 28)).padStart(2, '0')}`, flags: '[]' };
          if (idx % 3 === 0) return { dueDate: r.dueDate!, flags: '["CALENDAR_YEAR_UNPUBLISHED"]' };
          return undefined;
        },
        '2025-09-27T00:00:00.000Z',
        '测试：批量重算',
      );
      const moved = open.filter((_, i) => i % 2 === 0);
      expect(res.changedDeadlines).toBe(moved.length);
      expect(res.recomputed).toBeGreaterThanOrEqual(open.length);
      const after = new Map((await db.selectFrom('deadlines').select(['id', 'dueDate', 'flags', 'updatedAt']).where('objectType', '=', 'bulk').execute()).map((r) => [r.id, r]));
      open.forEach((o, i) => {
        const a = after.get(o.id)!;
        if (i % 2 === 0) expect(a.dueDate!.startsWith('2026-01-'), o.id).toBe(true);
        else expect(a.dueDate).toBe(o.dueDate);
        expect(a.flags).toBe(i % 2 !== 0 && i % 3 === 0 ? '["CALENDAR_YEAR_UNPUBLISHED"]' : '[]');
      });
      const journal = await db.selectFrom('deadlineJournal').select(['id', 'deadlineId', 'oldDue', 'newDue', 'reason']).where('reason', '=', '测试：批量重算').execute();
      expect(journal.length).toBe(moved.length);
      expect(new Set(journal.map((j) => j.id)).size).toBe(journal.length);
      const j0 = journal.find((j) => j.deadlineId === moved[0]!.id)!;
      expect(j0).toMatchObject({ oldDue: moved[0]!.dueDate, newDue: after.get(moved[0]!.id)!.dueDate });
      if (t.handle.sqlite) {
        // the bulk path was taken (5,400 rows, more than an eighth of the table, changed): the list indexes were built
        // afresh, with their own definitions
        expect(schema()).toEqual(before);
        expect(rootsBefore.length).toBeGreaterThanOrEqual(3);
        for (const r of roots()) expect(r.rootpage, r.name).not.toBe(rootsBefore.find((b) => b.name === r.name)!.rootpage);
        expect(indexesOn(t.handle.sqlite, 'deadlines', ['due_date']).length).toBeGreaterThanOrEqual(3);
        expect(t.handle.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const plan = t.handle.sqlite.prepare("explain query plan select id from deadlines where status = 'open' and department_id = ? order by due_date, id limit 20").all('x') as { detail: string }[];
        expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX deadlines_/);
      }
    });

    it('a few changes take the row-by-row path with the same result', async () => {
      const { db } = t.handle;
      const repo = createDeadlineRepo({ db, sqlite: t.handle.sqlite });
      const target = await db.selectFrom('deadlines').select(['id', 'dueDate']).where('objectType', '=', 'bulk').where('status', '=', 'open').orderBy('id').limit(3).execute();
      const before = schema();
      const rootsBefore = roots();
      const res = await repo.recomputeOpen((r) => (target.some((x) => x.id === r.id) ? { dueDate: '2027-03-03', flags: '[]' } : undefined), '2025-09-28T00:00:00.000Z', '测试：少量重算');
      expect(res.changedDeadlines).toBe(target.filter((x) => x.dueDate !== '2027-03-03').length);
      expect(schema()).toEqual(before);
      expect(roots()).toEqual(rootsBefore); // maintained in place, not rebuilt
      const rows = await db.selectFrom('deadlines').select('dueDate').where('id', 'in', target.map((x) => x.id)).execute();
      expect(rows.every((r) => r.dueDate === '2027-03-03')).toBe(true);
    });
  });
}
