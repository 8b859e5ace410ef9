/** 问题线索 and 督办单: lists, the actions of the supervision workflow, documents (.docx). */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Timeline } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Clue, Opinion, Order } from '../../../common/contracts/enforcement-supervision';
import { SUPERVISION_BASIS } from '../../../common/contracts/enforcement-supervision';
import { getRule } from '../../../common/deadlines';
import { API_BASE, get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant, todayBeijing } from '../../components/format';
import { CLUE_SOURCES, CLUE_STATUSES, CLUE_STATUS_COLORS, ORDER_STATUSES, ORDER_STATUS_COLORS, SEVERITIES, fieldLabel } from './labels';

/** The rectification period as the deadline rule catalogue sets it (common/deadlines, rule of supervision.service). */
const RECTIFICATION = getRule('enforcement.supervisionRectification');

type Agencies = { data: { code: string; name: string; fields: string[]; legalBasis: string; street: string | null; officers: number; version: number }[] };
const useAgencies = () => useQuery({ queryKey: ['enforcement', 'agencies'], queryFn: () => get<Agencies>('/enforcement/agencies') });

function IssueOrderModal({ clue, onClose }: { clue: Clue; onClose: () => void }) {
  const [form] = Form.useForm();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: (v: { requirement: string }) => post<Order>('/enforcement/orders', { clueId: clue.id, requirement: v.requirement, version: clue.version }),
    onSuccess: (o) => {
      notifySuccess(`已制发督办单 ${o.orderNo}，整改期限至 ${o.dueDate ?? '—'}`);
      onClose();
      navigate(`/enforcement/orders/${o.id}`);
    },
    onError: notifyError,
  });
  return (
    <Modal open title={`制发督办单：${clue.title}`} onCancel={onClose} onOk={() => form.submit()} okText="制发" confirmLoading={save.isPending} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={`整改期限默认自制发之日起 ${RECTIFICATION.length} 日（${RECTIFICATION.unit === 'WD' ? '工作日' : '自然日'}，本局设置，可批准延期）`} description={SUPERVISION_BASIS.unverified} />
      <Form form={form} layout="vertical" name="issueOrder" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="督办要求" name="requirement" rules={[{ required: true, whitespace: true, message: '请输入督办要求' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function ManualClueModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const agencies = useAgencies();
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => post<Clue>('/enforcement/clues', { source: 'manual', title: v.title, description: v.description ?? '', agencyCode: v.agencyCode, severity: v.severity }),
    onSuccess: (c) => {
      notifySuccess(`已登记问题线索 ${c.clueNo}`);
      void qc.invalidateQueries({ queryKey: ['enforcement', 'clues'] });
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal open title="登记问题线索（人工发现）" onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="manualClue" initialValues={{ severity: 'ordinary' }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="线索标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入线索标题' }]}><Input maxLength={200} /></Form.Item>
        <Form.Item label="执法主体" name="agencyCode" rules={[{ required: true, message: '请选择执法主体' }]}><Select showSearch optionFilterProp="label" options={(agencies.data?.data ?? []).map((a) => ({ value: a.code, label: a.name }))} /></Form.Item>
        <Form.Item label="情节" name="severity"><Radio.Group options={[{ value: 'ordinary', label: '一般' }, { value: 'serious', label: '严重' }]} /></Form.Item>
        <Form.Item label="说明" name="description"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 不予督办: the reason is required and kept on the clue (shown in the list). */
function DismissModal({ clue, onClose }: { clue: Clue; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { reason: string }) => post<Clue>(`/enforcement/clues/${clue.id}/dismiss`, { reason: v.reason, version: clue.version }),
    onSuccess: (c) => {
      notifySuccess(`线索 ${c.clueNo} 已不予督办`);
      void qc.invalidateQueries({ queryKey: ['enforcement'] });
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal open title={`不予督办：${clue.title}`} onCancel={onClose} onOk={() => form.submit()} okText="确定" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="dismissClue" onFinish={(v: { reason: string }) => save.mutate(v)}>
        <Form.Item label="不予督办的理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写不予督办的理由' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function CluesPage() {
  const can = useCan();
  const [params] = useSearchParams();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [issue, setIssue] = useState<Clue | null>(null);
  const [manual, setManual] = useState(false);
  const q = useQuery({ queryKey: ['enforcement', 'clues', status, page], queryFn: () => get<{ data: Clue[]; total: number }>('/enforcement/clues', { status, page, pageSize: 20 }), placeholderData: keepPreviousData });
  const [dismissing, setDismissing] = useState<Clue | null>(null);
  const highlight = params.get('highlight');
  return (
    <>
      <PageHeader title="问题线索" description="由检测预警、人工发现或 12345 投诉登记的问题线索；可制发督办单或说明理由不予督办。" extra={can('enforcement.supervision.manage') && <Button onClick={() => setManual(true)}>登记线索</Button>} />
      <Space style={{ marginBottom: 12 }}>
        <span>状态</span>
        <Select aria-label="线索状态" allowClear style={{ width: 160 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }} options={Object.entries(CLUE_STATUSES).map(([value, label]) => ({ value, label }))} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<Clue>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        rowClassName={(c) => (c.id === highlight ? 'ant-table-row-selected' : '')}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        locale={{ emptyText: status ? `没有“${CLUE_STATUSES[status as keyof typeof CLUE_STATUSES]}”的问题线索` : can('enforcement.supervision.manage') ? '暂无问题线索：可在“检测预警”中勾选预警转为线索，在“执法台账 → 12345 投诉”中将投诉转为线索，或点“登记线索”人工登记' : '暂无问题线索' }}
        columns={[
          { title: '线索编号', dataIndex: 'clueNo', render: (n: string) => <span style={{ whiteSpace: 'nowrap' }}>{n}</span> },
          { title: '标题', dataIndex: 'title' },
          { title: '来源', dataIndex: 'source', width: 100, render: (s: keyof typeof CLUE_SOURCES) => CLUE_SOURCES[s] },
          { title: '执法主体', dataIndex: 'agencyName', render: (n: string | null, c) => n ?? c.agencyCode },
          { title: '检查对象', dataIndex: 'targetCreditCode', render: (t: string | null) => (t ? <Link to={`/enforcement/firms/${t}`}>{t}</Link> : '—') },
          { title: '领域', dataIndex: 'field', width: 110, render: fieldLabel },
          { title: '情节', width: 70, dataIndex: 'severity', render: (s: keyof typeof SEVERITIES) => (s === 'serious' ? <Tag color="red">严重</Tag> : SEVERITIES[s]) },
          { title: '状态', dataIndex: 'status', width: 116, render: (s: keyof typeof CLUE_STATUSES) => <Tag color={CLUE_STATUS_COLORS[s]}>{CLUE_STATUSES[s]}</Tag> },
          {
            title: '操作',
            width: 210,
            render: (_: unknown, c) =>
              c.status === 'open' && can('enforcement.supervision.manage') ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setIssue(c)}>制发督办单</Button>
                  <Button size="small" onClick={() => setDismissing(c)}>不予督办</Button>
                </Space>
              ) : c.orderId ? <Link to={`/enforcement/orders/${c.orderId}`}>查看督办单</Link> : c.dismissReason ?? '',
          },
        ]}
      />
      {issue && <IssueOrderModal clue={issue} onClose={() => setIssue(null)} />}
      {manual && <ManualClueModal onClose={() => setManual(false)} />}
      {dismissing && <DismissModal clue={dismissing} onClose={() => setDismissing(null)} />}
    </>
  );
}

export function OrdersPage() {
  const can = useCan();
  const [status, setStatus] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['enforcement', 'orders', status, page], queryFn: () => get<{ data: Order[]; total: number }>('/enforcement/orders', { status, page, pageSize: 20 }), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader title="督办单" description="督办单及其整改期限、整改报告和核查情况。执法单位联络员只能看到本单位的督办单。" extra={<Link to="/enforcement/opinions">查看执法监督意见书</Link>} />
      <Space style={{ marginBottom: 12 }}>
        <span>状态</span>
        <Select aria-label="督办单状态" allowClear style={{ width: 160 }} value={status} onChange={(v) => { setStatus(v); setPage(1); }} options={Object.entries(ORDER_STATUSES).map(([value, label]) => ({ value, label }))} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<Order>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 件` }}
        locale={{ emptyText: status ? `没有“${ORDER_STATUSES[status as keyof typeof ORDER_STATUSES]}”的督办单` : can('enforcement.supervision.manage') ? '暂无督办单：在“问题线索”中对线索制发督办单后，在此跟踪整改' : '暂无督办单' }}
        columns={[
          { title: '督办单编号', dataIndex: 'orderNo', render: (n: string, o) => <Link to={`/enforcement/orders/${o.id}`} style={{ whiteSpace: 'nowrap' }}>{n}</Link> },
          { title: '事项', dataIndex: 'title' },
          { title: '执法主体', dataIndex: 'agencyName', render: (n: string | null, o) => n ?? o.agencyCode },
          { title: '制发日期', dataIndex: 'issuedOn', render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span> },
          { title: '整改期限', dataIndex: 'dueDate', render: (d: string | null, o) => (o.overdue ? <Tag color="red">{d}（已逾期）</Tag> : d ?? '—') },
          { title: '状态', dataIndex: 'status', render: (s: keyof typeof ORDER_STATUSES) => <Tag color={ORDER_STATUS_COLORS[s]}>{ORDER_STATUSES[s]}</Tag> },
          { title: '意见书', dataIndex: 'opinionId', width: 90, render: (op: string | null) => (op ? <a href={`${API_BASE}/enforcement/opinions/${op}/document.docx`} aria-label="下载本督办单的执法监督意见书（.docx）">已制发</a> : '—') },
        ]}
      />
    </>
  );
}

type OrderDetail = Order & { actions: string[] };

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['enforcement', 'order', id], queryFn: () => get<OrderDetail>(`/enforcement/orders/${id}`) });
  const [dialog, setDialog] = useState<null | 'report' | 'verify' | 'extend' | 'opinion'>(null);
  const [form] = Form.useForm();
  const o = q.data;
  const act = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      if (!o) throw new Error('no order');
      if (dialog === 'report') return post<Order>(`/enforcement/orders/${o.id}/${can('enforcement.supervision.manage') ? 'record-report' : 'report'}`, { report: v.report, rectifiedOn: v.rectifiedOn, version: o.version });
      if (dialog === 'verify') return post<Order>(`/enforcement/orders/${o.id}/verify`, { result: v.result, note: v.note, version: o.version });
      if (dialog === 'extend') return post<Order>(`/enforcement/orders/${o.id}/extend`, { days: v.days, reason: v.reason, version: o.version });
      return post<Opinion>('/enforcement/opinions', { orderId: o.id, facts: v.facts, opinion: v.opinion });
    },
    onSuccess: () => {
      notifySuccess(dialog === 'report' ? (can('enforcement.supervision.manage') ? '已代录整改报告' : '已报送整改报告') : dialog === 'verify' ? '已登记核查结论' : dialog === 'extend' ? '已批准延期整改' : '已制发执法监督意见书');
      setDialog(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['enforcement'] });
    },
    onError: notifyError,
  });
  if (!o) return <><PageHeader title="督办单" /><ErrorAlert error={q.error} /></>;
  const manage = can('enforcement.supervision.manage');
  const submit = can('enforcement.rectification.submit');
  const has = (a: string) => o.actions.includes(a);
  const titles = { report: manage ? '代录整改报告' : '报送整改报告', verify: '核查整改情况', extend: '批准延期整改', opinion: '制发执法监督意见书' } as const;
  return (
    <>
      <PageHeader
        title={`督办单 ${o.orderNo}`}
        description={o.title}
        extra={
          <Space wrap>
            {has('report') && (manage || submit) && <Button type="primary" onClick={() => setDialog('report')}>{titles.report}</Button>}
            {has('verifyPass') && manage && <Button type="primary" onClick={() => setDialog('verify')}>核查</Button>}
            {has('extend') && manage && <Button onClick={() => setDialog('extend')}>延期</Button>}
            {has('opinion') && manage && !o.opinionId && <Button danger onClick={() => setDialog('opinion')}>制发意见书</Button>}
            <Button icon={<DownloadOutlined />} href={`${API_BASE}/enforcement/orders/${o.id}/document.docx`}>下载督办单</Button>
            {o.opinionId && <Button icon={<DownloadOutlined />} href={`${API_BASE}/enforcement/opinions/${o.opinionId}/document.docx`}>下载意见书</Button>}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={2} items={[
          { key: 's', label: '状态', children: <Tag color={ORDER_STATUS_COLORS[o.status]} data-testid="order-status">{ORDER_STATUSES[o.status]}</Tag> },
          { key: 'a', label: '执法主体', children: o.agencyName ?? o.agencyCode },
          { key: 'c', label: '问题线索', children: o.clueNo },
          { key: 'i', label: '制发日期', children: o.issuedOn },
          { key: 'd', label: '整改期限', children: <>{o.dueDate ?? '—'}{o.overdue && <Tag color="red" style={{ marginLeft: 8 }}>已逾期</Tag>}</> },
          { key: 'r', label: '整改轮次', children: o.rounds },
          { key: 'q', label: '督办要求', span: 2, children: o.requirement },
          { key: 'p', label: '整改报告', span: 2, children: o.report ? `${o.report}（整改完成日 ${o.rectifiedOn}，报送日 ${o.reportedOn}）` : '尚未报送' },
          { key: 'v', label: '核查意见', span: 2, children: o.verificationNote ?? '—' },
          { key: 'b', label: '期限依据', span: 2, children: <>{o.deadlineCitation}{o.deadlineUnverified && <Tag color="orange" style={{ marginLeft: 8 }}>条文未核实，本局设置</Tag>}</> },
        ]} />
      </Card>
      <Card title="办理记录"><Timeline items={o.events.map((e) => ({ children: `${formatInstant(e.at).slice(0, 16)} ${e.actorName ?? ''}：${e.note}` }))} /></Card>
      {dialog && (
        <Modal open title={titles[dialog]} onCancel={() => setDialog(null)} onOk={() => form.submit()} okText="确定" confirmLoading={act.isPending} destroyOnHidden>
          <Form form={form} layout="vertical" name={`order-${dialog}`} initialValues={{ rectifiedOn: todayBeijing(), result: 'pass', days: 15 }} onFinish={(v) => act.mutate(v)}>
            {dialog === 'report' && (
              <>
                <Form.Item label="整改情况" name="report" rules={[{ required: true, whitespace: true, message: '请填写整改情况' }]}><Input.TextArea rows={4} maxLength={8000} /></Form.Item>
                <Form.Item label="整改完成日期" name="rectifiedOn" rules={[{ required: true, message: '请选择整改完成日期' }]}><Input type="date" max={todayBeijing()} /></Form.Item>
              </>
            )}
            {dialog === 'verify' && (
              <>
                <Form.Item label="核查结论" name="result"><Radio.Group options={[{ value: 'pass', label: '整改到位，办结' }, { value: 'return', label: '退回重新整改' }]} /></Form.Item>
                <Form.Item label="核查意见" name="note" rules={[{ required: true, whitespace: true, message: '请填写核查意见' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
              </>
            )}
            {dialog === 'extend' && (
              <>
                <Form.Item label="延长天数（自然日）" name="days" rules={[{ required: true, message: '请输入天数' }]}><InputNumber min={1} max={180} /></Form.Item>
                <Form.Item label="延期理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}><Input maxLength={500} /></Form.Item>
              </>
            )}
            {dialog === 'opinion' && (
              <>
                <Alert type="info" showIcon style={{ marginBottom: 12 }} message="执法监督意见书用于情节严重的情形：线索标记为严重、曾被退回重新整改或逾期未整改。" />
                <Form.Item label="查明的事实" name="facts" rules={[{ required: true, whitespace: true, message: '请填写事实' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
                <Form.Item label="监督意见" name="opinion" rules={[{ required: true, whitespace: true, message: '请填写监督意见' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
              </>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
