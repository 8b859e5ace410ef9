import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const LAW = path.resolve('..', 'shared', 'law');

describe('tsx server/cli.ts import-law <dir>', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-law-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('imports every Markdown instrument under the folder, lists the rejected ones, and audits the import', () => {
    const dir = path.join(dataDir, 'corpus');
    mkdirSync(path.join(dir, '行政法'), { recursive: true });
    copyFileSync(path.join(LAW, '行政法', '行政许可法(2019-04-23).md'), path.join(dir, '行政法', '行政许可法(2019-04-23).md'));
    copyFileSync(path.join(LAW, '行政法', '行政强制法(2011-06-30).md'), path.join(dir, '行政法', '行政强制法(2011-06-30).md'));
    writeFileSync(path.join(dir, '说明(2020-01-01).md'), '# 说明\n<!-- INFO END -->\n本目录收录行政法。');
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import-law', dir], { env: { ...process.env, FAZHI_DATA_DIR: dataDir, NODE_ENV: 'test', LOG_LEVEL: 'silent' }, encoding: 'utf8' });
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/2 部法律法规/u);
    expect(res.stdout).toMatch(/未导入 rejected: 说明\(2020-01-01\)\.md/u);
    const db = new BetterSqlite3(path.join(dataDir, 'fazhi.db'), { readonly: true });
    const rows = db.prepare('select name, category, article_count from law_instruments order by name').all() as { name: string; category: string; article_count: number }[];
    expect(rows.map((r) => [r.name, r.category])).toEqual([['行政强制法', '行政法'], ['行政许可法', '行政法']]);
    expect(rows.every((r) => r.article_count > 50)).toBe(true);
    expect((db.prepare("select count(*) n from audit_log where action = 'legalityReview.law.import'").get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('exits 2 with the usage when the folder is missing', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'import-law', path.join(dataDir, 'nope')], { env: { ...process.env, FAZHI_DATA_DIR: dataDir, NODE_ENV: 'test' }, encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toMatch(/import-law/u);
  });
});
