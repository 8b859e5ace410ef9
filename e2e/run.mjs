// Runs the browser flows (e2e/flows.ts) through tsx; kept as .mjs so `npm test` needs no global tools.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['--import', 'tsx', 'e2e/flows.ts'], { stdio: 'inherit' });
process.exit(r.status ?? 1);
