import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '..';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';
import { down, up } from './054-corrections-transfer';

// 执行地变更 hand-over columns and tables (社区矫正法 Art. 27 ¶2): down and up again on SQLite and PostgreSQL, keeping
// the subjects registered before.
for (const dialect of DIALECTS) {
  describe(`migration 054: 执行地变更 hand-over [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('reverts and re-applies; earlier subjects have no hand-over in progress', async () => {
      const { db } = t.handle;
      const u = await db.selectFrom('users').select(['id', 'departmentId']).where('username', '=', 'sfs.xicha').executeTakeFirstOrThrow();
      await down(db);
      const now = '2025-09-26T02:00:00.000Z';
      // a row as written before 054 (without the new columns)
      await db.insertInto('correctionSubjects').values({
        id: 's-before', departmentId: u.departmentId, personId: 'p-before', name: '测试', sentenceType: 'probation', crime: '危险驾驶罪', decidingOrgan: '北京市西城区人民法院', judgmentEffectiveOn: '2025-01-02', decisionReceivedOn: null,
        termStart: '2025-01-02', termEnd: '2026-01-01', riskLevel: 'low', status: 'inCorrection', reportDue: '2025-01-13', reportedOn: '2025-01-05', noticeReceivedOn: null, documentsReceivedOn: null, monitoringUntil: null,
        releasedOn: null, endReason: null, createdBy: u.id, createdAt: now, updatedAt: now, version: 1,
      }).execute();
      await up(db);
      expect(await db.selectFrom('correctionSubjects').select(['transferToDepartmentId', 'transferRecordId', 'receivingOrgan']).where('id', '=', 's-before').executeTakeFirstOrThrow()).toEqual({ transferToDepartmentId: null, transferRecordId: null, receivingOrgan: null });
      expect(await db.selectFrom('correctionTransfers').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('correctionSettings').selectAll().execute()).toEqual([]);
      expect(await migrateToLatest(db)).toEqual([]);
    });
  });
}
