// 行政执法监督 browser flow (issue 5, Done-when): a detection flag becomes a problem clue and a supervision order (督办单),
// the agency's rectification report is recorded, the bureau verifies it, and the dashboard's rectification rate changes.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { COMPLAINT_CSV_COLUMNS } from '../common/contracts/enforcement';
import { createRng, generateCreditCode } from '../common/validators';
import { ART, type Flow, expect, isoDay, login } from './lib';

async function rate(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/enforcement/dashboard`);
  const el = page.getByTestId('rectification-rate');
  await el.waitFor({ timeout: 30_000 });
  return (await el.textContent()) ?? '';
}

export const enforcementFlows: Flow[] = [
  [
    'enforcement: a flag becomes a supervision order, rectified and verified; the rectification rate changes',
    async (page, base) => {
      await login(page, base, 'zfjd.head');
      const before = await rate(page, base);
      await page.screenshot({ path: path.join(ART, 'enf-01-dashboard-before.png'), fullPage: true });

      // 检测预警: the repeated-inspection flags of the demo year, with evidence rows and legal basis.
      await page.goto(`${base}/enforcement/detections?rule=repeated-inspection`);
      await page.getByRole('heading', { name: '问题检查检测结果' }).waitFor();
      const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await row.waitFor({ timeout: 30_000 });
      await row.getByRole('button', { name: /展开/ }).click();
      await page.getByText('证据：行政检查记录').first().waitFor();
      await page.getByText('法律依据').first().waitFor();
      await row.locator('input[type=checkbox]').check();
      await page.screenshot({ path: path.join(ART, 'enf-02-detections.png'), fullPage: true });
      await page.getByRole('button', { name: /转为问题线索（1）/ }).click();
      const clueDialog = page.getByRole('dialog', { name: '转为问题线索' });
      await clueDialog.waitFor();
      await clueDialog.getByRole('button', { name: '登记线索' }).click();
      await clueDialog.waitFor({ state: 'detached' });

      // 问题线索 → 督办单 (numbered, deadline on the register).
      await page.getByRole('heading', { name: '问题线索' }).waitFor();
      await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('button', { name: '制发督办单' }).click();
      const orderDialog = page.getByRole('dialog', { name: /^制发督办单/ });
      await orderDialog.waitFor();
      await orderDialog.getByLabel('督办要求').fill('请立即停止对同一企业的重复检查，合并检查事项，并报送整改情况。');
      await orderDialog.getByRole('button', { name: '制发' }).click();
      await page.getByTestId('order-status').filter({ hasText: '待整改' }).waitFor({ timeout: 20_000 });
      expect(await page.getByText(/西司执督〔\d{4}〕\d+号/).first().isVisible(), 'order number shown');
      await page.screenshot({ path: path.join(ART, 'enf-03-order-issued.png'), fullPage: true });

      // The agency's rectification report (recorded by the bureau from the agency's written report), then 核查.
      await page.getByRole('button', { name: '代录整改报告' }).click();
      const rep = page.getByRole('dialog', { name: '代录整改报告' });
      await rep.waitFor();
      await rep.getByLabel('整改情况').fill('已合并同类检查事项，建立检查计划台账，对相关执法人员进行提醒谈话。');
      await rep.getByRole('button', { name: '确定' }).click();
      await page.getByTestId('order-status').filter({ hasText: '已报送整改' }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: '核查', exact: true }).click();
      const ver = page.getByRole('dialog', { name: '核查整改情况' });
      await ver.waitFor();
      await ver.getByLabel('核查意见').fill('经核查，整改到位。');
      await ver.getByRole('button', { name: '确定' }).click();
      await page.getByTestId('order-status').filter({ hasText: '已办结' }).waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(ART, 'enf-04-order-closed.png'), fullPage: true });

      // The dashboard's rectification rate reflects the closed order.
      const after = await rate(page, base);
      expect(after !== before, `rectification rate changed (${before} → ${after})`);
      expect(/\d+\.\d%（[1-9]\d*\/[1-9]\d*）/.test(after), `rate shows closed/due (${after})`);
      await page.screenshot({ path: path.join(ART, 'enf-05-dashboard-after.png'), fullPage: true });

      // Analysis (charts and tables with the same filters as the Excel export) and the registers render with data.
      await page.goto(`${base}/enforcement/analysis`);
      await page.getByText('行政检查（次）').waitFor();
      await page.getByRole('link', { name: '导出 Excel' }).waitFor();
      await page.screenshot({ path: path.join(ART, 'enf-06-analysis.png'), fullPage: true });
      await page.goto(`${base}/enforcement/registers`);
      await page.getByRole('cell', { name: '西城区城市管理综合行政执法局' }).waitFor();

      // The year's supervision opinion letter (demo: an overdue order) and the registered agency liaisons.
      await page.goto(`${base}/enforcement/opinions`);
      await page.getByRole('heading', { name: '执法监督意见书' }).waitFor();
      await page.getByText(/西司执监意〔\d{4}〕\d+号/).first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(ART, 'enf-07-opinions.png'), fullPage: true });
      await page.goto(`${base}/enforcement/registers`);
      await page.getByRole('tab', { name: '执法单位联络员' }).click();
      await page.getByRole('cell', { name: '西城区市场监督管理局' }).first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(ART, 'enf-08-liaisons.png'), fullPage: true });
    },
  ],
  [
    'enforcement: an agency liaison sees only their agency\'s orders and reports the rectification',
    async (page, base) => {
      await login(page, base, 'zfjd.head');
      await page.goto(`${base}/enforcement/clues`);
      await page.getByRole('button', { name: '登记线索' }).click();
      const d = page.getByRole('dialog', { name: '登记问题线索（人工发现）' });
      await d.waitFor();
      await d.getByLabel('线索标题').fill('城管执法人员检查时未出示执法证件');
      await d.getByLabel('执法主体').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '西城区城市管理综合行政执法局' }).first().click();
      await d.getByRole('button', { name: '登记' }).click();
      await d.waitFor({ state: 'detached' });
      await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '未出示执法证件' }).getByRole('button', { name: '制发督办单' }).click();
      const od = page.getByRole('dialog', { name: /^制发督办单/ });
      await od.getByLabel('督办要求').fill('执法检查时应主动出示执法证件，请组织整改并报送整改情况。');
      await od.getByRole('button', { name: '制发' }).click();
      await page.getByTestId('order-status').filter({ hasText: '待整改' }).waitFor({ timeout: 20_000 });
      const orderUrl = page.url();
      await page.context().clearCookies();

      // 市场监管局's liaison does not see 城管执法局's order; 城管执法局's liaison reports the rectification.
      await login(page, base, 'zf.scjg');
      await page.goto(`${base}/enforcement/orders`);
      await page.getByRole('heading', { name: '督办单' }).waitFor();
      await page.waitForLoadState('networkidle');
      expect((await page.getByText('未出示执法证件').count()) === 0, 'another agency liaison does not see the order');
      await page.context().clearCookies();
      await login(page, base, 'zf.cgzf');
      await page.goto(orderUrl);
      await page.getByRole('button', { name: '报送整改报告' }).click();
      const rep = page.getByRole('dialog', { name: '报送整改报告' });
      await rep.getByLabel('整改情况').fill('已组织全体执法人员学习，检查时一律出示执法证件并扫码入企。');
      await rep.getByRole('button', { name: '确定' }).click();
      await page.getByTestId('order-status').filter({ hasText: '已报送整改' }).waitFor({ timeout: 20_000 });
      expect((await page.getByRole('button', { name: '核查', exact: true }).count()) === 0, 'a liaison cannot verify');
      await page.screenshot({ path: path.join(ART, 'enf-07-liaison-report.png'), fullPage: true });
    },
  ],
  [
    'enforcement: 12345 complaints import with an error report, the Art. 60 due date explained, a 司法所 sees its street only',
    async (page, base) => {
      await login(page, base, 'zfjd.head');
      await page.goto(`${base}/enforcement/registers`);
      await page.getByRole('tab', { name: '12345 投诉' }).click();
      const panel = page.getByTestId('import-panel');
      await panel.waitFor();
      // one good row (a new firm in 西长安街街道) and one with an impossible date
      const firm = generateCreditCode(createRng(Date.now() % 100000), { regionCode: '110102' });
      const csv = [COMPLAINT_CSV_COLUMNS.join(','), `E2E-${Date.now()},${isoDay(-1)},${firm},北京浏览器测试餐饮有限公司,XC-CGZF,重复检查,一个月内被城管检查三次,西长安街街道`, `E2E-BAD-${Date.now()},2025-02-30,${firm},北京浏览器测试餐饮有限公司,XC-CGZF,重复检查,日期错误的工单,`].join('\n');
      await panel.locator('input[type=file]').setInputFiles({ name: '12345.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\n`, 'utf8') });
      await panel.getByRole('button', { name: '导入' }).click();
      await panel.getByText(/^未导入：有被拒绝的行/).waitFor({ timeout: 20_000 });
      await panel.getByRole('link', { name: '下载错误报告（Excel）' }).waitFor();
      await panel.getByRole('cell', { name: 'DATE_INVALID' }).waitFor();
      await page.screenshot({ path: path.join(ART, 'enf-08-complaint-import-rejected.png'), fullPage: true });
      await panel.getByText('只导入有效行', { exact: true }).click();
      await panel.getByRole('button', { name: '导入' }).click();
      await panel.getByText('导入完成').waitFor({ timeout: 20_000 });
      await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '北京浏览器测试餐饮有限公司' }).first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: path.join(ART, 'enf-09-complaint-imported.png'), fullPage: true });

      // 行政处罚: the decision period from the deadline engine, its explanation and citation on click
      await page.getByRole('tab', { name: '行政处罚' }).click();
      const explain = page.getByRole('button', { name: /^决定期限计算说明/ }).first();
      await explain.waitFor({ timeout: 20_000 });
      await explain.click();
      const steps = page.getByTestId('penalty-deadline-steps');
      await steps.waitFor();
      expect((await steps.textContent())?.includes('《中华人民共和国行政处罚法》第六十条'), 'the explanation cites Art. 60');
      await page.screenshot({ path: path.join(ART, 'enf-10-penalty-deadline.png'), fullPage: true });
      await page.context().clearCookies();

      // 西长安街司法所: analysis and registers of its street only
      await login(page, base, 'sfs.xicha');
      await page.goto(`${base}/enforcement/analysis`);
      await page.getByTestId('analysis-scope').filter({ hasText: '西长安街街道辖区企业' }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(ART, 'enf-11-street-scope-analysis.png'), fullPage: true });
      await page.goto(`${base}/enforcement/registers`);
      await page.getByRole('tab', { name: '12345 投诉' }).click();
      await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '北京浏览器测试餐饮有限公司' }).first().waitFor({ timeout: 20_000 });
      expect((await page.getByTestId('import-panel').count()) === 0, 'a 司法所 does not import');
      await page.screenshot({ path: path.join(ART, 'enf-12-street-scope-complaints.png'), fullPage: true });
    },
  ],
];
