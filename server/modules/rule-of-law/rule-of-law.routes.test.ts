import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Inspection, Ranking, RuleOfLawYearSummaryT, Scheme, Training } from '../../../common/contracts/rule-of-law';
import type { z } from 'zod';
import { BUILTIN_ROLES } from '../../db/seeds/bootstrap';
import { seedRuleOfLawHistory } from '../../db/seeds/demo-rule-of-law';
import { hashPassword } from '../../platform/identity';
import { DEMO_PASSWORD, DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type E = { error?: { code: string; details?: unknown } };
const P = '/api/v1/rule-of-law';

describe.each(DIALECTS)('法治建设工作记录 (%s)', (dialect) => {
  let t: TestApp;
  let leader: Session;
  let staff: Session; // 依法治区工作人员, district-wide
  let xicha: Session; // 西长安街司法所
  let jinrong: Session; // 金融街司法所
  const dept = new Map<string, string>();
  const YEAR = 2025; // the test clock: 2025-09-26

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.handle.db;
    for (const d of await db.selectFrom('departments').select(['id', 'code']).execute()) dept.set(d.code, d.id);
    const departments = new Map((await db.selectFrom('departments').select(['id', 'code', 'name']).execute()).map((d) => [d.code, { id: d.id, name: d.name }]));
    const leaderRow = await db.selectFrom('users').select(['id', 'displayName']).where('username', '=', 'leader').executeTakeFirstOrThrow();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.transaction().execute(async (trx) => seedRuleOfLawHistory({ db: trx, today: t.clock.today(), nowIso: t.clock.nowIso(), cipher: t.services.cipher, passwordHash, departments, rootId: dept.get('XCSFJ')!, creator: leaderRow.id, leaderName: leaderRow.displayName }));
    leader = await t.login('leader');
    staff = await t.login('fzjs.staff');
    xicha = await t.login('sfs.xicha');
    jinrong = await t.login('sfs.jinrong');
  }, 120_000);
  afterAll(async () => t?.close());

  const get = async <T>(s: Session, url: string) => {
    const res = await t.app.inject({ method: 'GET', url: `${P}${url}`, headers: s.headers });
    return { status: res.statusCode, body: res.json() as T & E };
  };
  const post = async <T>(s: Session, url: string, payload: unknown) => {
    const res = await t.app.inject({ method: 'POST', url: `${P}${url}`, headers: s.headers, payload: payload as object });
    return { status: res.statusCode, body: res.json() as T & E };
  };
  const summary = async (s: Session, year = YEAR) => (await get<RuleOfLawYearSummaryT>(s, `/summary?year=${year}`)).body;

  it('the three administrator roles hold no rule-of-law permission; the administrators are refused', async () => {
    for (const r of BUILTIN_ROLES.filter((x) => x.duty)) expect(r.permissions.some((p) => p.startsWith('ruleOfLaw.'))).toBe(false);
    for (const u of ['sysadmin', 'secadmin', 'auditadmin']) {
      const s = await t.login(u);
      expect((await get(s, `/summary?year=${YEAR}`)).status).toBe(403);
      expect((await get(s, '/trainings')).status).toBe(403);
    }
  });

  it('the year summary equals what the records say (bureau scope)', async () => {
    const s = await summary(leader);
    const db = t.handle.db;
    const [from, to] = [`${YEAR}-01-01`, `${YEAR}-12-31`];
    const n = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
    expect(s.scope).toBe('全区');
    expect(s.trainings.sessions).toBe(await n(db.selectFrom('rolTrainings').where('heldOn', '>=', from).where('heldOn', '<=', to).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()));
    expect(s.trainings.sessions).toBeGreaterThan(0);
    const att = await db.selectFrom('rolTrainingAttendance as a').innerJoin('rolTrainings as t', 't.id', 'a.trainingId').where('t.heldOn', '>=', from).where('t.heldOn', '<=', to).select(['a.hours']).execute();
    expect(s.trainings.attendances).toBe(att.length);
    expect(s.trainings.hours).toBeCloseTo(att.reduce((a, r) => a + Number(r.hours), 0), 5);
    const byUnit = (await get<{ data: { attendances: number; hours: number }[] }>(leader, `/trainings/by-unit?year=${YEAR}`)).body.data;
    expect(byUnit.reduce((a, u) => a + u.attendances, 0)).toBe(s.trainings.attendances);
    expect(byUnit.reduce((a, u) => a + u.hours, 0)).toBeCloseTo(s.trainings.hours, 5);
    const study = await db.selectFrom('rolStudySessions').select(['kind']).where('heldOn', '>=', from).where('heldOn', '<=', to).execute();
    expect(s.leadershipStudySessions.sessions).toBe(study.length);
    expect(s.leadershipStudySessions.preMeeting).toBe(study.filter((x) => x.kind === 'preMeeting').length);
    expect(s.leadershipStudySessions.list).toHaveLength(study.length);
    expect(s.lawReportings.count).toBe(await n(db.selectFrom('rolLawReportings').where('year', '=', YEAR).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()));
    const fs = await db.selectFrom('rolFindings as f').innerJoin('rolInspections as i', 'i.id', 'f.inspectionId').where('i.inspectedOn', '>=', from).where('i.inspectedOn', '<=', to).select(['f.status', 'f.internalControl']).execute();
    expect(s.inspections.findings).toBe(fs.length);
    expect(s.inspections.internalControlFindings).toBe(fs.filter((f) => Number(f.internalControl) === 1).length);
    const done = fs.filter((f) => f.status !== 'open').length;
    expect(s.inspections.rectificationRate).toBeCloseTo(Math.round((done / fs.length) * 10000) / 100, 2);
    const ev = await db.selectFrom('rolPublicityEvents').select(['audience']).where('heldOn', '>=', from).where('heldOn', '<=', to).execute();
    expect(s.publicity.events).toBe(ev.length);
    expect(s.publicity.audienceReached).toBe(ev.reduce((a, e) => a + Number(e.audience), 0));
    expect(s.publicity.plan?.name).toBe('八五普法');
    expect(s.publicity.plan?.verified).toBe(false);
    expect(s.assessment.units).toBe(23); // 8 sections and centres + 15 司法所, all scored in the seed
    // the lists agree with the summary
    expect((await get<{ total: number }>(leader, `/trainings?year=${YEAR}`)).body.total).toBe(s.trainings.sessions);
    expect((await get<{ total: number }>(leader, `/events?year=${YEAR}`)).body.total).toBe(s.publicity.events);
    expect((await get<{ total: number }>(leader, `/law-reportings?year=${YEAR}`)).body.total).toBe(s.lawReportings.count);
    expect(s.basis.some((b) => !b.verified)).toBe(true);
  });

  it('a 司法所 sees its own records only; another 所 is refused', async () => {
    const mine = await summary(xicha);
    expect(mine.scope).toBe('西长安街司法所');
    const all = await summary(leader);
    expect(mine.publicity.events).toBeLessThan(all.publicity.events);
    const events = await get<{ data: { departmentId: string }[] }>(xicha, `/events?year=${YEAR}&pageSize=200`);
    expect(events.body.data.length).toBe(mine.publicity.events);
    expect(events.body.data.every((e) => e.departmentId === dept.get('SFS01'))).toBe(true);
    // the 金融街 inspection is outside 西长安街's scope
    const jr = await get<{ data: { id: string }[] }>(jinrong, `/inspections?year=${YEAR}`);
    expect(jr.body.data.length).toBeGreaterThan(0);
    const refused = await get(xicha, `/inspections/${jr.body.data[0]!.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('OUT_OF_SCOPE');
    // a bureau training attended by 西长安街 staff is visible to the 所, with its own attendees only
    const trainings = await get<{ data: z.infer<typeof Training>[] }>(xicha, `/trainings?year=${YEAR}&pageSize=200`);
    const bureau = trainings.body.data.find((x) => x.departmentId === dept.get('XCSFJ') && x.attendanceCount > 0)!;
    expect(bureau).toBeTruthy();
    const seen = await get<z.infer<typeof Training>>(xicha, `/trainings/${bureau.id}`);
    expect(seen.body.attendees!.length).toBe(bureau.attendanceCount);
    expect(seen.body.attendees!.every((a) => a.departmentId === dept.get('SFS01'))).toBe(true);
    expect((await get<z.infer<typeof Training>>(leader, `/trainings/${bureau.id}`)).body.attendees!.length).toBeGreaterThan(bureau.attendanceCount);
    const foreign = await post(xicha, '/events', { kind: 'lecture', title: '法治讲座', heldOn: '2025-09-20', audience: 50, departmentId: dept.get('SFS06') });
    expect(foreign.body.error?.code).toBe('OUT_OF_SCOPE');
    // the ranking shows only the 所's own row, with its rank among all units
    const scheme = (await get<{ data: z.infer<typeof Scheme>[] }>(xicha, '/schemes')).body.data.find((x) => x.year === YEAR)!;
    const r = await get<z.infer<typeof Ranking>>(xicha, `/schemes/${scheme.id}/ranking`);
    expect(r.body.rows.map((x) => x.departmentId)).toEqual([dept.get('SFS01')]);
    const full = await get<z.infer<typeof Ranking>>(leader, `/schemes/${scheme.id}/ranking`);
    expect(full.body.rows.find((x) => x.departmentId === dept.get('SFS01'))!.rank).toBe(r.body.rows[0]!.rank);
    // a 司法所 cannot score
    expect((await post(xicha, `/schemes/${scheme.id}/scores`, { departmentId: dept.get('SFS01'), scores: [{ indicatorId: scheme.indicators[0]!.id, score: 1 }] })).status).toBe(403);
  });

  it('records a training with attendance; attendance for a session in the future is refused; a bad list is rejected whole', async () => {
    const before = await summary(xicha);
    const me = await t.handle.db.selectFrom('users').select(['id', 'displayName']).where('username', '=', 'sfs.xicha').executeTakeFirstOrThrow();
    const created = await post<z.infer<typeof Training>>(xicha, '/trainings', { title: '人民调解法专题培训', kind: 'special', heldOn: '2025-09-25', hours: 3, attendees: [{ userId: me.id, name: me.displayName, departmentId: dept.get('SFS01') }, { name: '调解员甲', departmentId: dept.get('SFS01'), hours: 2 }] });
    expect(created.status).toBe(200);
    expect(created.body.attendanceCount).toBe(2);
    const after = await summary(xicha);
    expect(after.trainings.sessions).toBe(before.trainings.sessions + 1);
    expect(after.trainings.attendances).toBe(before.trainings.attendances + 2);
    expect(after.trainings.hours).toBeCloseTo(before.trainings.hours + 5, 5);
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', created.body.id).execute();
    expect(audit.map((a) => a.action)).toContain('ruleOfLaw.training.create');

    const bad = await post(xicha, `/trainings/${created.body.id}/attendance`, { attendees: [{ name: '调解员乙', departmentId: dept.get('SFS01') }, { name: '调解员甲', departmentId: dept.get('SFS01') }, { name: '某人', departmentId: 'no-such-dept' }, { name: '超时', departmentId: dept.get('SFS01'), hours: 9 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('ROL_ATTENDANCE_INVALID');
    expect((bad.body.error?.details as { rejected: { index: number }[] }).rejected.map((r) => r.index)).toEqual([1, 2, 3]);
    expect((await get<z.infer<typeof Training>>(xicha, `/trainings/${created.body.id}`)).body.attendanceCount).toBe(2);

    const planned = await post<z.infer<typeof Training>>(xicha, '/trainings', { title: '宪法专题培训', kind: 'lawStudy', heldOn: '2025-10-10', hours: 2 });
    expect(planned.status).toBe(200);
    const early = await post(xicha, `/trainings/${planned.body.id}/attendance`, { attendees: [{ name: '调解员乙', departmentId: dept.get('SFS01') }] });
    expect(early.status).toBe(400);
    expect(early.body.error?.code).toBe('ROL_DATE_IN_FUTURE');
    // another 所 cannot add attendance to 西长安街's training
    expect((await post(jinrong, `/trainings/${created.body.id}/attendance`, { attendees: [{ name: '某人', departmentId: dept.get('SFS06') }] })).status).toBe(403);
  });

  it('findings: rectification deadline → rectified → verified by someone outside the unit; the rate follows', async () => {
    const ins = await post<z.infer<typeof Inspection>>(staff, '/inspections', { kind: 'internalControl', title: '司法所档案管理内部控制检查', inspectedOn: '2025-09-01', team: '局内部控制检查组', departmentId: dept.get('SFS01') });
    expect(ins.status).toBe(200);
    const early = await post(staff, `/inspections/${ins.body.id}/findings`, { description: '档案借阅登记不全', rectificationDue: '2025-08-01' });
    expect(early.body.error?.code).toBe('ROL_DATE_ORDER');
    const f = await post<z.infer<typeof Finding>>(staff, `/inspections/${ins.body.id}/findings`, { description: '档案借阅登记不全', rectificationDue: '2025-09-20' });
    expect(f.body.internalControl).toBe(true);
    expect(f.body.overdue).toBe(true); // due 20 September, today 26 September, still open
    const s0 = await summary(xicha); // the finding is open and overdue here
    // the team moves the deadline later, with a reason; the inspected unit cannot, nor move it earlier
    expect((await post(xicha, `/findings/${f.body.id}/extend`, { rectificationDue: '2025-10-20', reason: '涉及制度修订' })).body.error?.code).toBe('ROL_VERIFY_OWN_UNIT');
    expect((await post(staff, `/findings/${f.body.id}/extend`, { rectificationDue: '2025-09-10', reason: '涉及制度修订' })).body.error?.code).toBe('ROL_DATE_ORDER');
    const ext = await post<z.infer<typeof Finding>>(staff, `/findings/${f.body.id}/extend`, { rectificationDue: '2025-10-20', reason: '涉及制度修订' });
    expect(ext.body).toMatchObject({ rectificationDue: '2025-10-20', overdue: false });
    const back = await post<z.infer<typeof Finding>>(staff, `/findings/${f.body.id}/extend`, { rectificationDue: '2025-09-20', reason: '恢复原期限' });
    expect(back.body.error?.code).toBe('ROL_DATE_ORDER');
    expect((await post(staff, `/findings/${f.body.id}/verify`, { verifiedOn: '2025-09-25' })).body.error?.code).toBe('ROL_FINDING_TRANSITION');
    expect((await post(xicha, `/findings/${f.body.id}/rectify`, { rectifiedOn: '2025-09-30', note: '已补登' })).body.error?.code).toBe('ROL_DATE_IN_FUTURE');
    const r = await post<z.infer<typeof Finding>>(xicha, `/findings/${f.body.id}/rectify`, { rectifiedOn: '2025-09-22', note: '已补齐借阅登记并建立复核制度' });
    expect(r.body.status).toBe('rectified');
    expect((await post(xicha, `/findings/${f.body.id}/verify`, { verifiedOn: '2025-09-25' })).body.error?.code).toBe('ROL_VERIFY_OWN_UNIT');
    const v = await post<z.infer<typeof Finding>>(staff, `/findings/${f.body.id}/verify`, { verifiedOn: '2025-09-25' });
    expect(v.body.status).toBe('verified');
    const s1 = await summary(xicha);
    expect(s1.inspections.findings).toBe(s0.inspections.findings);
    expect(s1.inspections.verified).toBe(s0.inspections.verified + 1);
    expect(s1.inspections.overdue).toBe(s0.inspections.overdue - 1);
    const actions = (await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', f.body.id).execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['ruleOfLaw.finding.create', 'ruleOfLaw.finding.extend', 'ruleOfLaw.finding.rectify', 'ruleOfLaw.finding.verify']));
  });

  it('assessment: weights must sum to 100, scores stay in range, totals are weighted and ranked', async () => {
    const ind = (code: string, weight: number, maxScore: number) => ({ code, name: `指标${code}`, category: '测试', weight, maxScore });
    expect((await post(staff, '/schemes', { year: 2024, name: '2024年度方案', indicators: [ind('B1', 60, 10), ind('B2', 30, 100)] })).body.error?.code).toBe('ROL_WEIGHTS_INVALID');
    expect((await post(xicha, '/schemes', { year: 2024, name: '2024年度方案', indicators: [ind('B1', 60, 10), ind('B2', 40, 100)] })).status).toBe(403);
    const s = await post<z.infer<typeof Scheme>>(staff, '/schemes', { year: 2024, name: '2024年度方案', indicators: [ind('B1', 60, 10), ind('B2', 40, 100)] });
    expect(s.status).toBe(200);
    expect((await post(staff, '/schemes', { year: 2024, name: '重复', indicators: [ind('B1', 100, 10)] })).body.error?.code).toBe('ROL_DUPLICATE');
    const [b1, b2] = s.body.indicators;
    const out = await post(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('SFS01'), scores: [{ indicatorId: b1!.id, score: 10.5 }] });
    expect(out.status).toBe(400);
    expect(out.body.error?.code).toBe('ROL_SCORE_OUT_OF_RANGE');
    expect((await post(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('SFS01'), scores: [{ indicatorId: b1!.id, score: -1 }] })).body.error?.code).toBe('ROL_SCORE_OUT_OF_RANGE');
    expect((await post(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('XCSFJ'), scores: [{ indicatorId: b1!.id, score: 1 }] })).body.error?.code).toBe('ROL_DEPARTMENT_INVALID');
    await post(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('SFS01'), scores: [{ indicatorId: b1!.id, score: 8 }, { indicatorId: b2!.id, score: 90 }] });
    await post(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('SFS06'), scores: [{ indicatorId: b1!.id, score: 9 }, { indicatorId: b2!.id, score: 70 }] });
    const r = await post<z.infer<typeof Ranking>>(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('FYK'), scores: [{ indicatorId: b1!.id, score: 9 }] });
    // 西长安街 8/10×60 + 90/100×40 = 84; 金融街 9/10×60 + 70/100×40 = 82; 复议科 54 (incomplete)
    expect(r.body.rows.map((x) => [x.departmentId, x.total, x.rank, x.complete])).toEqual([
      [dept.get('SFS01'), 84, 1, true],
      [dept.get('SFS06'), 82, 2, true],
      [dept.get('FYK'), 54, 3, false],
    ]);
    const offices = await get<z.infer<typeof Ranking>>(staff, `/schemes/${s.body.id}/ranking?group=judicialOffice`);
    expect(offices.body.rows.map((x) => x.rank)).toEqual([1, 2]);
    expect(offices.body.averageScore).toBe(83);
    // a tie shares the place; the next unit takes the place after both (1, 2, 2, 4)
    const tied = await post<z.infer<typeof Ranking>>(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('SFS07'), scores: [{ indicatorId: b1!.id, score: 9 }, { indicatorId: b2!.id, score: 70 }] });
    expect(tied.body.rows.map((x) => x.rank)).toEqual([1, 2, 2, 4]);
    // re-scoring replaces the earlier score
    const again = await post<z.infer<typeof Ranking>>(staff, `/schemes/${s.body.id}/scores`, { departmentId: dept.get('FYK'), scores: [{ indicatorId: b1!.id, score: 10 }, { indicatorId: b2!.id, score: 100 }] });
    expect(again.body.rows[0]).toMatchObject({ departmentId: dept.get('FYK'), total: 100, rank: 1, complete: true });
    const audit = await t.handle.db.selectFrom('auditLog').select(['action']).where('objectId', '=', s.body.id).execute();
    expect(audit.filter((a) => a.action === 'ruleOfLaw.assessment.score')).toHaveLength(5);
  });

  it('validation: study sessions and events in the future, 述法 outside its year, events outside their campaign', async () => {
    expect((await post(leader, '/study-sessions', { kind: 'preMeeting', heldOn: '2025-09-20', meetingName: '局党组会议', topic: '学习行政复议法', attendees: ['甲'] })).status).toBe(403); // the leader reads only
    expect((await post(staff, '/study-sessions', { kind: 'preMeeting', heldOn: '2025-10-20', meetingName: '局党组会议', topic: '学习行政复议法', attendees: ['甲'] })).body.error?.code).toBe('ROL_DATE_IN_FUTURE');
    expect((await post(staff, '/study-sessions', { kind: 'preMeeting', heldOn: '2025-09-20', topic: '学习行政复议法', attendees: ['甲'] })).body.error?.code).toBe('VALIDATION_FAILED');
    expect((await post(staff, '/law-reportings', { year: 2023, reporterName: '某某', position: '副局长', reportedOn: '2025-01-10', setting: '年终述法' })).body.error?.code).toBe('ROL_DATE_ORDER');
    const ok = await post(staff, '/law-reportings', { year: 2024, reporterName: '测试述法人', position: '副局长', reportedOn: '2025-01-10', setting: '年终述法', grade: 'good' });
    expect(ok.status).toBe(200);
    expect((await post(staff, '/law-reportings', { year: 2024, reporterName: '测试述法人', position: '副局长', reportedOn: '2025-01-11', setting: '年终述法' })).body.error?.code).toBe('ROL_DUPLICATE');
    const camp = await post<{ id: string }>(staff, '/campaigns', { name: '测试宣传月', startsOn: '2025-09-01', endsOn: '2025-09-30' });
    expect((await post(staff, '/events', { kind: 'mockCourt', title: '模拟法庭', heldOn: '2025-08-30', audience: 80, campaignId: camp.body.id })).body.error?.code).toBe('ROL_DATE_ORDER');
    expect((await post(staff, '/events', { kind: 'mockCourt', title: '模拟法庭', heldOn: '2025-09-27', audience: 80, campaignId: camp.body.id })).body.error?.code).toBe('ROL_DATE_IN_FUTURE');
    expect((await post(staff, '/events', { kind: 'mockCourt', title: '模拟法庭', heldOn: '2025-09-10', audience: -1 })).body.error?.code).toBe('VALIDATION_FAILED');
    // a section head records for the section (and below), not for a 司法所
    const head = await t.login('fy.head');
    expect((await post(head, '/events', { kind: 'lecture', title: '行政复议法进社区', heldOn: '2025-09-10', audience: 60, departmentId: dept.get('SFS01') })).body.error?.code).toBe('OUT_OF_SCOPE');
    const own = await post<{ departmentId: string }>(head, '/events', { kind: 'lecture', title: '行政复议法进社区', heldOn: '2025-09-10', audience: 60 });
    expect(own.status).toBe(200);
    expect(own.body.departmentId).toBe(dept.get('FYK'));
  });

  it('exports every ledger to Excel with the screen filters', async () => {
    const list = await get<{ total: number }>(leader, `/trainings?year=${YEAR}&kind=special`);
    const res = await t.app.inject({ method: 'GET', url: `${P}/trainings.xlsx?year=${YEAR}&kind=special`, headers: leader.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('培训')!;
    expect(ws.rowCount - 2).toBe(list.body.total);
    expect(String(ws.getCell(1, 1).value)).toContain('年度=2025');
    expect(String(ws.getCell(1, 1).value)).toContain('类型=专项业务培训');
    for (const path of [`/study-sessions.xlsx?year=${YEAR}`, `/law-reportings.xlsx?year=${YEAR}`, `/inspections.xlsx?year=${YEAR}`, `/events.xlsx?year=${YEAR}`]) {
      const r = await t.app.inject({ method: 'GET', url: `${P}${path}`, headers: xicha.headers });
      expect(r.statusCode, path).toBe(200);
    }
    const ev = await t.app.inject({ method: 'GET', url: `${P}/events.xlsx?year=${YEAR}`, headers: xicha.headers });
    const w2 = new ExcelJS.Workbook();
    await w2.xlsx.load(ev.rawPayload as unknown as ArrayBuffer);
    expect(w2.getWorksheet('普法活动')!.rowCount - 2).toBe((await summary(xicha)).publicity.events);
    const scheme = (await get<{ data: z.infer<typeof Scheme>[] }>(leader, '/schemes')).body.data.find((x) => x.year === YEAR)!;
    const rk = await t.app.inject({ method: 'GET', url: `${P}/schemes/${scheme.id}/ranking.xlsx?group=judicialOffice`, headers: leader.headers });
    const w3 = new ExcelJS.Workbook();
    await w3.xlsx.load(rk.rawPayload as unknown as ArrayBuffer);
    expect(w3.getWorksheet('考核排名')!.rowCount - 2).toBe(15);
  });
});
