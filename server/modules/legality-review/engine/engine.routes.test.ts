import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../../test/harness';
import { importLawFiles, loadLawIndex } from './law-corpus';
import { ruleAcceptanceRates } from './acceptance';

const LAW = path.resolve('..', 'shared', 'law');
const lawFile = (rel: string) => ({ name: path.basename(rel), content: readFileSync(path.join(LAW, rel), 'utf8') });
const FILES = ['行政法/行政许可法(2019-04-23).md', '行政法/行政处罚法(2021-01-22).md', '行政法/行政强制法(2011-06-30).md', '行政法规/公平竞争审查条例(2024-06-06).md', '行政法规/重大行政决策程序暂行条例(2019-04-20).md'];
const BASE = '/api/v1/legality-review';
type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`合法性审查引擎 [${dialect}]`, () => {
    let t: TestApp;
    let head: Session;
    let handler: Session;
    let clerk: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [head, handler, clerk] = [await t.login('fy.head'), await t.login('fy.handler1'), await t.login('sfs.xicha')];
    });
    afterAll(async () => t?.close());
    const req = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });

    it('401 without a session, 403 without the permission, law import only with legalityReview.law.manage', async () => {
      const analyze = { text: '第一条 测试。', docKind: 'normative_document' };
      expect((await req(null, 'POST', `${BASE}/analyze`, analyze)).statusCode).toBe(401);
      const denied = await req(clerk, 'POST', `${BASE}/analyze`, analyze);
      expect(denied.statusCode).toBe(403);
      expect(denied.json().error.code).toBe('FORBIDDEN');
      expect((await req(handler, 'POST', `${BASE}/law/import`, { files: [lawFile(FILES[0]!)] })).statusCode).toBe(403);
    });

    it('imports the corpus through the route, reports every rejected file, and audits the import', async () => {
      const res = await req(head, 'POST', `${BASE}/law/import`, { files: [...FILES.map(lawFile), { name: 'notes.txt', content: 'x' }, { name: '空文件(2020-01-01).md', content: '# 空\n<!-- INFO END -->\n没有条文' }] });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.instruments).toBe(5);
      expect(body.articles).toBeGreaterThan(300);
      expect(body.rejected.map((r: Json) => r.name).sort()).toEqual(['notes.txt', '空文件(2020-01-01).md']);
      const audit = await t.handle.db.selectFrom('auditLog').select(['action']).where('action', '=', 'legalityReview.law.import').execute();
      expect(audit).toHaveLength(1);
      // importing the same version again replaces it rather than duplicating
      await importLawFiles(t.handle.db, [lawFile(FILES[0]!)], t.clock.nowIso());
      const n = await t.handle.db.selectFrom('lawInstruments').select((eb) => eb.fn.countAll<string>().as('n')).where('name', '=', '行政许可法').executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(1);
      const none = await req(head, 'POST', `${BASE}/law/import`, { files: [{ name: 'a.md', content: '没有条文' }] });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.code).toBe('LEGALITY_LAW_IMPORT_EMPTY');
    });

    it('looks up an article by any spelling and retrieves provisions with BM25', async () => {
      const a = await req(handler, 'GET', `${BASE}/law/article?instrument=${encodeURIComponent('《中华人民共和国行政许可法》')}&article=${encodeURIComponent('第十七条')}`);
      expect(a.statusCode, a.body).toBe(200);
      expect(a.json()).toMatchObject({ instrument: '中华人民共和国行政许可法', article: '第十七条', instrumentVersion: '2019-04-23' });
      expect(a.json().text).toContain('其他规范性文件一律不得设定行政许可');
      const missing = await req(handler, 'GET', `${BASE}/law/article?instrument=${encodeURIComponent('行政许可法')}&article=${encodeURIComponent('第九百条')}`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('LEGALITY_LAW_ARTICLE_NOT_FOUND');
      const s = await req(handler, 'GET', `${BASE}/law/search?q=${encodeURIComponent('冻结存款、汇款应当由法律规定的行政机关实施')}&limit=3`);
      expect(s.statusCode, s.body).toBe(200);
      // the article that says it is among the top three (the others on 冻结 in the same law share its terms)
      expect(s.json().items.map((i: Json) => `${i.instrument}${i.article}`)).toContain('中华人民共和国行政强制法第二十九条');
      const law = await loadLawIndex(t.handle.db);
      expect(law.search('公开征求意见的期限一般不少于30日', 1)[0]).toMatchObject({ instrument: '重大行政决策程序暂行条例', article: '第十五条' });
    });

    it('analyze: empty list for a clean text; findings with the cited articles text for a violating one', async () => {
      const clean = await req(handler, 'POST', `${BASE}/analyze`, { text: '第一条 为了规范本区养老服务，制定本办法。\n第二条 区民政局负责组织实施。', docKind: 'normative_document' });
      expect(clean.statusCode, clean.body).toBe(200);
      expect(clean.json()).toEqual({ findings: [] });
      const text = '××区网吧管理办法\n第一条 为了规范管理，制定本办法。\n第二条 开办网吧须经区文化和旅游局审批同意后方可营业。\n第三条 违反本办法的，由区文化和旅游局处五千元罚款。';
      const res = await req(handler, 'POST', `${BASE}/analyze`, { text, docKind: 'normative_document' });
      expect(res.statusCode, res.body).toBe(200);
      const { findings } = res.json() as { findings: Json[] };
      expect(findings.map((f) => f.types[0])).toEqual(['permit', 'penalty']);
      for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.excerpt);
      expect(findings[0]!.basis[0]).toMatchObject({ instrument: '中华人民共和国行政许可法', article: '第十七条' });
      expect(findings[0]!.basis[0].text).toContain('一律不得设定行政许可');
      expect(findings[1]!.basis[0].text).toContain('其他规范性文件不得设定行政处罚');
      expect(findings[1]!.basis.some((b: Json) => b.retrieved === true)).toBe(true);
      const bad = await req(handler, 'POST', `${BASE}/analyze`, { text: '', docKind: 'contract' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    });

    it('lists the rules and reports acceptance rates per rule from reviewers decisions', async () => {
      const rules = await req(handler, 'GET', `${BASE}/rules`);
      expect(rules.statusCode).toBe(200);
      expect(rules.json().items.find((r: Json) => r.id === 'penalty.fine').basis[0]).toMatchObject({ instrument: '中华人民共和国行政处罚法', article: '第十六条' });
      expect(rules.json().llmEnabled).toBe(false);
      expect(rules.json().limits.find((l: Json) => l.key === 'validityMaxYears')).toMatchObject({ value: 5, unverified: true, env: 'FAZHI_LEGALITY_VALIDITY_YEARS' });
      expect(rules.json().limits.find((l: Json) => l.key === 'commentMinDays')).toMatchObject({ value: 30, unverified: false });
      const users = await t.handle.db.selectFrom('users').select('id').limit(1).execute();
      const row = (rule: string, decision: 'accepted' | 'rejected') => ({ id: randomUUID(), reviewId: 'r1', findingRuleId: rule, findingTypes: '["permit"]', decision, reviewerUserId: users[0]!.id, reason: null, decidedAt: '2026-06-01T02:00:00.000Z' });
      await t.handle.db.insertInto('legalityFindingDecisions').values([row('permit.approval-gate', 'accepted'), row('permit.approval-gate', 'accepted'), row('permit.approval-gate', 'rejected'), row('penalty.fine', 'rejected')]).execute();
      expect(await ruleAcceptanceRates(t.handle.db)).toEqual([
        { ruleId: 'penalty.fine', accepted: 0, rejected: 1, rate: 0 },
        { ruleId: 'permit.approval-gate', accepted: 2, rejected: 1, rate: 0.667 },
      ]);
      const res = await req(handler, 'GET', `${BASE}/rules/acceptance`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(2);
    });
  });
}
