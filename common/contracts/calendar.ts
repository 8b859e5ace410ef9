import { z } from 'zod';
import { IsoDate } from './shared';

export const CalendarAddQuery = z.object({
  from: IsoDate,
  days: z.coerce.number().int('天数须为整数').min(0, '天数不能为负').max(3650, '天数不能超过 3650'),
  unit: z.enum(['WD', 'CAL'], { message: '单位须为 WD（工作日）或 CAL（自然日）' }),
});
export const StepSchema = z.object({
  code: z.string(),
  date: z.string().optional(),
  text: z.string(),
  citation: z.string().optional(),
});
export const CalendarAddResponse = z.object({
  due: IsoDate,
  steps: z.array(StepSchema),
  flags: z.array(z.string()),
});

export const CalendarDaySchema = z.object({ date: IsoDate, kind: z.enum(['off', 'work']), holiday: z.string().min(1).max(20) });
export const CalendarYearSchema = z.object({
  year: z.number().int(),
  notice: z.string(),
  docNo: z.string().nullable(),
  docNoVerified: z.boolean(),
  publishedOn: z.string().nullable(),
  updatedAt: z.string(),
  offDays: z.number().int(),
  workDays: z.number().int(),
  workingDaysInYear: z.number().int(),
});
export const CalendarYearDetail = CalendarYearSchema.extend({ days: z.array(CalendarDaySchema) });
export const CalendarYearBody = z.object({
  notice: z.string().trim().min(4, '请填写通知名称').max(120),
  docNo: z.string().trim().max(60).nullable(),
  docNoVerified: z.boolean(),
  publishedOn: IsoDate.nullable(),
  days: z.array(CalendarDaySchema).max(120),
});
export const CalendarJournalSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  change: z.unknown(),
  recomputed: z.number().int(),
  changedDeadlines: z.number().int(),
});
