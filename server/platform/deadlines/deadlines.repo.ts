import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import type { Database, Db } from '../../db';
import { statementCache, uuidV7 } from '../../db';
import { type Actor, scopeSql, scopeWhere } from '../identity';

/** The columns of a deadline the register shows. */
export type DeadlineRow = Pick<Database['deadlines'], 'id' | 'module' | 'objectType' | 'objectId' | 'title' | 'ruleId' | 'startDate' | 'dueDate' | 'status' | 'flags' | 'departmentId' | 'assigneeId' | 'startAt' | 'dueAt'>;
/** The detail also needs the pauses and extensions (JSON text) to explain the computation. */
export type DeadlineDetailRow = DeadlineRow & Pick<Database['deadlines'], 'pauses' | 'extensions'>;
export interface JournalEntry {
  at: string;
  oldDue: string | null;
  newDue: string | null;
  reason: string;
}
export interface DeadlineFilter {
  status: string;
  module?: string | undefined;
  departmentId?: string | undefined;
  assigneeId?: string | undefined;
  dueBefore?: string | undefined;
  /** overdue as of this Beijing day and instant: due day before `today`, or (hour deadlines) due instant before `now` */
  overdueAsOf?: { today: string; now: string } | undefined;
}
export interface PageSpec {
  dir: 'asc' | 'desc';
  limit: number;
  offset: number;
}
/** What the recomputation reads of an open deadline. */
export interface OpenDeadline {
  id: string;
  ruleId: string;
  startDate: string;
  pauses: string;
  extensions: string;
  dueDate: string | null;
  flags: string;
}
/** A recomputed deadline whose due date or flags changed; undefined when nothing changed. */
export type Recomputed = { dueDate: string; flags: string } | undefined;

export interface DeadlineRepo {
  /** The deadline and its latest `journalLimit` journal entries, newest first. */
  findWithJournal(id: string, journalLimit: number): Promise<{ row: DeadlineDetailRow; journal: JournalEntry[] } | undefined>;
  /** One page of the to-do list, data scope applied in the query, ordered by (due date, id). */
  page(actor: Actor, f: DeadlineFilter, p: PageSpec): Promise<DeadlineRow[]>;
  count(actor: Actor, f: DeadlineFilter): Promise<number>;
  /**
   * Reads every open deadline, lets `compute` decide its new due date and flags, writes the changed ones and
   * journals each changed due date — in one transaction.
   */
  recomputeOpen(compute: (r: OpenDeadline) => Recomputed, now: string, reason: string): Promise<{ recomputed: number; changedDeadlines: number }>;
}

/** Rows per statement when the PostgreSQL recomputation writes its changes. */
const CHUNK = 1000;

/**
 * The deadline register's queries. PostgreSQL: Kysely. SQLite: hand-written statements on the better-sqlite3
 * handle — raw SQL behind this explicit dialect branch, because these are the hottest reads of the application
 * (every to-do list and detail view) and the recomputation after a calendar change touches every open row:
 * Kysely's per-query compile, plugin transforms and async hops cost several times the query itself there.
 * Both branches are exercised by the same API suites (SQLite always, PostgreSQL with FAZHI_TEST_PG_URL) and
 * compared directly in deadlines.repo.test.ts.
 */
export function createDeadlineRepo(deps: { db: Db; sqlite: BetterSqlite3.Database | null }): DeadlineRepo {
  return deps.sqlite ? sqliteRepo(deps.db, deps.sqlite) : kyselyRepo(deps.db);
}

const ROW_COLUMNS = ['id', 'module', 'objectType', 'objectId', 'title', 'ruleId', 'startDate', 'dueDate', 'status', 'flags', 'departmentId', 'assigneeId', 'startAt', 'dueAt'] as const;

/**
 * Kysely implementation: PostgreSQL, and the reference the SQLite statements are tested against (its reads run on
 * either dialect; its recomputation writes with PostgreSQL's UPDATE … FROM (VALUES …), so it is PostgreSQL only).
 */
export function kyselyRepo(db: Db): DeadlineRepo {
  function filtered(actor: Actor, f: DeadlineFilter) {
    let base = db.selectFrom('deadlines').where('status', '=', f.status).where((eb) => scopeWhere(eb, actor, 'deadlines.departmentId', 'deadlines.assigneeId'));
    if (f.module) base = base.where('module', '=', f.module);
    if (f.departmentId) base = base.where('departmentId', '=', f.departmentId);
    if (f.assigneeId) base = base.where('assigneeId', '=', f.assigneeId);
    if (f.dueBefore) base = base.where('dueDate', '<=', f.dueBefore);
    const o = f.overdueAsOf;
    if (o) base = base.where((eb) => eb.or([eb.and([eb('dueAt', 'is', null), eb('dueDate', '<', o.today)]), eb('dueAt', '<', o.now)]));
    return base;
  }
  return {
    async findWithJournal(id, journalLimit) {
      const row = await db.selectFrom('deadlines').select([...ROW_COLUMNS, 'pauses', 'extensions']).where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const journal = await db.selectFrom('deadlineJournal').select(['at', 'oldDue', 'newDue', 'reason']).where('deadlineId', '=', id).orderBy('at', 'desc').limit(journalLimit).execute();
      return { row, journal };
    },
    async page(actor, f, p) {
      return filtered(actor, f).select(ROW_COLUMNS).orderBy('dueDate', p.dir).orderBy('id', p.dir).limit(p.limit).offset(p.offset).execute();
    },
    async count(actor, f) {
      const { total } = await filtered(actor, f).select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      return Number(total);
    },
    async recomputeOpen(compute, now, reason) {
      return db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('deadlines').select(['id', 'ruleId', 'startDate', 'pauses', 'extensions', 'dueDate', 'flags']).where('status', '=', 'open').execute();
        const changes: { id: string; oldDue: string | null; dueDate: string; flags: string }[] = [];
        for (const r of rows) {
          const c = compute(r);
          if (c) changes.push({ id: r.id, oldDue: r.dueDate, ...c });
        }
        const journal = changes.filter((c) => c.oldDue !== c.dueDate).map((c) => ({ id: randomUUID(), deadlineId: c.id, at: now, oldDue: c.oldDue, newDue: c.dueDate, reason }));
        for (let i = 0; i < changes.length; i += CHUNK) {
          // One statement per chunk of rows instead of one round trip per row (PostgreSQL syntax, see above).
          const values = sql.join(changes.slice(i, i + CHUNK).map((c) => sql`(${c.id}, ${c.dueDate}, ${c.flags})`));
          await sql`update deadlines as d set due_date = v.due_date, flags = v.flags, computed_at = ${now}, updated_at = ${now}
            from (values ${values}) as v(id, due_date, flags) where d.id = v.id`.execute(trx);
        }
        for (let i = 0; i < journal.length; i += CHUNK) await trx.insertInto('deadlineJournal').values(journal.slice(i, i + CHUNK)).execute();
        return { recomputed: rows.length, changedDeadlines: journal.length };
      });
    },
  };
}

/** The columns the recomputation writes. */
const UPDATED_COLUMNS = ['due_date', 'flags', 'computed_at', 'updated_at'];
/** Rebuild the indexes that hold a written column when at least 1/REBUILD_SHARE of the table's rows change … */
const REBUILD_SHARE = 8;
/** … and at least this many (below it either way is quick). */
const REBUILD_MIN_ROWS = 5000;
const JOURNAL_COLUMNS = 6;
const JOURNAL_BATCH = 100;

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The explicitly created indexes of a table (not those of its constraints) that hold one of `columns`, with the SQL
 * that created them.
 */
export function indexesOn(sqlite: BetterSqlite3.Database, table: string, columns: string[]): { name: string; sql: string }[] {
  const all = sqlite.prepare("select name, sql from sqlite_schema where type = 'index' and tbl_name = ? and sql is not null").all(table) as { name: string; sql: string }[];
  return all.filter((ix) => (sqlite.prepare('select name from pragma_index_info(?)').pluck().all(ix.name) as (string | null)[]).some((c) => c !== null && columns.includes(c)));
}

/** A validated non-negative integer, for LIMIT/OFFSET written into SQL text. */
function int(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return n;
}

// The columns of DeadlineRow, in this order. Rows are read as arrays (better-sqlite3's raw mode) and turned into
// objects of one fixed shape here: cheaper than letting the driver build an object per row, key by key. List rows
// and detail rows share that shape (a list row's pauses and extensions are undefined), so the code that turns
// them into API items sees one shape only.
const ROW_SQL = 'd.id, d.module, d.object_type, d.object_id, d.title, d.rule_id, d.start_date, d.due_date, d.status, d.flags, d.department_id, d.assignee_id, d.start_at, d.due_at';
type Raw = unknown[];
const toDetailRow = <P extends string | undefined>(r: Raw, pauses: P, extensions: P) => ({
  id: r[0] as string,
  module: r[1] as string,
  objectType: r[2] as string,
  objectId: r[3] as string,
  title: r[4] as string,
  ruleId: r[5] as string,
  startDate: r[6] as string,
  dueDate: r[7] as string | null,
  status: r[8] as string,
  flags: r[9] as string,
  departmentId: r[10] as string,
  assigneeId: r[11] as string | null,
  startAt: r[12] as string | null,
  dueAt: r[13] as string | null,
  pauses,
  extensions,
});
const toRow = (r: Raw): DeadlineRow => toDetailRow(r, undefined, undefined);

/**
 * SQLite implementation: synchronous prepared statements on the connection Kysely also uses. Kysely runs a
 * transaction across awaits on that one connection; a statement run in between would read (and, for the
 * recomputation, write into) someone else's uncommitted transaction. So a statement runs directly only when no
 * transaction is open — nothing else can interleave with synchronous code — and otherwise waits for the
 * connection the way every Kysely query does.
 */
export function sqliteRepo(db: Db, sqlite: BetterSqlite3.Database): DeadlineRepo {
  const prepare = statementCache(sqlite, 200);
  const exclusive = <T>(fn: () => T): T | Promise<T> => (sqlite.inTransaction ? db.connection().execute(async () => fn()) : fn());

  // The detail and its journal in one statement (one read transaction instead of two). Statements are prepared on
  // first use: the service is built before the migrations run.
  // LIMIT and OFFSET are written into the SQL as integers, never bound: SQLite's planner looks at a bound LIMIT's
  // value, so such a statement is recompiled at every execution — which costs more than running it.
  const byId = (journalLimit: number) =>
    prepare(`select ${ROW_SQL}, d.pauses, d.extensions,
      (select json_group_array(json_object('at', j.at, 'oldDue', j.old_due, 'newDue', j.new_due, 'reason', j.reason))
         from (select at, old_due, new_due, reason from deadline_journal where deadline_id = d.id order by at desc limit ${int(journalLimit)}) j)
    from deadlines d where d.id = ?`).raw(true);

  /** Journal rows, JOURNAL_COLUMNS values each: as multi-row INSERTs of JOURNAL_BATCH rows, the rest one by one. */
  function insertJournal(values: unknown[]) {
    const rows = (n: number) => Array.from({ length: n }, () => '(?, ?, ?, ?, ?, ?)').join(', ');
    const batch = prepare(`insert into deadline_journal (id, deadline_id, at, old_due, new_due, reason) values ${rows(JOURNAL_BATCH)}`);
    const single = prepare(`insert into deadline_journal (id, deadline_id, at, old_due, new_due, reason) values ${rows(1)}`);
    const per = JOURNAL_BATCH * JOURNAL_COLUMNS;
    let i = 0;
    for (; i + per <= values.length; i += per) batch.run(values.slice(i, i + per));
    for (; i < values.length; i += JOURNAL_COLUMNS) single.run(values.slice(i, i + JOURNAL_COLUMNS));
  }

  function where(actor: Actor, f: DeadlineFilter): { sql: string; params: unknown[] } {
    const scope = scopeSql(actor, 'department_id', 'assignee_id');
    const terms = ['status = ?', scope.sql];
    const params: unknown[] = [f.status, ...scope.params];
    const term = (sqlText: string, value: unknown) => {
      terms.push(sqlText);
      params.push(value);
    };
    if (f.module) term('module = ?', f.module);
    if (f.departmentId) term('department_id = ?', f.departmentId);
    if (f.assigneeId) term('assignee_id = ?', f.assigneeId);
    if (f.dueBefore) term('due_date <= ?', f.dueBefore);
    if (f.overdueAsOf) {
      terms.push('((due_at is null and due_date < ?) or due_at < ?)');
      params.push(f.overdueAsOf.today, f.overdueAsOf.now);
    }
    return { sql: terms.join(' and '), params };
  }

  return {
    async findWithJournal(id, journalLimit) {
      const r = (await exclusive(() => byId(journalLimit).get(id))) as Raw | undefined;
      if (!r) return undefined;
      const row: DeadlineDetailRow = toDetailRow(r, r[14] as string, r[15] as string);
      // The subquery yields the newest first; an aggregate's input order is not a documented guarantee, so sort again.
      const journal = JSON.parse(r[16] as string) as JournalEntry[];
      if (journal.length > 1) journal.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
      return { row, journal };
    },

    async page(actor, f, p) {
      const w = where(actor, f);
      // Find the page's rows in an index (the list indexes of migration 002 cover every term of the usual filters)
      // and only then read those rows: skipped rows (offset) and rows sorted away are never read from the table.
      const stmt = prepare(`select ${ROW_SQL} from (select rowid as rid from deadlines where ${w.sql} order by due_date ${p.dir}, id ${p.dir} limit ${int(p.limit)} offset ${int(p.offset)}) k
        cross join deadlines d on d.rowid = k.rid order by d.due_date ${p.dir}, d.id ${p.dir}`).raw(true);
      return ((await exclusive(() => stmt.all(...w.params))) as Raw[]).map(toRow);
    },

    async count(actor, f) {
      const w = where(actor, f);
      const stmt = prepare(`select count(*) as total from deadlines where ${w.sql}`).pluck();
      return Number(await exclusive(() => stmt.get(...w.params)));
    },

    async recomputeOpen(compute, now, reason) {
      // '[]' comes back as null: most rows have no pauses, extensions or flags, and a null costs no string.
      const read = prepare(`select rowid, id, rule_id, start_date, nullif(pauses, '[]'), nullif(extensions, '[]'), due_date, nullif(flags, '[]')
        from deadlines where status = 'open'`).raw(true);
      const update = prepare('update deadlines set due_date = ?, flags = ?, computed_at = ?, updated_at = ? where rowid = ?');
      // Read, compute and write in one immediate (write-locked) transaction: no change can slip in between. The rows
      // are streamed (the connection cannot write while a read is open, so changes are collected first): holding
      // every open row in memory at once would cost more in garbage collection than the computation itself.
      const run = sqlite.transaction(() => {
        let recomputed = 0;
        const changes: { rowid: number; id: string; oldDue: string | null; next: NonNullable<Recomputed> }[] = [];
        for (const r of read.iterate() as Iterable<[number, string, string, string, string | null, string | null, string | null, string | null]>) {
          recomputed++;
          const next = compute({ id: r[1], ruleId: r[2], startDate: r[3], pauses: r[4] ?? '[]', extensions: r[5] ?? '[]', dueDate: r[6], flags: r[7] ?? '[]' });
          if (next) changes.push({ rowid: r[0], id: r[1], oldDue: r[6], next });
        }
        // Each changed row moves in every index that holds a written column (the list indexes hold the due date):
        // a delete and an insert at a random place per index and row. When a large share of the table changes,
        // building those indexes afresh after the writes (one sort each) costs far less; the rebuild uses the
        // stored definition of each index, inside this transaction, so no reader ever sees the table without them.
        const rebuild = changes.length >= REBUILD_MIN_ROWS && changes.length * REBUILD_SHARE >= (prepare('select count(*) from deadlines').pluck().get() as number) ? indexesOn(sqlite, 'deadlines', UPDATED_COLUMNS) : [];
        for (const ix of rebuild) sqlite.exec(`drop index ${quoteId(ix.name)}`);
        // Rows are written in rowid order: each table page is visited once.
        changes.sort((a, b) => a.rowid - b.rowid);
        const moved: typeof changes = [];
        for (const c of changes) {
          update.run(c.next.dueDate, c.next.flags, now, now, c.rowid);
          if (c.next.dueDate !== c.oldDue) moved.push(c);
        }
        for (const ix of rebuild) sqlite.exec(ix.sql);
        // Journal rows in deadline order with time-ordered ids: both journal indexes (the id key and deadline + time)
        // then take the batch as one ascending run of keys instead of a random page per row.
        moved.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const journal: unknown[] = [];
        for (const c of moved) journal.push(uuidV7(), c.id, now, c.oldDue, c.next.dueDate, reason);
        insertJournal(journal);
        return { recomputed, changedDeadlines: journal.length / JOURNAL_COLUMNS };
      });
      return exclusive(() => run.immediate());
    },
  };
}
