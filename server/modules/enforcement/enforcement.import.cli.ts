import { existsSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../common/errors';
import type { Config } from '../../config';
import { createDb, migrateToLatest } from '../../db';
import { createAuditService } from '../../platform/audit';
import { systemClock } from '../../platform/clock';
import { type ImportKind, createImportService } from './enforcement.import.service';

/**
 * `tsx server/cli.ts import-inspections <file> [--valid-only]` (and import-penalties): the API's importer on a local
 * file of any size, progress on stderr, the result (and the first rejected rows) on stdout. Exit code 0 when the
 * import was committed with no rejected row, 1 when rows were rejected (nothing written unless --valid-only), 2 on
 * usage errors.
 */
export async function importFromCli(config: Config, dbFile: string, kind: ImportKind, args: string[]): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  const mode = args.includes('--valid-only') ? 'valid-only' : 'all';
  if (!file || !existsSync(file)) {
    console.error(`用法 usage: tsx server/cli.ts import-${kind} <file.csv|file.xlsx> [--valid-only]`);
    return 2;
  }
  const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: dbFile });
  try {
    await migrateToLatest(handle.db);
    const clock = systemClock();
    const svc = createImportService({ handle, clock, audit: createAuditService({ db: handle.db, dialect: handle.dialect, clock }), dataDir: config.dataDir });
    const started = Date.now();
    let last = 0;
    const res = await svc.importFile(null, kind, path.resolve(file), {
      fileName: path.basename(file),
      mode,
      onProgress: (p) => {
        if (Date.now() - last < 1000) return;
        last = Date.now();
        process.stderr.write(`\r已处理 processed ${p.processed.toLocaleString('en')} 行：新增 ${p.imported.toLocaleString('en')}，更新 ${p.updated.toLocaleString('en')}，拒绝 ${p.rejected.toLocaleString('en')}`);
      },
    });
    process.stderr.write('\n');
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${res.committed ? '导入完成 committed' : '未导入 rolled back（有被拒绝的行；如需只导入有效行请加 --valid-only）'}: 新增 imported ${res.imported}，更新 updated ${res.updated}，拒绝 rejected ${res.rejectedTotal} 行 (${secs} s, job ${res.jobId})`);
    for (const r of res.rejected.slice(0, 20)) console.log(`  第 ${r.row} 行 row ${r.row} [${r.code}] ${r.message}`);
    if (res.rejectedTotal) console.log(`  错误报告 error report: GET /api/v1/enforcement/imports/${res.jobId}/errors?format=xlsx`);
    // the WAL checkpoint runs in a worker after the commit: let it finish before the database is closed
    await svc.checkpointed();
    return res.rejectedTotal ? 1 : 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`[${e.code}] ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await handle.close();
  }
}
