/**
 * The generated first draft of the 法治政府建设年度报告 must read like an official report: no placeholder dashes for
 * missing figures, no system talk, no paragraph built on a zero lead figure, register figures dated, part 3 not
 * praising a zero rate, and the 述法 list marked as incomplete when it is cut.
 */
import { describe, expect, it } from 'vitest';
import type { ReportFigure } from '../../../common/contracts/dashboard';
import { FIGURE_DEFS, figureText } from './figures';
import { draftParts } from './report-draft';

const YEAR = 2025;
const PERIOD = { from: '2025-01-01', to: '2025-12-31' };

/** Every catalogue figure, with a default value and the given overrides. */
function figures(over: Record<string, number | null>): ReportFigure[] {
  return [...FIGURE_DEFS.values()].map(({ def, source }) => {
    const value = def.key in over ? over[def.key]! : def.unit === 'count' ? 5 : def.unit === 'ratio' ? 0.5 : 50;
    return { key: def.key, label: def.label, moduleLabel: source.moduleLabel, unit: def.unit, value, text: value === null ? '—' : figureText(def.unit, value), query: { id: def.key, params: {}, endpoint: '/x', field: 'x' }, drill: null };
  });
}

function render(figs: ReportFigure[], lists: Parameters<typeof draftParts>[3] = null, asOf = '2026-02-10'): string[][] {
  const text = new Map(figs.map((f) => [f.key, f.text]));
  return draftParts(YEAR, PERIOD, figs, lists, asOf).map((p) => p.paragraphs.map((x) => x.replace(/\{([a-zA-Z][\w.]*)\}/g, (all, k: string) => text.get(k) ?? all)));
}

describe('annual report first draft (report-draft)', () => {
  it('never prints a placeholder dash for a figure without a value, nor the system talk', () => {
    const parts = render(figures({ 'litigation.lossRate': null, 'hotline.satisfaction': null, 'ruleOfLaw.rectificationRate': null, 'reconsideration.correctionRate': null }));
    const all = parts.flat().join('\n');
    expect(all).not.toContain('—');
    expect(all).not.toMatch(/业务系统|统计查询|统计口径/);
    expect(all).toContain('办理行政应诉案件5件');
    expect(all).not.toContain('败诉率');
  });

  it('leaves out a paragraph whose lead figure is zero and a "其中" clause that is zero', () => {
    const all = render(figures({ 'legalAid.applications': 0, 'legalAid.urgent': 0, 'hotline.total': 0, 'hotline.calls': 0, 'dispute.total': 0, 'reconsideration.mediated': 0 })).flat().join('\n');
    expect(all).not.toContain('法律援助申请0件');
    expect(all).not.toContain('法律咨询0人次');
    expect(all).not.toContain('登记矛盾纠纷0件');
    expect(all).not.toContain('其中调解结案0件');
    expect(all).toContain('收到行政复议申请5件');
  });

  it('numbers the paragraphs left without gaps, and keeps 普法 when no training was held', () => {
    const measures = render(figures({ 'legalAid.applications': 0, 'hotline.total': 0, 'dispute.total': 0, 'mediation.cases': 0, 'ruleOfLaw.trainings': 0, 'ruleOfLaw.attendances': 0 }))[0]!;
    const numbers = measures.slice(1).map((x) => x.match(/^（(.)）/)?.[1]);
    expect(numbers).toEqual(['一', '二', '三', '四', '五', '六', '七']);
    const last = measures.at(-1)!;
    expect(last).toMatch(/^（七）加强法治教育培训和普法。开展普法活动5场/);
    expect(last).not.toContain('法治培训0场');
  });

  it('dates the figures that are a register count, not the year’s, with the day they were read', () => {
    const all = render(figures({})).flat().join('\n');
    expect(all).toMatch(/截至2026年2月10日[^。]*在册送审稿5件/);
    expect(all).toMatch(/截至2026年2月10日[^。]*在册社区矫正对象5人/);
    expect(all).not.toContain('在办问题线索累计');
    expect(all).not.toContain('目前在册');
  });

  it('part three: the party group, a zero appearance rate not praised, a cut 述法 list ends with 等', () => {
    const reporters = Array.from({ length: 12 }, (_, i) => ({ reporterName: `测试${i}`, position: '副局长' }));
    const parts = render(figures({ 'litigation.headAppearanceRate': 0 }), { leadershipStudySessions: { list: [{ topic: '学习《中华人民共和国宪法》' }] }, lawReportings: { list: reporters } });
    const leaders = parts[2]!.join('\n');
    expect(leaders).toContain('局党组主要负责同志');
    expect(leaders).not.toContain('局党委');
    expect(leaders).not.toContain('出庭应诉率0.0%');
    expect(leaders).toMatch(/副局长测试7等）/);
    const full = render(figures({}), { leadershipStudySessions: { list: [] }, lawReportings: { list: reporters.slice(0, 3) } })[2]!.join('\n');
    expect(full).toMatch(/副局长测试2）/);
  });
});
