import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { migrateToLatest } from '..';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';
import { down, up } from './055-corrections-archive-no';

// 社区矫正档案号: subjects registered before 055 are numbered in the order of registration per year (Beijing date), their
// deadline titles carry the number instead of the record id, and the counter continues from there.
for (const dialect of DIALECTS) {
  describe(`migration 055: 社区矫正档案号 [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it('numbers earlier subjects, rewrites their deadline titles, and the service continues the count', async () => {
      const { db } = t.handle;
      const u = await db.selectFrom('users').select(['id', 'departmentId']).where('username', '=', 'sfs.xicha').executeTakeFirstOrThrow();
      await down(db);
      const subject = (id: string, createdAt: string) => ({
        id, departmentId: u.departmentId, personId: `p-${id}`, name: '测试', sentenceType: 'probation', crime: '危险驾驶罪', decidingOrgan: '北京市西城区人民法院', judgmentEffectiveOn: '2025-01-02', decisionReceivedOn: null,
        termStart: '2025-01-02', termEnd: '2026-01-01', riskLevel: 'low', status: 'inCorrection', reportDue: '2025-01-13', reportedOn: '2025-01-05', noticeReceivedOn: null, documentsReceivedOn: null, monitoringUntil: null,
        releasedOn: null, endReason: null, createdBy: u.id, createdAt, updatedAt: createdAt, version: 1,
      });
      // 2024-12-31T17:00Z is 2025-01-01 01:00 in Beijing: numbered in 2025
      const rows = [subject('bbbbbbbb-2', '2025-03-01T02:00:00.000Z'), subject('aaaaaaaa-1', '2024-12-31T17:00:00.000Z'), subject('cccccccc-0', '2024-06-01T02:00:00.000Z')];
      await db.insertInto('correctionSubjects').values(rows as never).execute();
      const now = '2025-09-26T02:00:00.000Z';
      await db.insertInto('deadlines').values({ id: 'd-aaaa', module: 'corrections', objectType: 'correctionSubject', objectId: 'aaaaaaaa-1', title: '社区矫正档案 aaaaaaaa 社区矫正对象报到期限', ruleId: 'corrections.offenderReport', startDate: '2025-01-02', pauses: '[]', extensions: '[]', dueDate: '2025-01-13', status: 'met', flags: '[]', departmentId: u.departmentId, assigneeId: u.id, computedAt: now, createdAt: now, updatedAt: now } as never).execute();
      await up(db);
      const nos = await db.selectFrom('correctionSubjects').select(['id', 'archiveNo']).where('id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
      expect(nos).toEqual([
        { id: 'aaaaaaaa-1', archiveNo: '西司矫〔2025〕1号' },
        { id: 'bbbbbbbb-2', archiveNo: '西司矫〔2025〕2号' },
        { id: 'cccccccc-0', archiveNo: '西司矫〔2024〕1号' },
      ]);
      expect((await db.selectFrom('deadlines').select('title').where('id', '=', 'd-aaaa').executeTakeFirstOrThrow()).title).toBe('社区矫正档案 西司矫〔2025〕1号 社区矫正对象报到期限');
      expect(await migrateToLatest(db)).toEqual([]);

      // the next subject registered through the service takes the next number of the year (test clock: 2025-09-26)
      const s = await t.login('sfs.xicha');
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/corrections/subjects', headers: s.headers, payload: { name: '钱某', idNumber: generateIdNumber(createRng(55), { regionCode: '110102' }), sentenceType: 'probation', crime: '危险驾驶罪', decidingOrgan: '北京市西城区人民法院', judgmentEffectiveOn: '2025-09-10', termStart: '2025-09-10', termEnd: '2026-03-09', riskLevel: 'low', staffIds: [u.id] } });
      expect(res.statusCode).toBe(200);
      expect(res.json().archiveNo).toBe('西司矫〔2025〕3号');
      // one number per subject
      await expect(db.updateTable('correctionSubjects').set({ archiveNo: '西司矫〔2025〕1号' }).where('id', '=', 'bbbbbbbb-2').execute()).rejects.toThrow();
    });
  });
}
