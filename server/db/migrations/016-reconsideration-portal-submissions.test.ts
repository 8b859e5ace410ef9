import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '..';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';
import { down, up } from './016-reconsideration-portal-submissions';

// Submission tokens of the 行政复议 portal: the primary key is what lets only one of two racing retries register a case.
for (const dialect of DIALECTS) {
  describe(`migration 016: portal submission tokens [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('down and up again; one row per token and per case', async () => {
      const { db } = t.handle;
      await down(db);
      await up(db);
      expect(await migrateToLatest(db)).toEqual([]);
      const c = await db.selectFrom('reconsiderationCases').select('id').limit(2).execute();
      expect(c.length).toBe(2);
      const row = (key: string, caseId: string) => sql`insert into reconsideration_portal_submissions (submission_key, case_id, fingerprint, receipt_enc, created_at) values (${key}, ${caseId}, 'f', null, '2025-09-26T00:00:00.000Z')`.execute(db);
      await row('k1', c[0]!.id);
      await expect(row('k1', c[1]!.id)).rejects.toThrow();
      await expect(row('k2', c[0]!.id)).rejects.toThrow();
    });
  });
}
