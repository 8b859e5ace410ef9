// The README's test command: typecheck, lint, unit and API suites (SQLite, and PostgreSQL when
// FAZHI_TEST_PG_URL is set), build, then the Playwright flows in Debian Chromium. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (title, cmd, args, env = {}) => {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
};

const skipped = [];
if (!process.env.FAZHI_TEST_PG_URL) {
  skipped.push('PostgreSQL: every database suite ran on SQLite only — set FAZHI_TEST_PG_URL=postgres://… (as .ci/run does) to run them on PostgreSQL too');
}
const chromium = process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromium);
if (!haveChromium) {
  if (process.env.CI) {
    console.error(`✖ Chromium not found at ${chromium}; CI must install Debian's chromium (see .ci/run).`);
    process.exit(1);
  }
  skipped.push(`Browser flows (e2e/): Chromium not found at ${chromium} — install Debian's chromium (apt-get install chromium) or set FAZHI_CHROMIUM`);
}

run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);
run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
run('unit + API suites', 'npx', ['vitest', 'run']);
run('build', 'npm', ['run', 'build']);
if (haveChromium) run('browser flows', 'node', ['e2e/run.mjs']);

console.log('\n✔ all test stages passed');
if (skipped.length) {
  console.log('\nSKIPPED (said plainly):');
  for (const s of skipped) console.log(`  - ${s}`);
}
