/** 行政复议咨询接待台账: the log of front-end consultations and the front-end settlement rate it yields. */
import { DeleteOutlined, EditOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Modal, Popconfirm, Row, Select, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  CONSULTATION_CHANNEL_LABELS,
  CONSULTATION_OUTCOME_LABELS,
  type Consultation,
  type ConsultationOutcome,
  MATTER_TYPE_LABELS,
  SETTLEMENT_RATE_DEFINITION,
  type SettlementSummary,
} from '../../../common/contracts';
import { del, get, post, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag, type Tone } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { addDays, todayBeijing } from '../../components/format';
import { ReconCaseSelect } from './ReconCaseSelect';

const OUTCOME_TONE: Record<ConsultationOutcome, Tone> = { explained: 'green', resolved: 'green', filed: 'blue', pending: 'grey' };
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

interface FormValues {
  consultedOn: string;
  channel: string;
  visitorName?: string;
  visitorIdNumber?: string;
  visitorMobile?: string;
  respondentName?: string;
  matterType: string;
  summary: string;
  outcome: string;
  caseId?: string;
  note?: string;
}

function ConsultationModal({ open, editing, onClose }: { open: boolean; editing: Consultation | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const outcome = Form.useWatch('outcome', form);
  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')) as Record<string, unknown>;
      if (editing?.visitorPersonId && !v.visitorIdNumber) body.visitorPersonId = editing.visitorPersonId;
      return editing ? put<Consultation>(`/reconsideration/consultations/${editing.id}`, { ...body, version: editing.version }) : post<Consultation>('/reconsideration/consultations', body);
    },
    onSuccess: () => {
      notifySuccess(editing ? '咨询接待记录已修改' : '咨询接待已登记');
      void qc.invalidateQueries({ queryKey: ['consultations'] });
      onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  const initial: Partial<FormValues> = editing
    ? { consultedOn: editing.consultedOn, channel: editing.channel, visitorName: editing.visitorName ?? undefined, respondentName: editing.respondentName ?? undefined, matterType: editing.matterType, summary: editing.summary, outcome: editing.outcome, caseId: editing.caseId ?? undefined, note: editing.note ?? undefined }
    : { consultedOn: todayBeijing(), channel: 'onsite', matterType: 'penalty', outcome: 'explained' };
  return (
    <Modal open={open} title={editing ? '修改咨询接待记录' : '登记咨询接待'} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" name="consultation" initialValues={initial} onFinish={(v) => save.mutate(v)} preserve={false}>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="接待日期" name="consultedOn" rules={[{ required: true, message: '请选择接待日期' }]}>
              <Input type="date" max={todayBeijing()} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="接待方式" name="channel" rules={[{ required: true }]}>
              <Select options={options(CONSULTATION_CHANNEL_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="事项类型" name="matterType" rules={[{ required: true }]}>
              <Select options={options(MATTER_TYPE_LABELS)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label="来访人姓名（可不填）" name="visitorName">
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="身份证号码（可不填）" name="visitorIdNumber" extra={editing?.visitorIdNumberMasked ? `已登记：${editing.visitorIdNumberMasked}` : '存入当事人库，加密保存'}>
              <Input maxLength={18} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="手机号码（可不填）" name="visitorMobile" extra="须同时填写身份证号码">
              <Input maxLength={11} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="涉及的行政机关" name="respondentName">
          <Input maxLength={100} placeholder="如：北京市西城区市场监督管理局" />
        </Form.Item>
        <Form.Item label="咨询事项摘要" name="summary" rules={[{ required: true, whitespace: true, message: '请输入咨询事项摘要' }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="接待结果" name="outcome" rules={[{ required: true }]}>
              <Select options={options(CONSULTATION_OUTCOME_LABELS)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {outcome === 'filed' && (
              <Form.Item label="转为申请后的行政复议案件（可不填）" name="caseId">
                <ReconCaseSelect initialLabel={editing?.caseNo} />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item label="备注" name="note">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ConsultationsPage() {
  const can = useCan();
  const qc = useQueryClient();
  const today = todayBeijing();
  // drill-down from the dashboard: ?from=&to= (the statistics' period) fill the date filter shown in the form
  const [sp] = useSearchParams();
  const isDay = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
  const [filter, setFilter] = useState<{ from: string; to: string; outcome?: string }>(() => {
    const from = sp.get('from');
    const to = sp.get('to');
    return { from: isDay(from) ? from : addDays(today, -364), to: isDay(to) ? to : today };
  });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [modal, setModal] = useState<{ open: boolean; editing: Consultation | null }>({ open: false, editing: null });
  const params = { ...filter, page, pageSize };
  const list = useQuery({ queryKey: ['consultations', 'list', params], queryFn: () => get<{ data: Consultation[]; total: number }>('/reconsideration/consultations', params), placeholderData: keepPreviousData });
  const summary = useQuery({ queryKey: ['consultations', 'settlement', filter.from, filter.to], queryFn: () => get<SettlementSummary>('/reconsideration/consultations/settlement', { from: filter.from, to: filter.to }) });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/reconsideration/consultations/${id}`),
    onSuccess: () => {
      notifySuccess('已删除');
      void qc.invalidateQueries({ queryKey: ['consultations'] });
    },
    onError: notifyError,
  });
  const manage = can('reconsideration.consultation.manage');

  const columns: TableColumnsType<Consultation> = [
    { title: '接待日期', dataIndex: 'consultedOn', width: 110 },
    { title: '方式', dataIndex: 'channel', width: 70, render: (v: Consultation['channel']) => CONSULTATION_CHANNEL_LABELS[v] },
    { title: '来访人', dataIndex: 'visitorName', width: 90, render: (v: string | null) => v ?? <span className="muted">未留姓名</span> },
    { title: '事项类型', dataIndex: 'matterType', width: 120, render: (v: Consultation['matterType']) => MATTER_TYPE_LABELS[v] },
    { title: '涉及机关', dataIndex: 'respondentName', ellipsis: true, render: (v: string | null) => v ?? '—' },
    { title: '咨询事项', dataIndex: 'summary', ellipsis: true },
    { title: '结果', dataIndex: 'outcome', width: 110, render: (v: ConsultationOutcome, r) => <Space size={4}><StatusTag tone={OUTCOME_TONE[v]}>{CONSULTATION_OUTCOME_LABELS[v]}</StatusTag>{r.caseNo && <span className="mono">{r.caseNo}</span>}</Space> },
    { title: '接待人', dataIndex: 'handlerName', width: 90, render: (v: string | null) => v ?? '—' },
    ...(manage
      ? [
          {
            title: '操作',
            key: 'ops',
            width: 130,
            render: (_: unknown, r: Consultation) => (
              <Space>
                <Button size="small" icon={<EditOutlined />} onClick={async () => setModal({ open: true, editing: await get<Consultation>(`/reconsideration/consultations/${r.id}`) })}>
                  修改
                </Button>
                <Popconfirm title="删除这条咨询接待记录？" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(r.id)}>
                  <Button size="small" danger icon={<DeleteOutlined />} aria-label="删除" />
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  const s = summary.data;
  return (
    <>
      <PageHeader
        title="咨询接待"
        description="行政复议前端咨询接待台账：释法说理、协调化解、转为申请。来访人身份证号码、手机号码存入当事人库加密保存，页面仅显示脱敏信息。"
        extra={manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ open: true, editing: null })}>登记咨询</Button>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={12} md={4}><Statistic title="接待总数" value={s?.total ?? '—'} /></Col>
          <Col xs={12} md={4}><Statistic title="释法说理" value={s?.explained ?? '—'} /></Col>
          <Col xs={12} md={4}><Statistic title="协调化解" value={s?.resolved ?? '—'} /></Col>
          <Col xs={12} md={4}><Statistic title="转为申请" value={s?.filed ?? '—'} /></Col>
          <Col xs={12} md={4}><Statistic title="待定" value={s?.pending ?? '—'} /></Col>
          <Col xs={12} md={4}><Statistic title="前端化解率" value={pct(s?.rate ?? null)} /></Col>
        </Row>
        <Alert style={{ marginTop: 12 }} type="info" showIcon message={SETTLEMENT_RATE_DEFINITION} />
      </Card>
      <Card>
        <Form
          layout="inline"
          className="filter-bar"
          name="consultationFilter"
          initialValues={filter}
          onFinish={(v: { from: string; to: string; outcome?: string }) => {
            setFilter({ from: v.from, to: v.to, ...(v.outcome ? { outcome: v.outcome } : {}) });
            setPage(1);
          }}
        >
          <Form.Item label="开始日期" name="from" rules={[{ required: true, message: '请选择开始日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label="结束日期" name="to" rules={[{ required: true, message: '请选择结束日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label="接待结果" name="outcome">
            <Select allowClear style={{ width: 130 }} options={options(CONSULTATION_OUTCOME_LABELS)} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button>
          </Form.Item>
        </Form>
        <ErrorAlert error={list.error ?? summary.error} quiet />
        <Table<Consultation>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          columns={columns}
          dataSource={list.data?.data ?? []}
          pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 条`, onChange: (p, ps) => { setPage(p); setPageSize(ps); } }}
        />
      </Card>
      {modal.open && <ConsultationModal open editing={modal.editing} onClose={() => setModal({ open: false, editing: null })} />}
    </>
  );
}
