import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { buildApp } from './app';
import { createAuditService } from './platform/audit';
import { systemClock } from './platform/clock';
import { ConfigError, loadConfig } from './config';
import { createDb, migrateToLatest, openSqlite } from './db';

/**
 * Operations commands (docs/operations.md):
 *   backup [file]     online backup of the embedded database (the app may keep running)
 *   restore <file>    replace the embedded database with a backup (stop the app first)
 *   verify-audit      check the SM3 chain of the audit log; exit 1 and list the breaks if it is broken
 *   remind            send today's due-soon and overdue deadline reminders once (exit 1 if a message was refused)
 *   stats-snapshot [YYYY-MM]  store the monthly statistics snapshot (.xlsx) of a month (default: last month) once
 *   import-law <dir>  import a law corpus (one Markdown file per instrument, articles 第X条) for the legality-review engine
 */
async function main() {
  const [cmd, arg] = process.argv.slice(2);
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78);
    }
    throw e;
  }
  const dbFile = path.join(config.dataDir, 'fazhi.db');

  if (cmd === 'backup') {
    if (config.databaseUrl) {
      console.error('PostgreSQL 部署请使用 pg_dump 备份（见 docs/operations.md）。');
      process.exit(2);
    }
    if (!existsSync(dbFile)) {
      console.error(`数据库文件不存在：${dbFile}`);
      process.exit(2);
    }
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = path.resolve(arg ?? path.join(config.dataDir, 'backups', `fazhi-${stamp}.db`));
    mkdirSync(path.dirname(target), { recursive: true });
    const sqlite = openSqlite(dbFile);
    const started = Date.now();
    await sqlite.backup(target);
    sqlite.close();
    const check = openSqlite(target);
    const integrity = check.pragma('integrity_check', { simple: true });
    check.close();
    console.log(`备份完成 backup written: ${target} (${Date.now() - started} ms, integrity_check: ${String(integrity)})`);
    return;
  }

  if (cmd === 'restore') {
    if (!arg || !existsSync(arg)) {
      console.error('用法 usage: npm run db:restore -- <backup-file>   （请先停止应用）');
      process.exit(2);
    }
    const check = openSqlite(path.resolve(arg));
    const integrity = String(check.pragma('integrity_check', { simple: true }));
    check.close();
    if (integrity !== 'ok') {
      console.error(`备份文件校验失败：${integrity}`);
      process.exit(1);
    }
    if (existsSync(dbFile)) {
      const keep = `${dbFile}.before-restore-${Date.now()}`;
      copyFileSync(dbFile, keep);
      console.log(`原数据库已另存 previous database kept at ${keep}`);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
    copyFileSync(path.resolve(arg), dbFile);
    console.log(`已恢复 restored ${arg} → ${dbFile}`);
    return;
  }

  if (cmd === 'verify-audit') {
    const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: dbFile });
    await migrateToLatest(handle.db);
    const audit = createAuditService({ db: handle.db, dialect: handle.dialect, clock: systemClock() });
    const res = await audit.verify();
    await handle.close();
    if (res.ok) {
      console.log(`审计日志完整 audit chain intact: ${res.checked} 条记录 (seq ${res.firstSeq ?? '-'}–${res.lastSeq ?? '-'})`);
      return;
    }
    console.error(`审计日志链断裂 AUDIT CHAIN BROKEN: 校验 ${res.checked} 条，发现 ${res.breaks.length} 处断点`);
    for (const b of res.breaks) console.error(`  seq ${b.seq} [${b.kind}] ${b.message}`);
    process.exit(1);
  }

  if (cmd === 'remind') {
    const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: dbFile });
    await migrateToLatest(handle.db);
    // The scan runs once here; the server's interval stays off in this process.
    const { app, services } = await buildApp({ config: { ...config, notify: { ...config.notify, reminderIntervalMinutes: 0 } }, db: handle });
    const r = await services.reminders.runDeadlineReminders();
    await app.close();
    await handle.close();
    console.log(`期限提醒 deadline reminders ${r.date}（届满日不晚于 ${r.dueUntil}）：待提醒 ${r.candidates} 项，发送 ${r.messages} 条消息、${r.items} 项，失败 ${r.failed} 人`);
    if (r.failed) process.exit(1);
    return;
  }

  if (cmd === 'stats-snapshot') {
    const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: dbFile });
    await migrateToLatest(handle.db);
    const { app, services } = await buildApp({ config: { ...config, notify: { ...config.notify, reminderIntervalMinutes: 0 } }, db: handle, logger: false });
    const r = await services.snapshots.runMonthly(arg);
    await app.close();
    await handle.close();
    console.log(`月度统计快照 monthly statistics snapshot ${r.snapshot.month}：${r.created ? '已生成 stored' : '已存在，未重复生成 already stored'}（${r.snapshot.figures} 项指标，${r.snapshot.bytes} 字节）`);
    return;
  }

  if (cmd === 'import-law') {
    if (!arg || !existsSync(arg)) {
      console.error('用法 usage: tsx server/cli.ts import-law <法规库目录 directory of .md files>');
      process.exit(2);
    }
    const { importLawDir } = await import('./modules/legality-review/engine');
    const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: dbFile });
    await migrateToLatest(handle.db);
    const dir = path.resolve(arg);
    const started = Date.now(); // reading the folder included
    const audit = createAuditService({ db: handle.db, dialect: handle.dialect, clock: systemClock() });
    const rep = await importLawDir(handle.db, audit, dir, 'cli', new Date().toISOString());
    await handle.close();
    console.log(`法规库导入完成 law corpus imported from ${dir}: ${rep.instruments} 部法律法规，${rep.articles} 条 (${Date.now() - started} ms)`);
    for (const r of rep.rejected) console.log(`  未导入 rejected: ${r.name} — ${r.reason}`);
    if (!rep.instruments) process.exit(1);
    return;
  }

  if (cmd === 'import-inspections' || cmd === 'import-penalties' || cmd === 'import-complaints') {
    // 行政执法监督: the same importer as the API, for files too large to upload. --valid-only imports the valid rows.
    const { importFromCli } = await import('./modules/enforcement/enforcement.import.cli');
    process.exitCode = await importFromCli(config, dbFile, cmd === 'import-inspections' ? 'inspections' : cmd === 'import-penalties' ? 'penalties' : 'complaints', process.argv.slice(3));
    return;
  }

  console.error('用法 usage: cli <backup [file] | restore <file> | verify-audit | remind | import-law <dir> | import-inspections <file> [--valid-only] | import-penalties <file> [--valid-only] | import-complaints <file> [--valid-only]>');
  process.exit(2);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
