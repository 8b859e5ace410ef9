import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import type { Actor } from '../identity';
import { type DeadlineFilter, type DeadlineRepo, kyselyRepo, sqliteRepo } from './deadlines.repo';

// The SQLite statements of the deadline register against the Kysely queries they stand in for (the same Kysely
// queries serve PostgreSQL): same rows, same order, same totals, for every kind of data scope and filter.
describe('deadline register: SQLite statements give what the Kysely queries give', () => {
  let t: TestApp;
  let fast: DeadlineRepo;
  let reference: DeadlineRepo;
  const actors: Record<string, Actor> = {};
  let someDept = '';
  let someAssignee = '';

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    const { db } = t.handle;
    fast = sqliteRepo(db, t.handle.sqlite!);
    reference = kyselyRepo(db);
    for (const username of ['fy.handler1', 'fy.head', 'leader', 'sfs.xicha', 'hfx.head']) {
      const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      actors[username] = (await t.services.auth.loadActor(u.id))!;
    }
    // More rows: every module and status, shared due dates (ties broken by id), no due date at all.
    const users = await db.selectFrom('users').select(['id', 'departmentId']).execute();
    const modules = ['reconsideration', 'legalityReview', 'enforcement'];
    const now = '2025-09-26T02:00:00.000Z';
    const rows = Array.from({ length: 240 }, (_, i) => {
      const u = users[i % users.length]!;
      return {
        id: randomUUID(),
        module: modules[i % 3]!,
        objectType: 'test',
        objectId: `T-${i}`,
        title: `测试期限 ${i}`,
        ruleId: 'reconsideration.decision',
        startDate: '2025-09-01',
        pauses: '[]',
        extensions: '[]',
        dueDate: i % 17 === 0 ? null : `2025-10-${String(1 + (i % 9)).padStart(2, '0')}`,
        status: i % 4 === 0 ? 'met' : 'open',
        flags: i % 5 === 0 ? '["CALENDAR_YEAR_UNPUBLISHED"]' : '[]',
        departmentId: u.departmentId,
        assigneeId: i % 7 === 0 ? null : u.id,
        computedAt: now,
        createdAt: now,
        updatedAt: now,
      };
    });
    await db.insertInto('deadlines').values(rows).execute();
    someDept = actors['fy.head']!.departmentId;
    someAssignee = actors['fy.handler1']!.userId;
  });
  afterAll(async () => t?.close());

  const filters = (): DeadlineFilter[] => [
    { status: 'open' },
    { status: 'met' },
    { status: 'open', module: 'reconsideration' },
    { status: 'open', module: 'enforcement', dueBefore: '2025-10-05' },
    { status: 'open', departmentId: someDept },
    { status: 'open', assigneeId: someAssignee, module: 'legalityReview' },
    { status: 'cancelled' },
  ];

  it('lists the same page, in the same order, with the same total', async () => {
    let compared = 0;
    for (const [name, actor] of Object.entries(actors)) {
      for (const f of filters()) {
        expect(await fast.count(actor, f), `${name} ${JSON.stringify(f)}`).toBe(await reference.count(actor, f));
        for (const dir of ['asc', 'desc'] as const) {
          for (const p of [{ limit: 20, offset: 0 }, { limit: 7, offset: 7 }, { limit: 5, offset: 10_000 }]) {
            const key = `${name} ${JSON.stringify(f)} ${dir} ${JSON.stringify(p)}`;
            expect(await fast.page(actor, f, { dir, ...p }), key).toEqual(await reference.page(actor, f, { dir, ...p }));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(5 * 7 * 2 * 3);
    // not vacuous: the leader's open list has rows
    expect((await fast.page(actors.leader!, { status: 'open' }, { dir: 'asc', limit: 500, offset: 0 })).length).toBeGreaterThan(100);
  });

  it('reads a deadline with its latest journal entries, newest first', async () => {
    const { db } = t.handle;
    const d = await db.selectFrom('deadlines').select('id').where('objectType', '=', 'test').executeTakeFirstOrThrow();
    for (const at of ['2025-09-02T00:00:00.000Z', '2025-09-05T00:00:00.000Z', '2025-09-01T00:00:00.000Z', '2025-09-04T00:00:00.000Z']) {
      await db.insertInto('deadlineJournal').values({ id: randomUUID(), deadlineId: d.id, at, oldDue: '2025-10-01', newDue: '2025-10-02', reason: `变更 ${at}` }).execute();
    }
    const got = await fast.findWithJournal(d.id, 3);
    expect(got).toEqual(await reference.findWithJournal(d.id, 3));
    expect(got!.journal.map((j) => j.at.slice(0, 10))).toEqual(['2025-09-05', '2025-09-04', '2025-09-02']);
    expect(await fast.findWithJournal('missing', 3)).toBeUndefined();
  });

  it('waits for an open transaction instead of reading its uncommitted rows', async () => {
    const { db } = t.handle;
    const actor = actors.leader!;
    const before = await fast.count(actor, { status: 'open' });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const trx = db
      .transaction()
      .execute(async (trx) => {
        const dept = await trx.selectFrom('departments').select('id').executeTakeFirstOrThrow();
        const now = '2025-09-26T02:00:00.000Z';
        await trx.insertInto('deadlines').values({ id: randomUUID(), module: 'x', objectType: 'test', objectId: 'uncommitted', title: '未提交', ruleId: 'reconsideration.decision', startDate: '2025-09-01', pauses: '[]', extensions: '[]', dueDate: '2025-01-01', status: 'open', flags: '[]', departmentId: dept.id, assigneeId: null, computedAt: now, createdAt: now, updatedAt: now }).execute();
        inserted();
        await gate;
        throw new Error('roll back');
      })
      .catch(() => 'rolled back');
    await insertedP;
    let counted: number | undefined;
    const counting = fast.count(actor, { status: 'open' }).then((n) => (counted = n));
    await new Promise((r) => setTimeout(r, 20));
    expect(counted).toBeUndefined(); // still waiting for the transaction
    release();
    expect(await trx).toBe('rolled back');
    await counting;
    expect(counted).toBe(before);
  });
});
