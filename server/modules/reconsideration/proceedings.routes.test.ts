import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, getRule } from '../../../common/deadlines';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

// Withdrawal (Art. 74), hearing of views (Art. 49), hearing (Arts. 50–51), committee consultation (Art. 52) and
// incidental review of a normative document (Arts. 13, 56–60) — on SQLite and PostgreSQL.
const BASE = '/api/v1/reconsideration/cases';
const cal = createOfficialCalendar();
const due = (ruleId: string, start: string, pauses: { from: string; to: string; reason: string }[] = []) => computeDeadline(cal, getRule(ruleId), { start, pauses }).due;
type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`行政复议 proceedings [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let head: Session;
    let sfs: Session;
    const rng = createRng(777);
    let n = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, head, sfs] = [await t.login('fy.handler1'), await t.login('fy.head'), await t.login('sfs.xicha')];
    });
    afterAll(async () => t?.close());

    const post = (s: Session | null, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as Json, ...(s ? { headers: s.headers } : {}) });
    const act = async (id: string, action: string, payload: Json, s: Session = h1) => {
      const res = await post(s, `${BASE}/${id}/${action}`, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const errorOf = async (id: string, action: string, payload: Json, s: Session = h1) => {
      const res = await post(s, `${BASE}/${id}/${action}`, payload);
      return { status: res.statusCode, code: res.json().error?.code as string, details: res.json().error?.details as Json, message: res.json().error?.message as string };
    };
    const dl = (c: Json, kind: string, status = 'open') => (c.deadlines as Json[]).filter((d) => d.kind === kind && d.status === status).at(-1) as Json;
    const create = async (over: Json = {}) => {
      const res = await post(h1, BASE, {
        channel: 'onsite',
        receivedOn: '2025-09-26',
        applicant: { kind: 'person', name: '测试申请人', idNumber: generateIdNumber(rng, { regionCode: '110102' }) },
        respondent: { name: '北京市西城区市场监督管理局' },
        act: { name: `行政处罚决定（程序${++n}）`, docNo: `西市监罚〔2025〕9${n}号`, madeOn: '2025-08-20', knownOn: '2025-08-25' },
        request: '撤销该行政处罚决定',
        reasons: '依据的规范性文件不合法',
        ...over,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    /** accepted 2025-10-09 (decision due 2025-12-08), copy served 2025-10-16, reply received 2025-10-24 */
    const inReview = async (procedure = 'ordinary') => {
      const c = await create();
      await act(c.id, 'accept', { acceptedOn: '2025-10-09', procedure });
      await act(c.id, 'send-copy', { sentOn: '2025-10-15', respondentReceivedOn: '2025-10-16' });
      return act(c.id, 'record-reply', { receivedOn: '2025-10-24' });
    };
    const audited = async (id: string, action: string) =>
      (await t.handle.db.selectFrom('auditLog').select('seq').where('action', '=', `reconsideration.case.${action}`).where('objectId', '=', id).execute()).length;

    describe('withdrawal (Art. 74; termination under Art. 41 (1))', () => {
      it('approved by the body before the decision, with the reason; every deadline closes; audited', async () => {
        const c = await inReview();
        const body = { requestedOn: '2025-10-27', approvedOn: '2025-10-28', reason: '双方和解，申请人自愿撤回', settlement: true };
        expect((await errorOf(c.id, 'withdraw', body)).status).toBe(403); // a handler records, the section head approves
        expect((await errorOf(c.id, 'withdraw', { ...body, reason: ' ' }, head)).code).toBe('VALIDATION_FAILED');
        expect((await errorOf(c.id, 'withdraw', { ...body, approvedOn: '2025-10-26' }, head)).code).toBe('RECON_DATE_ORDER');
        expect((await errorOf(c.id, 'withdraw', { ...body, approvedOn: '2026-06-02' }, head)).code).toBe('RECON_DATE_IN_FUTURE');
        const w = await act(c.id, 'withdraw', body, head);
        expect(w).toMatchObject({ status: 'terminated', terminationGround: 1, terminatedOn: '2025-10-28' });
        expect(w.deadlines.every((d: Json) => d.status !== 'open')).toBe(true);
        expect(w.timeline.at(-1)).toMatchObject({ action: 'withdraw', details: { reason: body.reason, settlement: true, article: '《中华人民共和国行政复议法》第七十四条、第四十一条第一项' } });
        expect(w.timeline.at(-1).details.reapplicationBarred).toMatch(/第七十四条第二款/);
        expect(await audited(c.id, 'withdraw')).toBe(1);
        // after the end, and before acceptance: not allowed
        expect((await errorOf(c.id, 'withdraw', body, head)).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
        const r = await create();
        expect((await errorOf(r.id, 'withdraw', body, head)).status).toBe(409);
        // Art. 74 ¶2: the same applicant on the same act again — shown at registration
        const first = (await t.app.inject({ method: 'GET', url: `${BASE}/${c.id}`, headers: h1.headers })).json() as Json;
        const person = await t.handle.db.selectFrom('reconsiderationCases').select('applicantPersonId').where('id', '=', c.id).executeTakeFirstOrThrow();
        const again = await create({ receivedOn: '2025-11-03', applicant: { kind: 'person', personId: person.applicantPersonId }, act: { name: first.actName, docNo: first.actDocNo, madeOn: '2025-08-20', knownOn: '2025-08-25' } });
        expect(again.related.find((x: Json) => x.id === c.id)).toMatchObject({ likelyDuplicate: true, withdrawnBar: true });
        expect(again.related.filter((x: Json) => x.id !== c.id).every((x: Json) => x.withdrawnBar === false)).toBe(true);
      });

      it('a suspended case can be withdrawn too: the pause ends with it', async () => {
        const c = await inReview();
        await act(c.id, 'suspend', { on: '2025-10-27', ground: 6 });
        const w = await act(c.id, 'withdraw', { requestedOn: '2025-10-30', approvedOn: '2025-10-30', reason: '和解' }, head);
        expect(w).toMatchObject({ status: 'terminated', suspendedOn: null, suspensionGround: null, terminationGround: 1 });
      });
    });

    describe('hearing of views (Art. 49)', () => {
      it('ordinary procedure: no decision until the applicant’s views are recorded (or recorded as not obtainable)', async () => {
        const c = await inReview();
        expect(await errorOf(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' })).toMatchObject({ status: 409, code: 'RECON_VIEWS_NOT_HEARD' });
        expect((await errorOf(c.id, 'hear-views', { party: 'applicant', on: '2025-10-08', method: 'phone', record: 'x' })).code).toBe('RECON_DATE_ORDER');
        expect((await errorOf(c.id, 'hear-views', { party: 'applicant', on: '2025-10-30', method: 'letter', record: 'x' })).code).toBe('VALIDATION_FAILED');
        // the respondent's views alone are not enough
        await act(c.id, 'hear-views', { party: 'respondent', on: '2025-10-29', method: 'inPerson', record: '被申请人坚持原处罚' });
        expect((await errorOf(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' })).code).toBe('RECON_VIEWS_NOT_HEARD');
        const v = await act(c.id, 'hear-views', { party: 'applicant', on: '2025-10-30', method: 'internet', record: '申请人通过视频陈述意见' });
        expect(v.timeline.at(-1)).toMatchObject({ action: 'hearViews', on: '2025-10-30', details: { party: 'applicant', method: 'internet', onPapers: false, article: '《中华人民共和国行政复议法》第四十九条' } });
        expect(await audited(c.id, 'hearViews')).toBe(2);
        expect((await act(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' })).status).toBe('decided');
      });

      it('simplified procedure may be decided on the papers (Art. 54)', async () => {
        const c = await inReview('simplified');
        expect((await act(c.id, 'decide', { decidedOn: '2025-10-28', type: 'uphold' })).status).toBe('decided');
      });
    });

    describe('hearing (Arts. 50–51)', () => {
      it('R11: the written notice goes out at least 5 working days before the hearing, computed on the official calendar', async () => {
        const c = await inReview();
        const latest = due('reconsideration.hearingNotice', '2025-11-10');
        expect(latest).toBe('2025-11-03'); // Mon 10 Nov → five working days back: 7, 6, 5, 4, 3 Nov
        const hearing = { hearingOn: '2025-11-10', place: '西城区司法局听证室', issues: '处罚依据的合法性', reason: 'applicantRequest' };
        const late = await errorOf(c.id, 'schedule-hearing', { ...hearing, noticeOn: '2025-11-04' });
        expect(late).toMatchObject({ status: 409, code: 'RECON_HEARING_NOTICE_LATE', details: { latestNoticeOn: '2025-11-03', hearingOn: '2025-11-10' } });
        expect(late.details.explanation).toMatch(/第五十一条/);
        expect((await errorOf(c.id, 'schedule-hearing', { ...hearing, noticeOn: '2025-11-03', hearingOn: '2025-11-01' })).code).toBe('RECON_DATE_ORDER');
        const s = await act(c.id, 'schedule-hearing', { ...hearing, noticeOn: '2025-11-03' });
        expect(s.timeline.at(-1).details).toMatchObject({ hearingOn: '2025-11-10', latestNoticeOn: '2025-11-03', basis: '《中华人民共和国行政复议法》第五十一条' });
        // across a holiday: 9 calendar days before a hearing on 2025-10-10 is too late (National Day week)
        expect(due('reconsideration.hearingNotice', '2025-10-10')).toBe('2025-09-26');
      });

      it('R11 ahead of time: GET hearing-notice gives the latest notice day with the engine’s explanation (what the dialog shows)', async () => {
        const c = await inReview();
        const get = (s: Session | null, url: string) => t.app.inject({ method: 'GET', url, ...(s ? { headers: s.headers } : {}) });
        const r = await get(h1, `${BASE}/${c.id}/hearing-notice?hearingOn=2025-10-10`);
        expect(r.statusCode, r.body).toBe(200);
        expect(r.json()).toMatchObject({ hearingOn: '2025-10-10', latestNoticeOn: due('reconsideration.hearingNotice', '2025-10-10'), basis: '《中华人民共和国行政复议法》第五十一条' });
        expect(r.json().latestNoticeOn).toBe('2025-09-26');
        expect(r.json().explanation).toMatch(/第五十一条/);
        expect(r.json().steps.length).toBeGreaterThan(0);
        // the same day the schedule-hearing step enforces
        const n = await get(h1, `${BASE}/${c.id}/hearing-notice?hearingOn=2025-11-10`);
        expect(n.json().latestNoticeOn).toBe('2025-11-03');
        expect((await get(null, `${BASE}/${c.id}/hearing-notice?hearingOn=2025-11-10`)).statusCode).toBe(401);
        expect((await get(h1, `${BASE}/${c.id}/hearing-notice?hearingOn=10.11.2025`)).json().error.code).toBe('VALIDATION_FAILED');
        expect((await get(h1, `${BASE}/missing/hearing-notice?hearingOn=2025-11-10`)).json().error.code).toBe('NOT_FOUND');
        expect((await get(await t.login('fy.handler2'), `${BASE}/${c.id}/hearing-notice?hearingOn=2025-11-10`)).json().error.code).toBe('OUT_OF_SCOPE');
      });

      it('the hearing is held as noticed, by a lawful panel; an absent applicant without reason waives it', async () => {
        const c = await inReview();
        await act(c.id, 'schedule-hearing', { noticeOn: '2025-11-03', hearingOn: '2025-11-10', place: '听证室', issues: '事实认定', reason: 'majorComplex' });
        const held = { heldOn: '2025-11-10', presiding: '张主持', members: ['李听证', '王听证'], clerk: '赵记录', applicantAttended: false, respondentHeadAttended: true, record: '听证笔录摘要' };
        expect((await errorOf(c.id, 'record-hearing', { ...held, heldOn: '2025-11-11' })).code).toBe('RECON_HEARING_NOT_SCHEDULED');
        expect((await errorOf(c.id, 'record-hearing', { ...held, members: ['李听证'] })).code).toBe('VALIDATION_FAILED');
        const noDelegate = await errorOf(c.id, 'record-hearing', { ...held, respondentHeadAttended: false });
        expect(noDelegate.code).toBe('VALIDATION_FAILED');
        const h = await act(c.id, 'record-hearing', { ...held, respondentHeadAttended: false, respondentDelegate: '法制科科长', respondentAbsenceReason: '负责人出差' });
        expect(h.timeline.at(-1).details).toMatchObject({ applicantWaived: true, respondentDelegate: '法制科科长' });
        expect((await errorOf(c.id, 'record-hearing', held)).code).toBe('RECON_HEARING_NOT_SCHEDULED'); // already held
        // a waived hearing counts as the applicant's chance to be heard (Art. 51 ¶2); the decision rests on the record
        const d = await act(c.id, 'decide', { decidedOn: '2025-11-20', type: 'uphold' });
        expect(d.timeline.at(-1).details).toMatchObject({ hearingHeld: true });
        // before the copy goes out, a hearing cannot be held
        const a = await create();
        await act(a.id, 'accept', { acceptedOn: '2025-10-09', procedure: 'ordinary' });
        expect((await errorOf(a.id, 'record-hearing', held)).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
      });
    });

    describe('行政复议委员会 (Art. 52)', () => {
      it('a requested opinion is recorded before the decision (Art. 61 ¶3)', async () => {
        const c = await inReview();
        await act(c.id, 'hear-views', { party: 'applicant', on: '2025-10-28', method: 'phone', record: '意见' });
        expect((await errorOf(c.id, 'record-committee-opinion', { receivedOn: '2025-11-01', opinion: 'x' })).code).toBe('RECON_TRANSITION_NOT_ALLOWED');
        expect((await errorOf(c.id, 'consult-committee', { requestedOn: '2025-10-29', ground: 5, question: 'x' })).code).toBe('VALIDATION_FAILED');
        await act(c.id, 'consult-committee', { requestedOn: '2025-10-29', ground: 2, question: '涉及专业技术问题' });
        expect((await errorOf(c.id, 'consult-committee', { requestedOn: '2025-10-30', ground: 4, question: '再次' })).code).toBe('RECON_COMMITTEE_OPINION_PENDING');
        expect(await errorOf(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' })).toMatchObject({ status: 409, code: 'RECON_COMMITTEE_OPINION_PENDING' });
        expect((await errorOf(c.id, 'record-committee-opinion', { receivedOn: '2025-10-28', opinion: '意见' })).code).toBe('RECON_DATE_ORDER');
        const o = await act(c.id, 'record-committee-opinion', { receivedOn: '2025-11-05', opinion: '建议撤销' });
        expect(o.timeline.at(-1).details).toMatchObject({ requestedOn: '2025-10-29', opinion: '建议撤销' });
        const d = await act(c.id, 'decide', { decidedOn: '2025-11-20', type: 'revoke' });
        expect(d.timeline.at(-1).details).toMatchObject({ committeeConsulted: true });
        expect(await audited(c.id, 'consultCommittee')).toBe(1);
        expect(await audited(c.id, 'recordCommitteeOpinion')).toBe(1);
      });
    });

    describe('incidental review of a normative document (Arts. 13, 56–60)', () => {
      const doc = { name: '关于规范某类处罚裁量的通知', docNo: '西市监发〔2024〕3号', issuer: 'localGovernment', draftingOrgan: '北京市西城区市场监督管理局' };

      it('R15, R17, R18: the organ handles it within 30 days; the case is suspended (Art. 39 ¶1 (9)) and resumes after', async () => {
        const c = await inReview();
        const s = await act(c.id, 'start-norm-review', { on: '2025-10-20', source: 'applicant', document: doc, competent: true });
        expect(s).toMatchObject({ status: 'suspended', suspendedOn: '2025-10-20', suspensionGround: 9 });
        expect(dl(s, 'decision').flags).toContain('PAUSED');
        expect(dl(s, 'normReview')).toMatchObject({ due: due('reconsideration.incidentalReview', '2025-10-20'), basis: '《中华人民共和国行政复议法》第五十六条、第五十七条' });
        expect(dl(s, 'normReview').due).toBe('2025-11-19');
        expect(dl(s, 'draftingNotice').due).toBe('2025-10-23'); // 3 working days from the suspension (Art. 58)
        expect(dl(s, 'suspensionTermination')).toBeUndefined(); // ground (9) is not an Art. 41 (5) ground
        // the platform to-do list: the paused decision period has no due date
        const todo = (await t.app.inject({ method: 'GET', url: '/api/v1/deadlines?module=reconsideration&pageSize=200', headers: h1.headers })).json().data as Json[];
        expect(todo.find((d) => d.id === dl(s, 'decision').id)).toMatchObject({ dueDate: null, daysLeft: null });
        // the generic suspend / resume do not handle an incidental review
        expect((await errorOf(c.id, 'resume', { on: '2025-10-25' })).details.reason).toMatch(/附带审查/);
        expect((await errorOf(c.id, 'forward-norm', { forwardedOn: '2025-10-21', recipient: 'x', recipientReceivedOn: '2025-10-22' })).code).toBe('RECON_NORM_REVIEW_STATE');
        expect((await errorOf(c.id, 'record-drafting-reply', { receivedOn: '2025-10-22' })).code).toBe('RECON_NORM_REVIEW_STATE');
        const notified = await act(c.id, 'notify-drafting-organ', { noticeOn: '2025-10-22', draftingReceivedOn: '2025-10-23' });
        expect(dl(notified, 'draftingNotice', 'met')).toBeTruthy();
        expect(dl(notified, 'draftingReply').due).toBe(due('reconsideration.draftingOrganReply', '2025-10-23'));
        expect(dl(notified, 'draftingReply').due).toBe('2025-11-06');
        const replied = await act(c.id, 'record-drafting-reply', { receivedOn: '2025-11-05', inPerson: true });
        expect(replied.timeline.at(-1).details).toMatchObject({ onTime: true, replyDue: '2025-11-06', inPerson: true });
        expect((await errorOf(c.id, 'conclude-norm-review', { on: '2025-11-10', outcome: 'replyReceived', summary: 'x' })).code).toBe('RECON_NORM_REVIEW_STATE');
        const done = await act(c.id, 'conclude-norm-review', { on: '2025-11-10', outcome: 'unlawful', summary: '第三条超越权限，决定停止执行并责令纠正' });
        expect(done).toMatchObject({ status: 'underReview', suspendedOn: null, suspensionGround: null });
        expect(dl(done, 'normReview', 'met')).toBeTruthy();
        // paused 2025-10-20 … 2025-11-09: the decision period moves on by those days
        const moved = due('reconsideration.decision', '2025-10-09', [{ from: '2025-10-20', to: '2025-11-09', reason: '中止' }]);
        expect(dl(done, 'decision')).toMatchObject({ due: moved, flags: [] });
        expect(moved).toBe('2025-12-29');
        expect(done.timeline.map((e: Json) => e.action).slice(-4)).toEqual(['startNormReview', 'notifyDraftingOrgan', 'recordDraftingReply', 'concludeNormReview']);
        for (const a of ['startNormReview', 'notifyDraftingOrgan', 'recordDraftingReply', 'concludeNormReview']) expect(await audited(c.id, a), a).toBe(1);
      });

      it('R16, R19: without power the organ forwards within 7 working days; the case stays suspended until the reply', async () => {
        const c = await inReview();
        const s = await act(c.id, 'start-norm-review', { on: '2025-10-20', source: 'organ', document: { ...doc, issuer: 'stateCouncilDepartment', draftingOrgan: '国务院某部门' }, competent: false });
        expect(dl(s, 'normForward').due).toBe(due('reconsideration.incidentalReviewForward', '2025-10-20'));
        expect(dl(s, 'normForward').due).toBe('2025-10-29');
        expect(dl(s, 'normReview')).toBeUndefined();
        expect((await errorOf(c.id, 'notify-drafting-organ', { noticeOn: '2025-10-21', draftingReceivedOn: '2025-10-22' })).code).toBe('RECON_NORM_REVIEW_STATE');
        expect((await errorOf(c.id, 'conclude-norm-review', { on: '2025-10-25', outcome: 'replyReceived', summary: 'x' })).code).toBe('RECON_NORM_REVIEW_STATE');
        const f = await act(c.id, 'forward-norm', { forwardedOn: '2025-10-27', recipient: '国务院某部门', recipientReceivedOn: '2025-10-29' });
        expect(f.timeline.at(-1).details).toMatchObject({ onTime: true, forwardDue: '2025-10-29' });
        expect(dl(f, 'forwardedReply').due).toBe(due('reconsideration.forwardedNormReply', '2025-10-29'));
        expect((await errorOf(c.id, 'conclude-norm-review', { on: '2025-12-01', outcome: 'lawful', summary: 'x' })).code).toBe('RECON_NORM_REVIEW_STATE');
        const done = await act(c.id, 'conclude-norm-review', { on: '2025-12-01', outcome: 'replyReceived', summary: '接受转送机关回复：该条款合法' });
        expect(done.status).toBe('underReview');
        expect(dl(done, 'forwardedReply', 'met')).toBeTruthy();
      });
    });

    it('every new step answers 401 / 403 / 400 / 404 / 409 at the edge', async () => {
      const c = await create(); // registered: none of these steps is allowed yet
      const bodies: Record<string, Json> = {
        withdraw: { requestedOn: '2025-10-27', approvedOn: '2025-10-28', reason: '撤回' },
        'hear-views': { party: 'applicant', on: '2025-10-30', method: 'phone', record: '意见' },
        'schedule-hearing': { noticeOn: '2025-11-03', hearingOn: '2025-11-10', place: '听证室', issues: '事项', reason: 'necessary' },
        'record-hearing': { heldOn: '2025-11-10', presiding: '甲', members: ['乙', '丙'], clerk: '丁', applicantAttended: true, respondentHeadAttended: true, record: '笔录' },
        'consult-committee': { requestedOn: '2025-10-29', ground: 1, question: '问题' },
        'record-committee-opinion': { receivedOn: '2025-11-05', opinion: '意见' },
        'start-norm-review': { on: '2025-10-20', source: 'applicant', document: { name: '文件', issuer: 'township', draftingOrgan: '某街道办事处' }, competent: true },
        'notify-drafting-organ': { noticeOn: '2025-10-22', draftingReceivedOn: '2025-10-23' },
        'record-drafting-reply': { receivedOn: '2025-11-05' },
        'forward-norm': { forwardedOn: '2025-10-27', recipient: '某机关', recipientReceivedOn: '2025-10-29' },
        'conclude-norm-review': { on: '2025-11-10', outcome: 'lawful', summary: '合法' },
      };
      for (const [a, b] of Object.entries(bodies)) {
        const s = a === 'withdraw' ? head : h1;
        expect((await post(null, `${BASE}/${c.id}/${a}`, b)).statusCode, a).toBe(401);
        expect((await post(sfs, `${BASE}/${c.id}/${a}`, b)).json().error.code, a).toBe('FORBIDDEN');
        expect((await post(s, `${BASE}/${c.id}/${a}`, { bogus: 1 })).json().error.code, a).toBe('VALIDATION_FAILED');
        expect((await post(s, `${BASE}/missing/${a}`, b)).json().error.code, a).toBe('NOT_FOUND');
        const wrong = await post(s, `${BASE}/${c.id}/${a}`, b);
        expect(wrong.statusCode, a).toBe(409);
        expect(wrong.json().error.code, a).toBe('RECON_TRANSITION_NOT_ALLOWED');
      }
      const other = await t.login('fy.handler2');
      expect((await errorOf(c.id, 'hear-views', bodies['hear-views']!, other)).code).toBe('OUT_OF_SCOPE');
      const docs = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
      expect(Object.keys(docs.paths)).toEqual(expect.arrayContaining(Object.keys(bodies).map((a) => `${BASE}/{id}/${a}`)));
    });
  });
}
