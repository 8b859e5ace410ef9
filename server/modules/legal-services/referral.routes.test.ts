import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeIntakeBody } from '../../../common/contracts/dispute';
import { ConsultationBody as ReconConsultationBody } from '../../../common/contracts/reconsideration-insight';
import { createRng, generateIdNumber } from '../../../common/validators';
import type { AuditService } from '../../platform/audit';
import { DEMO_PASSWORD, DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { createDisputeService } from '../dispute';
import { createConsultationService as createReconConsultationService } from '../reconsideration';
import { seedLegalServicesFixture } from './legal-services.fixture';

const P = '/api/v1/legal-services';
const rng = createRng(1234_8);
type Target = 'mediation' | 'reconsideration' | 'notary';

/**
 * The one-click referral of a 12348 record (to mediation, a 行政复议 consultation, a notary office) writes the target
 * record, the link on the 12348 record and the audit entries in one transaction: a failure after the target write
 * leaves nothing behind, and two simultaneous clicks give exactly one target and one link.
 */
describe.each(DIALECTS)('12348 一键转办的原子性与并发 (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  let notaryId: string;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    const roles = new Map((await db.selectFrom('roles').select(['id', 'code']).execute()).map((r) => [r.code, r.id]));
    await seedLegalServicesFixture(t);
    // the referral writes into the dispute register and the reconsideration consultation log: their own permissions
    const headUser = await db.selectFrom('users').select('id').where('username', '=', 'flyz.head').executeTakeFirstOrThrow();
    await db.insertInto('userRoles').values({ userId: headUser.id, roleId: roles.get('officeStaff')! }).execute();
    head = await t.login('flyz.head');
    const notaries = await call<{ data: { id: string }[] }>('GET', '/registers/institutions?kind=notaryOffice');
    notaryId = notaries.body.data[0]!.id;
  }, 180_000);
  afterAll(async () => t?.close());

  const call = async <T>(method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url: `${P}${url}`, headers: head.headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() as T & { error?: { code: string; message: string } } };
  };
  const consultation = async () => {
    const r = await call<{ id: string; recordNo: string }>('POST', '/consultations', { channel: 'phone', callerName: '转办测试来电人', callerMobile: null, group: null, category: 'property', summary: '楼上漏水与邻居协商不成', answer: '可申请人民调解', durationSeconds: 240 });
    expect(r.status).toBe(200);
    return r.body;
  };
  // a fresh address and party each time, so the dispute register never merges one referral into another's dispute
  const bodyFor = (target: Target) => {
    n += 1;
    if (target === 'mediation') return { target, address: `西城区转办测试小区 ${n} 号楼`, matterType: 'neighbour', partyName: `转办当事人${n}` };
    if (target === 'reconsideration') return { target, respondentName: '西城区某行政机关', matterType: 'penalty' };
    return { target, institutionId: notaryId, note: '办理遗嘱公证' };
  };

  /** Everything a referral of record `c` may write: the target rows, the link, the audit entries. */
  const written = async (c: { id: string; recordNo: string }) => {
    const db = t.handle.db;
    const link = await db.selectFrom('legalServiceConsultations').select(['referredTo', 'referralId', 'referralLabel']).where('id', '=', c.id).executeTakeFirstOrThrow();
    const intakes = await db.selectFrom('disputeIntakes').select(['disputeId']).where('sourceRef', '=', `12348 ${c.recordNo}`).execute();
    const disputes = await db.selectFrom('disputes').select(['id']).where('summary', 'like', `%${c.recordNo}%`).execute();
    const recon = await db.selectFrom('reconsiderationConsultations').select(['id']).where('summary', 'like', `%${c.recordNo}%`).execute();
    const targetIds = [...disputes.map((d) => d.id), ...recon.map((r) => r.id)];
    const referAudits = await db.selectFrom('auditLog').select('seq').where('objectId', '=', c.id).where('action', '=', 'legalService.consultation.refer').execute();
    const targetAudits = targetIds.length ? await db.selectFrom('auditLog').select('action').where('objectId', 'in', targetIds).execute() : [];
    return { link, intakes, disputes, recon, referAudits: referAudits.length, targetAudits: targetAudits.map((a) => a.action).sort() };
  };

  const expectOneTarget = async (target: Target, c: { id: string; recordNo: string }, referralId: string) => {
    const w = await written(c);
    expect(w.link).toMatchObject({ referredTo: target, referralId });
    expect(w.link.referralLabel).toBeTruthy();
    expect(w.referAudits).toBe(1);
    if (target === 'mediation') {
      expect(w.intakes).toEqual([{ disputeId: referralId }]);
      expect(w.disputes.map((d) => d.id)).toEqual([referralId]);
      expect(w.recon).toHaveLength(0);
      expect(w.targetAudits).toEqual(['dispute.register']);
    } else if (target === 'reconsideration') {
      expect(w.recon.map((r) => r.id)).toEqual([referralId]);
      expect(w.disputes).toHaveLength(0);
      expect(w.targetAudits).toEqual(['reconsideration.consultation.create']);
    } else {
      expect(referralId).toBe(notaryId);
      expect(w.disputes).toHaveLength(0);
      expect(w.recon).toHaveLength(0);
    }
  };

  it.each<Target>(['mediation', 'reconsideration', 'notary'])('a failure after the %s target is written leaves neither write; the retry completes once', async (target) => {
    const c = await consultation();
    const audit = t.services.audit;
    const original = audit.record;
    const seen: string[] = [];
    // force a failure at the last step of the referral, after the target module has written its record and audit entry
    audit.record = (async (input, trx) => {
      seen.push(input.action);
      if (input.action === 'legalService.consultation.refer') throw new Error('forced failure after the target write');
      return original.call(audit, input, trx);
    }) as AuditService['record'];
    let failed: Awaited<ReturnType<typeof call>>;
    try {
      failed = await call('POST', `/consultations/${c.id}/refer`, bodyFor(target));
    } finally {
      audit.record = original;
    }
    expect(failed.status).toBe(500);
    expect(failed.body.error?.code).toBe('INTERNAL');
    // the target had been written inside the referral's transaction before the failure
    const targetAction = { mediation: 'dispute.register', reconsideration: 'reconsideration.consultation.create', notary: null }[target];
    if (targetAction) expect(seen).toContain(targetAction);
    expect(seen).toContain('legalService.consultation.refer');
    const after = await written(c);
    expect(after).toEqual({ link: { referredTo: null, referralId: null, referralLabel: null }, intakes: [], disputes: [], recon: [], referAudits: 0, targetAudits: [] });

    const retry = await call<{ referralId: string; target: string }>('POST', `/consultations/${c.id}/refer`, bodyFor(target));
    expect(retry.status).toBe(200);
    expect(retry.body.target).toBe(target);
    await expectOneTarget(target, c, retry.body.referralId);
    // and a further click is refused without writing anything
    const again = await call('POST', `/consultations/${c.id}/refer`, bodyFor(target));
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('LEGAL_SERVICE_CONSULTATION_REFERRED');
    await expectOneTarget(target, c, retry.body.referralId);
  });

  it.each<Target>(['mediation', 'reconsideration', 'notary'])('two simultaneous referrals of one record to %s create exactly one target and one link', async (target) => {
    const c = await consultation();
    const body = bodyFor(target);
    const [a, b] = await Promise.all([call<{ referralId: string }>('POST', `/consultations/${c.id}/refer`, body), call<{ referralId: string }>('POST', `/consultations/${c.id}/refer`, body)]);
    const ok = [a, b].filter((r) => r.status === 200);
    const refused = [a, b].filter((r) => r.status !== 200);
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.status).toBe(409);
    expect(refused[0]!.body.error?.code).toBe('LEGAL_SERVICE_CONSULTATION_REFERRED');
    expect(refused[0]!.body.error?.message).toContain('不能再次转办');
    await expectOneTarget(target, c, ok[0]!.body.referralId);
  });

  it('two simultaneous legal-aid applications from one record: one application, one link', async () => {
    const c = await consultation();
    const body = { channel: 'window', applicant: { name: '转办测试来电人', idNumber: generateIdNumber(rng, { regionCode: '110102' }), mobile: null }, group: 'migrantWorker', matter: 'labour', caseSummary: '用人单位拖欠工资', opposingParty: null, means: { basis: 'checked', item: null, monthlyIncomePerCapita: 1800, householdSize: 3, method: 'pledge', proof: null }, sourceConsultationId: c.id };
    const [a, b] = await Promise.all([call<{ id: string }>('POST', '/aid/applications', body), call<{ id: string }>('POST', '/aid/applications', body)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a.body : b.body;
    const apps = await t.handle.db.selectFrom('legalAidApplications').select('id').where('sourceConsultationId', '=', c.id).execute();
    expect(apps.map((x) => x.id)).toEqual([won.id]);
    const w = await written(c);
    expect(w.link).toMatchObject({ referredTo: 'legalAid', referralId: won.id });
  });

  it('two simultaneous referrals of one record to different targets: one wins, the other writes nothing', async () => {
    const c = await consultation();
    const [a, b] = await Promise.all([call<{ referralId: string; target: Target }>('POST', `/consultations/${c.id}/refer`, bodyFor('mediation')), call<{ referralId: string; target: Target }>('POST', `/consultations/${c.id}/refer`, bodyFor('reconsideration'))]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? a.body : b.body;
    await expectOneTarget(won.target, c, won.referralId);
  });

  it("the targets' in-transaction entry points read and write only on the caller's transaction, and roll back with it", async () => {
    const db = t.handle.db;
    const deps = { db, clock: t.clock, audit: t.services.audit, people: t.services.people };
    const recon = createReconConsultationService(deps);
    const disputes = createDisputeService(deps);
    const m = { ip: '127.0.0.1', userAgent: 'vitest', requestId: 'within-test' };
    const { actor } = await t.services.auth.login('flyz.head', DEMO_PASSWORD, m);
    const visitorId = generateIdNumber(rng, { regionCode: '110102' });
    const partyId = generateIdNumber(rng, { regionCode: '110102' });
    const today = t.clock.today();
    const reconBody = ReconConsultationBody.parse({ consultedOn: today, channel: 'phone', visitorName: '事务内来访人', visitorIdNumber: visitorId, matterType: 'penalty', summary: '事务内登记的复议咨询', outcome: 'pending' });
    const intakeBody = DisputeIntakeBody.parse({ source: 'walkIn', receivedOn: today, matterType: 'neighbour', summary: '事务内登记的纠纷', address: '西城区事务测试小区 9 号楼', parties: [{ name: '事务内当事人', idNumber: partyId }] });
    class Rollback extends Error {}
    const ids: string[] = [];
    // on SQLite a read outside `trx` would wait for the transaction's own connection: the test would time out
    const out = await db
      .transaction()
      .execute(async (trx) => {
        const a = await recon.createWithin(trx, actor, reconBody, m);
        // the visitor registered by the first record (on trx, uncommitted) is found on trx by the second
        const b = await recon.createWithin(trx, actor, reconBody, m);
        const rows = await trx.selectFrom('reconsiderationConsultations').select(['id', 'visitorPersonId']).where('id', 'in', [a.id, b.id]).execute();
        expect(rows).toHaveLength(2);
        expect(rows[0]!.visitorPersonId).toBeTruthy();
        expect(rows[1]!.visitorPersonId).toBe(rows[0]!.visitorPersonId);
        const d = await disputes.intakeWithin(trx, actor, intakeBody, m);
        expect(d).toMatchObject({ merged: false });
        expect(d.code).toMatch(/^西纠〔2025〕\d+号$/);
        ids.push(a.id, b.id, d.disputeId, rows[0]!.visitorPersonId!);
        throw new Rollback('roll back');
      })
      .catch((e: unknown) => e);
    expect(out).toBeInstanceOf(Rollback);
    const bidx = [t.services.people.blindIndexOfIdNumber(visitorId), t.services.people.blindIndexOfIdNumber(partyId)];
    expect(await db.selectFrom('people').select('id').where('idNumberBidx', 'in', bidx).execute()).toEqual([]);
    expect(await db.selectFrom('reconsiderationConsultations').select('id').where('id', 'in', ids).execute()).toEqual([]);
    expect(await db.selectFrom('disputes').select('id').where('id', 'in', ids).execute()).toEqual([]);
    expect(await db.selectFrom('auditLog').select('seq').where('objectId', 'in', ids).execute()).toEqual([]);
  }, 20_000);
});
