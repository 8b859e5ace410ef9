// Shared pieces of the browser flows: the server under test, sign-in, antd widgets, LibreOffice.
// Each module's flows live in e2e/flows-<module>.ts and are listed in e2e/flows.ts.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { extractPdfText } from './pdf-text';

export const ART = path.resolve('e2e/artifacts');
export const PASSWORD = 'E2e#Demo-2026';
export const CHROMIUM = process.env.FAZHI_CHROMIUM ?? '/usr/bin/chromium';

export async function startServer(): Promise<{ base: string; proc: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'fazhi-e2e-'));
  const port = 40000 + Math.floor(Math.random() * 20000);
  const proc = spawn(process.execPath, ['dist/server/main.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', FAZHI_DATA_DIR: dataDir, FAZHI_DEMO_PASSWORD: PASSWORD, LOG_LEVEL: 'warn', NODE_ENV: 'development', FAZHI_LOGIN_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  // first start seeds the demo and, beside ../shared, loads the law library: up to a minute on a busy 2-core machine
  for (let i = 0; i < 300; i++) {
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

export type Flow = [name: string, fn: (page: Page, base: string) => Promise<void>];

export const expect = (cond: unknown, what: string) => {
  if (!cond) throw new Error(`expectation failed: ${what}`);
};

/** 'YYYY-MM-DD' n days from today in Beijing (statutory dates are Beijing dates; the UI defaults to them). */
export const isoDay = (n = 0) => new Date(Date.now() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);

export async function login(page: Page, base: string, username: string) {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

/** antd DatePicker: type the date and confirm with Enter. */
export async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** antd Select: open it, pick the visible option with the text (exactly, or containing it). */
export async function pickOption(page: Page, select: ReturnType<Page['getByLabel']>, text: string, exact = false, opts: { action?: boolean; search?: boolean } = {}) {
  // Under load a click can land on an option while the dropdown still animates and be lost (the form then says 请选择),
  // or the option never holds still long enough to be clicked. A single select is checked afterwards — its root (not the
  // dropdown, a portal) shows the text — and picked again if not; a multiple select is not re-clicked once a click
  // landed (a second click would deselect), nor is an action select (`action`: picking runs something and the select
  // goes back to its placeholder, e.g. 常用视图). `search`: a select with search over a long (virtual) list — the text
  // is typed to filter it first.
  const root = select.locator('xpath=ancestor::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const multiple = ((await root.getAttribute('class').catch(() => null)) ?? '').includes('ant-select-multiple');
  const open = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let i = 0; i < 4; i++) {
    if (i > 0 && (await open.first().isVisible().catch(() => false))) await page.keyboard.press('Escape');
    await select.click();
    if (opts.search) await select.fill(text);
    const option = open.locator('.ant-select-item-option').filter({ hasText: exact ? new RegExp(`^${text}$`) : text }).first();
    await option.waitFor();
    const clicked = await option.click({ timeout: 5000 }).then(
      () => true,
      () => false,
    );
    if (!clicked) continue;
    if (multiple || opts.action) return;
    await open.first().waitFor({ state: 'hidden', timeout: 3000 }).catch(() => undefined);
    if ((await root.innerText().catch(() => '')).includes(text)) return;
  }
  throw new Error(`the select did not take the option “${text}”`);
}

/** antd Select with search over a long (virtual) list: type to filter, then pick the option (checked, see pickOption). */
export async function searchOption(page: Page, select: ReturnType<Page['getByLabel']>, text: string) {
  await pickOption(page, select, text, false, { search: true });
}

/** Opens the action dialog of the case detail page, lets `fill` complete it and submits; waits for the status. */
export async function runAction(page: Page, button: string, status: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${button}（《中华人民共和国行政复议法》第`) });
  await dialog.waitFor();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.page-header').getByText(status, { exact: true }).waitFor();
}

/** LibreOffice for the .docx → PDF check: FAZHI_SOFFICE, else `soffice` on PATH. */
export function sofficeBinary(): string | null {
  if (process.env.FAZHI_SOFFICE) return existsSync(process.env.FAZHI_SOFFICE) ? process.env.FAZHI_SOFFICE : null;
  const r = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/**
 * Opens a downloaded .docx in LibreOffice, converts it to PDF next to it (in `work`) and returns the PDF's text with
 * whitespace removed and the reader used. Without LibreOffice: fails under CI, otherwise says SKIPPED and gives null.
 */
export function docxToPdfText(docx: string, work: string): { flat: string; via: string } | null {
  const soffice = sofficeBinary();
  if (!soffice) {
    if (process.env.CI) throw new Error('LibreOffice (soffice) not found: set FAZHI_SOFFICE or install LibreOffice Writer');
    console.log('    SKIPPED: .docx → PDF check (LibreOffice soffice not found; set FAZHI_SOFFICE)');
    return null;
  }
  const conv = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--convert-to', 'pdf', '--outdir', work, docx], { encoding: 'utf8', timeout: 120_000 });
  const pdf = path.join(work, `${path.basename(docx, '.docx')}.pdf`);
  expect(existsSync(pdf), `LibreOffice converted the .docx to PDF (${conv.stderr || conv.stdout})`);
  const { text, via } = extractPdfText(pdf);
  return { flat: text.replace(/\s+/g, ''), via };
}

