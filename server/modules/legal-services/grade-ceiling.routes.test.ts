import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draw } from '../../../common/contracts/legal-services';
import type { InstitutionProfile } from '../../../common/contracts/legal-services-enterprise';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { gradeFacts } from './grade-ceiling';
import { seedLegalServicesFixture } from './legal-services.fixture';
import { type IntegrityGrade, gradeAbove, gradeCeiling } from './rules';

const P = '/api/v1/legal-services';

describe.each(DIALECTS)('诚信等级与年度考核、双随机抽查、投诉结果一致 (%s)', (dialect) => {
  let t: TestApp;
  let head: Session;
  beforeAll(async () => {
    // The test clock: Friday 26 September 2025.
    t = await createTestApp(dialect);
    await seedLegalServicesFixture(t);
    head = await t.login('flyz.head');
  }, 180_000);
  afterAll(async () => t?.close());

  const call = async <T>(method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url: `${P}${url}`, headers: head.headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    return { status: res.statusCode, body: res.json() as T & { error?: { code: string; message: string; details?: { issues?: { path: string; message: string }[] } } } };
  };
  const institutions = async (kind: string) => (await call<{ data: { id: string; code: string; integrityGrade: string; latestAssessment: { year: number; result: string } | null }[] }>('GET', `/registers/institutions?kind=${kind}`)).body.data;

  it('the demo data: no institution is graded above what its year\'s assessment, inspections and complaints allow', async () => {
    const db = t.handle.db;
    const all = await db.selectFrom('legalServiceInstitutions').select(['id', 'code', 'integrityGrade']).execute();
    const bad: string[] = [];
    for (const i of all) {
      // the current grade against the last completed year (the year the demo grades)
      const { ceiling } = gradeCeiling(await gradeFacts(db, i.id, 2024));
      if (gradeAbove(i.integrityGrade as IntegrityGrade, ceiling)) bad.push(`${i.code} ${i.integrityGrade} > ${ceiling}`);
      for (const g of await db.selectFrom('legalServiceIntegrityGrades').select(['year', 'grade']).where('institutionId', '=', i.id).execute()) {
        const c = gradeCeiling(await gradeFacts(db, i.id, Number(g.year))).ceiling;
        if (gradeAbove(g.grade as IntegrityGrade, c)) bad.push(`${i.code} ${g.year}: ${g.grade} > ${c}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a grade above the ceiling is refused with the reason and the rule; one within it is recorded', async () => {
    const inst = (await institutions('appraisalInstitution')).find((i) => i.integrityGrade === 'A')!;
    expect((await call<InstitutionProfile>('POST', `/registers/institutions/${inst.id}/assessments`, { year: 2025, result: 'fail', note: '' })).status).toBe(200);
    const refused = await call('POST', `/registers/institutions/${inst.id}/grades`, { year: 2025, grade: 'A', basis: '年度评定' });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error?.details?.issues?.[0]?.message).toMatch(/2025 年年度考核不合格，诚信等级不得高于 C 级.*待核实/);
    const ok = await call<InstitutionProfile>('POST', `/registers/institutions/${inst.id}/grades`, { year: 2025, grade: 'C', basis: '年度考核不合格' });
    expect(ok.status).toBe(200);
    expect(ok.body.integrityGrade).toBe('C');
  });

  it('an assessment recorded after the grade lowers that year\'s grade and the current one, noted and audited', async () => {
    const inst = (await institutions('appraisalInstitution')).filter((i) => i.integrityGrade === 'A')[1]!;
    const g = await call<InstitutionProfile>('POST', `/registers/institutions/${inst.id}/grades`, { year: 2025, grade: 'A', basis: '年度评定' });
    expect(g.body.integrityGrade).toBe('A');
    const a = await call<InstitutionProfile>('POST', `/registers/institutions/${inst.id}/assessments`, { year: 2025, result: 'basicPass', note: '' });
    expect(a.body.integrityGrade).toBe('B');
    const row = a.body.grades.find((x) => x.year === 2025)!;
    expect(row.grade).toBe('B');
    expect(row.basis).toContain('年度考核基本合格，按本局评定规则调整为 B 级（本局诚信等级评定规则，待核实');
    const audit = await t.handle.db.selectFrom('auditLog').select('action').where('objectId', '=', inst.id).where('action', '=', 'legalService.institution.gradeCapped').execute();
    expect(audit).toHaveLength(1);
  });

  it('a published 移送查处 finding caps the current grade at C; 未发现问题 leaves it', async () => {
    const d = await call<Draw>('POST', '/draws', { title: '2025 年公证机构双随机抽查', targetKind: 'notaryOffice', targetCount: 2, inspectorsPerTarget: 2, excludeRecentDays: 0, seed: '0f1e2d3c4b5a6978' });
    expect(d.status).toBe(200);
    const [s1, s2] = d.body.selection;
    await t.handle.db.updateTable('legalServiceInstitutions').set({ integrityGrade: 'A' }).where('id', 'in', [s1!.targetId, s2!.targetId]).execute();
    const f1 = await call<Draw>('POST', `/draws/${d.body.id}/findings`, { targetId: s1!.targetId, outcome: 'referred', finding: '涉嫌违规出具公证书，移送查处', version: d.body.version });
    const f2 = await call<Draw>('POST', `/draws/${d.body.id}/findings`, { targetId: s2!.targetId, outcome: 'compliant', finding: '未发现问题', version: f1.body.version });
    expect((await call<Draw>('POST', `/draws/${d.body.id}/publish`, { version: f2.body.version })).status).toBe(200);
    const now = await institutions('notaryOffice');
    expect(now.find((i) => i.id === s1!.targetId)!.integrityGrade).toBe('C');
    expect(now.find((i) => i.id === s2!.targetId)!.integrityGrade).toBe('A');
  });

  it('a complaint concluded as substantiated caps the current grade at B', async () => {
    const inst = (await institutions('lawFirm')).find((i) => i.integrityGrade === 'A' && !i.latestAssessment?.result.match(/fail|basicPass/))!;
    const c = await call<{ id: string; version: number }>('POST', '/registers/complaints', { institutionId: inst.id, complainantName: null, channel: 'phone', content: '反映律师收费不透明（测试）' });
    expect(c.status).toBe(200);
    const h = await call<{ version: number }>('POST', `/registers/complaints/${c.body.id}/handle`, { note: '调取收费凭证', version: c.body.version });
    expect((await call('POST', `/registers/complaints/${c.body.id}/conclude`, { result: 'substantiated', note: '已责令退还多收费用', version: h.body.version })).status).toBe(200);
    expect((await institutions('lawFirm')).find((i) => i.id === inst.id)!.integrityGrade).toBe('B');
  });
});
