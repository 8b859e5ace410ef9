/**
 * Scheduled monthly statistics: the previous month's figures of every module (the dashboard's catalogue, so the same
 * statistics functions as the modules' own pages) stored once per month as an .xlsx snapshot. Idempotent per month
 * (unique month; a second run returns the stored one). Run by the server on an interval and by `tsx server/cli.ts
 * stats-snapshot [YYYY-MM]`. The job reads district-wide as the system (no user), and its audit entry names no person.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { StatsSnapshot } from '../../../common/contracts/dashboard';
import { AppError } from '../../../common/errors';
import type { Db } from '../../db';
import type { AuditService } from '../../platform/audit';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/identity';
import type { Permission } from '../../../common/permissions';
import type { DashboardService } from './dashboard.service';
import { SOURCES, figureText } from './figures';
import './tables';

export interface SnapshotService {
  /** Stores the snapshot of `month` (YYYY-MM, default: the month before today) unless it exists. */
  runMonthly(month?: string): Promise<{ snapshot: StatsSnapshot; created: boolean }>;
  list(actor: Actor): Promise<{ data: StatsSnapshot[] }>;
  download(actor: Actor, id: string): Promise<{ buffer: Buffer; name: string }>;
}

/** The job's identity: district-wide, with exactly the modules' statistics permissions and nothing else. */
function systemActor(): Actor {
  return {
    userId: 'system', username: 'system', displayName: '月度统计任务', departmentId: '', departmentName: '全区', departmentPath: '/', roles: [],
    permissions: new Set(SOURCES.flatMap((s) => (Array.isArray(s.permission) ? s.permission : [s.permission]) as Permission[])), dataScope: 'all', scopeDepartmentIds: null, duties: [], mustChangePassword: false, isDemo: false,
  };
}

export function previousMonth(today: string): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function createSnapshotService(deps: { db: Db; clock: Clock; audit: AuditService; dashboard: DashboardService }): SnapshotService {
  const { db, clock } = deps;
  const view = (r: { id: string; month: string; fromDate: string; toDate: string; createdAt: string; bytes: number; figures: number }): StatsSnapshot => ({ id: r.id, month: r.month, from: r.fromDate, to: r.toDate, createdAt: r.createdAt, bytes: Number(r.bytes), figures: Number(r.figures) });
  const cols = ['id', 'month', 'fromDate', 'toDate', 'createdAt', 'bytes', 'figures'] as const;
  function assertDistrictScope(actor: Actor) {
    if (actor.dataScope !== 'all' || actor.scopeDepartmentIds !== null) throw new AppError('OUT_OF_SCOPE', { reason: 'district-wide snapshots' });
  }

  return {
    async runMonthly(month) {
      const m = month ?? previousMonth(clock.today());
      const match = /^(\d{4})-(\d{2})$/.exec(m);
      if (!match || Number(match[2]) < 1 || Number(match[2]) > 12 || m >= clock.today().slice(0, 7)) throw new AppError('STATS_SNAPSHOT_MONTH_INVALID', { month: m });
      const existing = await db.selectFrom('statsSnapshots').select(cols).where('month', '=', m).executeTakeFirst();
      if (existing) return { snapshot: view(existing), created: false };
      const last = new Date(Date.UTC(Number(match[1]), Number(match[2]), 0)).getUTCDate();
      const p = { from: `${m}-01`, to: `${m}-${String(last).padStart(2, '0')}` };
      const figures = await deps.dashboard.figuresFor(systemActor(), p);
      const wb = new ExcelJS.Workbook();
      wb.creator = '法治 Fazhi';
      const ws = wb.addWorksheet('月度统计');
      ws.addRow([`${m} 月度统计快照（全区）· 统计期间 ${p.from} 至 ${p.to} · 生成于 ${clock.nowIso()}`]);
      ws.addRow(['业务', '指标', '数值', '口径', '数据来源（接口与字段）']).font = { bold: true };
      for (const f of figures) ws.addRow([f.moduleLabel, f.label, f.available ? (f.unit === 'count' ? (f.value ?? '—') : figureText(f.unit, f.value)) : '—', f.definition, `${f.query.endpoint} → ${f.query.field}`]);
      ws.columns.forEach((c, i) => (c.width = [16, 28, 12, 70, 60][i] ?? 14));
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      const id = randomUUID();
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        const res = await trx.insertInto('statsSnapshots').values({ id, month: m, fromDate: p.from, toDate: p.to, figures: figures.length, bytes: buffer.length, contentBase64: buffer.toString('base64'), createdAt: now }).onConflict((oc) => oc.column('month').doNothing()).executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) await deps.audit.record({ actor: null, action: 'dashboard.snapshot.create', objectType: 'statsSnapshot', objectId: id, after: { month: m, figures: figures.length, bytes: buffer.length } }, trx);
      });
      // another process may have stored the month first: return whichever row is there
      const row = await db.selectFrom('statsSnapshots').select(cols).where('month', '=', m).executeTakeFirstOrThrow();
      return { snapshot: view(row), created: row.id === id };
    },

    async list(actor) {
      assertDistrictScope(actor);
      const rows = await db.selectFrom('statsSnapshots').select(cols).orderBy('month', 'desc').execute();
      return { data: rows.map(view) };
    },

    async download(actor, id) {
      assertDistrictScope(actor);
      const r = await db.selectFrom('statsSnapshots').select(['month', 'contentBase64']).where('id', '=', id).executeTakeFirst();
      if (!r) throw new AppError('NOT_FOUND', { entity: 'statsSnapshot', id });
      return { buffer: Buffer.from(r.contentBase64, 'base64'), name: `月度统计_${r.month}.xlsx` };
    },
  };
}

/** Runs the monthly job now and then every `minutes`; returns a stop function. */
export function scheduleSnapshots(svc: SnapshotService, minutes: number, onDone: (r: { month: string; created: boolean }) => void, onError: (err: unknown) => void): () => void {
  const run = () => svc.runMonthly().then((r) => onDone({ month: r.snapshot.month, created: r.created }), onError);
  void run();
  const t = setInterval(run, minutes * 60_000);
  t.unref();
  return () => clearInterval(t);
}
