/**
 * The lifecycle of a draft under legality review, as a table: which action is allowed in which status, where it leads,
 * which permission it needs and the rule it rests on. The service checks the permission, the table and the guards that
 * depend on facts (complete materials, every finding decided, opinion not negative, kind-specific steps), and writes
 * the transition, its timeline event and its audit entry in one transaction.
 *
 * Sources: 地方各级人民代表大会和地方各级人民政府组织法 Art. 75 (评估论证、公开征求意见、合法性审查、集体讨论决定、公布、备案);
 * 重大行政决策程序暂行条例 Arts. 15, 25–32; 国办发〔2018〕37号 (三统一, 有效期, partly UNVERIFIED); 北京市行政规范性文件备案规定.
 */
import type { Permission } from '../../../common/permissions';
import type { LrDraftKind, LrDraftStatus } from '../../../common/contracts';

type Status = LrDraftStatus;
type Kind = LrDraftKind;

export type DraftAction =
  | 'addMaterial'
  | 'setText'
  | 'returnForMaterials'
  | 'accept'
  | 'analyze'
  | 'decideFinding'
  | 'issueOpinion'
  | 'recordCollective'
  | 'publish'
  | 'file'
  | 'openComment'
  | 'recordComment'
  | 'decideComment'
  | 'publishAdoption'
  | 'invite'
  | 'postEvaluate'
  | 'abolish'
  | 'expire'
  | 'withdraw';

export interface TransitionRow {
  from: readonly Status[];
  /** 'same': the status does not change */
  to: Status | 'same';
  permission: Permission;
  /** kinds the step applies to; absent = every kind */
  kinds?: readonly Kind[];
  label: string;
  basis: string;
}

const BEFORE_OPINION = ['registered', 'incomplete', 'underReview'] as const satisfies readonly Status[];
const IN_FORCE = ['published', 'filed'] as const satisfies readonly Status[];
const PUBLISHABLE: readonly Kind[] = ['normativeDocument', 'majorDecision', 'industryPolicy'];

export const TRANSITIONS: Readonly<Record<DraftAction, TransitionRow>> = {
  addMaterial: { from: BEFORE_OPINION, to: 'same', permission: 'legalityReview.draft.submit', label: '提交送审材料', basis: '《重大行政决策程序暂行条例》第二十六条第一款' },
  setText: { from: BEFORE_OPINION, to: 'same', permission: 'legalityReview.draft.submit', label: '录入或上传送审稿正文', basis: '《重大行政决策程序暂行条例》第二十六条第一款' },
  returnForMaterials: { from: ['registered', 'underReview'], to: 'incomplete', permission: 'legalityReview.draft.review', label: '退回补充材料', basis: '《重大行政决策程序暂行条例》第二十六条第一款（提供的材料不符合要求的，可以退回，或者要求补充）' },
  accept: { from: ['registered', 'incomplete'], to: 'underReview', permission: 'legalityReview.draft.review', label: '受理审查', basis: '国办发〔2018〕115号；《重大行政决策程序暂行条例》第二十六条' },
  analyze: { from: ['underReview'], to: 'same', permission: 'legalityReview.draft.review', label: '智能辅助审查', basis: '《重大行政决策程序暂行条例》第二十七条' },
  decideFinding: { from: ['underReview'], to: 'same', permission: 'legalityReview.draft.review', label: '审查发现采纳与否', basis: '《重大行政决策程序暂行条例》第二十七条' },
  issueOpinion: { from: ['underReview'], to: 'opinionIssued', permission: 'legalityReview.draft.review', label: '出具合法性审查意见书', basis: '《重大行政决策程序暂行条例》第二十八条' },
  recordCollective: { from: ['opinionIssued'], to: 'decided', permission: 'legalityReview.draft.manage', label: '登记集体讨论决定', basis: '《地方各级人民代表大会和地方各级人民政府组织法》第七十五条；《重大行政决策程序暂行条例》第三十条' },
  publish: { from: ['decided'], to: 'published', permission: 'legalityReview.draft.manage', kinds: PUBLISHABLE, label: '统一编号并公布', basis: '《优化营商环境条例》第六十四条第二款；《重大行政决策程序暂行条例》第三十二条' },
  file: { from: ['published'], to: 'filed', permission: 'legalityReview.draft.manage', kinds: ['normativeDocument'], label: '报送备案', basis: '《地方各级人民代表大会和地方各级人民政府组织法》第七十五条；北京市行政规范性文件备案规定（公布之日起30日内）' },
  openComment: { from: BEFORE_OPINION, to: 'same', permission: 'legalityReview.comment.manage', label: '公开征求意见', basis: '《优化营商环境条例》第六十二条；《重大行政决策程序暂行条例》第十五条' },
  recordComment: { from: BEFORE_OPINION, to: 'same', permission: 'legalityReview.comment.manage', label: '登记意见', basis: '《优化营商环境条例》第六十二条' },
  decideComment: { from: [...BEFORE_OPINION, 'opinionIssued'], to: 'same', permission: 'legalityReview.comment.manage', label: '意见采纳决定', basis: '《重大行政决策程序暂行条例》第十八条' },
  publishAdoption: { from: [...BEFORE_OPINION, 'opinionIssued', 'decided'], to: 'same', permission: 'legalityReview.comment.manage', label: '公布意见采纳情况说明', basis: '《重大行政决策程序暂行条例》第十八条' },
  invite: { from: BEFORE_OPINION, to: 'same', permission: 'legalityReview.comment.manage', label: '邀请企业联系点提出意见', basis: '《优化营商环境条例》第六十二条' },
  postEvaluate: { from: IN_FORCE, to: 'same', permission: 'legalityReview.draft.manage', label: '后评估', basis: '《重大行政决策程序暂行条例》第三十六条' },
  abolish: { from: IN_FORCE, to: 'abolished', permission: 'legalityReview.draft.manage', label: '清理废止', basis: '《北京市优化营商环境条例》第七十七条（定期清理）' },
  expire: { from: IN_FORCE, to: 'expired', permission: 'legalityReview.draft.manage', label: '有效期届满失效', basis: '国办发〔2018〕37号（有效期，未核实）' },
  withdraw: { from: [...BEFORE_OPINION, 'opinionIssued'], to: 'withdrawn', permission: 'legalityReview.draft.submit', label: '撤回送审', basis: '' },
};

export const ACTIONS = Object.keys(TRANSITIONS) as DraftAction[];
export const TERMINAL: readonly Status[] = ['expired', 'abolished', 'withdrawn'];

export function isAllowed(status: Status, kind: Kind, action: DraftAction): boolean {
  const row = TRANSITIONS[action];
  return row.from.includes(status) && (!row.kinds || row.kinds.includes(kind));
}

/** Actions the table allows in this status for this kind and that the permission set holds. */
export function allowedActions(status: Status, kind: Kind, has: (p: Permission) => boolean = () => true): DraftAction[] {
  return ACTIONS.filter((a) => isAllowed(status, kind, a) && has(TRANSITIONS[a].permission));
}

/** The status after `action`, or null when the table forbids it. */
export function nextStatus(status: Status, kind: Kind, action: DraftAction): Status | null {
  if (!isAllowed(status, kind, action)) return null;
  const to = TRANSITIONS[action].to;
  return to === 'same' ? status : to;
}
