/**
 * 行政执法监督 analysis: trends by month, field, agency and kind; inspection burden per firm; a view by 街道; one
 * file per firm (一企一档); the dashboard (flags per rule, rectification rate, trend); an Excel export with the same
 * filters as the screen. Inspection figures come from the held columnar store of every inspection (detections/store.ts:
 * the segments on SQLite, the table on PostgreSQL) through inspection-queries.ts, one pass per view; penalties,
 * complaints, flags and the workflow are aggregated in SQL.
 * Data scope (scope.ts) is a predicate in every query: a 司法所 sees the firms of its street, a liaison their agency.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { DETECTION_RULES, DETECTION_RULE_IDS, ENFORCEMENT_FIELDS, INSPECTION_KINDS } from '../../../common/contracts/enforcement';
import type { Analysis, AnalysisQuery, Dashboard, FirmFile } from '../../../common/contracts/enforcement-supervision';
import { AppError } from '../../../common/errors';
import type { DbHandle } from '../../db';
import type { Clock } from '../../platform/clock';
import type { WorkCalendar } from '../../../common/calendar';
import type { Actor } from '../../platform/identity';
import { allInspections, ensureDetectionRun } from './detections/detections.service';
import { firmInspections, inspectedByAny, inspectionCube, inspectionsByIds, monthTrend } from './inspection-queries';
import { penaltyCitation, penaltyDeadline } from './penalty-deadline';
import { DISTRICT, type EnforcementScope, describeScope, enforcementScope, scopeFilter } from './scope';
import type { SupervisionService } from './supervision.service';
import './supervision.tables';

const n = (v: unknown) => Number(v ?? 0);
const fieldLabel = (f: string) => (ENFORCEMENT_FIELDS as Record<string, string>)[f] ?? f;
const kindLabel = (k: string) => (INSPECTION_KINDS as Record<string, string>)[k] ?? k;
const BUCKETS: [string, number, number][] = [
  ['1 次', 1, 1],
  ['2 次', 2, 2],
  ['3–5 次', 3, 5],
  ['6–10 次', 6, 10],
  ['10 次以上', 11, Number.MAX_SAFE_INTEGER],
];

export type AnalysisService = ReturnType<typeof createAnalysisService>;

export function createAnalysisService(deps: { handle: DbHandle; clock: Clock; supervision: SupervisionService; calendar: () => Promise<WorkCalendar> }) {
  const { handle, clock, supervision } = deps;
  const db = handle.db;

  /** 街道 of every registered firm (credit code → street), for the street filter and the street scope. */
  async function firmStreets(): Promise<Map<string, string | null>> {
    return new Map((await db.selectFrom('enforcementFirms').select(['creditCode', 'street']).execute()).map((f) => [f.creditCode, f.street]));
  }
  const filterOf = (q: AnalysisQuery) => ({ from: q.from, to: q.to, ...(q.field ? { field: q.field } : {}), ...(q.agencyCode ? { agencyCode: q.agencyCode } : {}), ...(q.street ? { street: q.street } : {}) });

  async function analyse(q: AnalysisQuery, scope: EnforcementScope): Promise<Analysis> {
    if (q.from > q.to) throw new AppError('ENF_DATE_ORDER', { from: q.from, to: q.to });
    // One pass over the range grouped by (month, field, agency, kind) — at most a few thousand groups, rolled up below
    // into the month / field / agency / kind views — and by firm, from which come the firm count, the burden ranking,
    // the histogram and the street view (firm → street from the register).
    const streetOf = await firmStreets();
    const { cube, perFirm } = inspectionCube(await allInspections(handle), filterOf(q), scope, streetOf);
    const roll = (key: (r: (typeof cube)[number]) => string) => {
      const m = new Map<string, { inspections: number; problems: number }>();
      for (const r of cube) {
        const k = key(r);
        const e = m.get(k) ?? m.set(k, { inspections: 0, problems: 0 }).get(k)!;
        e.inspections += n(r.c);
        e.problems += n(r.p);
      }
      return [...m.entries()].map(([k, v]) => ({ k, ...v }));
    };
    const byCount = <T extends { inspections: number; k: string }>(a: T[]) => a.sort((x, y) => y.inspections - x.inspections || (x.k < y.k ? -1 : 1));
    const byMonth = roll((r) => r.m).sort((a, b) => (a.k < b.k ? -1 : 1));
    const byField = byCount(roll((r) => r.fd));
    const byAgency = byCount(roll((r) => r.ag));
    const byKind = byCount(roll((r) => r.kd));
    const streets = new Map<string, { inspections: number; problems: number; firms: number }>();
    for (const r of perFirm) {
      const k = streetOf.get(r.k) ?? '';
      const e = streets.get(k) ?? streets.set(k, { inspections: 0, problems: 0, firms: 0 }).get(k)!;
      e.inspections += n(r.c);
      e.problems += n(r.p);
      e.firms += 1;
    }
    const byStreet = byCount([...streets.entries()].map(([k, v]) => ({ k, ...v })));
    const burden = [...perFirm].sort((x, y) => n(y.c) - n(x.c) || (x.k < y.k ? -1 : 1)).slice(0, 20);
    const tot = { c: byMonth.reduce((s, r) => s + r.inspections, 0), p: byMonth.reduce((s, r) => s + r.problems, 0), f: perFirm.length };
    const pen = await db
      .selectFrom('enforcementPenalties as p')
      .where('p.filedOn', '>=', q.from)
      .where('p.filedOn', '<=', q.to)
      .$if(!!q.field, (b) => b.where('p.field', '=', q.field!))
      .$if(!!q.agencyCode, (b) => b.where('p.agencyCode', '=', q.agencyCode!))
      .$if(!scope.all, (b) => b.where(scopeFilter(scope, 'p.targetCreditCode', 'p.agencyCode')))
      .select((eb) => [eb.fn.countAll<number>().as('c'), eb.fn.sum<number>('p.amount').as('s')])
      .executeTakeFirstOrThrow();
    const comp = await db
      .selectFrom('enforcementComplaints as c')
      .where('c.receivedOn', '>=', q.from)
      .where('c.receivedOn', '<=', q.to)
      .$if(!!q.agencyCode, (b) => b.where('c.agencyCode', '=', q.agencyCode!))
      .$if(!scope.all, (b) => b.where(scopeFilter(scope, 'c.targetCreditCode', 'c.agencyCode')))
      .select((eb) => eb.fn.countAll<number>().as('c'))
      .executeTakeFirstOrThrow();
    const agencyNames = new Map((await db.selectFrom('enforcementAgencies').select(['code', 'name']).execute()).map((a) => [a.code, a.name]));
    const firms = burden.length ? new Map((await db.selectFrom('enforcementFirms').select(['creditCode', 'name', 'street']).where('creditCode', 'in', burden.map((b) => b.k)).execute()).map((f) => [f.creditCode, f])) : new Map();
    const hist = BUCKETS.map(([bucket, lo, hi]) => ({ bucket, firms: perFirm.filter((r) => n(r.c) >= lo && n(r.c) <= hi).length }));
    return {
      from: q.from,
      to: q.to,
      scope: describeScope(scope, agencyNames),
      totals: { inspections: n(tot.c), problems: n(tot.p), firms: n(tot.f), penalties: n(pen.c), fines: n(pen.s), complaints: n(comp.c) },
      byMonth: byMonth.map((r) => ({ month: r.k, inspections: r.inspections, problems: r.problems })),
      byField: byField.map((r) => ({ key: r.k, label: fieldLabel(r.k), inspections: r.inspections, problems: r.problems })),
      byAgency: byAgency.map((r) => ({ key: r.k, label: agencyNames.get(r.k) ?? r.k, inspections: r.inspections, problems: r.problems })),
      byKind: byKind.map((r) => ({ key: r.k, label: kindLabel(r.k), inspections: r.inspections, problems: r.problems })),
      byStreet: byStreet.map((r) => ({ key: r.k, label: r.k || '（未登记街道）', inspections: r.inspections, problems: r.problems, firms: r.firms })),
      burden: burden.map((r) => ({ creditCode: r.k, name: firms.get(r.k)?.name ?? null, street: firms.get(r.k)?.street ?? null, inspections: n(r.c), agencies: n(r.a), problems: n(r.p) })),
      burdenHistogram: hist,
    };
  }

  const scopeOf = (actor: Actor) => enforcementScope(db, actor);
  /** 一企一档 access: the whole file for the district and a 司法所 of the firm's street; an agency's rows for its liaison. */
  async function firmAccess(scope: EnforcementScope, creditCode: string): Promise<string[] | null> {
    if (scope.all) return null;
    if (scope.streets.length) {
      const f = await db.selectFrom('enforcementFirms').select('street').where('creditCode', '=', creditCode).executeTakeFirst();
      if (f?.street && scope.streets.includes(f.street)) return null;
    }
    if (scope.agencies.length) return scope.agencies;
    throw new AppError('OUT_OF_SCOPE');
  }

  /** The clue each complaint of a firm is part of: raised from it, or linked to it (complaint id → clue number). */
  async function complaintClues(creditCode: string): Promise<Map<string, string>> {
    const [raised, linked] = await Promise.all([
      db.selectFrom('enforcementClues').select(['complaintId', 'clueNo']).where('complaintCreditCode', '=', creditCode).execute(),
      db.selectFrom('enforcementClueComplaints as l').innerJoin('enforcementClues as c', 'c.id', 'l.clueId').select(['l.complaintId', 'c.clueNo']).where('l.targetCreditCode', '=', creditCode).execute(),
    ]);
    const m = new Map<string, string>();
    for (const r of [...raised, ...linked]) if (r.complaintId) m.set(r.complaintId, r.clueNo);
    return m;
  }

  return {
    analyse: async (actor: Actor, q: AnalysisQuery) => analyse(q, await scopeOf(actor)),

    /**
     * Figures for the enforcement dashboard within the actor's scope. Without an actor (an in-process caller that has
     * already decided on district-wide figures, e.g. the leadership dashboard) the whole district.
     */
    async dashboard(q: { from: string; to: string }, actor?: Actor): Promise<Dashboard> {
      const scope = actor ? await scopeOf(actor) : DISTRICT;
      const asOf = q.to < clock.today() ? q.to : clock.today();
      for (const rule of DETECTION_RULE_IDS) await ensureDetectionRun(handle, rule, { from: q.from, to: q.to, asOf }, { now: clock.nowIso(), calendar: deps.calendar });
      const flags = await db
        .selectFrom('enforcementDetections')
        .where(scopeFilter(scope, 'enforcementDetections.targetCreditCode', { json: 'enforcementDetections.agencyCodes' }))
        .where('status', '=', 'active')
        .where('firstOn', '>=', q.from)
        .where('lastOn', '<=', q.to)
        .select((eb) => ['rule', eb.fn.countAll<number>().as('c')])
        .groupBy('rule')
        .execute();
      const byRule = new Map(flags.map((f) => [f.rule, n(f.c)]));
      const clues = await db.selectFrom('enforcementClues as c').where(scopeFilter(scope, 'c.targetCreditCode', 'c.agencyCode')).select((eb) => ['c.status', eb.fn.countAll<number>().as('c')]).groupBy('c.status').execute();
      const orders = await db.selectFrom('enforcementOrders as o').innerJoin('enforcementClues as c', 'c.id', 'o.clueId').where(scopeFilter(scope, 'c.targetCreditCode', 'o.agencyCode')).select((eb) => ['o.status', eb.fn.countAll<number>().as('c')]).groupBy('o.status').execute();
      const cs = new Map(clues.map((c) => [c.status, n(c.c)]));
      const os = new Map(orders.map((c) => [c.status, n(c.c)]));
      const trend = monthTrend(await allInspections(handle), { from: q.from, to: q.to }, scope, scope.all ? new Map() : await firmStreets());
      const op = await db
        .selectFrom('enforcementOpinions as p')
        .innerJoin('enforcementOrders as o', 'o.id', 'p.orderId')
        .innerJoin('enforcementClues as c', 'c.id', 'o.clueId')
        .where(scopeFilter(scope, 'c.targetCreditCode', 'p.agencyCode'))
        .select((eb) => eb.fn.countAll<number>().as('c'))
        .executeTakeFirstOrThrow();
      return {
        flagsByRule: DETECTION_RULE_IDS.map((r) => ({ rule: r, name: DETECTION_RULES[r].name, count: byRule.get(r) ?? 0 })),
        rectification: await supervision.rectificationRate(undefined, actor),
        clues: { open: cs.get('open') ?? 0, ordered: cs.get('ordered') ?? 0, dismissed: cs.get('dismissed') ?? 0 },
        orders: { issued: os.get('issued') ?? 0, reported: os.get('reported') ?? 0, returned: os.get('returned') ?? 0, closed: os.get('closed') ?? 0 },
        opinions: n(op.c),
        byMonth: trend.map((r) => ({ month: r.k, inspections: n(r.c), problems: n(r.p) })),
      };
    },

    async firmFile(actor: Actor, creditCode: string): Promise<FirmFile> {
      const firm = await db.selectFrom('enforcementFirms').select(['name', 'street']).where('creditCode', '=', creditCode).executeTakeFirst();
      // null: the whole file; else only the rows of these agencies (an agency liaison)
      const agencies = await firmAccess(await scopeOf(actor), creditCode);
      const only = agencies ? { all: false, streets: [], agencies } : DISTRICT;
      const { rows: ins, total } = firmInspections(await allInspections(handle), creditCode, agencies);
      const [pens, comps, flags, clues, links] = await Promise.all([
        db.selectFrom('enforcementPenalties as p').leftJoin('enforcementPenaltyExtensions as x', 'x.penaltyId', 'p.id').selectAll('p').select(['x.days as extensionDays', 'x.basis as extensionBasis', 'x.reason as extensionReason', 'x.approvedOn as extensionApprovedOn']).where('p.targetCreditCode', '=', creditCode).where(scopeFilter(only, null, 'p.agencyCode')).orderBy('p.filedOn', 'desc').limit(500).execute(),
        db.selectFrom('enforcementComplaints as c').selectAll().where('c.targetCreditCode', '=', creditCode).where(scopeFilter(only, null, 'c.agencyCode')).orderBy('c.receivedOn', 'desc').limit(500).execute(),
        db.selectFrom('enforcementDetections as d').select(['d.id', 'd.rule', 'd.agencyCodes', 'd.firstOn', 'd.lastOn', 'd.evidenceCount']).where('d.targetCreditCode', '=', creditCode).where('d.status', '=', 'active').where(scopeFilter(only, null, { json: 'd.agencyCodes' })).orderBy('d.firstOn', 'desc').limit(500).execute(),
        db.selectFrom('enforcementClues as c').select(['c.id', 'c.clueNo', 'c.title', 'c.status']).where('c.targetCreditCode', '=', creditCode).where(scopeFilter(only, null, 'c.agencyCode')).orderBy('c.createdAt', 'desc').execute(),
        complaintClues(creditCode),
      ]);
      if (!firm && !ins.length && !pens.length && !comps.length) throw new AppError('NOT_FOUND', { entity: 'firm', creditCode });
      if (agencies && !ins.length && !pens.length && !comps.length && !flags.length) throw new AppError('OUT_OF_SCOPE');
      const cal = await deps.calendar();
      return {
        creditCode,
        name: firm?.name ?? null,
        street: firm?.street ?? null,
        inspections: ins.map((r) => ({ id: r.id, agencyCode: r.agencyCode, officerId: r.officerId, field: r.field, kind: r.kind, planId: r.planId, jointId: r.jointId, inspectedOn: r.inspectedOn, foundProblem: r.foundProblem })),
        inspectionsTotal: total,
        penalties: pens.map((p) => {
          const d = penaltyDeadline(cal, p.filedOn, p.extensionDays ? { days: n(p.extensionDays), basis: p.extensionBasis ?? '', reason: p.extensionReason ?? '', approvedOn: p.extensionApprovedOn ?? p.filedOn } : null, false);
          return { id: p.id, agencyCode: p.agencyCode, violationCode: p.violationCode, discretionLevel: p.discretionLevel, amount: n(p.amount), filedOn: p.filedOn, decidedOn: p.decidedOn, dueDate: d.due, overdue: p.decidedOn ? p.decidedOn > d.due : clock.today() > d.due };
        }),
        complaints: comps.map((c) => ({ id: c.id, agencyCode: c.agencyCode, receivedOn: c.receivedOn, category: c.category, summary: c.summary, status: c.status, clueNo: links.get(c.id) ?? null })),
        flags: flags.map((f) => ({ id: f.id, rule: f.rule, agencyCodes: JSON.parse(f.agencyCodes) as string[], firstOn: f.firstOn, lastOn: f.lastOn, evidenceCount: n(f.evidenceCount) })),
        clues,
      };
    },

    /**
     * Evidence rows of a flag: at most 500 inspections and 500 penalties, looked up by their record-id index, within
     * the viewer's data scope. Penalties carry their decision period as the deadline engine explains it.
     */
    async evidence(actor: Actor, inspectionIds: string[], penaltyIds: string[]) {
      const scope = await scopeOf(actor);
      const ins = inspectionIds.length ? inspectionsByIds(await allInspections(handle), inspectionIds.slice(0, 500), scope, scope.all ? new Map() : await firmStreets()) : [];
      const names = ins.length ? new Map((await db.selectFrom('enforcementFirms').select(['creditCode', 'name']).where('creditCode', 'in', [...new Set(ins.map((r) => r.targetCreditCode))]).execute()).map((f) => [f.creditCode, f.name])) : new Map<string, string>();
      const pens = penaltyIds.length
        ? await db
            .selectFrom('enforcementPenalties as p')
            .leftJoin('enforcementPenaltyExtensions as x', 'x.penaltyId', 'p.id')
            .selectAll('p')
            .select(['x.days as extensionDays', 'x.basis as extensionBasis', 'x.reason as extensionReason', 'x.approvedOn as extensionApprovedOn'])
            .where('p.id', 'in', penaltyIds.slice(0, 500))
            .where(scopeFilter(scope, 'p.targetCreditCode', 'p.agencyCode'))
            .orderBy('p.filedOn')
            .execute()
        : [];
      const cal = pens.length ? await deps.calendar() : null;
      return {
        inspections: ins.map((r) => ({ id: r.id, targetCreditCode: r.targetCreditCode, targetName: names.get(r.targetCreditCode) ?? null, agencyCode: r.agencyCode, officerId: r.officerId, field: r.field, kind: r.kind, planId: r.planId, jointId: r.jointId, inspectedOn: r.inspectedOn, foundProblem: r.foundProblem })),
        penalties: pens.map((p) => {
          const d = penaltyDeadline(cal!, p.filedOn, p.extensionDays ? { days: n(p.extensionDays), basis: p.extensionBasis ?? '', reason: p.extensionReason ?? '', approvedOn: p.extensionApprovedOn ?? p.filedOn } : null);
          return { id: p.id, targetCreditCode: p.targetCreditCode, agencyCode: p.agencyCode, violationCode: p.violationCode, discretionLevel: p.discretionLevel, amount: n(p.amount), filedOn: p.filedOn, decidedOn: p.decidedOn, deadline: { dueDate: d.due, citation: penaltyCitation(), steps: d.steps, tentative: d.flags.length > 0, extensionDays: n(p.extensionDays) } };
        }),
      };
    },

    async searchFirms(actor: Actor, q: string) {
      const scope = await scopeOf(actor);
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const matches = db.selectFrom('enforcementFirms').select(['creditCode', 'name', 'street']).where((eb) => eb.or([eb('creditCode', '=', q.toUpperCase()), sql<boolean>`${sql.ref('name')} like ${like} escape '\\'`]));
      if (scope.all || !scope.agencies.length) {
        const rows = await matches.where(scopeFilter(scope, 'enforcementFirms.creditCode', null)).orderBy('name').limit(20).execute();
        return { data: rows };
      }
      // data scope: firms of the viewer's streets, or firms their agencies inspected (the store answers the latter per
      // firm): matching firms are read in name order, a page at a time, until 20 are in scope
      const cols = await allInspections(handle);
      const streets = new Set(scope.streets);
      const rows: { creditCode: string; name: string; street: string | null }[] = [];
      for (let offset = 0; rows.length < 20; offset += 200) {
        const page = await matches.orderBy('name').orderBy('creditCode').limit(200).offset(offset).execute();
        for (const f of page) if (rows.length < 20 && ((f.street !== null && streets.has(f.street)) || inspectedByAny(cols, f.creditCode, scope.agencies))) rows.push(f);
        if (page.length < 200) break;
      }
      return { data: rows };
    },

    /** The same figures as the analysis page, one sheet per view, with the filters written on the first sheet. */
    async exportXlsx(actor: Actor, q: AnalysisQuery): Promise<Buffer> {
      const a = await analyse(q, await scopeOf(actor));
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Fazhi';
      const head = (ws: ExcelJS.Worksheet) => {
        ws.getRow(1).font = { bold: true };
        ws.views = [{ state: 'frozen', ySplit: 1 }];
      };
      const s0 = wb.addWorksheet('汇总');
      s0.columns = [{ header: '项目', key: 'k', width: 24 }, { header: '数值', key: 'v', width: 40 }];
      s0.addRows([
        { k: '统计期间', v: `${a.from} 至 ${a.to}` },
        { k: '执法领域', v: q.field ? fieldLabel(q.field) : '全部' },
        { k: '执法主体', v: q.agencyCode ?? '全部' },
        { k: '街道', v: q.street ?? '全部' },
        { k: '行政检查（次）', v: a.totals.inspections },
        { k: '发现问题（次）', v: a.totals.problems },
        { k: '被检查企业（户）', v: a.totals.firms },
        { k: '行政处罚立案（件）', v: a.totals.penalties },
        { k: '罚款金额（元）', v: a.totals.fines },
        { k: '12345 投诉（件）', v: a.totals.complaints },
        { k: '数据范围', v: a.scope },
      ]);
      head(s0);
      const table = (name: string, first: string, rows: { label: string; inspections: number; problems: number }[]) => {
        const ws = wb.addWorksheet(name);
        ws.columns = [{ header: first, key: 'label', width: 28 }, { header: '检查次数', key: 'inspections', width: 12 }, { header: '发现问题次数', key: 'problems', width: 14 }, { header: '问题发现率', key: 'rate', width: 12 }];
        ws.addRows(rows.map((r) => ({ ...r, rate: r.inspections ? Math.round((r.problems / r.inspections) * 1000) / 10 + '%' : '—' })));
        head(ws);
      };
      table('按月', '月份', a.byMonth.map((m) => ({ label: m.month, inspections: m.inspections, problems: m.problems })));
      table('按领域', '执法领域', a.byField);
      table('按执法主体', '执法主体', a.byAgency);
      table('按检查类型', '检查类型', a.byKind);
      table('按街道', '街道', a.byStreet);
      const wsB = wb.addWorksheet('检查负担');
      wsB.columns = [{ header: '统一社会信用代码', key: 'creditCode', width: 22 }, { header: '企业名称', key: 'name', width: 36 }, { header: '街道', key: 'street', width: 14 }, { header: '检查次数', key: 'inspections', width: 10 }, { header: '检查主体数', key: 'agencies', width: 10 }, { header: '发现问题次数', key: 'problems', width: 12 }];
      wsB.addRows(a.burden);
      head(wsB);
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
