/**
 * The 行政复议 workflow as a table: which action is allowed in which status, and where it leads.
 * 《中华人民共和国行政复议法》(2023): acceptance review Arts. 30–31, ordinary/simplified review Arts. 48–55,
 * mediation and settlement Arts. 5, 73–74, suspension Art. 39, termination Art. 41, decision Arts. 61–72.
 *
 * Guards that depend on dates and facts (no decision before the reply or its lapse, extension once, …) live in the
 * service; this table only answers "may this action happen in this status, and what status follows".
 */
import type { ReconStatus } from '../../../common/contracts';

export type ReconAction =
  | 'requestCorrection'
  | 'submitCorrection'
  | 'extendCorrection'
  | 'abandon'
  | 'accept'
  | 'rejectApplication'
  | 'sendCopy'
  | 'recordReply'
  | 'startMediation'
  | 'endMediation'
  | 'concludeMediation'
  | 'suspend'
  | 'resume'
  | 'extend'
  | 'switchProcedure'
  | 'decide'
  | 'terminate'
  | 'withdraw'
  | 'hearViews'
  | 'scheduleHearing'
  | 'recordHearing'
  | 'consultCommittee'
  | 'recordCommitteeOpinion'
  | 'startNormReview'
  | 'notifyDraftingOrgan'
  | 'recordDraftingReply'
  | 'forwardNorm'
  | 'concludeNormReview'
  | 'assign';

/** 'same': the status does not change; 'previous': back to the status held before 中止 (Art. 39 ¶2 恢复审理). */
export type Target = ReconStatus | 'same' | 'previous';

export interface TransitionRow {
  from: readonly ReconStatus[];
  to: Target;
  /** zh-CN name of the step */
  label: string;
  /** the article the step rests on */
  article: string;
}

const ACTIVE_REVIEW = ['accepted', 'underReview', 'mediation'] as const satisfies readonly ReconStatus[];

export const TRANSITIONS: Readonly<Record<ReconAction, TransitionRow>> = {
  requestCorrection: { from: ['registered'], to: 'correctionRequested', label: '通知补正', article: '第三十一条第一款' },
  submitCorrection: { from: ['correctionRequested'], to: 'registered', label: '收到补正材料（重新审查）', article: '第三十一条第三款' },
  extendCorrection: { from: ['correctionRequested'], to: 'same', label: '延长补正期限', article: '第三十一条第二款' },
  abandon: { from: ['correctionRequested'], to: 'abandoned', label: '逾期不补正，视为放弃申请', article: '第三十一条第二款' },
  accept: { from: ['registered'], to: 'accepted', label: '受理', article: '第三十条第一款' },
  rejectApplication: { from: ['registered'], to: 'rejected', label: '不予受理', article: '第三十条第二款' },
  sendCopy: { from: ['accepted'], to: 'underReview', label: '发送申请书副本', article: '第四十八条、第五十四条' },
  recordReply: { from: ['underReview', 'mediation', 'suspended'], to: 'same', label: '收到被申请人答复', article: '第四十八条、第五十四条' },
  startMediation: { from: ['underReview'], to: 'mediation', label: '开始调解', article: '第五条、第七十三条' },
  endMediation: { from: ['mediation'], to: 'underReview', label: '调解未成，继续审理', article: '第七十三条第二款' },
  concludeMediation: { from: ['mediation'], to: 'mediated', label: '制作行政复议调解书结案', article: '第七十三条第一款' },
  suspend: { from: ACTIVE_REVIEW, to: 'suspended', label: '中止审理', article: '第三十九条' },
  resume: { from: ['suspended'], to: 'previous', label: '恢复审理', article: '第三十九条第二款' },
  extend: { from: [...ACTIVE_REVIEW, 'suspended'], to: 'same', label: '延长审理期限', article: '第六十二条第一款' },
  switchProcedure: { from: [...ACTIVE_REVIEW, 'suspended'], to: 'same', label: '简易程序转为普通程序', article: '第五十五条' },
  decide: { from: ['underReview', 'mediation'], to: 'decided', label: '作出行政复议决定', article: '第六十一条至第七十二条' },
  terminate: { from: [...ACTIVE_REVIEW, 'suspended'], to: 'terminated', label: '终止行政复议', article: '第四十一条' },
  // Art. 74: before the decision the applicant may withdraw (after a settlement or otherwise); once the body approves,
  // the organ terminates the case under Art. 41 (1).
  withdraw: { from: [...ACTIVE_REVIEW, 'suspended'], to: 'terminated', label: '准予撤回行政复议申请并终止行政复议', article: '第七十四条、第四十一条第一项' },
  // Art. 49: under the ordinary procedure the body hears the parties' views (in person, online, by phone) and records them.
  hearViews: { from: ACTIVE_REVIEW, to: 'same', label: '听取当事人意见', article: '第四十九条' },
  // Arts. 50–51: hearing; written notice of time, place and issues at least 5 (working) days before (R11).
  scheduleHearing: { from: ACTIVE_REVIEW, to: 'same', label: '书面通知听证', article: '第五十条、第五十一条第一款' },
  recordHearing: { from: ['underReview', 'mediation'], to: 'same', label: '举行听证并制作听证笔录', article: '第五十条第三款、第五十一条' },
  // Art. 52: consultation of the 行政复议委员会; its opinion is recorded and is an important reference (Art. 61 ¶3).
  consultCommittee: { from: ['underReview', 'mediation'], to: 'same', label: '提请行政复议委员会提出咨询意见', article: '第五十二条第二款' },
  recordCommitteeOpinion: { from: ['underReview', 'mediation', 'suspended'], to: 'same', label: '记录行政复议委员会咨询意见', article: '第五十二条第三款' },
  // Arts. 13, 56–60: incidental review of a normative document; the case is suspended under Art. 39 ¶1 (9).
  startNormReview: { from: ACTIVE_REVIEW, to: 'suspended', label: '规范性文件附带审查（中止审理）', article: '第十三条、第五十六条、第五十七条、第三十九条第一款第九项' },
  notifyDraftingOrgan: { from: ['suspended'], to: 'same', label: '书面通知制定机关提出书面答复', article: '第五十八条第一款' },
  recordDraftingReply: { from: ['suspended'], to: 'same', label: '收到制定机关书面答复', article: '第五十八条' },
  forwardNorm: { from: ['suspended'], to: 'same', label: '转送有权处理的机关', article: '第五十六条、第五十七条' },
  concludeNormReview: { from: ['suspended'], to: 'previous', label: '附带审查办结，恢复审理', article: '第五十九条、第六十条、第三十九条第二款' },
  assign: { from: ['registered', 'correctionRequested', 'accepted', 'underReview', 'mediation', 'suspended'], to: 'same', label: '分配承办人', article: '' },
};

export const ACTIONS = Object.keys(TRANSITIONS) as ReconAction[];
export const TERMINAL: readonly ReconStatus[] = ['rejected', 'decided', 'mediated', 'terminated', 'abandoned'];
/** Statuses a case may resume to after 中止. */
export const RESUMABLE: readonly ReconStatus[] = ACTIVE_REVIEW;

export interface MachineState {
  status: ReconStatus;
  /** set while suspended: where resumption leads */
  resumeTo: ReconStatus | null;
}

export function isAllowed(status: ReconStatus, action: ReconAction): boolean {
  return TRANSITIONS[action].from.includes(status);
}

export function allowedActions(status: ReconStatus): ReconAction[] {
  return ACTIONS.filter((a) => isAllowed(status, a));
}

/** The state after `action`, or null when the table forbids it. */
export function transition(state: MachineState, action: ReconAction): MachineState | null {
  const row = TRANSITIONS[action];
  if (!row.from.includes(state.status)) return null;
  if (row.to === 'same') return state;
  if (row.to === 'previous') {
    if (!state.resumeTo) return null;
    return { status: state.resumeTo, resumeTo: null };
  }
  if (row.to === 'suspended') return { status: 'suspended', resumeTo: state.status };
  return { status: row.to, resumeTo: null };
}
