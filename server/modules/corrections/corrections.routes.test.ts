import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { computeDeadline, getRule } from '../../../common/deadlines';
import { createRng, generateIdNumber } from '../../../common/validators';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const rng = createRng(9009);
const newId = () => generateIdNumber(rng, { regionCode: '110102' });
const BASE = '/api/v1/corrections/subjects';

describe('community-correction clocks (社区矫正法, C1–C8)', () => {
  it('C3: report within 10 calendar days of the judgment taking effect; a last day on a weekend rolls forward', () => {
    const cal = createOfficialCalendar();
    expect(computeDeadline(cal, getRule('corrections.offenderReport'), { start: '2025-09-20' }).due).toBe('2025-09-30');
    // 2025-09-10 + 10 = 2025-09-20 (Saturday) → Monday 2025-09-22
    expect(computeDeadline(cal, getRule('corrections.offenderReport'), { start: '2025-09-10' }).due).toBe('2025-09-22');
    expect(getRule('corrections.courtRulingOnProposal')).toMatchObject({ ref: 'C6', length: 30, unit: 'CAL' });
  });
});

for (const dialect of DIALECTS) {
  describe(`社区矫正 [${dialect}]`, () => {
    let t: TestApp;
    let xicha: Session;
    let jinrong: Session;
    let leader: Session;
    let colleague: Session;
    let xichaId = '';
    let colleagueId = '';
    const req = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });
    const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Json;
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const db = t.handle.db;
      const office = await db.selectFrom('users').select(['id', 'departmentId']).where('username', '=', 'sfs.xicha').executeTakeFirstOrThrow();
      xichaId = office.id;
      // a second worker of the same 司法所, not named on the record
      colleagueId = randomUUID();
      const role = await db.selectFrom('roles').select('id').where('code', '=', 'officeStaff').executeTakeFirstOrThrow();
      const now = t.clock.nowIso();
      await db.insertInto('users').values({ id: colleagueId, username: 'sfs.xicha2', displayName: '同所同事', departmentId: office.departmentId, passwordHash: await hashPassword(DEMO_PASSWORD), passwordChangedAt: null, mustChangePassword: 0, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: null, mobileBidx: null, isDemo: 1, createdAt: now, updatedAt: now, version: 1 }).execute();
      await db.insertInto('userRoles').values({ userId: colleagueId, roleId: role.id }).execute();
      [xicha, jinrong, leader, colleague] = [await t.login('sfs.xicha'), await t.login('sfs.jinrong'), await t.login('leader'), await t.login('sfs.xicha2')];
    });
    afterAll(async () => t?.close());

    const subject = (over: Json = {}): Json => ({
      name: '孙某',
      idNumber: newId(),
      sentenceType: 'probation',
      crime: '危险驾驶罪',
      decidingOrgan: '北京市西城区人民法院',
      judgmentEffectiveOn: '2025-09-10',
      termStart: '2025-09-10',
      termEnd: '2026-03-09',
      riskLevel: 'medium',
      staffIds: [xichaId],
      ...over,
    });

    let lateId = '';
    let onTimeId = '';
    it('a subject who has not reported by the 10th day is overdue on the 司法所 list (C3 on the deadline register)', async () => {
      const late = await ok(xicha, 'POST', BASE, subject());
      lateId = late.id;
      expect(late).toMatchObject({ status: 'awaitingReport', reportDue: '2025-09-22', reportOverdue: true, mine: true, staffNames: [expect.any(String)] });
      expect(late.idNumber).toMatch(/^110102\*+/);
      expect(late.clocks.map((c: Json) => c.ref).sort()).toEqual(['C1', 'C2', 'C3', 'C8']);
      expect(late.clocks.find((c: Json) => c.ref === 'C3')).toMatchObject({ due: '2025-09-22', overdue: true, citation: '《中华人民共和国社区矫正法》第二十一条第一款' });
      const onTime = await ok(xicha, 'POST', BASE, subject({ name: '周某', judgmentEffectiveOn: '2025-09-20', termStart: '2025-09-20' }));
      onTimeId = onTime.id;
      expect(onTime).toMatchObject({ reportDue: '2025-09-30', reportOverdue: false });
      const overdue = await ok(xicha, 'GET', `${BASE}?overdue=1`);
      expect(overdue.data.map((s: Json) => s.id)).toEqual([lateId]);
      const all = await ok(xicha, 'GET', BASE);
      expect(all.total).toBe(2);
      const todo = await ok(xicha, 'GET', '/api/v1/deadlines?module=corrections&pageSize=50');
      const c3 = (todo.data as Json[]).find((d) => d.objectId === lateId && d.ruleId === 'corrections.offenderReport')!;
      expect(c3.dueDate).toBe('2025-09-22');
      expect(c3.daysLeft).toBeLessThan(0);
      expect(c3.title).not.toContain('孙某');
      // the register names the subject by the 档案号, numbered in the year of registration in the order of registration
      expect(late.archiveNo).toBe('西司矫〔2025〕1号');
      expect(onTime.archiveNo).toBe('西司矫〔2025〕2号');
      expect(c3.title).toBe('社区矫正档案 西司矫〔2025〕1号 社区矫正对象报到期限');
      // 暂予监外执行 needs the day the decision was received (C4)
      expect((await req(xicha, 'POST', BASE, subject({ sentenceType: 'outsideExecution' }))).json().error.code).toBe('CORRECTIONS_FACTS_MISSING');
      const outside = await ok(xicha, 'POST', BASE, subject({ name: '吴某', sentenceType: 'outsideExecution', decisionReceivedOn: '2025-09-24', judgmentEffectiveOn: '2025-09-23', termStart: '2025-09-23' }));
      expect(outside.clocks.find((c: Json) => c.ref === 'C4')).toMatchObject({ startDate: '2025-09-24', due: '2025-10-09' });
    });

    it('a user outside the named staff is refused and the refusal is in the audit log; each 司法所 sees only its street', async () => {
      // the colleague sees the ledger of the street, but not the record
      expect((await ok(colleague, 'GET', BASE)).data.map((s: Json) => s.id)).toContain(lateId);
      const refused = await req(colleague, 'GET', `${BASE}/${lateId}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('CORRECTIONS_NOT_NAMED_STAFF');
      expect((await req(colleague, 'POST', `${BASE}/${lateId}/records`, { kind: 'interview', on: '2025-09-25', note: 'x' })).json().error.code).toBe('CORRECTIONS_NOT_NAMED_STAFF');
      const denied = await t.handle.db.selectFrom('auditLog').select(['action', 'outcome', 'actorId']).where('objectId', '=', lateId).where('outcome', '=', 'denied').execute();
      expect(denied).toEqual([
        { action: 'corrections.subject.view', outcome: 'denied', actorId: colleagueId },
        { action: 'corrections.subject.write', outcome: 'denied', actorId: colleagueId },
      ]);
      // another 司法所: neither on its list nor openable (refusal audited too)
      expect((await ok(jinrong, 'GET', BASE)).total).toBe(0);
      expect((await req(jinrong, 'GET', `${BASE}/${lateId}`)).json().error.code).toBe('OUT_OF_SCOPE');
      expect(await t.handle.db.selectFrom('auditLog').select('seq').where('objectId', '=', lateId).where('outcome', '=', 'denied').execute()).toHaveLength(3);
      // the bureau sees all and may open records (oversight), every view audited; it cannot write
      expect((await ok(leader, 'GET', BASE)).total).toBe(3);
      await ok(leader, 'GET', `${BASE}/${lateId}`);
      await ok(xicha, 'GET', `${BASE}/${lateId}`);
      const views = await t.handle.db.selectFrom('auditLog').select(['actorName']).where('objectId', '=', lateId).where('action', '=', 'corrections.subject.view').where('outcome', '=', 'success').execute();
      expect(views.map((v) => v.actorName).sort()).toEqual(['leader', 'sfs.xicha', 'sfs.xicha']);
      expect((await req(leader, 'POST', `${BASE}/${lateId}/report`, { reportedOn: '2025-09-25', version: 1 })).json().error.code).toBe('FORBIDDEN');
      // naming the colleague opens the record to them
      const s = await ok(xicha, 'GET', `${BASE}/${lateId}`);
      await ok(xicha, 'PUT', `${BASE}/${lateId}/staff`, { staffIds: [xichaId, colleagueId], version: s.version });
      expect((await ok(colleague, 'GET', `${BASE}/${lateId}`)).staff).toHaveLength(2);
      expect((await req(xicha, 'PUT', `${BASE}/${lateId}/staff`, { staffIds: [(await t.handle.db.selectFrom('users').select('id').where('username', '=', 'sfs.jinrong').executeTakeFirstOrThrow()).id], version: s.version + 1 })).json().error.code).toBe('CORRECTIONS_STAFF_INVALID');
    });

    it('report, documents, records with approval, the court-ruling clock (C6), monitoring (C5) and the end of correction', async () => {
      let s = await ok(xicha, 'GET', `${BASE}/${lateId}`);
      s = await ok(xicha, 'POST', `${BASE}/${lateId}/report`, { reportedOn: '2025-09-25', version: s.version });
      expect(s).toMatchObject({ status: 'inCorrection', reportedOn: '2025-09-25', reportOverdue: false });
      expect(s.records[0]).toMatchObject({ kind: 'checkIn', detail: { late: true } });
      expect(s.clocks.find((c: Json) => c.ref === 'C3').status).toBe('met');
      s = await ok(xicha, 'POST', `${BASE}/${lateId}/documents`, { noticeReceivedOn: '2025-09-12', documentsReceivedOn: '2025-09-18', version: s.version });
      expect(s.clocks.filter((c: Json) => ['C1', 'C2'].includes(c.ref)).map((c: Json) => c.status)).toEqual(['met', 'met']);
      await ok(xicha, 'POST', `${BASE}/${lateId}/records`, { kind: 'sanction', on: '2025-09-25', sanction: 'warning', note: '未按时报到，给予警告（第二十八条）' });
      s = await ok(xicha, 'POST', `${BASE}/${lateId}/records`, { kind: 'leave', on: '2025-09-25', from: '2025-09-27', to: '2025-09-29', destination: '天津市', note: '探亲' });
      const leave = (s.records as Json[]).find((r) => r.kind === 'leave')!;
      expect(leave).toMatchObject({ status: 'pending', detail: { days: 3 } });
      s = await ok(xicha, 'POST', `${BASE}/${lateId}/records/${leave.id}/decision`, { approved: true, on: '2025-09-26', note: '准假' });
      expect((s.records as Json[]).find((r) => r.id === leave.id)!.status).toBe('approved');
      expect((await req(xicha, 'POST', `${BASE}/${lateId}/records/${leave.id}/decision`, { approved: false, on: '2025-09-26', note: 'x' })).json().error.code).toBe('CORRECTIONS_TRANSITION_NOT_ALLOWED');
      s = await ok(xicha, 'POST', `${BASE}/${lateId}/records`, { kind: 'proposal', on: '2025-09-26', proposal: 'reduction', court: '北京市第二中级人民法院', note: '确有悔改表现' });
      expect(s.clocks.find((c: Json) => c.ref === 'C6')).toMatchObject({ startDate: '2025-09-26', due: '2025-10-27', status: 'open' });
      s = await ok(xicha, 'POST', `${BASE}/${lateId}/records`, { kind: 'monitoring', on: '2025-09-26', note: '经区司法局负责人批准使用电子定位装置' });
      expect(s.monitoringUntil).toBe('2025-12-26');
      expect(s.clocks.find((c: Json) => c.ref === 'C5')).toMatchObject({ due: '2025-12-26' });
      expect((await req(xicha, 'POST', `${BASE}/${lateId}/end`, { on: '2025-09-26', reason: 'termEnd', version: s.version })).json().error.code).toBe('CORRECTIONS_DATE_INVALID');
      s = await ok(xicha, 'POST', `${BASE}/${lateId}/end`, { on: '2025-09-26', reason: 'revoked', note: '法院裁定撤销缓刑', version: s.version });
      expect(s).toMatchObject({ status: 'ended', endReason: 'revoked' });
      expect((s.clocks as Json[]).filter((c) => c.status === 'open')).toEqual([]);
      expect((await req(xicha, 'POST', `${BASE}/${lateId}/records`, { kind: 'interview', on: '2025-09-26', note: 'x' })).json().error.code).toBe('CORRECTIONS_TRANSITION_NOT_ALLOWED');
      expect((await ok(xicha, 'GET', `${BASE}/${onTimeId}`)).status).toBe('awaitingReport');
    });

    it('安置帮教: released persons with help records, a parolee handed over at the end of the term, and the special-period list', async () => {
      const rp = await ok(xicha, 'POST', '/api/v1/corrections/released', { name: '钱某', idNumber: newId(), releasedOn: '2025-08-01', riskLevel: 'high' });
      expect(rp).toMatchObject({ source: 'prison', helps: [], lastHelpOn: null });
      const helped = await ok(xicha, 'POST', `/api/v1/corrections/released/${rp.id}/help`, { kind: 'employment', on: '2025-09-20', note: '推荐至社区超市就业' });
      expect(helped.helps).toEqual([expect.objectContaining({ kind: 'employment', onDate: '2025-09-20' })]);
      expect((await req(xicha, 'POST', `/api/v1/corrections/released/${rp.id}/help`, { kind: 'visit', on: '2025-07-01', note: 'x' })).json().error.code).toBe('CORRECTIONS_DATE_INVALID');
      expect((await ok(jinrong, 'GET', '/api/v1/corrections/released')).total).toBe(0);
      expect((await req(jinrong, 'POST', `/api/v1/corrections/released/${rp.id}/help`, { kind: 'visit', on: '2025-09-21', note: 'x' })).statusCode).toBe(403);
      // a parolee at the end of the term is handed over to 安置帮教
      let p = await ok(xicha, 'POST', BASE, subject({ name: '李某', sentenceType: 'parole', judgmentEffectiveOn: '2025-01-02', termStart: '2025-01-02', termEnd: '2025-09-20' }));
      p = await ok(xicha, 'POST', `${BASE}/${p.id}/report`, { reportedOn: '2025-01-08', version: p.version });
      p = await ok(xicha, 'POST', `${BASE}/${p.id}/end`, { on: '2025-09-20', reason: 'termEnd', version: p.version });
      expect(p).toMatchObject({ status: 'released', releasedOn: '2025-09-20' });
      expect(p.clocks.find((c: Json) => c.ref === 'C8').status).toBe('met');
      const released = await ok(xicha, 'GET', '/api/v1/corrections/released');
      expect(released.data.find((x: Json) => x.name === '李某')).toMatchObject({ source: 'parole', releasedOn: '2025-09-20' });
      // 特殊时期: active subjects and medium/high-risk released persons, contacts within the period; open disputes at risk
      const d = await ok(xicha, 'POST', '/api/v1/disputes', { source: 'screening', receivedOn: '2025-09-25', matterType: 'labour', summary: '欠薪群体性纠纷', address: '西单北大街1号', riskGrade: 'high', parties: [{ name: '刘某', role: 'applicant' }] });
      const list = await ok(xicha, 'GET', '/api/v1/corrections/attention?from=2025-09-15&to=2025-09-30');
      const byName = new Map((list.people as Json[]).map((x) => [x.name, x]));
      expect(byName.get('周某')).toMatchObject({ kind: 'correctionSubject', contactedInPeriod: false, lastContactOn: null });
      expect(byName.get('钱某')).toMatchObject({ kind: 'releasedPerson', contactedInPeriod: true, lastContactOn: '2025-09-20' });
      expect(byName.has('孙某')).toBe(false);
      expect(list.disputes.map((x: Json) => x.code)).toEqual([d.code]);
      expect((await ok(jinrong, 'GET', '/api/v1/corrections/attention?from=2025-09-15&to=2025-09-30')).people).toEqual([]);
    });

    it('C7 arrest request: a 48-hour clock with its due instant on the register; C5 and C8 on the register too', async () => {
      // 2025-09-26 10:00 Beijing (the test clock)
      let s = await ok(xicha, 'POST', BASE, subject({ name: '郑某', judgmentEffectiveOn: '2025-09-01', termStart: '2025-09-01', termEnd: '2026-08-31' }));
      const id = s.id as string;
      // C8 (Art. 44) is a register deadline due on the last day of the term
      expect(s.clocks.find((c: Json) => c.ref === 'C8')).toMatchObject({ startDate: '2026-08-31', due: '2026-08-31', dueAt: null, status: 'open', citation: '《中华人民共和国社区矫正法》第四十四条' });
      expect((await ok(xicha, 'POST', `${BASE}/${id}/report`, { reportedOn: '2025-09-05', version: s.version })).status).toBe('inCorrection');
      const arrest = (at: string, target = id, who = xicha) => req(who, 'POST', `${BASE}/${target}/records`, { kind: 'arrestRequest', at, court: '北京市西城区人民法院', note: '可能逃跑，提请逮捕' });
      // Art. 47: only together with a proposal to revoke
      expect((await arrest('2025-09-26T09:20:00+08:00')).json().error.code).toBe('CORRECTIONS_ARREST_NOT_ALLOWED');
      await ok(xicha, 'POST', `${BASE}/${id}/records`, { kind: 'proposal', on: '2025-09-25', proposal: 'revocation', court: '北京市西城区人民法院', note: '违反监督管理规定，情节严重' });
      expect((await arrest('2025-09-26T09:20:00')).statusCode).toBe(400); // no zone
      expect((await arrest('2025-09-26T11:20:00+08:00')).json().error.code).toBe('CORRECTIONS_TIME_INVALID'); // after now
      expect((await arrest('2025-09-24T11:20:00+08:00')).json().error.code).toBe('CORRECTIONS_TIME_INVALID'); // before the proposal
      expect((await arrest('2025-09-26T09:20:00+08:00')).statusCode).toBe(200);
      expect((await arrest('2025-09-26T09:30:00+08:00')).json().error.code).toBe('CORRECTIONS_TRANSITION_NOT_ALLOWED'); // one pending request
      s = await ok(xicha, 'GET', `${BASE}/${id}`);
      // counted from 10:00 (the hour after the request), 48 hours: 2025-09-28 10:00 Beijing = 02:00 UTC
      expect(s.clocks.find((c: Json) => c.ref === 'C7')).toMatchObject({ startDate: '2025-09-26', due: '2025-09-28', dueAt: '2025-09-28T02:00:00.000Z', status: 'open', overdue: false, citation: '《中华人民共和国社区矫正法》第四十七条第二款' });
      const request = (s.records as Json[]).find((r) => r.kind === 'arrestRequest')!;
      expect(request).toMatchObject({ onDate: '2025-09-26', status: 'pending', detail: { at: '2025-09-26T01:20:00.000Z', court: '北京市西城区人民法院' } });
      const todo = await ok(xicha, 'GET', '/api/v1/deadlines?module=corrections&pageSize=200');
      const c7 = (todo.data as Json[]).find((d) => d.objectId === id && d.ruleId === 'corrections.arrestDecision')!;
      expect(c7).toMatchObject({ startAt: '2025-09-26T01:20:00.000Z', dueAt: '2025-09-28T02:00:00.000Z', hoursLeft: 48, overdue: false, ruleTitle: '人民法院作出是否逮捕决定期限' });
      const explained = await ok(xicha, 'GET', `/api/v1/deadlines/${c7.id}`);
      expect(explained.steps.at(-1).text).toBe('期限届满时刻为 2025-09-28 10:00（北京时间）');
      // an hour after the due instant, on the due day itself: overdue
      t.clock.set('2025-09-28T03:00:00.000Z');
      try {
        // two days on, the morning's session has timed out: sign in again
        const x2 = await t.login('sfs.xicha');
        expect((await ok(x2, 'GET', `${BASE}/${id}`)).clocks.find((c: Json) => c.ref === 'C7')).toMatchObject({ overdue: true });
        expect((await ok(x2, 'GET', `/api/v1/deadlines/${c7.id}`))).toMatchObject({ overdue: true, hoursLeft: -1, daysLeft: 0 });
        s = await ok(x2, 'POST', `${BASE}/${id}/records/${request.id}/decision`, { approved: true, on: '2025-09-28', note: '法院决定逮捕' });
        expect((s.records as Json[]).find((r) => r.id === request.id)!.status).toBe('granted');
        expect(s.clocks.find((c: Json) => c.ref === 'C7')).toMatchObject({ status: 'met', overdue: false });
        // C5 on the register: a month period (Art. 29), renewed after assessment
        s = await ok(x2, 'POST', `${BASE}/${id}/records`, { kind: 'monitoring', on: '2025-09-28', note: '经批准使用电子定位装置' });
        const c5 = (s.clocks as Json[]).filter((c) => c.ref === 'C5');
        expect(c5).toEqual([expect.objectContaining({ startDate: '2025-09-28', due: '2025-12-29', status: 'open', citation: '《中华人民共和国社区矫正法》第二十九条第二款' })]);
        expect(s.monitoringUntil).toBe('2025-12-28');
        // only the staff of a control sentence cannot request arrest
        const control = await ok(x2, 'POST', BASE, subject({ name: '冯某', sentenceType: 'control', judgmentEffectiveOn: '2025-09-20', termStart: '2025-09-20' }));
        expect((await arrest('2025-09-28T09:00:00+08:00', control.id, x2)).json().error.code).toBe('CORRECTIONS_ARREST_NOT_ALLOWED');
        // the end of the correction stops every running clock; C8 is met at the end of term, cancelled otherwise
        s = await ok(x2, 'POST', `${BASE}/${id}/end`, { on: '2025-09-28', reason: 'revoked', version: s.version });
        expect((s.clocks as Json[]).filter((c) => c.status === 'open')).toEqual([]);
        expect(s.clocks.find((c: Json) => c.ref === 'C8').status).toBe('cancelled');
        const audit = await t.handle.db.selectFrom('auditLog').select(['action']).where('objectId', '=', id).where('outcome', '=', 'success').execute();
        expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['corrections.subject.record', 'corrections.subject.end']));
      } finally {
        t.clock.set('2025-09-26T02:00:00.000Z');
      }
    });

    it('statistics per 司法所 in the caller\'s scope, with an Excel export (audited)', async () => {
      const q = 'from=2025-01-01&to=2025-09-30';
      const mine = await ok(xicha, 'GET', `/api/v1/corrections/stats?${q}`);
      expect(mine.byOffice).toHaveLength(1);
      const office = mine.byOffice[0];
      const total = async (query: string) => (await ok(xicha, 'GET', `${BASE}?${query}`)).total as number;
      expect(office).toMatchObject({ inCorrection: await total('status=inCorrection'), awaitingReport: await total('status=awaitingReport'), overdueReport: await total('overdue=1'), releasedPersons: (await ok(xicha, 'GET', '/api/v1/corrections/released')).total });
      expect(office.released).toBeGreaterThanOrEqual(1); // the parolee released on 2025-09-20
      expect(office.helps).toBe(1); // the employment help of 2025-09-20
      const active = (await total('status=inCorrection')) + (await total('status=awaitingReport'));
      expect((mine.bySentenceType as Json[]).reduce((a, r) => a + r.count, 0)).toBe(active);
      expect((mine.byRecordKind as Json[]).find((r) => r.kind === 'sanction')).toMatchObject({ label: '处罚（训诫、警告、提请治安管理处罚）', count: 1 });
      // another 司法所 sees its own office only, with nothing in it; the bureau sees every 司法所
      const other = await ok(jinrong, 'GET', `/api/v1/corrections/stats?${q}`);
      expect(other.byOffice).toHaveLength(1);
      expect(other.byOffice[0]).toMatchObject({ inCorrection: 0, awaitingReport: 0, helps: 0 });
      const all = await ok(leader, 'GET', `/api/v1/corrections/stats?${q}`);
      expect(all.byOffice.length).toBeGreaterThanOrEqual(15);
      expect((all.byOffice as Json[]).find((r) => r.departmentId === office.departmentId)).toEqual(office);
      expect((await req(xicha, 'GET', '/api/v1/corrections/stats?from=2025-09-30&to=2025-09-01')).json().error.code).toBe('CORRECTIONS_DATE_INVALID');
      expect((await req(xicha, 'GET', '/api/v1/corrections/stats?from=2019-01-01&to=2025-09-01')).json().error.code).toBe('STATS_PERIOD_TOO_LONG');
      expect((await req(null, 'GET', `/api/v1/corrections/stats?${q}`)).statusCode).toBe(401);
      // Excel: one sheet per breakdown, the office row with the same figures
      const x = await req(xicha, 'GET', `/api/v1/corrections/stats.xlsx?${q}`);
      expect(x.statusCode).toBe(200);
      expect(x.headers['content-type']).toContain('spreadsheetml');
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.rawPayload as never);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['按司法所', '按矫正类别', '按记录类别']);
      const sheet = wb.getWorksheet('按司法所')!;
      expect(String(sheet.getRow(1).getCell(1).value)).toContain('统计期间 2025-01-01 至 2025-09-30');
      expect(sheet.getRow(3).values).toEqual([undefined, office.name, office.inCorrection, office.awaitingReport, office.overdueReport, office.reported, office.released, office.ended, office.releasedPersons, office.helps]);
      expect(await t.handle.db.selectFrom('auditLog').select('action').where('action', '=', 'corrections.stats.export').execute()).toHaveLength(1);
    });
  });
}
