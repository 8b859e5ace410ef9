import { parentPort, workerData } from 'node:worker_threads';
import { type PartRequest, parsePart, partBuffers } from './inspection-import.parallel';

// Worker entry of the parallel inspection import (bundled as dist/server/inspection-import-worker.mjs).
parsePart(workerData as PartRequest, (records) => parentPort!.postMessage({ progress: records })).then(
  (part) => parentPort!.postMessage({ ok: true, part }, partBuffers(part)),
  (e: unknown) => parentPort!.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
);
