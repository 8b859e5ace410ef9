import path from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { createDb } from './db';
import { setupDatabase } from './setup';

/** Process entry: config → db → migrate → (first run: seed) → listen; graceful shutdown on SIGINT/SIGTERM. */
async function main() {
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
  const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: path.join(config.dataDir, 'fazhi.db') });
  const { app, services } = await buildApp({ config, db: handle });
  const setup = await setupDatabase(handle, config, services);
  if (setup.migrations.length) app.log.info({ migrations: setup.migrations }, 'migrations applied');

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  // Credentials go to the console once, never to the structured log.
  if (setup.demoSeeded) {
    const lines = [
      '',
      '================ 法治 Fazhi 演示模式 (demo mode) ================',
      `工作台 Staff workbench: ${url}/    公共服务 Public portal: ${url}/portal    API 文档: ${url}/api/docs`,
      ...(setup.lawImported ? [`法规库 Law library: ${setup.lawImported.instruments} 部法律法规、${setup.lawImported.articles} 条（合法性审查引用条文）`] : []),
      '演示账户 Demo accounts:',
      ...setup.demoAccounts.map((a) => `  ${a.username.padEnd(14)} ${a.roles.join('、').padEnd(10)} ${a.department} ${a.displayName}`),
      setup.generatedPassword
        ? `演示密码 Demo password (printed once; set FAZHI_DEMO_PASSWORD to choose it): ${setup.generatedPassword}`
        : '演示密码 Demo password: the value of FAZHI_DEMO_PASSWORD',
      '=================================================================',
      '',
    ];
    console.log(lines.join('\n'));
  } else if (setup.bootstrapAdmins.length) {
    console.log(
      ['', '首次启动：已创建三员账户（请立即登录并修改密码；此信息只显示一次）', ...setup.bootstrapAdmins.map((a) => `  ${a.username}  ${a.password}`), ''].join('\n'),
    );
  } else {
    console.log(`法治 Fazhi listening on ${url}`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    try {
      await app.close();
      await handle.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('启动失败 (startup failed):', err instanceof Error ? err.message : err);
  process.exit(1);
});
