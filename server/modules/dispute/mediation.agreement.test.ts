import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { readZipEntry } from '../../platform/documents';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const rng = createRng(4242);
const newId = () => generateIdNumber(rng, { regionCode: '110102' });

for (const dialect of DIALECTS) {
  describe(`人民调解协议书 and the dispute it settles [${dialect}]`, () => {
    let t: TestApp;
    let jinrong: Session;
    let committeeId = '';
    const req = (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), headers: s.headers });
    const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Json;
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      jinrong = await t.login('sfs.jinrong');
      committeeId = ((await ok(jinrong, 'GET', '/api/v1/mediation/committees')).data as Json[]).find((c) => c.name === '金融街街道人民调解委员会')!.id;
    });
    afterAll(async () => t?.close());

    it('states one copy per party plus one for the committee (人民调解法 Art. 29 ¶2), not a fixed 一式三份', async () => {
      const c = await ok(jinrong, 'POST', '/api/v1/mediation/cases', {
        committeeId,
        matterType: 'property',
        summary: '三户共用管道堵塞，维修费用分担争议',
        acceptedOn: '2025-09-10',
        parties: [
          { name: '甲一', idNumber: newId(), role: 'applicant' },
          { name: '乙二', idNumber: newId(), role: 'respondent' },
          { name: '丙三', idNumber: newId(), role: 'other' },
        ],
      });
      const agreed = await ok(jinrong, 'POST', `/api/v1/mediation/cases/${c.id}/agreement`, { form: 'written', terms: '一、维修费用由三户平均分担。', effectiveOn: '2025-09-12', version: c.version });
      expect(agreed.status).toBe('agreed');
      const docx = await req(jinrong, 'GET', `/api/v1/mediation/cases/${c.id}/agreement.docx`);
      expect(docx.statusCode).toBe(200);
      const xml = readZipEntry(docx.rawPayload, 'word/document.xml')!.toString('utf8');
      expect(xml).toContain('本协议一式四份，各方当事人各执一份，人民调解委员会留存一份');
      expect(xml).not.toContain('一式三份');
    });

    it('an oral agreement (Art. 28) downloads as the mediator\'s record of it, effective on the day agreed (Art. 30), not as a signed 协议书', async () => {
      const c = await ok(jinrong, 'POST', '/api/v1/mediation/cases', {
        committeeId,
        matterType: 'neighbour',
        summary: '晾晒衣物滴水争议',
        acceptedOn: '2025-09-18',
        parties: [
          { name: '赵口', idNumber: newId(), role: 'applicant' },
          { name: '钱头', idNumber: newId(), role: 'respondent' },
        ],
      });
      await ok(jinrong, 'POST', `/api/v1/mediation/cases/${c.id}/agreement`, { form: 'oral', terms: '钱头今后不在阳台外侧晾晒滴水衣物。', effectiveOn: '2025-09-19', version: c.version });
      const docx = await req(jinrong, 'GET', `/api/v1/mediation/cases/${c.id}/agreement.docx`);
      expect(docx.statusCode).toBe(200);
      expect(String(docx.headers['content-disposition'])).toContain(encodeURIComponent('口头调解协议记录'));
      const xml = readZipEntry(docx.rawPayload, 'word/document.xml')!.toString('utf8');
      expect(xml).toContain('口头调解协议记录');
      expect(xml).toContain('口头调解协议自各方当事人达成协议之日起生效（第三十条）');
      expect(xml).not.toContain('一式');
      expect(xml).not.toContain('签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效');
    });

    it('a dispute is settled by one mediation case: a second case for the same dispute is refused while the first stands', async () => {
      const d = await ok(jinrong, 'POST', '/api/v1/disputes', {
        source: 'officeVisit',
        receivedOn: '2025-09-15',
        matterType: 'neighbour',
        summary: '楼上漏水致楼下吊顶受损',
        address: '西城区金融街街道丰盛胡同9号',
        riskGrade: 'low',
        parties: [{ name: '周某', role: 'applicant' }, { name: '马某', role: 'respondent' }],
      });
      const moved = await ok(jinrong, 'POST', `/api/v1/disputes/${d.disputeId}/transfer`, { to: 'committee', committeeId, on: '2025-09-16', note: '转街道调委会', version: d.dispute.version });
      const body = {
        committeeId,
        matterType: 'neighbour',
        summary: '楼上漏水致楼下吊顶受损',
        acceptedOn: '2025-09-16',
        disputeId: moved.id,
        parties: [
          { name: '周某', idNumber: newId(), role: 'applicant' },
          { name: '马某', idNumber: newId(), role: 'respondent' },
        ],
      };
      const first = await ok(jinrong, 'POST', '/api/v1/mediation/cases', body);
      const second = await req(jinrong, 'POST', '/api/v1/mediation/cases', body);
      expect(second.statusCode).toBe(409);
      expect(second.json().error.code).toBe('MEDIATION_TRANSITION_NOT_ALLOWED');
      expect((await ok(jinrong, 'GET', `/api/v1/disputes/${moved.id}`)).mediationCaseId).toBe(first.id);
      const list = await ok(jinrong, 'GET', '/api/v1/mediation/cases?q=%E5%90%8A%E9%A1%B6');
      expect(list.total).toBe(1);
      // once that case has failed, the dispute may go to mediation again (e.g. another committee)
      await ok(jinrong, 'POST', `/api/v1/mediation/cases/${first.id}/failure`, { endedOn: '2025-09-20', reason: '双方分歧较大，告知可向人民法院起诉', version: first.version });
      const again = await ok(jinrong, 'POST', '/api/v1/mediation/cases', { ...body, acceptedOn: '2025-09-22' });
      expect((await ok(jinrong, 'GET', `/api/v1/disputes/${moved.id}`)).mediationCaseId).toBe(again.id);
    });
  });
}
