/**
 * 执行地变更 hand-over (《中华人民共和国社区矫正法》第二十七条第二款): the move to another 司法所 of the district (移交中
 * until accepted, staff and open register entries move, history kept, scope after the move), the transfer out of the
 * district (closed as 已移交, open register entries cancelled with the reason) and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;
const rng = createRng(2727);
const BASE = '/api/v1/corrections/subjects';

for (const dialect of DIALECTS) {
  describe(`社区矫正 执行地变更 [${dialect}]`, () => {
    let t: TestApp;
    let xicha: Session;
    let jinrong: Session;
    let leader: Session;
    let colleague: Session;
    const colleagueId = randomUUID();
    let xichaId = '';
    let jinrongId = '';
    let xichaDept = '';
    let jinrongDept = '';
    const req = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), headers: s.headers });
    const ok = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      const res = await req(s, method, url, payload);
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json() as Json;
    };
    const code = async (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => (await req(s, method, url, payload)).json().error?.code as string | undefined;
    const deadlinesOf = (id: string) => t.handle.db.selectFrom('deadlines').select(['id', 'ruleId', 'status', 'departmentId', 'assigneeId']).where('objectId', '=', id).orderBy('ruleId').execute();

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const users = await t.handle.db.selectFrom('users').select(['id', 'username', 'departmentId']).where('username', 'in', ['sfs.xicha', 'sfs.jinrong']).execute();
      const u = (n: string) => users.find((x) => x.username === n)!;
      [xichaId, xichaDept, jinrongId, jinrongDept] = [u('sfs.xicha').id, u('sfs.xicha').departmentId, u('sfs.jinrong').id, u('sfs.jinrong').departmentId];
      // a worker of the same 司法所 who is not named on the records
      const role = await t.handle.db.selectFrom('roles').select('id').where('code', '=', 'officeStaff').executeTakeFirstOrThrow();
      const now = t.clock.nowIso();
      await t.handle.db.insertInto('users').values({ id: colleagueId, username: 'sfs.xicha3', displayName: '同所同事', departmentId: xichaDept, passwordHash: await hashPassword(DEMO_PASSWORD), passwordChangedAt: null, mustChangePassword: 0, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: null, mobileBidx: null, isDemo: 1, createdAt: now, updatedAt: now, version: 1 }).execute();
      await t.handle.db.insertInto('userRoles').values({ userId: colleagueId, roleId: role.id }).execute();
      [xicha, jinrong, leader, colleague] = [await t.login('sfs.xicha'), await t.login('sfs.jinrong'), await t.login('leader'), await t.login('sfs.xicha3')];
    });
    afterAll(async () => t?.close());

    /** A subject of the 西长 司法所 who reported on time and is under electronic monitoring (C5 open). */
    async function inCorrection(name: string): Promise<Json> {
      const s = await ok(xicha, 'POST', BASE, { name, idNumber: generateIdNumber(rng, { regionCode: '110102' }), sentenceType: 'probation', crime: '危险驾驶罪', decidingOrgan: '北京市西城区人民法院', judgmentEffectiveOn: '2025-09-10', termStart: '2025-09-10', termEnd: '2026-03-09', staffIds: [xichaId] });
      const r = await ok(xicha, 'POST', `${BASE}/${s.id}/report`, { reportedOn: '2025-09-12', version: s.version });
      return ok(xicha, 'POST', `${BASE}/${r.id}/records`, { kind: 'monitoring', on: '2025-09-15', note: '经批准使用电子定位装置' });
    }
    async function approvedTransfer(id: string, target: Json): Promise<{ detail: Json; recordId: string }> {
      const d = await ok(xicha, 'POST', `${BASE}/${id}/records`, { kind: 'transfer', on: '2025-09-20', destination: '迁居', note: '因迁居申请变更执行地', ...target });
      const recordId = (d.records as Json[]).find((x) => x.kind === 'transfer' && x.status === 'pending')!.id as string;
      const detail = await ok(xicha, 'POST', `${BASE}/${id}/records/${recordId}/decision`, { approved: true, on: '2025-09-21', note: '同意变更执行地' });
      return { detail, recordId };
    }

    it('refuses the bad cases with stable codes: same 司法所, no approved request, not in correction, outside the named staff', async () => {
      const s = await inCorrection('郑某');
      // the target 司法所 equals the current one (at the request already)
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/records`, { kind: 'transfer', on: '2025-09-20', destination: '本街道', note: 'x', scope: 'inDistrict', targetDepartmentId: xichaDept })).toBe('CORRECTIONS_TRANSFER_SAME_OFFICE');
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/records`, { kind: 'transfer', on: '2025-09-20', destination: '外省', note: 'x', scope: 'outOfDistrict' })).toBe('CORRECTIONS_TRANSFER_TARGET_INVALID');
      // a pending (not approved) request cannot be executed
      const d = await ok(xicha, 'POST', `${BASE}/${s.id}/records`, { kind: 'transfer', on: '2025-09-20', destination: '金融街', note: '迁居', scope: 'inDistrict', targetDepartmentId: jinrongDept });
      const pending = (d.records as Json[]).find((x) => x.kind === 'transfer')!.id as string;
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId: pending, on: '2025-09-22', version: d.version })).toBe('CORRECTIONS_TRANSFER_NOT_APPROVED');
      // a denied one neither
      const denied = await ok(xicha, 'POST', `${BASE}/${s.id}/records/${pending}/decision`, { approved: false, on: '2025-09-21', note: '理由不充分' });
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId: pending, on: '2025-09-22', version: denied.version })).toBe('CORRECTIONS_TRANSFER_NOT_APPROVED');
      // a subject who has not reported is not in correction
      const waiting = await ok(xicha, 'POST', BASE, { name: '冯某', idNumber: generateIdNumber(rng, { regionCode: '110102' }), sentenceType: 'control', crime: '寻衅滋事罪', decidingOrgan: '北京市西城区人民法院', judgmentEffectiveOn: '2025-09-24', termStart: '2025-09-24', termEnd: '2026-09-23', staffIds: [xichaId] });
      expect(await code(xicha, 'POST', `${BASE}/${waiting.id}/transfer`, { recordId: pending, on: '2025-09-25', version: waiting.version })).toBe('CORRECTIONS_NOT_IN_CORRECTION');
      // outside the named staff: the bureau's supervisor (oversight reads, never writes) and another 司法所; both audited
      const { detail, recordId } = await approvedTransfer(s.id, { scope: 'inDistrict', targetDepartmentId: jinrongDept });
      expect(await code(colleague, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: detail.version })).toBe('CORRECTIONS_NOT_NAMED_STAFF');
      expect(await code(leader, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: detail.version })).toBe('FORBIDDEN');
      expect(await code(jinrong, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: detail.version })).toBe('OUT_OF_SCOPE');
      const refusals = await t.handle.db.selectFrom('auditLog').select(['action', 'actorId']).where('objectId', '=', s.id).where('outcome', '=', 'denied').execute();
      expect(refusals).toContainEqual({ action: 'corrections.subject.write', actorId: colleagueId });
      expect(refusals).toContainEqual({ action: 'corrections.subject.write', actorId: jinrongId });
      // the receiving 司法所 cannot accept before the hand-over was executed
      expect(await code(jinrong, 'POST', `${BASE}/${s.id}/transfer/accept`, { on: '2025-09-23', staffIds: [jinrongId], version: detail.version })).toBe('CORRECTIONS_TRANSFER_NOT_PENDING');
      // nothing half-written: still with the 西长 司法所, no hand-over recorded
      const row = await t.handle.db.selectFrom('correctionSubjects').select(['departmentId', 'transferToDepartmentId', 'status']).where('id', '=', s.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ departmentId: xichaDept, transferToDepartmentId: null, status: 'inCorrection' });
      expect(await t.handle.db.selectFrom('correctionTransfers').select('id').where('subjectId', '=', s.id).execute()).toEqual([]);
    });

    it('in the district: 移交中 for both 司法所 until accepted; then staff, scope and open deadlines move, the history stays', async () => {
      const s = await inCorrection('陈某');
      const open = (await deadlinesOf(s.id)).filter((d) => d.status === 'open');
      expect(open.map((d) => d.ruleId).sort()).toEqual(['corrections.electronicMonitoring', 'corrections.notifyCorrectionBody', 'corrections.serveDocuments', 'corrections.termEnd']);
      // the period of the report at the new place is the bureau's setting (the 实施办法 is 待核实 in law-rules.md §9)
      expect(await ok(xicha, 'GET', '/api/v1/corrections/settings')).toMatchObject({ transferReportDays: 7, unverified: true });
      expect(await code(xicha, 'PUT', '/api/v1/corrections/settings', { transferReportDays: 5 })).toBe('FORBIDDEN');
      expect(await code(leader, 'PUT', '/api/v1/corrections/settings', { transferReportDays: 31 })).toBe('VALIDATION_FAILED');
      expect(await ok(leader, 'PUT', '/api/v1/corrections/settings', { transferReportDays: 5 })).toMatchObject({ transferReportDays: 5, unverified: true, citation: expect.stringContaining('社区矫正法实施办法') });
      const setAudit = await t.handle.db.selectFrom('auditLog').select(['diff']).where('action', '=', 'corrections.settings.update').executeTakeFirstOrThrow();
      expect(JSON.parse(setAudit.diff!)).toMatchObject({ before: { transferReportDays: 7 }, after: { transferReportDays: 5 } });
      const { detail, recordId } = await approvedTransfer(s.id, { scope: 'inDistrict', targetDepartmentId: jinrongDept });
      const moving = await ok(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: detail.version });
      expect(moving).toMatchObject({ status: 'inCorrection', departmentId: xichaDept, transfer: { toDepartmentId: jinrongDept, incoming: false } });
      // from the decision (2025-09-21) + 5 days, on the receiving 司法所's register, marked 待核实 on the record
      expect(moving.clocks.find((c: Json) => c.title === '执行地变更后到新执行地报到期限')).toMatchObject({ startDate: '2025-09-21', due: '2025-09-26', status: 'open', unverified: true });
      expect((await deadlinesOf(s.id)).find((d) => d.ruleId === 'corrections.transferReport@5')).toMatchObject({ status: 'open', departmentId: jinrongDept });
      // the same request cannot be executed twice, nor the staff changed while 移交中
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: moving.version })).toBe('CORRECTIONS_TRANSITION_NOT_ALLOWED');
      expect(await code(xicha, 'PUT', `${BASE}/${s.id}/staff`, { staffIds: [xichaId], version: moving.version })).toBe('CORRECTIONS_TRANSITION_NOT_ALLOWED');
      // both see it as 移交中 on their ledgers; the receiving side cannot open the record before accepting
      const mine = (await ok(xicha, 'GET', BASE)).data.find((x: Json) => x.id === s.id);
      expect(mine.transfer).toMatchObject({ toDepartmentId: jinrongDept, incoming: false });
      const theirs = (await ok(jinrong, 'GET', BASE)).data.find((x: Json) => x.id === s.id);
      expect(theirs.transfer).toMatchObject({ toDepartmentId: jinrongDept, incoming: true });
      expect(await code(jinrong, 'GET', `${BASE}/${s.id}`)).toBe('OUT_OF_SCOPE');
      // the sending 司法所 cannot accept for the receiving one; the staff must belong to the receiving 司法所
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/transfer/accept`, { on: '2025-09-23', staffIds: [xichaId], version: moving.version })).toBe('OUT_OF_SCOPE');
      expect(await code(jinrong, 'POST', `${BASE}/${s.id}/transfer/accept`, { on: '2025-09-23', staffIds: [xichaId], version: moving.version })).toBe('CORRECTIONS_STAFF_INVALID');
      expect((await deadlinesOf(s.id)).filter((d) => d.status === 'open' && !d.ruleId.startsWith('corrections.transferReport')).every((d) => d.departmentId === xichaDept && d.assigneeId === xichaId)).toBe(true);

      const accepted = await ok(jinrong, 'POST', `${BASE}/${s.id}/transfer/accept`, { on: '2025-09-23', staffIds: [jinrongId], version: moving.version });
      expect(accepted).toMatchObject({ departmentId: jinrongDept, transfer: null, mine: true, status: 'inCorrection' });
      // the open register entries moved to the new 司法所 and its named staff (closed ones stay as they were)
      const after = await deadlinesOf(s.id);
      expect(after.filter((d) => d.status === 'open').map((d) => [d.ruleId, d.departmentId, d.assigneeId])).toEqual(open.map((d) => [d.ruleId, jinrongDept, jinrongId]).sort());
      expect(after.filter((d) => d.status !== 'open' && !d.ruleId.startsWith('corrections.transferReport')).every((d) => d.departmentId === xichaDept)).toBe(true);
      // the report at the new place (the bureau's setting, 待核实) is met on acceptance
      expect(after.find((d) => d.ruleId === 'corrections.transferReport@5')).toMatchObject({ status: 'met', departmentId: jinrongDept });
      const theirTodo = await ok(jinrong, 'GET', '/api/v1/deadlines?module=corrections&pageSize=100');
      expect((theirTodo.data as Json[]).filter((d) => d.objectId === s.id)).toHaveLength(open.length);
      const oldTodo = await ok(xicha, 'GET', '/api/v1/deadlines?module=corrections&pageSize=100');
      expect((oldTodo.data as Json[]).filter((d) => d.objectId === s.id)).toHaveLength(0);

      // scope after the move: the new 司法所 opens the record, the old one no longer lists or opens it …
      expect((await ok(jinrong, 'GET', `${BASE}/${s.id}`)).staff).toEqual([{ userId: jinrongId, name: expect.any(String) }]);
      expect((await ok(xicha, 'GET', BASE)).data.map((x: Json) => x.id)).not.toContain(s.id);
      expect(await code(xicha, 'GET', `${BASE}/${s.id}`)).toBe('OUT_OF_SCOPE');
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/records`, { kind: 'interview', on: '2025-09-24', note: 'x' })).toBe('OUT_OF_SCOPE');
      // … except the history: who had the subject when, for both sides and the bureau
      for (const who of [xicha, jinrong, leader]) {
        const h = await ok(who, 'GET', `/api/v1/corrections/transfers?subjectId=${s.id}`);
        expect(h.data).toHaveLength(1);
        expect(h.data[0]).toMatchObject({ scope: 'inDistrict', status: 'accepted', fromDepartmentId: xichaDept, fromStaff: [{ userId: xichaId }], toDepartmentId: jinrongDept, toStaff: [{ userId: jinrongId }], startedOn: '2025-09-22', completedOn: '2025-09-23', deadlinesMoved: open.length, citation: '《中华人民共和国社区矫正法》第二十七条第二款' });
      }
      // each step in the audit log
      const steps = await t.handle.db.selectFrom('auditLog').select(['action', 'actorId']).where('objectId', '=', s.id).where('outcome', '=', 'success').where('action', 'in', ['corrections.subject.record', 'corrections.subject.transfer', 'corrections.subject.transferAccept']).orderBy('seq').execute();
      expect(steps.slice(-2)).toEqual([
        { action: 'corrections.subject.transfer', actorId: xichaId },
        { action: 'corrections.subject.transferAccept', actorId: jinrongId },
      ]);
    });

    it('a hand-over not yet accepted can be withdrawn by the named staff (reason kept); the receiving 司法所 then cannot accept', async () => {
      const s = await inCorrection('卫某');
      const { detail, recordId } = await approvedTransfer(s.id, { scope: 'inDistrict', targetDepartmentId: jinrongDept });
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/transfer/withdraw`, { note: '无', version: detail.version })).toBe('CORRECTIONS_TRANSFER_NOT_PENDING');
      const moving = await ok(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: detail.version });
      expect(await code(jinrong, 'POST', `${BASE}/${s.id}/transfer/withdraw`, { note: '迁居未成', version: moving.version })).toBe('OUT_OF_SCOPE');
      const back = await ok(xicha, 'POST', `${BASE}/${s.id}/transfer/withdraw`, { note: '迁居未成', version: moving.version });
      expect(back).toMatchObject({ departmentId: xichaDept, transfer: null, status: 'inCorrection' });
      expect(back.clocks.find((c: Json) => c.title === '执行地变更后到新执行地报到期限')).toMatchObject({ status: 'cancelled' });
      expect(await code(jinrong, 'POST', `${BASE}/${s.id}/transfer/accept`, { on: '2025-09-23', staffIds: [jinrongId], version: back.version })).toBe('CORRECTIONS_TRANSFER_NOT_PENDING');
      expect((await ok(jinrong, 'GET', BASE)).data.map((x: Json) => x.id)).not.toContain(s.id);
      const h = await ok(xicha, 'GET', `/api/v1/corrections/transfers?subjectId=${s.id}`);
      expect(h.data).toEqual([expect.objectContaining({ status: 'withdrawn', toDepartmentId: jinrongDept, completedOn: '2025-09-26' })]);
      // the approved request was used: a new request is needed for another hand-over
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-24', version: back.version })).toBe('CORRECTIONS_TRANSFER_NOT_APPROVED');
    });

    it('out of the district: closed here as 已移交（执行地变更） with the receiving organ, open deadlines cancelled with the reason', async () => {
      const s = await inCorrection('褚某');
      const open = (await deadlinesOf(s.id)).filter((d) => d.status === 'open');
      expect(open.length).toBe(4);
      const organ = '河北省保定市竞秀区司法局社区矫正机构';
      const { detail, recordId } = await approvedTransfer(s.id, { scope: 'outOfDistrict', receivingOrgan: organ });
      const closed = await ok(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: detail.version });
      expect(closed).toMatchObject({ status: 'transferred', receivingOrgan: organ, releasedOn: '2025-09-22', departmentId: xichaDept, transfer: null, daysToTermEnd: null });
      const after = await deadlinesOf(s.id);
      expect(after.filter((d) => open.some((o) => o.id === d.id)).map((d) => d.status)).toEqual(open.map(() => 'cancelled'));
      const journal = await t.handle.db.selectFrom('deadlineJournal').select(['deadlineId', 'reason', 'newDue']).where('deadlineId', 'in', open.map((d) => d.id)).execute();
      expect(journal).toHaveLength(open.length);
      for (const j of journal) expect(j).toMatchObject({ newDue: null, reason: expect.stringContaining(`接收机关：${organ}`) });
      expect(journal[0]!.reason).toContain('第二十七条第二款');
      // nothing more can be done here; the history records the receiving organ
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/records`, { kind: 'interview', on: '2025-09-24', note: 'x' })).toBe('CORRECTIONS_TRANSITION_NOT_ALLOWED');
      expect(await code(xicha, 'POST', `${BASE}/${s.id}/transfer`, { recordId, on: '2025-09-22', version: closed.version })).toBe('CORRECTIONS_NOT_IN_CORRECTION');
      const h = await ok(xicha, 'GET', `/api/v1/corrections/transfers?subjectId=${s.id}`);
      expect(h.data).toEqual([expect.objectContaining({ scope: 'outOfDistrict', status: 'transferredOut', receivingOrgan: organ, toDepartmentId: null, deadlinesMoved: 4, completedOn: '2025-09-22' })]);
      expect((await ok(jinrong, 'GET', `/api/v1/corrections/transfers?subjectId=${s.id}`)).data).toEqual([]);
      const audit = await t.handle.db.selectFrom('auditLog').select(['diff']).where('objectId', '=', s.id).where('action', '=', 'corrections.subject.transfer').executeTakeFirstOrThrow();
      expect(JSON.parse(audit.diff!).after).toMatchObject({ status: 'transferred', transfer: 'outOfDistrict', receivingOrgan: organ, deadlinesCancelled: 4 });
    });
  });
}
