/**
 * 领导驾驶舱: the year's key figures of every module (figures.ts) with the same span of the previous year, the monthly
 * trend, per-department and per-司法所 views, overdue and at-risk items from the deadline register, and the Excel
 * export of what is on screen. Data scope: a department view narrows the viewer's own scope to that department and
 * below (the module queries then apply it); a department outside the scope is refused. District-wide statistics (the
 * module does not split them by department) are shown only in the whole view, never passed off as a department's.
 */
import ExcelJS from 'exceljs';
import type { WorkCalendar } from '../../../common/calendar';
import { type DashboardTrend, type DashboardUnits, type DashboardView, type DeadlineRisk, FIGURE_BASIS, type Figure } from '../../../common/contracts/dashboard';
import { addPeriod } from '../../../common/deadlines';
import { AppError } from '../../../common/errors';
import type { Db } from '../../db';
import type { Clock } from '../../platform/clock';
import type { DeadlineService } from '../../platform/deadlines';
import type { Actor } from '../../platform/identity';
import { FIGURE_DEFS, type FigureSources, type Period, SOURCES, type SourceDef, canRead, figureQuery } from './figures';

export const MODULE_LABELS: Record<string, string> = {
  reconsideration: '行政复议',
  litigation: '行政应诉',
  legalityReview: '合法性审查',
  enforcement: '行政执法监督',
  legalService: '法律援助',
  mediation: '人民调解',
  corrections: '社区矫正',
  dispute: '矛盾纠纷',
};
const OBJECT_LINKS: Record<string, (id: string) => string> = {
  reconsiderationCase: (id) => `/reconsideration/cases/${id}`,
  litigationCase: (id) => `/litigation/${id}`,
  legalityDraft: (id) => `/legality-review/drafts/${id}`,
  enforcementOrder: (id) => `/enforcement/orders/${id}`,
  legalAidApplication: (id) => `/legal-services/aid/${id}`,
  mediationCase: (id) => `/mediation/${id}`,
  correctionSubject: (id) => `/corrections/${id}`,
};
const MAX_DEADLINE_ROWS = 2000;

export interface DashboardService {
  view(actor: Actor, q: { year: number; departmentId?: string | undefined }): Promise<DashboardView>;
  trend(actor: Actor, q: { year: number; departmentId?: string | undefined }): Promise<DashboardTrend>;
  units(actor: Actor, q: { year: number; kind: 'judicialOffice' | 'section' }): Promise<DashboardUnits>;
  workbook(actor: Actor, q: { year: number; departmentId?: string | undefined }): Promise<Buffer>;
  /** Every figure the actor may see for a period, whole scope, no comparison (annual report, snapshots). */
  figuresFor(actor: Actor, p: Period): Promise<Figure[]>;
  periodOf(year: number): { current: Period; previous: Period };
}

export function createDashboardService(deps: { db: Db; clock: Clock; sources: FigureSources; deadlines: DeadlineService; calendar: () => Promise<WorkCalendar>; horizonWorkingDays: number }): DashboardService {
  const { db, clock, sources } = deps;

  function periodOf(year: number): { current: Period; previous: Period } {
    const today = clock.today();
    const thisYear = Number(today.slice(0, 4));
    if (year > thisYear) throw new AppError('DASHBOARD_YEAR_INVALID', { year });
    const to = year < thisYear ? `${year}-12-31` : today;
    // the same span of the previous year (29 February falls back to the 28th)
    const prevTo = `${year - 1}${to.slice(4) === '-02-29' ? '-02-28' : to.slice(4)}`;
    return { current: { from: `${year}-01-01`, to }, previous: { from: `${year - 1}-01-01`, to: prevTo } };
  }

  /** The viewer's scope narrowed to a department and below; refused outside the viewer's scope. */
  async function narrow(actor: Actor, departmentId: string | undefined): Promise<{ actor: Actor; name: string; departmentId: string | null }> {
    if (!departmentId) return { actor, name: actor.scopeDepartmentIds === null ? '全区' : `${actor.departmentName}（数据权限范围）`, departmentId: null };
    const d = await db.selectFrom('departments').select(['id', 'name', 'path']).where('id', '=', departmentId).executeTakeFirst();
    if (!d) throw new AppError('NOT_FOUND', { entity: 'department', id: departmentId });
    if (actor.dataScope === 'own' || (actor.scopeDepartmentIds !== null && !actor.scopeDepartmentIds.includes(d.id))) throw new AppError('OUT_OF_SCOPE', { departmentId });
    const sub = (await db.selectFrom('departments').select('id').where('path', 'like', `${d.path}%`).execute()).map((r) => r.id);
    const visible = actor.scopeDepartmentIds;
    const ids = visible === null ? sub : sub.filter((id) => visible.includes(id));
    return { actor: { ...actor, dataScope: 'departmentTree', scopeDepartmentIds: ids }, name: d.name, departmentId: d.id };
  }

  /** Departments inside the viewer's scope (none for the scope 'own'), bureau first, then sections, then 司法所. */
  async function choosable(actor: Actor) {
    if (actor.dataScope === 'own') return [];
    let q = db.selectFrom('departments').select(['id', 'name', 'kind', 'path']);
    if (actor.scopeDepartmentIds !== null) q = q.where('id', 'in', actor.scopeDepartmentIds.length ? actor.scopeDepartmentIds : ['-']);
    const rows = await q.orderBy('sort').orderBy('name').execute();
    const order = (k: string) => (k === 'bureau' ? 0 : k === 'judicialOffice' ? 2 : 1);
    return rows.sort((a, b) => order(a.kind) - order(b.kind)).map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
  }

  const usable = (actor: Actor, s: SourceDef, departmentView: boolean) => canRead(actor, s) && !(departmentView && (s.basis === 'district' || s.basis === 'districtRegister'));
  const isRegister = (s: SourceDef) => s.basis === 'register' || s.basis === 'districtRegister';

  function figure(s: SourceDef, key: string, p: Period, departmentId: string | null, value: number | null, previous: number | null, available: boolean, note: string | null): Figure {
    const def = FIGURE_DEFS.get(key)!.def;
    return {
      key, module: s.module, moduleLabel: s.moduleLabel, label: def.label, unit: def.unit, basis: s.basis, available, value, previous, note,
      definition: `${def.definition}（${FIGURE_BASIS[s.basis]}）`,
      // the module pages filter by the viewer's scope, not by a chosen department: a department view is never exact
      drill: def.drill ? (({ exact, ...d }) => ({ ...d, exact: departmentId === null && exact === true }))(def.drill(p)) : null,
      query: figureQuery(def, p, departmentId),
    };
  }

  async function figures(actor: Actor, p: Period, prev: Period | null, departmentId: string | null): Promise<Figure[]> {
    const out: Figure[] = [];
    for (const s of SOURCES) {
      const ok = usable(actor, s, departmentId !== null);
      if (!ok) {
        const note = canRead(actor, s) ? '全区口径，不按部门拆分：请在全区视图查看' : '无该模块统计权限';
        for (const f of s.figures) out.push(figure(s, f.key, p, departmentId, null, null, false, note));
        continue;
      }
      const cur = await s.load(sources, actor, p);
      const before = prev && !isRegister(s) ? await s.load(sources, actor, prev) : null;
      for (const f of s.figures) out.push(figure(s, f.key, p, departmentId, cur[f.key] ?? null, before ? (before[f.key] ?? null) : null, true, isRegister(s) ? '当前在册数，不作同比' : null));
    }
    return out;
  }

  async function deadlineRisk(actor: Actor): Promise<DeadlineRisk> {
    const today = clock.today();
    const cal = await deps.calendar();
    const horizon = deps.horizonWorkingDays > 0 ? addPeriod(cal, { from: today, length: deps.horizonWorkingDays, unit: 'WD', onUnpublished: 'flag', explain: false }).due : today;
    if (!actor.permissions.has('deadline.read')) return { horizon, horizonWorkingDays: deps.horizonWorkingDays, byModule: [], items: [], truncated: false };
    const rows: Awaited<ReturnType<DeadlineService['list']>>['data'] = [];
    let total = 0;
    for (let page = 1; rows.length < MAX_DEADLINE_ROWS; page++) {
      const r = await deps.deadlines.list(actor, { status: 'open', dueBefore: horizon, sort: 'due', page, pageSize: 200 });
      total = r.total;
      rows.push(...r.data);
      if (r.data.length < 200) break;
    }
    const by = new Map<string, { overdue: number; atRisk: number }>();
    for (const r of rows) {
      const m = by.get(r.module) ?? { overdue: 0, atRisk: 0 };
      // the register decides: a day deadline whose due day has ended, an hour deadline whose due instant has passed
      if (r.overdue) m.overdue++;
      else m.atRisk++;
      by.set(r.module, m);
    }
    return {
      horizon,
      horizonWorkingDays: deps.horizonWorkingDays,
      byModule: [...by.entries()].map(([module, c]) => ({ module, label: MODULE_LABELS[module] ?? module, ...c })).sort((a, b) => b.overdue - a.overdue || b.atRisk - a.atRisk),
      items: rows.slice(0, 30).map((r) => ({ id: r.id, module: r.module, moduleLabel: MODULE_LABELS[r.module] ?? r.module, title: r.title, citation: r.citation, dueDate: r.dueDate, dueAt: r.dueAt, daysLeft: r.daysLeft, hoursLeft: r.hoursLeft, overdue: r.overdue, link: OBJECT_LINKS[r.objectType]?.(r.objectId) ?? null })),
      truncated: total > rows.length,
    };
  }

  function monthsOf(p: Period): Period[] {
    const out: Period[] = [];
    const year = Number(p.from.slice(0, 4));
    for (let m = 1; m <= 12; m++) {
      const from = `${year}-${String(m).padStart(2, '0')}-01`;
      if (from > p.to) break;
      const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
      const end = `${year}-${String(m).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
      out.push({ from, to: end < p.to ? end : p.to });
    }
    return out;
  }
  const shiftYear = (p: Period): Period => {
    const y = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4) === '-02-29' ? '-02-28' : d.slice(4)}`;
    return { from: y(p.from), to: y(p.to) };
  };

  const service: DashboardService = {
    periodOf,
    async view(actor, q) {
      const { current, previous } = periodOf(q.year);
      const n = await narrow(actor, q.departmentId);
      return {
        year: q.year, from: current.from, to: current.to, previousFrom: previous.from, previousTo: previous.to,
        departmentId: n.departmentId, departmentName: n.name, generatedAt: clock.nowIso(),
        figures: await figures(n.actor, current, previous, n.departmentId),
        deadlines: await deadlineRisk(n.actor),
        departments: await choosable(actor),
      };
    },

    async trend(actor, q) {
      const { current } = periodOf(q.year);
      const n = await narrow(actor, q.departmentId);
      const months = monthsOf(current);
      const series: DashboardTrend['series'] = [];
      for (const s of SOURCES) {
        const keys = s.figures.filter((f) => f.trend).map((f) => f.key);
        if (!keys.length || isRegister(s) || !usable(n.actor, s, n.departmentId !== null)) continue;
        const cur: Record<string, number | null>[] = [];
        const prev: Record<string, number | null>[] = [];
        for (const m of months) {
          cur.push(await s.load(sources, n.actor, m));
          prev.push(await s.load(sources, n.actor, shiftYear(m)));
        }
        for (const k of keys) series.push({ key: k, label: FIGURE_DEFS.get(k)!.def.label, moduleLabel: s.moduleLabel, values: cur.map((r) => r[k] ?? null), previous: prev.map((r) => r[k] ?? null) });
      }
      return { year: q.year, months: months.map((m) => m.from.slice(0, 7)), series };
    },

    async units(actor, q) {
      const { current } = periodOf(q.year);
      let depts = db.selectFrom('departments').select(['id', 'name']).where('kind', q.kind === 'judicialOffice' ? '=' : 'in', q.kind === 'judicialOffice' ? 'judicialOffice' : ['section', 'center']);
      if (actor.dataScope === 'own') return { year: q.year, kind: q.kind, columns: [], rows: [] };
      if (actor.scopeDepartmentIds !== null) depts = depts.where('id', 'in', actor.scopeDepartmentIds.length ? actor.scopeDepartmentIds : ['-']);
      const list = await depts.orderBy('sort').orderBy('name').execute();
      // a 司法所 works disputes, mediation, corrections, legal-aid intake and 普法; the sections every module
      const forOffice = new Set(['dispute', 'corrections', 'legalAid', 'hotline', 'ruleOfLaw']);
      const scoped = SOURCES.filter((s) => usable(actor, s, true) && (q.kind !== 'judicialOffice' || forOffice.has(s.id)));
      const columns = scoped.flatMap((s) => s.figures.filter((f) => f.unit === 'count').map((f) => ({ key: f.key, label: `${s.moduleLabel}·${f.label}`, unit: f.unit })));
      const rows: DashboardUnits['rows'] = [];
      for (const d of list) {
        const n = await narrow(actor, d.id);
        const values: Record<string, number | null> = {};
        for (const s of scoped) {
          const r = await s.load(sources, n.actor, current);
          for (const f of s.figures) if (f.unit === 'count') values[f.key] = r[f.key] ?? null;
        }
        rows.push({ departmentId: d.id, name: d.name, values });
      }
      return { year: q.year, kind: q.kind, columns, rows };
    },

    async workbook(actor, q) {
      const v = await service.view(actor, q);
      const t = await service.trend(actor, q);
      const wb = new ExcelJS.Workbook();
      wb.creator = '法治 Fazhi';
      const head = (ws: ExcelJS.Worksheet, cols: string[]) => {
        ws.addRow([`${v.year} 年度领导驾驶舱 · ${v.departmentName} · 统计期间 ${v.from} 至 ${v.to}（同比 ${v.previousFrom} 至 ${v.previousTo}）`]);
        ws.addRow(cols).font = { bold: true };
      };
      const ws = wb.addWorksheet('关键指标');
      head(ws, ['业务', '指标', '本期', '上年同期', '口径', '数据来源（接口与字段）']);
      // numbers stay numbers (staff add them up in Excel); rates are fractions shown as percentages of one decimal
      const num = (unit: Figure['unit'], x: number | null) => (x === null ? '—' : unit === 'percent' ? x / 100 : x);
      for (const f of v.figures) {
        const row = ws.addRow([f.moduleLabel, f.label, f.available ? num(f.unit, f.value) : (f.note ?? '—'), f.available ? num(f.unit, f.previous) : '—', f.definition, `${f.query.endpoint} → ${f.query.field}`]);
        if (f.unit !== 'count') for (const c of [3, 4]) row.getCell(c).numFmt = '0.0%';
      }
      ws.columns.forEach((c, i) => (c.width = [14, 26, 12, 12, 60, 50][i] ?? 14));
      const ts = wb.addWorksheet('月度趋势');
      head(ts, ['指标', ...t.months]);
      for (const s of t.series) {
        ts.addRow([`${s.moduleLabel}·${s.label}`, ...s.values.map((x) => x ?? '—')]);
        ts.addRow([`${s.moduleLabel}·${s.label}（上年同月）`, ...s.previous.map((x) => x ?? '—')]);
      }
      ts.getColumn(1).width = 36;
      const ds = wb.addWorksheet('逾期与临期');
      head(ds, ['业务', '事项', '法定依据', '届满日', '剩余天数']);
      for (const m of v.deadlines.byModule) ds.addRow([m.label, `逾期 ${m.overdue} 项，临期 ${m.atRisk} 项（${v.deadlines.horizonWorkingDays} 个工作日内）`, '', '', '']);
      for (const d of v.deadlines.items) ds.addRow([d.moduleLabel, d.title, d.citation, d.dueDate ?? '—', d.daysLeft ?? '—']);
      ds.columns.forEach((c, i) => (c.width = [14, 50, 40, 12, 10][i] ?? 14));
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    async figuresFor(actor, p) {
      return figures(actor, p, null, null);
    },
  };
  return service;
}
