import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { addPeriod } from '../../../common/deadlines';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { createDb, migrateToLatest } from '../../db';
import { setupDatabase } from '../../setup';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';
import { type ReminderMessage, type ReminderRun, SIGNATURE_HEADER, scheduleReminders, TIMESTAMP_HEADER, createLogChannel, createSmsGatewayChannel, signBody } from '.';

const SECRET = 'test-gateway-secret-0123456789';

/** A local SMS gateway: records every request it receives, answers with `status`. */
async function startGateway() {
  const received: { headers: Record<string, unknown>; raw: string }[] = [];
  const state = { status: 200 };
  const app: FastifyInstance = Fastify();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/sms', async (req, reply) => {
    received.push({ headers: req.headers, raw: req.body as string });
    return reply.code(state.status).send({ accepted: state.status === 200 });
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${address}/sms`, received, state, close: () => app.close() };
}
const messages = (g: Awaited<ReturnType<typeof startGateway>>) => g.received.map((r) => JSON.parse(r.raw) as ReminderMessage);

const sample: ReminderMessage = {
  type: 'deadlineReminder',
  assigneeId: 'u-1',
  date: '2026-06-01',
  items: [{ caseNo: '西复〔2026〕1号', kind: 'reconsideration.decision', dueDate: '2026-06-03', overdue: false }],
  text: '【法治】您有 1 项期限待办',
};

describe('notification channels', () => {
  let gw: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    gw = await startGateway();
  });
  afterAll(async () => gw?.close());
  beforeEach(() => {
    gw.received.length = 0;
    gw.state.status = 200;
  });

  it('the SMS gateway adapter POSTs the message as JSON, signed with HMAC-SM3 over timestamp and body', async () => {
    const now = Date.parse('2026-06-01T02:00:00.000Z');
    await createSmsGatewayChannel({ url: gw.url, secret: SECRET, now: () => now }).send(sample);
    expect(gw.received).toHaveLength(1);
    const [r] = gw.received;
    expect(JSON.parse(r!.raw)).toEqual(sample);
    expect(r!.headers[TIMESTAMP_HEADER]).toBe(String(now / 1000));
    expect(r!.headers[SIGNATURE_HEADER]).toBe(`hmac-sm3=${signBody(SECRET, String(now / 1000), r!.raw)}`);
    // a wrong secret gives another signature: the gateway can tell
    expect(r!.headers[SIGNATURE_HEADER]).not.toBe(`hmac-sm3=${signBody('another-secret-0000000', String(now / 1000), r!.raw)}`);
  });

  it('a refusal or an unreachable gateway is NOTIFY_SEND_FAILED', async () => {
    gw.state.status = 503;
    const ch = createSmsGatewayChannel({ url: gw.url, secret: SECRET, now: () => Date.now() });
    await expect(ch.send(sample)).rejects.toMatchObject({ code: 'NOTIFY_SEND_FAILED', details: { status: 503 } });
    const dead = createSmsGatewayChannel({ url: 'http://127.0.0.1:9/sms', secret: SECRET, now: () => Date.now() });
    await expect(dead.send(sample)).rejects.toMatchObject({ code: 'NOTIFY_SEND_FAILED' });
  });

  it('the default channel writes one structured line: user id, case numbers, kinds, due dates only', async () => {
    const lines: { obj: Record<string, unknown>; msg: string }[] = [];
    await createLogChannel({ info: (obj, msg) => lines.push({ obj, msg }) }).send({ ...sample, text: '含有文字的短信正文' });
    expect(lines).toEqual([{ obj: { event: 'deadlineReminder', assigneeId: 'u-1', date: '2026-06-01', items: sample.items }, msg: 'deadline reminder' }]);
  });

  it('the SMS channel needs its URL and secret from the configuration', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: tmpdir(), FAZHI_NOTIFY_CHANNEL: 'sms' } as NodeJS.ProcessEnv)).toThrow(/FAZHI_SMS_GATEWAY_URL/);
    const c = loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: tmpdir(), FAZHI_NOTIFY_CHANNEL: 'sms', FAZHI_SMS_GATEWAY_URL: gw.url, FAZHI_SMS_GATEWAY_SECRET: SECRET } as NodeJS.ProcessEnv);
    expect(c.notify).toEqual({ channel: 'sms', smsGatewayUrl: gw.url, smsGatewaySecret: SECRET, reminderWorkingDays: 3, reminderIntervalMinutes: 0 });
    expect(loadConfig({ NODE_ENV: 'development', FAZHI_DATA_DIR: tmpdir() } as NodeJS.ProcessEnv).notify).toMatchObject({ channel: 'log', reminderIntervalMinutes: 60 });
  });
});

const cal = createOfficialCalendar();

for (const dialect of DIALECTS) {
  describe(`runDeadlineReminders [${dialect}]`, () => {
    let gw: Awaited<ReturnType<typeof startGateway>>;
    let t: TestApp;
    let h2 = '';
    let dept = '';
    let caseId = '';
    let caseNo = '';
    let seq = 0;

    beforeAll(async () => {
      gw = await startGateway();
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z', env: { FAZHI_NOTIFY_CHANNEL: 'sms', FAZHI_SMS_GATEWAY_URL: gw.url, FAZHI_SMS_GATEWAY_SECRET: SECRET } });
      const u = await t.handle.db.selectFrom('users').select(['id', 'departmentId']).where('username', '=', 'fy.handler2').executeTakeFirstOrThrow();
      h2 = u.id;
      dept = u.departmentId;
      const c = await t.handle.db.selectFrom('reconsiderationCases').select(['id', 'caseNo']).where('handlerId', '=', h2).executeTakeFirstOrThrow();
      caseId = c.id;
      caseNo = c.caseNo;
    });
    afterAll(async () => {
      await t?.close();
      await gw?.close();
    });

    /** A deadline of the 30-day rule (R13) due `start` + 30 days (working days stay put). */
    const open = (start: string, over: { assigneeId?: string | null; objectType?: string; objectId?: string } = {}) =>
      t.handle.db.transaction().execute((trx) =>
        t.services.deadlines.open(trx, { module: 'test', objectType: over.objectType ?? 'testObject', objectId: over.objectId ?? `T-${++seq}`, title: '测试期限', ruleId: 'reconsideration.decisionSimplified', startDate: start, departmentId: dept, assigneeId: over.assigneeId === undefined ? h2 : over.assigneeId }),
      );
    const dueOf = async (id: string) => (await t.handle.db.selectFrom('deadlines').select('dueDate').where('id', '=', id).executeTakeFirstOrThrow()).dueDate;

    it('due within 3 working days or overdue, one message per assignee, at most once per deadline per day', async () => {
      const today = '2026-06-01';
      const until = addPeriod(cal, { from: today, length: 3, unit: 'WD' }).due;
      expect(until).toBe('2026-06-04');
      const edge = await open('2026-05-05', { objectType: 'reconsiderationCase', objectId: caseId }); // due 2026-06-04: included
      const after = await open('2026-05-06'); // due 2026-06-05: one working day too far
      const overdue = await open('2026-04-01'); // due 2026-05-01 → after the May Day holiday: overdue
      const paused = await open('2026-05-05');
      await t.handle.db.transaction().execute((trx) => t.services.deadlines.pause(trx, paused, '2026-05-20', { reason: '中止', note: '测试中止' }));
      const nobody = await open('2026-05-05', { assigneeId: null });
      expect([await dueOf(edge), await dueOf(after), await dueOf(paused)]).toEqual(['2026-06-04', '2026-06-05', null]);
      expect((await dueOf(overdue))! < today).toBe(true);

      const run = await t.services.reminders.runDeadlineReminders();
      expect(run).toMatchObject({ date: today, dueUntil: until, failed: 0 });
      const sent = messages(gw);
      expect(run.messages).toBe(sent.length);
      // one message per assignee, each listing that assignee's deadlines
      const assignees = sent.map((m) => m.assigneeId);
      expect(new Set(assignees).size).toBe(assignees.length);
      const expected = await t.handle.db
        .selectFrom('deadlines')
        .select(['id', 'assigneeId'])
        .where('status', '=', 'open')
        .where('assigneeId', 'is not', null)
        .where('dueDate', '<=', until)
        .execute();
      expect(run.items).toBe(expected.length);
      expect(new Set(assignees)).toEqual(new Set(expected.map((e) => e.assigneeId)));
      const mine = sent.find((m) => m.assigneeId === h2)!;
      expect(mine.items).toContainEqual({ caseNo, kind: 'reconsideration.decisionSimplified', dueDate: '2026-06-04', overdue: false });
      expect(mine.items.filter((i) => i.dueDate === '2026-06-05')).toEqual([]);
      const overdueObject = (await t.handle.db.selectFrom('deadlines').select('objectId').where('id', '=', overdue).executeTakeFirstOrThrow()).objectId;
      expect(mine.items).toContainEqual({ caseNo: overdueObject, kind: 'reconsideration.decisionSimplified', dueDate: await dueOf(overdue), overdue: true });
      expect(mine.text).toMatch(/^【法治】您有 \d+ 项期限待办/);
      // nothing but the user id, case numbers, kinds and due dates
      for (const m of sent) {
        expect(Object.keys(m).sort()).toEqual(['assigneeId', 'date', 'items', 'text', 'type']);
        for (const i of m.items) expect(Object.keys(i).sort()).toEqual(['caseNo', 'dueDate', 'kind', 'overdue']);
      }
      const sends = await t.handle.db.selectFrom('notificationSends').select(['deadlineId', 'state']).where('sentOn', '=', today).execute();
      expect(sends.map((s) => s.deadlineId)).not.toContain(paused);
      expect(sends.map((s) => s.deadlineId)).not.toContain(nobody);
      expect(sends.find((s) => s.deadlineId === overdue)?.state).toBe('overdue');

      // the same day again: nothing new to say
      const again = await t.services.reminders.runDeadlineReminders();
      expect(again).toMatchObject({ candidates: 0, messages: 0 });
      expect(gw.received).toHaveLength(sent.length);
      // a new deadline that day: a message with that deadline only
      const fresh = await open('2026-05-04');
      const third = await t.services.reminders.runDeadlineReminders();
      expect(third).toMatchObject({ messages: 1, items: 1 });
      expect(messages(gw).at(-1)).toMatchObject({ assigneeId: h2, items: [{ dueDate: await dueOf(fresh) }] });
    });

    it('a refused message is not recorded and is sent on the next scan; the next day reminds again', async () => {
      t.clock.set('2026-06-02T01:00:00.000Z');
      gw.state.status = 500;
      const before = gw.received.length;
      const failed = await t.services.reminders.runDeadlineReminders();
      expect(failed.failed).toBeGreaterThan(0);
      expect(failed.messages).toBe(0);
      expect(gw.received.length - before).toBe(failed.failed);
      expect(await t.handle.db.selectFrom('notificationSends').select('id').where('sentOn', '=', '2026-06-02').execute()).toEqual([]);
      gw.state.status = 200;
      const retried = await t.services.reminders.runDeadlineReminders();
      expect(retried).toMatchObject({ failed: 0, messages: failed.failed });
      expect((await t.services.reminders.runDeadlineReminders()).messages).toBe(0);
    });

    it('in the server process the scan runs on its configured interval', async () => {
      t.clock.set('2026-06-03T01:00:00.000Z');
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        const results: ReminderRun[] = [];
        let done!: () => void;
        const first = new Promise<void>((r) => (done = r));
        const stop = scheduleReminders(t.services.reminders, 15, (r) => (results.push(r), done()), (e) => {
          throw e;
        });
        vi.advanceTimersByTime(15 * 60_000 - 1);
        expect(results).toEqual([]); // not before the interval has passed
        vi.advanceTimersByTime(1);
        await first;
        expect(results[0]).toMatchObject({ date: '2026-06-03', failed: 0 });
        expect(results[0]!.messages).toBeGreaterThan(0);
        stop();
      } finally {
        vi.useRealTimers();
      }
    });

    it('an hour deadline (C7, 48 hours) is reminded of as due soon, then as overdue the same day once its instant has passed', async () => {
      t.clock.set('2026-06-10T01:00:00.000Z'); // 09:00 Beijing
      await t.services.reminders.runDeadlineReminders(); // the day's reminders of the other deadlines
      const objectId = `C7-${++seq}`;
      // 2026-06-08 10:20 Beijing → counted from 11:00 → due 2026-06-10 11:00 Beijing (03:00 UTC)
      await t.handle.db.transaction().execute((trx) =>
        t.services.deadlines.open(trx, { module: 'test', objectType: 'testObject', objectId, title: '测试期限', ruleId: 'corrections.arrestDecision', startDate: '2026-06-08', startAt: '2026-06-08T10:20:00+08:00', departmentId: dept, assigneeId: h2 }),
      );
      const itemsFor = (from: number) => messages(gw).slice(from).flatMap((m) => m.items.filter((i) => i.caseNo === objectId).map((i) => ({ ...i, text: m.text })));
      let from = gw.received.length;
      await t.services.reminders.runDeadlineReminders();
      const soon = itemsFor(from);
      expect(soon).toHaveLength(1);
      expect(soon[0]).toMatchObject({ kind: 'corrections.arrestDecision', dueDate: '2026-06-10', dueAt: '2026-06-10T03:00:00.000Z', overdue: false });
      expect(soon[0]!.text).toContain(`${objectId} 人民法院作出是否逮捕决定期限 2026-06-10 11:00届满`);
      from = gw.received.length;
      await t.services.reminders.runDeadlineReminders();
      expect(itemsFor(from)).toEqual([]);
      t.clock.set('2026-06-10T04:00:00.000Z'); // 12:00 Beijing: one hour past the due instant
      from = gw.received.length;
      await t.services.reminders.runDeadlineReminders();
      const late = itemsFor(from);
      expect(late).toHaveLength(1);
      expect(late[0]).toMatchObject({ dueAt: '2026-06-10T03:00:00.000Z', overdue: true });
      expect(late[0]!.text).toContain('2026-06-10 11:00已逾期');
      from = gw.received.length;
      await t.services.reminders.runDeadlineReminders();
      expect(itemsFor(from)).toEqual([]);
      const sends = await t.handle.db.selectFrom('notificationSends as n').innerJoin('deadlines as d', 'd.id', 'n.deadlineId').select(['n.state']).where('d.objectId', '=', objectId).orderBy('n.sentAt').execute();
      expect(sends.map((x) => x.state)).toEqual(['dueSoon', 'overdue']);
    });
  });
}

describe('npm run remind (cli remind)', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-remind-'));
    const config = loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: 'Demo@2026-pass', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
    const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dataDir, 'fazhi.db') });
    const { app, services } = await buildApp({ config, db: handle, logger: false });
    await setupDatabase(handle, config, services);
    await app.close();
    await handle.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('sends today’s reminders once through the default log channel, then nothing more that day', () => {
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'remind'], { env: { ...process.env, FAZHI_DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'info', FAZHI_NOTIFY_CHANNEL: 'log' }, encoding: 'utf8' });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const lines = first.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
    const reminders = lines.filter((l) => l.event === 'deadlineReminder');
    expect(reminders.length).toBeGreaterThan(0); // the demo cases have deadlines due soon or overdue
    for (const r of reminders) expect(Object.keys(r).filter((k) => !['level', 'time', 'pid', 'hostname', 'msg'].includes(k)).sort()).toEqual(['assigneeId', 'date', 'event', 'items']);
    expect(first.stdout).toMatch(new RegExp(`发送 ${reminders.length} 条消息`));
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/待提醒 0 项，发送 0 条消息/);
  }, 180_000); // two processes that each load the whole server: slow on a busy machine (no timing is asserted)
});

describe('migration 003 on a database that already ran later migrations', () => {
  it('is applied after them (out of order) and creates notification_sends', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-m003-'));
    try {
      const handle = createDb({ databaseUrl: null, sqliteFile: path.join(dir, 'fazhi.db') });
      const all = await migrateToLatest(handle.db);
      expect(all).toContain('003-notifications');
      // as if the database had been migrated before 003 existed
      await handle.db.schema.dropTable('notification_sends').execute();
      await handle.db.deleteFrom('schemaMigrations' as never).where('name' as never, '=', '003-notifications' as never).execute();
      expect(await migrateToLatest(handle.db)).toEqual(['003-notifications']);
      expect(await handle.db.selectFrom('notificationSends').select('id').execute()).toEqual([]);
      await handle.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
