/**
 * The workflow actions of a 行政复议 case as small forms. The buttons shown are the actions the state table allows in
 * the current status (the server's `allowedActions`) that the user's permissions cover; the server validates again.
 * Each form cites its article in the title; dates default to today; errors show the API's Chinese message.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { RECON_DECISION_LABELS, RECON_PARTY_LABELS, VIEWS_METHOD_LABELS, type ReconCaseDetail } from '../../../common/contracts';
import type { Permission } from '../../../common/permissions';
import { post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { RECON_BASE, reconKeys } from './shared';

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
const COMMITTEE_GROUNDS = ['案情重大、疑难、复杂', '专业性、技术性较强', '本法第二十四条第二款规定的行政复议案件', '行政复议机构认为有必要'];
const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const grounds = (list: string[]) => list.map((label, i) => ({ value: i + 1, label: `（${NUM[i]}）${label}` }));

export const ACTION_SPECS: Record<string, ActionSpec> = {
  requestCorrection: {
    path: 'request-correction',
    label: '通知补正',
    article: '第三十一条第一款',
    permission: 'reconsideration.case.handle',
    note: '收到申请之日起五日内书面通知申请人补正，一次性载明需要补正的事项；申请人应当自收到补正通知之日起十日内提交补正材料。',
    fields: [date('noticeOn', '补正通知发出日期'), date('servedOn', '申请人收到补正通知日期'), { name: 'items', label: '需要补正的事项（每行一项）', type: 'lines', required: true }],
  },
  submitCorrection: { path: 'submit-correction', label: '收到补正材料', article: '第三十一条第三款', permission: 'reconsideration.case.handle', note: '收到补正材料后重新进行受理审查。', fields: [date('receivedOn', '收到补正材料日期')] },
  extendCorrection: {
    path: 'extend-correction',
    label: '延长补正期限',
    article: '第三十一条第二款',
    permission: 'reconsideration.case.handle',
    fields: [{ name: 'days', label: '延长工作日数', type: 'number', required: true, min: 1, max: 30 }, date('approvedOn', '批准日期'), { name: 'reason', label: '正当理由', type: 'textarea', required: true }],
  },
  abandon: { path: 'abandon', label: '视为放弃申请', article: '第三十一条第二款', permission: 'reconsideration.case.handle', danger: true, note: '无正当理由逾期不补正的，视为申请人放弃行政复议申请，并记录在案。', fields: [date('on', '日期'), note] },
  accept: {
    path: 'accept',
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
    label: '不予受理',
    article: '第三十条第二款',
    permission: 'reconsideration.case.handle',
    danger: true,
    fields: [date('rejectedOn', '决定日期'), { name: 'reason', label: '不予受理的理由', type: 'textarea', required: true }, { name: 'competentOrgan', label: '有管辖权的行政复议机关（如属其他机关管辖）', type: 'text' }],
  },
  sendCopy: {
    path: 'send-copy',
    label: '发送申请书副本',
    article: '第四十八条、第五十四条',
    permission: 'reconsideration.case.handle',
    note: '被申请人应当自收到申请书副本之日起十日内（简易程序五日内）提出书面答复。',
    fields: [date('sentOn', '发送日期'), date('respondentReceivedOn', '被申请人收到日期')],
  },
  recordReply: { path: 'record-reply', label: '登记被申请人答复', article: '第四十八条、第五十四条', permission: 'reconsideration.case.handle', fields: [date('receivedOn', '收到书面答复日期')] },
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
    label: '通知听证',
    article: '第五十条、第五十一条第一款',
    permission: 'reconsideration.case.handle',
    note: '应当于举行听证的五日前将听证的时间、地点和拟听证事项书面通知当事人。',
    fields: [
      date('noticeOn', '书面通知日期'),
      { name: 'hearingOn', label: '听证日期', type: 'date', required: true },
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
  startMediation: { path: 'start-mediation', label: '开始调解', article: '第五条、第七十三条', permission: 'reconsideration.case.handle', fields: [date('on', '日期'), note] },
  endMediation: { path: 'end-mediation', label: '调解未成', article: '第七十三条第二款', permission: 'reconsideration.case.handle', note: '调解未达成协议或者调解书生效前一方反悔的，应当依法审查或者及时作出行政复议决定。', fields: [date('on', '日期'), note] },
  concludeMediation: { path: 'conclude-mediation', label: '调解结案', article: '第七十三条第一款', permission: 'reconsideration.case.handle', fields: [date('on', '调解书生效日期'), note] },
  suspend: {
    path: 'suspend',
    label: '中止审理',
    article: '第三十九条',
    permission: 'reconsideration.case.handle',
    note: '中止期间审理期限暂停计算；中止、恢复审理应当书面告知当事人（第三十九条第三款）。',
    fields: [date('on', '中止日期'), { name: 'ground', label: '中止情形（第三十九条第一款）', type: 'select', required: true, options: grounds(SUSPENSION_GROUNDS) }, note],
  },
  resume: { path: 'resume', label: '恢复审理', article: '第三十九条第二款', permission: 'reconsideration.case.handle', fields: [date('on', '恢复日期'), note] },
  extend: {
    path: 'extend',
    label: '延长审理期限',
    article: '第六十二条第一款',
    permission: 'reconsideration.case.approve',
    note: '情况复杂，不能在规定期限内作出决定的，经行政复议机构负责人批准，可以适当延长，但延长期限最多不得超过三十日。',
    fields: [{ name: 'days', label: '延长日数', type: 'number', required: true, min: 1, max: 30 }, date('approvedOn', '批准日期'), { name: 'reason', label: '延期理由', type: 'textarea', required: true }],
  },
  switchProcedure: {
    path: 'switch-procedure',
    label: '转为普通程序',
    article: '第五十五条',
    permission: 'reconsideration.case.approve',
    fields: [date('approvedOn', '批准日期'), { name: 'reason', label: '理由', type: 'textarea', required: true }],
  },
  decide: {
    path: 'decide',
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
  withdraw: {
    path: 'withdraw',
    label: '准予撤回',
    article: '第七十四条、第四十一条第一项',
    permission: 'reconsideration.case.approve',
    danger: true,
    fields: [date('requestedOn', '申请人提出撤回日期'), date('approvedOn', '准予撤回日期'), { name: 'reason', label: '撤回理由', type: 'textarea', required: true }, { name: 'settlement', label: '当事人已和解（第七十四条第一款）', type: 'checkbox' }],
  },
  terminate: {
    path: 'terminate',
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
      return <Select options={f.options} style={{ width: '100%' }} showSearch={{ optionFilterProp: 'label' }} {...control} />;
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

function toBody(spec: ActionSpec, values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of spec.fields) {
    const key = Array.isArray(f.name) ? f.name.join('.') : f.name;
    let v = values[key];
    if (f.type === 'date') v = v ? (v as Dayjs).format('YYYY-MM-DD') : undefined;
    else if (f.type === 'lines')
      v = String(v ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (f.type === 'checkbox') v = !!v;
    else if (typeof v === 'string') v = v.trim() || undefined;
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function ActionModal({ spec, caseData, onClose }: { spec: ActionSpec; caseData: ReconCaseDetail; onClose: () => void }) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const qc = useQueryClient();
  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) => post<ReconCaseDetail>(`${RECON_BASE}/${encodeURIComponent(caseData.id)}/${spec.path}`, body),
    onSuccess: (c) => {
      qc.setQueryData(reconKeys.detail(c.id), c);
      void qc.invalidateQueries({ queryKey: reconKeys.all });
      notifySuccess(`${spec.label}：已完成（${c.statusLabel}）`);
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  const initial: Record<string, unknown> = {};
  for (const f of spec.fields) if (f.type === 'date' && f.required) initial[f.name as string] = dayjs(todayBeijing());
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
      width={600}
    >
      {spec.note && <p className="muted">{spec.note}</p>}
      <Form form={form} name={`recon-${spec.path}`} layout="vertical" initialValues={initial} onFinish={(v) => run.mutate(toBody(spec, v))}>
        {spec.fields.map((f) => {
          const name = Array.isArray(f.name) ? f.name.join('.') : f.name;
          const rules = f.required
            ? [f.type === 'lines' || f.type === 'textarea' || f.type === 'text' ? { required: true, whitespace: true, message: `请填写${f.label}` } : { required: true, message: `请选择${f.label}` }]
            : [];
          return (
            <Form.Item key={name} name={name} label={f.type === 'checkbox' ? undefined : f.label} rules={rules} valuePropName={f.type === 'checkbox' ? 'checked' : 'value'} extra={f.help}>
              <FieldInput f={f} />
            </Form.Item>
          );
        })}
        <ErrorAlert error={run.error} testId="action-error" />
      </Form>
    </Modal>
  );
}

/** The action buttons of the case: allowed in the current status and permitted to the user. */
export function CaseActionBar({ caseData }: { caseData: ReconCaseDetail }) {
  const can = useCan();
  const [open, setOpen] = useState<string | null>(null);
  const actions = caseData.allowedActions
    .filter((a) => ACTION_SPECS[a] && can(['reconsideration.case.read', ACTION_SPECS[a].permission]))
    // the reply is registered once; a simplified-procedure switch only applies to simplified cases
    .filter((a) => !(a === 'recordReply' && caseData.replyReceivedOn) && !(a === 'switchProcedure' && caseData.procedure !== 'simplified'));
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
      {spec && <ActionModal spec={spec} caseData={caseData} onClose={() => setOpen(null)} />}
    </>
  );
}
