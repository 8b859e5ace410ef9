import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const rng = createRng(6116);
const newId = () => generateIdNumber(rng, { regionCode: '110102' });

for (const dialect of DIALECTS) {
  describe(`矛盾纠纷: 司法所 filter and the earliest 接报日期 [${dialect}]`, () => {
    let t: TestApp;
    let xicha: Session;
    let jinrong: Session;
    let leader: Session;
    let xichaDept = '';
    let jinrongDept = '';
    const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url, headers: s.headers, ...(payload !== undefined ? { payload: payload as Json } : {}) });
    const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Json;
    };
    const list = async (s: Session, query: string) => (await ok(s, 'GET', `/api/v1/disputes?pageSize=100&${query}`)) as { data: Json[]; total: number };
    const intake = (over: Json = {}): Json => ({ source: 'walkIn', receivedOn: '2025-09-15', matterType: 'neighbour', summary: '相邻通行纠纷', address: '西城区某街道1号', riskGrade: 'low', parties: [{ name: '赵某', idNumber: newId(), role: 'applicant' }], ...over });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      [xicha, jinrong, leader] = [await t.login('sfs.xicha'), await t.login('sfs.jinrong'), await t.login('leader')];
      const users = await t.handle.db.selectFrom('users').select(['username', 'departmentId']).where('username', 'in', ['sfs.xicha', 'sfs.jinrong']).execute();
      xichaDept = users.find((u) => u.username === 'sfs.xicha')!.departmentId;
      jinrongDept = users.find((u) => u.username === 'sfs.jinrong')!.departmentId;
      // two disputes of 西长安街司法所 (one 重大), one of 金融街司法所
      await ok(xicha, 'POST', '/api/v1/disputes', intake({ address: '西城区府右街3号', riskGrade: 'high' }));
      await ok(xicha, 'POST', '/api/v1/disputes', intake({ address: '西城区府右街5号', matterType: 'property', parties: [{ name: '钱某', idNumber: newId(), role: 'applicant' }] }));
      await ok(jinrong, 'POST', '/api/v1/disputes', intake({ address: '西城区金融大街7号', riskGrade: 'high', parties: [{ name: '孙某', idNumber: newId(), role: 'applicant' }] }));
    });
    afterAll(async () => t?.close());

    it('the bureau filters the register by 司法所', async () => {
      expect((await list(leader, '')).total).toBe(3);
      const x = await list(leader, `departmentId=${xichaDept}`);
      expect(x.total).toBe(2);
      expect(x.data.every((d) => d.departmentId === xichaDept)).toBe(true);
      const j = await list(leader, `departmentId=${jinrongDept}`);
      expect(j.data.map((d) => d.departmentId)).toEqual([jinrongDept]);
    });

    it('combined with the other filters (ANDed)', async () => {
      const high = await list(leader, `departmentId=${xichaDept}&riskGrade=high`);
      expect(high.total).toBe(1);
      expect(high.data[0]).toMatchObject({ departmentId: xichaDept, riskGrade: 'high' });
      expect((await list(leader, `departmentId=${jinrongDept}&matterType=property`)).total).toBe(0);
      expect((await list(leader, `departmentId=${xichaDept}&q=${encodeURIComponent('府右街5号')}`)).total).toBe(1);
      expect((await list(leader, `departmentId=${xichaDept}&receivedFrom=2025-09-16`)).total).toBe(0);
    });

    it('a 司法所 outside the caller\'s scope lists nothing (the filter narrows the scope, never widens it)', async () => {
      expect((await list(xicha, `departmentId=${xichaDept}`)).total).toBe(2);
      const other = await list(xicha, `departmentId=${jinrongDept}`);
      expect(other).toEqual({ data: [], total: 0 });
      expect((await list(jinrong, `departmentId=${xichaDept}&riskGrade=high`)).total).toBe(0);
      expect((await req(leader, 'GET', '/api/v1/disputes?departmentId=')).statusCode).toBe(400);
    });

    it('refuses a 接报日期 before 1 January of the previous year with a clear message, and numbers nothing for that year', async () => {
      // today 2025-09-26 → the earliest 接报日期 is 2024-01-01
      const old = await req(xicha, 'POST', '/api/v1/disputes', intake({ receivedOn: '1990-03-01', address: '西城区西单北大街9号' }));
      expect(old.statusCode).toBe(400);
      expect(old.json().error).toMatchObject({ code: 'DISPUTE_DATE_INVALID', details: { field: 'receivedOn', date: '1990-03-01', notBefore: '2024-01-01' } });
      expect(old.json().error.message).toContain('接报日期（1990年3月1日）不能早于上一年1月1日（2024年1月1日）');
      expect(await t.handle.db.selectFrom('disputeCounters').select('year').where('year', '=', 1990).execute()).toEqual([]);
      expect((await req(xicha, 'POST', '/api/v1/disputes', intake({ receivedOn: '2023-12-31', address: '西城区西单北大街11号' }))).json().error.code).toBe('DISPUTE_DATE_INVALID');
      const lastYear = await ok(xicha, 'POST', '/api/v1/disputes', intake({ receivedOn: '2024-01-01', address: '西城区西单北大街13号', parties: [{ name: '周某', idNumber: newId(), role: 'applicant' }] }));
      expect(lastYear.code).toBe('西纠〔2024〕1号');
    });

    it('the same bound for the 受理日期 of a mediation case (numbered 西人调〔YYYY〕N号)', async () => {
      const committees = (await ok(xicha, 'GET', '/api/v1/mediation/committees')).data as Json[];
      const committeeId = committees.find((c) => c.inScope)!.id as string;
      const body = (acceptedOn: string) => ({ committeeId, matterType: 'contract', summary: '租赁押金争议', acceptedOn, parties: [{ name: '甲某', idNumber: newId(), role: 'applicant' }, { name: '乙某', idNumber: newId(), role: 'respondent' }] });
      const old = await req(xicha, 'POST', '/api/v1/mediation/cases', body('1990-05-01'));
      expect(old.statusCode).toBe(400);
      expect(old.json().error).toMatchObject({ code: 'MEDIATION_DATE_INVALID', details: { field: 'acceptedOn', notBefore: '2024-01-01' } });
      expect(old.json().error.message).toContain('受理日期（1990年5月1日）不能早于上一年1月1日（2024年1月1日）');
      expect(await t.handle.db.selectFrom('mediationCounters').select('year').where('year', '=', 1990).execute()).toEqual([]);
      expect((await ok(xicha, 'POST', '/api/v1/mediation/cases', body('2024-02-01'))).caseNo).toBe('西人调〔2024〕1号');
    });
  });
}
