import { mkdirSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database, Db, Dialect } from './types';

export type { Database, Db, Dialect } from './types';
export { migrateToLatest } from './migrate';
export { createUuidV7, uuidV7 } from './ids';

export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** The raw better-sqlite3 handle (embedded mode only): used for online backup. */
  sqlite: BetterSqlite3.Database | null;
  close(): Promise<void>;
}

// PostgreSQL returns int8/numeric as strings by default; counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function openSqlite(file: string): BetterSqlite3.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -65536');
  return sqlite;
}

/**
 * Prepared statements by SQL text (bounded). Preparing costs more than running a point query, and statements
 * are reusable. Safe for Kysely because it consumes each statement fully (all/run) before the next query on the
 * single connection; the hand-written hot paths (deadline register) use it the same way.
 */
export function statementCache(sqlite: BetterSqlite3.Database, max = 1000): (sql: string) => BetterSqlite3.Statement {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return (sql) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = sqlite.prepare(sql);
      if (cache.size >= max) cache.clear();
      cache.set(sql, stmt);
    }
    return stmt;
  };
}

/**
 * This SQLite is built with STAT4. Once ANALYZE has stored STAT4 samples, the planner consults them for the value
 * bound to any parameter in an indexed term, and SQLite then recompiles such a statement at every execution with
 * new bindings — for the to-do list that is most of its cost. The app keeps the per-index averages of
 * sqlite_stat1, which are enough for its plans, and drops the samples when it opens its database.
 */
function dropStat4Samples(sqlite: BetterSqlite3.Database): void {
  const has = sqlite.prepare("select 1 from sqlite_schema where type = 'table' and name = 'sqlite_stat4'").get();
  if (!has || !sqlite.prepare('select 1 from sqlite_stat4 limit 1').get()) return;
  sqlite.exec('delete from sqlite_stat4');
  sqlite.exec('analyze sqlite_schema'); // reload the statistics
}

function withStatementCache(sqlite: BetterSqlite3.Database) {
  return { close: () => sqlite.close(), prepare: statementCache(sqlite) };
}

/** SQLite (embedded default, file under dataDir) or PostgreSQL when a URL is given. */
export function createDb(opts: { databaseUrl: string | null; sqliteFile: string; pgSearchPath?: string; pgPoolSize?: number }): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.pgPoolSize ?? 10,
      // Tests isolate each suite in its own schema.
      ...(opts.pgSearchPath ? { options: `-c search_path=${opts.pgSearchPath}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: 'postgres', sqlite: null, close: () => db.destroy() };
  }
  const sqlite = openSqlite(opts.sqliteFile);
  dropStat4Samples(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }), plugins: [new CamelCasePlugin()] });
  return { db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
}
