// 法治建设工作记录 browser flow (issue 8, part 3): the 依法治区 staff records a training with its attendance, enters an
// assessment score (an out-of-range score is refused first), sees the ranking with its chart, and exports the ranking
// to Excel (checked with exceljs); the overview page shows the year's figures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ART, type Flow, expect, isoDay, login, searchOption } from './lib';

export const ruleOfLawFlows: Flow[] = [
  [
    'rule-of-law: record a training with attendance, enter an assessment score, see the ranking, export Excel',
    async (page, base) => {
      await login(page, base, 'fzjs.staff');
      // ── a training with two attendees ──
      await page.goto(`${base}/rule-of-law/trainings`);
      await page.getByRole('heading', { name: '法治培训' }).waitFor();
      await page.getByRole('button', { name: '登记培训' }).click();
      const d = page.getByRole('dialog', { name: '登记培训' });
      await d.waitFor();
      const title = `演示：行政复议法实务培训 ${Date.now() % 100000}`;
      await d.getByLabel('培训名称').fill(title);
      await d.getByLabel('培训日期').fill(isoDay(-1));
      for (const [i, [name, unit]] of [['演示学员甲', '西长安街司法所'], ['演示学员乙', '金融街司法所']].entries()) {
        await d.getByRole('button', { name: '添加参训人员' }).click();
        await d.getByLabel(`参训人员${i + 1}`, { exact: true }).fill(name!);
        await searchOption(page, d.getByLabel(`参训人员${i + 1}单位`, { exact: true }), unit!);
      }
      await d.getByRole('button', { name: '确定' }).click();
      await d.waitFor({ state: 'detached' });
      const detail = page.getByRole('dialog', { name: '培训详情' });
      await detail.waitFor();
      await detail.getByRole('cell', { name: '演示学员乙' }).waitFor();
      await detail.getByRole('cell', { name: '演示学员甲' }).waitFor();
      expect((await detail.getByRole('cell', { name: /^演示学员/ }).count()) === 2, 'two attendees listed');
      await page.screenshot({ path: path.join(ART, 'rule-of-law-01-training.png'), fullPage: true });
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await page.getByRole('row', { name: new RegExp(title) }).waitFor();

      // ── an assessment score: out of range refused, then entered; the ranking follows ──
      await page.goto(`${base}/rule-of-law/assessment`);
      await page.getByRole('heading', { name: '法治建设考核评价' }).waitFor();
      await page.getByRole('row', { name: /西长安街司法所/ }).first().waitFor();
      await page.getByRole('button', { name: '录入评分' }).click();
      const s = page.getByRole('dialog', { name: '录入考核评分' });
      await s.waitFor();
      await searchOption(page, s.getByLabel('考核对象'), '西长安街司法所');
      await s.getByLabel('A1 评分').fill('25');
      await s.getByRole('button', { name: '确定' }).click();
      await page.getByText('评分超出该考核指标的分值范围').first().waitFor();
      await page.screenshot({ path: path.join(ART, 'rule-of-law-02-score-refused.png'), fullPage: true });
      // full marks on every indicator: 100 points, first place
      for (const [code, max] of [['A1', 20], ['A2', 100], ['A3', 20], ['A4', 10], ['A5', 15], ['A6', 100]] as const) await s.getByLabel(`${code} 评分`).fill(String(max));
      await s.getByRole('button', { name: '确定' }).click();
      await s.waitFor({ state: 'detached' });
      const row = page.getByRole('row', { name: /西长安街司法所/ }).first();
      await row.getByRole('cell', { name: '100', exact: true }).first().waitFor();
      expect((await row.getByRole('cell').first().textContent())?.trim() === '1', 'full marks rank first');
      await page.locator('canvas').first().waitFor();
      await page.screenshot({ path: path.join(ART, 'rule-of-law-03-ranking.png'), fullPage: true });

      // ── the ranking as Excel, with the screen's filter (司法所 only) ──
      await page.locator('.ant-radio-button-wrapper').filter({ hasText: /^司法所$/ }).click();
      await page.getByRole('row', { name: /行政复议与应诉科/ }).waitFor({ state: 'detached' });
      await page.getByRole('row', { name: /西长安街司法所/ }).first().waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
      const work = mkdtempSync(path.join(tmpdir(), 'fazhi-rol-xlsx-'));
      try {
        const file = path.join(work, 'ranking.xlsx');
        await download.saveAs(file);
        expect(download.suggestedFilename().includes('考核排名'), `file name ${download.suggestedFilename()}`);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const ws = wb.getWorksheet('考核排名');
        expect(ws, 'sheet 考核排名');
        expect(String(ws!.getCell(1, 1).value).includes('排名范围=司法所'), 'the caption states the filter');
        expect(ws!.rowCount - 2 === 15, `15 司法所 ranked, got ${ws!.rowCount - 2}`);
        const first = ws!.getRow(3);
        expect(first.getCell(2).value === '西长安街司法所' && first.getCell(1).value === 1, 'first row is 西长安街司法所, rank 1');
      } finally {
        rmSync(work, { recursive: true, force: true });
      }

      // ── the overview of the year ──
      await page.goto(`${base}/rule-of-law`);
      await page.getByRole('heading', { name: '法治建设工作概览' }).waitFor();
      await page.getByText('法治培训（场）').waitFor();
      await page.getByText('待核实').first().waitFor();
      await page.screenshot({ path: path.join(ART, 'rule-of-law-04-overview.png'), fullPage: true });
      await page.goto(`${base}/rule-of-law/publicity`);
      await page.getByRole('heading', { name: '普法工作' }).waitFor();
      await page.getByText(/所属普法规划/).waitFor();
      await page.screenshot({ path: path.join(ART, 'rule-of-law-05-publicity.png'), fullPage: true });
      await page.goto(`${base}/rule-of-law/inspections`);
      await page.getByRole('heading', { name: '法治督察与整改' }).waitFor();
      await page.getByRole('tab', { name: '问题整改台账' }).click();
      await page.getByText('逾期').first().waitFor();
      await page.screenshot({ path: path.join(ART, 'rule-of-law-06-findings.png'), fullPage: true });
    },
  ],
];
