import { describe, expect, it } from 'vitest';
import { describeDetail } from './detail';

describe('describeDetail: a flag’s figures in Chinese', () => {
  it('names the figures of each rule with their units, no engine key left', () => {
    expect(describeDetail({ visits: 2, windowDays: 30 })).toEqual(['检查次数：2 次', '窗口天数：30 日']);
    expect(describeDetail({ kind: 'special' })).toEqual(['检查类型：专项检查']);
    expect(describeDetail({ inspections: 77, foundProblem: 0, rate: 0, fieldMedian: 0.13050314465408805, threshold: 0.03262578616352201 })).toEqual([
      '检查次数：77 次',
      '发现问题：0 次',
      '问题发现率：0.0%',
      '同领域执法人员问题发现率中位数：13.1%',
      '判定阈值：3.3%',
    ]);
    expect(describeDetail({ registered: true, validFrom: '2022-10-21', validTo: null, inspections: 6 })).toEqual(['执法人员登记：已登记', '执法证有效期起：2022-10-21', '执法证有效期止：无', '检查次数：6 次']);
    expect(describeDetail({ violationCode: 'RSJ-2', discretionLevel: 'ordinary', amount: 12000, benchmark: 3700, ratio: 3.2432, groupSize: 9 })).toEqual([
      '违法行为代码：RSJ-2',
      '裁量阶次：一般',
      '罚款金额：12,000 元',
      '同类案件罚款中位数：3,700 元',
      '为中位数的：3.24 倍',
      '同类案件数：9 件',
    ]);
  });

  it('says an undecided penalty is undecided once, and an unextended one has no extension', () => {
    const text = describeDetail({ filedOn: '2025-12-19', dueOn: '2026-03-19', decidedOn: null, daysOver: 255, undecided: true, citation: '《中华人民共和国行政处罚法》第六十条', extensionDays: 0 });
    expect(text).toEqual(['立案日期：2025-12-19', '决定期限：2026-03-19', '决定日期：尚未决定', '超过期限：255 日', '依据：《中华人民共和国行政处罚法》第六十条', '批准延长：无']);
  });

  it('keeps a figure it does not know, as it is', () => {
    expect(describeDetail({ year: 2026, visits: 4, cap: 3, extra: { a: 1 } })).toEqual(['年度：2026 年', '检查次数：4 次', '年度检查上限：3 次', 'extra：{"a":1}']);
  });
});
