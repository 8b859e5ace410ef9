// Bundles the server (TypeScript, ESM) into dist/server with esbuild; node_modules stay external.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'server/main.ts', cli: 'server/cli.ts', 'inspection-import-worker': 'server/modules/enforcement/inspection-import.worker.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
console.log('server built → dist/server/main.mjs');
