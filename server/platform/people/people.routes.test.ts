import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, createTestApp, type TestApp } from '../../test/harness';

for (const dialect of DIALECTS) {
  describe(`personal data [${dialect}]`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(async () => t?.close());
    const idNumber = generateIdNumber(createRng(7), { regionCode: '110102' });

    it('validates the ID number check digit (GB 11643) and the mobile number', async () => {
      const s = await t.login('fy.handler1');
      const bad = idNumber.slice(0, 17) + (idNumber[17] === '1' ? '2' : '1');
      const r1 = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: s.headers, payload: { name: '张三', idNumber: bad } });
      expect(r1.statusCode).toBe(400);
      expect(r1.json().error).toMatchObject({ code: 'ID_NUMBER_INVALID', message: expect.stringMatching(/身份证/) });
      const r2 = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: s.headers, payload: { name: '张三', idNumber, mobile: '1380013' } });
      expect(r2.json().error.code).toBe('MOBILE_INVALID');
    });

    it('stores ID and phone encrypted, shows them masked, finds them by blind index, and audits a full view', async () => {
      const s = await t.login('fy.handler1');
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: s.headers, payload: { name: '李四', idNumber, mobile: '13712345678' } });
      expect(created.statusCode).toBe(200);
      expect(created.json().idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(14)}`);
      expect(created.json().mobile).toBe('137****5678');
      const row = await t.handle.db.selectFrom('people').selectAll().where('id', '=', created.json().id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(idNumber);
      expect(JSON.stringify(row)).not.toContain('13712345678');
      const found = await t.app.inject({ method: 'POST', url: '/api/v1/people/search', headers: s.headers, payload: { idNumber } });
      expect(found.json().total).toBe(1);
      // The handler lacks personal.viewFull; the section head has it and the view is audited.
      expect((await t.app.inject({ method: 'POST', url: `/api/v1/people/${created.json().id}/reveal`, headers: s.headers })).statusCode).toBe(403);
      const head = await t.login('fy.head');
      const full = await t.app.inject({ method: 'POST', url: `/api/v1/people/${created.json().id}/reveal`, headers: head.headers });
      expect(full.json()).toEqual({ idNumber, mobile: '13712345678' });
      const entries = await t.handle.db.selectFrom('auditLog').selectAll().where('action', '=', 'personal.reveal').execute();
      expect(entries.some((e) => e.objectId === created.json().id && e.actorName === 'fy.head')).toBe(true);
      // A 司法所 cannot see the section's people.
      const office = await t.login('sfs.xicha');
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/people/${created.json().id}`, headers: office.headers })).json().error.code).toBe('OUT_OF_SCOPE');
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/people/search', headers: office.headers, payload: { idNumber } })).json().total).toBe(0);
    });
  });
}
