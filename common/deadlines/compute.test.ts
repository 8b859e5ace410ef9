import { describe, expect, it } from 'vitest';
import { createOfficialCalendar } from '../calendar';
import { computeDeadline, describeRule, getRule } from './index';
import { errorCode } from './testing';

const cal = createOfficialCalendar();

describe('computeDeadline', () => {
  it('first step cites the rule (行政复议法 Art. 30, 5 working days)', () => {
    const r = computeDeadline(cal, getRule('reconsideration.acceptanceReview'), { start: '2025-09-26' });
    expect(r.due).toBe('2025-10-10');
    expect(r.steps[0]).toEqual({
      code: 'RULE',
      text: '依据《中华人民共和国行政复议法》第三十条，受理审查期限为 5 个工作日（按工作日计算的依据：《中华人民共和国行政复议法》第八十八条第二款）',
      citation: '《中华人民共和国行政复议法》第三十条',
    });
    expect(r.steps.map((s) => s.code)).toEqual(['RULE', 'START', 'COUNT', 'DUE']);
    expect(r.steps[2]?.citation).toBe('《中华人民共和国行政复议法》第八十八条第二款');
  });

  it('ordinary-procedure decision: 60 CAL + approved extension ≤ 30 CAL (Art. 62)', () => {
    const rule = getRule('reconsideration.decision');
    expect(computeDeadline(cal, rule, { start: '2025-08-02' }).due).toBe('2025-10-09');
    const ext = computeDeadline(cal, rule, { start: '2025-08-02', extensions: [{ length: 30, unit: 'CAL', reason: '情况复杂', approvedOn: '2025-09-25' }] });
    expect(ext.due).toBe('2025-10-31');
    expect(errorCode(() => computeDeadline(cal, rule, { start: '2025-08-02', extensions: [{ length: 31, unit: 'CAL', reason: 'x' }] }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => computeDeadline(cal, rule, { start: '2025-08-02', extensions: [{ length: 20, unit: 'CAL', reason: 'x' }, { length: 20, unit: 'CAL', reason: 'y' }] }))).toBe('VALIDATION_FAILED');
    expect(errorCode(() => computeDeadline(cal, rule, { start: '2025-08-02', extensions: [{ length: 5, unit: 'WD', reason: 'x' }] }))).toBe('VALIDATION_FAILED');
  });

  it('政府信息公开 reply: 20 WD + ≤ 20 WD, third-party consultation excluded as a pause', () => {
    const rule = getRule('disclosure.reply');
    const plain = computeDeadline(cal, rule, { start: '2025-09-15', explain: false });
    const withPause = computeDeadline(cal, rule, {
      start: '2025-09-15', explain: false,
      pauses: [{ from: '2025-09-22', to: '2025-09-26', reason: '征求第三方意见', article: '政府信息公开条例第三十三条第三款' }],
    });
    expect(withPause.due > plain.due).toBe(true);
    const ext = computeDeadline(cal, rule, { start: '2025-09-15', extensions: [{ length: 20, unit: 'WD', reason: '经负责人同意' }] });
    expect(ext.steps.some((s) => s.code === 'EXTENSION')).toBe(true);
  });

  it("hearing notice (Art. 51) counts backwards and says 'at the latest'", () => {
    const r = computeDeadline(cal, getRule('reconsideration.hearingNotice'), { start: '2025-10-10' });
    expect(r.due).toBe('2025-09-26');
    expect(r.steps[0]?.text).toContain('听证通知期限为基准日前至少 5 个工作日');
    expect(r.steps.at(-1)?.text).toBe('最迟应于 2025-09-26（星期五）完成（含当日）');
  });

  it("minimum periods (M1 public comment ≥ 30 days) say 'not earlier than'", () => {
    const r = computeDeadline(cal, getRule('majorDecision.publicComment'), { start: '2025-09-01' });
    expect(r.due).toBe('2025-10-09');
    expect(r.steps[0]?.text).toContain('重大行政决策公开征求意见期限为不少于 30 日');
    expect(r.steps.at(-1)?.text).toBe('该期间最早于 2025-10-09（星期四）届满，不得早于该日结束');
  });

  it('propagates the unpublished-year policy', () => {
    const rule = getRule('reconsideration.respondentReply');
    expect(errorCode(() => computeDeadline(cal, rule, { start: '2026-12-24' }))).toBe('CALENDAR_YEAR_UNPUBLISHED');
    const r = computeDeadline(cal, rule, { start: '2026-12-24', onUnpublished: 'flag' });
    expect(r.flags).toEqual(['CALENDAR_YEAR_UNPUBLISHED']);
    expect(r.steps.at(-1)?.text).toContain('（暂定）');
  });

  it('explain:false returns no steps and the rule', () => {
    const rule = getRule('legalAid.applicationDecision');
    const r = computeDeadline(cal, rule, { start: '2025-09-30', explain: false });
    expect(r).toMatchObject({ due: '2025-10-09', steps: [], rule });
  });

  it('describeRule mentions the range and unverified status of N3', () => {
    expect(describeRule(getRule('normativeDocument.legalityReview'))).toContain('不少于 5 个工作日、不超过 15 个工作日（按上限计算）');
    expect(describeRule(getRule('normativeDocument.legalityReview'))).toContain('尚待核实');
  });
});
