import { describe, expect, it } from 'vitest';
import { DETECTION_RULES, DETECTION_RULE_IDS, DetectionParamSchemas, describeDetectionRule } from './enforcement';

describe('describeDetectionRule: the words shown carry the parameters in force', () => {
  it.each([
    ['repeated-inspection', {}, '自一次检查之日起 30 日内（含第 30 日）检查 2 次及以上（一次联合检查计一次；投诉举报核查不计入）'],
    ['repeated-inspection', { windowDays: 14, minVisits: 3, excludeKinds: [] }, '自一次检查之日起 14 日内（含第 14 日）检查 3 次及以上（一次联合检查计一次；各类检查均计入）'],
    ['multi-agency-inspection', {}, '自一次检查之日起 30 日内（含第 30 日）有 3 个及以上不同执法主体分别（非联合检查）检查同一企业（投诉举报核查不计入）'],
    ['multi-agency-inspection', { windowDays: 60, minAgencies: 4, excludeKinds: ['complaint', 'random'] }, '自一次检查之日起 60 日内（含第 60 日）有 4 个及以上不同执法主体分别（非联合检查）检查同一企业（投诉举报核查、“双随机”抽查不计入）'],
    ['unplanned-inspection', {}, '计划检查、专项检查未关联检查计划'],
    ['unplanned-inspection', { kinds: [] }, '未设定须关联检查计划的检查类型，本规则不产生预警'],
    ['low-yield-officer', { minInspections: 80, medianRatio: 0.4 }, '执法人员在期间内某领域检查不少于 80 次，且发现问题率低于同领域执法人员（检查不少于 80 次者）发现问题率中位数的 40%'],
    ['frequency-cap', {}, '（计划未设上限的不检测）'],
    ['frequency-cap', { excludeKinds: ['complaint'], defaultCap: 4 }, '（计划未设上限的按每年 4 次）'],
    ['expired-certificate', { flagUnregisteredOfficer: false }, '未在执法人员台账登记的人员不预警'],
    ['expired-certificate', { flagUnregisteredOfficer: true }, '未持有效执法证（未登记、未生效或已过期）'],
    ['discretion-outlier', { factor: 2.5, minGroupSize: 8 }, '案件不少于 8 件时，罚款金额高于其中位数的 2.5 倍或低于中位数的 2.5 分之一'],
  ] as const)('%s %j', (rule, params, text) => {
    expect(describeDetectionRule(rule, params)).toContain(text);
  });

  it('states every numeric parameter value in force and none of a changed default (every rule)', () => {
    for (const rule of DETECTION_RULE_IDS) {
      const defaults = DETECTION_RULES[rule].defaults;
      const numeric = Object.entries(defaults).filter(([, v]) => typeof v === 'number');
      if (!numeric.length) continue;
      // a valid change of each numeric parameter: well away from its default
      const changed = Object.fromEntries(numeric.map(([k, v]) => [k, k === 'medianRatio' ? 0.6 : Number(v) + 17]));
      const params = { ...defaults, ...changed };
      expect(DetectionParamSchemas[rule].safeParse(params).success, rule).toBe(true);
      const text = describeDetectionRule(rule, params);
      for (const [k, v] of Object.entries(changed)) expect(text, `${rule}.${k}`).toContain(k === 'medianRatio' ? `${Number(v) * 100}%` : ` ${String(v)} `);
      for (const [k, v] of numeric) expect(text, `${rule}.${k} default still shown`).not.toContain(k === 'medianRatio' ? `${Number(v) * 100}%` : ` ${String(v)} `);
    }
  });

  it('the static descriptions name no threshold that is a parameter', () => {
    expect(DETECTION_RULES['multi-agency-inspection'].description).not.toMatch(/三个|3 个/);
    for (const rule of DETECTION_RULE_IDS) {
      for (const v of Object.values(DETECTION_RULES[rule].defaults)) if (typeof v === 'number') expect(DETECTION_RULES[rule].description, rule).not.toContain(String(v));
    }
  });
});
