/**
 * 法治政府建设年度报告: a refresh reads the figures again on a later day; the dates the draft wrote for the first
 * reading (the period of a year in progress, the register figures' 截至 date) follow the new reading, so the text
 * never dates a figure to a day it was not read on. Text written by staff stays as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;

describe('annual report refresh moves the dates of the reading', () => {
  let t: TestApp;
  let leader: Session;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { now: '2025-09-26T02:00:00.000Z' });
    leader = await t.login('leader');
  });
  afterAll(async () => t?.close());

  const call = async (method: 'GET' | 'POST', url: string, payload?: Json) => {
    const res = await t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: leader.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Json;
  };

  it('the period and the 截至 date follow the refresh; the staff’s own sentence is kept', { timeout: 120_000 }, async () => {
    const d = await call('POST', '/api/v1/annual-reports', { year: 2025 });
    const first = (d.rendered as Json[]).flatMap((p) => p.paragraphs as string[]).join('\n');
    expect(first).toMatch(/^2025年1月1日至9月26日，/);
    // a sentence dated to the reading (as the draft writes for register figures), and one with a date of its own
    const parts = (d.parts as Json[]).map((p) => (p.key === 'shortcomings' ? { ...p, paragraphs: ['截至2025年9月26日，全年收到行政复议申请{reconsideration.received}件，办案力量不足。'] } : p.key === 'nextYear' ? { ...p, paragraphs: ['2025年1月1日前已部署的工作继续推进。'] } : p));
    const saved = await call('POST', `/api/v1/annual-reports/${d.id}/save`, { parts, note: '', version: d.version });

    t.clock.set('2025-10-20T02:00:00.000Z');
    leader = await t.login('leader');
    const r = await call('POST', `/api/v1/annual-reports/${d.id}/refresh`, { version: saved.version });
    const text = (r.rendered as Json[]).flatMap((p) => p.paragraphs as string[]).join('\n');
    expect(text).toContain('2025年1月1日至10月20日');
    expect(text).not.toContain('至9月26日');
    expect(text).toContain('截至2025年10月20日，全年收到行政复议申请');
    expect(text).not.toContain('截至2025年9月26日');
    expect(text).toContain('2025年1月1日前已部署的工作继续推进。');

    // after the year ends the period is the whole year
    t.clock.set('2026-01-15T02:00:00.000Z');
    leader = await t.login('leader');
    const y = await call('POST', `/api/v1/annual-reports/${d.id}/refresh`, { version: r.version });
    const whole = (y.rendered as Json[]).flatMap((p) => p.paragraphs as string[]).join('\n');
    expect(whole).toMatch(/^2025年，区司法局/);
    expect(whole).toContain('截至2026年1月15日，全年收到行政复议申请');
  });

  it('refuses a paragraph with a broken figure reference, so no brace or key reaches the report', { timeout: 60_000 }, async () => {
    t.clock.set('2026-02-10T02:00:00.000Z');
    leader = await t.login('leader');
    const d = await call('POST', '/api/v1/annual-reports', { year: 2024 });
    // no work record in 2024: the page asks the drafter to write part 3 (all-zero figures are not data)
    expect(d.ruleOfLawAvailable).toBe(false);
    for (const text of ['收到申请{reconsideration.received件。', '收到申请reconsideration.received}件。', '收到申请{ reconsideration.received }件。']) {
      const parts = (d.parts as Json[]).map((p) => (p.key === 'nextYear' ? { ...p, paragraphs: [text] } : p));
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/annual-reports/${d.id}/save`, payload: { parts, note: '', version: d.version }, headers: leader.headers });
      expect(res.statusCode, `${text}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toContain('数据引用');
    }
  });
});
