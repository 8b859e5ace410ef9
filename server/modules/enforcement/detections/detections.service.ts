import { createHash } from 'node:crypto';
import { DETECTION_RULES, type DetectionFlag, type DetectionList, type DetectionParams, DetectionParamSchemas, type DetectionRuleId, type DetectionRuleView, type DetectionSimulation } from '../../../../common/contracts/enforcement';
import { AppError } from '../../../../common/errors';
import type { Database, DbHandle } from '../../../db';
import type { Actor } from '../../../platform/identity';
import type { AuditService } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { type InspectionColumns, type SortedViews, buildSortedViews, dayNumber, dayString, restrictToDays, rowId } from './columns';
import { type PenaltyRow, type RawFlag, detectDiscretionOutlier, detectExpiredCertificate, detectFrequencyCap, detectLowYield, detectMultiAgency, detectOverduePenalty, detectRepeated, detectUnplanned } from './engine';
import { type DayRange, loadInspectionColumns } from './load';

export const MIN_DAY = '0001-01-01';
export const MAX_DAY = '9999-12-31';

export interface DetectionRange {
  from?: string | undefined;
  to?: string | undefined;
  /** the day undecided penalties are measured on (overdue-penalty); default: `to`, capped at today when a clock is given */
  asOf?: string | undefined;
}

const ID_PREFIX: Record<DetectionRuleId, string> = {
  'repeated-inspection': 'rep',
  'multi-agency-inspection': 'mul',
  'unplanned-inspection': 'unp',
  'low-yield-officer': 'low',
  'frequency-cap': 'cap',
  'expired-certificate': 'crt',
  'overdue-penalty': 'ovd',
  'discretion-outlier': 'dsc',
};

export function defaultParams<R extends DetectionRuleId>(rule: R): DetectionParams<R> {
  return structuredClone(DETECTION_RULES[rule].defaults) as DetectionParams<R>;
}

/** Parse and check parameters for a rule; bad parameters → 400 ENFORCEMENT_PARAMS_INVALID with the issues. */
export function parseParams<R extends DetectionRuleId>(rule: R, params: unknown): DetectionParams<R> {
  const r = DetectionParamSchemas[rule].safeParse(params);
  if (!r.success) throw new AppError('ENFORCEMENT_PARAMS_INVALID', { issues: r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  return r.data as DetectionParams<R>;
}

function normRange(range: DetectionRange): DayRange {
  return { from: range.from ?? MIN_DAY, to: range.to ?? MAX_DAY };
}

// ------------------------------------------------------------------------------------------- data version & cache

export async function dataVersion(handle: DbHandle): Promise<number> {
  const row = await handle.db.selectFrom('enforcementState').select('value').where('key', '=', 'data_version').executeTakeFirst();
  return Number(row?.value ?? 0);
}

/** Call after any change to inspections, penalties, officers or plans: cached columns and materialised runs refresh. */
export async function bumpDataVersion(db: DbHandle['db']): Promise<void> {
  await db.updateTable('enforcementState').set((eb) => ({ value: eb('value', '+', 1) })).where('key', '=', 'data_version').execute();
}

interface Snapshot {
  version: number;
  range: DayRange;
  cols: InspectionColumns;
  views: SortedViews;
}
const snapshots = new WeakMap<object, Snapshot>();

/** Columns of ALL inspections at a data version, handed over by the importer (ADR 0005). */
interface Store {
  version: number;
  cols: InspectionColumns;
}
const stores = new WeakMap<object, Store>();

/**
 * The importer's columns of every inspection stored at `version`: a bulk load into an empty table on SQLite, whose
 * transaction held the write lock from before the table was found empty until after the version was bumped, so
 * that no other write falls between. Snapshots at that version are cut from them instead of reading the table.
 */
export function primeInspectionStore(handle: DbHandle, version: number, cols: InspectionColumns): void {
  stores.set(handle.db, { version, cols });
  snapshots.delete(handle.db);
}

/**
 * The columnar snapshot for a range, cached per database handle until the data version changes: cut from the
 * importer's columns when they are of the current version, else read from the table in one pass.
 */
export async function inspectionSnapshot(handle: DbHandle, range: DayRange, version?: number): Promise<Snapshot> {
  const v = version ?? (await dataVersion(handle));
  const cached = snapshots.get(handle.db);
  if (cached && cached.version === v && cached.range.from === range.from && cached.range.to === range.to) return cached;
  const store = stores.get(handle.db);
  if (store && store.version !== v) stores.delete(handle.db);
  const cols = store && store.version === v ? restrictToDays(store.cols, dayNumber(range.from), dayNumber(range.to)) : await loadInspectionColumns(handle, range);
  const snap = { version: v, range, cols, views: buildSortedViews(cols) };
  snapshots.set(handle.db, snap);
  return snap;
}

async function loadPenalties(handle: DbHandle, range: DayRange): Promise<PenaltyRow[]> {
  return handle.db
    .selectFrom('enforcementPenalties')
    .select(['id', 'targetCreditCode', 'agencyCode', 'field', 'violationCode', 'discretionLevel', 'amount', 'filedOn', 'decidedOn'])
    .where('filedOn', '>=', range.from)
    .where('filedOn', '<=', range.to)
    .orderBy('filedOn')
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------------------------------------------ compute

/** Raw flags of one rule over in-memory columns (no database): the engine entry point for tests and the benchmark. */
export function evaluateInspectionRule(
  rule: Exclude<DetectionRuleId, 'overdue-penalty' | 'discretion-outlier'>,
  params: DetectionParams,
  cols: InspectionColumns,
  views: SortedViews,
  registers: { plans?: Parameters<typeof detectFrequencyCap>[3]; officers?: Parameters<typeof detectExpiredCertificate>[3] } = {},
): RawFlag[] {
  switch (rule) {
    case 'repeated-inspection':
      return detectRepeated(cols, views, params as DetectionParams<'repeated-inspection'>);
    case 'multi-agency-inspection':
      return detectMultiAgency(cols, views, params as DetectionParams<'multi-agency-inspection'>);
    case 'unplanned-inspection':
      return detectUnplanned(cols, views, params as DetectionParams<'unplanned-inspection'>);
    case 'low-yield-officer':
      return detectLowYield(cols, views, params as DetectionParams<'low-yield-officer'>);
    case 'frequency-cap':
      return detectFrequencyCap(cols, views, params as DetectionParams<'frequency-cap'>, registers.plans ?? []);
    case 'expired-certificate':
      return detectExpiredCertificate(cols, views, params as DetectionParams<'expired-certificate'>, registers.officers ?? []);
  }
}

function stableId(rule: DetectionRuleId, key: string, firstEvidence: string): string {
  return `${ID_PREFIX[rule]}-${createHash('sha1').update(`${rule}\u0000${key}\u0000${firstEvidence}`).digest('hex').slice(0, 24)}`;
}

function toFlag(rule: DetectionRuleId, f: RawFlag, cols: InspectionColumns | null): DetectionFlag {
  const inspectionIds = cols ? f.rows.map((r) => rowId(cols, r)) : [];
  const first = inspectionIds[0] ?? f.penaltyIds?.[0] ?? '';
  return {
    id: stableId(rule, f.key, first),
    rule,
    ...(f.firm !== undefined ? { targetCreditCode: f.firm } : {}),
    agencyCodes: f.agencies,
    ...(f.officer !== undefined ? { officerId: f.officer } : {}),
    ...(f.field !== undefined ? { field: f.field } : {}),
    inspectionIds,
    ...(f.penaltyIds ? { penaltyIds: f.penaltyIds } : {}),
    firstOn: dayString(f.firstDay),
    lastOn: dayString(f.lastDay),
    detail: f.detail,
    legalBasis: DETECTION_RULES[rule].legalBasis,
  };
}

/** Compute the flags of one rule over a range, with the given parameters (no writes). */
export async function computeFlags(handle: DbHandle, rule: DetectionRuleId, params: DetectionParams, range: DetectionRange): Promise<DetectionFlag[]> {
  const r = normRange(range);
  if (rule === 'overdue-penalty' || rule === 'discretion-outlier') {
    const penalties = await loadPenalties(handle, r);
    const raw = rule === 'overdue-penalty' ? detectOverduePenalty(penalties, params as DetectionParams<'overdue-penalty'>, range.asOf ?? r.to) : detectDiscretionOutlier(penalties, params as DetectionParams<'discretion-outlier'>);
    return raw.map((f) => toFlag(rule, f, null));
  }
  const snap = await inspectionSnapshot(handle, r);
  const registers: Parameters<typeof evaluateInspectionRule>[4] = {};
  if (rule === 'frequency-cap') registers.plans = await handle.db.selectFrom('enforcementInspectionPlans').select(['agencyCode', 'field', 'year', 'perFirmCap']).execute();
  if (rule === 'expired-certificate') registers.officers = await handle.db.selectFrom('enforcementOfficers').select(['id', 'certificateValidFrom', 'certificateValidTo']).execute();
  return evaluateInspectionRule(rule, params, snap.cols, snap.views, registers).map((f) => toFlag(rule, f, snap.cols));
}

// ------------------------------------------------------------------------------------------------ settings

export async function storedParams<R extends DetectionRuleId>(handle: DbHandle, rule: R): Promise<{ params: DetectionParams<R>; version: number; updatedAt: string | null }> {
  const row = await handle.db.selectFrom('enforcementDetectionSettings').select(['params', 'version', 'updatedAt']).where('rule', '=', rule).executeTakeFirst();
  if (!row) return { params: defaultParams(rule), version: 0, updatedAt: null };
  // Parameters stored by an older version may miss newer keys: defaults fill them.
  return { params: { ...defaultParams(rule), ...(JSON.parse(row.params) as object) } as DetectionParams<R>, version: row.version, updatedAt: row.updatedAt };
}

// ------------------------------------------------------------------------------------------------ materialise

/**
 * Run one rule over a range and materialise its flags in enforcement_detections: flags keep their stable id across
 * runs (upsert), flags of an earlier run inside the range that this run no longer raises are marked `cleared` (never
 * deleted: clues may link to them). params null = the stored parameters.
 */
export async function runDetection(handle: DbHandle, rule: DetectionRuleId, params: DetectionParams | null, range: DetectionRange, opts: { now?: string } = {}): Promise<{ flags: DetectionFlag[]; ranAt: string }> {
  const r = normRange(range);
  const version = await dataVersion(handle);
  const p = params ?? (await storedParams(handle, rule)).params;
  const flags = await computeFlags(handle, rule, p, range);
  // Callers with a clock pass opts.now (the service does); the fallback only stamps when the run happened.
  const ranAt = opts.now ?? new Date().toISOString();
  const stamp = `${ranAt}#${Math.random().toString(36).slice(2, 10)}`;
  await handle.db.transaction().execute(async (trx) => {
    for (let i = 0; i < flags.length; i += 400) {
      const values = flags.slice(i, i + 400).map((f) => ({
        id: f.id,
        rule,
        targetCreditCode: f.targetCreditCode ?? null,
        agencyCodes: JSON.stringify(f.agencyCodes),
        officerId: f.officerId ?? null,
        field: f.field ?? null,
        inspectionIds: JSON.stringify(f.inspectionIds),
        penaltyIds: JSON.stringify(f.penaltyIds ?? []),
        firstOn: f.firstOn,
        lastOn: f.lastOn,
        evidenceCount: f.inspectionIds.length + (f.penaltyIds?.length ?? 0),
        detail: JSON.stringify(f.detail),
        status: 'active',
        detectedAt: ranAt,
        updatedAt: stamp,
      }));
      await trx
        .insertInto('enforcementDetections')
        .values(values)
        .onConflict((oc) =>
          oc.column('id').doUpdateSet((eb) => ({
            targetCreditCode: eb.ref('excluded.targetCreditCode'),
            agencyCodes: eb.ref('excluded.agencyCodes'),
            officerId: eb.ref('excluded.officerId'),
            field: eb.ref('excluded.field'),
            inspectionIds: eb.ref('excluded.inspectionIds'),
            penaltyIds: eb.ref('excluded.penaltyIds'),
            firstOn: eb.ref('excluded.firstOn'),
            lastOn: eb.ref('excluded.lastOn'),
            evidenceCount: eb.ref('excluded.evidenceCount'),
            detail: eb.ref('excluded.detail'),
            status: 'active',
            updatedAt: eb.ref('excluded.updatedAt'),
          })),
        )
        .execute();
    }
    await trx
      .updateTable('enforcementDetections')
      .set({ status: 'cleared' })
      .where('rule', '=', rule)
      .where('status', '=', 'active')
      .where('firstOn', '>=', r.from)
      .where('lastOn', '<=', r.to)
      .where('updatedAt', '<>', stamp)
      .execute();
    const run = { rule, rangeFrom: r.from, rangeTo: r.to, dataVersion: version, params: runKey(rule, p, range), flags: flags.length, ranAt };
    await trx
      .insertInto('enforcementDetectionRuns')
      .values(run)
      .onConflict((oc) => oc.columns(['rule', 'rangeFrom', 'rangeTo']).doUpdateSet({ dataVersion: version, params: run.params, flags: run.flags, ranAt }))
      .execute();
  });
  return { flags, ranAt };
}

/** What a materialised run depends on besides the data: the parameters, and for overdue-penalty the as-of day. */
function runKey(rule: DetectionRuleId, params: DetectionParams, range: DetectionRange): string {
  return rule === 'overdue-penalty' ? `${JSON.stringify(params)}@${range.asOf ?? normRange(range).to}` : JSON.stringify(params);
}

/** Re-run a rule over a range only if data or parameters changed since its last run. */
export async function ensureDetectionRun(handle: DbHandle, rule: DetectionRuleId, range: DetectionRange, opts: { now?: string } = {}): Promise<void> {
  const r = normRange(range);
  const [version, { params }] = await Promise.all([dataVersion(handle), storedParams(handle, rule)]);
  const last = await handle.db.selectFrom('enforcementDetectionRuns').select(['dataVersion', 'params']).where('rule', '=', rule).where('rangeFrom', '=', r.from).where('rangeTo', '=', r.to).executeTakeFirst();
  if (last && Number(last.dataVersion) === version && last.params === runKey(rule, params, range)) return;
  await runDetection(handle, rule, params, range, opts);
}

/** A detection as computed: the table's row without its bookkeeping columns. */
type DetectionRow = Omit<Database['enforcementDetections'], 'evidenceCount' | 'status' | 'detectedAt' | 'updatedAt'>;

export function rowToFlag(row: DetectionRow): DetectionFlag {
  const rule = row.rule as DetectionRuleId;
  const penaltyIds = JSON.parse(row.penaltyIds) as string[];
  return {
    id: row.id,
    rule,
    ...(row.targetCreditCode !== null ? { targetCreditCode: row.targetCreditCode } : {}),
    agencyCodes: JSON.parse(row.agencyCodes) as string[],
    ...(row.officerId !== null ? { officerId: row.officerId } : {}),
    ...(row.field !== null ? { field: row.field } : {}),
    inspectionIds: JSON.parse(row.inspectionIds) as string[],
    ...(penaltyIds.length ? { penaltyIds } : {}),
    firstOn: row.firstOn,
    lastOn: row.lastOn,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    legalBasis: DETECTION_RULES[rule].legalBasis,
  };
}

/**
 * Materialised flags of a rule whose evidence lies within [from, to], a page at a time (ordered by first evidence
 * day, then id). The rule is (re-)run first when data or parameters changed since its last run over that range.
 */
export async function listDetections(handle: DbHandle, q: { rule: DetectionRuleId; from?: string | undefined; to?: string | undefined; asOf?: string | undefined; page: number; pageSize: number }, opts: { now?: string } = {}): Promise<DetectionList> {
  const r = normRange(q);
  await ensureDetectionRun(handle, q.rule, q, opts);
  const base = handle.db.selectFrom('enforcementDetections').where('rule', '=', q.rule).where('status', '=', 'active').where('firstOn', '>=', r.from).where('lastOn', '<=', r.to);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(['id', 'rule', 'targetCreditCode', 'agencyCodes', 'officerId', 'field', 'inspectionIds', 'penaltyIds', 'firstOn', 'lastOn', 'detail'])
    .orderBy('firstOn')
    .orderBy('id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { data: rows.map(rowToFlag), total: Number(total) };
}

/** One materialised flag by its stable id (for clues), or null. */
export async function getDetection(handle: DbHandle, id: string): Promise<(DetectionFlag & { status: string }) | null> {
  const row = await handle.db
    .selectFrom('enforcementDetections')
    .select(['id', 'rule', 'targetCreditCode', 'agencyCodes', 'officerId', 'field', 'inspectionIds', 'penaltyIds', 'firstOn', 'lastOn', 'detail', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...rowToFlag(row), status: row.status } : null;
}

// ------------------------------------------------------------------------------------------------ service

export interface DetectionService {
  rules(): Promise<DetectionRuleView[]>;
  updateParams(actor: Actor, rule: DetectionRuleId, params: unknown, version: number, meta: { ip?: string; requestId?: string }): Promise<DetectionRuleView>;
  simulate(rule: DetectionRuleId, params: unknown, range: DetectionRange): Promise<DetectionSimulation>;
  list(q: { rule: DetectionRuleId; from?: string | undefined; to?: string | undefined; page: number; pageSize: number }): Promise<DetectionList>;
}

export function createDetectionService(deps: { handle: DbHandle; clock: Clock; audit: AuditService }): DetectionService {
  const { handle, clock, audit } = deps;
  const today = () => clock.nowIso().slice(0, 10);
  const view = async (rule: DetectionRuleId): Promise<DetectionRuleView> => {
    const s = await storedParams(handle, rule);
    const info = DETECTION_RULES[rule];
    return { ...info, params: s.params as Record<string, unknown>, version: s.version, updatedAt: s.updatedAt };
  };
  return {
    async rules() {
      const out: DetectionRuleView[] = [];
      for (const id of Object.keys(DETECTION_RULES) as DetectionRuleId[]) out.push(await view(id));
      return out;
    },
    async updateParams(actor, rule, params, version, meta) {
      const p = parseParams(rule, params);
      const now = clock.nowIso();
      await handle.db.transaction().execute(async (trx) => {
        const cur = await trx.selectFrom('enforcementDetectionSettings').select(['params', 'version']).where('rule', '=', rule).executeTakeFirst();
        const curVersion = cur?.version ?? 0;
        if (curVersion !== version) throw new AppError('CONFLICT', { currentVersion: curVersion });
        if (cur) {
          await trx.updateTable('enforcementDetectionSettings').set({ params: JSON.stringify(p), updatedBy: actor.userId, updatedAt: now, version: curVersion + 1 }).where('rule', '=', rule).where('version', '=', curVersion).execute();
        } else {
          await trx.insertInto('enforcementDetectionSettings').values({ rule, params: JSON.stringify(p), updatedBy: actor.userId, updatedAt: now, version: 1 }).execute();
        }
        await audit.record(
          {
            actor: { id: actor.userId, name: actor.displayName },
            ip: meta.ip ?? null,
            requestId: meta.requestId ?? null,
            action: 'enforcement.detection.params.update',
            objectType: 'enforcementDetectionRule',
            objectId: rule,
            before: { params: cur ? (JSON.parse(cur.params) as Record<string, unknown>) : defaultParams(rule) },
            after: { params: p },
          },
          trx,
        );
      });
      return view(rule);
    },
    async simulate(rule, params, range) {
      const p = parseParams(rule, params);
      const r = { ...range, asOf: range.asOf ?? minDay(range.to ?? MAX_DAY, today()) };
      const cur = await computeFlags(handle, rule, (await storedParams(handle, rule)).params, r);
      const next = await computeFlags(handle, rule, p, r);
      const curIds = new Set(cur.map((f) => f.id));
      const nextIds = new Set(next.map((f) => f.id));
      let added = 0;
      for (const id of nextIds) if (!curIds.has(id)) added++;
      let removed = 0;
      for (const id of curIds) if (!nextIds.has(id)) removed++;
      const nr = normRange(range);
      return { rule, from: nr.from, to: nr.to, current: cur.length, proposed: next.length, added, removed };
    },
    async list(q) {
      return listDetections(handle, { ...q, asOf: minDay(q.to ?? MAX_DAY, today()) }, { now: clock.nowIso() });
    },
  };
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
