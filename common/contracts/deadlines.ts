import { z } from 'zod';
import { StepSchema } from './calendar';

/** The business of a deadline on the register (its `module`), as the to-do list names it. */
export const DEADLINE_MODULE_LABELS: Record<string, string> = {
  reconsideration: '行政复议',
  litigation: '行政应诉',
  legalityReview: '合法性审查',
  enforcement: '行政执法监督',
  legalService: '公共法律服务',
  legalAid: '法律援助',
  mediation: '人民调解',
  dispute: '矛盾纠纷',
  corrections: '社区矫正',
  ruleOfLaw: '法治建设',
};

export const DeadlineStatus = z.enum(['open', 'met', 'cancelled']);
export const DeadlineSchema = z.object({
  id: z.string(),
  module: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  title: z.string(),
  ruleId: z.string(),
  ruleTitle: z.string(),
  citation: z.string(),
  startDate: z.string(),
  dueDate: z.string().nullable(),
  status: DeadlineStatus,
  flags: z.array(z.string()),
  departmentId: z.string(),
  assigneeId: z.string().nullable(),
  /** negative when overdue; null when no due date */
  daysLeft: z.number().int().nullable(),
  /** hour rules (unit 'H'): the start event and the due instant, ISO-8601 UTC; null for day-counted rules */
  startAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  /** hour rules: whole hours left until the due instant (negative once it has passed); null otherwise */
  hoursLeft: z.number().int().nullable(),
  /** open and past its due date (a day rule: the due day has ended; an hour rule: the due instant has passed) */
  overdue: z.boolean(),
});
export type DeadlineItem = z.infer<typeof DeadlineSchema>;
export const DeadlineDetail = DeadlineSchema.extend({
  steps: z.array(StepSchema),
  pauses: z.array(z.unknown()),
  extensions: z.array(z.unknown()),
  journal: z.array(z.object({ at: z.string(), oldDue: z.string().nullable(), newDue: z.string().nullable(), reason: z.string() })),
});
export const DeadlineListQuery = z.object({
  status: DeadlineStatus.default('open'),
  module: z.string().max(40).optional(),
  departmentId: z.string().max(64).optional(),
  assigneeId: z.string().max(64).optional(),
  dueBefore: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** '1': only the overdue ones — a day deadline whose due day has ended, an hour deadline whose due instant has passed */
  overdue: z.enum(['1']).optional(),
  sort: z.enum(['due', '-due']).default('due'),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
