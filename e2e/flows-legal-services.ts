// 公共法律服务 browser flows (issue 6, Done-when): a 12348 hotline record turned into a legal-aid application that shows
// its statutory deadlines with explanations; the public "查找最近的服务点" page on a phone, without login.
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { createRng, generateIdNumber } from '../common/validators';
import { ART, type Flow, expect, login, pickOption } from './lib';

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
      await page.getByTestId('coverage-method').getByText(/haversine/).waitFor();
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
];
