// 领导驾驶舱 and 法治政府建设年度报告 browser flows (issue 8): the leader opens the dashboard, drills from a figure to the
// records behind it (the case list shows the same count), generates the report of the demo year, fills in parts 二 and
// 四, submits and signs it off, and downloads the .docx, which LibreOffice opens with the four part headings on its pages.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CORRECTION_STATUS_LABELS } from '../common/contracts/corrections';
import { ANNUAL_REPORT_PARTS } from '../common/contracts/dashboard';
import { readZipEntry } from '../server/platform/documents/zip';
import { ART, type Flow, docxToPdfText, expect, login } from './lib';

export const dashboardFlows: Flow[] = [
  [
    'dashboard: key figures, drill-down from a figure to its records, annual report generated and downloaded as .docx',
    async (page, base) => {
      await login(page, base, 'leader');
      await page.goto(`${base}/dashboard`);
      await page.getByRole('heading', { name: '领导驾驶舱' }).waitFor();
      const card = page.getByTestId('figure-reconsideration.received');
      await card.waitFor();
      const label = (await card.getByLabel(/^收到行政复议申请 /).getAttribute('aria-label')) ?? '';
      const value = Number(label.replace(/^收到行政复议申请 /, '').replace(/,/g, ''));
      expect(Number.isInteger(value) && value > 0, `a figure for received applications (${label})`);
      await page.getByText('各司法所').first().waitFor();
      await page.locator('canvas').first().waitFor();
      await page.screenshot({ path: path.join(ART, 'dash-01-dashboard.png'), fullPage: true });

      // drill down: the case list with the filters that reproduce the figure shows the same count
      await card.getByRole('link', { name: '查看收到行政复议申请的记录' }).click();
      await page.waitForURL(/\/reconsideration\/cases\?.*receivedFrom=/);
      await page.getByText(`共 ${value} 件`).waitFor();
      await page.screenshot({ path: path.join(ART, 'dash-02-drilldown.png'), fullPage: true });

      // 受理 drills to the case list filtered by acceptance date, the filter shown as a dismissable tag
      await page.goto(`${base}/dashboard`);
      const accCard = page.getByTestId('figure-reconsideration.accepted');
      await accCard.waitFor();
      const accLabel = (await accCard.getByLabel(/^受理 /).getAttribute('aria-label')) ?? '';
      const accepted = Number(accLabel.replace(/^受理 /, '').replace(/,/g, ''));
      expect(Number.isInteger(accepted), `a figure for accepted cases (${accLabel})`);
      await accCard.getByRole('link', { name: '查看受理的记录' }).click();
      await page.waitForURL(/\/reconsideration\/cases\?.*acceptedFrom=/);
      await page.getByText(/^筛选：受理日期 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/).waitFor();
      await page.getByText(`共 ${accepted} 件`).waitFor();
      await page.screenshot({ path: path.join(ART, 'dash-02b-drilldown-accepted.png'), fullPage: true });
      await page.getByLabel('取消受理日期筛选').click();
      await page.waitForURL((u) => !u.search.includes('acceptedFrom'));

      // other modules' ledgers read the figure's period from the URL too, and show it as a tag
      for (const [key, label, url, tag] of [
        ['dispute.total', '登记矛盾纠纷', /\/disputes\?.*receivedFrom=/, /^筛选：登记日期 /],
        ['legalAid.applications', '法律援助申请', /\/legal-services\/aid\?.*receivedFrom=/, /^筛选：收到日期 /],
      ] as const) {
        await page.goto(`${base}/dashboard`);
        const c = page.getByTestId(`figure-${key}`);
        await c.waitFor();
        const n = Number(((await c.getByLabel(new RegExp(`^${label} `)).getAttribute('aria-label')) ?? '').replace(`${label} `, '').replace(/,/g, ''));
        expect(Number.isInteger(n), `a figure for ${label}`);
        await c.getByRole('link', { name: `查看${label}的记录` }).click();
        await page.waitForURL(url);
        await page.getByText(tag).waitFor();
        await page.getByText(`共 ${n} 件`).waitFor();
      }

      // 社区矫正: the ledger takes ?status= from the URL into its filter form
      await page.goto(`${base}/dashboard`);
      const cc = page.getByTestId('figure-corrections.inCorrection');
      await cc.waitFor();
      const inCorrection = Number(((await cc.getByLabel(/^在册社区矫正对象 /).getAttribute('aria-label')) ?? '').replace('在册社区矫正对象 ', '').replace(/,/g, ''));
      expect(Number.isInteger(inCorrection) && inCorrection > 0, 'a figure for subjects in correction');
      await cc.getByRole('link', { name: '查看在册社区矫正对象的记录' }).click();
      await page.waitForURL(/\/corrections\?status=inCorrection/);
      await page.getByText(`共 ${inCorrection} 人`).waitFor();
      await page.locator('.filter-bar').getByText(CORRECTION_STATUS_LABELS.inCorrection, { exact: true }).waitFor();
      await page.screenshot({ path: path.join(ART, 'dash-02c-drilldown-corrections.png'), fullPage: true });

      // the annual report of the demo year, drafted from the same figures
      await page.goto(`${base}/annual-reports`);
      await page.getByRole('heading', { name: '法治政府建设年度报告' }).waitFor();
      await page.getByRole('button', { name: '生成报告初稿' }).click();
      await page.waitForURL(/\/annual-reports\/[0-9a-f-]{36}$/);
      for (const p of ANNUAL_REPORT_PARTS) await page.getByRole('heading', { name: p.heading }).waitFor();
      await page.getByText(`收到行政复议申请${value}件`).waitFor();
      await page.screenshot({ path: path.join(ART, 'dash-03-annual-report.png'), fullPage: true });
      await page.getByRole('tab', { name: /数据项/ }).click();
      await page.getByText('{reconsideration.received}').waitFor();
      await page.screenshot({ path: path.join(ART, 'dash-04-report-figures.png'), fullPage: true });

      // staff fill in parts 二 and 四 (a new version), then review and sign-off after the secrecy review
      await page.getByRole('tab', { name: '编辑段落' }).click();
      await page.getByLabel('二、存在的不足和原因').fill('一是行政复议案件持续增长（{reconsideration.received}件），办案力量不足。\n\n二是基层法治宣传的针对性有待加强。');
      await page.getByLabel('四、下一年度工作安排').fill('继续推进行政复议规范化建设，提升前端化解水平。');
      await page.getByRole('button', { name: '保存（形成新版本）' }).click();
      await page.getByRole('tab', { name: '版本（2）' }).waitFor();
      const step = async (button: string, check?: string) => {
        await page.getByRole('button', { name: button, exact: true }).click();
        const d = page.getByRole('dialog', { name: button });
        await d.waitFor();
        if (check) await d.getByLabel(check).check();
        await d.getByRole('button', { name: /确\s*定/ }).click();
        await d.waitFor({ state: 'hidden' });
      };
      await step('提交审核');
      await page.getByText('审核中').first().waitFor();
      await step('审核签发', '已完成保密审查，报告不含国家秘密、工作秘密和个人信息');
      await page.getByText('已签发').first().waitFor();
      await page.getByRole('tab', { name: '报告正文' }).click();
      await page.getByText(`一是行政复议案件持续增长（${value}件）`).waitFor();
      await page.screenshot({ path: path.join(ART, 'dash-05-report-approved.png'), fullPage: true });

      const work = mkdtempSync(path.join(tmpdir(), 'fazhi-e2e-report-'));
      try {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Word（.docx）' }).click()]);
        const docx = path.join(work, 'report.docx');
        await download.saveAs(docx);
        expect(download.suggestedFilename().includes('法治政府建设情况的报告'), `file name ${download.suggestedFilename()}`);
        const xml = readZipEntry(readFileSync(docx), 'word/document.xml')?.toString('utf8') ?? '';
        for (const p of ANNUAL_REPORT_PARTS) expect(xml.includes(p.heading), `document.xml has ${p.heading}`);
        const pdf = docxToPdfText(docx, work);
        if (pdf) {
          for (const p of ANNUAL_REPORT_PARTS) expect(pdf.flat.includes(p.heading), `the PDF (${pdf.via}) shows ${p.heading}`);
          expect(pdf.flat.includes(`收到行政复议申请${value}件`), `the PDF carries the figure ${value}`);
          expect(pdf.flat.includes(`一是行政复议案件持续增长（${value}件）`), 'the PDF carries the staff text with its figure');
          expect(!pdf.flat.includes('草稿'), 'the signed report is no longer marked as a draft');
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  ],
];
