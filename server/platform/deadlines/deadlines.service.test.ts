import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, getRule } from '../../../common/deadlines';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';
import type { Database } from '../../db';
import type { Actor } from '../identity';

const cal = createOfficialCalendar();
const DECISION = 'reconsideration.decision'; // R12: 60 CAL, at most +30 CAL (行政复议法 Art. 62)

// The register's writes (close, pause, resume, extend, reassign): recomputed through common/deadlines, journalled,
// and the cached list totals dropped at once — on SQLite and PostgreSQL.
for (const dialect of DIALECTS) {
  describe(`deadline register writes [${dialect}]`, () => {
    let t: TestApp;
    let handler: Actor;
    let other: Actor;
    let seq = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2025-10-20T02:00:00.000Z' });
      const { db } = t.handle;
      const load = async (username: string) => (await t.services.auth.loadActor((await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id))!;
      handler = await load('fy.handler1');
      other = await load('fy.handler2');
    });
    afterAll(async () => t?.close());

    const open = (start = '2025-10-09', ruleId = DECISION) =>
      t.handle.db.transaction().execute((trx) =>
        t.services.deadlines.open(trx, { module: 'test', objectType: 'testObject', objectId: `O-${++seq}`, title: `测试 ${seq}`, ruleId, startDate: start, departmentId: handler.departmentId, assigneeId: handler.userId }),
      );
    const inTrx = <T>(fn: (trx: Transaction<Database>) => Promise<T>) => t.handle.db.transaction().execute(fn);
    const row = (id: string) => t.handle.db.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const journal = (id: string) => t.handle.db.selectFrom('deadlineJournal').select(['oldDue', 'newDue', 'reason']).where('deadlineId', '=', id).orderBy('at', 'asc').execute();
    const todo = (q: Record<string, unknown> = {}) => t.services.deadlines.list(handler, { status: 'open', module: 'test', sort: 'due', page: 1, pageSize: 200, ...q } as never);

    it('close: met or cancelled; a closed deadline cannot change again; the list total is exact at once', async () => {
      const id = await open();
      const before = (await todo()).total;
      await inTrx((trx) => t.services.deadlines.close(trx, id, 'met'));
      expect((await row(id)).status).toBe('met');
      // same clock instant (inside the 5 s cache window): the cached total was dropped by the write
      expect((await todo()).total).toBe(before - 1);
      await expect(inTrx((trx) => t.services.deadlines.close(trx, id, 'cancelled'))).rejects.toMatchObject({ code: 'DEADLINE_NOT_OPEN' });
      await expect(inTrx((trx) => t.services.deadlines.close(trx, 'missing', 'met'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('pause: no due date while the clock stops, journalled; the to-do list shows it neither overdue nor due soon', async () => {
      const id = await open('2025-08-01'); // due 2025-09-30: overdue on 2025-10-20
      expect((await row(id)).dueDate).toBe('2025-09-30');
      const overdue = async () => (await todo({ dueBefore: '2025-10-19' })).data.map((d) => d.id);
      expect(await overdue()).toContain(id);
      const change = await inTrx((trx) => t.services.deadlines.pause(trx, id, '2025-09-01', { reason: '中止审理', article: '《中华人民共和国行政复议法》第三十九条', note: '测试 中止' }));
      expect(change).toMatchObject({ oldDue: '2025-09-30', dueDate: null, flags: ['PAUSED'] });
      const r = await row(id);
      expect(r.dueDate).toBeNull();
      expect(JSON.parse(r.pauses)).toEqual([{ from: '2025-09-01', to: null, reason: '中止审理', article: '《中华人民共和国行政复议法》第三十九条' }]);
      expect(await journal(id)).toEqual([{ oldDue: '2025-09-30', newDue: null, reason: '测试 中止' }]);
      expect(await overdue()).not.toContain(id);
      const item = (await todo()).data.find((d) => d.id === id)!;
      expect(item).toMatchObject({ dueDate: null, daysLeft: null, flags: ['PAUSED'] });
      // the detail still explains the computation as of today
      const detail = await t.services.deadlines.get(handler, id);
      expect(detail.steps.some((s) => s.code === 'PAUSE')).toBe(true);
      // a second open pause is refused
      await expect(inTrx((trx) => t.services.deadlines.pause(trx, id, '2025-09-10', { reason: 'x', note: 'x' }))).rejects.toMatchObject({ code: 'DEADLINE_PAUSE_STATE' });
    });

    it('resume: the pause ends the day before; the due date moves by the paused days and is journalled', async () => {
      const id = await open('2025-10-09'); // R12: 2025-12-08
      await inTrx((trx) => t.services.deadlines.pause(trx, id, '2025-10-20', { reason: '中止审理', note: '中止' }));
      await expect(inTrx((trx) => t.services.deadlines.resume(trx, id, '2025-10-19', { note: 'x' }))).rejects.toMatchObject({ code: 'DEADLINE_PAUSE_STATE' });
      const change = await inTrx((trx) => t.services.deadlines.resume(trx, id, '2025-10-30', { note: '恢复' }));
      // paused 2025-10-20 … 2025-10-29 (10 days)
      const expected = computeDeadline(cal, getRule(DECISION), { start: '2025-10-09', pauses: [{ from: '2025-10-20', to: '2025-10-29', reason: '中止审理' }] }).due;
      expect(expected).toBe('2025-12-18');
      expect(change).toMatchObject({ oldDue: null, dueDate: '2025-12-18', flags: [] });
      expect((await journal(id)).map((j) => [j.oldDue, j.newDue, j.reason])).toEqual([
        ['2025-12-08', null, '中止'],
        [null, '2025-12-18', '恢复'],
      ]);
      await expect(inTrx((trx) => t.services.deadlines.resume(trx, id, '2025-11-01', { note: 'x' }))).rejects.toMatchObject({ code: 'DEADLINE_PAUSE_STATE' });
      // resumed on the day it was paused: no day lost, the pause is dropped
      const same = await open('2025-10-09');
      await inTrx((trx) => t.services.deadlines.pause(trx, same, '2025-10-20', { reason: '中止', note: '中止' }));
      await inTrx((trx) => t.services.deadlines.resume(trx, same, '2025-10-20', { note: '恢复' }));
      expect(await row(same)).toMatchObject({ dueDate: '2025-12-08', pauses: '[]' });
    });

    it('extend: an approved extension moves the due date; the statutory cap is enforced by the engine', async () => {
      const id = await open('2025-10-09');
      const ext = { length: 30, unit: 'CAL' as const, reason: '情况复杂', approvedOn: '2025-10-20', article: '《中华人民共和国行政复议法》第六十二条第一款' };
      const change = await inTrx((trx) => t.services.deadlines.extend(trx, id, ext, { note: '延期' }));
      expect(change).toMatchObject({ oldDue: '2025-12-08', dueDate: '2026-01-07' });
      expect(JSON.parse((await row(id)).extensions)).toEqual([ext]);
      expect(await journal(id)).toEqual([{ oldDue: '2025-12-08', newDue: '2026-01-07', reason: '延期' }]);
      // more than 30 days in all (Art. 62 ¶1): refused, nothing written
      await expect(inTrx((trx) => t.services.deadlines.extend(trx, id, { ...ext, length: 1 }, { note: 'x' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect((await row(id)).dueDate).toBe('2026-01-07');
      expect(await journal(id)).toHaveLength(1);
    });

    it('reassign: every open deadline of the object moves; closed ones stay; the lists follow at once', async () => {
      const a = await open('2025-10-09');
      const objectId = (await row(a)).objectId;
      const b = await t.handle.db.transaction().execute((trx) =>
        t.services.deadlines.open(trx, { module: 'test', objectType: 'testObject', objectId, title: '同一对象', ruleId: 'reconsideration.copyToRespondent', startDate: '2025-10-09', departmentId: handler.departmentId, assigneeId: handler.userId }),
      );
      await inTrx((trx) => t.services.deadlines.close(trx, b, 'met'));
      const c = await t.handle.db.transaction().execute((trx) =>
        t.services.deadlines.open(trx, { module: 'test', objectType: 'testObject', objectId, title: '同一对象', ruleId: 'reconsideration.respondentReply', startDate: '2025-10-16', departmentId: handler.departmentId, assigneeId: handler.userId }),
      );
      const otherBefore = (await t.services.deadlines.list(other, { status: 'open', module: 'test', sort: 'due', page: 1, pageSize: 200 } as never)).total;
      const moved = await inTrx((trx) => t.services.deadlines.reassign(trx, 'testObject', objectId, other.userId));
      expect(moved).toBe(2);
      expect((await row(a)).assigneeId).toBe(other.userId);
      expect((await row(c)).assigneeId).toBe(other.userId);
      expect((await row(b)).assigneeId).toBe(handler.userId);
      expect((await t.services.deadlines.list(other, { status: 'open', module: 'test', sort: 'due', page: 1, pageSize: 200 } as never)).total).toBe(otherBefore + 2);
    });

    it('a calendar recomputation leaves a paused deadline without a due date', async () => {
      const id = await open('2025-10-09');
      await inTrx((trx) => t.services.deadlines.pause(trx, id, '2025-10-15', { reason: '中止', note: '中止' }));
      await t.services.deadlines.recomputeOpen(cal, '测试：日历变更');
      expect((await row(id)).dueDate).toBeNull();
    });

    it('a failed transaction leaves the deadline as it was', async () => {
      const id = await open('2025-10-09');
      await expect(
        t.handle.db.transaction().execute(async (trx) => {
          await t.services.deadlines.pause(trx, id, '2025-10-15', { reason: '中止', note: '中止' });
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await row(id)).toMatchObject({ dueDate: '2025-12-08', pauses: '[]' });
      expect(await journal(id)).toEqual([]);
    });
  });
}
