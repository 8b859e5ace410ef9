// 执法单位联络员 registration (the candidates, each refusal with its code) and the list of 执法监督意见书 (with the order
// they concern, paged, scoped), through the HTTP API on both dialects.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateCreditCode } from '../../../common/validators';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const NOW = '2025-01-01T00:00:00.000Z';

async function seedAgencies(t: TestApp, firm: string) {
  const db = t.handle.db;
  const agency = (code: string, name: string, field: string) => ({ code, name, legalBasis: '《中华人民共和国行政处罚法》第十八条', fields: JSON.stringify([field]), street: null, createdAt: NOW, updatedAt: NOW, version: 1 });
  await db.insertInto('enforcementAgencies').values([agency('L-CGJ', '联络测试城管执法局', 'urban'), agency('L-SCJ', '联络测试市场监管局', 'market')]).execute();
  await db.insertInto('enforcementFirms').values({ creditCode: firm, name: '北京联络测试有限公司', street: '金融街街道', updatedAt: NOW }).execute();
}

/** A user with the given built-in role (none: no role at all), active or disabled. */
async function addUser(t: TestApp, username: string, role: string | null, status = 'active') {
  const db = t.handle.db;
  const root = await db.selectFrom('departments').select('id').where('parentId', 'is', null).executeTakeFirstOrThrow();
  const id = randomUUID();
  await db
    .insertInto('users')
    .values({ id, username, displayName: `${username} 测试`, departmentId: root.id, passwordHash: await hashPassword(DEMO_PASSWORD), passwordChangedAt: NOW, mustChangePassword: 0, failedAttempts: 0, lockedUntil: null, status, idNumberEnc: null, idNumberBidx: null, mobileEnc: null, mobileBidx: null, isDemo: 1, createdAt: NOW, updatedAt: NOW, version: 1 })
    .execute();
  if (role) {
    const r = await db.selectFrom('roles').select('id').where('code', '=', role).executeTakeFirstOrThrow();
    await db.insertInto('userRoles').values({ userId: id, roleId: r.id }).execute();
  }
  return id;
}

describe.each(DIALECTS)('enforcement liaisons and opinion letters (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  let leader: Session;
  let office: Session;
  let liaison: Session;
  let liaisonId = '';
  let otherLiaisonId = '';
  let disabledId = '';
  let plainId = '';
  const firm = generateCreditCode(createRng(9090));
  const req = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: unknown) => t.app.inject({ method, url: `/api/v1/enforcement${url}`, ...(payload !== undefined ? { payload: payload as object } : {}), headers: s ? s.headers : {} });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedAgencies(t, firm);
    head = await t.login('zfjd.head');
    leader = await t.login('leader');
    office = await t.login('sfs.jinrong');
    liaisonId = await addUser(t, 'lx.cgj', 'agencyLiaison');
    otherLiaisonId = await addUser(t, 'lx.scj', 'agencyLiaison');
    disabledId = await addUser(t, 'lx.off', 'agencyLiaison', 'disabled');
    plainId = await addUser(t, 'lx.plain', 'handler');
    liaison = await t.login('lx.cgj');
  }, 60_000);
  afterAll(async () => t?.close());

  it('guards the liaison routes: 401, 403 without the permission, OUT_OF_SCOPE outside the district', async () => {
    expect((await req(null, 'GET', '/liaisons')).statusCode).toBe(401);
    expect((await req(null, 'GET', '/liaisons/candidates')).statusCode).toBe(401);
    expect((await req(liaison, 'GET', '/liaisons')).statusCode).toBe(403);
    expect((await req(leader, 'GET', '/liaisons/candidates')).statusCode).toBe(403);
    expect((await req(leader, 'POST', '/liaisons', { userId: liaisonId, agencyCode: 'L-CGJ' })).statusCode).toBe(403);
    const street = await req(office, 'GET', '/liaisons');
    expect(street.statusCode).toBe(403);
    expect(street.json().error.code).toBe('OUT_OF_SCOPE');
    // the district's reader sees the registrations
    expect((await req(leader, 'GET', '/liaisons')).statusCode).toBe(200);
  });

  it('offers active accounts that report rectification, with the agencies they already speak for', async () => {
    const res = await req(head, 'GET', '/liaisons/candidates');
    expect(res.statusCode, res.body).toBe(200);
    const names = (res.json().data as { username: string }[]).map((c) => c.username);
    expect(names).toEqual(expect.arrayContaining(['lx.cgj', 'lx.scj']));
    expect(names).not.toContain('lx.off');
    expect(names).not.toContain('lx.plain');
    expect(names).not.toContain('zfjd.head');
  });

  it('registers a liaison (audited, listed with the agency name) and refuses each bad request with its code', async () => {
    const ok = await req(head, 'POST', '/liaisons', { userId: liaisonId, agencyCode: 'L-CGJ' });
    expect(ok.statusCode, ok.body).toBe(200);
    const list = (await req(head, 'GET', '/liaisons')).json().data;
    expect(list).toEqual([expect.objectContaining({ userId: liaisonId, username: 'lx.cgj', agencyCode: 'L-CGJ', agencyName: '联络测试城管执法局', active: true, canReport: true })]);
    const cand = (await req(head, 'GET', '/liaisons/candidates')).json().data.find((c: { userId: string }) => c.userId === liaisonId);
    expect(cand.agencyCodes).toEqual(['L-CGJ']);
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', `${liaisonId}:L-CGJ`).execute();
    expect(audit.map((a) => a.action)).toEqual(['enforcement.liaison.add']);

    const dup = await req(head, 'POST', '/liaisons', { userId: liaisonId, agencyCode: 'L-CGJ' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'ENF_RECORD_EXISTS', message: '该账户已登记为该执法主体的联络员' });
    const unknownAgency = await req(head, 'POST', '/liaisons', { userId: otherLiaisonId, agencyCode: 'NOPE' });
    expect(unknownAgency.json().error.code).toBe('ENF_AGENCY_UNKNOWN');
    const unknownUser = await req(head, 'POST', '/liaisons', { userId: randomUUID(), agencyCode: 'L-SCJ' });
    expect(unknownUser.statusCode).toBe(404);
    expect(unknownUser.json().error.code).toBe('NOT_FOUND');
    const disabled = await req(head, 'POST', '/liaisons', { userId: disabledId, agencyCode: 'L-SCJ' });
    expect(disabled.statusCode).toBe(422);
    expect(disabled.json().error).toMatchObject({ code: 'ENF_LIAISON_ACCOUNT_INVALID', details: { reason: 'liaisonAccountDisabled' } });
    const noRole = await req(head, 'POST', '/liaisons', { userId: plainId, agencyCode: 'L-SCJ' });
    expect(noRole.statusCode).toBe(422);
    expect(noRole.json().error).toMatchObject({ code: 'ENF_LIAISON_ACCOUNT_INVALID', details: { reason: 'liaisonRoleMissing' } });
    expect(noRole.json().error.message).toContain('执法单位联络员');
    expect((await req(head, 'POST', '/liaisons', { userId: '', agencyCode: 'L-SCJ' })).statusCode).toBe(400);
    // nothing was written by the refusals
    expect((await req(head, 'GET', '/liaisons')).json().data).toHaveLength(1);
    expect(await t.handle.db.selectFrom('auditLog').select('seq').where('action', '=', 'enforcement.liaison.add').execute()).toHaveLength(1);
  });

  it('removes a registration (audited) once; a second removal is NOT_FOUND', async () => {
    expect((await req(head, 'POST', '/liaisons', { userId: otherLiaisonId, agencyCode: 'L-SCJ' })).statusCode).toBe(200);
    const rm = await req(head, 'POST', '/liaisons/remove', { userId: otherLiaisonId, agencyCode: 'L-SCJ' });
    expect(rm.statusCode, rm.body).toBe(200);
    const again = await req(head, 'POST', '/liaisons/remove', { userId: otherLiaisonId, agencyCode: 'L-SCJ' });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('NOT_FOUND');
    expect((await req(head, 'GET', '/liaisons')).json().data.map((l: { userId: string }) => l.userId)).toEqual([liaisonId]);
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', `${otherLiaisonId}:L-SCJ`).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['enforcement.liaison.add', 'enforcement.liaison.remove']);
  });

  it('lists opinion letters with the order they concern, paged, newest first, and scoped to the liaison\'s agency', async () => {
    expect((await req(head, 'GET', '/opinions')).json()).toEqual({ data: [], total: 0 });
    const letters: { orderNo: string; opinionNo: string }[] = [];
    for (const [agency, title] of [['L-CGJ', '严重：以罚代管'], ['L-SCJ', '严重：检查未出示证件'], ['L-CGJ', '严重：重复检查']] as const) {
      const clue = (await req(head, 'POST', '/clues', { source: 'manual', agencyCode: agency, title, severity: 'serious' })).json();
      const order = (await req(head, 'POST', '/orders', { clueId: clue.id, requirement: '全面自查', version: clue.version })).json();
      const op = await req(head, 'POST', '/opinions', { orderId: order.id, facts: '经查属实', opinion: '责令纠正' });
      expect(op.statusCode, op.body).toBe(200);
      expect(op.json()).toMatchObject({ orderId: order.id, orderNo: order.orderNo, orderTitle: title, agencyName: agency === 'L-CGJ' ? '联络测试城管执法局' : '联络测试市场监管局' });
      letters.push({ orderNo: order.orderNo, opinionNo: op.json().opinionNo });
    }
    const all = (await req(head, 'GET', '/opinions')).json();
    expect(all.total).toBe(3);
    expect(all.data.map((o: { opinionNo: string }) => o.opinionNo)).toEqual([...letters].reverse().map((l) => l.opinionNo));
    const page2 = (await req(head, 'GET', '/opinions?page=2&pageSize=2')).json();
    expect(page2).toMatchObject({ total: 3, data: [{ opinionNo: letters[0]!.opinionNo, orderNo: letters[0]!.orderNo }] });
    expect((await req(head, 'GET', '/opinions?agencyCode=L-SCJ')).json().total).toBe(1);
    // the liaison of L-CGJ sees the two letters to its agency only
    const mine = (await req(liaison, 'GET', '/opinions')).json();
    expect(mine.total).toBe(2);
    expect(new Set(mine.data.map((o: { agencyCode: string }) => o.agencyCode))).toEqual(new Set(['L-CGJ']));
    expect((await req(head, 'GET', '/opinions?pageSize=500')).statusCode).toBe(400);
  });
});
