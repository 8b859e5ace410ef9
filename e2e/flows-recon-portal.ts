// Browser flows of 行政复议 (issue 3): the public portal's online application end to end, and a workflow step of the
// case detail page (incidental review of a normative document, Arts. 56–59) with the engine's deadline explanations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRng, generateIdNumber, generateMobile } from '../common/validators';
import { ART, type Flow, expect, fillDate, isoDay, login, pickOption, runAction } from './lib';

/** A small, plain PDF (no scripts): what a citizen would attach as the contested decision. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

export const reconPortalFlows: Flow[] = [
  [
    '行政复议 portal: a citizen applies online (5 steps, one attachment), gets the receipt number and query code, queries progress; the head sees it in the register as 互联网渠道, assigns it, downloads the attachment and drafts the online receipt',
    async (page, base) => {
      const rng = createRng(Date.now() % 100000);
      const stamp = Date.now() % 100000;
      const actName = `不予公开政府信息告知书（网上申请${stamp}）`;
      await page.goto(`${base}/portal/reconsideration/apply`);
      await page.getByRole('heading', { name: '网上申请行政复议' }).waitFor();
      const next = () => page.getByRole('button', { name: '下一步' }).click();
      const step = (n: number) => page.getByRole('heading', { name: new RegExp(`^第 ${n} 步（共 5 步）`) }).waitFor();

      // 1 申请人
      await page.getByLabel('姓名').fill('钱网申');
      await page.getByLabel('居民身份证号码').fill(generateIdNumber(rng, { regionCode: '110102' }));
      await page.getByLabel('手机号码').fill(generateMobile(rng));
      await page.getByLabel('住所（送达地址）').fill('北京市西城区某某街道 1 号');
      await page.screenshot({ path: path.join(ART, '20-portal-apply-step1.png'), fullPage: true });
      await next();
      // 2 被申请人与行政行为
      await step(2);
      await page.getByLabel('被申请人（作出行政行为的行政机关）').fill('北京市西城区住房和城市建设委员会');
      await page.getByLabel('申请行政复议的行政行为').fill(actName);
      await page.getByLabel('文书编号（文号）').fill(`西住建公开〔2026〕${stamp}号`);
      await fillDate(page, '知道或者应当知道该行政行为的日期', isoDay(-10));
      await next();
      // 3 复议请求与事实理由
      await step(3);
      await page.getByLabel('行政复议请求').fill('撤销被申请人作出的不予公开告知书，责令被申请人公开所申请的政府信息');
      await page.getByLabel('申请行政复议的主要事实和理由').fill('申请人申请公开的征收补偿方案不属于不予公开的范围，被申请人适用法律错误。');
      await next();
      // 4 材料上传: checked in the browser by content, and again by the server
      await step(4);
      await page.locator('input[type=file]').setInputFiles({ name: '不予公开告知书.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('list', { name: '已选择的材料' }).getByText('不予公开告知书.pdf').waitFor();
      await page.screenshot({ path: path.join(ART, '21-portal-apply-attachment.png'), fullPage: true });
      await next();
      // 5 确认提交
      await step(5);
      await page.getByText('本人确认以上内容真实、准确').click();
      await page.getByRole('button', { name: '确认提交' }).click();
      const receipt = page.getByTestId('recon-receipt-no');
      await receipt.waitFor();
      const receiptNo = (await receipt.innerText()).trim();
      const queryCode = (await page.getByTestId('recon-query-code').innerText()).replace(/\s+/g, '');
      expect(/^WS/.test(receiptNo), `receipt number issued (${receiptNo})`);
      expect(/^[A-Z0-9]{8}$/i.test(queryCode), `query code shown once (${queryCode})`);
      await page.getByTestId('recon-apply-result').getByText('不予公开告知书.pdf').waitFor();
      await page.screenshot({ path: path.join(ART, '22-portal-apply-result.png'), fullPage: true });

      // progress by receipt number + query code: status and the next deadline with its explanation
      await page.getByRole('button', { name: '查询办理进度' }).click();
      await page.getByRole('heading', { name: '行政复议办理进度查询' }).waitFor();
      if (!(await page.getByLabel('回执编号').inputValue())) await page.getByLabel('回执编号').fill(receiptNo);
      await page.getByLabel('查询码').fill(queryCode);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await page.getByTestId('recon-progress-status').getByText('已收到申请，正在审查是否受理').waitFor();
      const deadline = await page.getByTestId('recon-progress-deadline').innerText();
      expect(/第三十条/.test(deadline), `the next deadline cites Art. 30 (${deadline.slice(0, 120)})`);
      await page.screenshot({ path: path.join(ART, '23-portal-progress.png'), fullPage: true });

      // staff: the section head finds it in the register as an online application
      await page.context().clearCookies();
      await login(page, base, 'fy.head');
      await page.goto(`${base}/reconsideration/cases?scope=dept&channel=online&q=${encodeURIComponent('钱网申')}`);
      await page.getByRole('heading', { name: '案件台账' }).waitFor();
      const row = page.locator('tr.recon-row', { hasText: '钱网申' }).first();
      await row.waitFor();
      expect((await row.innerText()).includes('互联网渠道'), 'listed with the online channel');
      await page.screenshot({ path: path.join(ART, '24-recon-register-online.png'), fullPage: true });
      // keyboard: focus the row, Enter opens the case
      await row.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: /^西复〔\d{4}〕\d+号$/ }).waitFor();
      await page.getByText('互联网渠道').first().waitFor();

      // unassigned: the assignment suggestions (handlers by weighted load) with one-click 分配
      const suggestions = page.locator('.ant-card', { hasText: '分配建议（按在办案件负荷）' });
      await suggestions.waitFor();
      await suggestions.getByRole('button', { name: /^分配给 / }).first().click();
      await page.locator('.page-header').getByText(/承办人：(?!未分配)/).waitFor();

      // the uploaded file, downloadable as an attachment only
      await page.getByRole('tab', { name: '申请材料' }).click();
      await page.getByText(receiptNo).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载不予公开告知书.pdf' }).click()]);
      const saved = path.join(ART, 'downloaded-attachment.pdf');
      await download.saveAs(saved);
      expect(readFileSync(saved).equals(PDF), 'the downloaded attachment is the uploaded file, byte for byte');
      await page.screenshot({ path: path.join(ART, '25-recon-attachments.png'), fullPage: true });

      // the 收件回执 worded for the internet channel, with the receipt number (templates.ts receiptParagraphs)
      await page.getByRole('tab', { name: '文书' }).click();
      await pickOption(page, page.getByLabel('文书种类'), '收件回执', true);
      await page.getByRole('button', { name: '生成草稿' }).click();
      const drawer = page.getByRole('dialog', { name: /^编辑：/ });
      await drawer.getByLabel('标题').waitFor();
      const texts = await drawer.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join('\n'));
      expect(texts.includes(`网上申请回执编号：${receiptNo}`), 'the receipt names the portal receipt number');
      expect(texts.includes('互联网渠道') && !texts.includes('当面'), 'the receipt is worded for the internet channel');
      await page.screenshot({ path: path.join(ART, '26-recon-online-receipt.png'), fullPage: true });
    },
  ],
  [
    '行政复议 workflow: incidental review of a normative document suspends the case, the drafting organ is notified, the review concludes and the case resumes; a hearing is noticed in time; the withdrawal is approved — each dialog cites its article and shows the engine’s deadlines',
    async (page, base) => {
      await login(page, base, 'fy.head');
      await page.goto(`${base}/reconsideration/cases?scope=dept&status=underReview`);
      await page.getByRole('heading', { name: '案件台账' }).waitFor();
      await page.locator('tr.recon-row a').first().click();
      await page.getByRole('heading', { name: /^西复〔\d{4}〕\d+号$/ }).waitFor();
      await page.locator('.page-header').getByText('审理中', { exact: true }).waitFor();

      // Art. 56: opened with the engine's decision period shown in the dialog
      await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '规范性文件附带审查', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: /^规范性文件附带审查（《中华人民共和国行政复议法》第十三条、第五十六条、第五十七条）/ });
      await dialog.waitFor();
      // validation: nothing filled → messages, no request
      await dialog.getByRole('button', { name: '规范性文件附带审查', exact: true }).click();
      await dialog.getByText('请填写规范性文件名称').waitFor();
      await dialog.getByText('申请人一并提出审查申请（第十三条、第五十六条）').click();
      await dialog.getByLabel('规范性文件名称').fill('西城区某某管理办法');
      // keyboard: type to filter, Enter picks (the select searches the labels)
      const issuer = dialog.getByLabel('制定主体（第十三条第一款）');
      await issuer.click();
      await issuer.fill('县级以上');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', { hasText: '县级以上地方各级人民政府' }).waitFor();
      await issuer.press('Enter');
      await dialog.locator('.ant-select', { hasText: '县级以上地方各级人民政府' }).first().waitFor();
      await dialog.getByLabel('制定机关').fill('北京市西城区人民政府');
      await dialog.getByText('本机关有权处理（三十日内处理）').click();
      await page.screenshot({ path: path.join(ART, '27-recon-norm-review-dialog.png'), fullPage: true });
      await dialog.getByRole('button', { name: '规范性文件附带审查', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.locator('.page-header').getByText('中止审理', { exact: true }).waitFor();
      const result = page.getByTestId('action-result');
      await result.locator('strong', { hasText: '规范性文件附带审查处理期限' }).waitFor();
      await result.locator('strong', { hasText: '书面通知制定机关期限' }).waitFor();
      await page.screenshot({ path: path.join(ART, '28-recon-norm-review-started.png'), fullPage: true });

      // Art. 58: notice to the drafting organ (its 10-working-day reply period opens)
      await runAction(page, '书面通知制定机关', '中止审理');
      await result.locator('strong', { hasText: '制定机关书面答复期限' }).waitFor();
      // Art. 59: concluded → review resumes (the decision period runs again)
      await runAction(page, '附带审查办结', '审理中', async (d) => {
        await d.getByText('相关条款合法（第五十九条）').click();
        await d.getByLabel('审查处理意见').fill('经审查，该办法相关条款合法，在行政复议决定书中一并告知。');
      });
      await result.getByText(/^附带审查处理期限届满日 \d{4}-\d{2}-\d{2}，按期办结$/).waitFor();
      await result.locator('strong', { hasText: '作出行政复议决定期限' }).waitFor();
      await page.getByRole('tab', { name: /办理过程/ }).click();
      await page.getByText('附带审查办结').first().waitFor();
      await page.screenshot({ path: path.join(ART, '29-recon-norm-review-concluded.png'), fullPage: true });

      // Arts. 50–51: the hearing notice — the dialog computes the latest notice day as soon as the hearing date is set
      await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '通知听证', exact: true }).click();
      const hearing = page.getByRole('dialog', { name: /^通知听证（《中华人民共和国行政复议法》第五十条、第五十一条第一款）/ });
      await hearing.waitFor();
      await fillDate(page, '听证日期', isoDay(2));
      const hint = hearing.getByTestId('hearing-notice-hint');
      await hint.getByText(/书面通知最迟应于 \d{4}-\d{2}-\d{2} 发出.*已晚于该日/).waitFor();
      await page.screenshot({ path: path.join(ART, '32-recon-hearing-notice-late.png'), fullPage: true });
      await fillDate(page, '听证日期', isoDay(21));
      await hint.getByText(/^书面通知最迟应于 \d{4}-\d{2}-\d{2} 发出（听证日 .* 前五个工作日，《中华人民共和国行政复议法》第五十一条）$/).waitFor();
      await hearing.getByLabel('听证地点').fill('西城区司法局听证室');
      await hearing.getByLabel('拟听证事项').fill('规范性文件相关条款的适用');
      await hearing.getByText('认为有必要（第五十条第二款）').click();
      await hearing.getByRole('button', { name: '通知听证', exact: true }).click();
      await hearing.waitFor({ state: 'detached' });
      await result.getByText(/^最迟应于 \d{4}-\d{2}-\d{2} 书面通知听证/).waitFor();

      // Art. 74: withdrawal approved by the body ends the case (Art. 41 (1)); the reason is required
      await page.getByRole('toolbar', { name: '办理操作' }).getByRole('button', { name: '准予撤回', exact: true }).click();
      const withdraw = page.getByRole('dialog', { name: /^准予撤回（《中华人民共和国行政复议法》第七十四条、第四十一条第一项）/ });
      await withdraw.getByRole('button', { name: '准予撤回', exact: true }).click();
      await withdraw.getByText('请填写撤回理由').waitFor();
      await withdraw.getByLabel('撤回理由').fill('被申请人已自行纠正，申请人撤回申请。');
      await withdraw.getByText('当事人已和解（第七十四条第一款）').click();
      await withdraw.getByRole('button', { name: '准予撤回', exact: true }).click();
      await withdraw.waitFor({ state: 'detached' });
      await page.locator('.page-header').getByText('已终止', { exact: true }).waitFor();
      await result.getByText(/不得再以同一事实和理由提出行政复议申请/).waitFor();
      await page.screenshot({ path: path.join(ART, '33-recon-withdrawn.png'), fullPage: true });
    },
  ],
  [
    '行政复议 register for a busy handler: a saved view, rows picked with the keyboard, bulk assignment by load',
    async (page, base) => {
      await login(page, base, 'fy.head');
      await page.goto(`${base}/reconsideration/cases?scope=dept&status=registered`);
      await page.getByRole('heading', { name: '案件台账' }).waitFor();
      await page.locator('tr.recon-row').nth(1).waitFor();
      // save the current filters as a view, leave them, come back through the view
      await page.getByRole('button', { name: '保存为常用视图' }).click();
      const save = page.getByRole('dialog', { name: '保存常用视图' });
      await save.getByLabel('视图名称').fill('部门待受理审查');
      await save.getByRole('button', { name: '保存' }).click();
      await save.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: '清除筛选' }).click();
      await page.waitForURL((u) => !u.search.includes('status='));
      await pickOption(page, page.getByRole('combobox', { name: '常用视图' }), '部门待受理审查', false, { action: true });
      await page.waitForURL((u) => u.search.includes('status=registered') && u.search.includes('scope=dept'));
      // the list keeps the previous rows on screen while the filtered page loads: wait until every row shown is of
      // the view's status before touching rows, or the keyboard would select a row of the unfiltered list
      await page.waitForFunction(() => {
        const trs = [...document.querySelectorAll('tr.recon-row')];
        return trs.length > 0 && trs.every((tr) => tr.textContent?.includes('已登记')) && !document.querySelector('.ant-table .ant-spin-spinning');
      });
      // keyboard: focus the first row, x selects, ↓ moves, x selects the second
      const rows = page.locator('tr.recon-row');
      await rows.first().waitFor();
      await rows.first().focus();
      await page.keyboard.press('x');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('x');
      const bar = page.locator('.ant-card-small', { hasText: '批量办理（已选 2 件）' });
      await bar.waitFor();
      await page.screenshot({ path: path.join(ART, '30-recon-register-bulk.png'), fullPage: true });
      // bulk assignment: one transaction, each case through the single-case assign step
      await bar.getByRole('button', { name: '按负荷分配承办人' }).click();
      await page.locator('.ant-message-notice-title', { hasText: /^已按负荷分配 2 件：/ }).waitFor();
      await page.screenshot({ path: path.join(ART, '31-recon-register-bulk-assigned.png'), fullPage: true });
    },
  ],
  [
    '行政复议 intake through the penalising agency (Art. 32): the forwarding period is computed and shown on the case; the 收件回执 is offered for the on-site channel',
    async (page, base) => {
      const rng = createRng((Date.now() + 7) % 100000);
      await login(page, base, 'fy.handler1');
      await page.getByRole('menuitem', { name: '登记申请' }).click();
      await page.getByRole('heading', { name: '登记申请' }).waitFor();
      await fillDate(page, '收到申请日期', isoDay(0));
      await page.getByText('经作出行政处罚决定的行政机关转送').click();
      await page.getByLabel('转送申请的行政机关').fill('北京市公安局公安交通管理局西城交通支队');
      await fillDate(page, '该机关收到申请日期', isoDay(-3));
      await page.getByText('依据电子技术监控设备记录', { exact: true }).click();
      await page.getByLabel('姓名').fill('孙转送');
      await page.getByLabel('身份证号').fill(generateIdNumber(rng, { regionCode: '110102' }));
      await page.getByLabel('被申请人', { exact: true }).fill('北京市公安局公安交通管理局西城交通支队');
      await page.getByLabel('被申请复议的行政行为').fill('道路交通安全违法行为处理（电子监控）');
      await fillDate(page, '知道或者应当知道该行政行为之日', isoDay(-15));
      await page.getByLabel('行政复议请求').fill('撤销该行政处罚决定');
      await page.screenshot({ path: path.join(ART, '34-recon-intake-via-agency.png'), fullPage: true });
      await page.getByRole('button', { name: '登记', exact: true }).click();
      await page.getByRole('heading', { name: /^西复〔\d{4}〕\d+号$/ }).waitFor();
      await page.getByText('经作出行政处罚的机关转送（第三十二条）').waitFor();
      await page.getByText(/应于 \d{4}-\d{2}-\d{2} 前转送/).waitFor();
      await page.getByRole('button', { name: '打印收件回执' }).waitFor();
      await page.screenshot({ path: path.join(ART, '35-recon-detail-via-agency.png'), fullPage: true });
    },
  ],
];
