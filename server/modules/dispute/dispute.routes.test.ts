import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../../../common/calendar';
import { addPeriod, computeDeadline, getRule } from '../../../common/deadlines';
import { createRng, generateIdNumber } from '../../../common/validators';
import { readZipEntry } from '../../platform/documents';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const rng = createRng(7007);
const newId = () => generateIdNumber(rng, { regionCode: '110102' });

describe('mediation.judicialConfirmationApplication (人民调解法 Art. 33, P2)', () => {
  it('30 calendar days from the day the agreement takes effect; a last day in the National Day holiday rolls forward', () => {
    const rule = getRule('mediation.judicialConfirmationApplication');
    expect(rule).toMatchObject({ length: 30, unit: 'CAL', instrument: '中华人民共和国人民调解法', article: '第三十三条第一款' });
    const cal = createOfficialCalendar();
    expect(computeDeadline(cal, rule, { start: '2025-06-03' }).due).toBe('2025-07-03');
    // 2025-09-01 + 30 = 2025-10-01, inside the holiday 10-01..10-08 → 2025-10-09
    expect(computeDeadline(cal, rule, { start: '2025-09-01' }).due).toBe('2025-10-09');
  });
});

for (const dialect of DIALECTS) {
  describe(`矛盾纠纷 register and 人民调解 [${dialect}]`, () => {
    let t: TestApp;
    let xicha: Session;
    let jinrong: Session;
    let leader: Session;
    let handler: Session;
    const req = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });
    const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Json;
    };
    const zhang = newId();
    const li = newId();

    beforeAll(async () => {
      t = await createTestApp(dialect);
      [xicha, jinrong, leader, handler] = [await t.login('sfs.xicha'), await t.login('sfs.jinrong'), await t.login('leader'), await t.login('fy.handler1')];
    });
    afterAll(async () => t?.close());

    const intake = (over: Json = {}): Json => ({
      source: 'hotline12345',
      sourceRef: 'GD2025090001',
      receivedOn: '2025-09-10',
      matterType: 'neighbour',
      summary: '楼上装修漏水，楼下住户多次投诉',
      address: '北京市西城区府右街12号院3号楼',
      riskGrade: 'low',
      parties: [
        { name: '张三', idNumber: zhang, role: 'applicant' },
        { name: '李四', role: 'respondent' },
      ],
      ...over,
    });

    it('is protected: 401 without a session, 403 without the permission, 400 on an invalid body', async () => {
      expect((await req(null, 'GET', '/api/v1/disputes')).statusCode).toBe(401);
      expect((await req(handler, 'GET', '/api/v1/disputes')).json().error.code).toBe('FORBIDDEN');
      expect((await req(handler, 'GET', '/api/v1/mediation/cases')).statusCode).toBe(403);
      expect((await req(leader, 'POST', '/api/v1/disputes', intake())).statusCode).toBe(403);
      const bad = await req(xicha, 'POST', '/api/v1/disputes', intake({ parties: [] }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('VALIDATION_FAILED');
      expect((await req(xicha, 'POST', '/api/v1/disputes', intake({ receivedOn: '2025-10-01' }))).json().error.code).toBe('DISPUTE_DATE_INVALID');
    });

    let disputeId = '';
    let code = '';
    it('a dispute from 12345 and again from a 司法所 visit is detected as one matter with one code', async () => {
      const first = await ok(xicha, 'POST', '/api/v1/disputes', intake());
      expect(first.merged).toBe(false);
      expect(first.code).toBe('西纠〔2025〕1号');
      disputeId = first.disputeId;
      code = first.code;
      // the 司法所 visit: the same applicant (ID number), written differently, another address spelling
      const again = await ok(xicha, 'POST', '/api/v1/disputes', intake({ source: 'officeVisit', sourceRef: undefined, receivedOn: '2025-09-15', summary: '走访时张三再次反映楼上漏水', address: '府右街12号3号楼', riskGrade: 'medium', parties: [{ name: '张三', idNumber: zhang, role: 'applicant' }] }));
      expect(again.merged).toBe(true);
      expect(again.disputeId).toBe(disputeId);
      expect(again.code).toBe(code);
      expect(again.matchedBy).toEqual(expect.arrayContaining(['当事人身份证号相同', '纠纷类型相同']));
      const d = again.dispute as Json;
      expect(d.intakeCount).toBe(2);
      expect(d.sources).toEqual(['hotline12345', 'officeVisit']);
      expect(d.riskGrade).toBe('medium');
      expect(d.parties).toHaveLength(2);
      expect(d.parties[0].idNumber).toMatch(/^110102\*+[\dX]{4}$/);
      expect(d.events.map((e: Json) => e.action)).toEqual(['register', 'intakeMerged']);
      // one row on the register
      const list = await ok(xicha, 'GET', '/api/v1/disputes?q=张三');
      expect(list.total).toBe(1);
      expect(list.data[0]).toMatchObject({ code, intakeCount: 2 });
      // a different matter at another address is a new code; a registrar may also keep a match apart, with a reason
      const other = await ok(xicha, 'POST', '/api/v1/disputes', intake({ source: 'gridWorker', matterType: 'labour', address: '西单北大街1号', parties: [{ name: '王五', role: 'applicant' }] }));
      expect(other).toMatchObject({ merged: false, code: '西纠〔2025〕2号' });
      const kept = await ok(xicha, 'POST', '/api/v1/disputes', intake({ source: 'police110', separateReason: '同一当事人的另一起纠纷' }));
      expect(kept.merged).toBe(false);
      expect(kept.similar.map((s: Json) => s.code)).toContain(code);
      const audit = await t.handle.db.selectFrom('auditLog').select(['action']).where('objectId', '=', disputeId).execute();
      expect(audit.map((a) => a.action)).toEqual(['dispute.register', 'dispute.intakeMerged']);
    });

    it('screening campaigns for key groups and periods count the disputes found in them', async () => {
      expect((await req(xicha, 'POST', '/api/v1/disputes/campaigns', { name: 'x', focus: 'x', startsOn: '2025-09-10', endsOn: '2025-09-01' })).json().error.code).toBe('DISPUTE_DATE_INVALID');
      const c = await ok(xicha, 'POST', '/api/v1/disputes/campaigns', { name: '国庆前矛盾纠纷集中排查', focus: '重点人群、老旧小区', startsOn: '2025-09-15', endsOn: '2025-09-30', specialPeriod: true });
      const found = await ok(xicha, 'POST', '/api/v1/disputes', intake({ source: 'screening', campaignId: c.id, matterType: 'family', address: '西城区展览路1号', parties: [{ name: '陈某', role: 'applicant' }] }));
      const list = (await ok(xicha, 'GET', '/api/v1/disputes/campaigns')).data as Json[];
      expect(list.find((x) => x.id === c.id)).toMatchObject({ specialPeriod: true, disputes: 1 });
      expect((await ok(xicha, 'GET', `/api/v1/disputes?campaignId=${c.id}`)).data.map((d: Json) => d.id)).toEqual([found.disputeId]);
      expect((await ok(xicha, 'GET', '/api/v1/disputes?source=screening')).total).toBe(1);
    });

    it('keeps each 司法所 to its street: another 司法所 neither lists nor opens the dispute; the bureau sees it', async () => {
      expect((await req(jinrong, 'GET', `/api/v1/disputes/${disputeId}`)).json().error.code).toBe('OUT_OF_SCOPE');
      expect((await ok(jinrong, 'GET', '/api/v1/disputes')).data.map((d: Json) => d.id)).not.toContain(disputeId);
      expect((await ok(leader, 'GET', `/api/v1/disputes/${disputeId}`)).code).toBe(code);
    });

    let committeeId = '';
    it('transfers to a department, a mediation committee and the court keep the full history', async () => {
      const committees = (await ok(xicha, 'GET', '/api/v1/mediation/committees')).data as Json[];
      expect(committees.map((c) => c.name)).toContain('北京市西城区经济金融纠纷人民调解委员会');
      committeeId = committees.find((c) => c.name === '西长安街街道人民调解委员会')!.id;
      let d = await ok(xicha, 'GET', `/api/v1/disputes/${disputeId}`);
      d = await ok(xicha, 'POST', `/api/v1/disputes/${disputeId}/transfer`, { to: 'department', targetName: '北京市西城区住房和城乡建设委员会', on: '2025-09-16', note: '涉及房屋质量，移交住建部门', version: d.version });
      expect(d).toMatchObject({ status: 'handling', holderKind: 'department', holderName: '北京市西城区住房和城乡建设委员会' });
      d = await ok(xicha, 'POST', `/api/v1/disputes/${disputeId}/transfer`, { to: 'committee', committeeId, on: '2025-09-18', note: '部门处理后仍有赔偿争议，转人民调解', version: d.version });
      expect(d).toMatchObject({ holderKind: 'committee', holderName: '西长安街街道人民调解委员会', committeeId });
      const stale = await req(xicha, 'POST', `/api/v1/disputes/${disputeId}/transfer`, { to: 'court', targetName: '北京市西城区人民法院', on: '2025-09-19', note: 'x', version: 1 });
      expect(stale.json().error.code).toBe('CONFLICT');
      expect((await req(xicha, 'POST', `/api/v1/disputes/${disputeId}/transfer`, { to: 'committee', on: '2025-09-19', note: 'x', version: d.version })).json().error.code).toBe('DISPUTE_TARGET_INVALID');
      d = await ok(xicha, 'POST', `/api/v1/disputes/${disputeId}/transfer`, { to: 'court', targetName: '北京市西城区人民法院', on: '2025-09-19', note: '诉调对接，委派法院特邀调解', version: d.version });
      const transfers = (d.events as Json[]).filter((e) => e.action === 'transfer');
      expect(transfers.map((e) => [e.details.fromHolder, e.details.toHolder])).toEqual([
        ['西长安街司法所', '北京市西城区住房和城乡建设委员会'],
        ['北京市西城区住房和城乡建设委员会', '西长安街街道人民调解委员会'],
        ['西长安街街道人民调解委员会', '北京市西城区人民法院'],
      ]);
      expect((d.events as Json[]).map((e) => e.action)).toEqual(['register', 'intakeMerged', 'transfer', 'transfer', 'transfer']);
      expect(d.intakes).toHaveLength(2);
    });

    it('a transfer to another 司法所 moves the dispute with its history into that street', async () => {
      const depts = (await ok(leader, 'GET', '/api/v1/departments')).data as Json[];
      const sfs06 = depts.find((x) => x.code === 'SFS06')!.id;
      const other = await ok(xicha, 'POST', '/api/v1/disputes', intake({ source: 'screening', matterType: 'consumer', address: '金融大街9号', parties: [{ name: '赵六', idNumber: li, role: 'applicant' }] }));
      const moved = await ok(xicha, 'POST', `/api/v1/disputes/${other.disputeId}/transfer`, { to: 'office', targetDepartmentId: sfs06, on: '2025-09-20', note: '纠纷发生地属金融街街道', version: other.dispute.version });
      expect(moved).toMatchObject({ holderKind: 'office', holderName: '金融街司法所', departmentId: sfs06 });
      const seen = await ok(jinrong, 'GET', `/api/v1/disputes/${other.disputeId}`);
      expect(seen.events.map((e: Json) => e.action)).toEqual(['register', 'transfer']);
      expect((await req(xicha, 'GET', `/api/v1/disputes/${other.disputeId}`)).statusCode).toBe(403);
    });

    it('closure, follow-up and reopening: the whole cycle, with early warning on a reopened dispute', async () => {
      let d = await ok(xicha, 'GET', `/api/v1/disputes/${disputeId}`);
      d = await ok(xicha, 'POST', `/api/v1/disputes/${disputeId}/close`, { on: '2025-09-22', result: 'mediated', note: '经法院特邀调解达成协议', version: d.version });
      expect(d).toMatchObject({ status: 'closed', closedOn: '2025-09-22', closeResult: 'mediated', allowed: ['followUp', 'reopen'] });
      expect((await req(xicha, 'POST', `/api/v1/disputes/${disputeId}/transfer`, { to: 'court', targetName: 'x', on: '2025-09-23', note: 'x', version: d.version })).json().error.code).toBe('DISPUTE_TRANSITION_NOT_ALLOWED');
      expect((await req(xicha, 'POST', `/api/v1/disputes/${disputeId}/follow-up`, { on: '2025-09-21', satisfied: true, note: 'x', version: d.version })).json().error.code).toBe('DISPUTE_DATE_INVALID');
      d = await ok(xicha, 'POST', `/api/v1/disputes/${disputeId}/follow-up`, { on: '2025-09-24', satisfied: false, note: '赔偿款未按期支付', version: d.version });
      expect(d.followedUpOn).toBe('2025-09-24');
      d = await ok(xicha, 'POST', `/api/v1/disputes/${disputeId}/reopen`, { on: '2025-09-25', reason: '回访不满意，协议未履行', version: d.version });
      expect(d).toMatchObject({ status: 'handling', reopenCount: 1, warning: true, closedOn: null });
      expect((await ok(xicha, 'GET', '/api/v1/disputes?warning=1')).data.map((x: Json) => x.id)).toContain(disputeId);
      const stats = await ok(leader, 'GET', '/api/v1/disputes/stats?from=2025-01-01&to=2025-12-31');
      expect(stats.total).toBe(5);
      expect(stats.merged).toBe(1);
      expect(stats.bySource.find((s: Json) => s.source === 'officeVisit').count).toBe(1);
      const xlsx = await req(leader, 'GET', '/api/v1/disputes/stats.xlsx?from=2025-01-01&to=2025-12-31');
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['按来源', '按纠纷类型', '按调解委员会']);
      expect(String(wb.getWorksheet('按来源')!.getRow(1).getCell(1).value)).toContain('纠纷 5 件');
    });

    it('an agreement signed on a given day shows the judicial-confirmation deadline and a reminder before it', async () => {
      const created = await ok(xicha, 'POST', '/api/v1/mediation/cases', {
        committeeId,
        matterType: 'neighbour',
        summary: '楼上装修漏水致楼下损失',
        acceptedOn: '2025-08-25',
        disputeId,
        parties: [
          { name: '张三', idNumber: zhang, role: 'applicant' },
          { name: '李四', idNumber: li, role: 'respondent' },
        ],
      });
      expect(created.caseNo).toBe('西人调〔2025〕1号');
      expect(created.parties[0].idNumber).toMatch(/\*{4}/);
      expect(created.conclusionTarget).toMatchObject({ due: '2025-09-25', unverified: true });
      let c = await ok(xicha, 'POST', `/api/v1/mediation/cases/${created.id}/sessions`, { heldOn: '2025-08-28', note: '听取双方陈述' });
      expect(c.sessions).toHaveLength(1);
      c = await ok(xicha, 'POST', `/api/v1/mediation/cases/${created.id}/agreement`, { form: 'written', terms: '一、李四于十日内赔偿张三人民币伍仟元整；\n二、双方再无其他争议。', effectiveOn: '2025-09-01', version: c.version });
      expect(c.status).toBe('agreed');
      expect(c.confirmationDue).toBe('2025-10-09');
      expect(c.confirmation.due).toBe('2025-10-09');
      expect(c.confirmation.basis).toContain('《中华人民共和国人民调解法》第三十三条第一款');
      const cal = createOfficialCalendar();
      const remindFrom = addPeriod(cal, { from: '2025-10-09', length: t.config.notify.reminderWorkingDays, unit: 'WD', direction: 'before' }).due;
      expect(c.confirmation.remindFrom).toBe(remindFrom);
      expect(remindFrom < '2025-10-09').toBe(true);
      // on the handler's to-do list
      const todo = await ok(xicha, 'GET', '/api/v1/deadlines?module=mediation');
      const row = (todo.data as Json[]).find((x) => x.objectId === created.id)!;
      expect(row).toMatchObject({ ruleId: 'mediation.judicialConfirmationApplication', dueDate: '2025-10-09', startDate: '2025-09-01', status: 'open' });
      expect(c.confirmation.deadlineId).toBe(row.id);
      // the reminder scan: nothing well before the window closes, a due-soon reminder in the days before it
      const sends = () => t.handle.db.selectFrom('notificationSends').select(['sentOn', 'state']).where('deadlineId', '=', row.id).execute();
      await t.services.reminders.runDeadlineReminders('2025-09-15T02:00:00.000Z');
      expect(await sends()).toEqual([]);
      await t.services.reminders.runDeadlineReminders(`${remindFrom}T02:00:00.000Z`);
      expect(await sends()).toEqual([{ sentOn: remindFrom, state: 'dueSoon' }]);
      // the dispute's history shows the mediation
      const d = await ok(xicha, 'GET', `/api/v1/disputes/${disputeId}`);
      expect(d.events.slice(-2).map((e: Json) => e.action)).toEqual(['mediationAccepted', 'mediationConcluded']);
      // the agreement as a .docx
      const docx = await req(xicha, 'GET', `/api/v1/mediation/cases/${created.id}/agreement.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toContain('wordprocessingml');
      expect(String(docx.headers['content-disposition'])).toContain(encodeURIComponent('人民调解协议书'));
      const xml = readZipEntry(docx.rawPayload, 'word/document.xml')!.toString('utf8');
      expect(xml).toContain('人民调解协议书');
      expect(xml).toContain('西人调〔2025〕1号');
      // dates in an official document are written 2025年10月9日 (GB/T 9704 §7.3.5.1), the last day of the window included
      expect(xml).toContain('三十日内（至2025年10月9日）');
      expect(xml).not.toContain('2025-10-09');
      expect(xml).not.toContain(zhang);
      // joint application within the window closes the deadline
      c = await ok(xicha, 'POST', `/api/v1/mediation/cases/${created.id}/judicial-confirmation`, { appliedOn: '2025-09-26', court: '北京市西城区人民法院', version: c.version });
      expect(c.confirmationAppliedOn).toBe('2025-09-26');
      const closed = await t.handle.db.selectFrom('deadlines').select('status').where('id', '=', row.id).executeTakeFirstOrThrow();
      expect(closed.status).toBe('met');
    });

    it('refuses a joint application after the 30-day window, and a case for a committee outside the scope', async () => {
      const c = await ok(xicha, 'POST', '/api/v1/mediation/cases', { committeeId, matterType: 'contract', summary: '租赁押金争议', acceptedOn: '2025-07-20', parties: [{ name: '甲', idNumber: newId(), role: 'applicant' }, { name: '乙', idNumber: newId(), role: 'respondent' }] });
      const a = await ok(xicha, 'POST', `/api/v1/mediation/cases/${c.id}/agreement`, { form: 'oral', terms: '退还押金三千元', effectiveOn: '2025-08-01', version: c.version });
      // 2025-08-01 + 30 = 2025-08-31 (Sunday) → 2025-09-01
      expect(a.confirmationDue).toBe('2025-09-01');
      const late = await req(xicha, 'POST', `/api/v1/mediation/cases/${c.id}/judicial-confirmation`, { appliedOn: '2025-09-20', court: '北京市西城区人民法院', version: a.version });
      expect(late.json().error.code).toBe('MEDIATION_CONFIRMATION_LATE');
      expect((await req(xicha, 'POST', `/api/v1/mediation/cases/${c.id}/failure`, { endedOn: '2025-09-20', reason: 'x', version: a.version })).json().error.code).toBe('MEDIATION_TRANSITION_NOT_ALLOWED');
      const committees = (await ok(jinrong, 'GET', '/api/v1/mediation/committees')).data as Json[];
      expect((await req(jinrong, 'POST', '/api/v1/mediation/cases', { committeeId, matterType: 'contract', summary: 'x', acceptedOn: '2025-09-01', parties: [{ name: '甲', idNumber: newId(), role: 'applicant' }, { name: '乙', idNumber: newId(), role: 'respondent' }] })).json().error.code).toBe('MEDIATION_COMMITTEE_INVALID');
      expect(committees.length).toBeGreaterThanOrEqual(18);
      expect(committees.find((x) => x.id === committeeId)!.inScope).toBe(false);
      const own = await ok(jinrong, 'POST', '/api/v1/mediation/committees', { name: '金融街某社区人民调解委员会', kind: 'community' });
      expect(own).toMatchObject({ kind: 'community', departmentName: '金融街司法所', inScope: true });
      expect((await req(jinrong, 'POST', '/api/v1/mediation/committees', { name: '金融街某社区人民调解委员会', kind: 'community' })).json().error.code).toBe('CONFLICT');
      expect((await req(jinrong, 'GET', `/api/v1/mediation/cases/${c.id}`)).statusCode).toBe(403);
      // mediators and their training
      const m = await ok(xicha, 'POST', '/api/v1/mediation/mediators', { committeeId, name: '周调解', position: '调解员', fullTime: true });
      const trained = await ok(xicha, 'POST', `/api/v1/mediation/mediators/${m.id}/trainings`, { on: '2025-09-10', topic: '金融纠纷调解实务', hours: 6 });
      expect(trained.trainingHours).toBe(6);
    });
  });
}
