import { sql, type Transaction } from 'kysely';
import type { Clock } from '../clock';
import type { Database, Db, Dialect } from '../../db';
import type { AuditEntry, AuditVerify } from '../../../common/contracts';
import { sm3 } from '../crypto';
import { maskValue } from './mask';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  id: string | null;
  name: string | null;
}

export interface AuditInput {
  actor: AuditActor | null;
  ip?: string | null;
  requestId?: string | null;
  action: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome?: 'success' | 'denied' | 'failure';
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** extra facts (never personal data in clear) */
  extra?: Record<string, unknown>;
}

/** Only the keys whose values differ, with personal fields masked. */
export function diffOf(before?: Record<string, unknown> | null, after?: Record<string, unknown> | null) {
  if (!before && !after) return null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of keys) {
    const bv = before?.[k];
    const av = after?.[k];
    if (before && after && JSON.stringify(bv) === JSON.stringify(av)) continue;
    if (before && k in before) b[k] = maskValue(k, bv);
    if (after && k in after) a[k] = maskValue(k, av);
  }
  return { before: before ? b : null, after: after ? a : null };
}

/** The exact byte string an entry's hash covers: the previous hash plus every stored field in a fixed order. */
export function canonical(e: Omit<Database['auditLog'], 'hash'>): string {
  return JSON.stringify([e.seq, e.at, e.actorId, e.actorName, e.ip, e.requestId, e.action, e.objectType, e.objectId, e.outcome, e.diff, e.prevHash]);
}

export function hashEntry(e: Omit<Database['auditLog'], 'hash'>): string {
  return sm3(canonical(e));
}

export interface AuditService {
  /** Appends one entry to the SM3 chain inside the caller's transaction (or its own). */
  record(input: AuditInput, trx?: Transaction<Database>): Promise<void>;
  list(filter: AuditFilter): Promise<{ data: AuditEntry[]; total: number }>;
  verify(): Promise<AuditVerify>;
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  objectType?: string | undefined;
  objectId?: string | undefined;
  outcome?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export function createAuditService(deps: { db: Db; dialect: Dialect; clock: Clock }): AuditService {
  const { db, dialect, clock } = deps;

  async function append(trx: Transaction<Database>, input: AuditInput) {
    // One writer at a time extends the chain. SQLite serialises transactions on its single connection;
    // PostgreSQL needs an explicit transaction-scoped advisory lock.
    if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7200101)`.execute(trx);
    const head = await trx.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const diff = diffOf(input.before, input.after);
    const payload = diff || input.extra ? JSON.stringify({ ...(diff ?? {}), ...(input.extra ? { extra: input.extra } : {}) }) : null;
    const row = {
      seq: (head?.seq ?? 0) + 1,
      at: clock.nowIso(),
      actorId: input.actor?.id ?? null,
      actorName: input.actor?.name ?? null,
      ip: input.ip ?? null,
      requestId: input.requestId ?? null,
      action: input.action,
      objectType: input.objectType ?? null,
      objectId: input.objectId ?? null,
      outcome: input.outcome ?? 'success',
      diff: payload,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = hashEntry(row);
    await trx.insertInto('auditLog').values({ ...row, hash }).execute();
    // The head is kept apart from the chain so that cutting rows off the end is detected too.
    const headValue = JSON.stringify({ seq: row.seq, hash });
    const updated = await trx.updateTable('meta').set({ value: headValue }).where('key', '=', 'audit_head').executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) await trx.insertInto('meta').values({ key: 'audit_head', value: headValue }).execute();
  }

  return {
    async record(input, trx) {
      if (trx) return append(trx, input);
      await db.transaction().execute((t) => append(t, input));
    },

    async list(f) {
      let q = db.selectFrom('auditLog');
      if (f.actor) q = q.where((eb) => eb.or([eb('actorName', '=', f.actor!), eb('actorId', '=', f.actor!)]));
      if (f.action) q = q.where('action', 'like', `${f.action}%`);
      if (f.objectType) q = q.where('objectType', '=', f.objectType);
      if (f.objectId) q = q.where('objectId', '=', f.objectId);
      if (f.outcome) q = q.where('outcome', '=', f.outcome);
      if (f.from) q = q.where('at', '>=', f.from);
      if (f.to) q = q.where('at', '<=', f.to.length === 10 ? `${f.to}T23:59:59.999Z` : f.to);
      const [{ total }] = (await q.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [{ total: number }];
      const rows = await q
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize)
        .execute();
      return {
        total: Number(total),
        data: rows.map((r) => ({
          seq: r.seq,
          at: r.at,
          actorId: r.actorId,
          actorName: r.actorName,
          ip: r.ip,
          requestId: r.requestId,
          action: r.action,
          objectType: r.objectType,
          objectId: r.objectId,
          outcome: r.outcome,
          diff: r.diff ? (JSON.parse(r.diff) as unknown) : null,
          hash: r.hash,
        })),
      };
    },

    async verify() {
      const breaks: AuditVerify['breaks'] = [];
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let checked = 0;
      let firstSeq: number | null = null;
      let lastSeq: number | null = null;
      let lastHash = GENESIS_HASH;
      const batch = 5000;
      for (let after = 0; ; ) {
        const rows = await db.selectFrom('auditLog').selectAll().where('seq', '>', after).orderBy('seq').limit(batch).execute();
        if (rows.length === 0) break;
        for (const r of rows) {
          firstSeq ??= r.seq;
          if (r.seq !== expectedSeq) {
            breaks.push({ seq: r.seq, kind: 'gap', message: `序号不连续：缺少第 ${expectedSeq}–${r.seq - 1} 条，记录可能被删除` });
          }
          if (r.prevHash !== prevHash) {
            breaks.push({ seq: r.seq, kind: 'link-mismatch', message: `第 ${r.seq} 条记录的前序哈希与上一条不一致，链条在此断开` });
          }
          const { hash, ...rest } = r;
          if (hashEntry(rest) !== hash) {
            breaks.push({ seq: r.seq, kind: 'hash-mismatch', message: `第 ${r.seq} 条记录的内容与其 SM3 哈希不符，记录可能被篡改` });
          }
          prevHash = hash;
          lastHash = hash;
          expectedSeq = r.seq + 1;
          lastSeq = r.seq;
          checked++;
        }
        after = rows[rows.length - 1]!.seq;
        if (breaks.length > 100) break;
      }
      const headRow = await db.selectFrom('meta').select('value').where('key', '=', 'audit_head').executeTakeFirst();
      if (headRow) {
        const head = JSON.parse(headRow.value) as { seq: number; hash: string };
        if (head.seq !== lastSeq || head.hash !== lastHash) {
          breaks.push({
            seq: head.seq,
            kind: 'head-mismatch',
            message: `链尾记录应为第 ${head.seq} 条，实际为第 ${lastSeq ?? 0} 条：末尾记录可能被删除或替换`,
          });
        }
      } else if (checked > 0) {
        breaks.push({ seq: lastSeq ?? 0, kind: 'head-mismatch', message: '缺少链尾记录（audit_head）' });
      }
      return { ok: breaks.length === 0, checked, firstSeq, lastSeq, breaks, verifiedAt: clock.nowIso() };
    },
  };
}
