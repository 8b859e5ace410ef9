import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const rng = createRng(31337);
const newId = () => generateIdNumber(rng, { regionCode: '110102' });
const BASE = '/api/v1/corrections/subjects';

for (const dialect of DIALECTS) {
  describe(`社区矫正: one archive per person under correction [${dialect}]`, () => {
    let t: TestApp;
    let xicha: Session;
    let jinrong: Session;
    let xichaId = '';
    let jinrongId = '';
    const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), headers: s.headers });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const users = await t.handle.db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['sfs.xicha', 'sfs.jinrong']).execute();
      xichaId = users.find((u) => u.username === 'sfs.xicha')!.id;
      jinrongId = users.find((u) => u.username === 'sfs.jinrong')!.id;
      [xicha, jinrong] = [await t.login('sfs.xicha'), await t.login('sfs.jinrong')];
    });
    afterAll(async () => t?.close());

    const subject = (idNumber: string, staffId: string): Json => ({
      name: '钱某',
      idNumber,
      sentenceType: 'probation',
      crime: '盗窃罪',
      decidingOrgan: '北京市西城区人民法院',
      judgmentEffectiveOn: '2025-09-20',
      termStart: '2025-09-20',
      termEnd: '2026-09-19',
      riskLevel: 'low',
      staffIds: [staffId],
    });

    it('refuses a second archive for someone already under correction (a double submit, or another 司法所), with a clear message', async () => {
      const id = newId();
      const first = await req(xicha, 'POST', BASE, subject(id, xichaId));
      expect(first.statusCode).toBe(200);
      const again = await req(xicha, 'POST', BASE, subject(id, xichaId));
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('CONFLICT');
      expect(again.json().error.message).toContain('已在册');
      // the other 司法所 learns that the person is already under correction in the district, not the archive itself
      const elsewhere = await req(jinrong, 'POST', BASE, subject(id.toLowerCase(), jinrongId));
      expect(elsewhere.statusCode).toBe(409);
      expect(elsewhere.json().error.message).toContain('西长安街司法所');
      expect(elsewhere.json().error.message).not.toContain(first.json().archiveNo);
      const list = await req(xicha, 'GET', `${BASE}?pageSize=100`);
      expect((list.json().data as Json[]).filter((s) => s.name === '钱某')).toHaveLength(1);
    });

    it('a wrong date names the field and the bound in Chinese dates, not one catch-all sentence', async () => {
      const bad = await req(xicha, 'POST', BASE, { ...subject(newId(), xichaId), termEnd: '2025-09-01' });
      expect(bad.json().error).toMatchObject({ code: 'CORRECTIONS_DATE_INVALID', details: { field: 'termEnd' } });
      expect(bad.json().error.message).toBe('矫正期止（2025年9月1日）不能早于矫正期起（2025年9月20日）');
      const future = await req(xicha, 'POST', BASE, { ...subject(newId(), xichaId), judgmentEffectiveOn: '2025-10-01' });
      expect(future.json().error.message).toBe('判决、裁定、决定生效日期（2025年10月1日）不能晚于今天（2025年9月26日）');
      const s = (await req(xicha, 'POST', BASE, subject(newId(), xichaId))).json() as Json;
      const early = await req(xicha, 'POST', `${BASE}/${s.id}/report`, { reportedOn: '2025-09-19', version: s.version });
      expect(early.json().error.message).toBe('报到日期（2025年9月19日）不能早于判决、裁定生效之日（2025年9月20日）');
      const leave = await req(xicha, 'POST', `${BASE}/${s.id}/records`, { kind: 'leave', on: '2025-09-25', from: '2025-10-10', to: '2025-10-05', destination: '河北省保定市', note: '探亲' });
      expect(leave.json().error.message).toBe('外出止（2025年10月5日）不能早于外出起（2025年10月10日）');
    });

    it('after the correction has ended the same person may be received again (a new sentence)', async () => {
      const id = newId();
      const first = (await req(xicha, 'POST', BASE, subject(id, xichaId))).json() as Json;
      const ended = await req(xicha, 'POST', `${BASE}/${first.id}/end`, { on: '2025-09-25', reason: 'death', note: '死亡', version: first.version });
      expect(ended.statusCode).toBe(200);
      expect((await req(xicha, 'POST', BASE, subject(id, xichaId))).statusCode).toBe(200);
    });
  });
}
