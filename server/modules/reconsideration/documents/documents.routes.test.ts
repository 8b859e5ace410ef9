import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECON_DOCUMENT_KIND_LABELS, type ReconDocumentKind } from '../../../../common/contracts';
import { createRng, generateIdNumber } from '../../../../common/validators';
import { readZipEntry } from '../../../platform/documents';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../../test/harness';
import { createReconsiderationService } from '../reconsideration.service';
import { createDocumentsService } from './documents.service';

const CASES = '/api/v1/reconsideration/cases';
const DOCS = '/api/v1/reconsideration/documents';
type Json = Record<string, any>;

/** The visible text of a .docx body (runs joined). */
const docxText = (b: Buffer) => {
  const xml = readZipEntry(b, 'word/document.xml')!.toString('utf8');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

for (const dialect of DIALECTS) {
  describe(`行政复议文书 [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let h2: Session;
    let head: Session;
    let leader: Session;
    let sfs: Session;
    const rng = createRng(7788);
    let n = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, h2, head, leader, sfs] = [await t.login('fy.handler1'), await t.login('fy.handler2'), await t.login('fy.head'), await t.login('leader'), await t.login('sfs.xicha')];
    });
    afterAll(async () => t?.close());

    const req = (method: 'GET' | 'POST' | 'PUT', s: Session | null, url: string, payload?: unknown) =>
      t.app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Json }), ...(s ? { headers: s.headers } : {}) });
    const ok = async (method: 'GET' | 'POST' | 'PUT', s: Session, url: string, payload?: unknown) => {
      const res = await req(method, s, url, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const err = async (method: 'GET' | 'POST' | 'PUT', s: Session | null, url: string, payload?: unknown) => {
      const res = await req(method, s, url, payload);
      return { status: res.statusCode, code: res.json().error?.code as string, message: res.json().error?.message as string };
    };

    /** A fresh case (handler fy.handler1) brought to the given point by the case API. */
    async function caseAt(point: 'registered' | 'oral' | 'mail' | 'correction' | 'rejected' | 'accepted' | 'acceptedOrdinary' | 'extended' | 'underReview' | 'suspended' | 'resumed' | 'terminated' | 'mediation' | 'decided', extra: Json = {}) {
      n++;
      const channel = point === 'oral' ? 'oral' : point === 'mail' ? 'mail' : 'onsite';
      const body: Json = {
        channel,
        receivedOn: '2026-05-28',
        ...(channel === 'mail' ? { postmarkOn: '2026-05-27' } : {}),
        ...(channel === 'oral' ? { oralRecord: '申请人口头陈述：请求撤销罚款决定。', oralConfirmed: true } : {}),
        applicant: { kind: 'person', name: `文书申请人${n}`, idNumber: generateIdNumber(rng, { regionCode: '110102' }) },
        respondent: { name: '北京市西城区市场监督管理局' },
        act: { name: `行政处罚决定（文书样例${n}）`, docNo: `西市监罚〔2026〕${100 + n}号`, madeOn: '2026-05-10', knownOn: '2026-05-12' },
        request: '撤销该行政处罚决定',
        reasons: '认定事实不清，证据不足',
        attachments: [{ name: '行政复议申请书', pages: 3 }],
        ...extra,
      };
      const c = await ok('POST', h1, CASES, body);
      const step = (action: string, payload: Json, s: Session = h1) => ok('POST', s, `${CASES}/${c.id}/${action}`, payload);
      if (point === 'correction') await step('request-correction', { noticeOn: '2026-05-29', servedOn: '2026-05-29', items: ['补充提交行政处罚决定书复印件', '写明具体的行政复议请求'] });
      if (point === 'rejected') await step('reject-application', { rejectedOn: '2026-06-01', reason: '申请人与被申请复议的行政行为没有利害关系' });
      const review = ['accepted', 'acceptedOrdinary', 'extended', 'underReview', 'suspended', 'resumed', 'terminated', 'mediation', 'decided'];
      if (review.includes(point)) await step('accept', { acceptedOn: '2026-05-29', procedure: point === 'acceptedOrdinary' || point === 'extended' ? 'ordinary' : 'simplified' });
      if (point === 'extended') await step('extend', { days: 20, approvedOn: '2026-06-01', reason: '案情复杂，需要调查核实' }, head);
      if (['underReview', 'suspended', 'resumed', 'terminated', 'mediation', 'decided'].includes(point)) await step('send-copy', { sentOn: '2026-05-29', respondentReceivedOn: '2026-05-29' });
      if (['suspended', 'resumed'].includes(point)) await step('suspend', { on: '2026-05-30', ground: 5, note: '申请人因病住院' });
      if (point === 'resumed') await step('resume', { on: '2026-06-01' });
      if (point === 'terminated') await step('terminate', { on: '2026-06-01', ground: 2, note: '申请人死亡，没有近亲属' });
      if (point === 'mediation') await step('start-mediation', { on: '2026-05-30' });
      if (point === 'decided') {
        await step('record-reply', { receivedOn: '2026-05-30' });
        await step('decide', { decidedOn: '2026-06-01', type: extra.decisionType ?? 'uphold', summary: '被申请人作出的处罚决定认定事实清楚' });
      }
      return (await ok('GET', h1, `${CASES}/${c.id}`)) as Json;
    }
    const draft = (caseId: string, kind: ReconDocumentKind, s: Session = h1) => ok('POST', s, `${CASES}/${caseId}/documents`, { kind });
    /** Replaces every 【…】 placeholder with filled-in text (what the handler does before issuing). */
    const fill = (ps: string[]) => ps.map((p) => p.replace(/【[^】]*】/g, '已填写内容'));

    it('every kind: a draft filled from the case facts, downloadable as a .docx with the title, the facts and 草稿 in the header', async () => {
      const at: Record<ReconDocumentKind, Parameters<typeof caseAt>[0]> = {
        receipt: 'oral',
        acceptanceNotice: 'accepted',
        correctionNotice: 'correction',
        rejectionDecision: 'rejected',
        replyNotice: 'underReview',
        suspensionNotice: 'suspended',
        resumptionNotice: 'resumed',
        terminationNotice: 'terminated',
        extensionNotice: 'extended',
        decision: 'decided',
        mediationAgreement: 'mediation',
      };
      const expected: Record<ReconDocumentKind, (c: Json) => string[]> = {
        receipt: (c) => [c.caseNo, '第二十二条第三款', '2026年5月28日', '行政复议申请书（3页）'],
        acceptanceNotice: () => ['第三十条第一款', '2026年5月29日', '简易程序', '三十日', '第六十二条'],
        correctionNotice: () => ['第三十一条第一款', '一、补充提交行政处罚决定书复印件。', '二、写明具体的行政复议请求。', '十个工作日'],
        rejectionDecision: () => ['申请人与被申请复议的行政行为没有利害关系', '第三十条第二款', '本机关决定不予受理', '第三十四条'],
        replyNotice: () => ['第五十四条', '五个工作日', '第七十条', '第四十六条第一款'],
        suspensionNotice: () => ['因申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议', '第三十九条第一款第五项', '2026年5月30日'],
        resumptionNotice: () => ['第三十九条第二款', '2026年6月1日起恢复', '2026年5月30日中止'],
        terminationNotice: () => ['没有近亲属或者其近亲属放弃行政复议权利', '第四十一条第二项', '2026年6月1日起终止'],
        extensionNotice: () => ['第六十二条第一款', '延长二十日'],
        decision: () => ['第六十八条', '维持被申请人于2026年5月10日作出的行政处罚决定', '认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当', '被申请人作出的处罚决定认定事实清楚', '《中华人民共和国行政诉讼法》第四十五条', '第七十五条第二款', '申请人请求：撤销该行政处罚决定。', '申请人称：认定事实不清，证据不足。'],
        mediationAgreement: () => ['第七十三条第一款', '【调解协议内容】', '第七十八条第三项'],
      };
      for (const kind of Object.keys(at) as ReconDocumentKind[]) {
        const c = await caseAt(at[kind]);
        const d = await draft(c.id, kind);
        expect(d, kind).toMatchObject({ caseId: c.id, kind, kindLabel: RECON_DOCUMENT_KIND_LABELS[kind], title: RECON_DOCUMENT_KIND_LABELS[kind], docNo: null, status: 'draft', issuedAt: null, services: [], caseNo: c.caseNo, editable: true });
        const all = (d.paragraphs as string[]).join('\n');
        for (const fact of [c.applicantName, c.respondentName, c.actName, c.actDocNo, ...expected[kind](c)]) {
          if (kind === 'replyNotice' && fact === c.respondentName) continue; // addressed to the respondent: "你单位"
          expect(all, `${kind}: ${fact}`).toContain(fact);
        }
        expect(all, kind).toContain('《中华人民共和国行政复议法》');
        const res = await req('GET', h1, `${DOCS}/${d.id}/docx`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        const cd = String(res.headers['content-disposition']);
        expect(cd).toMatch(/^attachment; filename="document\.docx"; filename\*=UTF-8''/);
        expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(cd)![1]!)).toBe(`${RECON_DOCUMENT_KIND_LABELS[kind]}（草稿）.docx`);
        const buf = res.rawPayload;
        const text = docxText(buf);
        expect(text, kind).toContain(RECON_DOCUMENT_KIND_LABELS[kind]);
        expect(text, kind).toContain('北京市西城区人民政府');
        expect(text, kind).toContain(c.actName);
        expect(text, kind).toContain(kind === 'replyNotice' ? c.applicantName : c.respondentName);
        expect(readZipEntry(buf, 'word/header1.xml')!.toString('utf8'), kind).toContain('草稿');
      }
    });

    it('edit → issue (number, frozen) → service → download; every step audited', async () => {
      const c = await caseAt('decided');
      const d = await draft(c.id, 'decision');
      expect(d.issueBlockedReason).toContain('【】');
      // the placeholders block the issue
      expect(await err('POST', h1, `${DOCS}/${d.id}/issue`)).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_INCOMPLETE' });
      const edited = await ok('PUT', h1, `${DOCS}/${d.id}`, { title: '行政复议决定书', paragraphs: fill(d.paragraphs) });
      expect(edited.paragraphs.join('')).not.toMatch(/【/);
      expect(edited.issueBlockedReason).toBeNull();
      // the web client posts an empty JSON object; other callers no body at all (the numbering test)
      expect(await err('POST', h1, `${DOCS}/${d.id}/issue`, { docNo: 'x' })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      const issued = await ok('POST', h1, `${DOCS}/${d.id}/issue`, {});
      expect(issued).toMatchObject({ status: 'issued', editable: false, issuedAt: '2026-06-01T02:00:00.000Z' });
      expect(issued.docNo).toMatch(/^西政复〔2026〕\d+号$/);
      // frozen
      expect(await err('PUT', h1, `${DOCS}/${d.id}`, { title: 'x', paragraphs: ['y'] })).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_NOT_DRAFT' });
      expect(await err('POST', h1, `${DOCS}/${d.id}/issue`)).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_NOT_DRAFT' });
      // service: not in the future, not before the issue
      expect(await err('POST', h1, `${DOCS}/${d.id}/services`, { method: 'direct', servedOn: '2026-06-02', recipient: c.applicantName })).toMatchObject({ status: 400, code: 'RECON_DATE_IN_FUTURE' });
      expect(await err('POST', h1, `${DOCS}/${d.id}/services`, { method: 'direct', servedOn: '2026-05-31', recipient: c.applicantName })).toMatchObject({ status: 400, code: 'RECON_DOCUMENT_SERVED_BEFORE_ISSUE' });
      const served = await ok('POST', h1, `${DOCS}/${d.id}/services`, { method: 'mail', servedOn: '2026-06-01', recipient: c.respondentName, note: 'EMS 回执' });
      expect(served.services).toEqual([expect.objectContaining({ method: 'mail', methodLabel: '邮寄送达', recipient: c.respondentName, servedOn: '2026-06-01', note: 'EMS 回执' })]);
      const list = await ok('GET', h1, `${CASES}/${c.id}/documents`);
      expect(list.data).toEqual([expect.objectContaining({ id: d.id, docNo: issued.docNo, status: 'issued', kindLabel: '行政复议决定书', services: [expect.objectContaining({ method: 'mail' })] })]);
      // the issued .docx: number, date, no draft header
      const res = await req('GET', h1, `${DOCS}/${d.id}/docx`);
      expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(String(res.headers['content-disposition']))![1]!)).toBe(`行政复议决定书（${issued.docNo}）.docx`);
      const text = docxText(res.rawPayload);
      expect(text).toContain(issued.docNo);
      expect(text).toContain('2026年6月1日');
      expect(text).not.toContain('草稿');
      expect(readZipEntry(res.rawPayload, 'word/header1.xml')).toBeNull();
      const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', d.id).orderBy('seq').execute();
      expect(audit.map((a) => a.action)).toEqual(['reconsideration.document.create', 'reconsideration.document.update', 'reconsideration.document.issue', 'reconsideration.document.serve', 'reconsideration.document.download']);
    });

    it('作废: a draft or an unserved issued document with a reason (number not reused, audited); a served one is refused', async () => {
      const c = await caseAt('registered');
      // an issued receipt voided before service: the number stays taken, the reason and the time are kept
      const d = await draft(c.id, 'receipt');
      const issued = await ok('POST', h1, `${DOCS}/${d.id}/issue`, {});
      expect(await err('POST', h1, `${DOCS}/${d.id}/void`, { reason: ' ' })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await err('POST', sfs, `${DOCS}/${d.id}/void`, { reason: '文书日期填写错误' })).toMatchObject({ status: 403 });
      const voided = await ok('POST', h1, `${DOCS}/${d.id}/void`, { reason: '文书日期填写错误' });
      expect(voided).toMatchObject({ status: 'void', docNo: issued.docNo, voidReason: '文书日期填写错误', voidedAt: '2026-06-01T02:00:00.000Z', editable: false, issueBlockedReason: '文书已作废' });
      expect(await err('POST', h1, `${DOCS}/${d.id}/void`, { reason: '再次作废' })).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_ALREADY_VOID' });
      expect(await err('POST', h1, `${DOCS}/${d.id}/services`, { method: 'direct', servedOn: '2026-06-01', recipient: c.applicantName })).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_NOT_ISSUED' });
      // the .docx of a voided document says so in its header; the next issue takes the next number, not the voided one
      const res = await req('GET', h1, `${DOCS}/${d.id}/docx`);
      expect(readZipEntry(res.rawPayload, 'word/header1.xml')!.toString('utf8')).toContain('已作废');
      const next = await ok('POST', h1, `${DOCS}/${(await draft(c.id, 'receipt')).id}/issue`, {});
      expect(Number(/〔2026〕(\d+)号/.exec(next.docNo)![1])).toBe(Number(/〔2026〕(\d+)号/.exec(issued.docNo)![1]) + 1);
      // a draft can be voided too (no number)
      const dropped = await ok('POST', h1, `${DOCS}/${(await draft(c.id, 'receipt')).id}/void`, { reason: '重复制作' });
      expect(dropped).toMatchObject({ status: 'void', docNo: null });
      // a served document has taken effect: refused, nothing changed
      await ok('POST', h1, `${DOCS}/${next.id}/services`, { method: 'direct', servedOn: '2026-06-01', recipient: c.applicantName });
      expect(await err('POST', h1, `${DOCS}/${next.id}/void`, { reason: '送达后发现错误' })).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_SERVED_NOT_VOIDABLE' });
      expect(await ok('GET', h1, `${DOCS}/${next.id}`)).toMatchObject({ status: 'issued', voidReason: null });
      const audit = await t.handle.db.selectFrom('auditLog').select(['action', 'diff']).where('objectId', '=', d.id).where('action', '=', 'reconsideration.document.void').execute();
      expect(audit).toHaveLength(1);
      expect(String(audit[0]!.diff)).toContain('文书日期填写错误');
    });

    it('numbering per year: consecutive, unique under concurrent issue, no gap after a refused issue', async () => {
      const cases = await Promise.all([1, 2, 3, 4].map(() => caseAt('registered')));
      const drafts = [];
      for (const c of cases) drafts.push(await draft(c.id, 'receipt'));
      const blocked = await draft(cases[0]!.id, 'acceptanceNotice');
      const before = (await t.handle.db.selectFrom('reconsiderationDocumentCounters').select('lastSeq').where('year', '=', 2026).executeTakeFirst())?.lastSeq ?? 0;
      // a refused issue (the case is not accepted) takes no number
      expect(await err('POST', h1, `${DOCS}/${blocked.id}/issue`)).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_ISSUE_NOT_ALLOWED' });
      const results = await Promise.all(drafts.map((d) => req('POST', h1, `${DOCS}/${d.id}/issue`)));
      expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200]);
      const seqs = results.map((r) => Number(/〔2026〕(\d+)号/.exec(r.json().docNo)![1])).sort((a, b) => a - b);
      expect(seqs).toEqual([before + 1, before + 2, before + 3, before + 4]);
      // the same draft issued twice at once: one number, one 409
      const again = await draft(cases[1]!.id, 'receipt');
      const twice = await Promise.all([1, 2].map(() => req('POST', h1, `${DOCS}/${again.id}/issue`)));
      expect(twice.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(['RECON_DOCUMENT_NOT_DRAFT', 'CONFLICT']).toContain(twice.find((r) => r.statusCode === 409)!.json().error.code);
      expect(twice.find((r) => r.statusCode === 200)!.json().docNo).toBe(`西政复〔2026〕${before + 5}号`);
      const counter = await t.handle.db.selectFrom('reconsiderationDocumentCounters').select('lastSeq').where('year', '=', 2026).executeTakeFirstOrThrow();
      expect(Number(counter.lastSeq)).toBe(before + 5);
    });

    it('what may be drafted and issued follows the case (decision drafted under review, issued once decided)', async () => {
      const registered = await caseAt('mail');
      expect(await err('POST', h1, `${CASES}/${registered.id}/documents`, { kind: 'decision' })).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_KIND_NOT_ALLOWED' });
      // a receipt is worded per channel: by mail it states the postmark date and that the period counts to it
      const mailed = (await draft(registered.id, 'receipt')).paragraphs.join('\n') as string;
      expect(mailed).toContain('以邮寄方式提交的行政复议申请书（邮戳日期：2026年5月27日），本机关已于2026年5月28日收到');
      expect(mailed).toContain('以邮件上的邮戳日期计算');
      expect(mailed).not.toContain('当面');
      const onsite = (await draft((await caseAt('registered')).id, 'receipt')).paragraphs.join('\n') as string;
      expect(onsite).toContain('于2026年5月28日当面向本机关提交行政复议申请书');
      const review = await caseAt('underReview');
      // … and only while the acceptance review runs
      const r = await err('POST', h1, `${CASES}/${review.id}/documents`, { kind: 'receipt' });
      expect(r).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_KIND_NOT_ALLOWED' });
      expect(r.message).toContain('第二十二条');
      const d = await draft(review.id, 'decision');
      expect(d.paragraphs.join('')).toContain('【决定内容】');
      await ok('PUT', h1, `${DOCS}/${d.id}`, { title: '行政复议决定书', paragraphs: fill(d.paragraphs) });
      const refused = await err('POST', h1, `${DOCS}/${d.id}/issue`);
      expect(refused).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_ISSUE_NOT_ALLOWED' });
      expect(refused.message).toContain('审理中');
      // a draft cannot be served
      expect(await err('POST', h1, `${DOCS}/${d.id}/services`, { method: 'direct', servedOn: '2026-06-01', recipient: '某某' })).toMatchObject({ status: 409, code: 'RECON_DOCUMENT_NOT_ISSUED' });
      // the decision wording follows the type (Art. 64: revoke)
      const revoked = await caseAt('decided', { decisionType: 'revoke' });
      const rd = await draft(revoked.id, 'decision');
      expect(rd.paragraphs.join('')).toContain('根据《中华人民共和国行政复议法》第六十四条第一款的规定，本机关决定：撤销被申请人');
    });

    it('401 / 403 / 400 / 404 at the edge; data scope of the case', async () => {
      const c = await caseAt('accepted');
      const d = await draft(c.id, 'acceptanceNotice');
      const routes: ['GET' | 'POST' | 'PUT', string, unknown][] = [
        ['GET', `${CASES}/${c.id}/documents`, undefined],
        ['POST', `${CASES}/${c.id}/documents`, { kind: 'replyNotice' }],
        ['GET', `${DOCS}/${d.id}`, undefined],
        ['PUT', `${DOCS}/${d.id}`, { title: '行政复议受理通知书', paragraphs: ['内容'] }],
        ['POST', `${DOCS}/${d.id}/issue`, undefined],
        ['POST', `${DOCS}/${d.id}/services`, { method: 'direct', servedOn: '2026-06-01', recipient: '某某' }],
        ['GET', `${DOCS}/${d.id}/docx`, undefined],
      ];
      for (const [m, url, body] of routes) {
        expect((await err(m, null, url, body)).status, `${m} ${url}`).toBe(401);
        expect((await err(m, sfs, url, body)).code, `${m} ${url}`).toBe('FORBIDDEN');
        // fy.handler2 holds the permissions but sees only their own cases
        expect((await err(m, h2, url, body)).code, `${m} ${url}`).toBe('OUT_OF_SCOPE');
      }
      // the leader reads but does not draft, edit, issue or serve
      expect((await req('GET', leader, `${DOCS}/${d.id}`)).statusCode).toBe(200);
      expect((await req('GET', leader, `${DOCS}/${d.id}/docx`)).statusCode).toBe(200);
      for (const [m, url, body] of routes.filter(([m]) => m !== 'GET')) expect((await err(m, leader, url, body)).code, `${m} ${url}`).toBe('FORBIDDEN');
      // another section's head: permissions, not the data scope
      const hfx = await t.login('hfx.head');
      expect((await err('GET', hfx, `${DOCS}/${d.id}`)).code).toBe('OUT_OF_SCOPE');
      // the section head sees the handler's case
      expect((await ok('GET', head, `${CASES}/${c.id}/documents`)).data).toHaveLength(1);
      // 400
      expect(await err('POST', h1, `${CASES}/${c.id}/documents`, { kind: 'nonsense' })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await err('PUT', h1, `${DOCS}/${d.id}`, { title: '', paragraphs: ['x'] })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await err('PUT', h1, `${DOCS}/${d.id}`, { title: 'x', paragraphs: [] })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await err('PUT', h1, `${DOCS}/${d.id}`, { title: 'x', paragraphs: ['', '  '] })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await err('POST', h1, `${DOCS}/${d.id}/services`, { method: 'fax', servedOn: '2026-06-01', recipient: 'x' })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(await err('POST', h1, `${DOCS}/${d.id}/services`, { method: 'direct', servedOn: '2026/06/01', recipient: 'x' })).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      // 404
      expect(await err('GET', h1, `${CASES}/missing/documents`)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      expect(await err('POST', h1, `${CASES}/missing/documents`, { kind: 'receipt' })).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      for (const [m, url, body] of routes.slice(2)) expect(await err(m, h1, url.replace(d.id, 'missing'), body), `${m} ${url}`).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      // nothing was written by the refused calls
      expect((await ok('GET', h1, `${DOCS}/${d.id}`)).paragraphs).toEqual(d.paragraphs);
      const docs = await get(t, '/api/docs/json');
      expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining([`${CASES}/{id}/documents`, `${DOCS}/{docId}`, `${DOCS}/{docId}/issue`, `${DOCS}/{docId}/services`, `${DOCS}/{docId}/docx`]));
    });

    it('for the public portal: documents served online, rendered without a session', async () => {
      const s = t.services;
      const reconsideration = createReconsiderationService({ db: t.handle.db, clock: t.clock, audit: s.audit, deadlines: s.deadlines, people: s.people, calendar: () => s.calendar.current(), caseNoPrefix: t.config.reconCaseNoPrefix });
      const documents = createDocumentsService({ db: t.handle.db, clock: t.clock, audit: s.audit, reconsideration, docNoPrefix: t.config.reconDocNoPrefix, organName: t.config.reconOrganName });
      const c = await caseAt('accepted');
      const a = await draft(c.id, 'acceptanceNotice');
      const b = await draft(c.id, 'replyNotice');
      const notServed = await draft(c.id, 'acceptanceNotice');
      for (const d of [a, b, notServed]) await ok('POST', h1, `${DOCS}/${d.id}/issue`);
      await ok('POST', h1, `${DOCS}/${a.id}/services`, { method: 'online', servedOn: '2026-06-01', recipient: c.applicantName });
      await ok('POST', h1, `${DOCS}/${b.id}/services`, { method: 'direct', servedOn: '2026-06-01', recipient: c.respondentName });
      const online = await documents.listDocumentsServedOnline(c.id);
      const issuedA = await ok('GET', h1, `${DOCS}/${a.id}`);
      expect(online).toEqual([{ id: a.id, title: '行政复议受理通知书', docNo: issuedA.docNo, servedOn: '2026-06-01' }]);
      const file = await documents.renderDocumentDocx(a.id);
      expect(file.filename).toBe(`行政复议受理通知书（${issuedA.docNo}）.docx`);
      expect(docxText(file.data)).toContain(issuedA.docNo);
      expect(docxText(file.data)).toContain(c.applicantName);
      // a draft is not rendered for the public side
      const unissued = await draft(c.id, 'replyNotice');
      await expect(documents.renderDocumentDocx(unissued.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
}

async function get(t: TestApp, url: string) {
  return (await t.app.inject({ method: 'GET', url })).json() as Json;
}
