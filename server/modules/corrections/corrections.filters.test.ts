import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const rng = createRng(6226);
const BASE = '/api/v1/corrections/subjects';

for (const dialect of DIALECTS) {
  describe(`社区矫正 list: 司法所 filter and search by name or 档案号 [${dialect}]`, () => {
    let t: TestApp;
    let xicha: Session;
    let jinrong: Session;
    let leader: Session;
    let xichaDept = '';
    let jinrongDept = '';
    const archive: Record<string, string> = {};
    const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url, headers: s.headers, ...(payload !== undefined ? { payload: payload as Json } : {}) });
    const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Json;
    };
    const list = async (s: Session, query: Record<string, string>) => (await ok(s, 'GET', `${BASE}?${new URLSearchParams({ pageSize: '100', ...query })}`)) as { data: Json[]; total: number };
    const names = (r: { data: Json[] }) => r.data.map((d) => d.name as string).sort();

    beforeAll(async () => {
      t = await createTestApp(dialect);
      [xicha, jinrong, leader] = [await t.login('sfs.xicha'), await t.login('sfs.jinrong'), await t.login('leader')];
      const users = await t.handle.db.selectFrom('users').select(['id', 'username', 'departmentId']).where('username', 'in', ['sfs.xicha', 'sfs.jinrong']).execute();
      const x = users.find((u) => u.username === 'sfs.xicha')!;
      const j = users.find((u) => u.username === 'sfs.jinrong')!;
      xichaDept = x.departmentId;
      jinrongDept = j.departmentId;
      const create = async (s: Session, staffId: string, name: string, sentenceType: string) => {
        const r = await ok(s, 'POST', BASE, { name, idNumber: generateIdNumber(rng, { regionCode: '110102' }), sentenceType, crime: '危险驾驶罪', decidingOrgan: '北京市西城区人民法院', judgmentEffectiveOn: '2025-09-20', termStart: '2025-09-20', termEnd: '2026-09-19', staffIds: [staffId] });
        archive[name] = r.archiveNo as string;
        return r;
      };
      await create(xicha, x.id, '欧阳明', 'probation');
      await create(xicha, x.id, '司马强', 'control');
      await create(jinrong, j.id, '欧阳亮', 'probation');
    });
    afterAll(async () => t?.close());

    it('the bureau filters the ledger by 司法所', async () => {
      expect((await list(leader, {})).total).toBe(3);
      const x = await list(leader, { departmentId: xichaDept });
      expect(names(x)).toEqual(['司马强', '欧阳明']);
      expect(x.data.every((d) => d.departmentId === xichaDept)).toBe(true);
      expect(names(await list(leader, { departmentId: jinrongDept }))).toEqual(['欧阳亮']);
    });

    it('searches by part of the name and by the 档案号 (in full or its beginning)', async () => {
      expect(names(await list(leader, { q: '欧阳' }))).toEqual(['欧阳亮', '欧阳明']);
      expect(names(await list(leader, { q: '强' }))).toEqual(['司马强']);
      expect(archive['司马强']).toBe('西司矫〔2025〕2号');
      expect(names(await list(leader, { q: '西司矫〔2025〕2号' }))).toEqual(['司马强']);
      expect((await list(leader, { q: '西司矫〔2025〕' })).total).toBe(3);
      expect((await list(leader, { q: '西司矫〔2024〕' })).total).toBe(0);
      // the middle of an archive number is not a prefix; LIKE wildcards in the input are taken literally
      expect((await list(leader, { q: '2025〕2号' })).total).toBe(0);
      expect((await list(leader, { q: '%' })).total).toBe(0);
      expect((await list(leader, { q: '欧阳_' })).total).toBe(0);
    });

    it('combined with each other and with the existing filters (ANDed)', async () => {
      expect(names(await list(leader, { departmentId: xichaDept, q: '欧阳' }))).toEqual(['欧阳明']);
      expect(names(await list(leader, { departmentId: xichaDept, sentenceType: 'control' }))).toEqual(['司马强']);
      expect((await list(leader, { departmentId: jinrongDept, sentenceType: 'control' })).total).toBe(0);
      expect((await list(leader, { departmentId: xichaDept, status: 'awaitingReport', q: archive['欧阳明']! })).total).toBe(1);
      expect((await list(leader, { departmentId: jinrongDept, q: archive['欧阳明']! })).total).toBe(0);
    });

    it('a 司法所 outside the caller\'s scope lists nothing, and the search stays in scope', async () => {
      expect(names(await list(xicha, { departmentId: xichaDept }))).toEqual(['司马强', '欧阳明']);
      expect(await list(xicha, { departmentId: jinrongDept })).toEqual({ data: [], total: 0 });
      expect(names(await list(xicha, { q: '欧阳' }))).toEqual(['欧阳明']);
      expect((await list(jinrong, { q: archive['司马强']! })).total).toBe(0);
    });

    it('a hand-over in progress (移交中) is listed under the receiving 司法所, but never leaks through an out-of-scope filter', async () => {
      const s = (await list(xicha, { q: '欧阳明' })).data[0]!;
      const reported = await ok(xicha, 'POST', `${BASE}/${s.id}/report`, { reportedOn: '2025-09-22', version: s.version });
      const d = await ok(xicha, 'POST', `${BASE}/${reported.id}/records`, { kind: 'transfer', on: '2025-09-23', destination: '迁居', note: '因迁居申请变更执行地', scope: 'inDistrict', targetDepartmentId: jinrongDept });
      const recordId = (d.records as Json[]).find((x) => x.kind === 'transfer')!.id as string;
      const approved = await ok(xicha, 'POST', `${BASE}/${s.id}/records/${recordId}/decision`, { approved: true, on: '2025-09-24', note: '同意变更执行地' });
      await ok(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-25', version: approved.version });
      // the receiving 司法所 and the bureau see it under 金融街; the sending one still under its own filter
      expect(names(await list(jinrong, { departmentId: jinrongDept }))).toEqual(['欧阳亮', '欧阳明']);
      expect(names(await list(leader, { departmentId: jinrongDept, q: '欧阳明' }))).toEqual(['欧阳明']);
      expect(names(await list(xicha, { departmentId: xichaDept }))).toEqual(['司马强', '欧阳明']);
      // the sending 司法所 filtering by the receiving one (outside its scope): nothing
      expect(await list(xicha, { departmentId: jinrongDept })).toEqual({ data: [], total: 0 });
    });
  });
}
