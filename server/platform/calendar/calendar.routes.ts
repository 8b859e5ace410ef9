import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addPeriod } from '../../../common/deadlines';
import {
  CalendarAddQuery,
  CalendarAddResponse,
  CalendarJournalSchema,
  CalendarYearBody,
  CalendarYearDetail,
  CalendarYearSchema,
  OkSchema,
  listOf,
} from '../../../common/contracts';
import { actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { CalendarService } from './calendar.service';

const YearParams = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export function calendarRoutes(deps: { calendar: CalendarService; publicRateLimit: { max: number; timeWindow: string } }) {
  const { calendar } = deps;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/calendar/add', {
      config: { public: true, rateLimit: deps.publicRateLimit },
      schema: {
        tags: ['期限计算'],
        summary: '期限计算：起算日加 N 个工作日（WD）或自然日（CAL），起算日不计入',
        description:
          'WD：只计工作日（含调休上班日，不含法定休假日）；CAL：届满日为法定休假日的顺延至其后第一个工作日（民事诉讼法第八十五条、民法典第二百零三条）。涉及未公布节假日安排的年份时返回 422 CALENDAR_YEAR_UNPUBLISHED。',
        querystring: CalendarAddQuery,
        response: responses(CalendarAddResponse),
      },
      handler: async (req) => {
        const res = addPeriod(await calendar.current(), { from: req.query.from, length: req.query.days, unit: req.query.unit, onUnpublished: 'throw', explain: true });
        return { due: res.due, steps: res.steps, flags: res.flags };
      },
    });

    r.get('/api/v1/calendar/years', {
      schema: { tags: ['节假日'], summary: '已公布的节假日安排（按年）', response: responses(z.object({ data: z.array(CalendarYearSchema) })) },
      handler: async () => ({ data: await calendar.listYears() }),
    });
    r.get('/api/v1/calendar/years/:year', {
      schema: { tags: ['节假日'], summary: '某年的放假与调休上班日', params: YearParams, response: responses(CalendarYearDetail) },
      handler: async (req) => calendar.getYear(req.params.year),
    });
    r.put('/api/v1/calendar/years/:year', {
      config: { permission: 'system.calendar.manage' },
      schema: {
        tags: ['节假日'],
        summary: '发布或修改某年的节假日安排（所有未结期限随之重算并留痕）',
        params: YearParams,
        body: CalendarYearBody,
        response: responses(z.object({ year: CalendarYearDetail, recomputed: z.number().int(), changedDeadlines: z.number().int() })),
      },
      handler: async (req) => calendar.saveYear(actorOf(req), req.params.year, req.body, meta(req)),
    });
    r.delete('/api/v1/calendar/years/:year', {
      config: { permission: 'system.calendar.manage' },
      schema: { tags: ['节假日'], summary: '撤回某年的节假日安排（该年变为未公布）', params: YearParams, response: responses(OkSchema.extend({ recomputed: z.number().int(), changedDeadlines: z.number().int() })) },
      handler: async (req) => ({ ok: true as const, ...(await calendar.deleteYear(actorOf(req), req.params.year, meta(req))) }),
    });
    r.get('/api/v1/calendar/journal', {
      config: { permission: 'system.calendar.manage' },
      schema: {
        tags: ['节假日'],
        summary: '节假日变更与期限重算日志',
        querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(20) }),
        response: responses(listOf(CalendarJournalSchema)),
      },
      handler: async (req) => calendar.journal(req.query.page, req.query.pageSize),
    });
  };
}
