import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { CLUSTERS, type Cluster, generateCases, insertGeneratedCases } from './search.fixtures';
import { STOP_WORDS, queryTerms, tokenize } from './search';

describe('segmentation', () => {
  it('keeps legal terms whole (user dictionary) and also emits their parts for search', () => {
    const t = tokenize('被申请人未在法定期限内答复政府信息公开申请，作出不予受理决定');
    expect(t).toContain('政府信息公开');
    expect(t).toContain('信息');
    expect(t).toContain('公开');
    expect(t).toContain('不予受理');
    expect(t).toContain('法定期限');
  });
  it('drops stop words, punctuation, numbers and single characters', () => {
    const t = tokenize('申请人认为：被申请人于2025年9月1日作出的西市监罚〔2025〕12号行政处罚决定书事实不清。');
    for (const w of t) {
      expect(STOP_WORDS.has(w)).toBe(false);
      expect(w.length).toBeGreaterThan(1);
      expect(/^\d+$/.test(w)).toBe(false);
    }
    expect(t).toContain('行政处罚');
    expect(t).toContain('决定书');
  });
  it('query terms are distinct', () => {
    expect(queryTerms('罚款 罚款 罚款 陈述申辩')).toEqual(['罚款', '陈述', '申辩', '陈述申辩']);
    expect(queryTerms('的 了 申请人')).toEqual([]);
  });
});

type Json = Record<string, any>;

/**
 * Search QUALITY (not timing): a labelled set of generated cases in six kinds of matter (search.fixtures.ts);
 * a result is relevant when it is of the same kind as the query. The demo register's 30 cases stay in the index
 * as unlabelled distractors and count as not relevant.
 */
for (const dialect of DIALECTS) {
  describe(`similar-case search quality [${dialect}]`, () => {
    let t: TestApp;
    let leader: Session;
    const label = new Map<string, Cluster>();
    const byCluster = new Map<Cluster, string[]>();

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      leader = await t.login('leader');
      const db = t.handle.db;
      const dept = await db.selectFrom('departments').select('id').where('code', '=', 'FYK').executeTakeFirstOrThrow();
      const handler = await db.selectFrom('users').select('id').where('username', '=', 'fy.handler1').executeTakeFirstOrThrow();
      const gen = generateCases(6 * 40, 7);
      const ids = await insertGeneratedCases(db, gen, { departmentId: dept.id, handlerId: handler.id, year: 2024, firstSeq: 1, nowIso: '2026-05-01T00:00:00.000Z' });
      ids.forEach((id, i) => {
        const c = gen[i]!.cluster;
        label.set(id, c);
        byCluster.set(c, [...(byCluster.get(c) ?? []), id]);
      });
    }, 120_000);
    afterAll(async () => t?.close());

    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: leader.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { terms: string[]; data: Json[] };
    };
    const precisionAt5 = (hits: Json[], want: Cluster) => hits.slice(0, 5).filter((h) => label.get(h.caseId) === want).length / 5;

    it('similar cases: mean precision@5 ≥ 0.8 over 5 query cases per kind of matter', async () => {
      const per: Record<string, number> = {};
      for (const c of CLUSTERS) {
        const queries = byCluster.get(c)!.slice(0, 5);
        let sum = 0;
        for (const id of queries) {
          const r = await get(`/api/v1/reconsideration/cases/${id}/similar?limit=5`);
          expect(r.data.length).toBe(5);
          expect(r.data.some((h) => h.caseId === id)).toBe(false);
          sum += precisionAt5(r.data, c);
        }
        per[c] = sum / queries.length;
      }
      const mean = Object.values(per).reduce((a, b) => a + b, 0) / CLUSTERS.length;
      expect(mean, JSON.stringify(per)).toBeGreaterThanOrEqual(0.8);
      for (const c of CLUSTERS) expect(per[c], `${c}: ${JSON.stringify(per)}`).toBeGreaterThanOrEqual(0.6);
    });

    it('free-text search: mean precision@5 ≥ 0.8 over one handler-style query per kind of matter', async () => {
      const queries: [string, Cluster][] = [
        ['政府信息公开 逾期答复 检索义务', 'disclosure'],
        ['罚款过重 未告知陈述申辩 听证', 'penalty'],
        ['投诉举报 未处理 不履行法定职责', 'failureToAct'],
        ['上下班途中 交通事故 工伤认定', 'workInjury'],
        ['强制拆除 违法建设 未催告', 'demolition'],
        ['不予许可 听证 许可决定', 'licensing'],
      ];
      let sum = 0;
      for (const [q, c] of queries) {
        const r = await get(`/api/v1/reconsideration/search?q=${encodeURIComponent(q)}&limit=5`);
        expect(r.terms.length).toBeGreaterThan(1);
        for (const h of r.data) expect(h.matchedTerms.length).toBeGreaterThan(0);
        sum += precisionAt5(r.data, c);
      }
      expect(sum / queries.length).toBeGreaterThanOrEqual(0.8);
    });
  });
}
