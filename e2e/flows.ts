// Browser flows in Debian Chromium (playwright-core) against the built app (dist/), on a fresh data dir.
// Screenshots go to e2e/artifacts/ (kept by CI as artifacts). FAZHI_E2E_ONLY=<text> runs the flows whose name contains it.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { createRng, generateIdNumber } from '../common/validators';
import { ART, CHROMIUM, type Flow, PASSWORD, expect, fillDate, isoDay, login, pickOption, runAction, docxToPdfText, startServer } from './lib';
import { legalityFlows } from './flows-legality';
import { enforcementFlows } from './flows-enforcement';
import { reconPortalFlows } from './flows-recon-portal';
import { legalServicesFlows } from './flows-legal-services';
import { disputeFlows } from './flows-dispute';
import { ruleOfLawFlows } from './flows-rule-of-law';
import { dashboardFlows } from './flows-dashboard';

const coreFlows: Flow[] = [
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
  [
    '行政复议: a handler registers a mail application, accepts it, records the reply and a decision, issues the 决定书 and downloads it (.docx → PDF by LibreOffice)',
    async (page, base) => {
      const rng = createRng(Date.now() % 100000);
      await login(page, base, 'fy.handler1');
      // the register
      await page.getByRole('menuitem', { name: '案件台账' }).click();
      await page.getByRole('heading', { name: '案件台账' }).waitFor();
      await page.locator('.ant-segmented-item', { hasText: '部门案件' }).click();
      await page.locator('.recon-row').first().waitFor();
      await page.screenshot({ path: path.join(ART, '07-recon-list.png'), fullPage: true });

      // intake: mail, postmark the day before receipt
      await page.getByRole('menuitem', { name: '登记申请' }).click();
      await page.getByRole('heading', { name: '登记申请' }).waitFor();
      await page.locator('label.ant-radio-button-wrapper', { hasText: '邮寄' }).click();
      await page.getByText('邮寄申请：申请期限算至邮戳日期').waitFor();
      await fillDate(page, '收到日期（签收邮件之日）', isoDay(0));
      await fillDate(page, '邮戳日期', isoDay(-2));
      await page.getByLabel('姓名').fill('郑浏览');
      await page.getByLabel('身份证号').fill(generateIdNumber(rng, { regionCode: '110102' }));
      await page.getByLabel('被申请人', { exact: true }).fill('北京市西城区市场监督管理局');
      await page.getByLabel('被申请复议的行政行为').fill('行政处罚决定（浏览器流程）');
      await page.getByLabel('文书编号').fill(`西市监罚〔2026〕E2E${Date.now() % 10000}号`);
      await fillDate(page, '知道或者应当知道该行政行为之日', isoDay(-20));
      await page.getByLabel('行政复议请求').fill('撤销该行政处罚决定');
      await page.getByLabel('事实与理由').fill('被申请人认定事实不清，证据不足');
      await page.screenshot({ path: path.join(ART, '08-recon-intake.png'), fullPage: true });
      await page.getByRole('button', { name: '登记', exact: true }).click();

      // the created case: number, acceptance deadline with its explanation, receipt
      const heading = page.getByRole('heading', { name: /^西复〔\d{4}〕\d+号$/ });
      await heading.waitFor();
      const caseNo = (await heading.innerText()).trim();
      await page.getByText(/受理审查期限届满日/).waitFor();
      // a 收件回执 is handed over for on-site and oral applications only (Art. 22), not for mail
      expect(!(await page.getByRole('button', { name: '打印收件回执' }).count()), 'no receipt offered for a mail application');
      await page.getByText('邮戳日期').first().waitFor();
      await page.screenshot({ path: path.join(ART, '09-recon-detail-registered.png'), fullPage: true });

      await runAction(page, '受理', '已受理', async (dialog) => {
        await dialog.getByText('普通程序', { exact: true }).click();
      });
      await runAction(page, '发送申请书副本', '审理中');
      await runAction(page, '登记被申请人答复', '审理中');
      await runAction(page, '听取意见', '审理中', async (dialog) => {
        await dialog.getByText('申请人', { exact: true }).click();
        await pickOption(page, dialog.getByLabel('方式'), '电话');
        await dialog.getByLabel('意见记录').fill('申请人坚持认为处罚所依据的事实不清。');
      });
      await runAction(page, '作出决定', '已决定', async (dialog) => {
        await pickOption(page, dialog.getByLabel('决定类型'), '维持');
        await dialog.getByLabel('决定要点').fill('被申请人认定事实清楚，证据确凿，适用依据正确，程序合法，内容适当。');
      });
      expect(!(await page.getByRole('toolbar', { name: '办理操作' }).count()), 'no actions once decided');
      await page.screenshot({ path: path.join(ART, '10-recon-detail-decided.png'), fullPage: true });

      // the 决定书: draft, fill what the case does not tell (【…】), issue, record service, download
      await page.getByRole('tab', { name: '文书' }).click();
      await pickOption(page, page.getByLabel('文书种类'), '行政复议决定书', true);
      await page.getByRole('button', { name: '生成草稿' }).click();
      const drawer = page.getByRole('dialog', { name: /^编辑：/ });
      await drawer.getByLabel('标题').waitFor();
      expect((await drawer.getByLabel('标题').inputValue()) === '行政复议决定书', 'draft titled 行政复议决定书');
      const paragraphs = drawer.locator('textarea');
      const n = await paragraphs.count();
      expect(n > 3, 'the draft has paragraphs');
      for (let i = 0; i < n; i++) {
        const v = await paragraphs.nth(i).inputValue();
        if (/【[^】]*】/.test(v)) await paragraphs.nth(i).fill(v.replace(/【[^】]*】/g, '经审查，被申请人作出的行政行为认定事实清楚'));
      }
      await drawer.getByRole('button', { name: '保存' }).click();
      await drawer.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /行政复议决定书/ });
      await row.getByRole('button', { name: '印发行政复议决定书' }).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: '印发' }).click();
      await row.getByText('已印发').waitFor();
      const docNo = (await row.locator('td').nth(1).innerText()).trim();
      expect(/〔\d{4}〕\d+号/.test(docNo), `document numbered (${docNo})`);
      await row.getByRole('button', { name: '记录送达行政复议决定书' }).click();
      const svc = page.getByRole('dialog', { name: /记录送达/ });
      await svc.getByLabel('受送达人').fill('郑浏览');
      await svc.getByRole('button', { name: '记录送达' }).click();
      await svc.waitFor({ state: 'detached' });
      await row.getByText(/直接送达 郑浏览/).waitFor();

      // 作废: a second draft made by mistake is voided with a reason and stays listed as 已作废
      await pickOption(page, page.getByLabel('文书种类'), '行政复议决定书', true);
      await page.getByRole('button', { name: '生成草稿' }).click();
      await page.getByRole('dialog', { name: /^编辑：/ }).getByLabel('标题').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: /^编辑：/ }).waitFor({ state: 'hidden' });
      const draftRow = page.getByRole('row', { name: /行政复议决定书.*草稿/ });
      await draftRow.getByRole('button', { name: '作废行政复议决定书' }).click();
      const voidDialog = page.getByRole('dialog', { name: /作废文书/ });
      await voidDialog.getByRole('button', { name: '作废' }).click();
      await voidDialog.getByText('请填写作废理由').waitFor();
      await voidDialog.getByLabel('作废理由').fill('重复制作，以已印发的决定书为准');
      await voidDialog.getByRole('button', { name: '作废' }).click();
      await voidDialog.waitFor({ state: 'detached' });
      await page.getByRole('row', { name: /已作废/ }).getByText('理由：重复制作，以已印发的决定书为准').waitFor();
      await page.screenshot({ path: path.join(ART, '11-recon-documents.png'), fullPage: true });

      const issuedRow = page.getByRole('row', { name: new RegExp(docNo) });
      const [download] = await Promise.all([page.waitForEvent('download'), issuedRow.getByRole('link', { name: '下载行政复议决定书' }).click()]);
      const work = mkdtempSync(path.join(tmpdir(), 'fazhi-docx-'));
      try {
        const docx = path.join(work, 'decision.docx');
        await download.saveAs(docx);
        expect(/\.docx$/.test(download.suggestedFilename()), `a .docx was downloaded (${download.suggestedFilename()})`);
        const pdfText = docxToPdfText(docx, work);
        if (!pdfText) return;
        const { flat, via } = pdfText;
        expect(flat.includes('行政复议决定书'), `the PDF has the title 行政复议决定书 (text read by ${via})`);
        expect(flat.includes(docNo), `the PDF has the document number ${docNo} (text read by ${via})`);
        expect(flat.includes(caseNo), `the PDF has the case number ${caseNo} (text read by ${via}; it begins: ${flat.slice(0, 160)})`);
        console.log(`    PDF checked (${via}): title, ${docNo} and ${caseNo} present`);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  ],
];

const only = process.env.FAZHI_E2E_ONLY;
const flows: Flow[] = [...coreFlows, ...legalityFlows, ...enforcementFlows, ...reconPortalFlows, ...legalServicesFlows, ...disputeFlows, ...ruleOfLawFlows, ...dashboardFlows].filter(([name]) => !only || name.includes(only));

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
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
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
