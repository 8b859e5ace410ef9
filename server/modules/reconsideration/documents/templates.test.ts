import { describe, expect, it } from 'vitest';
import { RECON_DOCUMENT_KIND_LABELS, ReconDecisionType, ReconDocumentKind, type ReconCaseDetail } from '../../../../common/contracts';
import { loadConfig } from '../../../config';
import { DECISION_WORDING, PLACEHOLDER_RE, draftFor, splitAddressee } from './templates';

/** Case facts as the case service returns them (a decided simplified-procedure case); the API test uses real cases. */
const base = {
  id: 'c1', caseNo: '西复〔2026〕3号', status: 'decided', statusLabel: '已决定', channel: 'onsite', procedure: 'simplified', receivedOn: '2026-05-20',
  applicantName: '王某某', applicantKind: 'person', respondentName: '北京市西城区城市管理委员会', actName: '责令限期拆除决定', departmentId: 'd', handlerId: 'h',
  handlerName: null, late: false, nextDue: null, nextDueKind: null, createdAt: '2026-05-20T02:00:00.000Z', postmarkOn: null, oralRecord: null, oralConfirmed: null,
  applicantPersonId: null, applicantCreditCode: null, actDocNo: '西城管决〔2026〕9号', actMadeOn: '2026-05-01', actKnownOn: '2026-05-02', actRightsKnownOn: null,
  request: '撤销责令限期拆除决定', reasons: '', lateExplanation: null, attachments: [], applicationPeriod: {} as ReconCaseDetail['applicationPeriod'],
  deemedAcceptanceOn: null, deemedAccepted: false, acceptedOn: '2026-05-21', rejectedOn: null, copySentOn: '2026-05-22', respondentReceivedOn: '2026-05-22',
  replyReceivedOn: '2026-05-25', suspendedOn: null, suspensionGround: null, extensionDays: null, decisionType: 'uphold', decidedOn: '2026-06-01', terminatedOn: null,
  terminationGround: null, version: 6, allowedActions: [], deadlines: [], timeline: [], related: [],
} as unknown as ReconCaseDetail; // the fields the templates read; the case detail grows other ones

describe('document templates', () => {
  it('each decision type (Arts. 63–69) has its article and operative wording', () => {
    const expected: Record<ReconDecisionType, string[]> = {
      vary: ['第六十三条第一款', '本机关决定：变更被申请人'],
      revoke: ['第六十四条第一款', '本机关决定：撤销被申请人'],
      confirmIllegal: ['第六十五条', '本机关决定：确认被申请人', '违法。'],
      orderPerformance: ['第六十六条', '本机关决定：被申请人自收到本决定书之日起'],
      confirmInvalid: ['第六十七条', '无效。'],
      uphold: ['第六十八条', '本机关决定：维持被申请人于2026年5月1日作出的责令限期拆除决定（西城管决〔2026〕9号）。'],
      dismissClaim: ['第六十九条', '本机关决定：驳回申请人的行政复议请求。'],
    };
    for (const type of ReconDecisionType.options) {
      const text = draftFor('decision', { case: { ...base, decisionType: type }, correctionItems: [] }).paragraphs.join('\n');
      for (const e of expected[type]) expect(text, type).toContain(e);
      expect(text).toContain(`《中华人民共和国行政复议法》${DECISION_WORDING[type].article}`);
      expect(text).toContain('申请人称：【申请人的主要理由】。');
    }
  });

  it('a respondent in default (Art. 70): the finding says so and the article is cited', () => {
    const c = { ...base, decisionType: 'revoke' as const, replyReceivedOn: null, timeline: [{ at: '', on: '2026-06-01', action: 'decide', fromStatus: 'underReview', toStatus: 'decided', actorName: null, details: { respondentDefault: true } }] };
    const text = draftFor('decision', { case: c, correctionItems: [] }).paragraphs.join('\n');
    expect(text).toContain('视为该行政行为没有证据、依据（《中华人民共和国行政复议法》第七十条）');
    expect(text).toContain('第五十四条');
    expect(text).toContain('第六十四条第一款、第七十条');
  });

  it('every kind has its zh title; unknown facts are placeholders that block issuing', () => {
    for (const kind of ReconDocumentKind.options) {
      const d = draftFor(kind, { case: { ...base, decisionType: null, acceptedOn: null, procedure: null }, correctionItems: [] });
      expect(d.title).toBe(RECON_DOCUMENT_KIND_LABELS[kind]);
      expect(d.paragraphs.length).toBeGreaterThan(1);
    }
    const decision = draftFor('decision', { case: { ...base, decisionType: null }, correctionItems: [] });
    expect(decision.paragraphs.some((p) => PLACEHOLDER_RE.test(p))).toBe(true);
    expect(decision.paragraphs.join('')).toContain('【决定内容】');
  });

  it('the 收件回执 is worded per channel (Art. 22): on site, mail with the postmark, online with the receipt number, oral', () => {
    const receipt = (over: Partial<ReconCaseDetail>, online: { receiptNo: string; submittedAt: string } | null = null) =>
      draftFor('receipt', { case: { ...base, status: 'registered', ...over } as ReconCaseDetail, correctionItems: [], online }).paragraphs.join('\n');
    const onsite = receipt({ channel: 'onsite' });
    expect(onsite).toContain('于2026年5月20日当面向本机关提交行政复议申请书，本机关已于当日收到');
    const mail = receipt({ channel: 'mail', postmarkOn: '2026-05-18' });
    expect(mail).toContain('以邮寄方式提交的行政复议申请书（邮戳日期：2026年5月18日），本机关已于2026年5月20日收到');
    expect(mail).toContain('《中华人民共和国民事诉讼法》第八十五条第四款');
    expect(mail).not.toContain('当面');
    expect(receipt({ channel: 'mail', postmarkOn: null })).toContain('【邮戳日期】');
    const online = receipt({ channel: 'online' }, { receiptNo: 'WS20260520-ABCD12', submittedAt: '2026-05-20T02:00:00.000Z' });
    expect(online).toContain('通过本机关指定的互联网渠道提交行政复议申请书（《中华人民共和国行政复议法》第二十二条第二款）');
    expect(online).toContain('网上申请回执编号：WS20260520-ABCD12');
    expect(online).not.toContain('当面');
    const oral = receipt({ channel: 'oral', oralConfirmed: true });
    expect(oral).toContain('以口头方式向本机关提出行政复议申请');
    expect(oral).toContain('第二十二条第三款）,'.replace(',', '，记录已经你（单位）核对确认'));
    expect(oral).not.toContain('当面');
  });

  it('the 答复通知书 sends the copy the channel produced (Art. 48): the application\'s copy, or the oral record\'s photocopy', () => {
    const reply = (over: Partial<ReconCaseDetail>) => draftFor('replyNotice', { case: { ...base, status: 'accepted', procedure: 'ordinary', ...over } as ReconCaseDetail, correctionItems: [] }).paragraphs.join('\n');
    for (const channel of ['onsite', 'mail', 'online'] as const) {
      const text = reply({ channel });
      expect(text, channel).toContain('现将行政复议申请书副本发送你单位');
      expect(text, channel).not.toContain('笔录');
    }
    const oral = reply({ channel: 'oral', oralConfirmed: true });
    expect(oral).toContain('现将行政复议申请笔录复印件发送你单位');
    expect(oral).not.toContain('申请书副本');
    expect(oral).toContain('《中华人民共和国行政复议法》第四十八条');
  });

  it('the addressee is a short first paragraph ending in a full-width colon; party lines are not', () => {
    expect(splitAddressee(['王某某：', '正文。'])).toEqual({ addressee: '王某某', body: ['正文。'] });
    expect(splitAddressee(['申请人：王某某。', '正文。']).addressee).toBeUndefined();
    expect(splitAddressee(['被申请人：', '正文。']).addressee).toBeUndefined();
    expect(splitAddressee(['经审查，本机关认为：', '正文。']).addressee).toBe('经审查，本机关认为');
  });

  it('the number prefix and organ are configuration (FAZHI_RECON_DOC_NO_PREFIX, FAZHI_RECON_ORGAN_NAME)', () => {
    const env = { NODE_ENV: 'test', FAZHI_DEMO: '0', FAZHI_SM4_KEY: '0'.repeat(32), FAZHI_BLIND_INDEX_KEY: '0'.repeat(64) } as NodeJS.ProcessEnv;
    expect(loadConfig(env)).toMatchObject({ reconDocNoPrefix: '西政复', reconOrganName: '北京市西城区人民政府' });
    expect(loadConfig({ ...env, FAZHI_RECON_DOC_NO_PREFIX: '东政复', FAZHI_RECON_ORGAN_NAME: '北京市东城区人民政府' })).toMatchObject({ reconDocNoPrefix: '东政复', reconOrganName: '北京市东城区人民政府' });
    expect(() => loadConfig({ ...env, FAZHI_RECON_DOC_NO_PREFIX: '一二三四五六七八九十一' })).toThrow(/FAZHI_RECON_DOC_NO_PREFIX/);
  });
});
