import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from './test/harness';

// The demo's first start loads the legality-review law library from FAZHI_LAW_DIR (default ../shared/law beside the
// checkout), audited like the CLI's import-law; FAZHI_LAW_DIR= (empty, the harness default) loads nothing.
const lawDir = mkdtempSync(path.join(tmpdir(), 'fazhi-law-'));
mkdirSync(path.join(lawDir, '行政法'));
writeFileSync(path.join(lawDir, '行政法', '示例行政许可办法(2020-01-01).md'), '# 示例行政许可办法\n\n第一条 为了规范行政许可，制定本办法。\n\n第二条 规章以下的规范性文件不得设定行政许可。\n');
afterAll(() => rmSync(lawDir, { recursive: true, force: true }));

describe('demo first start: the law library', () => {
  it('loads FAZHI_LAW_DIR when the demo is seeded, and audits the import as the demo\'s', async () => {
    const t = await createTestApp('sqlite', { env: { FAZHI_LAW_DIR: lawDir } });
    try {
      const articles = await t.handle.db.selectFrom('lawArticles').select('articleNo').execute();
      expect(articles.map((a) => a.articleNo).sort()).toEqual(['第一条', '第二条']);
      const audit = await t.handle.db.selectFrom('auditLog').select(['actorId', 'diff']).where('action', '=', 'legalityReview.law.import').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actorId).toBeNull();
      expect(audit[0]!.diff).toContain('"source":"demo"');
    } finally {
      await t.close();
    }
  });

  it('loads nothing when FAZHI_LAW_DIR is empty, even where the default ../shared/law would apply', async () => {
    // outside NODE_ENV=test the default is ../shared/law when it exists (it does beside this checkout)
    const t = await createTestApp('sqlite', { env: { NODE_ENV: 'development', FAZHI_LAW_DIR: '', FAZHI_REMINDER_INTERVAL_MINUTES: '0' } });
    try {
      expect(await t.handle.db.selectFrom('lawArticles').select('articleNo').execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
