import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/legality-review';
type Json = Record<string, any>;

async function readBook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows = (name: string) => {
    const ws = wb.getWorksheet(name)!;
    const out: string[][] = [];
    ws.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    return out;
  };
  return { names: wb.worksheets.map((w) => w.name), rows };
}

for (const dialect of DIALECTS) {
  describe(`合法性审查 register export (Excel) [${dialect}]`, () => {
    let t: TestApp;
    let head: Session;
    let clerk: Session;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [head, clerk] = [await t.login('hfx.head'), await t.login('sfs.xicha')];
    });
    afterAll(async () => t?.close());

    const post = async (url: string, payload: Json) => {
      const res = await t.app.inject({ method: 'POST', url, payload, headers: head.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) });
    const draft = (title: string, kind: string) => post(`${BASE}/drafts`, { kind, title, draftingUnit: '北京市西城区商务局', contactName: '联络员甲', submittedOn: '2026-05-25', touchesMarket: true, text: `${title}\n第一条 为了规范管理，制定本办法。`, reviewPeriodWd: 10 });

    it('exports the draft register with the same filters as the list, and refuses without permission', async () => {
      await draft('北京市西城区老字号保护办法', 'normativeDocument');
      await draft('西城区停车设施建设决策', 'majorDecision');
      await draft('西城区餐饮业扶持办法', 'normativeDocument');

      expect((await get(null, `${BASE}/drafts/export.xlsx`)).statusCode).toBe(401);
      expect((await get(clerk, `${BASE}/drafts/export.xlsx`)).statusCode).toBe(403);

      const all = await get(head, `${BASE}/drafts/export.xlsx`);
      expect(all.statusCode, all.body).toBe(200);
      expect(all.headers['content-type']).toContain('spreadsheetml');
      expect(String(all.headers['content-disposition'])).toMatch(/attachment; filename="legality-register\.xlsx"; filename\*=UTF-8''/);
      const book = await readBook(all.rawPayload);
      expect(book.names).toEqual(['登记台账']);
      const rows = book.rows('登记台账');
      expect(rows[0]![0]).toContain('筛选：全部');
      expect(rows[1]).toEqual(['登记号', '类型', '标题', '起草单位', '状态', '送审日期', '审查期限', '审查人员', '文号', '有效期至']);
      const listed = (await get(head, `${BASE}/drafts?pageSize=200`)).json() as Json;
      expect(rows.slice(2).map((r) => r[0]).sort()).toEqual(listed.data.map((d: Json) => d.regNo).sort());
      expect(rows[0]![0]).toContain(`共${listed.total}件`);

      // the filters of the screen: kind and search text
      const filtered = await get(head, `${BASE}/drafts/export.xlsx?kind=normativeDocument&q=${encodeURIComponent('老字号')}`);
      const frows = (await readBook(filtered.rawPayload)).rows('登记台账');
      expect(frows[0]![0]).toContain('类型：行政规范性文件；检索：老字号');
      const flisted = (await get(head, `${BASE}/drafts?kind=normativeDocument&q=${encodeURIComponent('老字号')}`)).json() as Json;
      expect(frows.slice(2).map((r) => r[2])).toEqual(flisted.data.map((d: Json) => d.title));
      expect(frows.slice(2).every((r) => r[1] === '行政规范性文件' && r[2]!.includes('老字号'))).toBe(true);
      expect(frows.length - 2).toBeGreaterThan(0);

      // a bad filter is refused as on the list
      expect((await get(head, `${BASE}/drafts/export.xlsx?kind=regulation`)).statusCode).toBe(400);
    });

    it('exports the consultation register filtered by subject, with the advisers sheet', async () => {
      const adviser = await post(`${BASE}/advisers`, { name: '顾问乙', firm: '北京某律师事务所', specialty: '行政法' });
      const c1 = await post(`${BASE}/consultations`, { subject: 'contract', title: '西城区某PPP项目合同', requestingUnit: '北京市西城区发展和改革委员会', requestedOn: '2026-05-20' });
      await post(`${BASE}/consultations`, { subject: 'majorMatter', title: '西城区老旧小区改造方案', requestingUnit: '北京市西城区住房和城乡建设委员会', requestedOn: '2026-05-21' });
      await post(`${BASE}/consultations/${c1.id}/assign`, { adviserId: adviser.id, assignedOn: '2026-05-21' });
      await post(`${BASE}/consultations/${c1.id}/opinion`, { opinion: '合同条款总体合法，建议明确违约责任。', answeredOn: '2026-05-25', minutes: 90 });

      const res = await get(head, `${BASE}/consultations/export.xlsx?subject=contract`);
      expect(res.statusCode, res.body).toBe(200);
      const book = await readBook(res.rawPayload);
      expect(book.names).toEqual(['咨询论证台账', '法律顾问']);
      const rows = book.rows('咨询论证台账');
      expect(rows[0]![0]).toContain('事项：重大合同');
      const data = rows.slice(2);
      expect(data.map((r) => r[2])).toContain('西城区某PPP项目合同');
      expect(data.every((r) => r[1] === '重大合同')).toBe(true);
      const row = data.find((r) => r[2] === '西城区某PPP项目合同')!;
      expect(row.slice(6)).toEqual(['顾问乙', '2026-05-21', '2026-05-25', '90', '已出具意见']);
      const advisers = book.rows('法律顾问').slice(2);
      expect(advisers.find((a) => a[0] === '顾问乙')).toEqual(['顾问乙', '北京某律师事务所', '行政法', '在聘', '1', '90']);
    });

    it('corrects and deactivates contact points and advisers; inactive ones leave representativeness and cannot be assigned', async () => {
      const put = (sess: Session, url: string, payload: Json) => t.app.inject({ method: 'PUT', url, payload, headers: sess.headers });
      const cp = await post(`${BASE}/contact-points`, { name: '西城某老字号餐饮公司', industry: '餐饮', size: 'small', ownership: 'private', contactName: '联系人丙' });
      const before = ((await get(head, `${BASE}/contact-points`)).json() as Json).representativeness.total;

      // 403 without the permission, 400 on a bad body, 404 for an unknown id
      expect((await put(clerk, `${BASE}/contact-points/${cp.id}`, { ...cp, active: true })).statusCode).toBe(403);
      const bad = await put(head, `${BASE}/contact-points/${cp.id}`, { name: '西城某老字号餐饮公司', industry: '餐饮', size: 'huge', ownership: 'private', active: true });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
      const missing = await put(head, `${BASE}/contact-points/00000000-0000-0000-0000-000000000000`, { name: '甲', industry: '餐饮', size: 'small', ownership: 'private', active: true });
      expect(missing.statusCode).toBe(404);

      const upd = await put(head, `${BASE}/contact-points/${cp.id}`, { name: '西城某老字号餐饮有限公司', industry: '餐饮', size: 'medium', ownership: 'private', active: false });
      expect(upd.statusCode, upd.body).toBe(200);
      expect(upd.json()).toMatchObject({ id: cp.id, name: '西城某老字号餐饮有限公司', size: 'medium', contactName: null, active: false });
      expect(((await get(head, `${BASE}/contact-points`)).json() as Json).representativeness.total).toBe(before - 1);

      const a = await post(`${BASE}/advisers`, { name: '顾问丁', firm: '北京某律师事务所' });
      const ua = await put(head, `${BASE}/advisers/${a.id}`, { name: '顾问丁', firm: '北京另一律师事务所', specialty: '合同法', active: false });
      expect(ua.statusCode, ua.body).toBe(200);
      expect(ua.json()).toMatchObject({ id: a.id, firm: '北京另一律师事务所', specialty: '合同法', active: false });
      const c = await post(`${BASE}/consultations`, { subject: 'document', title: '西城区某规范性文件', requestingUnit: '北京市西城区商务局', requestedOn: '2026-05-22' });
      const assign = await t.app.inject({ method: 'POST', url: `${BASE}/consultations/${c.id}/assign`, payload: { adviserId: a.id, assignedOn: '2026-05-23' }, headers: head.headers });
      expect(assign.statusCode).toBe(400);

      // both changes are in the audit log with the values before
      const audit = await t.handle.db.selectFrom('auditLog').select(['action', 'diff']).where('objectId', 'in', [cp.id, a.id]).where('action', 'like', '%.update').execute();
      expect(audit.map((r) => r.action).sort()).toEqual(['legalityReview.adviser.update', 'legalityReview.contactPoint.update']);
      const cpDiff = JSON.parse(audit.find((r) => r.action === 'legalityReview.contactPoint.update')!.diff!) as Json;
      expect(JSON.stringify(cpDiff)).toContain('西城某老字号餐饮公司');
    });
  });
}
