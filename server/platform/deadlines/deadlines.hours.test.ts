import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar, OFFICIAL_SCHEDULES } from '../../../common/calendar';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';
import type { Actor } from '../identity';

const ARREST = 'corrections.arrestDecision'; // C7: 48 hours (社区矫正法 Art. 47 ¶2)
const MONITORING = 'corrections.electronicMonitoring'; // C5: ≤ 3 months (Art. 29), a month rule

// Hour-level (migration 004) and month deadlines on the register: stored due instant, overdue by the instant, the
// explanation, the calendar recomputation leaving hour deadlines alone — on SQLite and PostgreSQL.
for (const dialect of DIALECTS) {
  describe(`deadline register: hour and month rules [${dialect}]`, () => {
    let t: TestApp;
    let handler: Actor;
    let seq = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-11-27T06:30:00.000Z' }); // 14:30 Beijing
      const { db } = t.handle;
      handler = (await t.services.auth.loadActor((await db.selectFrom('users').select('id').where('username', '=', 'fy.handler1').executeTakeFirstOrThrow()).id))!;
    });
    afterAll(async () => t?.close());

    const open = (ruleId: string, startDate: string, startAt?: string) =>
      t.handle.db.transaction().execute((trx) =>
        t.services.deadlines.open(trx, { module: 'hourtest', objectType: 'testObject', objectId: `H-${++seq}`, title: `测试 ${seq}`, ruleId, startDate, ...(startAt ? { startAt } : {}), departmentId: handler.departmentId, assigneeId: handler.userId }),
      );
    const todo = async () => (await t.services.deadlines.list(handler, { status: 'open', module: 'hourtest', sort: 'due', page: 1, pageSize: 200 } as never)).data;

    it('stores the start event and the due instant as UTC text; the due date is its Beijing date', async () => {
      const id = await open(ARREST, '2026-11-27', '2026-11-27T14:23:00+08:00');
      const r = await t.handle.db.selectFrom('deadlines').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(r).toMatchObject({ startAt: '2026-11-27T06:23:00.000Z', dueAt: '2026-11-29T07:00:00.000Z', dueDate: '2026-11-29', flags: '[]' });
      const item = (await todo()).find((d) => d.id === id)!;
      // 2026-11-27 14:30 → 2026-11-29 15:00 Beijing: 48.5 hours left
      expect(item).toMatchObject({ dueAt: '2026-11-29T07:00:00.000Z', startAt: '2026-11-27T06:23:00.000Z', hoursLeft: 48, daysLeft: 2, overdue: false, ruleTitle: '人民法院作出是否逮捕决定期限', citation: '《中华人民共和国社区矫正法》第四十七条第二款' });
      const detail = await t.services.deadlines.get(handler, id);
      expect(detail.steps.map((s) => s.code)).toEqual(['RULE', 'START', 'COUNT', 'DUE']);
      expect(detail.steps.at(-1)?.text).toBe('期限届满时刻为 2026-11-29 15:00（北京时间）');
    });

    it('is overdue once the due instant has passed, although its due day has not ended', async () => {
      const id = await open(ARREST, '2026-11-25', '2026-11-25T09:10:00+08:00'); // due 2026-11-27 10:00 Beijing
      const item = (await todo()).find((d) => d.id === id)!;
      expect(item).toMatchObject({ dueDate: '2026-11-27', daysLeft: 0, overdue: true, hoursLeft: -5 });
      // a day deadline due today is not overdue
      const day = await open('corrections.offenderReport', '2026-11-17'); // 10 CAL → 2026-11-27
      expect((await todo()).find((d) => d.id === day)).toMatchObject({ dueDate: '2026-11-27', daysLeft: 0, overdue: false, dueAt: null, hoursLeft: null });
      const past = await open('corrections.offenderReport', '2026-11-10'); // → 2026-11-20: overdue
      // the overdue filter (the workbench's 已逾期 count) takes both kinds: SQLite statements and Kysely alike
      const overdue = await t.services.deadlines.list(handler, { status: 'open', module: 'hourtest', overdue: '1', sort: 'due', page: 1, pageSize: 200 } as never);
      expect(overdue.data.map((d) => d.id)).toEqual(expect.arrayContaining([id, past]));
      expect(overdue.data.map((d) => d.id)).not.toContain(day);
      expect(overdue.data.every((d) => d.overdue)).toBe(true);
      expect(overdue.total).toBe(overdue.data.length);
    });

    it('an hour rule needs a valid start instant; pausing it is refused; nothing is written', async () => {
      const before = (await todo()).length;
      await expect(open(ARREST, '2026-11-27')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(open(ARREST, '2026-11-27', '2026-11-27 14:00')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await todo()).toHaveLength(before);
      const id = await open(ARREST, '2026-11-27', '2026-11-27T08:00:00+08:00');
      await expect(t.handle.db.transaction().execute((trx) => t.services.deadlines.pause(trx, id, '2026-11-27', { reason: '中止', note: 'x' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('a month rule (C5) opens on the register with its explanation', async () => {
      const id = await open(MONITORING, '2026-08-29'); // + 3 months = 2026-11-29 (Sunday) → 2026-11-30
      const item = (await todo()).find((d) => d.id === id)!;
      expect(item).toMatchObject({ dueDate: '2026-11-30', ruleTitle: '电子定位装置使用期限', citation: '《中华人民共和国社区矫正法》第二十九条第二款', dueAt: null });
      expect((await t.services.deadlines.get(handler, id)).steps[0]?.text).toContain('电子定位装置使用期限为 3 个月');
    });

    it('a calendar change recomputes month and day deadlines but leaves the hour deadlines as they are', async () => {
      const hour = await open(ARREST, '2026-11-27', '2026-11-27T14:23:00+08:00');
      const month = await open(MONITORING, '2026-08-29');
      // a fictional extra day off on Monday 2026-11-30 (the month deadline's due day) and on the hour deadline's day
      const edited = new WorkCalendar(OFFICIAL_SCHEDULES.map((y) => (y.year === 2026 ? { ...y, days: [...y.days, { date: '2026-11-30', kind: 'off' as const, holiday: '测试' }, { date: '2026-11-29', kind: 'off' as const, holiday: '测试' }] } : y)));
      await t.services.deadlines.recomputeOpen(edited, 'test');
      const rows = await t.handle.db.selectFrom('deadlines').select(['id', 'dueDate', 'dueAt']).where('id', 'in', [hour, month]).execute();
      expect(rows.find((r) => r.id === hour)).toMatchObject({ dueDate: '2026-11-29', dueAt: '2026-11-29T07:00:00.000Z' });
      expect(rows.find((r) => r.id === month)?.dueDate).toBe('2026-12-01');
      await t.services.deadlines.recomputeOpen(await t.services.calendar.current(), 'test back');
    });
  });
}
