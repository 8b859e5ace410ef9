/** 检测结果: flags of one rule over a period, each with its legal basis and evidence rows; selected flags → 问题线索. */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Radio, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DETECTION_RULE_IDS, type DetectionFlag, type DetectionList } from '../../../common/contracts/enforcement';
import type { Clue, Evidence } from '../../../common/contracts/enforcement-supervision';
import { get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { todayBeijing } from '../../components/format';
import { PenaltyDeadlineCell } from './PenaltyDeadline';
import { DETECTION_RULES, INSPECTION_KINDS, fieldLabel, lastYear, ruleName } from './labels';

function EvidenceRows({ flag }: { flag: DetectionFlag }) {
  const q = useQuery({ queryKey: ['enforcement', 'evidence', flag.id], queryFn: () => get<Evidence>('/enforcement/evidence', { inspectionIds: flag.inspectionIds.slice(0, 500).join(','), penaltyIds: (flag.penaltyIds ?? []).slice(0, 500).join(',') }) });
  return (
    <div>
      <Descriptions size="small" column={1} items={[{ key: 'b', label: '法律依据', children: flag.legalBasis }, { key: 'd', label: '检测数据', children: Object.entries(flag.detail).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('；') }]} />
      <ErrorAlert error={q.error} />
      {q.data && q.data.inspections.length > 0 && (
        <Table size="small" rowKey="id" pagination={false} dataSource={q.data.inspections} caption="证据：行政检查记录"
          columns={[
            { title: '检查编号', dataIndex: 'id' },
            { title: '检查日期', dataIndex: 'inspectedOn' },
            { title: '执法主体', dataIndex: 'agencyCode' },
            { title: '执法人员', dataIndex: 'officerId' },
            { title: '检查对象', dataIndex: 'targetName', render: (n: string | null, r) => <Link to={`/enforcement/firms/${r.targetCreditCode}`}>{n ?? r.targetCreditCode}</Link> },
            { title: '领域', dataIndex: 'field', render: fieldLabel },
            { title: '类型', dataIndex: 'kind', render: (k: string) => (INSPECTION_KINDS as Record<string, string>)[k] ?? k },
            { title: '计划', dataIndex: 'planId', render: (p: string | null) => p ?? <Tag color="red">无计划</Tag> },
            { title: '联合检查', dataIndex: 'jointId', render: (j: string | null) => j ?? '—' },
            { title: '发现问题', dataIndex: 'foundProblem', render: (f: boolean) => (f ? '是' : '否') },
          ]} />
      )}
      {q.data && q.data.penalties.length > 0 && (
        <Table size="small" rowKey="id" pagination={false} dataSource={q.data.penalties} caption="证据：行政处罚案件"
          columns={[{ title: '案件编号', dataIndex: 'id' }, { title: '执法主体', dataIndex: 'agencyCode' }, { title: '违法行为代码', dataIndex: 'violationCode' }, { title: '裁量阶次', dataIndex: 'discretionLevel' }, { title: '罚款（元）', dataIndex: 'amount', align: 'right' }, { title: '立案日期', dataIndex: 'filedOn' }, { title: '决定期限', key: 'due', render: (_: unknown, r) => <PenaltyDeadlineCell deadline={r.deadline} overdue={(r.decidedOn ?? todayBeijing()) > r.deadline.dueDate} /> }, { title: '决定日期', dataIndex: 'decidedOn', render: (d: string | null) => d ?? '未决定' }]} />
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
  return (
    <Modal open title="转为问题线索" onCancel={onClose} onOk={() => form.submit()} okText="登记线索" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="clueFromFlags" initialValues={{ title: `${ruleName(first.rule)}：${first.targetCreditCode ?? first.officerId ?? ''}${flags.length > 1 ? ` 等 ${flags.length} 条预警` : ''}`, severity: 'ordinary', agencyCode: agencies.length === 1 ? agencies[0] : undefined }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="线索标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入线索标题' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item label="被督办的执法主体" name="agencyCode" rules={[{ required: true, message: '请选择执法主体' }]}><Select options={agencies.map((a) => ({ value: a, label: a }))} /></Form.Item>
        <Form.Item label="情节" name="severity"><Radio.Group options={[{ value: 'ordinary', label: '一般' }, { value: 'serious', label: '严重' }]} /></Form.Item>
        <Form.Item label="说明" name="description"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
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
  const q = useQuery({ queryKey: ['enforcement', 'detections', rule, from, to, page], queryFn: () => get<DetectionList>('/enforcement/detections', { rule, from, to, page, pageSize: 20 }), placeholderData: keepPreviousData });
  const info = DETECTION_RULES[rule];
  return (
    <>
      <PageHeader title="问题检查检测结果" description="按规则检测重复检查、多头检查、随意检查、低效检查等问题；每条预警附证据记录及法律依据，可转为问题线索。" extra={can('enforcement.supervision.manage') && <Button type="primary" disabled={!selected.length} onClick={() => setModal(true)}>转为问题线索（{selected.length}）</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="detFilter" initialValues={{ rule, from, to }} onFinish={(v: { rule: string; from: string; to: string }) => { setPage(1); setSelected([]); setParams(v); }}>
          <Form.Item label="检测规则" name="rule"><Select style={{ width: 200 }} options={DETECTION_RULE_IDS.map((r) => ({ value: r, label: DETECTION_RULES[r].name }))} /></Form.Item>
          <Form.Item label="开始日期" name="from"><Input type="date" /></Form.Item>
          <Form.Item label="结束日期" name="to"><Input type="date" /></Form.Item>
          <Form.Item><Space><Button type="primary" htmlType="submit">检测</Button></Space></Form.Item>
        </Form>
      </Card>
      <Alert type={info.thresholdUnverified ? 'warning' : 'info'} showIcon style={{ marginBottom: 16 }} message={`${info.name}：${info.description}`} description={<>法律依据：{info.legalBasis}{info.thresholdUnverified && '。阈值为本局设置（上位规定未明确具体数值，未经核实），可在检测规则中调整。'}</>} />
      <ErrorAlert error={q.error} />
      <Table<DetectionFlag>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        rowSelection={can('enforcement.supervision.manage') ? { selectedRowKeys: selected.map((s) => s.id), onChange: (_k, rows) => setSelected(rows) } : undefined}
        expandable={{ expandedRowRender: (f) => <EvidenceRows flag={f} /> }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条预警` }}
        columns={[
          { title: '检查对象', dataIndex: 'targetCreditCode', render: (c?: string) => (c ? <Link to={`/enforcement/firms/${c}`}>{c}</Link> : '—') },
          { title: '执法主体', dataIndex: 'agencyCodes', render: (a: string[]) => a.join('、') },
          { title: '执法人员', dataIndex: 'officerId', render: (o?: string) => o ?? '—' },
          { title: '领域', dataIndex: 'field', render: fieldLabel },
          { title: '期间', render: (_: unknown, f) => `${f.firstOn} 至 ${f.lastOn}` },
          { title: '证据记录', render: (_: unknown, f) => `${f.inspectionIds.length + (f.penaltyIds?.length ?? 0)} 条` },
        ]}
      />
      {modal && selected.length > 0 && <ClueModal flags={selected} onClose={() => setModal(false)} />}
    </>
  );
}
