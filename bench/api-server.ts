// A server process for bench/api.ts: "bare" = a Fastify hello route; "app" = the real app on a prepared data dir.
import Fastify from 'fastify';
import path from 'node:path';

const mode = process.argv[2];
if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : 0}`);
} else {
  const { loadConfig } = await import('../server/config');
  const { createDb } = await import('../server/db');
  const { buildApp } = await import('../server/app');
  const { setupDatabase } = await import('../server/setup');
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, { demo: true });
  const handle = createDb({ databaseUrl: null, sqliteFile: path.join(config.dataDir, 'fazhi.db') });
  const { app, services } = await buildApp({ config, db: handle, logger: false });
  await setupDatabase(handle, config, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : 0}`);
}
process.on('SIGTERM', () => process.exit(0));
