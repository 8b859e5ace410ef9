import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeRules } from './analyze';
import { DEV_SET_PATH, evaluate, loadLabelled } from './evaluate';
import { HANDWRITTEN, HANDWRITTEN_2, HANDWRITTEN_3, HANDWRITTEN_4, HANDWRITTEN_5, HANDWRITTEN_6, HANDWRITTEN_7 } from './handwritten.fixtures';
import { RULES } from './rules';

const typesOf = (text: string, kind: 'normative_document' | 'major_decision' = 'normative_document') => [...new Set(analyzeRules(text, kind).flatMap((f) => f.types))].sort();

describe('rule base', () => {
  it('every rule cites at least one superior provision with an article', () => {
    for (const r of RULES) {
      expect(r.basis.length, r.id).toBeGreaterThan(0);
      for (const b of r.basis) expect(b.article, r.id).toMatch(/^第.+条$|^[一二三四五六七八九十]+$|^—$/u);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it.each([...HANDWRITTEN, ...HANDWRITTEN_2, ...HANDWRITTEN_3, ...HANDWRITTEN_4, ...HANDWRITTEN_5, ...HANDWRITTEN_6, ...HANDWRITTEN_7].map((c) => [c.types.join(',') || 'compliant', c.text, c] as const))('%s: %s', (_l, _t, c) => {
    expect(typesOf(c.text, c.docKind)).toEqual([...c.types].sort());
  });

  it('negation and exceptions: 不得 / 无需 / a cited statute / 鼓励 / 平等', () => {
    expect(typesOf('第五条 行政机关不得对经营者采取查封、扣押措施。')).toEqual([]);
    expect(typesOf('第六条 各部门不得要求企业缴纳保证金。')).toEqual([]);
    expect(typesOf('第七条 对违法建设，由区城市管理委员会依照《中华人民共和国城乡规划法》第六十八条的规定查封施工现场。')).toEqual([]);
    // the citation does not cover a measure added on top of it
    expect(typesOf('第八条 对违法排污的，依照《中华人民共和国水污染防治法》的规定处罚，并一律责令停业整顿一个月。')).toEqual(['penalty']);
    expect(typesOf('第九条 鼓励本区各类企业参与公开招标，不受注册地限制。')).toEqual([]);
  });

  it('scope of negations, citations and violation conditions', () => {
    // a prohibition addressed to everyone does not reach the sanction that follows it
    expect(typesOf('第一条 任何单位和个人不得占用盲道，违者由区城市管理委员会处二百元罚款。')).toEqual(['penalty']);
    expect(typesOf('第二条 任何单位和个人不得向经营者收取押金。')).toEqual([]);
    // a negation does not reach past 并 (取消…并处罚款)
    expect(typesOf('第三条 对拒不配合的商户，取消其示范商户称号并处以三千元罚款。')).toEqual(['obligation', 'penalty']);
    // 依法追究刑事责任 at the end does not make an invented fine lawful
    expect(typesOf('第四条 违反本规定的，由区商务局处一万元罚款，构成犯罪的，依法追究刑事责任。')).toEqual(['penalty']);
    // a district's own 有关规定 is not a superior basis
    expect(typesOf('第五条 按照本区有关规定，施工单位应当缴纳扬尘治理保证金。')).toEqual(['obligation']);
    expect(typesOf('第六条 按照国家有关规定，施工单位应当缴纳农民工工资保证金。')).toEqual([]);
    // a measure joined on after the cited one is the document's own; 并处 is the statute's wording
    expect(typesOf('第七条 违反前款规定的，依照《中华人民共和国大气污染防治法》的规定处罚，并吊销其经营许可证。')).toEqual(['penalty']);
    expect(typesOf('第八条 违反前款规定的，依照《中华人民共和国广告法》第五十八条的规定处以罚款，并处没收广告费用。')).toEqual([]);
    // the conduct described in a condition (擅自收取押金的，…) is not a measure the text imposes
    expect(typesOf('第九条 违反本办法规定，擅自收取押金的，由区市场监督管理局责令退还。')).toEqual([]);
  });

  it('retroactive application dates and comment periods written as dates', () => {
    expect(typesOf('第三十条 本办法自2026年7月1日起施行，有效期5年；2026年1月1日以后发生的违规行为按照本办法处理。')).toEqual(['obligation']);
    expect(typesOf('第三十条 本办法自2026年7月1日起施行，有效期5年；2026年9月1日以后新建的项目按照本办法执行。')).toEqual([]);
    expect(typesOf('征求意见时间自2026年3月1日起至3月20日止。', 'major_decision')).toEqual(['procedure']);
    expect(typesOf('决策草案于2026年4月1日公开征求意见，意见征集截止日期为2026年5月8日。', 'major_decision')).toEqual([]);
    expect(typesOf('决策草案于2026年4月1日公开征求意见，意见征集截止日期为2026年4月20日。', 'major_decision')).toEqual(['procedure']);
    expect(typesOf('决策草案于11月20日至12月25日公开征求意见。', 'major_decision')).toEqual([]);
    expect(typesOf('合法性审查部门应当在3日内完成审查。', 'major_decision')).toEqual(['procedure']);
    expect(typesOf('合法性审查部门于收到送审稿后2小时内出具审查意见。', 'major_decision')).toEqual(['procedure']);
  });

  it('items under a negative lead-in restate prohibitions and are not findings', () => {
    const text = '第八条 起草单位制定政策措施，不得含有下列内容：\n（一）限定购买特定经营者提供的商品；\n（二）对外地商品设置歧视性收费标准。\n第九条 全区学校校服统一由区教育局确定的企业供应。';
    const f = analyzeRules(text, 'normative_document');
    expect(f.map((x) => x.ruleId)).toEqual(['competition.designated-supplier']);
    expect(f[0]!.excerpt).toContain('第九条');
  });

  it('findings carry offsets into the document, an excerpt, basis and a zh-CN explanation', () => {
    const text = '××区管理办法\n第一条 为了规范管理，制定本办法。\n第二条 从事废品回收的，须取得区商务局核发的《回收许可证》后方可经营。';
    const [f, ...rest] = analyzeRules(text, 'normative_document');
    expect(rest).toEqual([]);
    expect(f!.types).toEqual(['permit']);
    expect(text.slice(f!.start, f!.end)).toBe(f!.excerpt);
    expect(f!.excerpt).toContain('回收许可证');
    expect(f!.basis[0]).toMatchObject({ instrument: '中华人民共和国行政许可法', article: '第十七条' });
    expect(f!.explanation).toMatch(/行政许可法第十七条/u);
    expect(f!.confidence).toBeGreaterThan(0.5);
  });

  it('a clean text returns no findings', () => {
    expect(analyzeRules('第一条 为了规范本区公共文化服务，制定本办法。\n第二条 区文化和旅游局负责组织实施。\n第三条 本办法自2026年1月1日起施行，有效期5年。', 'normative_document')).toEqual([]);
  });

  it('a document titled 暂行 limits the term to 2 years even when the final article says 本办法', () => {
    expect(typesOf('××区共享单车管理暂行办法\n第一条 为了规范管理，制定本办法。\n第九条 本办法自2026年1月1日起施行，有效期3年。'.split('\n')[2]!)).toEqual([]);
    const f = analyzeRules('××区共享单车管理暂行办法\n第一条 为了规范管理，制定本办法。\n第九条 本办法自2026年1月1日起施行，有效期3年。', 'normative_document');
    expect(f.map((x) => x.types[0])).toEqual(['validity']);
  });
});

// Quality floor on the labelled development set (not timed): a regression in the rule base fails here.
describe.skipIf(!existsSync(DEV_SET_PATH))('quality on ../shared/eval/legality-dev.jsonl', () => {
  it('precision ≥ 0.90, recall ≥ 0.85, at most 5% of compliant clauses flagged', () => {
    const q = evaluate(loadLabelled());
    expect(q.overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(q.overall.recall).toBeGreaterThanOrEqual(0.85);
    expect(q.compliantFlaggedShare).toBeLessThanOrEqual(0.05);
  });
});
