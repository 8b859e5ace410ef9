import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { seedLegalServicesFixture } from './legal-services.fixture';

// A draw that cannot be made says why in Chinese (the UI shows details.issues; a bare `reason` showed only
// “提交的内容不符合要求，请检查后重试”).
describe.each(DIALECTS)('双随机抽取不能进行时说明原因 (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedLegalServicesFixture(t);
    head = await t.login('flyz.head');
  }, 180_000);
  afterAll(async () => t?.close());

  const draw = async (body: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/legal-services/draws', headers: head.headers, payload: { title: '抽查', targetCount: 2, inspectorsPerTarget: 2, excludeRecentDays: 0, ...body } });
    return res.json() as { error?: { code: string; details?: { issues?: { message: string }[] } } };
  };

  it('no candidate left, or too few inspectors after recusal: VALIDATION_FAILED with the reason as an issue', async () => {
    await t.handle.db.updateTable('legalServiceInstitutions').set({ active: 0 }).where('kind', '=', 'notaryOffice').execute();
    const none = await draw({ targetKind: 'notaryOffice' });
    expect(none.error?.code).toBe('VALIDATION_FAILED');
    expect(none.error?.details?.issues?.[0]?.message).toContain('没有可抽取的检查对象');
    // 10 inspectors in post, one of whom recuses from JD001 and JD002: only 9 for those
    await t.handle.db.updateTable('legalServiceInspectors').set({ active: 0 }).where('code', '=', 'ZF002').execute();
    const few = await draw({ targetKind: 'appraisalInstitution', targetCount: 23, inspectorsPerTarget: 10 });
    expect(few.error?.code).toBe('VALIDATION_FAILED');
    expect(few.error?.details?.issues?.[0]?.message).toMatch(/回避后可抽取的执法人员不足 10 名/);
  });

  it('a draw is published with its results: while a target has no finding, publication is refused and names it', async () => {
    const d = (await t.app.inject({ method: 'POST', url: '/api/v1/legal-services/draws', headers: head.headers, payload: { title: '抽查', targetKind: 'appraisalInstitution', targetCount: 2, inspectorsPerTarget: 2, excludeRecentDays: 0, seed: '00ff00ff00ff00ff' } })).json() as { id: string; version: number; selection: { targetId: string; targetName: string }[] };
    const f = (await t.app.inject({ method: 'POST', url: `/api/v1/legal-services/draws/${d.id}/findings`, headers: head.headers, payload: { targetId: d.selection[0]!.targetId, outcome: 'compliant', finding: '未发现问题', version: d.version } })).json() as { version: number };
    const refused = (await t.app.inject({ method: 'POST', url: `/api/v1/legal-services/draws/${d.id}/publish`, headers: head.headers, payload: { version: f.version } })).json() as { error?: { code: string; details?: { issues?: { message: string }[] } } };
    expect(refused.error?.code).toBe('VALIDATION_FAILED');
    expect(refused.error?.details?.issues?.[0]?.message).toContain(d.selection[1]!.targetName);
  });
});
