import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, computeMonthDeadline, getMonthRule, getRule } from '../../../common/deadlines';
import { createRng, generateCreditCode, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const BASE = '/api/v1/reconsideration/cases';
const cal = createOfficialCalendar();
const due = (ruleId: string, start: string) => computeDeadline(cal, getRule(ruleId), { start }).due;

type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`行政复议 cases [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let h2: Session;
    let head: Session;
    let leader: Session;
    const rng = createRng(4242);
    const ids = () => generateIdNumber(rng, { regionCode: '110102' });
    let docSeq = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, h2, head, leader] = [await t.login('fy.handler1'), await t.login('fy.handler2'), await t.login('fy.head'), await t.login('leader')];
    });
    afterAll(async () => t?.close());

    const post = (s: Session | null, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as Json, ...(s ? { headers: s.headers } : {}) });
    const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) });
    const body = (over: Json = {}): Json => ({
      channel: 'onsite',
      receivedOn: '2025-09-26',
      applicant: { kind: 'person', name: '测试申请人', idNumber: ids() },
      respondent: { name: '北京市西城区市场监督管理局' },
      act: { name: `行政处罚决定（样例${++docSeq}）`, docNo: `西市监罚〔2025〕${docSeq}号`, madeOn: '2025-08-20', knownOn: '2025-08-25' },
      request: '撤销该行政处罚决定',
      reasons: '事实不清',
      ...over,
    });
    const create = async (over: Json = {}, s: Session = h1) => {
      const res = await post(s, BASE, body(over));
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const act = async (id: string, action: string, payload: Json, s: Session = h1, status = 200) => {
      const res = await post(s, `${BASE}/${id}/${action}`, payload);
      expect(res.statusCode, res.body).toBe(status);
      return res.json() as Json;
    };
    const errorOf = async (id: string, action: string, payload: Json, s: Session = h1) => {
      const res = await post(s, `${BASE}/${id}/${action}`, payload);
      return { status: res.statusCode, code: res.json().error?.code as string, details: res.json().error?.details as Json, message: res.json().error?.message as string };
    };
    const dl = (c: Json, kind: string, status = 'open') => (c.deadlines as Json[]).filter((d) => d.kind === kind && d.status === status).at(-1) as Json;

    it('demo data: 30 fictional cases across every status, 12 open deadlines per handler, a related pair', async () => {
      const all = (await get(head, `${BASE}?pageSize=200`)).json() as { data: Json[]; total: number };
      expect(all.total).toBe(30);
      expect(new Set(all.data.map((c) => c.status))).toEqual(new Set(['registered', 'correctionRequested', 'accepted', 'underReview', 'mediation', 'suspended', 'decided', 'rejected', 'terminated', 'mediated']));
      expect(all.data.some((c) => c.late)).toBe(true);
      expect(new Set(all.data.map((c) => c.channel)).size).toBe(4);
      for (const s of [h1, h2]) {
        const todo = (await get(s, '/api/v1/deadlines?module=reconsideration&pageSize=200')).json();
        expect(todo.total).toBe(12);
      }
      const details = await Promise.all(all.data.filter((c) => c.status === 'registered').map(async (c) => (await get(head, `${BASE}/${c.id}`)).json() as Json));
      expect(details.some((d) => d.related.some((r: Json) => r.likelyDuplicate))).toBe(true);
      const suspended = (await get(head, `${BASE}/${all.data.find((c) => c.status === 'suspended')!.id}`)).json();
      expect(dl(suspended, 'decision').flags).toContain('PAUSED');
      expect(suspended.timeline.map((e: Json) => e.action)).toEqual(['register', 'accept', 'sendCopy', 'recordReply', 'suspend']);
    });

    it('the issue’s “done when”: received 2025-09-26 → acceptance due 2025-10-10 (National Day); accepted 2025-10-09 → copy 2025-10-17, decision 2025-12-08', async () => {
      const c = await create();
      expect(c.caseNo).toMatch(/^西复〔2025〕\d+号$/);
      expect(c.status).toBe('registered');
      expect(c.deemedAcceptanceOn).toBe('2025-10-10');
      expect(c.deemedAccepted).toBe(true); // today (2026-06-01) is long past the review period
      const acc = dl(c, 'acceptance');
      expect(acc.due).toBe('2025-10-10');
      expect(acc.basis).toContain('第三十条');
      expect(acc.explanation).toMatch(/工作日/);
      const a = await act(c.id, 'accept', { acceptedOn: '2025-10-09', procedure: 'ordinary' });
      expect(a.status).toBe('accepted');
      expect(dl(a, 'acceptance', 'met')).toBeTruthy();
      expect(dl(a, 'respondentCopy').due).toBe('2025-10-17');
      expect(dl(a, 'respondentCopy').basis).toContain('第四十八条');
      expect(dl(a, 'decision').due).toBe('2025-12-08');
      expect(dl(a, 'decision').basis).toContain('第六十二条');
      expect(a.timeline.map((e: Json) => [e.action, e.fromStatus, e.toStatus])).toEqual([
        ['register', null, 'registered'],
        ['accept', 'registered', 'accepted'],
      ]);
      // audited in the same transaction, with before/after status
      const audit = await t.handle.db.selectFrom('auditLog').select(['action', 'diff']).where('objectId', '=', c.id).orderBy('seq').execute();
      expect(audit.map((x) => x.action)).toEqual(['reconsideration.case.register', 'reconsideration.case.accept']);
      expect(JSON.parse(audit[1]!.diff!)).toMatchObject({ before: { status: 'registered' }, after: { status: 'accepted' } });
      // the deadlines are on the handler's to-do list
      const todo = (await get(h1, '/api/v1/deadlines?module=reconsideration&pageSize=200')).json().data as Json[];
      expect(todo.filter((d) => d.objectId === c.id).map((d) => d.dueDate).sort()).toEqual(['2025-10-17', '2025-12-08']);
    });

    it('simplified procedure: copy 3 WD (Art. 54), reply 5 WD, decision 30 CAL (Art. 62 ¶2)', async () => {
      const c = await create();
      const a = await act(c.id, 'accept', { acceptedOn: '2025-10-09', procedure: 'simplified' });
      expect(dl(a, 'respondentCopy').due).toBe(due('reconsideration.copyToRespondentSimplified', '2025-10-09'));
      expect(dl(a, 'respondentCopy').due).toBe('2025-10-13'); // 10-10, the 调休 Saturday 10-11, 10-13
      expect(dl(a, 'decision').due).toBe(due('reconsideration.decisionSimplified', '2025-10-09'));
      const s = await act(c.id, 'send-copy', { sentOn: '2025-10-10', respondentReceivedOn: '2025-10-11' });
      expect(s.status).toBe('underReview');
      expect(dl(s, 'respondentReply').due).toBe(due('reconsideration.respondentReplySimplified', '2025-10-11'));
    });

    describe('registration', () => {
      it('mail: the application period R1 counts to the postmark (Art. 20; 民事诉讼法 Art. 85 ¶4)', async () => {
        // known 2025-07-01 + 60 days = Sat 2025-08-30 → Mon 2025-09-01
        const act_ = { name: '责令停产停业决定', knownOn: '2025-07-01', madeOn: '2025-06-30' };
        const mail = await create({ channel: 'mail', postmarkOn: '2025-08-29', receivedOn: '2025-09-03', act: act_ });
        expect(mail.applicationPeriod).toMatchObject({ due: '2025-09-01', filedOn: '2025-08-29', countedTo: 'postmark', late: false });
        expect(mail.late).toBe(false);
        const onsite = await create({ receivedOn: '2025-09-03', act: act_ });
        expect(onsite.applicationPeriod).toMatchObject({ due: '2025-09-01', filedOn: '2025-09-03', countedTo: 'receipt', late: true });
        expect(onsite.late).toBe(true);
        expect(onsite.applicationPeriod.steps.at(-1).text).toMatch(/第二十条第二款/);
        // the acceptance review runs from receipt, not from the postmark
        expect(dl(mail, 'acceptance').startDate).toBe('2025-09-03');
      });

      it('not informed of the right to apply (Art. 20 ¶3): from the day the applicant learned of it, capped at one year', async () => {
        const cap = computeMonthDeadline(cal, getMonthRule('reconsideration.notInformedCap'), { start: '2025-01-10' }).due;
        const a = { name: '行政强制决定', knownOn: '2025-01-10', notInformed: true, rightsKnownOn: '2025-12-01' };
        const inTime = await create({ receivedOn: '2026-01-05', act: a });
        expect(inTime.applicationPeriod).toMatchObject({ start: '2025-12-01', due: cap, notInformedCap: cap, late: false });
        expect(cap < due('reconsideration.application', '2025-12-01')).toBe(true);
        expect(inTime.applicationPeriod.steps.at(-2).text).toMatch(/最长不超过一年/);
        const late = await create({ receivedOn: '2026-01-20', act: a });
        expect(late.applicationPeriod.late).toBe(true);
        // without notInformed, the same facts are long out of time
        expect((await create({ receivedOn: '2026-01-05', act: { ...a, notInformed: false } })).applicationPeriod).toMatchObject({ start: '2025-01-10', late: true, notInformedCap: null });
        expect((await post(h1, BASE, body({ act: { ...a, rightsKnownOn: undefined } }))).json().error.code).toBe('VALIDATION_FAILED');
        expect((await post(h1, BASE, body({ receivedOn: '2026-01-05', act: { ...a, rightsKnownOn: '2025-01-01' } }))).json().error.code).toBe('RECON_DATE_ORDER');
      });

      it('absolute bar R2 (Art. 21): 5 years from the making of the act, 20 for real estate', async () => {
        const old_ = { name: '行政处罚决定（旧）', madeOn: '2020-01-01', knownOn: '2025-09-01' };
        const c = await create({ act: old_ });
        expect(c.applicationPeriod.absoluteBar).toMatchObject({ beyond: true });
        expect(c.applicationPeriod.absoluteBar.due.slice(0, 7)).toBe('2025-01');
        expect(c.applicationPeriod.absoluteBar.basis).toContain('第二十一条');
        expect(c.applicationPeriod.steps.at(-1).text).toMatch(/第二十一条/);
        const re = await create({ act: { ...old_, realEstate: true } });
        expect(re.applicationPeriod.absoluteBar).toMatchObject({ beyond: false });
        expect(re.applicationPeriod.absoluteBar.due.slice(0, 4)).toBe('2040');
        expect((await create({ act: { name: 'x', knownOn: '2025-09-01' } })).applicationPeriod.absoluteBar).toBeNull();
      });

      it('channel facts: mail needs a postmark, oral needs the record (Art. 22 ¶3)', async () => {
        let res = await post(h1, BASE, body({ channel: 'mail' }));
        expect(res.json().error).toMatchObject({ code: 'RECON_CHANNEL_FACTS_MISSING', details: { channel: 'mail' } });
        res = await post(h1, BASE, body({ channel: 'oral' }));
        expect(res.json().error).toMatchObject({ code: 'RECON_CHANNEL_FACTS_MISSING', details: { channel: 'oral' } });
        const oral = await create({ channel: 'oral', oralRecord: '申请人口述：……', oralConfirmed: true });
        expect(oral).toMatchObject({ channel: 'oral', oralConfirmed: true });
        res = await post(h1, BASE, body({ channel: 'mail', postmarkOn: '2025-09-27', receivedOn: '2025-09-26' }));
        expect(res.json().error.code).toBe('RECON_DATE_ORDER');
      });

      it('applicants: a person goes into the shared register (encrypted, masked), a firm needs a valid credit code', async () => {
        const idNumber = ids();
        const c = await create({ applicant: { kind: 'person', name: '王测试', idNumber } });
        expect(c.applicantPersonId).toBeTruthy();
        const person = (await get(h1, `/api/v1/people/${c.applicantPersonId}`)).json();
        expect(person.idNumber).not.toBe(idNumber);
        expect(person.idNumber).toContain('*');
        const stored = await t.handle.db.selectFrom('people').select('idNumberEnc').where('id', '=', c.applicantPersonId).executeTakeFirstOrThrow();
        expect(stored.idNumberEnc).not.toContain(idNumber);
        // the same person is reused, not registered twice
        const again = await create({ applicant: { kind: 'person', name: '王测试', idNumber } });
        expect(again.applicantPersonId).toBe(c.applicantPersonId);
        const byId = await create({ applicant: { kind: 'person', personId: c.applicantPersonId } });
        expect(byId.applicantName).toBe('王测试');

        const firm = await create({ applicant: { kind: 'organization', name: '北京某某科技有限公司', creditCode: generateCreditCode(rng, { regionCode: '110102' }) } });
        expect(firm.applicantKind).toBe('organization');
        let res = await post(h1, BASE, body({ applicant: { kind: 'organization', name: '某公司', creditCode: '91110102MA00000000' } }));
        expect(res.json().error.code).toBe('CREDIT_CODE_INVALID');
        res = await post(h1, BASE, body({ applicant: { kind: 'person', name: '张三', idNumber: '110102199001011234' } }));
        expect(res.json().error.code).toBe('ID_NUMBER_INVALID');
        res = await post(h1, BASE, body({ applicant: { kind: 'person' } }));
        expect(res.json().error.code).toBe('RECON_APPLICANT_REQUIRED');
        res = await post(h1, BASE, body({ handlerId: 'nobody' }));
        expect(res.json().error.code).toBe('RECON_HANDLER_INVALID');
        // a handler (scope: own cases) registers for themselves only; the section head may register for a handler
        const h2Id = (await t.handle.db.selectFrom('users').select('id').where('username', '=', 'fy.handler2').executeTakeFirstOrThrow()).id;
        res = await post(h1, BASE, body({ handlerId: h2Id }));
        expect(res.json().error.code).toBe('RECON_HANDLER_INVALID');
        expect((await create({ handlerId: h2Id }, head)).handlerId).toBe(h2Id);
        res = await post(h1, BASE, body({ receivedOn: '2026-06-02' }));
        expect(res.json().error.code).toBe('RECON_DATE_IN_FUTURE');
        res = await post(h1, BASE, body({ act: { name: 'x', knownOn: '2025-09-27' } }));
        expect(res.json().error.code).toBe('RECON_DATE_ORDER');
      });

      it('400 on an invalid body, 401 without a session, 403 without the permission (三员 and 司法所)', async () => {
        expect((await post(h1, BASE, { channel: 'fax' })).json().error.code).toBe('VALIDATION_FAILED');
        expect((await post(null, BASE, body())).statusCode).toBe(401);
        expect((await get(null, BASE)).statusCode).toBe(401);
        for (const u of ['sysadmin', 'secadmin', 'auditadmin', 'sfs.xicha']) {
          const s = await t.login(u);
          expect((await post(s, BASE, body())).json().error.code, u).toBe('FORBIDDEN');
          expect((await get(s, BASE)).json().error.code, u).toBe('FORBIDDEN');
        }
        // the leader reads and approves but does not register
        expect((await post(leader, BASE, body())).json().error.code).toBe('FORBIDDEN');
      });

      it('unified numbering per year with the configured prefix', async () => {
        const a = await create({ receivedOn: '2026-01-05', act: { name: 'x', knownOn: '2026-01-04' } });
        const b = await create({ receivedOn: '2026-01-06', act: { name: 'x', knownOn: '2026-01-04' } });
        const n = (no: string) => Number(/〕(\d+)号/.exec(no)![1]);
        expect(a.caseNo).toMatch(/^西复〔2026〕/);
        expect(n(b.caseNo)).toBe(n(a.caseNo) + 1);
      });
    });

    it('duplicate and related matters across channels: same applicant, same respondent, same act', async () => {
      const idNumber = ids();
      const a = await create({ applicant: { kind: 'person', name: '李重复', idNumber }, act: { name: '罚款决定', docNo: '西城交罚〔2025〕88号', madeOn: '2025-09-01', knownOn: '2025-09-02' } });
      expect(a.related.filter((r: Json) => r.reasons.includes('sameApplicant'))).toEqual([]);
      const b = await create({ channel: 'mail', postmarkOn: '2025-09-25', applicant: { kind: 'person', name: '李重复', idNumber }, act: { name: '罚款决定', docNo: '西城交罚 [2025]88号', madeOn: '2025-09-01', knownOn: '2025-09-02' } });
      const hit = b.related.find((r: Json) => r.id === a.id);
      expect(hit).toMatchObject({ caseNo: a.caseNo, likelyDuplicate: true, inScope: true, channel: 'onsite' });
      expect(hit.reasons).toEqual(['sameApplicant', 'sameRespondent', 'sameAct']);
      // same act (name + date), another applicant, seen by another handler (outside their scope: no personal data)
      const c = await create({ act: { name: '罚款决定', madeOn: '2025-09-01', knownOn: '2025-09-02' } }, h2);
      const rel = (await get(h2, `${BASE}/${c.id}/related`)).json() as Json[];
      const other = rel.find((r) => r.id === a.id)!;
      expect(other).toMatchObject({ likelyDuplicate: false, inScope: false, reasons: ['sameRespondent', 'sameAct'] });
      expect(other).not.toHaveProperty('applicantName');
      expect((await get(h1, `${BASE}/${c.id}/related`)).json().error.code).toBe('OUT_OF_SCOPE');
    });

    describe('acceptance review (Arts. 30–31)', () => {
      it('correction: notice within 5 WD (R4), applicant’s 10 WD from receipt of the notice (R5), the review restarts on receipt of the materials', async () => {
        const c = await create();
        let r = await errorOf(c.id, 'request-correction', { noticeOn: '2025-10-13', servedOn: '2025-10-13', items: ['身份证明'] });
        expect(r).toMatchObject({ status: 409, code: 'RECON_REVIEW_PERIOD_EXPIRED', details: { due: '2025-10-10' } });
        expect(r.message).toMatch(/第三十一条/);
        const x = await act(c.id, 'request-correction', { noticeOn: '2025-09-29', servedOn: '2025-09-30', items: ['身份证明', '行政处罚决定书复印件'] });
        expect(x.status).toBe('correctionRequested');
        expect(dl(x, 'acceptance')).toBeUndefined();
        expect(dl(x, 'acceptance', 'cancelled')).toBeTruthy();
        expect(dl(x, 'correction').due).toBe(due('reconsideration.correctionSubmission', '2025-09-30'));
        expect(dl(x, 'correction').due).toBe('2025-10-21'); // 10 WD over National Day and the 调休 Saturday 10-11
        expect((await errorOf(c.id, 'accept', { acceptedOn: '2025-10-09', procedure: 'ordinary' })).details).toEqual({ from: 'correctionRequested', action: 'accept' });
        r = await errorOf(c.id, 'abandon', { on: '2025-10-21' });
        expect(r).toMatchObject({ code: 'RECON_CORRECTION_PERIOD_RUNNING', details: { due: '2025-10-21' } });
        const y = await act(c.id, 'submit-correction', { receivedOn: '2025-10-15' });
        expect(y.status).toBe('registered');
        expect(dl(y, 'correction', 'met')).toBeTruthy();
        expect(dl(y, 'acceptance').startDate).toBe('2025-10-15');
        expect(y.deemedAcceptanceOn).toBe(due('reconsideration.acceptanceReview', '2025-10-15'));
        expect(y.deemedAcceptanceOn).toBe('2025-10-22');
        // one-time notice
        r = await errorOf(c.id, 'request-correction', { noticeOn: '2025-10-16', servedOn: '2025-10-16', items: ['x'] });
        expect(r.code).toBe('RECON_TRANSITION_NOT_ALLOWED');
        // accepted within the restarted review period
        expect((await act(c.id, 'accept', { acceptedOn: '2025-10-20', procedure: 'ordinary' })).status).toBe('accepted');
      });

      it('deemed acceptance on silence; no refusal after the review period; abandonment after the correction period', async () => {
        const c = await create();
        let r = await errorOf(c.id, 'accept', { acceptedOn: '2025-10-13', procedure: 'ordinary' });
        expect(r).toMatchObject({ status: 409, code: 'RECON_ACCEPT_AFTER_DEEMED', details: { deemedAcceptanceOn: '2025-10-10' } });
        expect(r.message).toMatch(/第三十条第三款/);
        r = await errorOf(c.id, 'reject-application', { rejectedOn: '2025-10-13', reason: '超过申请期限' });
        expect(r.code).toBe('RECON_REVIEW_PERIOD_EXPIRED');
        expect((await errorOf(c.id, 'accept', { acceptedOn: '2025-09-25', procedure: 'ordinary' })).code).toBe('RECON_DATE_ORDER');
        expect((await errorOf(c.id, 'accept', { acceptedOn: '2026-06-02', procedure: 'ordinary' })).code).toBe('RECON_DATE_IN_FUTURE');
        const a = await act(c.id, 'accept', { acceptedOn: '2025-10-10', procedure: 'ordinary' });
        expect(a.timeline.at(-1).details).toMatchObject({ deemed: true });

        const d = await create();
        const rej = await act(d.id, 'reject-application', { rejectedOn: '2025-10-09', reason: '不属于本机关管辖', competentOrgan: '北京市司法局' });
        expect(rej.status).toBe('rejected');
        expect(rej.deadlines.every((x: Json) => x.status !== 'open')).toBe(true);
        expect(rej.allowedActions).toEqual([]);

        const e = await create();
        await act(e.id, 'request-correction', { noticeOn: '2025-09-29', servedOn: '2025-09-30', items: ['身份证明'] });
        // Art. 31 ¶2: extended for a proper reason — abandonment only after the extended period
        expect((await errorOf(e.id, 'extend-correction', { days: 5, approvedOn: '2025-10-22', reason: '申请人住院' })).details).toMatchObject({ reason: 'expired', due: '2025-10-21' });
        const ext = await act(e.id, 'extend-correction', { days: 5, approvedOn: '2025-10-20', reason: '申请人住院' });
        expect(dl(ext, 'correction').due).toBe('2025-10-28');
        expect(dl(ext, 'correction').extensions).toMatchObject([{ length: 5, unit: 'WD' }]);
        expect((await errorOf(e.id, 'abandon', { on: '2025-10-22' })).details).toEqual({ due: '2025-10-28' });
        const ab = await act(e.id, 'abandon', { on: '2025-10-29' });
        expect(ab.status).toBe('abandoned');
        expect(ab.deadlines.every((x: Json) => x.status !== 'open')).toBe(true);
      });
    });

    describe('review and decision', () => {
      const accepted = async (procedure = 'ordinary') => {
        const c = await create();
        return act(c.id, 'accept', { acceptedOn: '2025-10-09', procedure });
      };

      it('no decision before the respondent’s reply or its lapse (Arts. 48, 70)', async () => {
        const c = await accepted();
        let r = await errorOf(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' });
        expect(r).toMatchObject({ status: 409, code: 'RECON_TRANSITION_NOT_ALLOWED', details: { from: 'accepted', action: 'decide' } });
        expect(r.message).toBe('案件当前状态为“已受理”，不能作出行政复议决定');
        const s = await act(c.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
        const replyDue = dl(s, 'respondentReply').due;
        expect(replyDue).toBe(due('reconsideration.respondentReply', '2025-10-16'));
        expect(replyDue).toBe('2025-10-30');
        r = await errorOf(c.id, 'decide', { decidedOn: '2025-10-30', type: 'revoke' });
        expect(r).toMatchObject({ code: 'RECON_REPLY_PENDING', details: { replyDue: '2025-10-30' } });
        // after the lapse, the act is treated as having no evidence (Art. 70): no uphold
        r = await errorOf(c.id, 'decide', { decidedOn: '2025-11-20', type: 'uphold' });
        expect(r.code).toBe('RECON_DEFAULT_OUTCOME');
        // Art. 49: the ordinary procedure needs the applicant's views on record
        expect((await errorOf(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' })).code).toBe('RECON_VIEWS_NOT_HEARD');
        await act(c.id, 'hear-views', { party: 'applicant', on: '2025-11-03', method: 'phone', record: '申请人坚持撤销请求' });
        const d = await act(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke', summary: '撤销' });
        expect(d).toMatchObject({ status: 'decided', decisionType: 'revoke', decidedOn: '2025-11-20' });
        expect(dl(d, 'decision', 'met')).toBeTruthy();
        expect(dl(d, 'respondentReply', 'cancelled')).toBeTruthy();
        expect(d.timeline.at(-1).details).toMatchObject({ onTime: true, respondentDefault: true });
        expect((await errorOf(c.id, 'terminate', { on: '2025-11-21', ground: 1 })).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
      });

      it('reply recorded → any decision type; reply recorded only once and only after the copy', async () => {
        const c = await accepted();
        expect((await errorOf(c.id, 'record-reply', { receivedOn: '2025-10-20' })).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
        await act(c.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
        expect((await errorOf(c.id, 'record-reply', { receivedOn: '2025-10-15' })).code).toBe('RECON_DATE_ORDER');
        const rr = await act(c.id, 'record-reply', { receivedOn: '2025-10-24' });
        expect(dl(rr, 'respondentReply', 'met')).toBeTruthy();
        expect((await errorOf(c.id, 'record-reply', { receivedOn: '2025-10-25' })).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
        await act(c.id, 'hear-views', { party: 'applicant', on: '2025-10-27', method: 'unable', record: '申请人拒绝接听电话且未到场，书面审理' });
        expect((await act(c.id, 'decide', { decidedOn: '2025-10-28', type: 'uphold' })).decisionType).toBe('uphold');
      });

      it('suspension pauses the decision deadline; resumption restarts it; R14 termination check (Arts. 39, 41)', async () => {
        const c = await accepted();
        await act(c.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
        const s = await act(c.id, 'suspend', { on: '2025-10-20', ground: 1 });
        expect(s.status).toBe('suspended');
        expect(dl(s, 'decision').flags).toContain('PAUSED');
        expect(dl(s, 'decision').pauses).toHaveLength(1);
        expect(dl(s, 'suspensionTermination').due).toBe(due('reconsideration.suspensionTermination', '2025-10-20'));
        expect((await errorOf(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' })).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
        let r = await errorOf(c.id, 'terminate', { on: '2025-11-01', ground: 5 });
        expect(r).toMatchObject({ code: 'RECON_TERMINATION_NOT_DUE' });
        const res = await act(c.id, 'resume', { on: '2025-10-30' });
        expect(res.status).toBe('underReview');
        // paused 2025-10-20 … 2025-10-29 (10 days): 2025-12-08 + 10 = 2025-12-18
        expect(dl(res, 'decision').due).toBe('2025-12-18');
        expect(dl(res, 'decision').flags).not.toContain('PAUSED');
        expect(dl(res, 'decision').explanation).toMatch(/中止/);
        expect(dl(res, 'suspensionTermination', 'cancelled')).toBeTruthy();
        r = await errorOf(c.id, 'resume', { on: '2025-10-31' });
        expect(r.details).toEqual({ from: 'underReview', action: 'resume' });
        // the journal on the register explains the moved due date
        const journal = await t.handle.db.selectFrom('deadlineJournal').select(['oldDue', 'newDue']).where('deadlineId', '=', dl(res, 'decision').id).execute();
        expect(journal.at(-1)).toMatchObject({ newDue: '2025-12-18' });

        // a suspension under Art. 39 ¶1 (2) that lasts 60 days → termination under Art. 41 (5)
        const d = await accepted();
        await act(d.id, 'suspend', { on: '2025-10-20', ground: 2 });
        const term = await act(d.id, 'terminate', { on: due('reconsideration.suspensionTermination', '2025-10-20'), ground: 5 });
        expect(term.status).toBe('terminated');
        expect(term.deadlines.every((x: Json) => x.status !== 'open')).toBe(true);
        // ground (5) needs a suspension under (1), (2) or (4)
        const e = await accepted();
        await act(e.id, 'suspend', { on: '2025-10-20', ground: 8 });
        expect(dl(await act(e.id, 'resume', { on: '2025-10-20' }), 'decision').due).toBe('2025-12-08');
        await act(e.id, 'suspend', { on: '2025-10-21', ground: 8 });
        expect((await errorOf(e.id, 'terminate', { on: '2026-01-30', ground: 5 })).code).toBe('RECON_TERMINATION_NOT_DUE');
        // a withdrawal is not a bare termination: it goes through 撤回申请 with the reason (Art. 74, Art. 41 (1))
        expect((await errorOf(e.id, 'terminate', { on: '2025-10-22', ground: 1 })).code).toBe('RECON_WITHDRAWAL_REQUIRED');
        expect((await act(e.id, 'terminate', { on: '2025-10-22', ground: 3 })).terminationGround).toBe(3);
      });

      it('extension: approval required (section head or leader), at most 30 days, once, ordinary procedure only (Art. 62)', async () => {
        const c = await accepted();
        expect((await errorOf(c.id, 'extend', { days: 30, approvedOn: '2025-12-01', reason: '情况复杂' })).code).toBe('FORBIDDEN');
        let r = await errorOf(c.id, 'extend', { days: 31, approvedOn: '2025-12-01', reason: '情况复杂' }, head);
        expect(r).toMatchObject({ status: 400, code: 'RECON_EXTENSION_TOO_LONG', details: { max: 30 } });
        r = await errorOf(c.id, 'extend', { days: 30, approvedOn: '2025-12-09', reason: '情况复杂' }, head);
        expect(r).toMatchObject({ code: 'RECON_EXTENSION_NOT_ALLOWED', details: { reason: 'expired' } });
        const x = await act(c.id, 'extend', { days: 30, approvedOn: '2025-12-01', reason: '情况复杂' }, head);
        expect(x.extensionDays).toBe(30);
        expect(dl(x, 'decision').due).toBe('2026-01-07');
        expect(dl(x, 'decision').extensions).toMatchObject([{ length: 30, unit: 'CAL', approvedOn: '2025-12-01' }]);
        expect(x.timeline.at(-1).details).toMatchObject({ approvedBy: expect.any(String), previousDue: '2025-12-08' });
        r = await errorOf(c.id, 'extend', { days: 1, approvedOn: '2025-12-02', reason: '再次延期' }, head);
        expect(r).toMatchObject({ code: 'RECON_EXTENSION_NOT_ALLOWED', details: { reason: 'once' } });
        const s = await accepted('simplified');
        r = await errorOf(s.id, 'extend', { days: 10, approvedOn: '2025-10-20', reason: '情况复杂' }, leader);
        expect(r).toMatchObject({ code: 'RECON_EXTENSION_NOT_ALLOWED', details: { reason: 'simplified' } });
        expect((await errorOf(s.id, 'extend', { days: 10 }, leader)).code).toBe('VALIDATION_FAILED');
      });

      it('simplified → ordinary with approval (Art. 55): the periods are recomputed under the ordinary rules', async () => {
        const c = await accepted('simplified');
        expect(dl(c, 'decision').due).toBe(due('reconsideration.decisionSimplified', '2025-10-09'));
        expect((await errorOf(c.id, 'switch-procedure', { approvedOn: '2025-10-10', reason: '案情复杂' })).code).toBe('FORBIDDEN');
        const x = await act(c.id, 'switch-procedure', { approvedOn: '2025-10-10', reason: '案情复杂' }, head);
        expect(x.procedure).toBe('ordinary');
        expect(dl(x, 'decision').due).toBe('2025-12-08');
        expect(dl(x, 'decision').ruleId).toBe('reconsideration.decision');
        expect(dl(x, 'respondentCopy').due).toBe('2025-10-17');
        expect(dl(x, 'decision', 'cancelled').ruleId).toBe('reconsideration.decisionSimplified');
        expect((await errorOf(c.id, 'switch-procedure', { approvedOn: '2025-10-11', reason: '再次' }, head)).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
        // now ordinary: an extension is possible
        expect((await act(c.id, 'extend', { days: 15, approvedOn: '2025-12-01', reason: '情况复杂' }, head)).extensionDays).toBe(15);
      });

      it('mediation: start, fail and continue, conclude with a 调解书 (Art. 73)', async () => {
        const c = await accepted();
        await act(c.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
        expect((await act(c.id, 'start-mediation', { on: '2025-10-20' })).status).toBe('mediation');
        expect((await act(c.id, 'end-mediation', { on: '2025-10-25' })).status).toBe('underReview');
        await act(c.id, 'start-mediation', { on: '2025-10-27' });
        const s = await act(c.id, 'suspend', { on: '2025-10-28', ground: 6 });
        expect(s.allowedActions).toContain('resume');
        expect((await act(c.id, 'resume', { on: '2025-11-03' })).status).toBe('mediation');
        const m = await act(c.id, 'conclude-mediation', { on: '2025-11-05' });
        expect(m.status).toBe('mediated');
        expect(dl(m, 'decision', 'met')).toBeTruthy();
        expect(m.deadlines.every((x: Json) => x.status !== 'open')).toBe(true);
      });
    });

    describe('list, detail, scope, assignment', () => {
      it('filters by status, channel, case number, overdue / due soon; data scope in the query', async () => {
        const c = await create({ channel: 'online', receivedOn: '2026-05-27', act: { name: 'x', knownOn: '2026-05-20' } });
        const list = async (s: Session, q: string) => (await get(s, `${BASE}?pageSize=200&${q}`)).json() as { data: Json[]; total: number };
        const online = await list(h1, 'channel=online');
        expect(online.data.every((x) => x.channel === 'online')).toBe(true);
        expect(online.data.map((x) => x.id)).toContain(c.id);
        expect(online.total).toBe(online.data.length);
        const soon = await list(h1, 'due=dueSoon');
        expect(soon.data.map((x) => x.id)).toContain(c.id);
        expect(soon.data.find((x) => x.id === c.id)).toMatchObject({ nextDueKind: 'acceptance', nextDue: '2026-06-03' });
        const overdue = await list(h1, 'due=overdue');
        expect(overdue.data.map((x) => x.id)).not.toContain(c.id);
        expect(overdue.data.every((x) => x.nextDue < '2026-06-01')).toBe(true);
        const byNo = await list(h1, `caseNo=${encodeURIComponent(c.caseNo.slice(2))}`);
        expect(byNo.data.map((x) => x.id)).toEqual([c.id]);
        const regs = await list(h1, 'status=registered');
        expect(regs.data.every((x) => x.status === 'registered')).toBe(true);
        // handler: own cases only; head: the section; 司法所: no permission
        const me = (await list(h1, '')).data;
        expect(me.length).toBeGreaterThan(0);
        const h1Id = me[0]!.handlerId;
        expect(me.every((x) => x.handlerId === h1Id)).toBe(true);
        expect((await list(h2, '')).data.map((x) => x.id)).not.toContain(c.id);
        expect((await list(head, '')).total).toBeGreaterThan(me.length);
        expect((await list(leader, '')).total).toBe((await list(head, '')).total);
        expect((await get(h2, `${BASE}/${c.id}`)).json().error.code).toBe('OUT_OF_SCOPE');
        // another section's head holds the permissions but not the data scope
        const hfx = await t.login('hfx.head');
        expect((await list(hfx, '')).total).toBe(0);
        expect((await get(hfx, `${BASE}/${c.id}`)).json().error.code).toBe('OUT_OF_SCOPE');
        expect((await errorOf(c.id, 'accept', { acceptedOn: '2026-05-28', procedure: 'ordinary' }, hfx)).code).toBe('OUT_OF_SCOPE');
        // a suspended case's paused decision period is neither overdue nor its next deadline
        const suspended = (await list(head, 'status=suspended')).data;
        expect(suspended.length).toBeGreaterThan(0);
        expect(suspended.every((x) => x.nextDue === null)).toBe(true);
        expect((await list(head, 'due=overdue')).data.some((x) => x.status === 'suspended')).toBe(false);
        expect((await get(h1, `${BASE}/missing`)).json().error.code).toBe('NOT_FOUND');
        expect((await get(h1, `${BASE}?pageSize=1000`)).statusCode).toBe(400);
        expect((await get(h1, `${BASE}?status=nonsense`)).statusCode).toBe(400);
      });

      it('assignment moves the case and its open deadlines to the new handler', async () => {
        const c = await create();
        const userId = async (username: string) => (await t.handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
        const h2Id = await userId('fy.handler2');
        expect((await errorOf(c.id, 'assign', { handlerId: h2Id })).code).toBe('FORBIDDEN');
        expect((await errorOf(c.id, 'assign', { handlerId: 'nobody' }, head)).code).toBe('RECON_HANDLER_INVALID');
        const sysadminId = await userId('sysadmin');
        expect((await errorOf(c.id, 'assign', { handlerId: sysadminId }, head)).code).toBe('RECON_HANDLER_INVALID');
        const a = await act(c.id, 'assign', { handlerId: h2Id }, head);
        expect(a.handlerId).toBe(h2Id);
        expect((await get(h2, `${BASE}/${c.id}`)).statusCode).toBe(200);
        expect((await get(h1, `${BASE}/${c.id}`)).json().error.code).toBe('OUT_OF_SCOPE');
        const todo = (await get(h2, '/api/v1/deadlines?module=reconsideration&pageSize=200')).json().data as Json[];
        expect(todo.some((d) => d.objectId === c.id)).toBe(true);
      });

      it('nothing half-written: a failing action or registration leaves no trace; concurrent actions — one wins', async () => {
        const c = await create();
        const counts = async () => ({
          events: (await t.handle.db.selectFrom('reconsiderationEvents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
          deadlines: (await t.handle.db.selectFrom('deadlines').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
          audit: (await t.handle.db.selectFrom('auditLog').select((eb) => eb.fn.countAll<number>().as('n')).where('action', 'like', 'reconsideration.%').executeTakeFirstOrThrow()).n,
          cases: (await t.handle.db.selectFrom('reconsiderationCases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
          people: (await t.handle.db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
          counter: (await t.handle.db.selectFrom('reconsiderationCounters').select('lastSeq').where('year', '=', 2025).executeTakeFirstOrThrow()).lastSeq,
        });
        const before = await counts();
        // the person is written inside the case's transaction: an invalid mobile rolls everything back
        const bad = await post(h1, BASE, body({ applicant: { kind: 'person', name: '赵回滚', idNumber: ids(), mobile: '12345' } }));
        expect(bad.json().error.code).toBe('MOBILE_INVALID');
        expect((await errorOf(c.id, 'accept', { acceptedOn: '2025-10-13', procedure: 'ordinary' })).code).toBe('RECON_ACCEPT_AFTER_DEEMED');
        expect(await counts()).toEqual(before);
        // two accepts at once: exactly one succeeds, one set of deadlines is opened
        const results = await Promise.all([1, 2].map(() => post(h1, `${BASE}/${c.id}/accept`, { acceptedOn: '2025-10-09', procedure: 'ordinary' })));
        expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
        expect(['CONFLICT', 'RECON_TRANSITION_NOT_ALLOWED']).toContain(results.find((r) => r.statusCode === 409)!.json().error.code);
        const d = (await get(h1, `${BASE}/${c.id}`)).json();
        expect(d.deadlines.filter((x: Json) => x.status === 'open').map((x: Json) => x.kind).sort()).toEqual(['decision', 'respondentCopy']);
        expect(d.timeline).toHaveLength(2);
      });

      it('every transition answers 401 / 403 / 400 / 404 at the edge', async () => {
        const c = await create();
        const actions = ['request-correction', 'submit-correction', 'extend-correction', 'abandon', 'accept', 'reject-application', 'send-copy', 'record-reply', 'start-mediation', 'end-mediation', 'conclude-mediation', 'suspend', 'resume', 'extend', 'switch-procedure', 'decide', 'terminate', 'assign'];
        const sfs = await t.login('sfs.xicha');
        for (const a of actions) {
          expect((await post(null, `${BASE}/${c.id}/${a}`, {})).statusCode, a).toBe(401);
          expect((await post(sfs, `${BASE}/${c.id}/${a}`, {})).json().error.code, a).toBe('FORBIDDEN');
          const s = ['extend', 'assign', 'switch-procedure'].includes(a) ? head : h1;
          expect((await post(s, `${BASE}/${c.id}/${a}`, { bogus: 1 })).json().error.code, a).toBe('VALIDATION_FAILED');
        }
        const docs = await get(null, '/api/docs/json');
        expect(docs.statusCode).toBe(200);
        expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining([BASE, `${BASE}/{id}`, `${BASE}/{id}/related`, `${BASE}/{id}/accept`, `${BASE}/{id}/decide`]));
        expect((await errorOf('missing', 'accept', { acceptedOn: '2025-10-09', procedure: 'ordinary' })).code).toBe('NOT_FOUND');
        expect((await errorOf(c.id, 'accept', { acceptedOn: '2025-10-09', procedure: 'ordinary' }, h2)).code).toBe('OUT_OF_SCOPE');
      });
    });
  });
}
