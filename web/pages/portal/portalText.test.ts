import { describe, expect, it } from 'vitest';
import { calcFailureHint, cleanIdNumberInput, dateZh, idNumberProblem, isoDatesToZh, lockedUntilText, mobileProblem, parseDaysInput, refusedFields, stepOfFields, zhSteps } from './portalText';

describe('portal dates in Chinese (citizens read 2026年12月1日, never 2026-12-01)', () => {
  it('dateZh', () => {
    expect(dateZh('2026-12-01')).toBe('2026年12月1日');
    expect(dateZh('2027-01-19')).toBe('2027年1月19日');
    expect(dateZh('not a date')).toBe('not a date');
  });
  it('isoDatesToZh rewrites every date in a sentence and leaves the rest', () => {
    expect(isoDatesToZh('跳过 2026-09-26 至 2026-09-27 中秋节假期；2026-10-10（星期六）为调休上班日')).toBe('跳过 2026年9月26日 至 2026年9月27日 中秋节假期；2026年10月10日（星期六）为调休上班日');
    expect(isoDatesToZh('第八十五条')).toBe('第八十五条');
    expect(isoDatesToZh('2026-13-45 不是日期')).toBe('2026-13-45 不是日期');
  });
  it('zhSteps keeps code and citation, rewrites the text', () => {
    expect(zhSteps([{ code: 'START', text: '起算日 2026-11-30（星期一）不计入', citation: 'x' }])).toEqual([{ code: 'START', text: '起算日 2026年11月30日（星期一）不计入', citation: 'x' }]);
  });
});

describe('calculator days input', () => {
  it('keeps what was typed so the rule can say what is wrong instead of silently changing it', () => {
    expect(parseDaysInput('99999999')).toBe(99999999);
    expect(parseDaysInput(' 15 ')).toBe(15);
    expect(parseDaysInput('１５')).toBe(15);
    expect(parseDaysInput('')).toBeNull();
    expect(parseDaysInput('abc')).toBeNull();
  });
  it('tentative calendar-day due date when the holiday year is unpublished', () => {
    expect(calcFailureHint({ from: '2026-12-01', days: 60, unit: 'CAL' })).toContain('2027年1月30日');
    expect(calcFailureHint({ from: '2026-12-01', days: 60, unit: 'CAL' })).toContain('第八十五条第三款');
    expect(calcFailureHint({ from: '2027-03-01', days: 5, unit: 'WD' })).toBeNull();
  });
});

describe('progress lock', () => {
  it('names the Beijing time the lock ends', () => {
    expect(lockedUntilText({ lockedUntil: '2026-11-29T19:20:43.267Z' })).toBe('可于北京时间 2026年11月30日 03:21 后再次查询。');
    expect(lockedUntilText(undefined)).toBe('');
  });
});

describe('identity fields: the message says what to check', () => {
  const valid = '110102198503151231';
  it('ID number', () => {
    expect(idNumberProblem(valid)).toBe('');
    expect(idNumberProblem('110102 19850315 123x'.replace('x', '1'))).toBe('');
    expect(idNumberProblem('１１０１０２１９８５０３１５１２３１')).toBe('');
    expect(cleanIdNumberInput('11010219850315123x')).toBe('11010219850315123X');
    expect(idNumberProblem('110102198503151232')).toContain('校验码');
    expect(idNumberProblem('11010219850315123')).toContain('18 位，您填写了 17 位');
    expect(idNumberProblem('11010219850315123A')).toContain('最后一位为数字或字母 X');
    expect(idNumberProblem('110102198513151231')).toContain('出生日期');
    expect(idNumberProblem(valid)).not.toMatch(/GB/);
  });
  it('mobile', () => {
    expect(mobileProblem('138 0013 8000')).toBe('');
    expect(mobileProblem('+86 13800138000')).toBe('');
    expect(mobileProblem('1380013800')).toContain('11 位，您填写了 10 位');
    expect(mobileProblem('1380013800a')).toContain('只能填写数字');
    expect(mobileProblem('12800138000')).toContain('13 至 19');
  });
});

describe('date box formats', () => {
  it('are fixed-width, so a date being typed never matches early (2026-11-2… is not 2026-11-02)', async () => {
    const { DATE_INPUT_FORMATS } = await import('./portalText');
    const dayjs = (await import('dayjs')).default;
    const cpf = (await import('dayjs/plugin/customParseFormat')).default;
    dayjs.extend(cpf);
    for (const f of DATE_INPUT_FORMATS) expect(dayjs('2026-11-2', f, true).isValid(), f).toBe(false);
    expect(DATE_INPUT_FORMATS.some((f) => dayjs('20261120', f, true).format('YYYY-MM-DD') === '2026-11-20')).toBe(true);
  });
});

describe('a refused application sends the applicant back to the field', () => {
  const STEPS = [[['applicant', 'idNumber'], ['applicant', 'mobile']], [['act', 'knownOn'], ['act', 'madeOn']], [['request'], ['reasons']], [], [['declaration']]];
  it('details.field and VALIDATION_FAILED issues', () => {
    const f = refusedFields({ field: 'application.act.knownOn' }, '不能晚于今天');
    expect(f).toEqual([{ name: ['act', 'knownOn'], message: '不能晚于今天' }]);
    expect(stepOfFields(f.map((x) => x.name), STEPS)).toBe(1);
    const v = refusedFields({ issues: [{ path: 'application.request', message: '请填写行政复议请求' }, { path: 'query.x', message: 'x' }] }, '有误');
    expect(v).toEqual([{ name: ['request'], message: '请填写行政复议请求' }]);
    expect(stepOfFields(v.map((x) => x.name), STEPS)).toBe(2);
    expect(refusedFields(undefined, 'x')).toEqual([]);
    expect(stepOfFields([['nowhere']], STEPS)).toBeNull();
  });
});
