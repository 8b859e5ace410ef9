import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, getRule, ruleCitation } from '../../../common/deadlines';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

/**
 * One test per statutory period of law-rules.md table R3–R15 (《中华人民共和国行政复议法》2023), through the API on
 * SQLite and PostgreSQL: the due date the case shows, its citation, and what the workflow does at the boundary.
 * Dates are anchored by hand on the official 2025 calendar (National Day 10-01…10-08, 调休 Saturday 10-11) and
 * checked against the engine. R11 and R15–R19 are also exercised in proceedings.routes.test.ts.
 */
const BASE = '/api/v1/reconsideration/cases';
const cal = createOfficialCalendar();
const due = (ruleId: string, start: string) => computeDeadline(cal, getRule(ruleId), { start }).due;
type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`行政复议 statutory rules R3–R15 [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let head: Session;
    const rng = createRng(31);
    let n = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, head] = [await t.login('fy.handler1'), await t.login('fy.head')];
    });
    afterAll(async () => t?.close());

    const post = (s: Session, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as Json, headers: s.headers });
    const act = async (id: string, action: string, payload: Json, s: Session = h1) => {
      const res = await post(s, `${BASE}/${id}/${action}`, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const errorOf = async (id: string, action: string, payload: Json, s: Session = h1) => {
      const res = await post(s, `${BASE}/${id}/${action}`, payload);
      return { status: res.statusCode, code: res.json().error?.code as string, details: res.json().error?.details as Json };
    };
    const dl = (c: Json, kind: string, status = 'open') => (c.deadlines as Json[]).filter((d) => d.kind === kind && d.status === status).at(-1) as Json;
    const create = async (receivedOn = '2025-09-26', over: Json = {}) => {
      const res = await post(h1, BASE, {
        ...over,
        channel: 'onsite',
        receivedOn,
        applicant: { kind: 'person', name: '规则测试申请人', idNumber: generateIdNumber(rng, { regionCode: '110102' }) },
        respondent: { name: '北京市西城区城市管理委员会' },
        act: { name: `行政处罚决定（规则${++n}）`, docNo: `西城管罚〔2025〕${n}号`, madeOn: '2025-08-20', knownOn: '2025-08-25' },
        request: '撤销该行政处罚决定',
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const accepted = async (procedure: 'ordinary' | 'simplified') => act((await create()).id, 'accept', { acceptedOn: '2025-10-09', procedure });
    const cite = (ruleId: string) => ruleCitation(getRule(ruleId));

    it('R3: acceptance review 5 working days from receipt (Art. 30); silence = deemed accepted on the expiry day', async () => {
      const c = await create();
      expect(dl(c, 'acceptance')).toMatchObject({ due: '2025-10-10', basis: cite('reconsideration.acceptanceReview') });
      expect(due('reconsideration.acceptanceReview', '2025-09-26')).toBe('2025-10-10');
      expect(dl(c, 'acceptance').explanation).toMatch(/第八十八条第二款/); // why working days
      expect(c).toMatchObject({ deemedAcceptanceOn: '2025-10-10', deemedAccepted: true });
      expect((await errorOf(c.id, 'accept', { acceptedOn: '2025-10-13', procedure: 'ordinary' })).code).toBe('RECON_ACCEPT_AFTER_DEEMED');
      expect((await errorOf(c.id, 'reject-application', { rejectedOn: '2025-10-13', reason: '逾期' })).code).toBe('RECON_REVIEW_PERIOD_EXPIRED');
      expect(dl(await act(c.id, 'accept', { acceptedOn: '2025-10-10', procedure: 'ordinary' }), 'acceptance', 'met')).toBeTruthy();
    });

    it('R4: the one-time correction notice within 5 working days of receipt (Art. 31 ¶1)', async () => {
      const c = await create();
      expect(due('reconsideration.correctionNotice', '2025-09-26')).toBe('2025-10-10');
      const late = await errorOf(c.id, 'request-correction', { noticeOn: '2025-10-13', servedOn: '2025-10-13', items: ['身份证明'] });
      expect(late).toMatchObject({ status: 409, code: 'RECON_REVIEW_PERIOD_EXPIRED', details: { due: '2025-10-10', rule: 'reconsideration.correctionNotice' } });
      expect((await act(c.id, 'request-correction', { noticeOn: '2025-10-10', servedOn: '2025-10-10', items: ['身份证明'] })).status).toBe('correctionRequested');
    });

    it('R5: the applicant’s 10 working days from receipt of the notice (Art. 31 ¶2); the review restarts on the materials', async () => {
      const c = await create();
      const x = await act(c.id, 'request-correction', { noticeOn: '2025-10-10', servedOn: '2025-10-13', items: ['行政处罚决定书复印件'] });
      expect(dl(x, 'correction')).toMatchObject({ due: '2025-10-27', basis: cite('reconsideration.correctionSubmission') });
      expect(due('reconsideration.correctionSubmission', '2025-10-13')).toBe('2025-10-27');
      expect((await errorOf(c.id, 'abandon', { on: '2025-10-27' })).code).toBe('RECON_CORRECTION_PERIOD_RUNNING');
      const y = await act(c.id, 'submit-correction', { receivedOn: '2025-10-27' });
      expect(dl(y, 'acceptance')).toMatchObject({ startDate: '2025-10-27', due: due('reconsideration.acceptanceReview', '2025-10-27') });
    });

    it('R6: lodged through the penalising agency (Art. 32): forwarded within 5 working days; the period counts to its receipt', async () => {
      const viaAgency = { name: '北京市公安局公安交通管理局西城交通支队', receivedOn: '2025-10-24', penalty: 'electronicMonitoring' };
      // R1 ends 2025-10-24 (60 days from 2025-08-25); the bureau gets the file on 2025-11-04
      const c = await create('2025-11-04', { viaAgency });
      expect(c.applicationPeriod).toMatchObject({ due: '2025-10-24', filedOn: '2025-10-24', countedTo: 'agencyReceipt', late: false });
      expect(c.forwarding).toMatchObject({ agency: viaAgency.name, agencyReceivedOn: '2025-10-24', due: '2025-10-31', onTime: false, basis: cite('reconsideration.forwardByPenalizingAgency') });
      expect(due('reconsideration.forwardByPenalizingAgency', '2025-10-24')).toBe('2025-10-31');
      expect(c.forwarding.explanation).toMatch(/第三十二条第二款/);
      const direct = await create('2025-11-04');
      expect(direct).toMatchObject({ late: true, forwarding: null });
      const bad = await post(h1, BASE, { channel: 'onsite', receivedOn: '2025-10-20', applicant: { kind: 'person', name: '甲', idNumber: generateIdNumber(rng, { regionCode: '110102' }) }, respondent: { name: '乙' }, act: { name: '罚款', knownOn: '2025-08-25' }, request: '撤销', viaAgency });
      expect(bad.json().error.code).toBe('RECON_DATE_ORDER');
    });

    it('R7: copy to the respondent within 7 working days of acceptance, ordinary procedure (Art. 48)', async () => {
      const a = await accepted('ordinary');
      expect(dl(a, 'respondentCopy')).toMatchObject({ due: '2025-10-17', basis: cite('reconsideration.copyToRespondent') });
      expect(due('reconsideration.copyToRespondent', '2025-10-09')).toBe('2025-10-17');
      const late = await act(a.id, 'send-copy', { sentOn: '2025-10-20', respondentReceivedOn: '2025-10-21' });
      expect(late.timeline.at(-1).details).toMatchObject({ onTime: false, copyDue: '2025-10-17' });
    });

    it('R8: the respondent’s reply within 10 working days of its receipt (Art. 48); lapse → Art. 70', async () => {
      const a = await accepted('ordinary');
      const s = await act(a.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
      expect(dl(s, 'respondentReply')).toMatchObject({ due: '2025-10-30', basis: cite('reconsideration.respondentReply') });
      await act(a.id, 'hear-views', { party: 'applicant', on: '2025-10-20', method: 'phone', record: '意见' });
      expect((await errorOf(a.id, 'decide', { decidedOn: '2025-10-30', type: 'revoke' })).code).toBe('RECON_REPLY_PENDING');
      expect((await errorOf(a.id, 'decide', { decidedOn: '2025-10-31', type: 'uphold' })).code).toBe('RECON_DEFAULT_OUTCOME');
      expect((await act(a.id, 'decide', { decidedOn: '2025-10-31', type: 'revoke' })).timeline.at(-1).details).toMatchObject({ respondentDefault: true });
    });

    it('R9: copy to the respondent within 3 working days of acceptance, simplified procedure (Art. 54)', async () => {
      const a = await accepted('simplified');
      expect(dl(a, 'respondentCopy')).toMatchObject({ due: '2025-10-13', ruleId: 'reconsideration.copyToRespondentSimplified', basis: cite('reconsideration.copyToRespondentSimplified') });
    });

    it('R10: the respondent’s reply within 5 working days of its receipt, simplified procedure (Art. 54)', async () => {
      const a = await accepted('simplified');
      const s = await act(a.id, 'send-copy', { sentOn: '2025-10-10', respondentReceivedOn: '2025-10-16' });
      expect(dl(s, 'respondentReply')).toMatchObject({ due: '2025-10-23', ruleId: 'reconsideration.respondentReplySimplified' });
      const r = await act(a.id, 'record-reply', { receivedOn: '2025-10-24' });
      expect(r.timeline.at(-1).details).toMatchObject({ onTime: false, replyDue: '2025-10-23' });
    });

    it('R11: the hearing notice at least 5 working days before the hearing (Art. 51 ¶1), counted backwards', async () => {
      const a = await accepted('ordinary');
      await act(a.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
      const hearing = { hearingOn: '2025-12-01', place: '听证室', issues: '事实', reason: 'necessary' };
      expect(due('reconsideration.hearingNotice', '2025-12-01')).toBe('2025-11-24');
      expect(await errorOf(a.id, 'schedule-hearing', { ...hearing, noticeOn: '2025-11-25' })).toMatchObject({ code: 'RECON_HEARING_NOTICE_LATE', details: { latestNoticeOn: '2025-11-24' } });
      expect((await act(a.id, 'schedule-hearing', { ...hearing, noticeOn: '2025-11-24' })).timeline.at(-1).details.latestNoticeOn).toBe('2025-11-24');
    });

    it('R12: decision within 60 days of acceptance (Art. 62 ¶1), extended by at most 30 days with approval, paused while suspended', async () => {
      const a = await accepted('ordinary');
      expect(dl(a, 'decision')).toMatchObject({ due: '2025-12-08', basis: cite('reconsideration.decision') });
      await act(a.id, 'suspend', { on: '2025-11-03', ground: 5 });
      await act(a.id, 'resume', { on: '2025-11-13' }); // 10 days paused
      const x = await act(a.id, 'extend', { days: 30, approvedOn: '2025-12-10', reason: '情况复杂' }, head);
      expect(dl(x, 'decision').due).toBe(computeDeadline(cal, getRule('reconsideration.decision'), { start: '2025-10-09', pauses: [{ from: '2025-11-03', to: '2025-11-12', reason: '中止' }], extensions: [{ length: 30, unit: 'CAL', reason: '情况复杂' }] }).due);
      expect(dl(x, 'decision').due).toBe('2026-01-19'); // 12-08 + 10 + 30 = 2026-01-17 (Saturday) → Monday
      expect((await errorOf(a.id, 'extend', { days: 1, approvedOn: '2025-12-11', reason: '再延' }, head)).code).toBe('RECON_EXTENSION_NOT_ALLOWED');
    });

    it('R13: decision within 30 days of acceptance, simplified procedure (Art. 62 ¶2); a switch recomputes under R12', async () => {
      const a = await accepted('simplified');
      expect(dl(a, 'decision')).toMatchObject({ due: '2025-11-10', basis: cite('reconsideration.decisionSimplified') }); // 11-08 is a Saturday
      const s = await act(a.id, 'switch-procedure', { approvedOn: '2025-10-20', reason: '案情复杂' }, head);
      expect(dl(s, 'decision')).toMatchObject({ due: '2025-12-08', ruleId: 'reconsideration.decision' });
    });

    it('R14: a suspension under Art. 39 ¶1 (1), (2) or (4) that lasts 60 days ends the case (Art. 41 (5))', async () => {
      const a = await accepted('ordinary');
      const s = await act(a.id, 'suspend', { on: '2025-10-20', ground: 4 });
      expect(dl(s, 'suspensionTermination')).toMatchObject({ due: '2025-12-19', basis: cite('reconsideration.suspensionTermination') });
      expect((await errorOf(a.id, 'terminate', { on: '2025-12-18', ground: 5 })).code).toBe('RECON_TERMINATION_NOT_DUE');
      expect((await act(a.id, 'terminate', { on: '2025-12-19', ground: 5 })).status).toBe('terminated');
    });

    it('R15: an incidental review the organ may handle is handled within 30 days of the request (Arts. 56, 57)', async () => {
      const a = await accepted('ordinary');
      await act(a.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
      const s = await act(a.id, 'start-norm-review', { on: '2025-10-31', source: 'applicant', document: { name: '某规范性文件', issuer: 'localGovernment', draftingOrgan: '西城区某局' }, competent: true });
      expect(dl(s, 'normReview')).toMatchObject({ due: '2025-12-01', basis: cite('reconsideration.incidentalReview') }); // 11-30 is a Sunday
      const done = await act(a.id, 'conclude-norm-review', { on: '2025-12-02', outcome: 'lawful', summary: '相关条款合法' });
      expect(done.timeline.at(-1).details).toMatchObject({ onTime: false, due: '2025-12-01' });
    });
  });
}
