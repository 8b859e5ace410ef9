import { parentPort, workerData } from 'node:worker_threads';
import { type PartRequest, type RepeatsRequest, laterDuplicates, parsePart, partBuffers } from './inspection-import.parallel';

// Worker entry of the inspection import (bundled as dist/server/inspection-import-worker.mjs): parses one part of a
// large CSV (inspection-import.parallel.ts), looks for ids repeated across the parts, or checkpoints the database's
// WAL after an import committed.
const data = workerData as PartRequest | { checkpoint: string } | RepeatsRequest;
/** A task with one answer: { ok, value } or { ok: false, error } (workerAnswer reads it). */
async function answer(task: () => unknown): Promise<void> {
  try {
    parentPort!.postMessage({ ok: true, value: await task() });
  } catch (e) {
    parentPort!.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

if ('repeats' in data) await answer(() => laterDuplicates(data.repeats));
else if ('checkpoint' in data) {
  await answer(async () => {
    // (loaded here only: the parse workers do without it)
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    // PASSIVE: copies what no reader still needs and never waits on anyone (a busy writer's frames are left for later)
    const conn = new BetterSqlite3(data.checkpoint);
    try {
      conn.pragma('busy_timeout = 5000');
      // a read first: a connection that has read nothing yet has not opened the WAL, and its checkpoint does nothing
      conn.prepare('select count(*) from sqlite_schema').pluck().get();
      const [r] = conn.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      return { frames: r?.log ?? 0, checkpointed: r?.checkpointed ?? 0 };
    } finally {
      conn.close();
    }
  });
} else {
  const t0 = performance.now();
  parsePart(data, (records) => parentPort!.postMessage({ progress: records })).then(
    (part) => {
      if (process.env.FAZHI_IMPORT_TIMING === '1') process.stderr.write(`  worker part parsed in ${(performance.now() - t0).toFixed(0)} ms\n`);
      parentPort!.postMessage({ ok: true, part }, partBuffers(part));
    },
    (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
  );
}
