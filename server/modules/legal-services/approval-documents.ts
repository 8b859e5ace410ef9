/**
 * The written instruments of the district bureau for an approval of the register (registers.service), as the input of
 * platform/documents' buildOfficialDocx (GB/T 9704 layout). Pure: the same approval gives the same document.
 *
 * Every approval kind of the register is one the district bureau RECEIVES AND REVIEWS while the municipal bureau
 * DECIDES (律师法 Arts. 6 ¶3 and 18: the district bureau of a municipality directly under the central government
 * reviews within twenty days and forwards its opinion and all the materials to the provincial-level bureau, which
 * decides whether to grant; the others alike — hence the register's outcomes 审核同意 / 审核不同意). So the district
 * bureau issues:
 * - 行政许可申请受理通知书 — 行政许可法 (2019-04-23) Art. 32 ¶1 item (5) (accept a complete application within its
 *   remit) and ¶2 (a dated written receipt bearing the organ's seal);
 * - 行政许可初步审查意见书 to the deciding organ — 行政许可法 Art. 35 (a licence decided by the higher organ after the
 *   lower organ's review: the lower organ sends its preliminary opinion and all the materials directly to it), with
 *   the approval kind's own article (APPROVAL_KINDS).
 * It does NOT issue the 准予 / 不予行政许可决定书 (Art. 38): that decision, with the reasons and the remedies of a refusal,
 * is the deciding organ's. Citations checked against the full texts in shared/law.
 *
 * Numbers derive from the approval's number (西司审〔2025〕3号 → 西司审受 / 西司审意〔2025〕3号): one of each instrument
 * per approval, so no counter of its own. Only the applicant's name and 统一社会信用代码 are printed.
 */
import { APPROVAL_DOCUMENTS, APPROVAL_KINDS, type Approval, type ApprovalDocumentKind } from '../../../common/contracts/legal-services-enterprise';
import { type OfficialDocInput, officialDate } from '../../platform/documents';

const NO_MARK: Record<ApprovalDocumentKind, string> = { acceptance: '受', review: '意' };

export const APPROVAL_DOCUMENT_CITATIONS = {
  acceptanceItem: '《中华人民共和国行政许可法》第三十二条第一款第（五）项',
  receipt: '《中华人民共和国行政许可法》第三十二条第二款',
  forward: '《中华人民共和国行政许可法》第三十五条',
  workingDays: '《中华人民共和国行政许可法》第八十二条',
} as const;

/** 西司审〔2025〕3号 → 西司审意〔2025〕3号 (the mark after the prefix); a number of another shape gets the mark appended. */
export function approvalDocumentNo(approvalNo: string, kind: ApprovalDocumentKind): string {
  const m = /^(.*?)(〔\d{4}〕\d+号)$/.exec(approvalNo);
  return m ? `${m[1]}${NO_MARK[kind]}${m[2]}` : `${approvalNo}（${NO_MARK[kind]}）`;
}

/** The instrument's text: organ (发文机关), title, number, addressee, paragraphs and the dated signature. */
export function approvalDocumentInput(a: Approval, kind: ApprovalDocumentKind, organs: { organ: string; decidingOrgan: string }): { input: OfficialDocInput; fileName: string } {
  const C = APPROVAL_DOCUMENT_CITATIONS;
  const { title } = APPROVAL_DOCUMENTS[kind];
  const docNo = approvalDocumentNo(a.approvalNo, kind);
  const trimEnd = (s: string) => s.trim().replace(/[。．.；;，,\s]+$/u, '');
  const applicant = `申请人：${a.applicantName}${a.applicantCreditCode ? `（统一社会信用代码：${a.applicantCreditCode}）` : ''}。`;
  const application = `申请人于${officialDate(a.receivedOn)}提出的${a.kindLabel}申请（受理编号：${a.approvalNo}；申请事项：${trimEnd(a.matter)}）`;
  const basis = APPROVAL_KINDS[a.kind].citation;
  let paragraphs: string[];
  let date: string;
  let addressee: string;
  if (kind === 'acceptance') {
    date = a.receivedOn;
    addressee = a.applicantName;
    paragraphs = [
      applicant,
      `${application}，本机关已收到。经审查，申请事项属于本机关受理范围，申请材料齐全、符合法定形式。依照${C.acceptanceItem}的规定，本机关决定予以受理。`,
      `受理日期：${officialDate(a.receivedOn)}。`,
      `本机关将依法对申请进行审查，并在法定期限内将初步审查意见和全部申请材料报送${organs.decidingOrgan}，由其作出是否准予的决定（${C.forward}、${basis}）。办理期限以工作日计算，不含法定节假日（${C.workingDays}）。`,
      `依照${C.receipt}的规定，特出具本通知书，作为受理行政许可申请的书面凭证。本通知书加盖本机关专用印章后有效。`,
    ];
  } else {
    date = a.decidedOn!;
    addressee = organs.decidingOrgan;
    const agreed = a.outcome === 'approved';
    const who = `${a.applicantName}${a.applicantCreditCode ? `（统一社会信用代码：${a.applicantCreditCode}）` : ''}`;
    paragraphs = [
      `${who}于${officialDate(a.receivedOn)}提出${a.kindLabel}申请（受理编号：${a.approvalNo}；申请事项：${trimEnd(a.matter)}），本机关已于同日依法受理，并进行了审查。`,
      agreed ? `经审查，本机关认为申请人的申请符合法定条件、标准，同意。审查意见：${trimEnd(a.decisionNote ?? '')}。` : `经审查，本机关认为申请人的申请不符合法定条件、标准，不同意。理由：${trimEnd(a.decisionNote ?? '')}。`,
      `依照${C.forward}和${basis}的规定，现将初步审查意见和全部申请材料报送你局，请予审核决定。`,
      '附件：申请材料一套',
    ];
  }
  return {
    input: { organ: organs.organ, title, docNo, addressee, paragraphs, signature: { organ: organs.organ, date } },
    fileName: `${APPROVAL_DOCUMENTS[kind].label}_${docNo}.docx`,
  };
}
