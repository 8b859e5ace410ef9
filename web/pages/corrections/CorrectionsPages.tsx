/**
 * 社区矫正: the ledger of the 司法所 (its street; the bureau sees all) with the reporting clock, and the record of one
 * subject, open to its named responsible staff only (every view is audited on the server; a refusal is explained).
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Switch, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import {
  type AttentionList,
  HELP_KIND_LABELS,
  RELEASE_SOURCE_LABELS,
  type ReleasedPerson,
  CORRECTION_RISK_LABELS,
  CORRECTION_STATUS_LABELS,
  type CorrectionSubjectDetailT,
  type CorrectionSubjectSummary,
  END_REASON_LABELS,
  PROPOSAL_LABELS,
  RECORD_KIND_LABELS,
  SANCTION_LABELS,
  SENTENCE_TYPE_LABELS,
} from '../../../common/contracts';
import { type CorrectionSettings, type CorrectionTransferRow, TRANSFER_SCOPE_LABELS, TRANSFER_STATUS_LABELS } from '../../../common/contracts/corrections';
import { API_BASE, get, post, put } from '../../app/api';
import type { CorrectionStats } from '../../../common/contracts/corrections';
import { useCan, useCurrentUser } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag, type Tone } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { beijingTimeText } from '../../../common/deadlines/hours';
import { ActionModal, idNumberRules, mobileRules, optionsOf, req, useScopeOffices } from '../dispute/shared';

type Summary = z.infer<typeof CorrectionSubjectSummary>;
const STATUS_TONE: Record<string, Tone> = { awaitingReport: 'orange', inCorrection: 'blue', released: 'green', ended: 'grey', transferred: 'grey' };
type TransferRow = z.infer<typeof CorrectionTransferRow>;
const TRANSFER_LAW = '《中华人民共和国社区矫正法》第二十七条第二款';
/** law-rules.md §9: the 2020 实施办法's periods for a change of the place of execution are UNVERIFIED, so none is computed. */
const TRANSFER_UNVERIFIED = '《中华人民共和国社区矫正法实施办法》（司发通〔2020〕59号）关于执行地变更的申请时间、到新执行地报到期限等规定（待核实），本系统暂不计算该期限。';

/** The receiving 司法所 accepts a subject handed over in the district and names its staff (责任人). */
function AcceptModal({ subject, onClose }: { subject: Summary; onClose: () => void }) {
  const target = subject.transfer!.toDepartmentId;
  const staff = useQuery({ queryKey: ['corrections', 'staff', target], queryFn: () => get<{ data: { id: string; name: string }[] }>('/corrections/staff-options', { departmentId: target }) });
  return (
    <ActionModal title={`接收执行地变更：${subject.name}`} onClose={onClose} queryKey={['corrections', 'accepted', subject.id]} submit={(v) => post<Summary>(`/corrections/subjects/${subject.id}/transfer/accept`, { ...v, version: subject.version })} initial={{ on: todayBeijing() }} okText="接收">
      <Alert type="info" showIcon style={{ marginBottom: 8 }} message={`由${subject.departmentName}移交本所（${TRANSFER_LAW}）。接收后，该对象的档案、责任人和未届满的法定期限转由本所办理，原司法所只保留移交记录。`} />
      <Form.Item label="接收日期" name="on" rules={req('请选择日期')}><Input type="date" max={todayBeijing()} /></Form.Item>
      <Form.Item label="责任人" name="staffIds" rules={req('请指定至少一名责任人')}><Select aria-label="接收责任人" mode="multiple" loading={staff.isLoading} options={(staff.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
    </ActionModal>
  );
}

/** Hand-overs (who had the subject when): kept for the 司法所 on either side after the move. */
function TransferHistory({ subjectId }: { subjectId?: string }) {
  const q = useQuery({ queryKey: ['corrections', 'transfers', subjectId ?? 'all'], queryFn: () => get<{ data: TransferRow[]; total: number }>('/corrections/transfers', { pageSize: 50, ...(subjectId ? { subjectId } : {}) }) });
  const staff = (xs: { name: string }[]) => xs.map((x) => x.name).join('、') || '—';
  return (
    <Card title={`执行地变更移交记录（${TRANSFER_LAW}）`} style={{ marginTop: 16 }}>
      <ErrorAlert error={q.error} quiet />
      <Table<TransferRow> size="small" rowKey="id" loading={q.isFetching} pagination={false} dataSource={q.data?.data ?? []} locale={{ emptyText: '尚无移交记录' }} columns={[
        ...(subjectId ? [] : [{ title: '姓名', dataIndex: 'subjectName', width: 90 }]),
        { title: '类型', dataIndex: 'scope', width: 150, render: (v: TransferRow['scope']) => TRANSFER_SCOPE_LABELS[v] },
        { title: '移出（原责任人）', key: 'from', render: (_: unknown, r) => `${r.fromDepartmentName}（${staff(r.fromStaff)}）` },
        { title: '移入（接收责任人）', key: 'to', render: (_: unknown, r) => (r.receivingOrgan ?? `${r.toDepartmentName ?? ''}（${staff(r.toStaff)}）`) },
        { title: '移交', key: 'started', width: 150, render: (_: unknown, r) => `${r.startedOn} ${r.startedByName ?? ''}` },
        { title: '完成', key: 'done', width: 150, render: (_: unknown, r) => (r.completedOn ? `${r.completedOn} ${r.completedByName ?? ''}` : '—') },
        { title: '状态', dataIndex: 'status', width: 100, render: (v: TransferRow['status'], r) => <StatusTag tone={v === 'pending' ? 'orange' : v === 'withdrawn' ? 'grey' : 'green'}>{TRANSFER_STATUS_LABELS[v]}{r.deadlinesMoved ? `（期限${v === 'transferredOut' ? '撤销' : '移交'} ${r.deadlinesMoved} 项）` : ''}</StatusTag> },
      ]} />
    </Card>
  );
}
const RISK_TONE: Record<string, Tone> = { low: 'green', medium: 'orange', high: 'red' };

function CreateModal({ onClose }: { onClose: () => void }) {
  const me = useCurrentUser();
  const can = useCan();
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  // the bureau's oversight staff (not in a 司法所) receive a subject on behalf of the 司法所 of the place of execution
  const onBehalf = can('corrections.subject.oversee');
  const offices = useQuery({ queryKey: ['corrections', 'offices'], queryFn: () => get<{ data: { id: string; name: string }[] }>('/corrections/offices'), enabled: onBehalf });
  const picked = Form.useWatch('departmentId', form) as string | undefined;
  const departmentId = onBehalf ? picked : me.departmentId;
  const staff = useQuery({ queryKey: ['corrections', 'staff', departmentId], queryFn: () => get<{ data: { id: string; name: string }[] }>('/corrections/staff-options', { departmentId: departmentId! }), enabled: !!departmentId });
  const sentenceType = Form.useWatch('sentenceType', form) as string | undefined;
  const save = useMutation({
    // errors are shown here (at the field, or as one message): not again by the global handler
    meta: { silent: true },
    mutationFn: (v: Record<string, any>) => post<CorrectionSubjectDetailT>('/corrections/subjects', { ...v, mobile: v.mobile || undefined, decisionReceivedOn: v.decisionReceivedOn || undefined }),
    onSuccess: (d) => {
      notifySuccess(`已接收，报到期限 ${d.reportDue}`);
      void qc.invalidateQueries({ queryKey: ['corrections'] });
      onClose();
      navigate(`/corrections/${d.id}`);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  const today = todayBeijing();
  return (
    <Modal open title="接收社区矫正对象" onCancel={onClose} onOk={() => form.submit()} okText="接收" confirmLoading={save.isPending} width={720} destroyOnHidden>
      <Form form={form} layout="vertical" name="correctionCreate" initialValues={{ sentenceType: 'probation', riskLevel: 'medium', staffIds: onBehalf ? [] : [me.id] }} onFinish={(v) => save.mutate(v)} onValuesChange={(ch: Record<string, unknown>) => { if ('departmentId' in ch) form.setFieldValue('staffIds', []); }}>
        {onBehalf && <Form.Item label="执行地司法所" name="departmentId" rules={req('请选择执行地司法所')} extra="档案由该司法所管理，责任人从该所工作人员中指定。"><Select aria-label="执行地司法所" showSearch optionFilterProp="label" loading={offices.isLoading} options={(offices.data?.data ?? []).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>}
        <Row gutter={12}>
          <Col span={8}><Form.Item label="姓名" name="name" rules={req('请输入姓名')}><Input maxLength={40} /></Form.Item></Col>
          <Col span={10}><Form.Item label="身份证号" name="idNumber" rules={idNumberRules(true)}><Input maxLength={18} /></Form.Item></Col>
          <Col span={6}><Form.Item label="手机号" name="mobile" rules={mobileRules}><Input maxLength={11} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item label="矫正类别" name="sentenceType"><Select aria-label="矫正类别" options={optionsOf(SENTENCE_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={8}><Form.Item label="罪名" name="crime" rules={req('请输入罪名')}><Input maxLength={100} /></Form.Item></Col>
          <Col span={8}><Form.Item label="风险等级" name="riskLevel"><Select aria-label="风险等级" options={optionsOf(CORRECTION_RISK_LABELS)} /></Form.Item></Col>
        </Row>
        <Form.Item label="决定机关" name="decidingOrgan" rules={req('请输入决定机关')}><Input maxLength={100} /></Form.Item>
        <Row gutter={12}>
          <Col span={8}><Form.Item label="判决、裁定、决定生效日期" name="judgmentEffectiveOn" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item></Col>
          <Col span={8}><Form.Item label="矫正期起" name="termStart" rules={req('请选择日期')}><Input type="date" /></Form.Item></Col>
          <Col span={8}><Form.Item label="矫正期止" name="termEnd" rules={req('请选择日期')}><Input type="date" /></Form.Item></Col>
        </Row>
        {sentenceType === 'outsideExecution' && <Form.Item label="收到暂予监外执行决定书或批准之日（第二十一条）" name="decisionReceivedOn" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>}
        <Form.Item label="责任人（仅责任人可查阅档案）" name="staffIds" rules={req('请指定责任人')}><Select aria-label="责任人" mode="multiple" disabled={!departmentId} placeholder={departmentId ? undefined : '请先选择执行地司法所'} options={(staff.data?.data ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function CorrectionsListPage() {
  const can = useCan();
  // drill-down from the dashboard: ?status= and ?overdue=1 start as the filter (shown in the form, changeable)
  const [sp] = useSearchParams();
  const [filter, setFilter] = useState<Record<string, string>>(() => {
    const status = sp.get('status');
    return { ...(status && status in CORRECTION_STATUS_LABELS ? { status } : {}), ...(sp.get('overdue') === '1' ? { overdue: '1' } : {}) };
  });
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [accepting, setAccepting] = useState<Summary | null>(null);
  const offices = useScopeOffices();
  const params = { ...filter, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['corrections', 'list', params], queryFn: () => get<{ data: Summary[]; total: number }>('/corrections/subjects', params), placeholderData: keepPreviousData });
  const columns: TableColumnsType<Summary> = [
    { title: '姓名', dataIndex: 'name', width: 90, render: (v: string, r) => (r.mine || can('corrections.subject.oversee') ? <Link to={`/corrections/${r.id}`}>{v}</Link> : v) },
    { title: '档案号', dataIndex: 'archiveNo', width: 150, render: (v: string | null) => v ?? '—' },
    { title: '类别', dataIndex: 'sentenceType', width: 110, render: (v: string) => SENTENCE_TYPE_LABELS[v as keyof typeof SENTENCE_TYPE_LABELS] },
    { title: '决定机关', dataIndex: 'decidingOrgan', width: 135, ellipsis: { showTitle: true } },
    { title: '矫正期', key: 'term', width: 195, render: (_: unknown, r) => `${r.termStart} 至 ${r.termEnd}` },
    { title: '风险', dataIndex: 'riskLevel', width: 70, render: (v: string) => <StatusTag tone={RISK_TONE[v]!}>{v === 'high' ? '高' : v === 'medium' ? '中' : '低'}</StatusTag> },
    { title: '报到期限（第二十一条）', dataIndex: 'reportDue', width: 170, render: (v: string, r) => (r.reportedOn ? `${r.reportedOn} 已报到` : r.reportOverdue ? <StatusTag tone="red">{v} 逾期未报到</StatusTag> : v) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 130,
      render: (v: string, r) => (
        <Space size={4} wrap>
          <StatusTag tone={STATUS_TONE[v]!}>{CORRECTION_STATUS_LABELS[v as keyof typeof CORRECTION_STATUS_LABELS]}</StatusTag>
          {r.transfer && <StatusTag tone="orange">{r.transfer.incoming ? `移交中（自${r.departmentName}）` : `移交中（至${r.transfer.toDepartmentName}）`}</StatusTag>}
          {r.transfer?.incoming && can('corrections.subject.manage') && <Button size="small" type="primary" onClick={() => setAccepting(r)}>接收移交</Button>}
        </Space>
      ),
    },
    { title: '责任人', dataIndex: 'staffNames', width: 110, render: (v: string[]) => v.join('、') },
    { title: '司法所', dataIndex: 'departmentName', width: 120 },
  ];
  return (
    <>
      <PageHeader title="社区矫正对象" description="管制、缓刑、假释、暂予监外执行社区矫正对象台账。档案仅限指定的责任人查阅，每次查阅均记入审计日志。" extra={can('corrections.subject.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>接收矫正对象</Button>} />
      <Card>
        <Form layout="inline" className="filter-bar" name="correctionFilter" initialValues={{ ...filter, overdue: filter.overdue === '1' }} onFinish={(v: Record<string, string | boolean | undefined>) => { setFilter(Object.fromEntries(Object.entries({ ...v, overdue: v.overdue ? '1' : undefined }).filter(([, x]) => x)) as Record<string, string>); setPage(1); }}>
          <Form.Item label="姓名或档案号" name="q"><Input allowClear placeholder="姓名，或档案号 西司矫〔年度〕N号" maxLength={40} style={{ width: 230 }} /></Form.Item>
          {offices.length > 1 && <Form.Item label="司法所" name="departmentId"><Select aria-label="司法所筛选" allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 160 }} options={offices} /></Form.Item>}
          <Form.Item label="状态" name="status"><Select aria-label="状态" allowClear style={{ width: 120 }} options={optionsOf(CORRECTION_STATUS_LABELS)} /></Form.Item>
          <Form.Item label="类别" name="sentenceType"><Select aria-label="类别" allowClear style={{ width: 140 }} options={optionsOf(SENTENCE_TYPE_LABELS)} /></Form.Item>
          <Form.Item label="风险" name="riskLevel"><Select aria-label="风险筛选" allowClear style={{ width: 130 }} options={optionsOf(CORRECTION_RISK_LABELS)} /></Form.Item>
          <Form.Item label="仅逾期未报到" name="overdue" valuePropName="checked"><Switch aria-label="仅逾期未报到" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
        </Form>
        <ErrorAlert error={list.error} quiet />
        <Table<Summary> rowKey="id" size="middle" scroll={{ x: 1320 }} loading={list.isFetching} columns={columns} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 人`, onChange: setPage }} />
      </Card>
      <TransferHistory />
      {creating && <CreateModal onClose={() => setCreating(false)} />}
      {accepting && <AcceptModal subject={accepting} onClose={() => setAccepting(null)} />}
    </>
  );
}

function recordText(kind: string, d: Record<string, any>): string {
  const parts = [d.note as string | undefined];
  if (kind === 'sanction' && d.sanction) parts.unshift(SANCTION_LABELS[d.sanction as keyof typeof SANCTION_LABELS]);
  if (kind === 'proposal' && d.proposal) parts.unshift(`${PROPOSAL_LABELS[d.proposal as keyof typeof PROPOSAL_LABELS]}，${d.court}`);
  if (kind === 'leave') parts.unshift(`${d.from} 至 ${d.to}（${d.days} 日），前往 ${d.destination}`);
  if (kind === 'transfer') parts.unshift([d.scope ? TRANSFER_SCOPE_LABELS[d.scope as keyof typeof TRANSFER_SCOPE_LABELS] : null, d.destination, d.receivingOrgan ? `接收机关：${d.receivingOrgan}` : null, d.executedOn ? `${d.executedOn} 已办理移交` : null].filter(Boolean).join('，'));
  if (kind === 'monitoring') parts.unshift(`至 ${d.until}`);
  if (kind === 'arrestRequest') parts.unshift(`${beijingTimeText(Date.parse(d.at as string))}（北京时间）提请${d.court}决定是否逮捕`);
  if (d.hours) parts.push(`${d.hours} 小时`);
  if (d.late) parts.push('逾期报到');
  if (d.decisionNote) parts.push(`审批：${d.decisionNote}`);
  return parts.filter(Boolean).join('；');
}

/** The record form's values as the API takes them: an arrest request carries its instant in Beijing time (+08:00). */
function recordBody(v: Record<string, any>): Record<string, any> {
  if (v.kind !== 'arrestRequest') return v;
  return { kind: v.kind, at: `${String(v.at)}:00+08:00`, court: v.court, note: v.note };
}

export function CorrectionDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const key = ['corrections', 'subject', id] as const;
  const q = useQuery({ queryKey: key, queryFn: () => get<CorrectionSubjectDetailT>(`/corrections/subjects/${id}`), retry: false });
  const [open, setOpen] = useState<string | null>(null);
  const [executing, setExecuting] = useState<string | null>(null);
  const offices = useQuery({ queryKey: ['corrections', 'offices'], queryFn: () => get<{ data: { id: string; name: string }[] }>('/corrections/offices'), enabled: open === 'record' });
  const qc = useQueryClient();
  const decide = useMutation({
    mutationFn: (v: { recordId: string; approved: boolean }) => post<CorrectionSubjectDetailT>(`/corrections/subjects/${id}/records/${v.recordId}/decision`, { approved: v.approved, on: todayBeijing(), note: v.approved ? '批准' : '不予批准' }),
    onSuccess: (d) => qc.setQueryData(key, d),
    onError: notifyError,
  });
  if (q.isLoading) return <PageSpin />;
  if (!q.data) return <><PageHeader title="社区矫正档案" /><ErrorAlert error={q.error} /></>;
  const s = q.data;
  const write = can('corrections.subject.manage') && s.mine && (s.status === 'awaitingReport' || s.status === 'inCorrection');
  const today = todayBeijing();
  const act = (path: string, withVersion = true) => (v: Record<string, any>) => post<CorrectionSubjectDetailT>(`/corrections/subjects/${id}/${path}`, withVersion ? { ...v, version: s.version } : v);
  const close = () => setOpen(null);
  return (
    <>
      <PageHeader title={`社区矫正档案：${s.name}`} description={<Space wrap>{s.archiveNo && <span>档案号 {s.archiveNo}</span>}<StatusTag tone={STATUS_TONE[s.status]!}>{CORRECTION_STATUS_LABELS[s.status]}</StatusTag><span>{SENTENCE_TYPE_LABELS[s.sentenceType]}</span><span>{CORRECTION_RISK_LABELS[s.riskLevel]}</span><span>责任人：{s.staff.map((x) => x.name).join('、')}</span></Space>} />
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="本档案仅限责任人及区局监督人员查阅，本次查阅已记入审计日志。" />
      <div role="toolbar" aria-label="办理操作" style={{ marginBottom: 16, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {write && s.status === 'awaitingReport' && <Button type="primary" onClick={() => setOpen('report')}>登记报到</Button>}
        {write && <Button onClick={() => setOpen('record')}>登记记录</Button>}
        {write && <Button onClick={() => setOpen('documents')}>登记收到通知和法律文书</Button>}
        {write && !s.transfer && <Button danger onClick={() => setOpen('end')}>解除或终止矫正</Button>}
        {write && s.transfer && <Button onClick={() => setOpen('withdraw')}>撤回执行地变更移交</Button>}
      </div>
      {s.transfer && <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={`执行地变更移交中：待${s.transfer.toDepartmentName}接收（${TRANSFER_LAW}）。接收前仍由本所责任人监督管理。`} />}
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title="基本情况" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="身份证号">{s.idNumber}</Descriptions.Item>
              <Descriptions.Item label="罪名">{s.crime}</Descriptions.Item>
              <Descriptions.Item label="决定机关">{s.decidingOrgan}</Descriptions.Item>
              <Descriptions.Item label="判决、裁定生效">{s.judgmentEffectiveOn}</Descriptions.Item>
              <Descriptions.Item label="矫正期">{s.termStart} 至 {s.termEnd}</Descriptions.Item>
              <Descriptions.Item label="报到">{s.reportedOn ?? (s.reportOverdue ? <StatusTag tone="red">逾期未报到（期限 {s.reportDue}）</StatusTag> : `期限 ${s.reportDue}`)}</Descriptions.Item>
              {s.monitoringUntil && <Descriptions.Item label="电子定位至">{s.monitoringUntil}</Descriptions.Item>}
              {s.endReason && <Descriptions.Item label="解除或终止">{s.releasedOn}，{END_REASON_LABELS[s.endReason]}</Descriptions.Item>}
              {s.receivingOrgan && <Descriptions.Item label="执行地变更">{s.releasedOn} 移交{s.receivingOrgan}（{TRANSFER_LAW}）</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="法定期限（《中华人民共和国社区矫正法》）">
            <Table size="small" rowKey={(r) => `${r.ref}-${r.startDate}-${r.title}`} pagination={false} dataSource={s.clocks} columns={[
              { title: '事项', dataIndex: 'title', render: (v: string, r) => <>{v}{r.unverified && <StatusTag tone="orange">待核实</StatusTag>}<div style={{ color: '#595959', fontSize: 12 }}>{r.citation}</div></> },
              { title: '届满', dataIndex: 'due', width: 130, render: (v: string | null, r) => (r.dueAt ? <span title="按小时计算的期限，届满时刻为北京时间">{beijingTimeText(Date.parse(r.dueAt))}</span> : (v ?? '—')) },
              { title: '状态', dataIndex: 'status', width: 90, render: (v: string, r) => (r.overdue ? <StatusTag tone="red">已逾期</StatusTag> : v === 'met' ? <StatusTag tone="green">已办结</StatusTag> : v === 'cancelled' ? <StatusTag tone="grey">已撤销</StatusTag> : <StatusTag tone="blue">进行中</StatusTag>) },
            ]} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="监督管理、教育帮扶记录">
            <Table size="small" rowKey="id" pagination={{ pageSize: 15 }} dataSource={s.records} locale={{ emptyText: '尚无记录' }} columns={[
              { title: '日期', dataIndex: 'onDate', width: 110 },
              { title: '类别', dataIndex: 'kind', width: 130, render: (v: string) => RECORD_KIND_LABELS[v as keyof typeof RECORD_KIND_LABELS] },
              { title: '内容', key: 'detail', render: (_: unknown, r) => recordText(r.kind, r.detail as Record<string, any>) },
              { title: '审批', dataIndex: 'status', width: 150, render: (v: string | null, r) => (r.kind === 'transfer' && v === 'approved' && write && !s.transfer && (r.detail as Record<string, unknown>).scope && !(r.detail as Record<string, unknown>).transferId ? <Space>已批准<Button size="small" type="primary" onClick={() => setExecuting(r.id)}>办理移交</Button></Space> : v === 'pending' && write ? <Space><Button size="small" onClick={() => decide.mutate({ recordId: r.id, approved: true })}>{r.kind === 'arrestRequest' ? '决定逮捕' : '批准'}</Button><Button size="small" onClick={() => decide.mutate({ recordId: r.id, approved: false })}>{r.kind === 'arrestRequest' ? '不予逮捕' : '不批准'}</Button></Space> : (r.kind === 'arrestRequest' ? ({ pending: '待法院决定', granted: '法院决定逮捕', refused: '法院决定不予逮捕' } as Record<string, string>) : ({ pending: '待审批', approved: '已批准', denied: '不予批准', granted: '法院已裁定准许', refused: '法院未准许' } as Record<string, string>))[v ?? ''] ?? '') },
              { title: '登记人', dataIndex: 'createdByName', width: 90 },
            ]} />
          </Card>
        </Col>
      </Row>
      <TransferHistory subjectId={s.id} />
      {open === 'report' && (
        <ActionModal title="登记报到" onClose={close} queryKey={key} submit={act('report')} initial={{ reportedOn: today }}>
          <Form.Item label="报到日期" name="reportedOn" rules={req('请选择日期')} extra={`报到期限：${s.reportDue}（《中华人民共和国社区矫正法》第二十一条）`}><Input type="date" max={today} /></Form.Item>
        </ActionModal>
      )}
      {open === 'documents' && (
        <ActionModal title="登记收到通知和法律文书" onClose={close} queryKey={key} submit={act('documents')} initial={{ noticeReceivedOn: s.noticeReceivedOn ?? today, documentsReceivedOn: s.documentsReceivedOn ?? today }}>
          <Form.Item label="收到决定机关通知日期（第二十条，五日内）" name="noticeReceivedOn"><Input type="date" max={today} /></Form.Item>
          <Form.Item label="收到法律文书日期（第二十条，十日内）" name="documentsReceivedOn"><Input type="date" max={today} /></Form.Item>
        </ActionModal>
      )}
      {open === 'record' && (
        <ActionModal title="登记记录" onClose={close} queryKey={key} submit={(v) => act('records', false)(recordBody(v))} initial={{ kind: 'interview', on: today }} width={620}>
          <Form.Item label="类别" name="kind"><Select aria-label="记录类别" listHeight={420} options={optionsOf(RECORD_KIND_LABELS)} /></Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) => {
              const k = getFieldValue('kind') as string;
              return (
                <>
                  {k !== 'arrestRequest' && <Form.Item label="日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>}
                  {k === 'arrestRequest' && (
                    <>
                      <Alert type="info" showIcon style={{ marginBottom: 8 }} message="提请逮捕须与撤销缓刑、假释建议同时提出；人民法院应当在四十八小时内作出是否逮捕的决定（《中华人民共和国社区矫正法》第四十七条）。期限按小时计算，提请时刻所在的小时不计入（《中华人民共和国民事诉讼法》第八十五条）。" />
                      <Form.Item label="提请时刻（北京时间）" name="at" rules={req('请填写提请时刻')}><Input type="datetime-local" max={`${today}T23:59`} aria-label="提请时刻" /></Form.Item>
                      <Form.Item label="人民法院" name="court" rules={req('请填写')}><Input maxLength={100} /></Form.Item>
                    </>
                  )}
                  {k === 'sanction' && <Form.Item label="处罚种类（第二十八条）" name="sanction" rules={req('请选择')}><Select aria-label="处罚种类" options={optionsOf(SANCTION_LABELS)} /></Form.Item>}
                  {k === 'proposal' && <><Form.Item label="建议种类" name="proposal" rules={req('请选择')}><Select aria-label="建议种类" options={optionsOf(PROPOSAL_LABELS)} /></Form.Item><Form.Item label="人民法院或决定机关" name="court" rules={req('请填写')}><Input maxLength={100} /></Form.Item></>}
                  {k === 'leave' && <><Alert type="warning" showIcon style={{ marginBottom: 8 }} message="请假审批权限和期限依《社区矫正法实施办法》（2020），具体条款待核实。" /><Row gutter={8}><Col span={12}><Form.Item label="外出起" name="from" rules={req('请选择')}><Input type="date" /></Form.Item></Col><Col span={12}><Form.Item label="外出止" name="to" rules={req('请选择')}><Input type="date" /></Form.Item></Col></Row></>}
                  {k === 'transfer' && (
                    <>
                      <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={`因迁居等原因需要变更执行地的，由社区矫正机构作出变更决定（${TRANSFER_LAW}）。${TRANSFER_UNVERIFIED}`} />
                      <Form.Item label="变更类型" name="scope" rules={req('请选择')}><Select aria-label="变更类型" options={optionsOf(TRANSFER_SCOPE_LABELS)} /></Form.Item>
                      <Form.Item noStyle shouldUpdate={(a, b) => a.scope !== b.scope}>
                        {({ getFieldValue: f }) =>
                          f('scope') === 'inDistrict' ? (
                            <Form.Item label="接收司法所" name="targetDepartmentId" rules={req('请选择接收司法所')}><Select aria-label="接收司法所" showSearch optionFilterProp="label" options={(offices.data?.data ?? []).filter((o) => o.id !== s.departmentId).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>
                          ) : f('scope') === 'outOfDistrict' ? (
                            <Form.Item label="接收的社区矫正机构" name="receivingOrgan" rules={req('请填写接收的社区矫正机构')}><Input maxLength={100} /></Form.Item>
                          ) : null
                        }
                      </Form.Item>
                    </>
                  )}
                  {(k === 'leave' || k === 'transfer') && <Form.Item label="目的地" name="destination" rules={req('请填写')}><Input maxLength={100} /></Form.Item>}
                </>
              );
            }}
          </Form.Item>
          <Form.Item label="内容" name="note" rules={req('请填写记录内容')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </ActionModal>
      )}
      {executing && (
        <ActionModal title="办理执行地变更移交" onClose={() => setExecuting(null)} queryKey={key} submit={(v) => act('transfer')({ ...v, recordId: executing })} initial={{ on: today }} okText="移交">
          <Alert type="info" showIcon style={{ marginBottom: 8 }} message={`作出变更决定后，应当通知社区矫正决定机关和变更后的社区矫正机构，并将有关法律文书抄送变更后的社区矫正机构（${TRANSFER_LAW}）。区内变更：接收司法所接收后档案、责任人和未届满的法定期限随之移交；变更至区外：本区矫正即告结束，未届满的法定期限撤销并记明原因。`} />
          <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={TRANSFER_UNVERIFIED} />
          <Form.Item label="移交日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
        </ActionModal>
      )}
      {open === 'withdraw' && (
        <ActionModal title="撤回执行地变更移交" onClose={close} queryKey={key} submit={act('transfer/withdraw')} okText="撤回">
          <Form.Item label="撤回原因" name="note" rules={req('请填写撤回原因')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
      {open === 'end' && (
        <ActionModal title="解除或终止矫正" onClose={close} queryKey={key} submit={act('end')} initial={{ on: today, reason: 'termEnd' }}>
          <Form.Item label="日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="原因" name="reason"><Select aria-label="解除或终止原因" options={optionsOf(END_REASON_LABELS)} /></Form.Item>
          <Form.Item label="说明" name="note"><Input maxLength={500} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}

type Released = z.infer<typeof ReleasedPerson>;

/** 安置帮教: people released from prison (and parolees handed over at the end of their term), with help records. */
export function ReleasedPage() {
  const can = useCan();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<{ kind: 'create' } | { kind: 'help'; id: string; name: string } | null>(null);
  const key = ['corrections', 'released', page] as const;
  const list = useQuery({ queryKey: key, queryFn: () => get<{ data: Released[]; total: number }>('/corrections/released', { page, pageSize: 20 }), placeholderData: keepPreviousData });
  const qc = useQueryClient();
  const today = todayBeijing();
  const manage = can('corrections.subject.manage');
  const columns: TableColumnsType<Released> = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '释放日期', dataIndex: 'releasedOn', width: 110 },
    { title: '来源', dataIndex: 'source', width: 190, render: (v: string) => RELEASE_SOURCE_LABELS[v as keyof typeof RELEASE_SOURCE_LABELS] },
    { title: '风险', dataIndex: 'riskLevel', width: 80, render: (v: string) => <StatusTag tone={RISK_TONE[v]!}>{v === 'high' ? '高' : v === 'medium' ? '中' : '低'}</StatusTag> },
    { title: '帮教记录', dataIndex: 'helps', render: (v: Released['helps']) => (v.length ? v.slice(0, 3).map((h) => `${h.onDate} ${HELP_KIND_LABELS[h.kind]}：${h.note}`).join('；') : '—') },
    { title: '司法所', dataIndex: 'departmentName', width: 130 },
    ...(manage ? [{ title: '操作', key: 'op', width: 110, render: (_: unknown, r: Released) => <Button size="small" onClick={() => setOpen({ kind: 'help', id: r.id, name: r.name })}>登记帮教</Button> }] : []),
  ];
  return (
    <>
      <PageHeader title="安置帮教" description="刑满释放人员（含假释期满由社区矫正移交的人员）台账和帮教记录：走访见面、就业帮扶、技能培训、救助帮扶、教育帮教。" extra={manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'create' })}>登记刑满释放人员</Button>} />
      <Card>
        <ErrorAlert error={list.error} quiet />
        <Table<Released> rowKey="id" size="middle" loading={list.isFetching} columns={columns} locale={{ emptyText: '尚无安置帮教对象：登记刑满释放人员后列入本台账，并在此登记帮教记录。' }} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 人`, onChange: setPage }} />
      </Card>
      {open?.kind === 'create' && (
        <ActionModal title="登记刑满释放人员" onClose={() => setOpen(null)} queryKey={['corrections', 'releasedCreated']} submit={(v) => post<Released>('/corrections/released', { ...v, mobile: v.mobile || undefined })} done={() => void qc.invalidateQueries({ queryKey: ['corrections'] })} initial={{ releasedOn: today, riskLevel: 'medium' }}>
          <Form.Item label="姓名" name="name" rules={req('请输入姓名')}><Input maxLength={40} /></Form.Item>
          <Form.Item label="身份证号" name="idNumber" rules={idNumberRules(true)}><Input maxLength={18} /></Form.Item>
          <Form.Item label="手机号" name="mobile" rules={mobileRules}><Input maxLength={11} /></Form.Item>
          <Form.Item label="释放日期" name="releasedOn" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="风险等级" name="riskLevel"><Select aria-label="风险等级" options={optionsOf(CORRECTION_RISK_LABELS)} /></Form.Item>
        </ActionModal>
      )}
      {open?.kind === 'help' && (
        <ActionModal title={`登记帮教记录：${open.name}`} onClose={() => setOpen(null)} queryKey={['corrections', 'helpSaved']} submit={(v) => post<Released>(`/corrections/released/${open.id}/help`, v)} done={() => void qc.invalidateQueries({ queryKey: ['corrections'] })} initial={{ kind: 'visit', on: today }}>
          <Form.Item label="帮教类别" name="kind"><Select aria-label="帮教类别" options={optionsOf(HELP_KIND_LABELS)} /></Form.Item>
          <Form.Item label="日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="帮教内容" name="note" rules={req('请填写帮教内容')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}

/** 特殊时期: for a major event, the people and disputes needing attention, with their staff and contact status. */
export function AttentionPage() {
  const today = todayBeijing();
  const [range, setRange] = useState({ from: today, to: today });
  const q = useQuery({ queryKey: ['corrections', 'attention', range], queryFn: () => get<z.infer<typeof AttentionList>>('/corrections/attention', range) });
  const d = q.data;
  const missing = d?.people.filter((p) => !p.contactedInPeriod).length ?? 0;
  return (
    <>
      <PageHeader title="特殊时期重点名单" description="重大活动等特殊时期：在矫社区矫正对象、中高风险刑满释放人员和有风险的未办结矛盾纠纷，列明责任人和期间内见面、报告情况。" />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="attentionRange" initialValues={range} onFinish={(v: { from: string; to: string }) => setRange(v)}>
          <Form.Item label="特殊时期自" name="from" rules={req('请选择日期')}><Input type="date" /></Form.Item>
          <Form.Item label="至" name="to" rules={req('请选择日期')}><Input type="date" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>生成名单</Button></Form.Item>
        </Form>
        <ErrorAlert error={q.error} quiet />
        {d && <Alert style={{ marginTop: 12 }} type={missing ? 'warning' : 'success'} showIcon message={`重点人员 ${d.people.length} 人，期间内尚未见面或报告 ${missing} 人；重点纠纷 ${d.disputes.length} 件。`} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xxl={13} style={{ marginBottom: 16 }}>
          <Card title="重点人员">
            <Table size="small" rowKey="id" loading={q.isFetching} pagination={{ pageSize: 20 }} dataSource={d?.people ?? []} columns={[
              { title: '姓名', dataIndex: 'name', render: (v: string, r) => (r.kind === 'correctionSubject' ? <Link to={`/corrections/${r.id}`}>{v}</Link> : v) },
              { title: '类别', dataIndex: 'kind', render: (v: string) => (v === 'correctionSubject' ? '社区矫正对象' : '刑满释放人员') },
              { title: '风险', dataIndex: 'riskLevel', render: (v: string) => <StatusTag tone={RISK_TONE[v]!}>{v === 'high' ? '高' : v === 'medium' ? '中' : '低'}</StatusTag> },
              { title: '责任人', dataIndex: 'staffNames', render: (v: string[]) => v.join('、') },
              { title: '最近见面、报告', dataIndex: 'lastContactOn', render: (v: string | null, r) => (r.contactedInPeriod ? <StatusTag tone="green">{v}</StatusTag> : <StatusTag tone="red">{v ? `${v}（期间内未见面）` : '期间内未见面'}</StatusTag>) },
              { title: '司法所', dataIndex: 'departmentName' },
            ]} />
          </Card>
        </Col>
        <Col xs={24} xxl={11}>
          <Card title="重点矛盾纠纷">
            <Table size="small" rowKey="id" loading={q.isFetching} pagination={{ pageSize: 20 }} dataSource={d?.disputes ?? []} columns={[
              { title: '编码', dataIndex: 'code', width: 140, render: (v: string, r) => <Link to={`/disputes/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{v}</Link> },
              { title: '情况', dataIndex: 'summary', ellipsis: true },
              { title: '风险', dataIndex: 'riskGrade', render: (v: string, r) => <>{v === 'high' ? '重大' : v === 'medium' ? '较大' : '一般'}{r.warning && <StatusTag tone="red">预警</StatusTag>}</> },
              { title: '当前承办', dataIndex: 'holderName', width: 200, ellipsis: true },
              { title: '承办人', dataIndex: 'handlerName', render: (v: string | null) => v ?? '—' },
            ]} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

type Stats = z.infer<typeof CorrectionStats>;
const TOTAL_KEYS = ['inCorrection', 'awaitingReport', 'overdueReport', 'reported', 'released', 'ended', 'releasedPersons', 'helps'] as const;

/** 社区矫正统计: per 司法所 (the caller's scope), by sentence type and by record kind, with an Excel export. */
/** The bureau's setting for the report at the new place after a 执行地变更: the 2020 实施办法's period is 待核实. */
function TransferSettings() {
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['corrections', 'settings'], queryFn: () => get<z.infer<typeof CorrectionSettings>>('/corrections/settings') });
  const save = useMutation({
    mutationFn: (v: { transferReportDays: number }) => put<z.infer<typeof CorrectionSettings>>('/corrections/settings', { transferReportDays: Number(v.transferReportDays) }),
    onSuccess: (d) => { qc.setQueryData(['corrections', 'settings'], d); notifySuccess('期限设置已保存'); },
    onError: notifyError,
  });
  if (!q.data) return null;
  return (
    <Card title={<>期限设置 <StatusTag tone="orange">待核实</StatusTag></>} style={{ marginBottom: 16 }}>
      <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={`${q.data.citation}：${q.data.note}`} />
      <Form layout="inline" name="correctionSettings" initialValues={{ transferReportDays: q.data.transferReportDays }} onFinish={(v: { transferReportDays: number }) => save.mutate(v)}>
        <Form.Item label="执行地变更后到新执行地报到期限（日）" name="transferReportDays" rules={req('请填写')}><Input type="number" min={q.data.min} max={q.data.max} style={{ width: 100 }} disabled={!can('corrections.subject.oversee')} /></Form.Item>
        {can('corrections.subject.oversee') && <Form.Item><Button htmlType="submit" loading={save.isPending}>保存</Button></Form.Item>}
      </Form>
    </Card>
  );
}

export function CorrectionStatsPage() {
  const today = todayBeijing();
  const [range, setRange] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const q = useQuery({ queryKey: ['corrections', 'stats', range], queryFn: () => get<Stats>('/corrections/stats', range) });
  const s = q.data;
  const n = (v: number) => v;
  const officeColumns: TableColumnsType<Stats['byOffice'][number]> = [
    { title: '司法所', dataIndex: 'name' },
    { title: '在矫', dataIndex: 'inCorrection', render: n },
    { title: '待报到', dataIndex: 'awaitingReport', render: n },
    { title: '逾期未报到', dataIndex: 'overdueReport', render: (v: number) => (v ? <StatusTag tone="red">{v}</StatusTag> : 0) },
    { title: '期间入矫报到', dataIndex: 'reported', render: n },
    { title: '期间期满解矫', dataIndex: 'released', render: n },
    { title: '期间矫正终止', dataIndex: 'ended', render: n },
    { title: '安置帮教人员', dataIndex: 'releasedPersons', render: n },
    { title: '期间帮教记录', dataIndex: 'helps', render: n },
  ];
  return (
    <>
      <PageHeader title="社区矫正统计" description="按司法所统计在册、报到、解矫和安置帮教情况；在册人数为当前情况，其余为统计期间内的数量（《中华人民共和国社区矫正法》）。" extra={<Button href={`${API_BASE}/corrections/stats.xlsx?from=${range.from}&to=${range.to}`}>导出 Excel</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="correctionStatsRange" initialValues={range} onFinish={(v: { from: string; to: string }) => setRange(v)}>
          <Form.Item label="自" name="from" rules={req('请选择日期')}><Input type="date" /></Form.Item>
          <Form.Item label="至" name="to" rules={req('请选择日期')}><Input type="date" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>统计</Button></Form.Item>
        </Form>
        <ErrorAlert error={q.error} quiet />
      </Card>
      <Card title="按司法所" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="departmentId"
          pagination={false}
          loading={q.isFetching}
          dataSource={s?.byOffice ?? []}
          columns={officeColumns}
          summary={(rows) =>
            rows.length > 1 ? (
              <Table.Summary.Row style={{ fontWeight: 600 }}>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                {TOTAL_KEYS.map((k, i) => <Table.Summary.Cell key={k} index={i + 1}>{rows.reduce((a, r) => a + r[k], 0)}</Table.Summary.Cell>)}
              </Table.Summary.Row>
            ) : null
          }
        />
      </Card>
      <TransferSettings />
      <Row gutter={16}>
        <Col xs={24} lg={10}><Card title="在册人员按矫正类别（第二条）"><Table size="small" rowKey="sentenceType" pagination={false} loading={q.isFetching} dataSource={s?.bySentenceType ?? []} columns={[{ title: '类别', dataIndex: 'label' }, { title: '人数', dataIndex: 'count' }]} /></Card></Col>
        <Col xs={24} lg={14}><Card title="期间记录按类别"><Table size="small" rowKey="kind" pagination={false} loading={q.isFetching} dataSource={s?.byRecordKind ?? []} columns={[{ title: '类别', dataIndex: 'label' }, { title: '记录数', dataIndex: 'count' }]} /></Card></Col>
      </Row>
    </>
  );
}
