import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness';
import { up } from './071-enforcement-firms-without-rowid';

// SQLite: the firm register rebuilt WITHOUT ROWID keeps every row, and a street query still uses the (partial) index.
describe('migration 071: firm register without rowid [sqlite]', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('keeps every firm and the street index serves the street predicate', async () => {
    const { db } = t.handle;
    const now = '2025-01-01T00:00:00.000Z';
    await db.insertInto('enforcementFirms').values(Array.from({ length: 50 }, (_, i) => ({ creditCode: `91110102MA0000${String(i).padStart(4, '0')}`, name: `测试企业${i}`, street: i % 3 ? null : i % 2 ? '西长安街街道' : '金融街街道', updatedAt: now }))).execute();
    const before = await db.selectFrom('enforcementFirms').selectAll().orderBy('creditCode').execute();
    expect(before).toHaveLength(50);
    // run it again over the migrated table: the same rows come out
    await up(db);
    expect(await db.selectFrom('enforcementFirms').selectAll().orderBy('creditCode').execute()).toEqual(before);
    const ddl = await sql<{ sql: string }>`select sql from sqlite_schema where name = 'enforcement_firms'`.execute(db);
    expect(ddl.rows[0]!.sql).toMatch(/without rowid/i);
    const plan = await sql<{ detail: string }>`explain query plan select credit_code from enforcement_firms where street in ('西长安街街道', '金融街街道')`.execute(db);
    expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/enforcement_firms_street/);
  });
});
