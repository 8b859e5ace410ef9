import { createHash } from 'node:crypto';
import type { WorkCalendar } from '../../../../common/calendar';
import { DETECTION_RULES, type DetectionFlag, type DetectionList, type DetectionParams, DetectionParamSchemas, type DetectionRuleId, type DetectionRuleView, type DetectionSimulation } from '../../../../common/contracts/enforcement';
import { AppError } from '../../../../common/errors';
import type { Database, DbHandle } from '../../../db';
import type { Actor } from '../../../platform/identity';
import type { AuditService } from '../../../platform/audit';
import type { Clock } from '../../../platform/clock';
import { type InspectionColumns, KIND_NAME, type SortedViews, buildSortedViews, dayNumber, dayString, restrictToDays, rowId } from './columns';
import { type PenaltyRow, type RawFlag, detectDiscretionOutlier, detectExpiredCertificate, detectFrequencyCap, detectLowYield, detectMultiAgency, detectOverduePenalty, detectRepeated, detectUnplanned } from './engine';
import { type InspectionInput, storeAt, storeStats } from './store';
import { penaltyCitation, penaltyDueMemo } from '../penalty-deadline';
import { type EnforcementScope, assertDistrict, enforcementScope, scopeFilter } from '../scope';

/** A range of inspection days, inclusive ('YYYY-MM-DD'). */
export interface DayRange {
  from: string;
  to: string;
}

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

/**
 * What the detections read, each with its own change counter in enforcement_state (migration 035), plus the global
 * `data_version` that invalidates everything (kept for writers that change several sources at once). Counters only
 * grow, so a sum of counters changes exactly when one of them does.
 */
export type DataSource = 'inspections' | 'officers' | 'plans' | 'penalties';
const SOURCE_KEY: Record<DataSource, string> = { inspections: 'inspections_version', officers: 'officers_version', plans: 'plans_version', penalties: 'penalties_version' };
export interface DataVersions {
  global: number;
  inspections: number;
  officers: number;
  plans: number;
  penalties: number;
}

/** The sources each rule reads: a register edit re-runs only the rules that read that register. */
export const RULE_SOURCES: Record<DetectionRuleId, readonly DataSource[]> = {
  'repeated-inspection': ['inspections'],
  'multi-agency-inspection': ['inspections'],
  'unplanned-inspection': ['inspections'],
  'low-yield-officer': ['inspections'],
  'frequency-cap': ['inspections', 'plans'],
  'expired-certificate': ['inspections', 'officers'],
  'overdue-penalty': ['penalties'],
  'discretion-outlier': ['penalties'],
};

export async function dataVersions(q: DbHandle['db']): Promise<DataVersions> {
  const rows = await q.selectFrom('enforcementState').select(['key', 'value']).execute();
  const m = new Map(rows.map((r) => [r.key, Number(r.value)]));
  return { global: m.get('data_version') ?? 0, inspections: m.get(SOURCE_KEY.inspections) ?? 0, officers: m.get(SOURCE_KEY.officers) ?? 0, plans: m.get(SOURCE_KEY.plans) ?? 0, penalties: m.get(SOURCE_KEY.penalties) ?? 0 };
}

/** The version the inspection columns are cached at: the global counter plus the inspections' own. */
export const inspectionVersion = (v: DataVersions) => v.global + v.inspections;
/** The version a rule's materialised run depends on: the global counter plus the counters of the sources it reads. */
export const ruleVersion = (v: DataVersions, rule: DetectionRuleId) => RULE_SOURCES[rule].reduce((n, src) => n + v[src], v.global);

/** Every counter summed: changes on any write (kept for callers that only ask "did anything change"). */
export async function dataVersion(handle: DbHandle): Promise<number> {
  const v = await dataVersions(handle.db);
  return v.global + v.inspections + v.officers + v.plans + v.penalties;
}

/**
 * Call after a change, inside the writing transaction: `source` bumps that source's counter only (an officer edit
 * keeps the cached inspection columns, and only expired-certificate re-runs); no source bumps the global counter
 * (everything refreshes).
 */
export async function bumpDataVersion(db: DbHandle['db'], source?: DataSource): Promise<void> {
  await db.updateTable('enforcementState').set((eb) => ({ value: eb('value', '+', 1) })).where('key', '=', source ? SOURCE_KEY[source] : 'data_version').execute();
}

/** SQL of the bump for the importer's own SQLite connection. */
export const bumpSql = (source: DataSource) => `update enforcement_state set value = value + 1 where key = '${SOURCE_KEY[source]}'`;
/** SQL reading the inspection version (global + inspections) on the importer's own SQLite connection. */
export const inspectionVersionSql = `select sum(value) from enforcement_state where key in ('data_version', '${SOURCE_KEY.inspections}')`;

interface Snapshot {
  version: number;
  range: DayRange;
  cols: InspectionColumns;
  views: SortedViews;
}
const snapshots = new WeakMap<object, Snapshot>();

/** How often the stored inspections were loaded in full in this process (tests and the bench): see store.ts. */
export const snapshotStats = (): { tableLoads: number } => ({ tableLoads: storeStats().fullLoads });

/**
 * The columnar snapshot for a range, cached per database handle until the INSPECTION version changes (an officer,
 * plan or penalty write leaves it alone): cut from the held store of every inspection (store.ts), which follows the
 * store of record incrementally on SQLite and is loaded once per version on PostgreSQL.
 */
export async function inspectionSnapshot(handle: DbHandle, range: DayRange, version?: number): Promise<Snapshot> {
  const v = version ?? inspectionVersion(await dataVersions(handle.db));
  const cached = snapshots.get(handle.db);
  if (cached && cached.version === v && cached.range.from === range.from && cached.range.to === range.to) return cached;
  const store = await storeAt(handle, v);
  const cols = restrictToDays(store.view(), dayNumber(range.from), dayNumber(range.to));
  const snap = { version: v, range, cols, views: buildSortedViews(cols) };
  snapshots.set(handle.db, snap);
  return snap;
}

/** Every stored inspection as columns at the current inspection version (the analysis, 一企一档, evidence). */
export async function allInspections(handle: DbHandle): Promise<InspectionColumns> {
  const v = inspectionVersion(await dataVersions(handle.db));
  return (await storeAt(handle, v)).view();
}

async function loadPenalties(handle: DbHandle, range: DayRange): Promise<PenaltyRow[]> {
  return handle.db
    .selectFrom('enforcementPenalties as p')
    .leftJoin('enforcementPenaltyExtensions as x', 'x.penaltyId', 'p.id')
    .select(['p.id', 'p.targetCreditCode', 'p.agencyCode', 'p.field', 'p.violationCode', 'p.discretionLevel', 'p.amount', 'p.filedOn', 'p.decidedOn', 'x.days as extensionDays'])
    .where('p.filedOn', '>=', range.from)
    .where('p.filedOn', '<=', range.to)
    .orderBy('p.filedOn')
    .orderBy('p.id')
    .execute();
}

/** What a detection run needs besides the database: the work calendar of the deadline engine (overdue-penalty). */
export interface DetectionDeps {
  calendar?: () => Promise<WorkCalendar>;
  now?: string;
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

/**
 * Compute the flags of one rule over a range, with the given parameters (no writes). overdue-penalty takes its due
 * dates from the deadline engine (penalty-deadline.ts) and so needs `deps.calendar`.
 */
export async function computeFlags(handle: DbHandle, rule: DetectionRuleId, params: DetectionParams, range: DetectionRange, deps: DetectionDeps = {}): Promise<DetectionFlag[]> {
  const r = normRange(range);
  if (rule === 'overdue-penalty') {
    if (!deps.calendar) throw new Error('overdue-penalty needs the work calendar of the deadline engine');
    const due = penaltyDueMemo(await deps.calendar());
    const citation = penaltyCitation();
    const penalties = await loadPenalties(handle, r);
    return detectOverduePenalty(penalties, (p) => ({ due: due(p.filedOn, Number(p.extensionDays ?? 0)), citation, extensionDays: Number(p.extensionDays ?? 0) }), range.asOf ?? r.to).map((f) => toFlag(rule, f, null));
  }
  if (rule === 'discretion-outlier') return detectDiscretionOutlier(await loadPenalties(handle, r), params as DetectionParams<'discretion-outlier'>).map((f) => toFlag(rule, f, null));
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
  // Keys no longer in the rule's defaults (e.g. overdue-penalty's former limitDays: the period is now the engine's) are dropped.
  const defaults = defaultParams(rule) as Record<string, unknown>;
  const stored = Object.fromEntries(Object.entries(JSON.parse(row.params) as Record<string, unknown>).filter(([k]) => k in defaults));
  return { params: { ...defaults, ...stored } as DetectionParams<R>, version: row.version, updatedAt: row.updatedAt };
}

// ------------------------------------------------------------------------------------------------ materialise

/**
 * Run one rule over a range and materialise its flags in enforcement_detections: flags keep their stable id across
 * runs (upsert), flags of an earlier run inside the range that this run no longer raises are marked `cleared` (never
 * deleted: clues may link to them). params null = the stored parameters.
 */
export async function runDetection(handle: DbHandle, rule: DetectionRuleId, params: DetectionParams | null, range: DetectionRange, opts: DetectionDeps = {}): Promise<{ flags: DetectionFlag[]; ranAt: string }> {
  const r = normRange(range);
  const version = ruleVersion(await dataVersions(handle.db), rule);
  const p = params ?? (await storedParams(handle, rule)).params;
  const flags = await computeFlags(handle, rule, p, range, opts);
  const key = await runKey(rule, p, range, opts);
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
    const run = { rule, rangeFrom: r.from, rangeTo: r.to, dataVersion: version, params: key, flags: flags.length, ranAt };
    await trx
      .insertInto('enforcementDetectionRuns')
      .values(run)
      .onConflict((oc) => oc.columns(['rule', 'rangeFrom', 'rangeTo']).doUpdateSet({ dataVersion: version, params: run.params, flags: run.flags, ranAt }))
      .execute();
  });
  return { flags, ranAt };
}

/**
 * What a materialised run depends on besides the data: the parameters, and for overdue-penalty the as-of day and the
 * holiday calendar the engine counted on (a changed schedule moves due dates: the run is redone).
 */
async function runKey(rule: DetectionRuleId, params: DetectionParams, range: DetectionRange, deps: DetectionDeps): Promise<string> {
  if (rule !== 'overdue-penalty') return JSON.stringify(params);
  return `${JSON.stringify(params)}@${range.asOf ?? normRange(range).to}#${deps.calendar ? calendarKey(await deps.calendar()) : ''}`;
}
const calendarKeys = new WeakMap<WorkCalendar, string>();
/** A fingerprint of the published schedules of a calendar (a few years: cheap, memoised per calendar object). */
function calendarKey(cal: WorkCalendar): string {
  let k = calendarKeys.get(cal);
  if (k === undefined) {
    k = createHash('sha1').update(JSON.stringify(cal.publishedYears().map((y) => cal.schedule(y)))).digest('hex').slice(0, 16);
    calendarKeys.set(cal, k);
  }
  return k;
}

/** Re-run a rule over a range only if the data it reads (RULE_SOURCES) or its parameters changed since its last run. */
export async function ensureDetectionRun(handle: DbHandle, rule: DetectionRuleId, range: DetectionRange, opts: DetectionDeps = {}): Promise<void> {
  const r = normRange(range);
  const [versions, { params }] = await Promise.all([dataVersions(handle.db), storedParams(handle, rule)]);
  const version = ruleVersion(versions, rule);
  const last = await handle.db.selectFrom('enforcementDetectionRuns').select(['dataVersion', 'params']).where('rule', '=', rule).where('rangeFrom', '=', r.from).where('rangeTo', '=', r.to).executeTakeFirst();
  if (last && Number(last.dataVersion) === version && last.params === (await runKey(rule, params, range, opts))) return;
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
export async function listDetections(
  handle: DbHandle,
  q: { rule: DetectionRuleId; from?: string | undefined; to?: string | undefined; asOf?: string | undefined; page: number; pageSize: number },
  opts: DetectionDeps & { scope?: EnforcementScope } = {},
): Promise<DetectionList> {
  const r = normRange(q);
  await ensureDetectionRun(handle, q.rule, q, opts);
  let base = handle.db.selectFrom('enforcementDetections').where('rule', '=', q.rule).where('status', '=', 'active').where('firstOn', '>=', r.from).where('lastOn', '<=', r.to);
  // data scope (scope.ts): flags about firms of the viewer's streets, or naming the agencies they speak for
  if (opts.scope) base = base.where(scopeFilter(opts.scope, 'enforcementDetections.targetCreditCode', { json: 'enforcementDetections.agencyCodes' }));
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
  simulate(actor: Actor, rule: DetectionRuleId, params: unknown, range: DetectionRange): Promise<DetectionSimulation>;
  list(actor: Actor, q: { rule: DetectionRuleId; from?: string | undefined; to?: string | undefined; page: number; pageSize: number }): Promise<DetectionList>;
}

export function createDetectionService(deps: { handle: DbHandle; clock: Clock; audit: AuditService; calendar: () => Promise<WorkCalendar> }): DetectionService {
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
      // rule settings apply district-wide: the supervision body's (scope.ts)
      assertDistrict(await enforcementScope(handle.db, actor));
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
    async simulate(actor, rule, params, range) {
      assertDistrict(await enforcementScope(handle.db, actor));
      const p = parseParams(rule, params);
      const r = { ...range, asOf: range.asOf ?? minDay(range.to ?? MAX_DAY, today()) };
      const cur = await computeFlags(handle, rule, (await storedParams(handle, rule)).params, r, { calendar: deps.calendar });
      const next = await computeFlags(handle, rule, p, r, { calendar: deps.calendar });
      const curIds = new Set(cur.map((f) => f.id));
      const nextIds = new Set(next.map((f) => f.id));
      let added = 0;
      for (const id of nextIds) if (!curIds.has(id)) added++;
      let removed = 0;
      for (const id of curIds) if (!nextIds.has(id)) removed++;
      const nr = normRange(range);
      return { rule, from: nr.from, to: nr.to, current: cur.length, proposed: next.length, added, removed };
    },
    async list(actor, q) {
      const scope = await enforcementScope(handle.db, actor);
      return listDetections(handle, { ...q, asOf: minDay(q.to ?? MAX_DAY, today()) }, { now: clock.nowIso(), calendar: deps.calendar, scope });
    },
  };
}

function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

/** Every stored inspection record as an object, in storage order (tests, small exports; not for 10^7 rows). */
export async function storedInspectionRecords(handle: DbHandle): Promise<(InspectionInput & { importJobId: null })[]> {
  const st = await storeAt(handle, inspectionVersion(await dataVersions(handle.db)));
  const d = st.dicts;
  const out: (InspectionInput & { importJobId: null })[] = [];
  for (let r = 0; r < st.committed; r++) {
    if (st.dead[r]) continue;
    out.push({
      id: st.idBytes.toString('latin1', st.idStart[r]!, st.idStart[r + 1]!),
      targetCreditCode: d.firm.values[st.firm[r]!]!,
      agencyCode: d.agency.values[st.agency[r]!]!,
      officerId: d.officer.values[st.officer[r]!]!,
      field: d.field.values[st.field[r]!]!,
      kind: KIND_NAME[st.kind[r]!]!,
      planId: st.plan[r] ? d.plan.values[st.plan[r]!]! : null,
      jointId: st.joint[r] ? d.joint.values[st.joint[r]!]! : null,
      inspectedOn: dayString(st.day[r]!),
      foundProblem: st.problem[r]!,
      durationMinutes: st.duration[r]! < 0 ? null : st.duration[r]!,
      importJobId: null,
    });
  }
  return out;
}
