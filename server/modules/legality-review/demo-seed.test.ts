import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedLegalityReviewDemo } from '../../db/seeds/demo-legality-review';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';

type Json = Record<string, any>;

for (const dialect of DIALECTS) {
  describe(`合法性审查 demo data [${dialect}]`, () => {
    let t: TestApp;
    let head: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      await seedLegalityReviewDemo({ db: t.handle.db, calendar: await t.services.calendar.current(), today: '2026-06-01', nowIso: '2026-06-01T02:00:00.000Z' });
      head = await t.login('hfx.head');
    });
    afterAll(async () => t?.close());
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: head.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as Json;
    };

    it('seeds drafts in several states with their clocks, contact points covering the mix, advisers with their time', async () => {
      const list = await get('/api/v1/legality-review/drafts');
      expect(list.total).toBe(5);
      expect(new Set(list.data.map((d: Json) => d.status))).toEqual(new Set(['registered', 'underReview', 'published', 'filed']));
      const published = list.data.find((d: Json) => d.status === 'published');
      const detail = await get(`/api/v1/legality-review/drafts/${published.id}`);
      expect(detail.clocks.map((c: Json) => c.ruleId)).toEqual(expect.arrayContaining(['normativeDocument.filingBeijing', 'normativeDocument.validityEvaluation']));
      expect(detail.allowedActions).toContain('file');
      const expiring = await get('/api/v1/legality-review/drafts?expiring=true');
      expect(expiring.total).toBe(1);
      const cps = await get('/api/v1/legality-review/contact-points');
      expect(cps.data).toHaveLength(6);
      expect(cps.representativeness.gaps).toEqual([]);
      const ads = await get('/api/v1/legality-review/advisers');
      expect(ads.data.reduce((n: number, a: Json) => n + a.minutes, 0)).toBe(390);
      // the public portal lists the draft open for comment
      const portal = (await t.app.inject({ method: 'GET', url: '/api/v1/portal/legality-review/drafts' })).json() as Json;
      expect(portal.data).toHaveLength(1);
      // a register number belongs to the year of submission (the 2024 document is not numbered 〔2026〕), and
      // numbering continues after the seeded numbers
      const filed = list.data.find((d: Json) => d.status === 'filed');
      expect(filed.regNo).toBe('西合审〔2024〕1号');
      // … and numbers follow the order of receipt
      const seqOf = (d: Json) => Number(/〔2026〕(\d+)号/.exec(d.regNo)![1]);
      const of2026 = (list.data as Json[]).filter((d) => d.regNo.includes('〔2026〕')).sort((a, b) => seqOf(a) - seqOf(b));
      expect(of2026.map(seqOf)).toEqual([1, 2, 3, 4]);
      const received = of2026.map((d) => d.submittedOn as string);
      expect(received).toEqual([...received].sort());
      const next = await t.app.inject({ method: 'POST', url: '/api/v1/legality-review/drafts', headers: head.headers, payload: { kind: 'majorContract', title: '合同', draftingUnit: '区园林绿化局', contactName: '甲', submittedOn: '2026-06-01' } });
      expect(next.json().regNo).toBe('西合审〔2026〕5号');
      // each draft carries its own text (its title in the first line), and the published one still has the article
      // its review opinion asked to delete
      for (const d of list.data as Json[]) {
        const full = await get(`/api/v1/legality-review/drafts/${d.id}`);
        expect(full.text.split('\n')[0].replace(/（.*?）$/, '')).toBe(d.title);
      }
      expect(detail.text).toContain('第六条');
      expect(detail.opinion.text).toContain('第六条');
    });

    it('validity: the evaluation due before expiry reaches the reviewer through the reminder service', async () => {
      const filed = (await get('/api/v1/legality-review/drafts?status=filed')).data[0];
      const dl = await t.handle.db.selectFrom('deadlines').select(['id', 'dueDate', 'assigneeId']).where('objectId', '=', filed.id).where('ruleId', '=', 'normativeDocument.validityEvaluation').executeTakeFirstOrThrow();
      expect(dl.dueDate! < '2026-06-01').toBe(true);
      const run = await t.services.reminders.runDeadlineReminders('2026-06-01T02:00:00.000Z');
      expect(run.items).toBeGreaterThanOrEqual(1);
      const sent = await t.handle.db.selectFrom('notificationSends').select(['state', 'assigneeId']).where('deadlineId', '=', dl.id).execute();
      expect(sent).toEqual([{ state: 'overdue', assigneeId: dl.assigneeId }]);
    });
  });
}
