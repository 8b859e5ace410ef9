/**
 * 行政应诉: which first-instance results can be appealed. 行政诉讼法 Art. 85 opens the appeal against a judgment and
 * against a ruling; the 2018 解释 narrows the rulings to 不予立案、驳回起诉、管辖异议 (Art. 101 ¶2) — a ruling that allows
 * the withdrawal is not among them — and a 调解书 takes effect when both parties sign it (Art. 85 ¶3): no appeal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/litigation/cases';
type Json = Record<string, any>;

describe('行政应诉 appeal only where the law opens it', () => {
  let t: TestApp;
  let h1: Session;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { now: '2026-06-01T02:00:00.000Z' });
    h1 = await t.login('fy.handler1');
  });
  afterAll(async () => t?.close());

  const req = (method: 'GET' | 'POST', url: string, payload?: Json) => t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: h1.headers });
  async function concluded(outcome: string): Promise<string> {
    const c = await req('POST', BASE, { court: '北京市西城区人民法院', caseNo: `(2025)京0102行初${700 + ++n}号`, plaintiff: '王某', defendant: '北京市西城区人民政府', cause: '行政补偿', filedOn: '2025-09-15', complaintReceivedOn: '2025-09-20' });
    expect(c.statusCode, c.body).toBe(200);
    const id = c.json().id as string;
    const o = await req('POST', `${BASE}/${id}/outcome`, { outcome, on: '2026-05-10', servedOn: '2026-05-12' });
    expect(o.statusCode, o.body).toBe(200);
    return id;
  }

  it('refuses an appeal against a 调解书 or a withdrawal, with the provision named', async () => {
    for (const outcome of ['mediated', 'withdrawn']) {
      const id = await concluded(outcome);
      const res = await req('POST', `${BASE}/${id}/appeal`, { by: 'plaintiff', filedOn: '2026-05-20' });
      expect(res.statusCode, `${outcome}: ${res.body}`).toBe(409);
      expect(res.json().error.code).toBe('LITIGATION_APPEAL_NOT_ALLOWED');
      expect(res.json().error.message).toMatch(outcome === 'mediated' ? /第八十五条第三款/ : /第一百零一条第二款/);
      expect((await req('GET', `${BASE}/${id}`)).json().status).toBe('concluded');
    }
  });

  it('still takes an appeal against a judgment and against a 驳回起诉 ruling', async () => {
    for (const outcome of ['dismissClaim', 'dismissSuit', 'revoke']) {
      const id = await concluded(outcome);
      const res = await req('POST', `${BASE}/${id}/appeal`, { by: 'defendant', filedOn: '2026-05-20' });
      expect(res.statusCode, `${outcome}: ${res.body}`).toBe(200);
      expect(res.json().status).toBe('appeal');
    }
  });
});
