// 矛盾纠纷 and 人民调解 browser flows (issue 7): a dispute from intake (12345, then the same matter from a 司法所 visit,
// recognised as one) through a transfer to a mediation committee to closure; a mediation agreement downloaded as .docx
// (title and case number in document.xml, and opened by LibreOffice when available).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { addHours, beijingTimeText } from '../common/deadlines';
import { createRng, generateIdNumber } from '../common/validators';
import { readZipEntry } from '../server/platform/documents/zip';
import { ART, type Flow, docxToPdfText, expect, login, pickOption, searchOption } from './lib';

const rng = createRng(Date.now() % 100000);
const idNo = () => generateIdNumber(rng, { regionCode: '110102' });

/** Submits a dialog; when a select lost its pick (the form says 请选择), picks again and resubmits. */
async function submitPicking(page: Page, d: ReturnType<Page['getByRole']>, picks: [string, string][]) {
  for (let i = 0; ; i++) {
    await d.getByRole('button', { name: '确定' }).click();
    try {
      await d.waitFor({ state: 'detached', timeout: 5000 });
      return;
    } catch (e) {
      if (i >= 2) throw e;
      for (const [label, text] of picks) await pickOption(page, d.getByLabel(label), text);
    }
  }
}

async function dialog(page: Page, title: string, fill: (d: ReturnType<Page['getByRole']>) => Promise<void>, ok: string) {
  const d = page.getByRole('dialog', { name: title });
  await d.waitFor();
  await fill(d);
  await d.getByRole('button', { name: ok }).click();
  await d.waitFor({ state: 'detached' });
}

export const disputeFlows: Flow[] = [
  [
    'dispute: intake from 12345 and a 司法所 visit as one matter, transfer to a committee, closure',
    async (page, base) => {
      await login(page, base, 'sfs.xicha');
      await page.goto(`${base}/disputes`);
      await page.getByRole('heading', { name: '矛盾纠纷登记簿' }).waitFor();
      const id = idNo();
      const address = `西城区府右街${100 + Math.floor(rng.next() * 800)}号院2号楼`;
      const intake = async (source: string | null, summary: string) => {
        await page.getByRole('button', { name: '登记纠纷' }).click();
        await dialog(page, '登记矛盾纠纷', async (d) => {
          if (source) await pickOption(page, d.getByLabel('来源', { exact: true }), source);
          await d.getByLabel('纠纷发生地址').fill(address);
          await d.getByLabel('纠纷简要情况').fill(summary);
          await d.getByLabel('当事人1姓名').fill('郑演示');
          await d.getByLabel('当事人1身份证号（可不填）').fill(id);
          await d.getByLabel('当事人2姓名').fill('冯演示');
        }, '登记');
      };
      await intake(null, '12345 工单：楼上装修漏水，多次协商未果');
      const heading = page.getByRole('heading', { name: /^纠纷 西纠〔\d{4}〕\d+号$/ });
      await heading.waitFor();
      const code = ((await heading.textContent()) ?? '').replace('纠纷 ', '');
      await page.screenshot({ path: path.join(ART, 'dispute-01-registered.png'), fullPage: true });

      // the same matter again, from a 司法所 visit: recognised, no new code
      await page.goto(`${base}/disputes`);
      await intake('司法所走访', '走访中当事人再次反映漏水问题');
      const info = page.locator('.ant-modal-confirm');
      await info.locator('.ant-modal-confirm-title').getByText('已识别为同一纠纷').waitFor();
      expect((await info.textContent())?.includes(code), `the visit is recognised as ${code}`);
      await info.getByRole('button').click();
      await page.getByRole('heading', { name: `纠纷 ${code}` }).waitFor();
      await page.getByText('来源（反映 2 次）').waitFor();
      await page.screenshot({ path: path.join(ART, 'dispute-02-merged.png'), fullPage: true });

      // transfer to the street's mediation committee; the history keeps every step
      const toolbar = page.getByRole('toolbar', { name: '办理操作' });
      await toolbar.getByRole('button', { name: '分流移交' }).click();
      await dialog(page, '分流移交', async (d) => {
        await searchOption(page, d.getByLabel('人民调解委员会', { exact: true }), '西长安街街道人民调解委员会');
        await d.getByLabel('移交说明').fill('经研判适宜人民调解');
      }, '移交');
      await page.getByText('当前承办：西长安街街道人民调解委员会').waitFor();
      await toolbar.getByRole('button', { name: '办结' }).click();
      await dialog(page, '办结', async (d) => d.getByLabel('办结情况').fill('经调解双方达成协议，已履行'), '办结');
      await page.locator('.page-header').getByText('已办结', { exact: true }).waitFor();
      const events = await page.getByTestId('dispute-event').allTextContents();
      expect(events.length === 4, `four steps in the history (${events.length})`);
      expect(events[1]!.includes('司法所走访') && events[2]!.includes('移交 西长安街街道人民调解委员会') && events[3]!.includes('调解成功'), `history: ${events.join(' | ')}`);
      await page.screenshot({ path: path.join(ART, 'dispute-03-closed.png'), fullPage: true });
    },
  ],
  [
    'mediation: an agreement shows its judicial-confirmation deadline and downloads as .docx',
    async (page, base) => {
      await login(page, base, 'sfs.xicha');
      await page.goto(`${base}/mediation`);
      await page.getByRole('heading', { name: '人民调解' }).waitFor();
      await page.getByRole('button', { name: '受理调解案件' }).click();
      await dialog(page, '受理人民调解案件', async (d) => {
        await searchOption(page, d.getByLabel('人民调解委员会', { exact: true }), '西长安街街道人民调解委员会');
        await d.getByLabel('纠纷简要情况').fill('相邻房屋漏水损失赔偿');
        await d.getByLabel('当事人1姓名').fill('郑演示');
        await d.getByLabel('当事人1身份证号').fill(idNo());
        await d.getByLabel('当事人2姓名').fill('冯演示');
        await d.getByLabel('当事人2身份证号').fill(idNo());
      }, '受理');
      const heading = page.getByRole('heading', { name: /^调解案件 西人调〔\d{4}〕\d+号$/ });
      await heading.waitFor();
      const caseNo = ((await heading.textContent()) ?? '').replace('调解案件 ', '');
      await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '登记调解协议' }).click();
      await dialog(page, '登记调解协议', async (d) => d.getByLabel('协议内容').fill('一、冯演示于十日内赔偿郑演示人民币叁仟元整；\n二、双方再无其他争议。'), '确定');
      await page.getByTestId('confirmation-card').waitFor();
      const due = (await page.getByTestId('confirmation-due').textContent()) ?? '';
      const remind = (await page.getByTestId('confirmation-remind').textContent()) ?? '';
      expect(/\d{4}年\d{1,2}月\d{1,2}日/.test(due) && /\d{4}-\d{2}-\d{2}/.test(remind), `deadline ${due} and reminder from ${remind} shown`);
      await page.screenshot({ path: path.join(ART, 'mediation-01-agreement.png'), fullPage: true });

      const work = mkdtempSync(path.join(tmpdir(), 'fazhi-mediation-'));
      try {
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /下载调解协议书/ }).click()]);
        const docx = path.join(work, 'agreement.docx');
        await download.saveAs(docx);
        expect(download.suggestedFilename().includes('人民调解协议书'), `file name ${download.suggestedFilename()}`);
        const xml = readZipEntry(readFileSync(docx), 'word/document.xml')?.toString('utf8') ?? '';
        expect(xml.includes('人民调解协议书') && xml.includes(caseNo), `document.xml has the title and ${caseNo}`);
        const pdfText = docxToPdfText(docx, work);
        if (!pdfText) return;
        const { flat, via } = pdfText;
        expect(flat.includes('人民调解协议书') && flat.includes(caseNo), `the PDF has the title and ${caseNo} (via ${via}; begins ${flat.slice(0, 120)})`);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
  ],
  [
    'corrections: a subject who has not reported by the 10th day is overdue on the 司法所 list; the record opens to the named staff',
    async (page, base) => {
      await login(page, base, 'sfs.xicha');
      await page.goto(`${base}/corrections`);
      await page.getByRole('heading', { name: '社区矫正对象' }).waitFor();
      await page.getByRole('switch', { name: '仅逾期未报到' }).click();
      await page.getByRole('button', { name: '查询' }).click();
      // the filtered answer (the unfiltered page stays on screen until it arrives, and it lists the same subject)
      await page.getByText('共 1 人').waitFor();
      const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
      await row.getByText('逾期未报到').waitFor();
      expect((await page.locator('.ant-table-tbody tr.ant-table-row').count()) === 1, 'one subject overdue in the demo street');
      await page.screenshot({ path: path.join(ART, 'corrections-01-overdue.png'), fullPage: true });
      await row.getByRole('link').click();
      await page.getByRole('heading', { name: /^社区矫正档案：/ }).waitFor();
      const recordUrl = page.url();
      await page.getByText('本次查阅已记入审计日志').waitFor();
      await page.getByText('已逾期').first().waitFor();
      await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '登记报到' }).click();
      await dialog(page, '登记报到', async () => undefined, '确定');
      await page.locator('.page-header').getByText('在矫', { exact: true }).waitFor();
      await page.screenshot({ path: path.join(ART, 'corrections-02-record.png'), fullPage: true });
      // C7 (社区矫正法 Art. 47): a proposal to revoke probation and, with it, a request that the court decide on arrest
      // within 48 hours, an hour deadline shown with its due time (Beijing)
      const toolbar = page.getByRole('toolbar', { name: '办理操作' });
      await toolbar.getByRole('button', { name: '登记记录' }).click();
      const proposal = page.getByRole('dialog', { name: '登记记录' });
      await pickOption(page, proposal.getByLabel('记录类别'), '提请减刑、撤销缓刑假释或收监执行');
      await pickOption(page, proposal.getByLabel('建议种类'), '提请撤销缓刑、假释');
      await proposal.getByLabel('人民法院或决定机关').fill('北京市西城区人民法院');
      await proposal.getByLabel('内容').fill('违反监督管理规定，情节严重，提请撤销缓刑');
      await submitPicking(page, proposal, [['记录类别', '提请减刑、撤销缓刑假释或收监执行'], ['建议种类', '提请撤销缓刑、假释']]);
      const requestedAt = beijingTimeText(Date.now()); // 'YYYY-MM-DD HH:mm', Beijing
      const dueAt = addHours({ fromInstant: `${requestedAt.replace(' ', 'T')}:00+08:00`, hours: 48, explain: false }).dueAt;
      const dueText = beijingTimeText(Date.parse(dueAt));
      await toolbar.getByRole('button', { name: '登记记录' }).click();
      const request = page.getByRole('dialog', { name: '登记记录' });
      await pickOption(page, request.getByLabel('记录类别'), '提请逮捕（第四十七条）');
      await request.getByLabel('提请时刻').fill(requestedAt.replace(' ', 'T'));
      await request.getByLabel('人民法院', { exact: true }).fill('北京市西城区人民法院');
      await request.getByLabel('内容').fill('可能逃跑，提请人民法院决定逮捕');
      await submitPicking(page, request, [['记录类别', '提请逮捕（第四十七条）']]);
      const c7 = page.locator('.ant-table-row').filter({ hasText: '人民法院作出是否逮捕决定期限' });
      await c7.getByText(dueText).waitFor();
      expect(await c7.getByText('第四十七条第二款').isVisible(), 'the C7 clock cites 社区矫正法 Art. 47 ¶2');
      await page.screenshot({ path: path.join(ART, 'corrections-05-arrest-c7.png'), fullPage: true });
      // the workbench to-do list shows the due time of the hour deadline
      await page.goto(`${base}/`);
      const todo = page.locator('.ant-table-row').filter({ hasText: '人民法院作出是否逮捕决定期限' }).first();
      await todo.getByText(`${dueText}（北京时间）`).waitFor();
      await todo.getByText(/剩余 \d+ 小时/).waitFor();
      await page.screenshot({ path: path.join(ART, 'corrections-06-workbench-c7.png'), fullPage: true });
      // statistics of the street's ledger
      await page.goto(`${base}/corrections/stats`);
      await page.getByRole('heading', { name: '社区矫正统计' }).waitFor();
      await page.locator('.ant-table-row').filter({ hasText: '西长安街司法所' }).waitFor();
      await page.screenshot({ path: path.join(ART, 'corrections-07-stats.png'), fullPage: true });
      // the special-period list and 安置帮教
      await page.goto(`${base}/corrections/attention`);
      await page.getByRole('heading', { name: '特殊时期重点名单' }).waitFor();
      await page.getByText(/重点人员 \d+ 人/).waitFor();
      await page.screenshot({ path: path.join(ART, 'corrections-03-attention.png'), fullPage: true });
      await page.goto(`${base}/corrections/released`);
      await page.getByRole('heading', { name: '安置帮教' }).waitFor();
      await page.screenshot({ path: path.join(ART, 'corrections-04-released.png'), fullPage: true });
      await page.goto(`${base}/disputes/stats`);
      await page.getByRole('heading', { name: '矛盾纠纷与人民调解统计' }).waitFor();
      await page.getByText(/纠纷 \d+ 件，办结/).waitFor();
      await page.screenshot({ path: path.join(ART, 'dispute-04-stats.png'), fullPage: true });
      // 执行地变更 in the district (社区矫正法 Art. 27 ¶2): request, approval, hand-over (移交中), acceptance by the
      // receiving 司法所, which then holds the record; the old one keeps the hand-over history only
      await page.goto(recordUrl);
      await page.getByRole('heading', { name: /^社区矫正档案：/ }).waitFor();
      await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '登记记录' }).click();
      const move = page.getByRole('dialog', { name: '登记记录' });
      await pickOption(page, move.getByLabel('记录类别'), '执行地变更');
      await pickOption(page, move.getByLabel('变更类型'), '区内变更（其他司法所）');
      await searchOption(page, move.getByLabel('接收司法所'), '金融街司法所');
      await move.getByLabel('目的地').fill('金融街街道');
      await move.getByLabel('内容').fill('因迁居申请变更执行地');
      await submitPicking(page, move, [['记录类别', '执行地变更'], ['变更类型', '区内变更（其他司法所）']]);
      const transferRow = page.locator('.ant-table-row').filter({ hasText: '因迁居申请变更执行地' });
      await transferRow.getByRole('button', { name: '批准', exact: true }).click();
      await transferRow.getByRole('button', { name: '办理移交' }).click();
      await dialog(page, '办理执行地变更移交', async (d) => { await d.getByText('第二十七条第二款').first().waitFor(); }, '移交');
      await page.getByText(/执行地变更移交中：待金融街司法所接收/).waitFor();
      await page.screenshot({ path: path.join(ART, 'corrections-08-transfer-pending.png'), fullPage: true });
      await page.context().clearCookies();
      await login(page, base, 'sfs.jinrong');
      await page.goto(`${base}/corrections`);
      const incoming = page.locator('.ant-table-row').filter({ hasText: '移交中（自西长安街司法所）' }).first();
      await incoming.getByRole('button', { name: '接收' }).click();
      const accept = page.getByRole('dialog', { name: /^接收执行地变更：/ });
      await accept.getByLabel('接收责任人').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().click();
      // a multiple select keeps its dropdown open: close it before the modal's button
      await accept.locator('.ant-modal-title').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
      await accept.getByRole('button', { name: '接收' }).click();
      await accept.waitFor({ state: 'detached' });
      await page.locator('.ant-table-row').filter({ hasText: '已接收' }).first().waitFor();
      await page.screenshot({ path: path.join(ART, 'corrections-09-transfer-accepted.png'), fullPage: true });
      await page.goto(recordUrl);
      await page.getByRole('heading', { name: /^社区矫正档案：/ }).waitFor();
      await page.getByText('金融街司法所（').first().waitFor();
    },
  ],
];
