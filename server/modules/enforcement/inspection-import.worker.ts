import { parentPort, workerData } from 'node:worker_threads';
import { type PartRequest, parsePart, partBuffers } from './inspection-import.parallel';

// Worker entry of the parallel inspection import (bundled as dist/server/inspection-import-worker.mjs).
const t0 = performance.now();
parsePart(workerData as PartRequest, (records) => parentPort!.postMessage({ progress: records })).then(
  (part) => {
    if (process.env.FAZHI_IMPORT_TIMING === '1') process.stderr.write(`  worker part parsed in ${(performance.now() - t0).toFixed(0)} ms\n`);
    const t1 = performance.now();
    parentPort!.postMessage({ ok: true, part }, partBuffers(part));
    if (process.env.FAZHI_IMPORT_TIMING === '1') process.stderr.write(`  worker part posted in ${(performance.now() - t1).toFixed(0)} ms\n`);
  },
  (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
