import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, generateIdNumber } from '../../../common/validators';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

const R = '/api/v1/reconsideration';
type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`行政复议 handler productivity API [${dialect}]`, () => {
    let t: TestApp;
    let h1: Session;
    let h2: Session;
    let head: Session;
    let leader: Session;
    let sys: Session;
    let hfx: Session;
    const uid: Record<string, string> = {};
    const rng = createRng(777);
    let seq = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      [h1, h2, head, leader, sys, hfx] = (await Promise.all(['fy.handler1', 'fy.handler2', 'fy.head', 'leader', 'sysadmin', 'hfx.head'].map((u) => t.login(u)))) as [Session, Session, Session, Session, Session, Session];
      for (const u of await t.handle.db.selectFrom('users').select(['id', 'username']).execute()) uid[u.username] = u.id;
    });
    afterAll(async () => t?.close());

    const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', s: Session | null, url: string, payload?: unknown) =>
      t.app.inject({ method, url, ...(payload !== undefined ? { payload: payload as Json } : {}), ...(s ? { headers: s.headers } : {}) });
    const ok = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', s: Session, url: string, payload?: unknown) => {
      const res = await req(method, s, url, payload);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };
    const err = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', s: Session | null, url: string, payload?: unknown) => {
      const res = await req(method, s, url, payload);
      return { status: res.statusCode, code: res.json().error?.code as string, message: res.json().error?.message as string, details: res.json().error?.details as Json };
    };
    const create = async (over: Json = {}, s: Session = h1) =>
      ok('POST', s, `${R}/cases`, {
        channel: 'onsite',
        receivedOn: '2026-05-25',
        applicant: { kind: 'person', name: '测试申请人', idNumber: generateIdNumber(rng, { regionCode: '110102' }) },
        respondent: { name: '北京市西城区市场监督管理局' },
        act: { name: `行政处罚决定（样例${++seq}）`, madeOn: '2026-05-10', knownOn: '2026-05-12' },
        request: '撤销该行政处罚决定',
        reasons: '事实不清',
        ...over,
      });

    it('every route: 401 without a session, 403 for an administrator without business permissions', async () => {
      const some = await create();
      const routes: ['GET' | 'POST' | 'PUT' | 'DELETE', string, unknown?][] = [
        ['GET', `${R}/search?q=罚款`],
        ['GET', `${R}/cases/${some.id}/similar`],
        ['GET', `${R}/assignment-suggestions?caseId=${some.id}`],
        ['POST', `${R}/cases/bulk-assign`, { caseIds: [some.id] }],
        ['POST', `${R}/cases/bulk`, { action: 'recordReply', caseIds: [some.id], body: { receivedOn: '2026-05-30' } }],
        ['GET', `${R}/views`],
        ['POST', `${R}/views`, { name: '视图', filters: {} }],
        ['DELETE', `${R}/views/x`],
        ['GET', `${R}/reasoning-templates`],
        ['POST', `${R}/reasoning-templates`, {}],
        ['PUT', `${R}/reasoning-templates/x`, {}],
        ['DELETE', `${R}/reasoning-templates/x`],
      ];
      for (const [m, url, body] of routes) {
        expect((await err(m, null, url, body)).status, `${m} ${url}`).toBe(401);
        const denied = await err(m, sys, url, body);
        expect([denied.status, denied.code], `${m} ${url}`).toEqual([403, 'FORBIDDEN']);
      }
      // every new route declares its permission and its schemas
      const mine = t.routes.filter((r) => r.method !== 'HEAD' && /\/reconsideration\/(search|views|reasoning-templates|assignment-suggestions|cases\/bulk|cases\/:id\/similar)/.test(r.url));
      expect(mine.length).toBe(12);
      for (const r of mine) {
        expect((r.config as Json).permission, r.url).toBeTruthy();
        expect(r.schema?.response, r.url).toBeTruthy();
      }
    });

    describe('similar-case search', () => {
      it('free text: 400 on an empty query; ranked hits with matched terms, kept fresh as cases are created and decided', async () => {
        expect((await err('GET', h1, `${R}/search?q=`)).code).toBe('VALIDATION_FAILED');
        expect((await err('GET', h1, `${R}/search?q=${'长'.repeat(501)}`)).status).toBe(400);
        const c = await create({ act: { name: '责令改正违法建设的行政决定', madeOn: '2026-05-10', knownOn: '2026-05-12' }, reasons: '被申请人认定申请人在屋顶平台搭建彩钢板房屋属于违法建设，申请人认为该房屋早于城市规划实施前建成' });
        const r1 = await ok('GET', h1, `${R}/search?q=${encodeURIComponent('彩钢板房屋 违法建设')}`);
        expect(r1.terms).toEqual(expect.arrayContaining(['彩钢板', '违法建设']));
        const hit = r1.data.find((h: Json) => h.caseId === c.id);
        expect(hit).toMatchObject({ caseNo: c.caseNo, status: 'registered', decisionType: null, decisionLabel: null });
        expect(hit.matchedTerms).toEqual(expect.arrayContaining(['违法建设']));
        expect(r1.data[0].caseId).toBe(c.id);
        // a decision's reasoning becomes searchable as soon as it is recorded (the index follows the case version)
        expect((await ok('GET', h1, `${R}/search?q=${encodeURIComponent('甲醛检测报告')}`)).data.some((h: Json) => h.caseId === c.id)).toBe(false);
        // simplified procedure: a decision without the hearing of views that Art. 49 requires in the ordinary one
        await ok('POST', h1, `${R}/cases/${c.id}/accept`, { acceptedOn: '2026-05-26', procedure: 'simplified' });
        await ok('POST', h1, `${R}/cases/${c.id}/send-copy`, { sentOn: '2026-05-27', respondentReceivedOn: '2026-05-27' });
        await ok('POST', h1, `${R}/cases/${c.id}/record-reply`, { receivedOn: '2026-05-28' });
        await ok('POST', h1, `${R}/cases/${c.id}/decide`, { decidedOn: '2026-05-29', type: 'uphold', summary: '被申请人提交的甲醛检测报告等证据足以认定事实。' });
        const r2 = await ok('GET', h1, `${R}/search?q=${encodeURIComponent('甲醛检测报告')}`);
        expect(r2.data[0]).toMatchObject({ caseId: c.id, status: 'decided', decisionType: 'uphold', decisionLabel: '维持（第六十八条）', decidedOn: '2026-05-29' });
        // data scope: another handler (own cases only) does not find it; the section head does
        expect((await ok('GET', h2, `${R}/search?q=${encodeURIComponent('甲醛检测报告')}`)).data.some((h: Json) => h.caseId === c.id)).toBe(false);
        expect((await ok('GET', head, `${R}/search?q=${encodeURIComponent('甲醛检测报告')}`)).data[0].caseId).toBe(c.id);
        // nothing to search for
        expect(await ok('GET', h1, `${R}/search?q=${encodeURIComponent('的了')}`)).toEqual({ terms: [], data: [] });
      });

      it('similar cases: 404 unknown, 403 out of scope, ranked cases like this one without itself', async () => {
        expect((await err('GET', h1, `${R}/cases/nope/similar`)).status).toBe(404);
        const facts = '申请人向被申请人申请公开本街区房屋征收补偿方案，被申请人逾期答复且以过程性信息为由不予公开';
        const a = await create({ respondent: { name: '北京市西城区住房和城市建设委员会' }, act: { name: '政府信息不予公开告知书', madeOn: '2026-05-10', knownOn: '2026-05-12' }, request: '撤销不予公开告知书', reasons: facts });
        const b = await create({ respondent: { name: '北京市西城区住房和城市建设委员会' }, act: { name: '政府信息公开申请答复', madeOn: '2026-05-11', knownOn: '2026-05-13' }, request: '责令重新答复政府信息公开申请', reasons: `${facts}，未尽检索义务` });
        const other = await create({ reasons: '罚款数额明显过重' }, h2);
        expect((await err('GET', h2, `${R}/cases/${a.id}/similar`)).code).toBe('OUT_OF_SCOPE');
        const r = await ok('GET', h1, `${R}/cases/${a.id}/similar?limit=5`);
        expect(r.terms.length).toBeGreaterThan(3);
        expect(r.data[0].caseId).toBe(b.id);
        expect(r.data[0].matchedTerms).toEqual(expect.arrayContaining(['不予公开']));
        expect(r.data.some((h: Json) => h.caseId === a.id)).toBe(false);
        expect(r.data.some((h: Json) => h.caseId === other.id)).toBe(false); // h2's case: outside h1's scope
        expect((await err('GET', h1, `${R}/cases/${a.id}/similar?limit=0`)).status).toBe(400);
      });
    });

    describe('balanced assignment', () => {
      it('suggestions: 400 / 403 / 404; the department’s handlers ranked by weighted load, with the explanation', async () => {
        const c = await create();
        expect((await err('GET', head, `${R}/assignment-suggestions`)).status).toBe(400);
        expect((await err('GET', h1, `${R}/assignment-suggestions?caseId=${c.id}`)).code).toBe('FORBIDDEN');
        expect((await err('GET', head, `${R}/assignment-suggestions?caseId=nope`)).status).toBe(404);
        expect((await err('GET', hfx, `${R}/assignment-suggestions?caseId=${c.id}`)).code).toBe('OUT_OF_SCOPE');
        const s = await ok('GET', head, `${R}/assignment-suggestions?caseId=${c.id}`);
        expect(s.departmentId).toBe(c.departmentId);
        expect(s.data.map((x: Json) => x.userId).sort()).toEqual([uid['fy.handler1'], uid['fy.handler2'], uid['fy.head']].sort());
        const loads = s.data.map((x: Json) => x.load);
        expect([...loads].sort((a, b) => a - b)).toEqual(loads);
        const me = s.data.find((x: Json) => x.userId === uid['fy.handler1']);
        expect(me.current).toBe(true);
        expect(me.openCases).toBeGreaterThan(0);
        expect(me.explanation).toMatch(/在办 \d+ 件.*负荷 = 阶段权重/);
        // the load is what the register says: open cases of h1 by the stage weights + deadline pressure
        const open = await t.handle.db.selectFrom('reconsiderationCases').select('status').where('handlerId', '=', uid['fy.handler1']!).where('status', 'not in', ['rejected', 'decided', 'mediated', 'terminated', 'abandoned']).execute();
        expect(me.openCases).toBe(open.length);
      });

      it('bulk assign: 400 / 403; all or nothing (an unknown or concluded case assigns none); round-robin by load, audited', async () => {
        expect((await err('POST', head, `${R}/cases/bulk-assign`, { caseIds: [] })).status).toBe(400);
        const batch = [await create({}, head), await create({}, head), await create({}, head), await create({}, head)];
        const ids = batch.map((c) => c.id);
        expect((await err('POST', h1, `${R}/cases/bulk-assign`, { caseIds: ids })).code).toBe('FORBIDDEN');
        const missing = await err('POST', head, `${R}/cases/bulk-assign`, { caseIds: [...ids, 'nope'] });
        expect([missing.status, missing.details.caseId]).toEqual([404, 'nope']);
        const decided = (await ok('GET', head, `${R}/cases?status=decided&pageSize=1`)).data[0];
        const refused = await err('POST', head, `${R}/cases/bulk-assign`, { caseIds: [...ids, decided.id] });
        expect([refused.status, refused.code, refused.details.caseNo]).toEqual([409, 'RECON_TRANSITION_NOT_ALLOWED', decided.caseNo]);
        for (const id of ids) expect((await ok('GET', head, `${R}/cases/${id}`)).handlerId).toBe(uid['fy.head']); // untouched
        expect((await err('POST', head, `${R}/cases/bulk-assign`, { caseIds: ids, handlerIds: [uid['hfx.head']] })).code).toBe('RECON_HANDLER_INVALID');

        const before = await ok('GET', head, `${R}/assignment-suggestions?caseId=${ids[0]}`);
        const two = [uid['fy.handler1']!, uid['fy.handler2']!];
        const res = await ok('POST', head, `${R}/cases/bulk-assign`, { caseIds: ids, handlerIds: two });
        expect(res.data).toHaveLength(4);
        for (const a of res.data) expect(two).toContain(a.handlerId);
        // greedy by load: each case (most urgent first) goes to whoever is least loaded at that moment, +1 per registered case
        const sim = before.data.filter((x: Json) => two.includes(x.userId)).map((x: Json) => ({ ...x }));
        for (const a of res.data) {
          const pick = [...sim].sort((x, y) => x.load - y.load || x.openCases - y.openCases || x.displayName.localeCompare(y.displayName, 'zh-CN'))[0];
          expect(a.handlerId).toBe(pick.userId);
          pick.load += 1;
          pick.openCases += 1;
        }
        for (const a of res.data) {
          const c = await ok('GET', head, `${R}/cases/${a.caseId}`);
          expect(c.handlerId).toBe(a.handlerId);
          // the single-case `assign` step itself (assignWithin): same event shape as POST /cases/:id/assign, plus the batch note
          const single = (await ok('GET', head, `${R}/cases/${ids[0]}`)).timeline.find((e: Json) => e.action === 'assign' && !e.details.bulk);
          expect(c.timeline.at(-1)).toMatchObject({ action: 'assign', fromStatus: 'registered', toStatus: 'registered', actorName: expect.any(String), details: { from: uid['fy.head'], to: a.handlerId, handlerName: a.handlerName, bulk: true, batchSize: 4, article: '《中华人民共和国行政复议法》' } });
          if (single) expect(Object.keys(c.timeline.at(-1).details)).toEqual(expect.arrayContaining(Object.keys(single.details)));
          const todo = await t.handle.db.selectFrom('deadlines').select('assigneeId').where('objectId', '=', a.caseId).where('status', '=', 'open').execute();
          for (const d of todo) expect(d.assigneeId).toBe(a.handlerId);
        }
        const audit = await t.handle.db.selectFrom('auditLog').select(['objectId', 'diff']).where('action', '=', 'reconsideration.case.assign').where('objectId', 'in', ids).execute();
        expect(audit).toHaveLength(4);
        for (const a of audit) expect(JSON.parse(String(a.diff))).toMatchObject({ extra: { bulk: true, batchSize: 4 } });
        // without named handlers: the department's eligible handlers
        const one = await create({}, head);
        const auto = await ok('POST', head, `${R}/cases/bulk-assign`, { caseIds: [one.id] });
        expect([uid['fy.handler1'], uid['fy.handler2'], uid['fy.head']]).toContain(auto.data[0].handlerId);
      });
    });

    describe('bulk actions', () => {
      it('400 on an unknown action or a bad body; 403 without the handle permission', async () => {
        const c = await create();
        expect((await err('POST', h1, `${R}/cases/bulk`, { action: 'explode', caseIds: [c.id], body: {} })).status).toBe(400);
        expect((await err('POST', h1, `${R}/cases/bulk`, { action: 'accept', caseIds: [c.id], body: { acceptedOn: '2026-05-26' } })).status).toBe(400);
        expect((await err('POST', h1, `${R}/cases/bulk`, { action: 'accept', caseIds: [], body: { acceptedOn: '2026-05-26', procedure: 'ordinary' } })).status).toBe(400);
        expect((await err('POST', leader, `${R}/cases/bulk`, { action: 'accept', caseIds: [c.id], body: { acceptedOn: '2026-05-26', procedure: 'ordinary' } })).code).toBe('FORBIDDEN');
      });

      it('per case: the ones that can are accepted, each failure has its code and message, a failed case is unchanged', async () => {
        const batch = [await create(), await create(), await create()];
        const already = await create();
        await ok('POST', h1, `${R}/cases/${already.id}/accept`, { acceptedOn: '2026-05-26', procedure: 'ordinary' });
        const foreign = await create({}, h2);
        const ids = [...batch.map((c) => c.id), already.id, foreign.id, 'nope'];
        const r = await ok('POST', h1, `${R}/cases/bulk`, { action: 'accept', caseIds: ids, body: { acceptedOn: '2026-05-27', procedure: 'simplified' } });
        expect([r.succeeded, r.failed]).toEqual([3, 3]);
        expect(r.data.map((d: Json) => d.caseId)).toEqual(ids);
        for (const d of r.data.slice(0, 3)) expect(d).toMatchObject({ ok: true, status: 'accepted', code: null, message: null });
        expect(r.data[3]).toMatchObject({ ok: false, caseNo: already.caseNo, code: 'RECON_TRANSITION_NOT_ALLOWED', status: null });
        expect(r.data[3].message).toContain('已受理');
        expect(r.data[4]).toMatchObject({ ok: false, code: 'OUT_OF_SCOPE', caseNo: null });
        expect(r.data[5]).toMatchObject({ ok: false, code: 'NOT_FOUND', caseNo: null });
        for (const c of batch) {
          const d = await ok('GET', h1, `${R}/cases/${c.id}`);
          expect([d.status, d.procedure, d.acceptedOn]).toEqual(['accepted', 'simplified', '2026-05-27']);
        }
        const unchanged = await ok('GET', h1, `${R}/cases/${already.id}`);
        expect([unchanged.procedure, unchanged.acceptedOn, unchanged.version]).toEqual(['ordinary', '2026-05-26', already.version + 1]);
        // the next step for the batch, with a failure from the service's own date rule (not before acceptance)
        const copy = await ok('POST', h1, `${R}/cases/bulk`, { action: 'sendCopy', caseIds: batch.map((c) => c.id), body: { sentOn: '2026-05-28', respondentReceivedOn: '2026-05-28' } });
        expect(copy.succeeded).toBe(3);
        const early = await ok('POST', h1, `${R}/cases/bulk`, { action: 'recordReply', caseIds: batch.map((c) => c.id), body: { receivedOn: '2026-05-27' } });
        expect(early.data.map((d: Json) => d.code)).toEqual(['RECON_DATE_ORDER', 'RECON_DATE_ORDER', 'RECON_DATE_ORDER']);
      });
    });

    describe('saved views', () => {
      it('400 / 409 / 404; owned by the user: others neither see nor delete them', async () => {
        expect((await err('POST', h1, `${R}/views`, { name: '', filters: {} })).status).toBe(400);
        expect((await err('POST', h1, `${R}/views`, { name: '坏', filters: { status: 'nonsense' } })).status).toBe(400);
        const v = await ok('POST', h1, `${R}/views`, { name: '我的逾期案件', filters: { mine: true, due: 'overdue' } });
        expect(v).toMatchObject({ name: '我的逾期案件', filters: { mine: true, due: 'overdue' } });
        expect((await err('POST', h1, `${R}/views`, { name: '我的逾期案件', filters: {} })).code).toBe('RECON_VIEW_NAME_TAKEN');
        await ok('POST', h2, `${R}/views`, { name: '我的逾期案件', filters: { due: 'dueSoon' } });
        expect((await ok('GET', h1, `${R}/views`)).data.map((x: Json) => x.id)).toEqual([v.id]);
        expect((await ok('GET', h2, `${R}/views`)).data.some((x: Json) => x.id === v.id)).toBe(false);
        expect((await err('DELETE', h2, `${R}/views/${v.id}`)).status).toBe(404);
        expect(await ok('DELETE', h1, `${R}/views/${v.id}`)).toEqual({ ok: true });
        expect((await err('DELETE', h1, `${R}/views/${v.id}`)).status).toBe(404);
        expect((await ok('GET', h1, `${R}/views`)).data).toEqual([]);
      });
    });

    describe('reasoning templates', () => {
      const tpl = (over: Json = {}) => ({
        title: '维持：工伤认定事实清楚',
        decisionType: 'uphold',
        matterType: 'workInjury',
        body: '{被申请人}作出的{行政行为}认定{申请人}所受伤害系在工作时间和工作场所内因工作原因所致，事实清楚，证据确凿。',
        article: '《中华人民共和国行政复议法》第六十八条',
        ...over,
      });

      it('built-in templates cite the statute, are listed for every reader and cannot be changed', async () => {
        const all = (await ok('GET', h1, `${R}/reasoning-templates`)).data as Json[];
        const builtin = all.filter((x) => x.builtin);
        expect(builtin.length).toBeGreaterThanOrEqual(8);
        for (const x of builtin) {
          expect(x.article).toMatch(/^《中华人民共和国行政复议法》第六十[三四五六八九]条/);
          expect(x.body).toContain(x.article.match(/第六十.条/)![0]);
          for (const p of x.placeholders) expect(['申请人', '被申请人', '行政行为']).toContain(p);
        }
        const uphold = (await ok('GET', leader, `${R}/reasoning-templates?decisionType=uphold&matterType=informationDisclosure`)).data as Json[];
        expect(uphold.map((x) => x.id)).toEqual(['builtin-uphold-disclosure']);
        expect((await err('GET', h1, `${R}/reasoning-templates?decisionType=bad`)).status).toBe(400);
        const b = builtin[0]!;
        expect((await err('PUT', head, `${R}/reasoning-templates/${b.id}`, { ...tpl(), version: 1 })).code).toBe('RECON_TEMPLATE_BUILTIN');
        expect((await err('DELETE', head, `${R}/reasoning-templates/${b.id}`)).code).toBe('RECON_TEMPLATE_BUILTIN');
      });

      it('department templates: 403 without the permission, 400 on bad citations or placeholders, shared in the department, versioned, audited', async () => {
        expect((await err('POST', h1, `${R}/reasoning-templates`, tpl())).code).toBe('FORBIDDEN');
        expect((await err('POST', head, `${R}/reasoning-templates`, tpl({ article: '行政复议法68条' }))).status).toBe(400);
        const ph = await err('POST', head, `${R}/reasoning-templates`, tpl({ body: '{法院}认为{申请人}的请求不能成立，应予驳回。' }));
        expect([ph.status, ph.code, ph.details.unknown]).toEqual([400, 'RECON_TEMPLATE_PLACEHOLDER_UNKNOWN', ['法院']]);
        const created = await ok('POST', head, `${R}/reasoning-templates`, tpl());
        expect(created).toMatchObject({ builtin: false, departmentName: '行政复议与应诉科', version: 1, placeholders: ['被申请人', '行政行为', '申请人'] });
        // shared with the department's handlers, not with another section
        expect((await ok('GET', h1, `${R}/reasoning-templates`)).data.some((x: Json) => x.id === created.id)).toBe(true);
        expect((await ok('GET', hfx, `${R}/reasoning-templates`)).data.some((x: Json) => x.id === created.id)).toBe(false);
        expect((await err('PUT', hfx, `${R}/reasoning-templates/${created.id}`, { ...tpl(), version: 1 })).code).toBe('OUT_OF_SCOPE');
        expect((await err('PUT', head, `${R}/reasoning-templates/nope`, { ...tpl(), version: 1 })).status).toBe(404);
        expect((await err('PUT', head, `${R}/reasoning-templates/${created.id}`, tpl())).status).toBe(400); // no version
        const updated = await ok('PUT', head, `${R}/reasoning-templates/${created.id}`, { ...tpl({ title: '维持：工伤认定（修订）' }), version: 1 });
        expect([updated.title, updated.version]).toEqual(['维持：工伤认定（修订）', 2]);
        expect((await err('PUT', head, `${R}/reasoning-templates/${created.id}`, { ...tpl(), version: 1 })).code).toBe('CONFLICT');
        expect((await err('DELETE', h1, `${R}/reasoning-templates/${created.id}`)).code).toBe('FORBIDDEN');
        expect(await ok('DELETE', head, `${R}/reasoning-templates/${created.id}`)).toEqual({ ok: true });
        expect((await err('DELETE', head, `${R}/reasoning-templates/${created.id}`)).status).toBe(404);
        const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', created.id).orderBy('seq').execute();
        expect(audit.map((a) => a.action)).toEqual(['reconsideration.template.create', 'reconsideration.template.update', 'reconsideration.template.delete']);
      });
    });
  });
}
