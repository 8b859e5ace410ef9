// 公共法律服务 browser flows (issue 6, Done-when): a 12348 hotline record turned into a legal-aid application that shows
// its statutory deadlines with explanations; the public "查找最近的服务点" page on a phone, without login.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createRng, generateCreditCode, generateIdNumber } from '../common/validators';
import { ART, type Flow, expect, isoDay, login, pickOption } from './lib';

/** A searchable antd Select: type part of the option, Enter; check the select shows it (retried once: typing during the modal's animation can be lost). */
async function pickChecked(page: Page, scope: Locator, label: string, text: string) {
  for (let attempt = 0; ; attempt++) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(text.slice(0, 3));
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().waitFor();
    await input.press('Enter');
    const shown = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) }).getByTitle(text, { exact: true });
    try {
      await shown.waitFor({ timeout: 2_000 });
      return;
    } catch (e) {
      if (attempt >= 1) throw e;
    }
  }
}

export const legalServicesFlows: Flow[] = [
  [
    'legal services: a 12348 hotline record becomes a legal-aid application with its deadlines',
    async (page, base) => {
      await login(page, base, 'flyz.staff');
      await page.goto(`${base}/legal-services/consultations`);
      await page.getByRole('heading', { name: '12348 热线与咨询' }).waitFor();
      await page.getByRole('button', { name: '登记咨询' }).click();
      const dlg = page.getByRole('dialog', { name: '登记咨询记录' });
      await dlg.waitFor();
      await dlg.getByLabel('咨询人').fill('王测试');
      await dlg.getByLabel('联系电话').fill('13912345678');
      await pickChecked(page, dlg, '群体', '新就业形态劳动者');
      await dlg.getByLabel('咨询内容').fill('外卖骑手王测试被拖欠三个月报酬，平台称无劳动关系');
      await dlg.getByLabel('解答意见').fill('可申请劳动争议仲裁确认劳动关系，并可申请法律援助');
      await dlg.getByRole('button', { name: '登 记' }).or(dlg.getByRole('button', { name: '登记' })).first().click();
      await dlg.waitFor({ state: 'detached' });
      await page.getByLabel('搜索咨询记录').fill('外卖骑手王测试');
      await page.getByLabel('搜索咨询记录').press('Enter');
      const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '王测试' }).first();
      await row.waitFor();
      expect(await row.getByText('139****5678').isVisible(), 'phone number masked in the list');
      await page.screenshot({ path: path.join(ART, 'ls-01-hotline.png'), fullPage: true });
      await row.getByRole('button', { name: '转法律援助申请' }).click();

      // The intake form carries the record's data over (name, matter, summary; the number stays on the server).
      await page.getByRole('heading', { name: '登记法律援助申请' }).waitFor();
      await page.getByText(/由咨询记录 ZX\d{4}-\d{5} 转办/).waitFor();
      expect((await page.getByLabel('申请人姓名').inputValue()) === '王测试', 'applicant name carried over');
      await page.getByText('请求确认劳动关系或者支付劳动报酬').waitFor();
      expect((await page.getByLabel('案情摘要').inputValue()).includes('外卖骑手王测试被拖欠三个月报酬'), 'summary carried over');
      await page.getByLabel('身份证号码').fill(generateIdNumber(createRng(606), { regionCode: '110102' }));
      await page.locator('.ant-form-item').filter({ has: page.getByLabel('受援人群体') }).getByTitle('新就业形态劳动者', { exact: true }).waitFor();
      await page.getByLabel('家庭人均月收入（元）').fill('1800');
      await page.screenshot({ path: path.join(ART, 'ls-02-intake-prefilled.png'), fullPage: true });
      await page.getByRole('button', { name: /^登\s?记$/ }).click();

      // The detail shows the decision deadline (7 days, Art. 43) and the projected assignment deadline with explanations.
      await page.getByRole('heading', { name: /^法律援助申请 西法援〔\d{4}〕\d+号$/ }).waitFor({ timeout: 20_000 });
      const decision = page.getByTestId('deadline-legalAid.applicationDecision');
      await decision.waitFor();
      expect((await decision.textContent())?.includes('《中华人民共和国法律援助法》第四十三条第一款'), 'decision deadline cites Art. 43');
      await decision.getByText(/法律援助申请审查决定期限为 7 日/).waitFor();
      await page.getByTestId('deadline-legalAid.assignment').getByText('推算', { exact: true }).waitFor();
      await page.getByText('138****').or(page.getByText('139****5678')).first().waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-03-aid-detail.png'), fullPage: true });

      // Back on the hotline list the record links to the application.
      await page.goto(`${base}/legal-services/consultations`);
      await page.getByLabel('搜索咨询记录').fill('外卖骑手王测试');
      await page.getByLabel('搜索咨询记录').press('Enter');
      await page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '王测试' }).getByRole('link', { name: /西法援〔\d{4}〕\d+号/ }).waitFor();
    },
  ],
  [
    'legal services: the public nearest-point page on a phone',
    async (page, base) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/portal/legal-services/nearest`);
      await page.getByRole('heading', { name: '查找最近的服务点' }).waitFor();
      await pickOption(page, page.getByLabel('街道', { exact: true }), '金融街街道');
      await pickOption(page, page.getByLabel('社区', { exact: true }), '社区');
      const items = page.getByTestId('nearest-point');
      await items.first().waitFor({ timeout: 20_000 });
      expect((await items.count()) === 5, 'five nearest points listed');
      await page.getByText(/步行速度 \d+ 米\/分钟、绕行系数/).waitFor();
      await items.first().getByText(/步行约 \d+ 分钟/).waitFor();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' }).catch(() => undefined);
      await page.screenshot({ path: path.join(ART, 'ls-04-portal-nearest-phone.png'), fullPage: true });
    },
  ],
  [
    'legal services: the 15-minute circle lists the communities outside; a random draw is published and re-verified from its seed',
    async (page, base) => {
      await login(page, base, 'flyz.head');
      await page.goto(`${base}/legal-services/coverage`);
      await page.getByRole('heading', { name: '服务点与十五分钟服务圈' }).waitFor();
      await page.getByTestId('coverage-method').getByText(/半正矢公式/).waitFor();
      const outside = page.getByTestId('outside-table').locator('.ant-table-tbody tr.ant-table-row');
      await outside.first().waitFor();
      expect((await outside.count()) > 0, 'communities outside the circle listed');
      await page.screenshot({ path: path.join(ART, 'ls-05-coverage.png'), fullPage: true });
      // local settings: the unverified ones are labelled 待核实
      await page.getByRole('button', { name: /^设\s?置$/ }).click();
      const settings = page.getByRole('dialog', { name: '公共法律服务设置' });
      await settings.getByText('待核实', { exact: true }).first().waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-05b-settings.png') });
      await settings.getByRole('button', { name: /^取\s?消$/ }).click();
      await settings.waitFor({ state: 'detached' });

      await page.goto(`${base}/legal-services/inspections`);
      await page.getByRole('heading', { name: '双随机、一公开' }).waitFor();
      await page.getByRole('button', { name: '随机抽取' }).click();
      const dlg = page.getByRole('dialog', { name: '随机抽取检查对象和执法人员' });
      await dlg.waitFor();
      await dlg.getByLabel('名称').fill('司法鉴定机构双随机抽查（浏览器流程）');
      await dlg.getByRole('button', { name: /^确\s?定$|^OK$/ }).click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByTestId('draw-seed').waitFor({ timeout: 20_000 });
      // the results are published with the draw (优化营商环境条例 Art. 54): each drawn institution's result first
      const record = drawer.getByRole('button', { name: '登记结果' });
      for (let n = await record.count(); n > 0; n = await record.count()) {
        await record.first().click();
        const fd = page.getByRole('dialog', { name: '登记检查结果' });
        await fd.getByText('未发现问题', { exact: true }).click();
        await fd.getByLabel('检查情况').fill('现场检查执业场所、鉴定档案和收费公示，未发现问题。');
        await fd.getByRole('button', { name: /^确\s?定$|^OK$/ }).click();
        await fd.waitFor({ state: 'detached' });
        for (let i = 0; i < 100 && (await record.count()) >= n; i++) await page.waitForTimeout(100);
      }
      await drawer.getByRole('button', { name: /^公\s?开$/ }).click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: /^确\s?定$|^OK$/ }).click();
      await drawer.getByText(/已公开/).first().waitFor();
      await drawer.getByRole('button', { name: '以种子复核' }).click();
      await drawer.getByTestId('draw-verify').getByText('复核一致').waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-06-draw-verified.png'), fullPage: true });

      await page.goto(`${base}/portal/legal-services/inspections`);
      await page.getByText('司法鉴定机构双随机抽查（浏览器流程）').first().waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-07-portal-inspections.png'), fullPage: true });
    },
  ],
  [
    'legal services: an enterprise service request goes through a 法治体检 finding to closure',
    async (page, base) => {
      const btn = (scope: Locator, text: string) => scope.getByRole('button', { name: new RegExp(`^${[...text].join('\\s?')}$`) });
      await login(page, base, 'flyz.staff');
      await page.goto(`${base}/legal-services/enterprise`);
      await page.getByRole('heading', { name: '企业法律服务' }).waitFor();
      await btn(page.locator('body'), '登记服务需求').click();
      const dlg = page.getByRole('dialog', { name: '登记企业法律服务需求' });
      await dlg.waitFor();
      await dlg.getByLabel('企业名称').fill('北京浏览器流程数据科技有限公司（演示）');
      // a wrong check character is refused with the reason
      const code = generateCreditCode(createRng(6006), { regionCode: '110102' });
      await dlg.getByLabel('统一社会信用代码').fill(`${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`);
      await dlg.getByLabel('科技创新企业').check();
      await dlg.getByLabel('需求描述').fill('企业申请法治体检：数据合规和劳动用工');
      const submit = dlg.locator('.ant-modal-footer .ant-btn-primary');
      await submit.click();
      await page.getByText(/统一社会信用代码不正确/).first().waitFor();
      await dlg.getByLabel('统一社会信用代码').fill(code);
      await submit.click();
      await dlg.waitFor({ state: 'detached' });
      const drawer = page.locator('.ant-drawer').filter({ hasText: '企业服务需求' }).last();
      await drawer.getByTestId('request-status').getByText('待指派').waitFor();

      await btn(drawer, '指派').click();
      const assign = page.getByRole('dialog', { name: '指派律师或服务团队' });
      await assign.getByLabel('服务团队').fill('金融街律师服务团');
      await btn(assign, '确定').or(assign.getByRole('button', { name: 'OK' })).first().click();
      await drawer.getByTestId('request-status').getByText('办理中').waitFor();

      await btn(drawer, '开展法治体检').click();
      const ck = page.getByRole('dialog', { name: '开展法治体检' });
      await ck.waitFor();
      await btn(ck, '确定').or(ck.getByRole('button', { name: 'OK' })).first().click();
      const cd = page.locator('.ant-drawer').filter({ hasText: /法治体检 西法检〔\d{4}〕\d+号/ }).last();
      await cd.getByTestId('checkup-status').waitFor();
      await btn(cd, '登记问题').click();
      const fd = page.getByRole('dialog', { name: '登记体检发现的问题' });
      await fd.getByLabel('高风险').check();
      await fd.getByLabel('发现的问题').fill('收集客户个人信息未取得单独同意');
      await fd.getByLabel('整改建议').fill('制定个人信息处理规则并补正同意流程');
      await btn(fd, '确定').or(fd.getByRole('button', { name: 'OK' })).first().click();
      await fd.waitFor({ state: 'detached' });
      await cd.getByTestId('checkup-risk').getByText('高风险').waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-08-checkup-finding.png'), fullPage: true });

      // closing is refused while the finding is open
      await btn(cd, '结束体检').click();
      let close = page.getByRole('dialog', { name: '结束法治体检' });
      await close.getByLabel('体检结论').fill('体检完成');
      await btn(close, '确定').or(close.getByRole('button', { name: 'OK' })).first().click();
      await page.getByText(/全部问题跟踪销号后才能结束体检/).first().waitFor();
      await btn(close, '取消').or(close.getByRole('button', { name: 'Cancel' })).first().click();
      await close.waitFor({ state: 'detached' });

      await btn(cd, '整改跟踪').click();
      const fu = page.getByRole('dialog', { name: /整改跟踪/ });
      await fu.getByLabel('跟踪情况').fill('企业已公开个人信息处理规则');
      await fu.getByLabel('整改完成，销号').check();
      await btn(fu, '确定').or(fu.getByRole('button', { name: 'OK' })).first().click();
      await fu.waitFor({ state: 'detached' });
      await cd.getByTestId('checkup-risk').getByText('无未整改问题').waitFor();
      await btn(cd, '结束体检').click();
      close = page.getByRole('dialog', { name: '结束法治体检' });
      await close.getByLabel('体检结论').fill('体检发现问题已整改销号');
      await btn(close, '确定').or(close.getByRole('button', { name: 'OK' })).first().click();
      await cd.getByTestId('checkup-status').getByText(/已结束/).waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-09-checkup-closed.png'), fullPage: true });
      // the 法治体检报告 downloads as a .docx
      const [download] = await Promise.all([page.waitForEvent('download'), cd.getByRole('link', { name: '体检报告（.docx）' }).or(cd.getByRole('button', { name: '体检报告（.docx）' })).first().click()]);
      expect(download.suggestedFilename().startsWith('法治体检报告_西法检'), 'report file name');
      await cd.locator('.ant-drawer-close').click();

      await btn(drawer, '答复企业').click();
      const rs = page.getByRole('dialog', { name: '答复企业' });
      await rs.getByLabel('答复内容').fill('已出具法治体检报告');
      await btn(rs, '确定').or(rs.getByRole('button', { name: 'OK' })).first().click();
      await drawer.getByTestId('request-status').getByText('已答复，待办结').waitFor();
      await btn(drawer, '办结').click();
      const cl = page.getByRole('dialog', { name: '办结并记录满意度' });
      await cl.getByLabel('满意', { exact: true }).check();
      await btn(cl, '确定').or(cl.getByRole('button', { name: 'OK' })).first().click();
      await drawer.getByTestId('request-status').getByText('已办结').waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-10-request-closed.png'), fullPage: true });

      // the statistics by firm type count it
      await drawer.locator('.ant-drawer-close').click();
      await page.getByRole('tab', { name: '统计' }).click();
      await page.getByRole('cell', { name: '科技创新企业' }).first().waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-11-enterprise-stats.png'), fullPage: true });

      // the registers and the approvals register show the unverified period
      await page.goto(`${base}/legal-services/registers`);
      await page.getByRole('heading', { name: '法律服务机构与行政审批' }).waitFor();
      await page.getByRole('tab', { name: '行政审批' }).click();
      await page.getByTestId('approval-period-note').getByText(/第八十二条/).waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-12-approvals.png'), fullPage: true });
      await page.getByRole('tab', { name: '机构名录' }).click();
      await page.getByLabel('机构类别').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '律师事务所' }).first().click();
      await page.getByLabel('搜索机构').fill('西城示例律师');
      await page.getByLabel('搜索机构').press('Enter');
      await page.locator('.ant-tabs-content-active').getByText('北京西城示例律师事务所', { exact: true }).click();
      const prof = page.locator('.ant-drawer').filter({ hasText: '北京西城示例律师事务所（律师事务所）' }).last();
      await prof.getByTestId('profile-grade').waitFor();
      await prof.getByRole('tab', { name: /^律师（\d+）$/ }).click();
      await page.screenshot({ path: path.join(ART, 'ls-12b-law-firm-profile.png'), fullPage: true });
    },
  ],
  [
    'legal services: 12348 quality sample with a seed, knowledge-base search and referral to a notary office',
    async (page, base) => {
      const btn = (scope: Locator, text: string) => scope.getByRole('button', { name: new RegExp(`^${[...text].join('\\s?')}$`) });
      await login(page, base, 'flyz.head');
      await page.goto(`${base}/legal-services/quality`);
      await page.getByRole('heading', { name: '12348 质检与知识库' }).waitFor();
      await btn(page.locator('body'), '随机抽取咨询记录').click();
      const dlg = page.getByRole('dialog', { name: '随机抽取咨询记录' });
      await dlg.waitFor();
      const start = dlg.getByPlaceholder('开始日期');
      await start.click();
      await start.fill(isoDay(-90));
      await dlg.getByPlaceholder('结束日期').fill(isoDay(0));
      await dlg.getByPlaceholder('结束日期').press('Enter');
      await dlg.getByLabel('种子（十六进制，留空随机生成）').fill('00c0ffee12345678');
      await btn(dlg, '确定').or(dlg.getByRole('button', { name: 'OK' })).first().click();
      const drawer = page.locator('.ant-drawer').filter({ hasText: '12348质检' }).last();
      await drawer.getByText('以记录的种子重新抽取，结果与登记的一致').waitFor({ timeout: 20_000 });
      await btn(drawer, '评分').first().click();
      const sc = page.getByRole('dialog', { name: '评查打分' });
      await btn(sc, '确定').or(sc.getByRole('button', { name: 'OK' })).first().click();
      await drawer.getByText(/^已评 1 \/ 10/).waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-13-quality-sample.png'), fullPage: true });
      await drawer.locator('.ant-drawer-close').click();

      await page.getByRole('tab', { name: '知识库' }).click();
      await page.getByLabel('检索知识库').fill('老板拖欠我的工资怎么办');
      await page.getByLabel('检索知识库').press('Enter');
      await page.locator('.ant-tabs-content-active').getByRole('cell', { name: /^用人单位拖欠工资怎么办/ }).first().waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-14-knowledge.png'), fullPage: true });

      // a record referred to a notary office, with its data
      await page.goto(`${base}/legal-services/consultations`);
      await page.getByRole('heading', { name: '12348 热线与咨询' }).waitFor();
      await btn(page.locator('body'), '登记咨询').click();
      const nc = page.getByRole('dialog', { name: '登记咨询记录' });
      await nc.getByLabel('咨询人').fill('公证转办测试');
      await nc.getByLabel('咨询内容').fill('想为父亲办理遗嘱公证，需要本人到场吗');
      await nc.getByLabel('查知识库').fill('遗嘱公证');
      await nc.getByLabel('查知识库').press('Enter');
      await btn(nc, '引用').first().click();
      expect((await nc.getByLabel('解答意见').inputValue()).includes('公证'), 'answer taken from the knowledge base');
      await btn(nc, '登记').click();
      await nc.waitFor({ state: 'detached' });
      await page.getByLabel('搜索咨询记录').fill('遗嘱公证');
      await page.getByLabel('搜索咨询记录').press('Enter');
      const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '公证转办测试' }).first();
      await row.waitFor();
      await btn(row, '其他转办').click();
      await page.getByRole('menuitem', { name: '转公证机构' }).click();
      const rf = page.getByRole('dialog', { name: /^转公证机构/ });
      await rf.getByText('想为父亲办理遗嘱公证').waitFor();
      await pickOption(page, rf.getByLabel('公证机构'), '公证处');
      await btn(rf, '转办').click();
      await rf.waitFor({ state: 'detached' });
      await row.getByText(/公证处/).waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-15-referral-notary.png'), fullPage: true });
    },
  ],
  [
    'legal services: legal aid Art. 43 materials notice pauses the decision clock; the headline figures',
    async (page, base) => {
      const btn = (scope: Locator, text: string) => scope.getByRole('button', { name: new RegExp(`^${[...text].join('\\s?')}$`) });
      await login(page, base, 'flyz.staff');
      await page.goto(`${base}/legal-services/aid?status=received`);
      await page.getByRole('heading', { name: '法律援助申请' }).waitFor();
      await page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link').click();
      await page.getByRole('heading', { name: /^法律援助申请 西法援/ }).waitFor();
      await btn(page.locator('.page-header'), '通知补充材料').or(btn(page.locator('body'), '通知补充材料')).first().click();
      const dlg = page.getByRole('dialog', { name: '通知补充材料' });
      await dlg.getByText('第四十三条第二款').first().waitFor();
      await dlg.getByLabel('需要补充的材料（一次性告知）').fill('户口簿复印件、收入情况说明');
      await btn(dlg, '确定').or(dlg.getByRole('button', { name: 'OK' })).first().click();
      await dlg.waitFor({ state: 'detached' });
      await page.getByTestId('aid-materials').getByText(/审查决定期限暂停计算/).waitFor();
      await page.getByTestId('deadline-legalAid.applicationDecision').getByText('暂停计算').waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-16-aid-materials-paused.png'), fullPage: true });
      await btn(page.locator('body'), '收到补充材料').click();
      const rc = page.getByRole('dialog', { name: '收到补充材料' });
      await btn(rc, '确定').or(rc.getByRole('button', { name: 'OK' })).first().click();
      await rc.waitFor({ state: 'detached' });
      await page.getByTestId('aid-materials').getByText(/继续计算/).waitFor();
      await page.getByTestId('deadline-legalAid.applicationDecision').getByText(/剩|逾期/).waitFor();

      await page.goto(`${base}/legal-services/aid-stats`);
      await page.getByTestId('headline-figures').getByText('办结行政审批').waitFor();
      await page.screenshot({ path: path.join(ART, 'ls-17-headline-figures.png'), fullPage: true });
    },
  ],
];
