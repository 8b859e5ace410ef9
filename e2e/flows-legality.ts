// 合法性审查 browser flows: a .docx draft goes through the review with the engine's findings highlighted and decided,
// and the review opinion comes back as a .docx (checked as PDF when LibreOffice is available).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { ART, type Flow, PASSWORD, expect, login, pickOption, docxToPdfText } from './lib';

const DRAFT = [
  '北京市西城区美容美发行业经营管理办法（送审稿）',
  '第一条 为规范本区美容美发行业经营秩序，保障消费者合法权益，制定本办法。',
  '第二条 在本区从事美容美发经营活动的，应当向区商务局申请办理美容美发经营许可证，未取得许可证的，不得从事相关经营活动。',
  '第三条 违反本办法第二条规定的，由区商务局处以五千元以上一万元以下罚款。',
  '第四条 区商务局会同区市场监管局做好行业指导和服务工作。',
  '第五条 本办法自2026年9月1日起施行，有效期至2028年8月31日。',
];

const LAWS = ['行政法/行政许可法(2019-04-23).md', '行政法/行政处罚法(2021-01-22).md', '行政法规/优化营商环境条例(2019-10-22).md'];

async function draftDocx(file: string) {
  const doc = new Document({ sections: [{ children: DRAFT.map((t) => new Paragraph({ children: [new TextRun(t)] })) }] });
  writeFileSync(file, await Packer.toBuffer(doc));
}

/** The law corpus the engine cites from (the format of ../shared/law), imported through the engine's API. */
async function importLaws(page: Page, base: string) {
  const lawDir = process.env.FAZHI_LAW_DIR ?? path.resolve('../shared/law');
  const files = LAWS.filter((f) => existsSync(path.join(lawDir, f))).map((f) => ({ name: path.basename(f), content: readFileSync(path.join(lawDir, f), 'utf8') }));
  if (!files.length) {
    console.log(`    note: no law texts under ${lawDir} (set FAZHI_LAW_DIR): cited articles shown without their text`);
    return false;
  }
  const login = await page.request.post(`${base}/api/v1/auth/login`, { data: { username: 'hfx.head', password: PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await page.request.post(`${base}/api/v1/legality-review/law/import`, { data: { files }, headers: { 'x-csrf-token': csrfToken } });
  if (!res.ok()) console.log(`    note: law corpus not imported (${res.status()}): cited articles shown without their text`);
  return res.ok();
}

async function dialogAction(page: Page, name: string | RegExp, fill: (d: ReturnType<Page['getByRole']>) => Promise<void>, ok: string) {
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  // let antd's opening animation finish before typing (a form re-rendered mid-animation can lose input)
  await page.waitForFunction(() => !document.querySelector('.ant-modal.ant-zoom-appear, .ant-modal.ant-zoom-enter'));
  await fill(dialog);
  await dialog.getByRole('button', { name: ok, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

export const legalityFlows: Flow[] = [
  [
    '合法性审查: upload a .docx draft, see findings with cited articles, accept one and reject one, download the review opinion',
    async (page, base) => {
      const work = mkdtempSync(path.join(tmpdir(), 'fazhi-lr-'));
      // an API error behind a dialog that does not close is printed with its body
      page.on('response', (r) => {
        if (r.status() >= 400 && r.url().includes('/api/')) void r.text().then((b) => console.log(`    API ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}: ${b.slice(0, 300)}`));
      });
      try {
        const draft = path.join(work, '美容美发行业经营管理办法.docx');
        await draftDocx(draft);
        const withText = await importLaws(page, base);
        await login(page, base, 'hfx.head');
        await page.getByRole('menuitem', { name: '审查台账' }).click();
        await page.getByRole('heading', { name: '合法性审查' }).waitFor();
        // registration by the drafting unit (here: received by the review section)
        await page.getByRole('button', { name: '登记送审稿' }).click();
        await dialogAction(page, '登记送审稿', async (d) => {
          await d.getByLabel('名称').fill('北京市西城区美容美发行业经营管理办法');
          await d.getByLabel('起草单位', { exact: true }).fill('北京市西城区商务局');
          await d.getByLabel('起草单位联系人').fill('联络员甲');
        }, '登记');
        await page.getByRole('heading', { name: /^西合审〔\d{4}〕\d+号 北京市西城区美容美发行业经营管理办法$/ }).waitFor();
        await page.getByText('材料不齐全，缺少：起草说明、制定依据（法律、法规、规章等）、征求意见情况').waitFor();
        // materials: checklist until complete
        for (const kind of ['起草说明', '制定依据（法律、法规、规章等）', '征求意见情况']) {
          await page.getByRole('button', { name: '提交材料' }).click();
          await dialogAction(page, '提交送审材料', async (d) => {
            await pickOption(page, d.getByLabel('材料', { exact: true }), kind, true);
            await d.getByLabel('或以文字提交').fill(`${kind}（演示）`);
          }, '提交');
        }
        await page.getByText('送审材料齐全').waitFor();
        // accepted: the clock starts, marked configurable / unverified
        await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '受理审查' }).click();
        await dialogAction(page, '受理审查', async () => undefined, '受理审查');
        await page.locator('.page-header').getByText('审查中', { exact: true }).waitFor();
        await page.getByText('可配置（依据未核实）').waitFor();
        // the .docx draft
        await page.getByLabel('选择送审稿 .docx 文件').setInputFiles(draft);
        await page.getByText('第二条 在本区从事美容美发经营活动的').waitFor();
        // the engine: findings highlighted in the text, each with its cited articles
        await page.getByRole('button', { name: '智能辅助审查' }).click();
        await page.locator('mark[aria-label="审查发现 1"]').waitFor();
        const marks = await page.locator('mark.lr-finding').count();
        expect(marks >= 2, `at least two findings highlighted (got ${marks})`);
        const findings = page.getByRole('list', { name: '审查发现' });
        await findings.getByText('《中华人民共和国行政许可法》第十七条').first().waitFor();
        await findings.getByText('《中华人民共和国行政处罚法》第十六条').first().waitFor();
        if (withText) await findings.getByText('其他规范性文件一律不得设定行政许可').first().waitFor();
        await page.screenshot({ path: path.join(ART, 'legality-01-findings.png'), fullPage: true });
        // accept one, reject the other, each with a reason
        const cards = findings.getByRole('listitem');
        await cards.nth(0).getByRole('button', { name: '采纳', exact: true }).click();
        await dialogAction(page, '采纳审查发现 1', async (d) => d.getByLabel('理由').fill('送审稿设定了许可证，属于违法设定行政许可'), '采纳');
        await cards.nth(0).getByText('已采纳').waitFor();
        await cards.nth(1).getByRole('button', { name: '不采纳', exact: true }).click();
        await dialogAction(page, '不采纳审查发现 2', async (d) => d.getByLabel('理由').fill('演示：由审查人员另行研究'), '不采纳');
        await cards.nth(1).getByText('不采纳', { exact: true }).waitFor();
        // remaining findings (if the engine found more) are rejected so that the opinion can issue
        for (let i = 2; i < (await cards.count()); i++) {
          await cards.nth(i).getByRole('button', { name: '不采纳', exact: true }).click();
          await dialogAction(page, `不采纳审查发现 ${i + 1}`, async (d) => d.getByLabel('理由').fill('演示'), '不采纳');
        }
        // the review opinion, numbered, downloaded as .docx
        await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '出具审查意见书' }).click();
        await dialogAction(page, '出具审查意见书', async (d) => d.getByLabel('审查意见').fill('请删除第二条关于许可证的规定及第三条罚款规定后，按程序提请集体讨论决定。'), '出具');
        await page.locator('.page-header').getByText('已出具审查意见', { exact: true }).waitFor();
        const opinionNo = (await page.getByText(/^西司审〔\d{4}〕\d+号/).first().textContent())!.match(/西司审〔\d{4}〕\d+号/)![0];
        await page.screenshot({ path: path.join(ART, 'legality-02-opinion.png'), fullPage: true });
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载审查意见书/ }).click()]);
        const docx = path.join(work, 'opinion.docx');
        await download.saveAs(docx);
        expect(readFileSync(docx).subarray(0, 2).toString() === 'PK', 'the opinion is a .docx (zip) file');
        const pdfText = docxToPdfText(docx, work);
        if (!pdfText) return;
        const { flat, via } = pdfText;
        expect(flat.includes('合法性审查意见书'), `the PDF has the title 合法性审查意见书 (text read by ${via})`);
        expect(flat.includes(opinionNo), `the PDF has the number ${opinionNo} (text read by ${via}; it begins: ${flat.slice(0, 160)})`);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  ],
  [
    '合法性审查: the register exported to Excel with the screen\'s filter; a legal adviser corrected and taken out of use',
    async (page, base) => {
      const work = mkdtempSync(path.join(tmpdir(), 'fazhi-lr-xlsx-'));
      try {
        await login(page, base, 'hfx.head');
        await page.getByRole('menuitem', { name: '审查台账' }).click();
        await page.getByRole('heading', { name: '合法性审查' }).waitFor();
        const filter = page.locator('form.filter-bar').first();
        await pickOption(page, filter.getByLabel('类别'), '行政规范性文件', true);
        await filter.getByRole('button', { name: '查询' }).click();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /导出 Excel/ }).click()]);
        const file = path.join(work, 'register.xlsx');
        await download.saveAs(file);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        const ws = wb.getWorksheet('登记台账');
        expect(Boolean(ws), 'the workbook has the sheet 登记台账');
        expect(String(ws!.getCell('A1').value).includes('类型：行政规范性文件'), `the sheet states the filter (${String(ws!.getCell('A1').value)})`);
        const kinds = new Set<string>();
        ws!.eachRow((r, n) => {
          if (n > 2) kinds.add(String(r.getCell(2).value));
        });
        expect(kinds.size === 1 && kinds.has('行政规范性文件'), `only 行政规范性文件 exported (${[...kinds].join('、')})`);
        // a legal adviser: corrected and stopped; the register shows it
        await page.getByRole('menuitem', { name: '法律顾问' }).click();
        await page.getByRole('heading', { name: '法律顾问' }).first().waitFor();
        const edit = page.getByRole('button', { name: /^修改/ }).first();
        await edit.waitFor();
        const name = (await edit.getAttribute('aria-label'))!.replace(/^修改/, '');
        await edit.click();
        await dialogAction(page, `修改法律顾问：${name}`, async (d) => {
          await d.getByLabel('专业领域').fill('行政法、合同法');
          await d.getByRole('switch').click();
        }, '保存');
        const row = page.getByRole('row', { name: new RegExp(name) }).first();
        await row.getByText('停用', { exact: true }).waitFor();
        await row.getByText('行政法、合同法').waitFor();
        await page.screenshot({ path: path.join(ART, 'legality-04-advisers.png'), fullPage: true });
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  ],
  [
    '合法性审查: the public comment page on a phone',
    async (page, base) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/portal/legality-review`);
      await page.getByRole('heading', { name: '草案公开征求意见' }).waitFor();
      await page.getByRole('link', { name: '北京市西城区美容美发行业经营管理办法' }).click();
      await page.getByRole('button', { name: '对第二条提出意见' }).click();
      await page.getByLabel('对第二条的意见').fill('建议以告知承诺代替许可证。');
      await page.getByRole('button', { name: '提交意见' }).click();
      await page.getByText('已提交对第二条的意见，感谢参与').waitFor();
      await page.screenshot({ path: path.join(ART, 'legality-03-portal-phone.png'), fullPage: true });
    },
  ],
];
