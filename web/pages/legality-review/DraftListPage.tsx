/** 合法性审查登记台账: drafts under review and documents in force, with filters; registration of a new draft. */
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Row, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { LR_DRAFT_KIND_LABELS, LR_DRAFT_STATUS_LABELS, type LrDraftDetail, type LrDraftKind, type LrDraftStatus, type LrDraftSummary } from '../../../common/contracts';
import { API_BASE, get, post, toQueryString } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { API, DRAFT_STATUS_TONE } from './labels';

const kindOptions = Object.entries(LR_DRAFT_KIND_LABELS).map(([value, label]) => ({ value, label }));

function CreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form) as LrDraftKind | undefined;
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<LrDraftDetail>(`${API}/drafts`, Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''))),
    onSuccess: (d) => {
      notifySuccess(`已登记，登记号 ${d.regNo}`);
      void qc.invalidateQueries({ queryKey: ['legality'] });
      onClose();
      navigate(`/legality-review/drafts/${d.id}`);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  const req = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <Modal open title="登记送审稿" onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} width={680} destroyOnHidden>
      <Form form={form} layout="vertical" name="lrCreate" initialValues={{ kind: 'normativeDocument', submittedOn: todayBeijing(), touchesMarket: false, reviewPeriodWd: 15 }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="类别" name="kind" rules={[{ required: true }]}><Select options={kindOptions} /></Form.Item></Col>
          <Col span={12}><Form.Item label="送审日期" name="submittedOn" rules={req('请选择送审日期')}><Input type="date" max={todayBeijing()} /></Form.Item></Col>
        </Row>
        <Form.Item label="名称" name="title" rules={req('请输入送审稿名称')}><Input maxLength={200} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="起草单位" name="draftingUnit" rules={req('请输入起草单位')}><Input maxLength={100} /></Form.Item></Col>
          <Col span={12}><Form.Item label="起草单位联系人" name="contactName" rules={req('请输入联系人')}><Input maxLength={40} /></Form.Item></Col>
        </Row>
        <Form.Item name="touchesMarket" valuePropName="checked" extra="涉及市场主体权利义务的，公开征求意见一般不少于30日，并须进行公平竞争审查（《优化营商环境条例》第六十二条至第六十四条）">
          <Checkbox>涉及市场主体权利义务</Checkbox>
        </Form.Item>
        {(kind === 'normativeDocument' || kind === 'industryPolicy') && (
          <Form.Item label="审查时限（工作日）" name="reviewPeriodWd" extra="可配置：一般不少于5个、最长不超过15个工作日（国办发〔2018〕115号；原文条目未核实）">
            <InputNumber min={5} max={15} />
          </Form.Item>
        )}
        {kind === 'majorDecision' && (
          <Form.Item label="要求完成审查日期（可不填）" name="requestedBy" extra="送请合法性审查应当保证必要的审查时间，一般不少于7个工作日（《重大行政决策程序暂行条例》第二十六条第二款）">
            <Input type="date" />
          </Form.Item>
        )}
        <Form.Item label="送审稿正文（也可在登记后上传 .docx）" name="text"><Input.TextArea rows={5} maxLength={200000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function DraftListPage() {
  const can = useCan();
  // drill-down from the dashboard: ?status= preselects the status filter (shown in the form)
  const [sp] = useSearchParams();
  const statusParam = sp.get('status');
  const [filter, setFilter] = useState<{ kind?: string; status?: string; q?: string; expiring?: string }>(statusParam && statusParam in LR_DRAFT_STATUS_LABELS ? { status: statusParam } : {});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const params = { ...filter, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['legality', 'list', params], queryFn: () => get<{ data: LrDraftSummary[]; total: number }>(`${API}/drafts`, params), placeholderData: keepPreviousData });
  const today = todayBeijing();
  const columns: TableColumnsType<LrDraftSummary> = [
    { title: '登记号', dataIndex: 'regNo', width: 150, render: (v: string, r) => <Link to={`/legality-review/drafts/${r.id}`}>{v}</Link> },
    // the name is what staff read first: shown in full (wrapping), the drafting unit under it instead of a column of its
    // own — an ellipsis cut it to a few characters at 1440 px
    {
      title: '名称 / 起草单位',
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          <div>{v}</div>
          <div className="muted" style={{ fontSize: 12 }}>{r.draftingUnit}</div>
        </>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 120, render: (v: LrDraftKind) => LR_DRAFT_KIND_LABELS[v] },
    { title: '送审', dataIndex: 'submittedOn', width: 104 },
    { title: '审查时限', dataIndex: 'reviewDue', width: 130, render: (v: string | null, r) => (!v ? '—' : r.status === 'underReview' && v < today ? <StatusTag tone="red">{v} 已届满</StatusTag> : v) },
    { title: '统一编号', dataIndex: 'docNo', width: 136, render: (v: string | null) => v ?? '—' },
    { title: '有效期至', dataIndex: 'validUntil', width: 104, render: (v: string | null) => v ?? '—' },
    { title: '状态', dataIndex: 'status', width: 130, render: (v: LrDraftStatus) => <StatusTag tone={DRAFT_STATUS_TONE[v]}>{LR_DRAFT_STATUS_LABELS[v]}</StatusTag> },
  ];
  return (
    <>
      <PageHeader
        title="合法性审查"
        description="行政规范性文件、重大行政决策、重大合同和产业政策的合法性审查：送审登记、材料审查、审查时限、审查意见、集体讨论、公布备案与有效期管理（统一登记、统一编号）。"
        extra={can('legalityReview.draft.submit') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记送审稿</Button>}
      />
      <Card>
        <Form layout="inline" className="filter-bar" name="lrFilter" initialValues={filter} onFinish={(v: { kind?: string; status?: string; q?: string; expiring?: boolean }) => { setFilter({ ...(v.kind ? { kind: v.kind } : {}), ...(v.status ? { status: v.status } : {}), ...(v.q?.trim() ? { q: v.q.trim() } : {}), ...(v.expiring ? { expiring: 'true' } : {}) }); setPage(1); }}>
          <Form.Item label="类别" name="kind"><Select allowClear style={{ width: 150 }} options={kindOptions} /></Form.Item>
          <Form.Item label="状态" name="status"><Select allowClear style={{ width: 150 }} options={Object.entries(LR_DRAFT_STATUS_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item label="关键词" name="q"><Input allowClear placeholder="名称、登记号、起草单位、文号" maxLength={60} style={{ width: 220 }} /></Form.Item>
          <Form.Item name="expiring" valuePropName="checked"><Checkbox>180日内有效期届满</Checkbox></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
          <Form.Item><Button icon={<DownloadOutlined />} href={`${API_BASE}${API}/drafts/export.xlsx${toQueryString(filter)}`} download>导出 Excel</Button></Form.Item>
        </Form>
        <ErrorAlert error={list.error} quiet />
        <Table<LrDraftSummary> rowKey="id" size="middle" loading={list.isFetching} columns={columns} dataSource={list.data?.data ?? []} locale={{ emptyText: Object.keys(filter).length ? '没有符合条件的送审稿，请调整查询条件' : '尚无送审稿。起草单位送审后，点击“登记送审稿”登记' }} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: setPage }} />
      </Card>
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
