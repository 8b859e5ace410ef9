import { randomUUID } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { createRng } from '../common/validators';

const RULES = ['reconsideration.acceptanceReview', 'reconsideration.copyToRespondent', 'reconsideration.respondentReply', 'reconsideration.decision'];
const MODULES = ['reconsideration', 'legalityReview', 'enforcement', 'legalAid', 'mediation'];

/**
 * Loads `count` case-like deadline rows straight into the embedded database (one prepared statement, one
 * transaction), spread over every department and its users, a quarter of them closed. Fixed seed.
 */
export function loadDeadlines(sqlite: BetterSqlite3.Database, count: number, opts: { openOnly?: boolean } = {}) {
  const rng = createRng(42);
  const depts = sqlite.prepare('select id from departments').all() as { id: string }[];
  const users = sqlite.prepare('select id, department_id as d from users').all() as { id: string; d: string }[];
  const byDept = new Map<string, string[]>();
  for (const u of users) byDept.set(u.d, [...(byDept.get(u.d) ?? []), u.id]);
  const insert = sqlite.prepare(
    `insert into deadlines (id, module, object_type, object_id, title, rule_id, start_date, pauses, extensions, due_date, status, flags,
       department_id, assignee_id, computed_at, created_at, updated_at)
     values (?, ?, 'case', ?, ?, ?, ?, '[]', '[]', ?, ?, '[]', ?, ?, ?, ?, ?)`,
  );
  const now = new Date().toISOString();
  const base = Date.UTC(2024, 0, 2);
  const tx = sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const dept = depts[i % depts.length]!.id;
      const assignees = byDept.get(dept);
      const start = new Date(base + rng.int(0, 900) * 86400_000).toISOString().slice(0, 10);
      const due = new Date(Date.parse(start) + rng.int(5, 90) * 86400_000).toISOString().slice(0, 10);
      const status = opts.openOnly || rng.next() < 0.75 ? 'open' : 'met';
      const caseNo = `西复〔${start.slice(0, 4)}〕${i + 1}号`;
      insert.run(randomUUID(), rng.pick(MODULES), caseNo, `${caseNo} 期限`, rng.pick(RULES), start, due, status, dept, assignees ? rng.pick(assignees) : null, now, now, now);
    }
  });
  tx();
}
