import { type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import type { Db } from './types';
import * as m001 from './migrations/001-foundation';
import * as m002 from './migrations/002-deadline-list-indexes';
import * as m003 from './migrations/003-notifications';
import * as m004 from './migrations/004-deadline-hours';
import * as m010 from './migrations/010-reconsideration';
import * as m011 from './migrations/011-reconsideration-documents';
import * as m014 from './migrations/014-reconsideration-productivity';
import * as m015 from './migrations/015-reconsideration-document-void';
import * as m016 from './migrations/016-reconsideration-portal-submissions';
import * as m012 from './migrations/012-reconsideration-portal';
import * as m013 from './migrations/013-reconsideration-consultation-litigation';
import * as m020 from './migrations/020-legality-law-corpus';
import * as m030 from './migrations/030-enforcement-core';
import * as m034 from './migrations/034-enforcement-supervision';
import * as m035 from './migrations/035-enforcement-versions-extensions';
import * as m036 from './migrations/036-enforcement-complaints-import';
import * as m025 from './migrations/025-legality-review';
import * as m050 from './migrations/050-dispute-mediation';
import * as m051 from './migrations/051-corrections';
import * as m052 from './migrations/052-released-person-helps';
import * as m053 from './migrations/053-corrections-term-end-clock';
import * as m054 from './migrations/054-corrections-transfer';
import * as m055 from './migrations/055-corrections-archive-no';
import * as m040 from './migrations/040-legal-services';
import * as m041 from './migrations/041-legal-services-inspections';
import * as m042 from './migrations/042-legal-services-enterprise';
import * as m060 from './migrations/060-dashboard-annual-report';
import * as m065 from './migrations/065-rule-of-law';
import * as m070 from './migrations/070-enforcement-inspection-segments';
import * as m071 from './migrations/071-enforcement-firms-without-rowid';

/** Static provider: migrations are bundled with the server, not read from disk at run time. */
const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-deadline-list-indexes': m002,
  '003-notifications': m003,
  '004-deadline-hours': m004,
  '010-reconsideration': m010,
  '011-reconsideration-documents': m011,
  '014-reconsideration-productivity': m014,
  '015-reconsideration-document-void': m015,
  '016-reconsideration-portal-submissions': m016,
  '012-reconsideration-portal': m012,
  '013-reconsideration-consultation-litigation': m013,
  '020-legality-law-corpus': m020,
  '030-enforcement-core': m030,
  '034-enforcement-supervision': m034,
  '035-enforcement-versions-extensions': m035,
  '036-enforcement-complaints-import': m036,
  '025-legality-review': m025,
  '050-dispute-mediation': m050,
  '051-corrections': m051,
  '052-released-person-helps': m052,
  '053-corrections-term-end-clock': m053,
  '054-corrections-transfer': m054,
  '055-corrections-archive-no': m055,
  '040-legal-services': m040,
  '041-legal-services-inspections': m041,
  '042-legal-services-enterprise': m042,
  '060-dashboard-annual-report': m060,
  '065-rule-of-law': m065,
  '070-enforcement-inspection-segments': m070,
  '071-enforcement-firms-without-rowid': m071,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // PostgreSQL: name the schema that holds the migration tables (the connection's current one). Without it Kysely
  // looks for them in every schema of the database, and a database with several schemas (one per test suite, or
  // another application's) can make it skip creating its own lock table.
  const migrationTableSchema = db.getExecutor().adapter instanceof PostgresAdapter ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  // Migration numbers are handed out per feature (003 notifications after 010 reconsideration, …): a database that has
  // already run a later-numbered one still gets an earlier one that was added afterwards. Each migration only creates
  // its own tables and indexes, so the order between independent features does not matter.
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock', allowUnorderedMigrations: true, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
