import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { readZipEntry } from '../../platform/documents';
import { ruleAcceptanceRates } from './engine';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/legality-review';
const PORTAL = '/api/v1/portal/legality-review';
type Json = Record<string, any>;

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----fazhi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const DRAFT_TEXT = [
  '北京市西城区促进老字号发展的若干措施（送审稿）',
  '第一条 为促进本区老字号企业传承发展，根据有关规定，制定本措施。',
  '第二条 本措施适用于本区行政区域内的老字号企业。',
  '第三条 区商务部门负责本措施的组织实施。',
  '第四条 本措施自2026年7月1日起施行，有效期至2028年6月30日。',
].join('\n');
const VIOLATING_TEXT = [
  '北京市西城区老字号经营管理办法（送审稿）',
  '第一条 为规范本区老字号经营活动，制定本办法。',
  '第五条 经营者开展老字号经营活动，应当向区商务局申请办理老字号经营许可证，未取得许可证的，不得从事相关经营活动。',
  '第六条 违反本办法第五条规定的，由区商务局处以五千元以上一万元以下罚款。',
  '第七条 本办法自2026年7月1日起施行，有效期至2028年6月30日。',
].join('\n');

for (const dialect of DIALECTS) {
  describe(`合法性审查 drafts, comment, contact points, advisers [${dialect}]`, () => {
    let t: TestApp;
    let head: Session;
    let fyHead: Session;
    let clerk: Session;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [head, fyHead, clerk] = [await t.login('hfx.head'), await t.login('fy.head'), await t.login('sfs.xicha')];
    });
    afterAll(async () => t?.close());

    const req = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
      t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });
    const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const err = async (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload: unknown, status: number, code: string) => {
      const res = await req(s, method, url, payload);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      return res.json().error as Json;
    };
    const upload = async (s: Session, url: string, fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) => {
      const m = multipart(fields, file);
      return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...s.headers, 'content-type': m.contentType } });
    };
    const draftBody = (over: Json = {}): Json => ({ kind: 'normativeDocument', title: '北京市西城区促进老字号发展的若干措施', draftingUnit: '北京市西城区商务局', contactName: '联络员甲', submittedOn: '2026-05-25', touchesMarket: true, text: DRAFT_TEXT, reviewPeriodWd: 10, ...over });

    it('401 without a session, 403 without the permission, 400 on a bad body', async () => {
      await err(null, 'GET', `${BASE}/drafts`, undefined, 401, 'UNAUTHENTICATED');
      await err(clerk, 'GET', `${BASE}/drafts`, undefined, 403, 'FORBIDDEN');
      await err(clerk, 'POST', `${BASE}/drafts`, draftBody(), 403, 'FORBIDDEN');
      await err(head, 'POST', `${BASE}/drafts`, draftBody({ kind: 'regulation' }), 400, 'VALIDATION_FAILED');
      await err(head, 'POST', `${BASE}/drafts`, draftBody({ reviewPeriodWd: 20 }), 400, 'VALIDATION_FAILED');
    });

    it('registers a draft with a unified register number; lists what is missing; refuses review until complete', async () => {
      const d = await ok(head, 'POST', `${BASE}/drafts`, draftBody());
      expect(d.regNo).toMatch(/^西合审〔2026〕\d+号$/);
      expect(d.status).toBe('registered');
      expect(d.missing.map((m: Json) => m.kind)).toEqual(['draftingExplanation', 'legalBasis', 'commentRecord', 'fairCompetitionReview']);
      const e = await err(head, 'POST', `${BASE}/drafts/${d.id}/accept`, { acceptedOn: '2026-05-26' }, 409, 'LR_MATERIALS_INCOMPLETE');
      expect(e.details.missing).toHaveLength(4);
      // return for materials (Art. 26 ¶1), then the drafting unit supplies them
      expect((await ok(head, 'POST', `${BASE}/drafts/${d.id}/return`, { items: '请补充公平竞争审查记录' })).status).toBe('incomplete');
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/materials/text`, { kind: 'draftingExplanation', text: '起草背景、主要内容说明' });
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/materials/text`, { kind: 'legalBasis', text: '《优化营商环境条例》' });
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/materials/text`, { kind: 'commentRecord', text: '已征求意见 12 条' });
      // uploads: type and content checked
      const bad = await upload(head, `${BASE}/drafts/${d.id}/materials`, { kind: 'fairCompetitionReview' }, { name: 'review.pdf', type: 'application/pdf', data: Buffer.from('<html><script>alert(1)</script></html>') });
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().error.code).toBe('LR_UPLOAD_REJECTED');
      const exe = await upload(head, `${BASE}/drafts/${d.id}/materials`, { kind: 'fairCompetitionReview' }, { name: 'review.exe', type: 'application/octet-stream', data: Buffer.from('MZ\x90\x00') });
      expect(exe.json().error.details.reason).toBe('TYPE_NOT_ALLOWED');
      const good = await upload(head, `${BASE}/drafts/${d.id}/materials`, { kind: 'fairCompetitionReview' }, { name: '公平竞争审查表.pdf', type: 'application/pdf', data: PDF });
      expect(good.statusCode, good.body).toBe(200);
      const full = good.json() as Json;
      expect(full.missing).toEqual([]);
      const mat = full.materials.find((m: Json) => m.form === 'file');
      const dl = await req(head, 'GET', `${BASE}/drafts/${d.id}/materials/${mat.id}`);
      expect(dl.statusCode).toBe(200);
      expect(dl.headers['content-type']).toBe('application/octet-stream');
      expect(dl.rawPayload.equals(PDF)).toBe(true);

      // accepted: the review clock is on the deadline register, 10 WD configured within 5–15 (UNVERIFIED → configurable)
      const fy = await t.handle.db.selectFrom('users').select('id').where('username', '=', 'fy.handler1').executeTakeFirstOrThrow();
      await err(head, 'POST', `${BASE}/drafts/${d.id}/accept`, { acceptedOn: '2026-05-26', reviewerId: fy.id }, 400, 'VALIDATION_FAILED');
      const a = await ok(head, 'POST', `${BASE}/drafts/${d.id}/accept`, { acceptedOn: '2026-05-26' });
      expect(a.status).toBe('underReview');
      expect(a.clocks).toHaveLength(1);
      expect(a.clocks[0]).toMatchObject({ ruleId: 'normativeDocument.legalityReview', unverified: true, configurable: true, startDate: '2026-05-26' });
      expect(a.reviewDue).toBe(a.clocks[0].dueDate);
      expect(a.reviewDue > '2026-06-05').toBe(true);
      const dl2 = await ok(head, 'GET', `/api/v1/deadlines?module=legalityReview`);
      expect(dl2.data.some((x: Json) => x.objectId === d.id && x.ruleId === 'normativeDocument.legalityReview')).toBe(true);
      // outside the data scope: another section's head
      await err(fyHead, 'GET', `${BASE}/drafts/${d.id}`, undefined, 403, 'OUT_OF_SCOPE');
      // the table: no collective decision before an opinion
      await err(head, 'POST', `${BASE}/drafts/${d.id}/collective`, { meeting: '区政府常务会议', decidedOn: '2026-05-30', result: 'approved' }, 409, 'LR_TRANSITION_NOT_ALLOWED');
      // no opinion before the engine has run
      await err(head, 'POST', `${BASE}/drafts/${d.id}/opinion`, { conclusion: 'approve', opinion: '同意', issuedOn: '2026-05-30' }, 409, 'LR_FINDINGS_UNDECIDED');
      // audited
      const log = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', d.id).execute();
      expect(log.map((l) => l.action)).toEqual(expect.arrayContaining(['legalityReview.draft.register', 'legalityReview.draft.returnForMaterials', 'legalityReview.draft.addMaterial', 'legalityReview.draft.accept']));
    });

    it('review: engine findings, a named decision on each, the opinion (.docx, unified number), collective decision, publication, filing, validity', async () => {
      const d = await ok(head, 'POST', `${BASE}/drafts`, draftBody({ submittedOn: '2026-05-18', touchesMarket: false, text: undefined }));
      expect(d.missing.map((m: Json) => m.kind)).toEqual(['draftingExplanation', 'legalBasis', 'commentRecord']);
      for (const kind of ['draftingExplanation', 'legalBasis', 'commentRecord']) await ok(head, 'POST', `${BASE}/drafts/${d.id}/materials/text`, { kind, text: '材料' });
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/accept`, { acceptedOn: '2026-05-19' });
      await err(head, 'POST', `${BASE}/drafts/${d.id}/analyze`, {}, 409, 'LR_TEXT_MISSING');
      // a .docx that is not one is refused; text may be typed instead
      const fake = await upload(head, `${BASE}/drafts/${d.id}/docx`, {}, { name: 'draft.docx', type: 'application/octet-stream', data: PDF });
      expect(fake.json().error).toMatchObject({ code: 'LR_UPLOAD_REJECTED', details: { reason: 'CONTENT_MISMATCH' } });
      await ok(head, 'PUT', `${BASE}/drafts/${d.id}/text`, { text: VIOLATING_TEXT });
      const a = await ok(head, 'POST', `${BASE}/drafts/${d.id}/analyze`, {});
      expect(a.analyzedAt).not.toBeNull();
      const types = a.findings.flatMap((f: Json) => f.types);
      expect(types).toEqual(expect.arrayContaining(['permit', 'penalty']));
      for (const f of a.findings) {
        expect(VIOLATING_TEXT.slice(f.start, f.end)).toBe(f.excerpt);
        expect(f.basis.length).toBeGreaterThan(0);
      }
      await err(head, 'POST', `${BASE}/drafts/${d.id}/opinion`, { conclusion: 'approveWithChanges', opinion: '请修改', issuedOn: '2026-05-29' }, 409, 'LR_FINDINGS_UNDECIDED');
      await err(head, 'POST', `${BASE}/drafts/${d.id}/findings/${a.findings[0].id}/decision`, { decision: 'accepted' }, 400, 'VALIDATION_FAILED');
      let last: Json = a;
      for (const [i, f] of a.findings.entries()) last = await ok(head, 'POST', `${BASE}/drafts/${d.id}/findings/${f.id}/decision`, { decision: i === 0 ? 'accepted' : 'rejected', reason: i === 0 ? '确属设定行政许可' : '另有上位法依据' });
      expect(last.findings[0]).toMatchObject({ decision: 'accepted', decisionReason: '确属设定行政许可', decidedBy: expect.any(String) });
      await err(head, 'POST', `${BASE}/drafts/${d.id}/findings/${a.findings[0].id}/decision`, { decision: 'rejected', reason: '改变主意' }, 409, 'LR_TRANSITION_NOT_ALLOWED');
      // the engine's decision log holds one row per decision, by the named reviewer
      const logged = await t.handle.db.selectFrom('legalityFindingDecisions').selectAll().where('reviewId', '=', d.id).execute();
      expect(logged).toHaveLength(a.findings.length);
      expect(logged.find((l) => l.decision === 'accepted')!.findingRuleId).toBe(a.findings[0].ruleId);
      // …and the engine's per-rule acceptance report counts them
      const rates = await ruleAcceptanceRates(t.handle.db);
      expect(rates.find((r) => r.ruleId === a.findings[0].ruleId)!.accepted).toBeGreaterThanOrEqual(1);
      const o = await ok(head, 'POST', `${BASE}/drafts/${d.id}/opinion`, { conclusion: 'approveWithChanges', opinion: '请删除第五条、第六条后提请审议。', issuedOn: '2026-05-29' });
      expect(o.status).toBe('opinionIssued');
      expect(o.opinion.no).toMatch(/^西司审〔2026〕\d+号$/);
      expect(o.clocks[0].status).toBe('met');
      const docx = await req(head, 'GET', `${BASE}/drafts/${d.id}/opinion.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const xml = readZipEntry(docx.rawPayload, 'word/document.xml')!.toString('utf8');
      expect(xml).toContain('合法性审查意见书');
      expect(xml).toContain(o.opinion.no);
      expect(xml).toContain(a.findings[0].excerpt.slice(0, 10));
      // collective decision, publication with a unified number, filing (30 days, Beijing), validity alert on the register
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/collective`, { meeting: '区政府常务会议', decidedOn: '2026-05-30', result: 'approvedWithChanges' });
      await err(head, 'POST', `${BASE}/drafts/${d.id}/publish`, { publishedOn: '2026-05-31', validFrom: '2026-06-01' }, 400, 'LR_VALIDITY_REQUIRED');
      await err(head, 'POST', `${BASE}/drafts/${d.id}/publish`, { publishedOn: '2026-05-31', validFrom: '2026-06-01', validUntil: '2031-06-02' }, 400, 'LR_VALIDITY_REQUIRED');
      const p = await ok(head, 'POST', `${BASE}/drafts/${d.id}/publish`, { publishedOn: '2026-05-31', validFrom: '2026-06-01', validUntil: '2028-05-31' });
      expect(p.docNo).toMatch(/^西规〔2026〕\d+号$/);
      const filing = p.clocks.find((c: Json) => c.ruleId === 'normativeDocument.filingBeijing');
      expect(filing).toMatchObject({ dueDate: '2026-06-30', status: 'open', unverified: true });
      const validity = p.clocks.find((c: Json) => c.ruleId === 'normativeDocument.validityEvaluation');
      expect(validity.dueDate).toBe('2027-12-03');
      const f = await ok(head, 'POST', `${BASE}/drafts/${d.id}/filing`, { filedOn: '2026-06-01', filingNo: '京备〔2026〕18号' });
      expect(f.status).toBe('filed');
      expect((await ok(head, 'GET', `${BASE}/drafts?expiring=true`)).data.some((x: Json) => x.id === d.id)).toBe(false);
      // clean-up: abolished through the lifecycle
      const cu = await ok(head, 'POST', `${BASE}/cleanups`, { name: '2026年度规范性文件清理', startedOn: '2026-06-01' });
      const done = await ok(head, 'POST', `${BASE}/cleanups/${cu.id}/items`, { draftId: d.id, result: 'abolish', decidedOn: '2026-06-01', note: '已被上位法取代' });
      expect(done.items[0]).toMatchObject({ draftId: d.id, result: 'abolish' });
      expect((await ok(head, 'GET', `${BASE}/drafts/${d.id}`)).status).toBe('abolished');
    });

    it('a .docx upload becomes the draft text (paragraphs kept); a drafting unit sees only its own drafts and cannot review', async () => {
      // a drafting-unit liaison (role draftingUnit, data scope 'own'), made from a demo account's credentials
      const db = t.handle.db;
      const src = await db.selectFrom('users').selectAll().where('username', '=', 'sfs.jinrong').executeTakeFirstOrThrow();
      const role = await db.selectFrom('roles').select('id').where('code', '=', 'draftingUnit').executeTakeFirstOrThrow();
      await db.insertInto('users').values({ ...src, id: `drafter-${dialect}`, username: `drafter.${dialect}`, displayName: '起草单位联络员' }).execute();
      await db.insertInto('userRoles').values({ userId: `drafter-${dialect}`, roleId: role.id }).execute();
      const drafter = await t.login(`drafter.${dialect}`);
      const mine = await ok(drafter, 'POST', `${BASE}/drafts`, draftBody({ title: '起草单位自行登记的送审稿', text: undefined }));
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: VIOLATING_TEXT.split('\n').map((l) => new Paragraph({ children: [new TextRun(l)] })) }] }));
      const up = await upload(drafter, `${BASE}/drafts/${mine.id}/docx`, {}, { name: '送审稿.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', data: docx });
      expect(up.statusCode, up.body).toBe(200);
      expect(up.json()).toMatchObject({ text: VIOLATING_TEXT, textSource: 'docx' });
      const list = await ok(drafter, 'GET', `${BASE}/drafts`);
      expect(list.data.map((d: Json) => d.id)).toEqual([mine.id]);
      await err(drafter, 'POST', `${BASE}/drafts/${mine.id}/accept`, { acceptedOn: '2026-05-26' }, 403, 'FORBIDDEN');
      expect((await ok(drafter, 'GET', `${BASE}/drafts/${mine.id}`)).allowedActions).not.toContain('accept');
      // the review section sees it (its department), and it lands in the section's register
      expect((await ok(head, 'GET', `${BASE}/drafts/${mine.id}`)).allowedActions).toContain('accept');
    });

    it('major decision: the review needs at least 7 working days (重大行政决策程序暂行条例 Art. 26 ¶2)', async () => {
      // 2026-05-25 (Mon) + 7 WD = 2026-06-03
      const e = await err(head, 'POST', `${BASE}/drafts`, draftBody({ kind: 'majorDecision', requestedBy: '2026-06-02' }), 400, 'LR_REVIEW_PERIOD_TOO_SHORT');
      expect(e.details.earliest).toBe('2026-06-03');
      const d = await ok(head, 'POST', `${BASE}/drafts`, draftBody({ kind: 'majorDecision', requestedBy: '2026-06-03' }));
      expect(d.reviewPeriodWd).toBeNull();
    });

    it('public comment: ≥ 30 days for market-related drafts, comments anchored to an article, a decision per comment, the adoption statement', async () => {
      const d = await ok(head, 'POST', `${BASE}/drafts`, draftBody({ submittedOn: '2026-05-20' }));
      const e = await err(head, 'POST', `${BASE}/drafts/${d.id}/comment-period`, { from: '2026-05-20', until: '2026-06-10' }, 400, 'LR_COMMENT_PERIOD_TOO_SHORT');
      // 30 days end on 2026-06-19, 端午节 (a 法定休假日): the period ends on the next working day (民法典 Art. 203)
      expect(e.details.earliest).toBe('2026-06-22');
      const c = await ok(head, 'POST', `${BASE}/drafts/${d.id}/comment-period`, { from: '2026-05-20', until: '2026-06-22' });
      expect(c.commentPeriod).toMatchObject({ from: '2026-05-20', until: '2026-06-22', minimumUntil: '2026-06-22', open: true });
      expect(c.commentPeriod.citation).toContain('优化营商环境条例');
      // the public portal, no login
      const list = (await req(null, 'GET', `${PORTAL}/drafts`)).json() as Json;
      expect(list.data.some((x: Json) => x.id === d.id)).toBe(true);
      const pub = (await req(null, 'GET', `${PORTAL}/drafts/${d.id}`)).json() as Json;
      expect(pub.articles.map((a: Json) => a.anchor)).toEqual(['标题', '第一条', '第二条', '第三条', '第四条']);
      const bad = await req(null, 'POST', `${PORTAL}/drafts/${d.id}/comments`, { anchor: '第九条', content: '意见' });
      expect(bad.statusCode).toBe(400);
      const sent = await req(null, 'POST', `${PORTAL}/drafts/${d.id}/comments`, { anchor: '第三条', content: '建议明确区市场监管局的配合职责', organization: '某老字号企业' });
      expect(sent.statusCode, sent.body).toBe(200);
      // contact points: invited and their comment recorded
      const cp = await ok(head, 'POST', `${BASE}/contact-points`, { name: '北京某老字号餐饮有限公司', industry: '餐饮', size: 'small', ownership: 'private' });
      await err(head, 'POST', `${BASE}/drafts/${d.id}/comments`, { anchor: '第二条', content: '适用范围', contactPointId: cp.id }, 400, 'VALIDATION_FAILED');
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/invitations`, { contactPointIds: [cp.id] });
      const withCp = await ok(head, 'POST', `${BASE}/drafts/${d.id}/comments`, { anchor: '第二条', content: '建议将个体工商户纳入适用范围', contactPointId: cp.id });
      expect(withCp.comments).toHaveLength(2);
      const fromCp = withCp.comments.find((c: Json) => c.source === 'contactPoint');
      const fromPublic = withCp.comments.find((c: Json) => c.source === 'public');
      expect(fromCp).toMatchObject({ anchor: '第二条', contactPointName: '北京某老字号餐饮有限公司' });
      expect(fromPublic).toMatchObject({ anchor: '第三条', organization: '某老字号企业' });
      // adoption statement only once every comment is decided, and after the period
      await err(head, 'POST', `${BASE}/drafts/${d.id}/adoption-statement`, { publishedOn: '2026-06-23' }, 409, 'LR_DECISIONS_PENDING');
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/comments/${fromPublic.id}/decision`, { decision: 'adopted', reason: '已在第三条增加配合职责' });
      await ok(head, 'POST', `${BASE}/drafts/${d.id}/comments/${fromCp.id}/decision`, { decision: 'notAdopted', reason: '个体工商户另有专门政策' });
      await err(head, 'POST', `${BASE}/drafts/${d.id}/adoption-statement`, { publishedOn: '2026-06-01' }, 400, 'LR_DATE_ORDER');
      const st = await ok(head, 'POST', `${BASE}/drafts/${d.id}/adoption-statement`, { publishedOn: '2026-06-23' });
      expect(st.adoptionStatement.text).toContain('共收到意见 2 条，其中采纳 1 条、部分采纳 0 条、不采纳 1 条');
      // representativeness: one small private firm → no association, single industry
      const cps = await ok(head, 'GET', `${BASE}/contact-points`);
      expect(cps.representativeness.total).toBe(1);
      expect(cps.representativeness.gaps.join()).toContain('行业协会商会');
    });

    it('legal advisers: request, assignment, opinion with time spent', async () => {
      const a = await ok(head, 'POST', `${BASE}/advisers`, { name: '顾问乙', firm: '北京某律师事务所', specialty: '行政法' });
      const c = await ok(head, 'POST', `${BASE}/consultations`, { subject: 'contract', title: '某片区更新项目合作协议', requestingUnit: '区住建委', requestedOn: '2026-05-28' });
      expect(c).toMatchObject({ status: 'requested', no: expect.stringMatching(/^西法顾〔2026〕\d+号$/) });
      await err(head, 'POST', `${BASE}/consultations/${c.id}/opinion`, { opinion: '意见', answeredOn: '2026-05-29', minutes: 90 }, 409, 'LR_TRANSITION_NOT_ALLOWED');
      await ok(head, 'POST', `${BASE}/consultations/${c.id}/assign`, { adviserId: a.id, assignedOn: '2026-05-28' });
      const done = await ok(head, 'POST', `${BASE}/consultations/${c.id}/opinion`, { opinion: '建议完善违约责任条款', answeredOn: '2026-05-29', minutes: 90 });
      expect(done).toMatchObject({ status: 'answered', adviserName: '顾问乙', minutes: 90 });
      const ads = await ok(head, 'GET', `${BASE}/advisers`);
      expect(ads.data.find((x: Json) => x.id === a.id)).toMatchObject({ consultations: 1, minutes: 90 });
      expect((await ok(head, 'GET', `${BASE}/consultations?status=answered`)).total).toBeGreaterThanOrEqual(1);
    });
  });
}
