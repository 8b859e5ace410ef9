import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from './types';
import * as m001 from './migrations/001-foundation';
import * as m002 from './migrations/002-deadline-list-indexes';
import * as m010 from './migrations/010-reconsideration';

/** Static provider: migrations are bundled with the server, not read from disk at run time. */
const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-deadline-list-indexes': m002,
  '010-reconsideration': m010,
};

class StaticProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new StaticProvider(), migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
