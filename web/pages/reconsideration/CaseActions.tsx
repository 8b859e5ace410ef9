/**
 * The workflow actions of a 行政复议 case as small forms. The buttons shown are the actions the state table allows in
 * the current status (the server's `allowedActions`) that the user's permissions cover; the server validates again.
 * Each form cites its article in the title; dates default to today; errors show the API's Chinese message.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import type { z } from 'zod';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type HearingNoticeResult, RECON_DEADLINE_KIND_LABELS, RECON_DECISION_LABELS, RECON_PARTY_LABELS, VIEWS_METHOD_LABELS, type ReconCaseDetail, type ReconDeadline, type ReconDeadlineKind } from '../../../common/contracts';
import type { Permission } from '../../../common/permissions';
import { get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { RECON_BASE, reconKeys, restDayWarning } from './shared';

type FieldType = 'date' | 'text' | 'textarea' | 'lines' | 'number' | 'select' | 'radio' | 'checkbox';
interface Field {
  name: string | string[];
  label: string;
  type: FieldType;
  required?: boolean;
  options?: { value: string | number; label: string }[];
  help?: string;
  min?: number;
  max?: number;
  /** 'lines': the least number of lines */
  minItems?: number;
  /** 'radio' with the values 'yes' / 'no': sent as true / false */
  asBoolean?: boolean;
  /** 'date': may lie in the future (a hearing date); every other step date may not */
  future?: boolean;
  /** 'date': not before the date of this other field (e.g. received after sent) */
  notBefore?: string;
  /** required while this checkbox field is not ticked (e.g. the delegate when the respondent's head is absent) */
  requiredUnless?: string;
}
interface ActionSpec {
  /** route segment under /cases/:id/ */
  path: string;
  label: string;
  /** 《中华人民共和国行政复议法》 article(s), shown in the dialog title */
  article: string;
  permission: Permission;
  fields: Field[];
  danger?: boolean;
  /** a short explanation shown above the form */
  note?: string;
  /** the deadlines this step meets, opens or moves: shown in the dialog with the engine's explanation */
  kinds?: ReconDeadlineKind[];
}

const LAW = '《中华人民共和国行政复议法》';
const date = (name: string, label: string, help?: string): Field => ({ name, label, type: 'date', required: true, ...(help ? { help } : {}) });
const note: Field = { name: 'note', label: '备注', type: 'textarea' };

const SUSPENSION_GROUNDS = [
  '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人参加行政复议',
  '作为申请人的公民下落不明',
  '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  '申请人、被申请人因不可抗力或者其他正当理由，不能参加行政复议',
  '依照本法规定进行调解、和解，申请人和被申请人同意中止',
  '行政复议案件涉及的法律适用问题需要有权机关作出解释或者确认',
  '行政复议案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  '有本法第五十六条或者第五十七条规定的情形',
  '需要中止行政复议的其他情形',
];
const TERMINATION_GROUNDS = [
  '申请人撤回行政复议申请，行政复议机构准予撤回',
  '作为申请人的公民死亡，没有近亲属或者其近亲属放弃行政复议权利',
  '作为申请人的法人或者其他组织终止，没有权利义务承受人或者其权利义务承受人放弃行政复议权利',
  '申请人对行政拘留或者限制人身自由的行政强制措施不服申请行政复议后，因同一违法行为涉嫌犯罪，被采取刑事强制措施',
  '依照本法第三十九条第一款第一项、第二项、第四项的规定中止行政复议满六十日，行政复议中止的原因仍未消除',
];
/** Art. 13 ¶1 items (1)–(4): whose normative documents may be reviewed incidentally. */
const NORM_ISSUERS = [
  { value: 'stateCouncilDepartment', label: '（一）国务院部门的规范性文件' },
  { value: 'localGovernment', label: '（二）县级以上地方各级人民政府及其工作部门的规范性文件' },
  { value: 'township', label: '（三）乡、镇人民政府的规范性文件' },
  { value: 'authorizedOrganization', label: '（四）法律、法规、规章授权的组织的规范性文件' },
];
const COMMITTEE_GROUNDS = ['案情重大、疑难、复杂', '专业性、技术性较强', '本法第二十四条第二款规定的行政复议案件', '行政复议机构认为有必要'];
const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const grounds = (list: string[]) => list.map((label, i) => ({ value: i + 1, label: `（${NUM[i]}）${label}` }));

export const ACTION_SPECS: Record<string, ActionSpec> = {
  requestCorrection: {
    path: 'request-correction',
    kinds: ['acceptance', 'correction'],
    label: '通知补正',
    article: '第三十一条第一款',
    permission: 'reconsideration.case.handle',
    note: '收到申请之日起五日内书面通知申请人补正，一次性载明需要补正的事项；申请人应当自收到补正通知之日起十日内提交补正材料。',
    fields: [date('noticeOn', '补正通知发出日期'), { ...date('servedOn', '申请人收到补正通知日期'), notBefore: 'noticeOn' }, { name: 'items', label: '需要补正的事项（每行一项）', type: 'lines', required: true }],
  },
  submitCorrection: { path: 'submit-correction', kinds: ['correction', 'acceptance'], label: '收到补正材料', article: '第三十一条第三款', permission: 'reconsideration.case.handle', note: '收到补正材料后重新进行受理审查。', fields: [date('receivedOn', '收到补正材料日期')] },
  extendCorrection: {
    path: 'extend-correction',
    kinds: ['correction'],
    label: '延长补正期限',
    article: '第三十一条第二款',
    permission: 'reconsideration.case.handle',
    fields: [{ name: 'days', label: '延长工作日数', type: 'number', required: true, min: 1, max: 30 }, date('approvedOn', '批准日期'), { name: 'reason', label: '正当理由', type: 'textarea', required: true }],
  },
  abandon: { path: 'abandon', label: '视为放弃申请', article: '第三十一条第二款', permission: 'reconsideration.case.handle', danger: true, note: '无正当理由逾期不补正的，视为申请人放弃行政复议申请，并记录在案。', fields: [date('on', '日期'), note] },
  accept: {
    path: 'accept',
    kinds: ['acceptance'],
    label: '受理',
    article: '第三十条第一款',
    permission: 'reconsideration.case.handle',
    fields: [
      date('acceptedOn', '受理日期'),
      {
        name: 'procedure',
        label: '审理程序',
        type: 'radio',
        required: true,
        options: [
          { value: 'ordinary', label: '普通程序' },
          { value: 'simplified', label: '简易程序（第五十三条）' },
        ],
      },
    ],
  },
  rejectApplication: {
    path: 'reject-application',
    kinds: ['acceptance'],
    label: '不予受理',
    article: '第三十条第二款',
    permission: 'reconsideration.case.handle',
    danger: true,
    fields: [date('rejectedOn', '决定日期'), { name: 'reason', label: '不予受理的理由', type: 'textarea', required: true }, { name: 'competentOrgan', label: '有管辖权的行政复议机关（如属其他机关管辖）', type: 'text' }],
  },
  sendCopy: {
    path: 'send-copy',
    kinds: ['respondentCopy'],
    label: '发送申请书副本',
    article: '第四十八条、第五十四条',
    permission: 'reconsideration.case.handle',
    note: '被申请人应当自收到申请书副本之日起十日内（简易程序五日内）提出书面答复。',
    fields: [date('sentOn', '发送日期'), { ...date('respondentReceivedOn', '被申请人收到日期'), notBefore: 'sentOn' }],
  },
  recordReply: { path: 'record-reply', kinds: ['respondentReply'], label: '登记被申请人答复', article: '第四十八条、第五十四条', permission: 'reconsideration.case.handle', fields: [date('receivedOn', '收到书面答复日期')] },
  hearViews: {
    path: 'hear-views',
    label: '听取意见',
    article: '第四十九条',
    permission: 'reconsideration.case.handle',
    fields: [
      { name: 'party', label: '当事人', type: 'radio', required: true, options: Object.entries(RECON_PARTY_LABELS).map(([value, label]) => ({ value, label })) },
      date('on', '听取日期'),
      { name: 'method', label: '方式', type: 'select', required: true, options: Object.entries(VIEWS_METHOD_LABELS).map(([value, label]) => ({ value, label })) },
      { name: 'record', label: '意见记录', type: 'textarea', required: true },
    ],
  },
  scheduleHearing: {
    path: 'schedule-hearing',
    kinds: ['decision'],
    label: '通知听证',
    article: '第五十条、第五十一条第一款',
    permission: 'reconsideration.case.handle',
    note: '应当于举行听证的五日前将听证的时间、地点和拟听证事项书面通知当事人。',
    fields: [
      date('noticeOn', '书面通知日期'),
      { name: 'hearingOn', label: '听证日期', type: 'date', required: true, future: true, notBefore: 'noticeOn' },
      { name: 'place', label: '听证地点', type: 'text', required: true },
      { name: 'issues', label: '拟听证事项', type: 'textarea', required: true },
      {
        name: 'reason',
        label: '听证理由',
        type: 'radio',
        required: true,
        options: [
          { value: 'majorComplex', label: '重大、疑难、复杂（第五十条第一款）' },
          { value: 'necessary', label: '认为有必要（第五十条第二款）' },
          { value: 'applicantRequest', label: '申请人请求（第五十条第二款）' },
        ],
      },
    ],
  },
  consultCommittee: {
    path: 'consult-committee',
    kinds: ['decision'],
    label: '提请委员会咨询',
    article: '第五十二条第二款',
    permission: 'reconsideration.case.handle',
    fields: [date('requestedOn', '提请日期'), { name: 'ground', label: '情形', type: 'select', required: true, options: grounds(COMMITTEE_GROUNDS) }, { name: 'question', label: '提请咨询的问题', type: 'textarea', required: true }],
  },
  recordCommitteeOpinion: {
    path: 'record-committee-opinion',
    label: '记录委员会咨询意见',
    article: '第五十二条第三款',
    permission: 'reconsideration.case.handle',
    fields: [date('receivedOn', '收到意见日期'), { name: 'opinion', label: '咨询意见', type: 'textarea', required: true }],
  },
  startMediation: { path: 'start-mediation', kinds: ['decision'], label: '开始调解', article: '第五条、第七十三条', permission: 'reconsideration.case.handle', fields: [date('on', '日期'), note] },
  endMediation: { path: 'end-mediation', kinds: ['decision'], label: '调解未成', article: '第七十三条第二款', permission: 'reconsideration.case.handle', note: '调解未达成协议或者调解书生效前一方反悔的，应当依法审查或者及时作出行政复议决定。', fields: [date('on', '日期'), note] },
  concludeMediation: { path: 'conclude-mediation', kinds: ['decision'], label: '调解结案', article: '第七十三条第一款', permission: 'reconsideration.case.handle', fields: [date('on', '调解书生效日期'), note] },
  suspend: {
    path: 'suspend',
    kinds: ['decision', 'respondentReply'],
    label: '中止审理',
    article: '第三十九条',
    permission: 'reconsideration.case.handle',
    note: '中止期间审理期限暂停计算；中止、恢复审理应当书面告知当事人（第三十九条第三款）。',
    fields: [date('on', '中止日期'), { name: 'ground', label: '中止情形（第三十九条第一款）', type: 'select', required: true, options: grounds(SUSPENSION_GROUNDS) }, note],
  },
  resume: { path: 'resume', kinds: ['decision', 'suspensionTermination'], label: '恢复审理', article: '第三十九条第二款', permission: 'reconsideration.case.handle', fields: [date('on', '恢复日期'), note] },
  extend: {
    path: 'extend',
    kinds: ['decision'],
    label: '延长审理期限',
    article: '第六十二条第一款',
    permission: 'reconsideration.case.approve',
    note: '情况复杂，不能在规定期限内作出决定的，经行政复议机构负责人批准，可以适当延长，但延长期限最多不得超过三十日。',
    fields: [{ name: 'days', label: '延长日数', type: 'number', required: true, min: 1, max: 30 }, date('approvedOn', '批准日期'), { name: 'reason', label: '延期理由', type: 'textarea', required: true }],
  },
  switchProcedure: {
    path: 'switch-procedure',
    kinds: ['respondentReply', 'decision'],
    label: '转为普通程序',
    article: '第五十五条',
    permission: 'reconsideration.case.approve',
    fields: [date('approvedOn', '批准日期'), { name: 'reason', label: '理由', type: 'textarea', required: true }],
  },
  decide: {
    path: 'decide',
    kinds: ['respondentReply', 'decision'],
    label: '作出决定',
    article: '第六十一条至第七十二条',
    permission: 'reconsideration.case.handle',
    fields: [
      date('decidedOn', '决定日期'),
      { name: 'type', label: '决定类型', type: 'select', required: true, options: Object.entries(RECON_DECISION_LABELS).map(([value, label]) => ({ value, label })) },
      { name: 'summary', label: '决定要点', type: 'textarea' },
      { name: 'thirdPartyEvidence', label: '第三人提供了证明行政行为合法、适当的证据（第七十条但书）', type: 'checkbox' },
    ],
  },
  recordHearing: {
    path: 'record-hearing',
    label: '记录听证',
    article: '第五十条第三款、第五十一条',
    permission: 'reconsideration.case.handle',
    note: '听证由一名行政复议人员任主持人，两名以上行政复议人员任听证员，一名记录员制作听证笔录（第五十条第三款）。申请人无正当理由拒不参加听证的，视为放弃听证权利；被申请人的负责人不能参加的，应当说明理由并委托相应的工作人员参加（第五十一条）。听证日期须为已书面通知的日期。',
    fields: [
      { name: 'heldOn', label: '听证日期', type: 'date', required: true },
      { name: 'presiding', label: '主持人', type: 'text', required: true },
      { name: 'members', label: '听证员（每行一人，至少两人）', type: 'lines', required: true, minItems: 2 },
      { name: 'clerk', label: '记录员', type: 'text', required: true },
      { name: 'applicantAttended', label: '申请人参加了听证', type: 'checkbox' },
      { name: 'applicantAbsenceReason', label: '申请人未参加的正当理由（无正当理由未参加的，视为放弃听证权利）', type: 'textarea' },
      { name: 'respondentHeadAttended', label: '被申请人的负责人参加了听证', type: 'checkbox' },
      { name: 'respondentDelegate', label: '被申请人委托参加的工作人员（负责人未参加时必填）', type: 'text', requiredUnless: 'respondentHeadAttended' },
      { name: 'respondentAbsenceReason', label: '负责人不能参加的理由（负责人未参加时必填）', type: 'textarea', requiredUnless: 'respondentHeadAttended' },
      { name: 'record', label: '听证笔录摘要', type: 'textarea', required: true },
    ],
  },
  startNormReview: {
    path: 'start-norm-review',
    label: '规范性文件附带审查',
    article: '第十三条、第五十六条、第五十七条',
    permission: 'reconsideration.case.handle',
    kinds: ['decision'],
    note: '审查期间依照第三十九条第一款第九项中止审理，审理期限暂停计算。有权处理的，应当在三十日内依法处理，并自中止之日起三个工作日内书面通知制定机关（第五十六条、第五十八条）；无权处理的，应当在七个工作日内转送有权处理的行政机关（第五十六条、第五十七条）。规章不在附带审查范围（第十三条第二款）。',
    fields: [
      date('on', '收到审查申请或者发现依据不合法之日（当日中止审理）'),
      {
        name: 'source',
        label: '审查的提起',
        type: 'radio',
        required: true,
        options: [
          { value: 'applicant', label: '申请人一并提出审查申请（第十三条、第五十六条）' },
          { value: 'organ', label: '行政复议机关审理中认为依据不合法（第五十七条）' },
        ],
      },
      { name: ['document', 'name'], label: '规范性文件名称', type: 'text', required: true },
      { name: ['document', 'docNo'], label: '文号', type: 'text' },
      { name: ['document', 'issuer'], label: '制定主体（第十三条第一款）', type: 'select', required: true, options: NORM_ISSUERS },
      { name: ['document', 'draftingOrgan'], label: '制定机关', type: 'text', required: true },
      {
        name: 'competent',
        label: '处理权限',
        type: 'radio',
        required: true,
        asBoolean: true,
        options: [
          { value: 'yes', label: '本机关有权处理（三十日内处理）' },
          { value: 'no', label: '本机关无权处理（七个工作日内转送）' },
        ],
      },
      note,
    ],
  },
  notifyDraftingOrgan: {
    path: 'notify-drafting-organ',
    label: '书面通知制定机关',
    article: '第五十八条第一款',
    permission: 'reconsideration.case.handle',
    kinds: ['draftingNotice', 'draftingReply'],
    note: '自行政复议中止之日起三个工作日内，书面通知规范性文件的制定机关就相关条款的合法性提出书面答复；制定机关应当自收到书面通知之日起十个工作日内提交书面答复及相关材料。',
    fields: [date('noticeOn', '书面通知发出日期'), { ...date('draftingReceivedOn', '制定机关收到通知日期'), notBefore: 'noticeOn' }],
  },
  recordDraftingReply: {
    path: 'record-drafting-reply',
    label: '登记制定机关答复',
    article: '第五十八条',
    permission: 'reconsideration.case.handle',
    kinds: ['draftingReply'],
    fields: [date('receivedOn', '收到书面答复日期'), { name: 'inPerson', label: '制定机关当面说明了理由（第五十八条第二款）', type: 'checkbox' }],
  },
  forwardNorm: {
    path: 'forward-norm',
    label: '转送有权机关',
    article: '第五十六条、第五十七条',
    permission: 'reconsideration.case.handle',
    kinds: ['normForward', 'forwardedReply'],
    note: '无权处理的，应当在七个工作日内转送有权处理的行政机关依法处理；接受转送的行政机关应当自收到转送之日起六十日内将处理意见回复转送的行政复议机关（第六十条）。',
    fields: [date('forwardedOn', '转送日期'), { name: 'recipient', label: '接受转送的机关', type: 'text', required: true }, { ...date('recipientReceivedOn', '接受转送机关收到日期'), notBefore: 'forwardedOn' }],
  },
  concludeNormReview: {
    path: 'conclude-norm-review',
    label: '附带审查办结',
    article: '第五十九条、第六十条、第三十九条第二款',
    permission: 'reconsideration.case.handle',
    kinds: ['normReview', 'forwardedReply', 'decision'],
    note: '认为相关条款合法的，在行政复议决定书中一并告知；认为不合法的，决定停止该条款的执行，并责令制定机关予以纠正（第五十九条）。办结后恢复审理，审理期限继续计算（第三十九条第二款）。',
    fields: [
      date('on', '办结日期（当日恢复审理）'),
      {
        name: 'outcome',
        label: '处理结果',
        type: 'radio',
        required: true,
        options: [
          { value: 'lawful', label: '相关条款合法（第五十九条）' },
          { value: 'unlawful', label: '相关条款不合法，停止执行并责令纠正（第五十九条）' },
          { value: 'replyReceived', label: '收到接受转送机关的处理意见（第六十条）' },
        ],
      },
      { name: 'summary', label: '审查处理意见', type: 'textarea', required: true },
    ],
  },
  withdraw: {
    path: 'withdraw',
    kinds: ['decision'],
    label: '准予撤回',
    article: '第七十四条、第四十一条第一项',
    permission: 'reconsideration.case.approve',
    danger: true,
    note: '行政复议决定作出前，申请人要求撤回行政复议申请的，经行政复议机构同意，可以撤回；撤回后不得再以同一事实和理由提出行政复议申请，但能够证明撤回违背其真实意愿的除外（第七十四条第二款）。准予撤回后终止行政复议，各项期限随之终结。',
    fields: [date('requestedOn', '申请人提出撤回日期'), { ...date('approvedOn', '准予撤回日期'), notBefore: 'requestedOn' }, { name: 'reason', label: '撤回理由', type: 'textarea', required: true }, { name: 'settlement', label: '当事人已和解（第七十四条第一款）', type: 'checkbox' }],
  },
  terminate: {
    path: 'terminate',
    kinds: ['decision', 'suspensionTermination'],
    label: '终止',
    article: '第四十一条',
    permission: 'reconsideration.case.handle',
    danger: true,
    fields: [date('on', '终止日期'), { name: 'ground', label: '终止情形（第四十一条）', type: 'select', required: true, options: grounds(TERMINATION_GROUNDS) }, note],
  },
};

/** The control of a field; Form.Item injects value / onChange (or checked), passed on here. */
function FieldInput({ f, ...control }: { f: Field } & Record<string, unknown>) {
  switch (f.type) {
    case 'date':
      return <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: 180 }} {...control} />;
    case 'number':
      return <InputNumber min={f.min} max={f.max} precision={0} style={{ width: 140 }} {...control} />;
    case 'select':
      return <Select options={f.options} style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} transitionName="" {...control} />;
    case 'radio':
      return <Radio.Group options={f.options} {...control} />;
    case 'checkbox':
      return <Checkbox {...control}>{f.label}</Checkbox>;
    case 'textarea':
    case 'lines':
      return <Input.TextArea rows={f.type === 'lines' ? 4 : 3} {...control} />;
    default:
      return <Input {...control} />;
  }
}

const keyOf = (f: Field) => (Array.isArray(f.name) ? f.name.join('.') : f.name);

function toBody(spec: ActionSpec, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    let v = values[keyOf(f)];
    if (f.type === 'date') v = v ? (v as Dayjs).format('YYYY-MM-DD') : undefined;
    else if (f.type === 'lines')
      v = String(v ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (f.type === 'checkbox') v = !!v;
    else if (f.asBoolean) v = v === undefined ? undefined : v === 'yes';
    else if (typeof v === 'string') v = v.trim() || undefined;
    if (v === undefined) continue;
    // ['document', 'name'] → { document: { name } }
    const path = Array.isArray(f.name) ? f.name : [f.name];
    let at = out;
    for (const k of path.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
    at[path.at(-1)!] = v;
  }
  return out;
}

function daysLeftText(d: ReconDeadline): string {
  if (d.flags.includes('PAUSED')) return '中止期间暂停计算';
  if (d.daysLeft === null) return '';
  if (d.daysLeft < 0) return `已逾期 ${-d.daysLeft} 天`;
  return d.daysLeft === 0 ? '今日届满' : `剩余 ${d.daysLeft} 天`;
}

/** The running deadlines a step concerns, each with its due date, basis and the engine's explanation. */
export function DeadlineExplanations({ deadlines, title }: { deadlines: ReconDeadline[]; title: string }) {
  if (!deadlines.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      title={title}
      data-testid="action-deadlines"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {deadlines.map((d) => (
            <li key={d.id}>
              <strong>{RECON_DEADLINE_KIND_LABELS[d.kind] ?? d.title}</strong>：届满日 <span className="mono">{d.due ?? '未定'}</span>
              {daysLeftText(d) ? `（${daysLeftText(d)}）` : ''}，依据{d.basis}。
              <div className="muted">{d.explanation}</div>
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** What an action changed on the clock: deadlines opened, closed or moved (due date or flags) — with their explanations. */
export function deadlineChanges(before: ReconCaseDetail, after: ReconCaseDetail): { opened: ReconDeadline[]; closed: ReconDeadline[] } {
  const prev = new Map(before.deadlines.map((d) => [d.id, d]));
  const opened = after.deadlines.filter((d) => d.status === 'open' && (!prev.get(d.id) || prev.get(d.id)!.status !== 'open' || prev.get(d.id)!.due !== d.due || prev.get(d.id)!.flags.join() !== d.flags.join()));
  const closed = after.deadlines.filter((d) => d.status !== 'open' && prev.get(d.id)?.status === 'open');
  return { opened, closed };
}

export interface ActionResult {
  label: string;
  article: string;
  statusLabel: string;
  opened: ReconDeadline[];
  closed: ReconDeadline[];
  /** facts the server computed for the step (e.g. the latest hearing-notice day), from the new timeline event */
  facts: string[];
}

/** Per step (route segment): what the server computed for it, read from the new timeline event's details. */
const FACT_TEXT: Record<string, [key: string, text: (v: unknown, d: Record<string, unknown>) => string | null][]> = {
  'record-reply': [['replyDue', (v, d) => (v ? `被申请人答复期限届满日 ${String(v)}，${d.onTime ? '按期答复' : '逾期答复（第七十条）'}` : null)]],
  'schedule-hearing': [['latestNoticeOn', (v, d) => `最迟应于 ${String(v)} 书面通知听证（听证日 ${String(d.hearingOn)} 前五个工作日，${String(d.basis ?? '')}）`]],
  'notify-drafting-organ': [['noticeDue', (v, d) => `书面通知制定机关期限届满日 ${String(v)}，${d.onTime ? '按期通知' : '逾期通知'}`]],
  'record-drafting-reply': [['replyDue', (v, d) => `制定机关答复期限届满日 ${String(v)}，${d.onTime ? '按期答复' : '逾期答复'}`]],
  'forward-norm': [['forwardDue', (v, d) => `转送期限届满日 ${String(v)}，${d.onTime ? '按期转送' : '逾期转送'}`]],
  'conclude-norm-review': [['due', (v, d) => `附带审查处理期限届满日 ${String(v)}，${d.onTime ? '按期办结' : '逾期办结'}`]],
  withdraw: [['reapplicationBarred', (v) => String(v)]],
  'hear-views': [['onPapers', (v) => (v ? '因当事人原因不能听取意见，记录在案，可以书面审理（第四十九条）' : null)]],
  'record-hearing': [['applicantWaived', (v) => (v ? '申请人无正当理由未参加听证，视为放弃听证权利（第五十一条第二款）' : null)]],
};

function ActionModal({ spec, caseData, onClose, onDone }: { spec: ActionSpec; caseData: ReconCaseDetail; onClose: () => void; onDone?: (r: ActionResult) => void }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) => post<ReconCaseDetail>(`${RECON_BASE}/${encodeURIComponent(caseData.id)}/${spec.path}`, body),
    onSuccess: (c) => {
      qc.setQueryData(reconKeys.detail(c.id), c);
      void qc.invalidateQueries({ queryKey: reconKeys.all });
      notifySuccess(`${spec.label}：已完成（${c.statusLabel}）`);
      const { opened, closed } = deadlineChanges(caseData, c);
      const event = c.timeline.at(-1);
      const facts = event && event.at !== caseData.timeline.at(-1)?.at ? (FACT_TEXT[spec.path] ?? []).flatMap(([k, f]) => (k in event.details ? [f(event.details[k], event.details)] : [])).filter((x): x is string => !!x) : [];
      onDone?.({ label: spec.label, article: spec.article, statusLabel: c.statusLabel, opened, closed, facts });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const initial: Record<string, unknown> = {};
  for (const f of spec.fields) if (f.type === 'date' && f.required) initial[keyOf(f)] = dayjs(todayBeijing());
  // the dates filled in with today are checked at once: a rest day shows its warning before the handler confirms
  useEffect(() => {
    const defaulted = spec.fields.filter((f) => f.type === 'date' && f.required).map((f) => f.name);
    if (defaulted.length) form.validateFields(defaulted).catch(() => undefined);
  }, [form, spec]);
  const concerned = caseData.deadlines.filter((d) => d.status === 'open' && spec.kinds?.includes(d.kind));
  return (
    <Modal
      open
      title={`${spec.label}（${LAW}${spec.article}）`}
      okText={spec.label}
      cancelText="取消"
      okButtonProps={{ danger: !!spec.danger, loading: run.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      // no zoom-in: the dialog is there at once (a handler opens dozens a day) and never moves under the pointer
      transitionName=""
      maskTransitionName=""
    >
      {spec.note && <p className="muted">{spec.note}</p>}
      <DeadlineExplanations deadlines={concerned} title="本步骤涉及的法定期限（期限引擎计算）" />
      {spec.path === 'schedule-hearing' && <HearingNoticeHint caseId={caseData.id} form={form} />}
      <Form form={form} name={`recon-${spec.path}`} layout="vertical" initialValues={initial} onFinish={(v) => run.mutate(toBody(spec, v))}>
        {spec.fields.map((f) => {
          const name = keyOf(f);
          const rules: Rule[] = f.required
            ? [f.type === 'lines' || f.type === 'textarea' || f.type === 'text' ? { required: true, whitespace: true, message: `请填写${f.label}` } : { required: true, message: `请选择${f.label}` }]
            : [];
          if (f.type === 'date') rules.push(restDayWarning(f.label));
          if (f.type === 'date' && !f.future)
            rules.push({ validator: (_r, v: Dayjs | undefined) => (v && v.format('YYYY-MM-DD') > todayBeijing() ? Promise.reject(new Error(`${f.label}不能晚于今天`)) : Promise.resolve()) });
          if (f.type === 'date' && f.notBefore) {
            const other = spec.fields.find((x) => keyOf(x) === f.notBefore);
            rules.push(({ getFieldValue }) => ({
              validator: (_r, v: Dayjs | undefined) => {
                const o = getFieldValue(f.notBefore!) as Dayjs | undefined;
                return v && o && v.format('YYYY-MM-DD') < o.format('YYYY-MM-DD') ? Promise.reject(new Error(`${f.label}不能早于${other?.label ?? f.notBefore}`)) : Promise.resolve();
              },
            }));
          }
          if (f.requiredUnless)
            rules.push(({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                getFieldValue(f.requiredUnless!) || (v ?? '').trim() ? Promise.resolve() : Promise.reject(new Error(`被申请人的负责人未参加听证的，请填写${f.label.replace(/（.*）$/, '')}（第五十一条第三款）`)),
            }));
          if (f.minItems)
            rules.push({
              validator: (_r, v: unknown) =>
                String(v ?? '')
                  .split('\n')
                  .filter((x) => x.trim()).length >= f.minItems!
                  ? Promise.resolve()
                  : Promise.reject(new Error(`${f.label.replace(/（.*）$/, '')}至少 ${f.minItems} 项`)),
            });
          return (
            <Form.Item key={name} name={name} label={f.type === 'checkbox' ? undefined : f.label} rules={rules} dependencies={f.notBefore ? [f.notBefore] : f.requiredUnless ? [f.requiredUnless] : undefined} valuePropName={f.type === 'checkbox' ? 'checked' : 'value'} extra={f.help}>
              <FieldInput f={f} />
            </Form.Item>
          );
        })}
        <ErrorAlert error={run.error} testId="action-error" />
      </Form>
    </Modal>
  );
}

/**
 * R11 (Art. 51 ¶1, Art. 88 ¶2): as soon as a hearing date is chosen, the latest day for the written notice, counted
 * backwards on the official calendar by the server's deadline engine, with its explanation; a notice date after it is
 * flagged before the request is sent (the server refuses it too).
 */
function HearingNoticeHint({ caseId, form }: { caseId: string; form: FormInstance<Record<string, unknown>> }) {
  const hearingOn = (Form.useWatch('hearingOn', form) as Dayjs | undefined)?.format('YYYY-MM-DD');
  const noticeOn = (Form.useWatch('noticeOn', form) as Dayjs | undefined)?.format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ['reconsideration', 'hearing-notice', caseId, hearingOn],
    queryFn: () => get<z.infer<typeof HearingNoticeResult>>(`${RECON_BASE}/${encodeURIComponent(caseId)}/hearing-notice`, { hearingOn: hearingOn! }),
    enabled: !!hearingOn,
    meta: { silent: true },
  });
  if (!hearingOn) return <Alert type="info" showIcon style={{ marginBottom: 12 }} title="选择听证日期后，显示书面通知的最迟发出日（听证日前五个工作日，第五十一条第一款）" />;
  if (q.error) return <ErrorAlert error={q.error} title="无法计算听证通知期限" />;
  if (!q.data) return null;
  const late = !!noticeOn && noticeOn > q.data.latestNoticeOn;
  return (
    <Alert
      type={late ? 'error' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="hearing-notice-hint"
      title={`书面通知最迟应于 ${q.data.latestNoticeOn} 发出（听证日 ${q.data.hearingOn} 前五个工作日，${q.data.basis}）${late ? `；所填通知日期 ${noticeOn} 已晚于该日，请改期听证或提前通知` : ''}`}
      description={<span className="muted">{q.data.explanation}</span>}
    />
  );
}

/** The outcome of the last step: status, the deadlines it opened / moved / closed with the engine's explanations. */
export function ActionResultAlert({ result, onClose }: { result: ActionResult; onClose: () => void }) {
  return (
    <Alert
      type="success"
      showIcon
      closable={{ onClose, 'aria-label': '关闭办理结果' }}
      data-testid="action-result"
      title={`${result.label}（${LAW}${result.article}）已登记，案件状态：${result.statusLabel}`}
      description={
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          {result.facts.map((f) => (
            <span key={f}>{f}</span>
          ))}
          {result.opened.length > 0 && <DeadlineExplanations deadlines={result.opened} title="新计算或调整的期限" />}
          {result.closed.length > 0 && <span className="muted">已结束的期限：{result.closed.map((d) => RECON_DEADLINE_KIND_LABELS[d.kind] ?? d.title).join('、')}</span>}
        </Space>
      }
    />
  );
}

/**
 * Facts the state table alone does not carry (the server checks them again): the reply is registered once; a switch
 * applies to simplified cases; the Art. 58 / Art. 56–57 steps follow the incidental review's open periods; a hearing is
 * recorded only after its notice; a committee opinion only after the request.
 */
function applicable(a: string, c: ReconCaseDetail): boolean {
  const open = (k: ReconDeadline['kind']) => c.deadlines.some((d) => d.kind === k && d.status === 'open');
  const count = (action: string) => c.timeline.filter((e) => e.action === action).length;
  const normReview = c.status === 'suspended' && c.suspensionGround === 9;
  switch (a) {
    case 'recordReply':
      return !c.replyReceivedOn;
    case 'switchProcedure':
      return c.procedure === 'simplified';
    case 'notifyDraftingOrgan':
      return normReview && open('draftingNotice');
    case 'recordDraftingReply':
      return normReview && open('draftingReply');
    case 'forwardNorm':
      return normReview && open('normForward');
    case 'concludeNormReview':
      return normReview && (open('normReview') || open('forwardedReply'));
    case 'resume':
      // a suspension for an incidental review ends when the review is concluded (Art. 39 ¶2 with Arts. 59–60)
      return !normReview;
    case 'recordHearing':
      return count('scheduleHearing') > count('recordHearing');
    case 'consultCommittee':
      return count('consultCommittee') <= count('recordCommitteeOpinion');
    case 'recordCommitteeOpinion':
      return count('consultCommittee') > count('recordCommitteeOpinion');
    default:
      return true;
  }
}

/** The action buttons of the case: allowed in the current status and permitted to the user. */
export function CaseActionBar({ caseData, onDone }: { caseData: ReconCaseDetail; onDone?: (r: ActionResult) => void }) {
  const can = useCan();
  const [open, setOpen] = useState<string | null>(null);
  const actions = caseData.allowedActions
    .filter((a) => ACTION_SPECS[a] && can(['reconsideration.case.read', ACTION_SPECS[a].permission]))
    .filter((a) => applicable(a, caseData));
  if (!actions.length) return null;
  const spec = open ? ACTION_SPECS[open] : undefined;
  return (
    <>
      <Space wrap size={[8, 8]} role="toolbar" aria-label="办理操作">
        {actions.map((a) => {
          const s = ACTION_SPECS[a]!;
          return (
            <Button key={a} danger={s.danger} type={a === caseData.allowedActions.find((x) => ACTION_SPECS[x] && !ACTION_SPECS[x].danger) ? 'primary' : 'default'} onClick={() => setOpen(a)}>
              {s.label}
            </Button>
          );
        })}
      </Space>
      {spec && <ActionModal spec={spec} caseData={caseData} onClose={() => setOpen(null)} onDone={onDone} />}
    </>
  );
}
