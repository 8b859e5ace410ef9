import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '..';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';

// C8 (社区矫正法 Art. 44) put on the register for subjects registered before it was (SQLite and PostgreSQL).
for (const dialect of DIALECTS) {
  describe(`migration 053: C8 for earlier subjects [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('opens one end-of-term deadline per subject without one, with the status of the subject; runs again without doubling', async () => {
      const { db } = t.handle;
      const u = await db.selectFrom('users').select(['id', 'departmentId']).where('username', '=', 'sfs.xicha').executeTakeFirstOrThrow();
      const now = '2025-09-26T02:00:00.000Z';
      const subject = (id: string, status: string, termEnd: string) => ({
        id, departmentId: u.departmentId, personId: `p-${id}`, name: '测试', sentenceType: 'probation', crime: '危险驾驶罪', decidingOrgan: '北京市西城区人民法院', judgmentEffectiveOn: '2025-01-02', decisionReceivedOn: null,
        termStart: '2025-01-02', termEnd, riskLevel: 'low', status, reportDue: '2025-01-13', reportedOn: '2025-01-05', noticeReceivedOn: null, documentsReceivedOn: null, monitoringUntil: null,
        releasedOn: status === 'inCorrection' ? null : termEnd, endReason: null, createdBy: u.id, createdAt: now, updatedAt: now, version: 1,
      });
      await db.insertInto('correctionSubjects').values([subject('s-open', 'inCorrection', '2026-10-01'), subject('s-rel', 'released', '2025-09-20'), subject('s-end', 'ended', '2025-06-30')]).execute();
      await db.insertInto('correctionStaff').values({ subjectId: 's-open', userId: u.id, createdAt: now }).execute();
      await db.deleteFrom('schemaMigrations' as never).where('name' as never, '=', '053-corrections-term-end-clock' as never).execute();
      expect(await migrateToLatest(db)).toEqual(['053-corrections-term-end-clock']);
      const rows = await db.selectFrom('deadlines').select(['objectId', 'status', 'startDate', 'dueDate', 'assigneeId', 'departmentId', 'module']).where('ruleId', '=', 'corrections.termEnd').orderBy('objectId').execute();
      expect(rows).toEqual([
        { objectId: 's-end', status: 'cancelled', startDate: '2025-06-30', dueDate: '2025-06-30', assigneeId: null, departmentId: u.departmentId, module: 'corrections' },
        // 2026-10-01 is in the National Day holiday (10-01 to 10-07): the certificate falls due on the first working day after it
        { objectId: 's-open', status: 'open', startDate: '2026-10-01', dueDate: '2026-10-08', assigneeId: u.id, departmentId: u.departmentId, module: 'corrections' },
        // 2025-09-20 is a Saturday
        { objectId: 's-rel', status: 'met', startDate: '2025-09-20', dueDate: '2025-09-22', assigneeId: null, departmentId: u.departmentId, module: 'corrections' },
      ]);
      await db.deleteFrom('schemaMigrations' as never).where('name' as never, '=', '053-corrections-term-end-clock' as never).execute();
      await migrateToLatest(db);
      expect(await db.selectFrom('deadlines').select('id').where('ruleId', '=', 'corrections.termEnd').execute()).toHaveLength(3);
    });
  });
}
