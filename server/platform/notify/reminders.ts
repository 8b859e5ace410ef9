/**
 * Due-soon and overdue reminders: `runDeadlineReminders(now)` finds open deadlines on the register that are
 * overdue or due within N working days (on the official calendar, via common/deadlines), groups them per assignee
 * and sends each assignee one message — at most one reminder per assignee per deadline per Beijing date, recorded
 * in `notification_sends`. A paused deadline (open pause: no due date) is never reminded of.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { WorkCalendar } from '../../../common/calendar';
import { addPeriod, beijingTimeText, findRule } from '../../../common/deadlines';
import type { Db } from '../../db';
import { type Clock, beijingDate } from '../clock';
import type { NotificationChannel, ReminderItem, ReminderMessage } from './notify';

export interface ReminderRun {
  date: string;
  /** the last due date counted as due soon: N working days after today */
  dueUntil: string;
  /** deadlines found that had not been reminded of today */
  candidates: number;
  messages: number;
  items: number;
  /** assignees whose message the channel refused (their items are retried on the next scan) */
  failed: number;
}

export interface ReminderService {
  runDeadlineReminders(now?: string): Promise<ReminderRun>;
}

/** Case numbers of a module's objects, by object type (a module registers its own; default: the object id). */
export type CaseNumberResolver = (objectType: string, objectIds: string[]) => Promise<Map<string, string>>;


function smsText(items: ReminderItem[]): string {
  const overdue = items.filter((i) => i.overdue).length;
  const lines = items.slice(0, 5).map((i) => `${i.caseNo} ${findRule(i.kind)?.title ?? i.kind} ${i.dueAt ? beijingTimeText(Date.parse(i.dueAt)) : i.dueDate}${i.overdue ? '已逾期' : '届满'}`);
  const more = items.length > 5 ? `等 ${items.length} 项` : '';
  return `【法治】您有 ${items.length} 项期限待办${overdue ? `（其中 ${overdue} 项已逾期）` : ''}：${lines.join('；')}${more}。请登录工作台办理。`;
}

export function createReminderService(deps: {
  db: Db;
  clock: Clock;
  calendar: () => Promise<WorkCalendar>;
  channel: NotificationChannel;
  workingDays: number;
  caseNumbers: CaseNumberResolver;
  /** Brought up to date before each run: registers whose clocks close by lapse of time (so no lapsed one is reminded). */
  beforeRun?: () => Promise<unknown>;
}): ReminderService {
  const { db } = deps;
  return {
    async runDeadlineReminders(nowArg = deps.clock.nowIso()) {
      await deps.beforeRun?.();
      // one text form for the comparison with stored due instants (ISO-8601 UTC with milliseconds)
      const now = new Date(Date.parse(nowArg)).toISOString();
      const today = beijingDate(now);
      // An hour deadline (due_at, migration 004) is overdue once its due instant has passed, so it can be reminded of
      // as due soon in the morning and as overdue in the afternoon; a day deadline is in one state all day.
      const state = sql<string>`case when d.due_at is not null then (case when d.due_at < ${now} then 'overdue' else 'dueSoon' end) when d.due_date < ${today} then 'overdue' else 'dueSoon' end`;
      const cal = await deps.calendar();
      const dueUntil = deps.workingDays > 0 ? addPeriod(cal, { from: today, length: deps.workingDays, unit: 'WD', onUnpublished: 'flag', explain: false }).due : today;
      const rows = await db
        .selectFrom('deadlines as d')
        .leftJoin('notificationSends as n', (j) => j.onRef('n.deadlineId', '=', 'd.id').onRef('n.assigneeId', '=', 'd.assigneeId').on('n.sentOn', '=', today).on('n.state', '=', state))
        .select(['d.id', 'd.assigneeId', 'd.objectType', 'd.objectId', 'd.ruleId', 'd.dueDate', 'd.dueAt'])
        .where('d.status', '=', 'open')
        .where('d.assigneeId', 'is not', null)
        .where('d.dueDate', 'is not', null)
        .where('d.dueDate', '<=', dueUntil)
        .where('d.flags', 'not like', '%PAUSED%')
        .where('n.id', 'is', null)
        .orderBy('d.assigneeId')
        .orderBy('d.dueDate')
        .orderBy('d.id')
        .execute();

      // case numbers, one query per object type
      const byType = new Map<string, Set<string>>();
      for (const r of rows) (byType.get(r.objectType) ?? byType.set(r.objectType, new Set()).get(r.objectType)!).add(r.objectId);
      const caseNo = new Map<string, string>();
      for (const [type, ids] of byType) for (const [id, no] of await deps.caseNumbers(type, [...ids])) caseNo.set(`${type}:${id}`, no);

      const groups = new Map<string, typeof rows>();
      for (const r of rows) (groups.get(r.assigneeId!) ?? groups.set(r.assigneeId!, []).get(r.assigneeId!)!).push(r);

      const isOverdue = (r: { dueDate: string | null; dueAt?: string | null }) => (r.dueAt ? Date.parse(r.dueAt) < Date.parse(now) : r.dueDate! < today);
      const run: ReminderRun = { date: today, dueUntil, candidates: rows.length, messages: 0, items: 0, failed: 0 };
      for (const [assigneeId, list] of groups) {
        // Claim first (the unique index lets one scanner win), then send; a refused message gives its claims back.
        const claimed = await db.transaction().execute(async (trx) => {
          const mine: typeof list = [];
          for (const r of list) {
            const res = await trx
              .insertInto('notificationSends')
              .values({ id: randomUUID(), deadlineId: r.id, assigneeId, sentOn: today, state: isOverdue(r) ? 'overdue' : 'dueSoon', channel: deps.channel.name, sentAt: now })
              .onConflict((oc) => oc.columns(['deadlineId', 'assigneeId', 'sentOn', 'state']).doNothing())
              .executeTakeFirst();
            if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) mine.push(r);
          }
          return mine;
        });
        if (claimed.length === 0) continue;
        const items: ReminderItem[] = claimed.map((r) => ({ caseNo: caseNo.get(`${r.objectType}:${r.objectId}`) ?? r.objectId, kind: r.ruleId, dueDate: r.dueDate!, ...(r.dueAt ? { dueAt: r.dueAt } : {}), overdue: isOverdue(r) }));
        const message: ReminderMessage = { type: 'deadlineReminder', assigneeId, date: today, items, text: smsText(items) };
        try {
          await deps.channel.send(message);
          run.messages++;
          run.items += items.length;
        } catch {
          run.failed++;
          await db.deleteFrom('notificationSends').where('sentOn', '=', today).where('sentAt', '=', now).where('assigneeId', '=', assigneeId).where('deadlineId', 'in', claimed.map((r) => r.id)).execute();
        }
      }
      return run;
    },
  };
}

/** Runs the scan every `minutes` in the server process (never two at once); returns the stopper. */
export function scheduleReminders(svc: ReminderService, minutes: number, onResult: (r: ReminderRun) => void, onError: (e: unknown) => void): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    svc
      .runDeadlineReminders()
      .then(onResult, onError)
      .finally(() => {
        running = false;
      });
  };
  const timer = setInterval(tick, minutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
