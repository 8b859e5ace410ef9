/**
 * 行政复议 statistics for a period and the caller's data scope, computed with SQL aggregates (no case is loaded
 * into memory), and their Excel export (exceljs).
 *
 * Definitions (shown to users verbatim through `definitions`):
 * - 收到申请 received: received_on in the period; 受理 accepted: accepted_on in the period; 不予受理: rejected_on.
 * - 审结 concluded: 决定 (decided_on) + 调解结案 (decided_on of a mediated case) + 终止 (terminated_on) in the period.
 * - 撤回 withdrawn: termination on ground (1) of 《中华人民共和国行政复议法》第四十一条 (申请人撤回申请，准予撤回).
 * - 视为放弃 abandoned: the date recorded on the case's 'abandon' step (逾期不补正, Art. 31 ¶2) in the period; such
 *   an application was never accepted, so it is neither 受理 nor 审结.
 * - 纠错率 correction rate: law-rules.md does not define it (nor does the statute), so the rule is CONFIGURABLE
 *   (deps.correctiveTypes). Default, following the usual practice of the reconsideration statistics: decisions
 *   that vary (Art. 63), revoke (Art. 64), confirm illegality (Art. 65), order performance (Art. 66) or confirm
 *   invalidity (Art. 67) ÷ all decisions on the merits (Arts. 63–69) made in the period.
 * - 按期审结率 on-time rate: concluded cases whose conclusion date is on or before their decision deadline
 *   (Art. 62, the deadline register's row, including an approved extension and suspension pauses); a case
 *   terminated while suspended (clock paused) counts as on time.
 * - 平均审理天数 average duration: calendar days from acceptance to conclusion.
 */
import ExcelJS from 'exceljs';
import { type AliasableExpression, type ExpressionBuilder, sql } from 'kysely';
import {
  CONSULTATION_OUTCOME_LABELS,
  MATTER_TYPE_LABELS,
  type MatterType,
  RECON_CHANNEL_LABELS,
  RECON_DECISION_LABELS,
  type ReconChannel,
  type ReconDecisionType,
  type ReconStats,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import type { Database, Db, Dialect } from '../../db';
import type { Clock } from '../../platform/clock';
import { type Actor, scopeWhere } from '../../platform/identity';
import type { ConsultationService } from './consultation.service';

export const DEFAULT_CORRECTIVE_TYPES: readonly ReconDecisionType[] = ['vary', 'revoke', 'confirmIllegal', 'orderPerformance', 'confirmInvalid'];
const DECISION_RULES = ['reconsideration.decision', 'reconsideration.decisionSimplified'];
const MAX_PERIOD_DAYS = 5 * 366;

/** Matter type of a case from its administrative act (first match wins), as an SQL CASE. */
const MATTER_PATTERNS: [MatterType, string[]][] = [
  ['disclosure', ['%信息公开%']],
  ['workInjury', ['%工伤%']],
  ['nonPerformance', ['%不履行%', '%履行法定职责%']],
  ['coercion', ['%拆除%', '%查封%', '%扣押%', '%强制%']],
  ['penalty', ['%处罚%']],
  ['licensing', ['%许可%']],
];

export interface StatsService {
  stats(actor: Actor, period: { from: string; to: string }): Promise<ReconStats>;
  workbook(actor: Actor, period: { from: string; to: string }): Promise<Buffer>;
}

type EB = ExpressionBuilder<Database & { c: Database['reconsiderationCases'] }, 'c'>;

export function createStatsService(deps: { db: Db; dialect: Dialect; clock: Clock; consultations: ConsultationService; correctiveTypes?: readonly ReconDecisionType[] }): StatsService {
  const { db, clock } = deps;
  const corrective = [...(deps.correctiveTypes ?? DEFAULT_CORRECTIVE_TYPES)];
  const correctiveLabels = corrective.map((t) => RECON_DECISION_LABELS[t]).join('、');
  const definitions: Record<string, string> = {
    received: '收到申请：收到行政复议申请之日在统计期间内的案件（含各渠道）。',
    accepted: '受理：受理之日在统计期间内（《中华人民共和国行政复议法》第三十条）。',
    notAccepted: '不予受理：不予受理决定之日在统计期间内（第三十条第二款）。',
    concluded: '审结：统计期间内作出行政复议决定、调解结案（第七十三条）或者终止行政复议（第四十一条）的案件。',
    withdrawn: '撤回：申请人撤回申请、准予撤回而终止的案件（第四十一条第一项）。',
    abandoned: '视为放弃：申请材料不齐全或者表述不清楚，申请人无正当理由逾期不补正，视为放弃行政复议申请的案件（第三十一条第二款），以登记“视为放弃”时填写的日期计入统计期间；此类申请未受理，不计入受理数和审结数。',
    correctionRate: `纠错率 = 统计期间内作出的${correctiveLabels}决定数 ÷ 统计期间内作出的全部行政复议决定数（第六十三条至第六十九条，不含调解、终止）。法律、法规未规定纠错率的统计口径，本口径可配置。`,
    onTimeRate: '按期审结率 = 在审理期限（《中华人民共和国行政复议法》第六十二条，含经批准延长的期限，中止期间不计入）届满之日前审结的案件数 ÷ 统计期间内审结的案件数；中止期间终止的案件视为按期。',
    averageDuration: '平均审理天数：自受理之日至审结之日的自然日数的平均值。',
  };

  function checkPeriod(p: { from: string; to: string }) {
    if (p.from > p.to) throw new AppError('VALIDATION_FAILED', { field: 'to' }, '开始日期不能晚于结束日期');
    const days = (Date.parse(`${p.to}T00:00:00Z`) - Date.parse(`${p.from}T00:00:00Z`)) / 86400000;
    if (!Number.isFinite(days)) throw new AppError('CALENDAR_DATE_INVALID', { from: p.from, to: p.to });
    if (days > MAX_PERIOD_DAYS) throw new AppError('STATS_PERIOD_TOO_LONG', { from: p.from, to: p.to });
  }

  const cases = (actor: Actor) => db.selectFrom('reconsiderationCases as c').where((eb) => scopeWhere(eb, actor, 'c.departmentId', 'c.handlerId'));
  const within = (eb: EB, col: 'c.receivedOn' | 'c.acceptedOn' | 'c.rejectedOn' | 'c.decidedOn' | 'c.terminatedOn', p: { from: string; to: string }) => eb.and([eb(col, '>=', p.from), eb(col, '<=', p.to)]);
  const countIf = (eb: EB, cond: ReturnType<EB['and']>) => eb.fn.sum<number | string | null>(eb.case().when(cond).then(1).else(0).end());
  const n = (v: unknown) => Number(v ?? 0);

  function matterCase(eb: EB): AliasableExpression<string> {
    let c = eb.case() as any;
    for (const [type, patterns] of MATTER_PATTERNS) c = c.when(eb.or(patterns.map((p) => eb('c.actName', 'like', p)))).then(type);
    return c.else('other').end();
  }

  async function stats(actor: Actor, p: { from: string; to: string }): Promise<ReconStats> {
    checkPeriod(p);
    const totals = await cases(actor)
      .select((eb) => [
        countIf(eb, within(eb, 'c.receivedOn', p)).as('received'),
        countIf(eb, within(eb, 'c.acceptedOn', p)).as('accepted'),
        countIf(eb, within(eb, 'c.rejectedOn', p)).as('notAccepted'),
        countIf(eb, eb.and([eb('c.status', '=', 'decided'), within(eb, 'c.decidedOn', p)])).as('decided'),
        countIf(eb, eb.and([eb('c.status', '=', 'decided'), within(eb, 'c.decidedOn', p), eb('c.decisionType', 'in', corrective)])).as('corrected'),
        countIf(eb, eb.and([eb('c.status', '=', 'mediated'), within(eb, 'c.decidedOn', p)])).as('mediated'),
        countIf(eb, eb.and([eb('c.status', '=', 'terminated'), within(eb, 'c.terminatedOn', p)])).as('terminated'),
        countIf(eb, eb.and([eb('c.status', '=', 'terminated'), eb('c.terminationGround', '=', 1), within(eb, 'c.terminatedOn', p)])).as('withdrawn'),
        countIf(
          eb,
          eb.and([
            eb('c.status', '=', 'abandoned'),
            eb.exists(eb.selectFrom('reconsiderationEvents as e').select('e.id').whereRef('e.caseId', '=', 'c.id').where('e.action', '=', 'abandon').where('e.onDate', '>=', p.from).where('e.onDate', '<=', p.to)),
          ]),
        ).as('abandoned'),
      ])
      .executeTakeFirstOrThrow();

    const byChannel = await cases(actor)
      .where((eb) => within(eb, 'c.receivedOn', p))
      .select(['c.channel as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.channel')
      .execute();

    // grouped in an outer query: the CASE carries parameters, which PostgreSQL cannot match between SELECT and GROUP BY
    const matter = cases(actor)
      .where((eb) => within(eb, 'c.receivedOn', p))
      .select((eb) => matterCase(eb).as('mt'));
    const byMatter = await db
      .selectFrom(matter.as('x'))
      .select(['x.mt as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('x.mt')
      .execute();

    const byDecision = await cases(actor)
      .where('c.status', '=', 'decided')
      .where((eb) => within(eb, 'c.decidedOn', p))
      .select(['c.decisionType as key', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.decisionType')
      .execute();

    const receivedByResp = await cases(actor)
      .where((eb) => within(eb, 'c.receivedOn', p))
      .select(['c.respondentName as name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('c.respondentName')
      .execute();
    const decidedByResp = await cases(actor)
      .where('c.status', '=', 'decided')
      .where((eb) => within(eb, 'c.decidedOn', p))
      .select((eb) => ['c.respondentName as name', eb.fn.countAll<number>().as('n'), countIf(eb, eb.and([eb('c.decisionType', 'in', corrective)])).as('corrected')])
      .groupBy('c.respondentName')
      .execute();

    // on time and duration: one row per concluded case in an inner query, aggregated outside
    const concluded = cases(actor)
      .where((eb) =>
        eb.or([
          eb.and([eb('c.status', 'in', ['decided', 'mediated']), within(eb, 'c.decidedOn', p)]),
          eb.and([eb('c.status', '=', 'terminated'), within(eb, 'c.terminatedOn', p)]),
        ]),
      )
      .select((eb) => [
        eb.fn.coalesce('c.decidedOn', 'c.terminatedOn').as('concl'),
        'c.acceptedOn as acceptedOn',
        'c.suspendedOn as suspendedOn',
        eb
          .selectFrom('deadlines as d')
          .select('d.dueDate')
          .where('d.objectType', '=', 'reconsiderationCase')
          .whereRef('d.objectId', '=', 'c.id')
          .where('d.ruleId', 'in', DECISION_RULES)
          .orderBy('d.createdAt', 'desc')
          .orderBy('d.dueDate', 'desc')
          .limit(1)
          .as('due'),
      ]);
    const days =
      deps.dialect === 'postgres'
        ? sql<number>`avg(cast(${sql.ref('x.concl')} as date) - cast(${sql.ref('x.acceptedOn')} as date))`
        : sql<number>`avg(julianday(${sql.ref('x.concl')}) - julianday(${sql.ref('x.acceptedOn')}))`;
    const timing = await db
      .selectFrom(concluded.as('x'))
      .select((eb) => [
        eb.fn.sum<number | string | null>(eb.case().when(eb.or([eb('x.due', 'is not', null), eb('x.suspendedOn', 'is not', null)])).then(1).else(0).end()).as('measured'),
        eb.fn.sum<number | string | null>(eb.case().when(eb.or([eb('x.suspendedOn', 'is not', null), eb.and([eb('x.due', 'is not', null), eb('x.concl', '<=', eb.ref('x.due'))])])).then(1).else(0).end()).as('onTime'),
        days.as('avgDays'),
      ])
      .executeTakeFirstOrThrow();

    const settlement = await deps.consultations.settlement(actor, p);
    const decided = n(totals.decided);
    const corrected = n(totals.corrected);
    const measured = n(timing.measured);
    const onTime = n(timing.onTime);
    const resp = new Map<string, { respondentName: string; received: number; decided: number; corrected: number; correctionRate: number | null }>();
    const respOf = (name: string) => resp.get(name) ?? (resp.set(name, { respondentName: name, received: 0, decided: 0, corrected: 0, correctionRate: null }), resp.get(name)!);
    for (const r of receivedByResp) respOf(r.name).received = n(r.n);
    for (const r of decidedByResp) Object.assign(respOf(r.name), { decided: n(r.n), corrected: n(r.corrected), correctionRate: n(r.n) ? n(r.corrected) / n(r.n) : null });
    const rows = <K extends string>(list: { key: string | null; n: unknown }[], labels: Record<K, string>, order: readonly K[]) => {
      const counts = new Map(list.map((r) => [r.key ?? '', n(r.n)]));
      return order.map((k) => ({ key: k, label: labels[k], count: counts.get(k) ?? 0 }));
    };
    return {
      from: p.from,
      to: p.to,
      generatedAt: clock.nowIso(),
      totals: {
        received: n(totals.received),
        accepted: n(totals.accepted),
        notAccepted: n(totals.notAccepted),
        concluded: decided + n(totals.mediated) + n(totals.terminated),
        decided,
        mediated: n(totals.mediated),
        terminated: n(totals.terminated),
        withdrawn: n(totals.withdrawn),
        abandoned: n(totals.abandoned),
      },
      definitions,
      byChannel: rows(byChannel, RECON_CHANNEL_LABELS, Object.keys(RECON_CHANNEL_LABELS) as ReconChannel[]),
      byMatterType: rows(byMatter as { key: string; n: unknown }[], MATTER_TYPE_LABELS, Object.keys(MATTER_TYPE_LABELS) as MatterType[]),
      byDecisionType: rows(byDecision, RECON_DECISION_LABELS, Object.keys(RECON_DECISION_LABELS) as ReconDecisionType[]),
      byRespondent: [...resp.values()].sort((a, b) => b.received - a.received || b.decided - a.decided || a.respondentName.localeCompare(b.respondentName)),
      correctionRate: { numerator: corrected, denominator: decided, rate: decided ? corrected / decided : null, definition: definitions.correctionRate!, configurable: true },
      onTimeRate: { numerator: onTime, denominator: measured, rate: measured ? onTime / measured : null, definition: definitions.onTimeRate!, configurable: false },
      averageDurationDays: timing.avgDays === null || timing.avgDays === undefined ? null : Math.round(Number(timing.avgDays) * 10) / 10,
      settlement,
    };
  }

  async function workbook(actor: Actor, p: { from: string; to: string }): Promise<Buffer> {
    const s = await stats(actor, p);
    const generated = new Date(s.generatedAt);
    const stamp = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(generated);
    const wb = new ExcelJS.Workbook();
    wb.creator = '法治 Fazhi';
    wb.created = generated;
    const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
    const sheet = (name: string, headers: string[], data: (string | number)[][], widths: number[]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow([`行政复议统计 · ${name}（统计期间：${s.from} 至 ${s.to}；生成时间：${stamp}）`]);
      ws.mergeCells(1, 1, 1, headers.length);
      ws.getRow(1).font = { bold: true, size: 13 };
      const h = ws.addRow(headers);
      h.font = { bold: true };
      h.eachCell((c) => {
        c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
        c.border = { bottom: { style: 'thin' } };
      });
      for (const r of data) ws.addRow(r);
      widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
      return ws;
    };
    const t = s.totals;
    const overview = sheet(
      '总体情况',
      ['指标', '数值', '口径'],
      [
        ['收到申请', t.received, s.definitions.received!],
        ['受理', t.accepted, s.definitions.accepted!],
        ['不予受理', t.notAccepted, s.definitions.notAccepted!],
        ['审结', t.concluded, s.definitions.concluded!],
        ['其中：作出决定', t.decided, ''],
        ['其中：调解结案', t.mediated, ''],
        ['其中：终止', t.terminated, ''],
        ['撤回申请（终止）', t.withdrawn, s.definitions.withdrawn!],
        ['视为放弃申请', t.abandoned, s.definitions.abandoned!],
        ['纠错率', pct(s.correctionRate.rate), `${s.correctionRate.numerator} / ${s.correctionRate.denominator}；${s.correctionRate.definition}`],
        ['按期审结率', pct(s.onTimeRate.rate), `${s.onTimeRate.numerator} / ${s.onTimeRate.denominator}；${s.onTimeRate.definition}`],
        ['平均审理天数', s.averageDurationDays ?? '—', s.definitions.averageDuration!],
        ['前端化解率', pct(s.settlement.rate), `${s.settlement.explained + s.settlement.resolved} / ${s.settlement.explained + s.settlement.resolved + s.settlement.filed}；${s.settlement.definition}`],
      ],
      [22, 14, 100],
    );
    overview.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
    sheet('按申请渠道', ['申请渠道', '收到申请数'], s.byChannel.map((r) => [r.label, r.count]), [20, 14]);
    sheet('按被申请人', ['被申请人', '收到申请数', '作出决定数', '纠错数', '纠错率'], s.byRespondent.map((r) => [r.respondentName, r.received, r.decided, r.corrected, pct(r.correctionRate)]), [40, 14, 14, 10, 10]);
    sheet('按事项类型', ['事项类型', '收到申请数'], s.byMatterType.map((r) => [r.label, r.count]), [32, 14]);
    sheet('按决定类型', ['决定类型', '决定数'], s.byDecisionType.map((r) => [r.label, r.count]), [32, 10]);
    sheet(
      '咨询接待',
      ['接待结果', '件数'],
      [
        [CONSULTATION_OUTCOME_LABELS.explained, s.settlement.explained],
        [CONSULTATION_OUTCOME_LABELS.resolved, s.settlement.resolved],
        [CONSULTATION_OUTCOME_LABELS.filed, s.settlement.filed],
        [CONSULTATION_OUTCOME_LABELS.pending, s.settlement.pending],
        ['合计', s.settlement.total],
        ['前端化解率', pct(s.settlement.rate)],
      ],
      [20, 12],
    );
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  return { stats, workbook };
}
