import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/legality-review';
type Json = Record<string, any>;

describe('合法性审查 configuration: number prefixes and the review department', () => {
  it('reads the prefixes and the department code from the environment, with the Xicheng defaults', () => {
    const d = loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: '/tmp/fazhi-config-test' } as NodeJS.ProcessEnv);
    expect(d.legalityReviewDepartmentCode).toBeNull();
    expect(d.legalityNumbering).toEqual({ register: '西合审', opinion: '西司审', published: { normativeDocument: '西规', majorDecision: '西决', industryPolicy: '西产规' }, consultation: '西法顾' });
    const c = loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: '/tmp/fazhi-config-test', FAZHI_LEGALITY_REVIEW_DEPARTMENT: 'HFXK', FAZHI_LEGALITY_REGISTER_NO_PREFIX: '东合审', FAZHI_LEGALITY_DOC_NO_PREFIX: '东规' } as NodeJS.ProcessEnv);
    expect(c.legalityReviewDepartmentCode).toBe('HFXK');
    expect(c.legalityNumbering).toMatchObject({ register: '东合审', opinion: '西司审', published: { normativeDocument: '东规' } });
    expect(() => loadConfig({ NODE_ENV: 'test', FAZHI_DATA_DIR: '/tmp/fazhi-config-test', FAZHI_LEGALITY_OPINION_NO_PREFIX: '一二三四五六七八九十十一' } as NodeJS.ProcessEnv)).toThrow(/FAZHI_LEGALITY_OPINION_NO_PREFIX/u);
  });
});

for (const dialect of DIALECTS) {
  describe(`合法性审查 configured numbering and department [${dialect}]`, () => {
    let t: TestApp;
    let head: Session;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z', env: { FAZHI_LEGALITY_REVIEW_DEPARTMENT: 'HFXK', FAZHI_LEGALITY_REGISTER_NO_PREFIX: '东合审', FAZHI_LEGALITY_CONSULT_NO_PREFIX: '东法顾' } });
      head = await t.login('hfx.head');
    });
    afterAll(async () => t?.close());

    const post = async (url: string, payload: Json) => {
      const res = await t.app.inject({ method: 'POST', url, payload, headers: head.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };

    it('numbers drafts and consultations with the configured prefixes and files drafts under the configured department', async () => {
      const d = await post(`${BASE}/drafts`, { kind: 'normativeDocument', title: '东城区某管理办法', draftingUnit: '某区商务局', contactName: '联络员甲', submittedOn: '2026-05-25', touchesMarket: false, reviewPeriodWd: 10 });
      expect(d.regNo).toMatch(/^东合审〔2026〕\d+号$/u);
      const c = await post(`${BASE}/consultations`, { subject: 'document', title: '某规范性文件', requestingUnit: '某区商务局', requestedOn: '2026-05-20' });
      expect(c.no).toMatch(/^东法顾〔2026〕\d+号$/u);
      const row = await t.handle.db.selectFrom('legalityDrafts as d').innerJoin('departments as p', 'p.id', 'd.departmentId').select('p.code').where('d.id', '=', d.id).executeTakeFirstOrThrow();
      expect(row.code).toBe('HFXK');
    });
  });
}
