// The 合法性审查意见书 and the findings' citations, with a law corpus imported: provisions the BM25 retrieval adds as
// "related" are not the rule's legal basis and must not be shown or cited as such; the official document quotes each
// article once (no "第十七条规定：“第十七条 …”"), writes dates as 2026年5月26日 and never says "no clause needs changing"
// under a conclusion that asks for changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntry } from '../../platform/documents';
import { DIALECTS, type Session, type TestApp, createTestApp } from '../../test/harness';
import { importLawFiles } from './engine';

const BASE = '/api/v1/legality-review';
type Json = Record<string, any>;

const LICENSING = [
  '# 中华人民共和国行政许可法',
  '<!-- INFO END -->',
  '## 第二章 行政许可的设定',
  '第十四条 本法第十二条所列事项，法律可以设定行政许可。',
  '第十五条 本法第十二条所列事项，尚未制定法律、行政法规的，地方性法规可以设定行政许可。',
  '第十七条 除本法第十四条、第十五条规定的外，其他规范性文件一律不得设定行政许可。',
].join('\n');
// an unrelated regulation whose wording resembles the draft's clause: BM25 retrieves it as a "related provision"
const DECOY = ['# 示例危险废物经营管理条例', '<!-- INFO END -->', '第十四条 从事危险废物经营活动的单位，应当向区商务局申请办理经营许可证，未取得许可证的，不得从事相关经营活动。'].join('\n');

// BM25 ignores terms found in more than a tenth of the articles: a corpus of a realistic spread needs more articles
const FILLER = ['# 示例档案馆工作规定', '<!-- INFO END -->', ...['档案', '馆藏', '鉴定', '保管', '利用', '开放', '移交', '接收', '统计', '编研', '修复', '数字化', '安全', '检查', '培训', '奖励', '登记', '借阅', '复制', '销毁'].map((w, i) => `第${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'][i]}条 档案馆应当做好${w}工作。`)].join('\n');

const TEXT = [
  '北京市西城区美容美发行业经营管理办法（送审稿）',
  '第一条 为规范本区美容美发行业经营秩序，制定本办法。',
  '第二条 在本区从事美容美发经营活动的，应当向区商务局申请办理美容美发经营许可证，未取得许可证的，不得从事相关经营活动。',
  '第三条 申请办理上述许可证，应当提交所在社区居委会出具的无违法经营证明。',
  '第四条 本办法自2026年9月1日起施行。',
].join('\n');

const xmlText = (xml: string) => xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');

for (const dialect of DIALECTS) {
  describe(`合法性审查意见书 and cited articles [${dialect}]`, () => {
    let t: TestApp;
    let head: Session;

    beforeAll(async () => {
      t = await createTestApp(dialect, { now: '2026-06-01T02:00:00.000Z' });
      head = await t.login('hfx.head');
      const rep = await importLawFiles(t.handle.db, [{ name: '行政许可法(2019-04-23).md', content: LICENSING }, { name: '示例危险废物经营管理条例(2020-01-01).md', content: DECOY }, { name: '示例档案馆工作规定(2020-01-01).md', content: FILLER }], '2026-06-01T02:00:00.000Z');
      expect(rep.rejected).toEqual([]);
    });
    afterAll(async () => t?.close());

    const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) => {
      const res = await t.app.inject({ method, url, headers: head.headers, ...(payload ? { payload } : {}) });
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    const ok = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Json) => (await call(method, url, payload)).json() as Json;

    async function reviewed(conclusion: 'approve' | 'approveWithChanges', decision: 'accepted' | 'rejected', opinion: string) {
      const d = await ok('POST', `${BASE}/drafts`, { kind: 'normativeDocument', title: '北京市西城区美容美发行业经营管理办法', draftingUnit: '北京市西城区商务局', contactName: '联络员甲', submittedOn: '2026-05-25', touchesMarket: false, text: TEXT, reviewPeriodWd: 10 });
      for (const kind of ['draftingExplanation', 'legalBasis', 'commentRecord']) await ok('POST', `${BASE}/drafts/${d.id}/materials/text`, { kind, text: '材料' });
      await ok('POST', `${BASE}/drafts/${d.id}/accept`, { acceptedOn: '2026-05-26' });
      const a = await ok('POST', `${BASE}/drafts/${d.id}/analyze`, {});
      for (const f of a.findings) await ok('POST', `${BASE}/drafts/${d.id}/findings/${f.id}/decision`, { decision, reason: decision === 'accepted' ? '确属设定行政许可' : '不构成问题' });
      await ok('POST', `${BASE}/drafts/${d.id}/opinion`, { conclusion, opinion, issuedOn: '2026-05-29' });
      const docx = await call('GET', `${BASE}/drafts/${d.id}/opinion.docx`);
      return { analyzed: a, detail: await ok('GET', `${BASE}/drafts/${d.id}`), text: xmlText(readZipEntry(docx.rawPayload, 'word/document.xml')!.toString('utf8')) };
    }

    it('cites only the rule’s own articles, each quoted once, in the finding and in the opinion', async () => {
      const { analyzed, detail, text } = await reviewed('approveWithChanges', 'accepted', '请删除第二条。');
      const permit = detail.findings.find((f: Json) => f.types.includes('permit'));
      expect(permit).toBeDefined();
      // the rule's citation carries the corpus text …
      expect(permit.basis).toContainEqual({ instrument: '中华人民共和国行政许可法', article: '第十七条', text: expect.stringContaining('其他规范性文件一律不得设定行政许可') });
      // … and the retrieved look-alike regulation is not presented as the finding's legal basis
      expect(analyzed.findings.flatMap((f: Json) => f.basis).some((b: Json) => b.instrument.includes('危险废物'))).toBe(false);
      expect(detail.findings.flatMap((f: Json) => f.basis).some((b: Json) => b.instrument.includes('危险废物'))).toBe(false);
      expect(text).not.toContain('危险废物');
      // it is still given to the reviewer, apart from the basis, as a related provision to read
      expect(detail.findings.flatMap((f: Json) => f.related).some((b: Json) => b.instrument.includes('危险废物') && b.text)).toBe(true);
      expect(text).toContain('《中华人民共和国行政许可法》第十七条规定：“除本法第十四条、第十五条规定的外');
      expect(text).not.toContain('规定：“第十七条');
      // a notice is cited by its title in 《》 and its number after it; a part of it as 第X部分; no bare "—"
      expect(text).toContain('《国务院办公厅关于做好证明事项清理工作的通知》（国办发〔2018〕47号）');
      expect(text).toContain('《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）第一部分');
      expect(text).not.toMatch(/号）》|》—/u);
      // dates in the body are written the official way
      expect(text).toContain('我局于2026年5月26日受理');
      // the opinion is the bureau's (its text says 我局): headed and signed by the bureau, not the district government
      expect(text).toContain('北京市西城区司法局');
      expect(text).not.toContain('北京市西城区人民政府');
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });

    it('an opinion asking for changes with no accepted finding does not say that nothing needs changing', async () => {
      const { text } = await reviewed('approveWithChanges', 'rejected', '请将第二条修改为告知承诺制。');
      expect(text).toContain('按审查意见修改后提交审议');
      expect(text).not.toContain('未发现需要修改的条款');
      expect(text).toContain('请将第二条修改为告知承诺制。');
    });

    it('an approval with no accepted finding says so', async () => {
      const { text } = await reviewed('approve', 'rejected', '同意提请审议。');
      expect(text).toContain('未发现需要修改的条款');
      expect(text).toContain('同意提请审议。');
    });
  });
}
