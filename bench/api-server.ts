// A server process for bench/api.ts: "bare" = a Fastify hello route (plus, when BENCH_STATIC_DIR is set, the app's
// own list and detail responses served as constant bytes); "app" = the real app on a prepared data dir, plus two
// bench-only routes that send those responses as constants through the app's checks (see below).
import { existsSync, readFileSync } from 'node:fs';
import Fastify from 'fastify';
import path from 'node:path';

const mode = process.argv[2];
if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  // The ceiling for a route that sends N bytes of JSON: the same bytes the app sent, with no work behind them.
  const dir = process.env.BENCH_STATIC_DIR;
  for (const name of ['list', 'detail']) {
    const file = dir ? path.join(dir, `bench-${name}.json`) : '';
    if (!file || !existsSync(file)) continue;
    const body = readFileSync(file);
    app.get(`/static/${name}`, (_req, reply) => {
      reply.header('content-type', 'application/json; charset=utf-8').send(body);
    });
  }
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
  // The ceiling for the app's own routes: the same session, CSRF, permission and response-schema checks as the
  // real list and detail, through every hook and plugin of the app, sending the real routes' responses (saved by
  // the parent as files in BENCH_STATIC_DIR) with no handler work behind them. Bench-only routes: not in the app.
  const { DeadlineDetail, DeadlineSchema, listOf } = await import('../common/contracts');
  const { responses } = await import('../server/http/schemas');
  const constant = new Map<string, unknown>();
  const body = (name: string) => {
    if (!constant.has(name)) constant.set(name, JSON.parse(readFileSync(path.join(process.env.BENCH_STATIC_DIR ?? config.dataDir, `bench-${name}.json`), 'utf8')));
    return constant.get(name) as never;
  };
  app.get('/api/v1/bench/detail', { config: { permission: 'deadline.read' }, schema: { response: responses(DeadlineDetail) } }, async () => body('detail'));
  app.get('/api/v1/bench/list', { config: { permission: 'deadline.read' }, schema: { response: responses(listOf(DeadlineSchema)) } }, async () => body('list'));
  await setupDatabase(handle, config, services);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  console.log(`READY ${typeof addr === 'object' && addr ? addr.port : 0}`);
}
// The parent asks for this process's CPU time around each measurement (CPU time per request is the figure that
// other work on the machine disturbs least).
process.on('message', (m) => {
  if (m === 'cpu') process.send?.(process.cpuUsage());
});
// A clean exit, so that --cpu-prof (BENCH_CPU_PROF) writes its profile.
process.on('SIGTERM', () => process.exit(0));
