// Browser flows in Debian Chromium (playwright-core) against the built app (dist/), on a fresh data dir.
// Screenshots go to e2e/artifacts/ (kept by CI as artifacts).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

const ART = path.resolve('e2e/artifacts');
const PASSWORD = 'E2e#Demo-2026';
const CHROMIUM = process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';

async function startServer(): Promise<{ base: string; proc: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-e2e-'));
  const port = 40000 + Math.floor(Math.random() * 20000);
  const proc = spawn(process.execPath, ['dist/server/main.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { base, proc, dataDir };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  proc.kill();
  throw new Error('server did not start');
}

type Flow = [name: string, fn: (page: Page, base: string) => Promise<void>];

const expect = (cond: unknown, what: string) => {
  if (!cond) throw new Error(`expectation failed: ${what}`);
};

const flows: Flow[] = [
  [
    'login as the system administrator and open user administration',
    async (page, base) => {
      await page.goto(`${base}/login`);
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await page.screenshot({ path: path.join(ART, '01-login.png'), fullPage: true });
      // one click on a listed demo account fills the username
      await page.getByRole('button', { name: /使用演示账户 sysadmin/ }).click();
      expect((await page.getByLabel('用户名').inputValue()) === 'sysadmin', 'demo account fills the username');
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { name: '工作台' }).waitFor();
      await page.getByRole('menuitem', { name: '用户管理' }).click();
      await page.getByRole('heading', { name: '用户管理' }).waitFor();
      await page.getByText('fy.handler1').first().waitFor();
      await page.screenshot({ path: path.join(ART, '02-users.png'), fullPage: true });
    },
  ],
  [
    'the public deadline calculator: 2025-09-26 + 5 working days = 2025-10-10',
    async (page, base) => {
      await page.goto(`${base}/portal/calculator`);
      await page.getByRole('heading', { name: '期限计算器' }).waitFor();
      await page.getByLabel('起算日').fill('2025-09-26');
      await page.getByLabel('起算日').press('Enter');
      await page.getByLabel('天数').fill('5');
      await page.getByRole('radio', { name: '工作日' }).check();
      await page.getByRole('button', { name: '计算' }).click();
      const due = page.getByTestId('calc-due');
      await due.waitFor();
      expect(/2025年10月10日/.test(await due.innerText()), 'due date 2025-10-10 shown');
      await page.screenshot({ path: path.join(ART, '03-calculator.png'), fullPage: true });
    },
  ],
  [
    'the calculator says plainly when a year has no published schedule (phone screen)',
    async (page, base) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`${base}/portal/calculator`);
      await page.getByLabel('起算日').fill('2026-12-28');
      await page.getByLabel('起算日').press('Enter');
      await page.getByLabel('天数').fill('5');
      await page.getByRole('button', { name: '计算' }).click();
      await page.getByTestId('calc-error').getByText(/2027 年节假日安排尚未公布/).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(!overflow, 'no horizontal scroll on a 375 px screen');
      await page.screenshot({ path: path.join(ART, '04-calculator-phone.png'), fullPage: true });
    },
  ],
  [
    'the audit administrator verifies the audit chain',
    async (page, base) => {
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill('auditadmin');
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByLabel('密码', { exact: true }).press('Enter');
      await page.getByRole('menuitem', { name: '审计日志' }).click();
      await page.getByRole('heading', { name: '审计日志' }).waitFor();
      await page.getByRole('button', { name: /完整性校验/ }).click();
      const result = page.getByTestId('audit-verify-result');
      await result.waitFor();
      expect(/完整性校验通过/.test(await result.innerText()), 'chain reported intact');
      await page.screenshot({ path: path.join(ART, '05-audit-verify.png'), fullPage: true });
    },
  ],
  [
    'the security administrator sees the online users, with their own session marked',
    async (page, base) => {
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill('secadmin');
      await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('menuitem', { name: '在线用户' }).click();
      await page.getByRole('heading', { name: '在线用户' }).waitFor();
      await page.getByRole('row', { name: /secadmin.*当前会话/ }).waitFor();
      await page.screenshot({ path: path.join(ART, '06-sessions.png'), fullPage: true });
    },
  ],
];

async function main() {
  mkdirSync(ART, { recursive: true });
  const { base, proc, dataDir } = await startServer();
  let browser: Browser | null = null;
  let failed = 0;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    for (const [name, fn] of flows) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const t0 = Date.now();
      try {
        await fn(page, base);
        console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        const shot = path.join(ART, `FAILED-${name.replace(/[^\w]+/g, '-').slice(0, 60)}.png`);
        await page.screenshot({ path: shot, fullPage: true }).catch(() => undefined);
        console.error(`  ✗ ${name}\n    ${e instanceof Error ? e.message : String(e)}\n    screenshot: ${shot}`);
      }
      await context.close();
    }
  } finally {
    await browser?.close();
    proc.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`${flows.length - failed}/${flows.length} browser flows passed; screenshots in ${ART}`);
  process.exit(failed ? 1 : 0);
}

void main();
