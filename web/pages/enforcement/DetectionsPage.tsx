/** 检测结果: flags of one rule over a period, each with its legal basis and evidence rows; selected flags → 问题线索. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DETECTION_RULE_IDS, DISCRETION_LEVELS, describeDetectionRule, type DetectionFlag, type DetectionList, type DetectionRuleId, type DetectionRuleView, type DetectionSimulation } from '../../../common/contracts/enforcement';
import type { Clue, Evidence } from '../../../common/contracts/enforcement-supervision';
import { get, post, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant, todayBeijing } from '../../components/format';
import { PenaltyDeadlineCell } from './PenaltyDeadline';
import { useAgencyName } from './agencies';
import { describeDetail } from './detail';
import { DETECTION_RULES, INSPECTION_KINDS, fieldLabel, lastYear, ruleName } from './labels';

/** Kinds that must name a plan (the 随意检查 rule's default): elsewhere an empty plan is normal, not a finding. */
const PLANNED_KINDS = new Set(['plan', 'special']);
const nowrap = (v: unknown) => <span style={{ whiteSpace: 'nowrap' }}>{v === null || v === undefined ? '—' : String(v)}</span>;

const useEvidence = (flag: DetectionFlag) =>
  useQuery({ queryKey: ['enforcement', 'evidence', flag.id], queryFn: () => get<Evidence>('/enforcement/evidence', { inspectionIds: flag.inspectionIds.slice(0, 500).join(','), penaltyIds: (flag.penaltyIds ?? []).slice(0, 500).join(',') }) });

function EvidenceRows({ flag }: { flag: DetectionFlag }) {
  const agencyName = useAgencyName();
  const q = useEvidence(flag);
  return (
    <div>
      <Descriptions size="small" column={1} items={[{ key: 'b', label: '法律依据', children: flag.legalBasis }, { key: 'd', label: '检测数据', children: describeDetail(flag.detail).join('；') || '—' }]} />
      <ErrorAlert error={q.error} />
      {q.data && q.data.inspections.length > 0 && (
        <Table size="small" rowKey="id" pagination={false} dataSource={q.data.inspections} caption="证据：行政检查记录" scroll={{ x: 'max-content' }}
          columns={[
            { title: '检查编号', dataIndex: 'id', render: nowrap },
            { title: '检查日期', dataIndex: 'inspectedOn', render: nowrap },
            { title: '执法主体', dataIndex: 'agencyCode', render: (c: string) => nowrap(agencyName(c)) },
            { title: '执法人员', dataIndex: 'officerId', render: nowrap },
            { title: '检查对象', dataIndex: 'targetName', render: (n: string | null, r) => <Link to={`/enforcement/firms/${r.targetCreditCode}`}>{n ?? r.targetCreditCode}</Link> },
            { title: '领域', dataIndex: 'field', render: fieldLabel },
            { title: '类型', dataIndex: 'kind', render: (k: string) => (INSPECTION_KINDS as Record<string, string>)[k] ?? k },
            { title: '计划', dataIndex: 'planId', render: (p: string | null, r) => p ?? (PLANNED_KINDS.has(r.kind) ? <Tag color="red">无计划</Tag> : '—') },
            { title: '联合检查', dataIndex: 'jointId', render: (j: string | null) => j ?? '—' },
            { title: '发现问题', dataIndex: 'foundProblem', render: (f: boolean) => (f ? '是' : '否') },
          ]} />
      )}
      {q.data && q.data.penalties.length > 0 && (
        <Table size="small" rowKey="id" pagination={false} dataSource={q.data.penalties} caption="证据：行政处罚案件" scroll={{ x: 'max-content' }}
          columns={[{ title: '案件编号', dataIndex: 'id', render: nowrap }, { title: '执法主体', dataIndex: 'agencyCode', render: (c: string) => nowrap(agencyName(c)) }, { title: '违法行为代码', dataIndex: 'violationCode' }, { title: '裁量阶次', dataIndex: 'discretionLevel', render: (l: string) => (DISCRETION_LEVELS as Record<string, string>)[l] ?? l }, { title: '罚款（元）', dataIndex: 'amount', align: 'right' }, { title: '立案日期', dataIndex: 'filedOn' }, { title: '决定期限', key: 'due', render: (_: unknown, r) => <PenaltyDeadlineCell deadline={r.deadline} overdue={(r.decidedOn ?? todayBeijing()) > r.deadline.dueDate} /> }, { title: '决定日期', dataIndex: 'decidedOn', render: (d: string | null) => d ?? '未决定' }]} />
      )}
    </div>
  );
}

function ClueModal({ flags, onClose }: { flags: DetectionFlag[]; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const agencies = [...new Set(flags.flatMap((f) => f.agencyCodes))];
  const save = useMutation({
    mutationFn: (v: { title: string; description?: string; severity: string; agencyCode?: string }) => post<Clue>('/enforcement/clues', { source: 'detection', detectionIds: flags.map((f) => f.id), title: v.title, description: v.description ?? '', severity: v.severity, agencyCode: v.agencyCode ?? null }),
    onSuccess: (c) => {
      notifySuccess(`已登记问题线索 ${c.clueNo}`);
      onClose();
      navigate(`/enforcement/clues?highlight=${c.id}`);
    },
    onError: notifyError,
  });
  const first = flags[0]!;
  const agencyName = useAgencyName();
  // the firm's name from the evidence rows (the flag carries its credit code only): the title the order will quote
  const evidence = useEvidence(first);
  const firmName = evidence.data?.inspections.find((r) => r.targetCreditCode === first.targetCreditCode)?.targetName ?? null;
  const titleFor = (name: string | null) => `${ruleName(first.rule)}：${name ? `${name}（${first.targetCreditCode}）` : first.targetCreditCode ?? first.officerId ?? ''}${flags.length > 1 ? ` 等 ${flags.length} 条预警` : ''}`;
  useEffect(() => {
    if (firmName && !form.isFieldTouched('title')) form.setFieldValue('title', titleFor(firmName));
  }, [firmName]);
  return (
    <Modal open title="转为问题线索" onCancel={onClose} onOk={() => form.submit()} okText="登记线索" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="clueFromFlags" initialValues={{ title: titleFor(firmName), severity: 'ordinary', agencyCode: agencies.length === 1 ? agencies[0] : undefined }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="线索标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入线索标题' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item label="被督办的执法主体" name="agencyCode" rules={[{ required: true, message: '请选择执法主体' }]}><Select options={agencies.map((a) => ({ value: a, label: agencyName(a) }))} /></Form.Item>
        <Form.Item label="情节" name="severity"><Radio.Group options={[{ value: 'ordinary', label: '一般' }, { value: 'serious', label: '严重' }]} /></Form.Item>
        <Form.Item label="说明" name="description"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Chinese labels of the rules' parameters (keys of DetectionParamSchemas). */
const PARAM_LABELS: Record<string, string> = {
  windowDays: '窗口天数（日）',
  minVisits: '窗口内最少检查次数',
  minAgencies: '窗口内最少执法主体数',
  excludeKinds: '不计入的检查类型',
  kinds: '须关联检查计划的检查类型',
  minInspections: '期间内最少检查次数',
  medianRatio: '低于同领域中位数的比例（0–1）',
  defaultCap: '计划未设上限时的单企年度上限（次，空为不检测）',
  flagUnregisteredOfficer: '未在执法人员台账登记的人员也预警',
  factor: '偏离中位数的倍数',
  minGroupSize: '同类案件最少件数',
};
const KIND_OPTIONS = Object.entries(INSPECTION_KINDS).map(([value, label]) => ({ value, label }));

/** 调整参数: the rule's current parameters, a simulation over the page's period (nothing saved), then saving. */
function RuleParamsModal({ rule, from, to, onClose }: { rule: DetectionRuleId; from: string; to: string; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: ['enforcement', 'detection-rules'], queryFn: () => get<{ data: DetectionRuleView[] }>('/enforcement/detection-rules') });
  const view = rules.data?.data.find((r) => r.id === rule);
  const [sim, setSim] = useState<DetectionSimulation | null>(null);
  const watched = Form.useWatch([], form) as Record<string, unknown> | undefined;
  const proposed = { ...(view?.params ?? {}), ...Object.fromEntries(Object.entries(watched ?? {}).filter(([, x]) => x !== undefined)) };
  // a cleared list is an empty list, a cleared number is "not set" (null)
  const values = () => form.validateFields().then((v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x ?? (Array.isArray(view?.defaults[k]) ? [] : null)])));
  const simulate = useMutation({ mutationFn: async () => post<DetectionSimulation>(`/enforcement/detection-rules/${rule}/simulate`, { params: await values(), from, to }), onSuccess: setSim, onError: notifyError });
  const save = useMutation({
    mutationFn: async () => put<DetectionRuleView>(`/enforcement/detection-rules/${rule}`, { params: await values(), version: view?.version ?? 0 }),
    onSuccess: () => {
      notifySuccess(`已保存“${DETECTION_RULES[rule].name}”的检测参数`);
      void qc.invalidateQueries({ queryKey: ['enforcement'] });
      onClose();
    },
    onError: notifyError,
  });
  const control = (key: string, sample: unknown) => {
    if (Array.isArray(sample)) return <Select mode="multiple" allowClear options={KIND_OPTIONS} />;
    if (typeof sample === 'boolean') return <Switch />;
    if (key === 'medianRatio') return <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />;
    if (key === 'factor') return <InputNumber min={1.01} max={100} step={0.5} style={{ width: '100%' }} />;
    return <InputNumber min={1} precision={0} style={{ width: '100%' }} />;
  };
  return (
    <Modal
      open
      title={`调整检测参数：${DETECTION_RULES[rule].name}`}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="c" onClick={onClose}>取消</Button>,
        <Button key="s" loading={simulate.isPending} disabled={!view} onClick={() => simulate.mutate()}>模拟</Button>,
        <Button key="o" type="primary" loading={save.isPending} disabled={!view} onClick={() => save.mutate()}>保存参数</Button>,
      ]}
    >
      <ErrorAlert error={rules.error} />
      <Alert type={DETECTION_RULES[rule].thresholdUnverified ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} message={`法律依据：${DETECTION_RULES[rule].legalBasis}`} description={DETECTION_RULES[rule].thresholdUnverified ? '阈值为本局设置：上位规定未明确具体数值，未经核实（待核实）。修改留痕，自保存起适用于所有检测。' : '修改留痕，自保存起适用于所有检测。'} />
      {view && (
        <Form form={form} layout="vertical" name="ruleParams" initialValues={view.params} onValuesChange={() => setSim(null)}>
          {Object.entries(view.defaults).map(([key, d]) => (
            <Form.Item key={key} label={PARAM_LABELS[key] ?? key} name={key} valuePropName={typeof d === 'boolean' ? 'checked' : 'value'} extra={`默认值：${Array.isArray(d) ? d.map((k) => (INSPECTION_KINDS as Record<string, string>)[k as string] ?? k).join('、') || '无' : typeof d === 'boolean' ? (d ? '是' : '否') : d === null ? '未设定' : String(d)}`} rules={key === 'defaultCap' || Array.isArray(d) || typeof d === 'boolean' ? [] : [{ required: true, message: `请填写${PARAM_LABELS[key] ?? key}` }]}>
              {control(key, d)}
            </Form.Item>
          ))}
        </Form>
      )}
      {view && <p data-testid="detection-rule-preview" style={{ marginTop: 0 }}>按上列参数：{describeDetectionRule(rule, proposed)}</p>}
      {sim && (
        <Alert type="info" showIcon data-testid="detection-simulation" message={`模拟结果（${sim.from} 至 ${sim.to}，未保存）：现行参数 ${sim.current} 条预警，拟调整后 ${sim.proposed} 条`} description={`新增 ${sim.added} 条，不再预警 ${sim.removed} 条。`} />
      )}
      {view?.updatedAt && <p style={{ marginTop: 12, marginBottom: 0, color: '#595959' }}>最近修改：{formatInstant(view.updatedAt).slice(0, 16)}（第 {view.version} 版）</p>}
    </Modal>
  );
}

export function DetectionsPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const rule = (params.get('rule') ?? 'repeated-inspection') as DetectionFlag['rule'];
  const def = lastYear(todayBeijing());
  const from = params.get('from') ?? def.from;
  const to = params.get('to') ?? def.to;
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<DetectionFlag[]>([]);
  const [modal, setModal] = useState(false);
  const [tuning, setTuning] = useState(false);
  const agencyName = useAgencyName();
  const q = useQuery({ queryKey: ['enforcement', 'detections', rule, from, to, page], queryFn: () => get<DetectionList>('/enforcement/detections', { rule, from, to, page, pageSize: 20 }), placeholderData: keepPreviousData });
  const info = DETECTION_RULES[rule];
  // the rule's words with the parameters in force (the static description names them without values)
  const rules = useQuery({ queryKey: ['enforcement', 'detection-rules'], queryFn: () => get<{ data: DetectionRuleView[] }>('/enforcement/detection-rules') });
  const view = rules.data?.data.find((r) => r.id === rule);
  const changed = view ? Object.keys(view.defaults).filter((k) => JSON.stringify(view.params[k]) !== JSON.stringify(view.defaults[k])) : [];
  return (
    <>
      <PageHeader title="问题检查检测结果" description="按规则检测重复检查、多头检查、随意检查、低效检查等问题；每条预警附证据记录及法律依据，可转为问题线索。" extra={
          <Space wrap>
            {can('enforcement.detection.configure') && Object.keys(info.defaults).length > 0 && <Button onClick={() => setTuning(true)}>调整参数</Button>}
            {can('enforcement.supervision.manage') && <Button type="primary" disabled={!selected.length} onClick={() => setModal(true)}>转为问题线索（{selected.length}）</Button>}
          </Space>
        } />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="detFilter" initialValues={{ rule, from, to }} onFinish={(v: { rule: string; from: string; to: string }) => { setPage(1); setSelected([]); setParams(v); }}>
          <Form.Item label="检测规则" name="rule"><Select style={{ width: 200 }} options={DETECTION_RULE_IDS.map((r) => ({ value: r, label: DETECTION_RULES[r].name }))} /></Form.Item>
          <Form.Item label="开始日期" name="from"><Input type="date" /></Form.Item>
          <Form.Item label="结束日期" name="to"><Input type="date" /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">检测</Button></Space></Form.Item>
        </Form>
      </Card>
      <Alert type={info.thresholdUnverified ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} message={<span data-testid="detection-rule-description">{`${info.name}：${view ? describeDetectionRule(rule, view.params) : info.description}`}</span>} description={<>法律依据：{info.legalBasis}{info.thresholdUnverified && `。阈值为本局设置（上位规定未明确具体数值，未经核实，待核实）${changed.length ? `，现行参数已于 ${view?.updatedAt ? formatInstant(view.updatedAt).slice(0, 10) : '—'} 调整（第 ${view?.version ?? 0} 版，与默认值不同：${changed.map((k) => PARAM_LABELS[k] ?? k).join('、')}）` : '，现行为默认参数'}${can('enforcement.detection.configure') ? '，可点“调整参数”修改' : ''}。`}</>} />
      <ErrorAlert error={q.error} />
      <Table<DetectionFlag>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        rowSelection={can('enforcement.supervision.manage') ? { selectedRowKeys: selected.map((s) => s.id), onChange: (_k, rows) => setSelected(rows) } : undefined}
        expandable={{ expandedRowRender: (f) => <EvidenceRows flag={f} /> }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条预警` }}
        locale={{ emptyText: `${from} 至 ${to} 期间未发现“${info.name}”预警（数据范围内）` }}
        columns={[
          { title: '检查对象', dataIndex: 'targetCreditCode', render: (c?: string) => (c ? <Link to={`/enforcement/firms/${c}`}>{c}</Link> : '—') },
          { title: '执法主体', dataIndex: 'agencyCodes', render: (a: string[]) => a.map(agencyName).join('、') },
          { title: '执法人员', dataIndex: 'officerId', render: (o?: string) => o ?? '—' },
          { title: '领域', dataIndex: 'field', render: fieldLabel },
          { title: '期间', render: (_: unknown, f) => `${f.firstOn} 至 ${f.lastOn}` },
          { title: '证据记录', render: (_: unknown, f) => `${f.inspectionIds.length + (f.penaltyIds?.length ?? 0)} 条` },
        ]}
      />
      {modal && selected.length > 0 && <ClueModal flags={selected} onClose={() => setModal(false)} />}
      {tuning && <RuleParamsModal rule={rule} from={from} to={to} onClose={() => setTuning(false)} />}
    </>
  );
}
