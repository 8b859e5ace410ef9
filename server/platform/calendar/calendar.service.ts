import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { WorkCalendar, type YearSchedule, validateYearSchedule } from '../../../common/calendar';
import type { CalendarYearBody, CalendarYearDetail, CalendarYearSchema } from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import type { Db } from '../../db';
import type { AuditService } from '../audit';
import type { Clock } from '../clock';
import type { Actor, RequestMeta } from '../identity';

export interface CalendarChange {
  recomputed: number;
  changedDeadlines: number;
}

export interface CalendarService {
  /** The working-day calendar built from the database; rebuilt after every change. */
  current(): Promise<WorkCalendar>;
  listYears(): Promise<z.infer<typeof CalendarYearSchema>[]>;
  getYear(year: number): Promise<z.infer<typeof CalendarYearDetail>>;
  saveYear(actor: Actor, year: number, body: z.infer<typeof CalendarYearBody>, meta: RequestMeta): Promise<CalendarChange & { year: z.infer<typeof CalendarYearDetail> }>;
  deleteYear(actor: Actor, year: number, meta: RequestMeta): Promise<CalendarChange>;
  journal(page: number, pageSize: number): Promise<{ data: { id: string; at: string; actorId: string | null; change: unknown; recomputed: number; changedDeadlines: number }[]; total: number }>;
  /** Seeds the official schedules when the database has none (first start). */
  seedOfficial(schedules: YearSchedule[]): Promise<number>;
}

/** Recomputes every open deadline after a calendar change; provided by the deadline register. */
export type RecomputeOpenDeadlines = (calendar: WorkCalendar, reason: string) => Promise<CalendarChange>;

export function createCalendarService(deps: { db: Db; clock: Clock; audit: AuditService; recompute: () => RecomputeOpenDeadlines }): CalendarService {
  const { db, clock, audit } = deps;
  let cached: Promise<WorkCalendar> | null = null;

  async function loadSchedules(): Promise<YearSchedule[]> {
    const years = await db.selectFrom('calendarYears').selectAll().orderBy('year').execute();
    const days = await db.selectFrom('calendarDays').selectAll().orderBy('date').execute();
    return years.map((y) => ({
      year: y.year,
      notice: y.notice,
      docNo: y.docNo,
      docNoVerified: y.docNoVerified === 1,
      publishedOn: y.publishedOn,
      days: days.filter((d) => d.year === y.year).map((d) => ({ date: d.date, kind: d.kind as 'off' | 'work', holiday: d.holiday })),
    }));
  }

  function current() {
    cached ??= loadSchedules().then((s) => new WorkCalendar(s));
    return cached;
  }

  function summary(s: YearSchedule, cal: WorkCalendar, updatedAt: string) {
    let working = 0;
    const start = Date.UTC(s.year, 0, 1);
    for (let t = start; new Date(t).getUTCFullYear() === s.year; t += 86400_000) {
      if (cal.dayInfo(new Date(t).toISOString().slice(0, 10)).workday) working++;
    }
    return {
      year: s.year,
      notice: s.notice,
      docNo: s.docNo,
      docNoVerified: s.docNoVerified,
      publishedOn: s.publishedOn,
      updatedAt,
      offDays: s.days.filter((d) => d.kind === 'off').length,
      workDays: s.days.filter((d) => d.kind === 'work').length,
      workingDaysInYear: working,
    };
  }

  async function afterChange(actorId: string | null, change: Record<string, unknown>): Promise<CalendarChange> {
    cached = null;
    const cal = await current();
    const res = await deps.recompute()(cal, `节假日安排变更：${String(change.summary ?? '')}`);
    await db.insertInto('calendarJournal').values({ id: randomUUID(), at: clock.nowIso(), actorId, change: JSON.stringify(change), recomputed: res.recomputed, changedDeadlines: res.changedDeadlines }).execute();
    return res;
  }

  const service: CalendarService = {
    current,

    async listYears() {
      const cal = await current();
      const schedules = await loadSchedules();
      const rows = await db.selectFrom('calendarYears').select(['year', 'updatedAt']).execute();
      return schedules.map((s) => summary(s, cal, rows.find((r) => r.year === s.year)?.updatedAt ?? ''));
    },

    async getYear(year) {
      const s = (await loadSchedules()).find((x) => x.year === year);
      if (!s) throw new AppError('NOT_FOUND', { entity: 'calendarYear', year });
      const row = await db.selectFrom('calendarYears').select('updatedAt').where('year', '=', year).executeTakeFirstOrThrow();
      return { ...summary(s, await current(), row.updatedAt), days: s.days };
    },

    async saveYear(actor, year, body, meta) {
      if (year < 2000 || year > 2100) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'year', message: '年份应在 2000–2100 之间' }] });
      const problems = validateYearSchedule({ year, ...body });
      const dates = body.days.map((d) => d.date);
      if (dates.length) {
        const taken = await db.selectFrom('calendarDays').select(['date', 'year']).where('date', 'in', dates).where('year', '!=', year).execute();
        for (const d of taken) problems.push(`日期 ${d.date} 已属于 ${d.year} 年的节假日安排`);
      }
      if (problems.length) throw new AppError('VALIDATION_FAILED', { issues: problems.map((message) => ({ path: 'days', message })) });
      const before = (await loadSchedules()).find((x) => x.year === year) ?? null;
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('calendarDays').where('year', '=', year).execute();
        await trx.deleteFrom('calendarYears').where('year', '=', year).execute();
        await trx.insertInto('calendarYears').values({ year, notice: body.notice, docNo: body.docNo, docNoVerified: body.docNoVerified ? 1 : 0, publishedOn: body.publishedOn, updatedAt: now, updatedBy: actor.userId }).execute();
        if (body.days.length) await trx.insertInto('calendarDays').values(body.days.map((d) => ({ ...d, year }))).execute();
        await audit.record(
          {
            actor: { id: actor.userId, name: actor.username },
            ip: meta.ip,
            requestId: meta.requestId,
            action: before ? 'calendar.update' : 'calendar.publish',
            objectType: 'calendarYear',
            objectId: String(year),
            before: before ? { notice: before.notice, docNo: before.docNo, days: before.days.map((d) => `${d.date}:${d.kind}`) } : null,
            after: { notice: body.notice, docNo: body.docNo, days: body.days.map((d) => `${d.date}:${d.kind}`) },
          },
          trx,
        );
      });
      const res = await afterChange(actor.userId, { year, action: before ? 'update' : 'publish', summary: `${year} 年${before ? '修改' : '发布'}`, notice: body.notice, days: body.days.length });
      return { ...res, year: await service.getYear(year) };
    },

    async deleteYear(actor, year, meta) {
      const before = (await loadSchedules()).find((x) => x.year === year);
      if (!before) throw new AppError('NOT_FOUND', { entity: 'calendarYear', year });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('calendarYears').where('year', '=', year).execute();
        await audit.record({ actor: { id: actor.userId, name: actor.username }, ip: meta.ip, requestId: meta.requestId, action: 'calendar.withdraw', objectType: 'calendarYear', objectId: String(year), before: { notice: before.notice, days: before.days.length } }, trx);
      });
      return afterChange(actor.userId, { year, action: 'withdraw', summary: `${year} 年撤回` });
    },

    async journal(page, pageSize) {
      const { total } = await db.selectFrom('calendarJournal').select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const rows = await db.selectFrom('calendarJournal').selectAll().orderBy('at', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute();
      return { total: Number(total), data: rows.map((r) => ({ ...r, change: JSON.parse(r.change) as unknown })) };
    },

    async seedOfficial(schedules) {
      const existing = await db.selectFrom('calendarYears').select('year').execute();
      if (existing.length) return 0;
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        for (const s of schedules) {
          await trx.insertInto('calendarYears').values({ year: s.year, notice: s.notice, docNo: s.docNo, docNoVerified: s.docNoVerified ? 1 : 0, publishedOn: s.publishedOn, updatedAt: now, updatedBy: null }).execute();
          if (s.days.length) await trx.insertInto('calendarDays').values(s.days.map((d) => ({ date: d.date, kind: d.kind, holiday: d.holiday, year: s.year }))).execute();
        }
      });
      cached = null;
      return schedules.length;
    },
  };
  return service;
}
