/** 行政应诉台账: cases where the district government or a department is the defendant, with the year's key figures. */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { DEFENCE_BASIS, LITIGATION_OUTCOME_LABELS, type LitigationDetail, type LitigationStats, type LitigationSummary } from '../../../common/contracts';
import { get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { ReconCaseSelect } from '../consultations/ReconCaseSelect';
import { LITIGATION_STATUS } from './labels';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function CreateModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => post<LitigationDetail>('/litigation/cases', Object.fromEntries(Object.entries(v).filter(([, x]) => x))),
    onSuccess: (d) => {
      notifySuccess(`已登记，答辩期限至 ${d.defenceDue}`);
      void qc.invalidateQueries({ queryKey: ['litigation'] });
      onClose();
      navigate(`/litigation/${d.id}`);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  const req = (msg: string) => [{ required: true, whitespace: true, message: msg }];
  return (
    <Modal open title="登记行政应诉案件" onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} width={640} destroyOnHidden>
      <Form form={form} layout="vertical" name="litigationCreate" initialValues={{ court: '北京市西城区人民法院', defendant: '北京市西城区人民政府' }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="受理法院" name="court" rules={req('请输入受理法院')}><Input maxLength={100} /></Form.Item></Col>
          <Col span={12}><Form.Item label="案号" name="caseNo" rules={req('请输入案号')} extra="如：(2026)京0102行初123号"><Input maxLength={60} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="原告" name="plaintiff" rules={req('请输入原告')}><Input maxLength={100} /></Form.Item></Col>
          <Col span={12}><Form.Item label="被告（被诉行政机关）" name="defendant" rules={req('请输入被告')}><Input maxLength={100} /></Form.Item></Col>
        </Row>
        <Form.Item label="案由" name="cause" rules={req('请输入案由')}><Input maxLength={200} /></Form.Item>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="立案日期" name="filedOn" rules={req('请选择立案日期')}><Input type="date" max={todayBeijing()} /></Form.Item></Col>
          <Col span={12}>
            <Form.Item label="收到起诉状副本日期" name="complaintReceivedOn" rules={req('请选择收到起诉状副本日期')} extra={`答辩期限：收到起诉状副本之日起十五日内（${DEFENCE_BASIS}）`}>
              <Input type="date" max={todayBeijing()} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="关联的行政复议案件（可不填）" name="reconCaseId"><ReconCaseSelect /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Date-range filters read from the URL (the dashboard's drill-down reproduces 行政应诉案件 / 审结 of a period). */
const RANGE_FILTERS = [
  { from: 'filedFrom', to: 'filedTo', label: '人民法院立案日期' },
  { from: 'concludedFrom', to: 'concludedTo', label: '审结日期（终审或未上诉的一审结果）' },
] as const;

export function LitigationListPage() {
  const can = useCan();
  const today = todayBeijing();
  const year = today.slice(0, 4);
  // drill-down from the dashboard: ?status= and the date ranges below (shown as dismissable tags)
  const [sp, setSp] = useSearchParams();
  const statusParam = sp.get('status');
  const [filter, setFilter] = useState<{ status?: string; q?: string }>(statusParam && statusParam in LITIGATION_STATUS ? { status: statusParam } : {});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const ranges = RANGE_FILTERS.filter((r) => sp.get(r.from) || sp.get(r.to));
  const rangeParams = Object.fromEntries(RANGE_FILTERS.flatMap((r) => [r.from, r.to]).flatMap((k) => (sp.get(k) ? [[k, sp.get(k)!]] : [])));
  const params = { ...filter, ...rangeParams, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['litigation', 'list', params], queryFn: () => get<{ data: LitigationSummary[]; total: number }>('/litigation/cases', params), placeholderData: keepPreviousData });
  const [statsYear, setStatsYear] = useState(String(Number(year) - 1));
  const statsTo = statsYear === year ? today : `${statsYear}-12-31`;
  const stats = useQuery({ queryKey: ['litigation', 'stats', statsYear], queryFn: () => get<LitigationStats>('/litigation/stats', { from: `${statsYear}-01-01`, to: statsTo }) });
  const columns: TableColumnsType<LitigationSummary> = [
    { title: '案号', dataIndex: 'caseNo', render: (v: string, r) => <Link to={`/litigation/${r.id}`}>{v}</Link> },
    { title: '原告', dataIndex: 'plaintiff', width: 100 },
    { title: '被告', dataIndex: 'defendant', ellipsis: true },
    { title: '案由', dataIndex: 'cause', ellipsis: true },
    { title: '立案', dataIndex: 'filedOn', width: 110 },
    { title: '答辩期限', dataIndex: 'defenceDue', width: 150, render: (v: string, r) => (r.defenceSubmittedOn ? `${v}（已答辩）` : v < today && r.status === 'pending' ? <StatusTag tone="red">{v} 已届满</StatusTag> : v) },
    { title: '下次开庭', dataIndex: 'nextHearingOn', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '负责人出庭', dataIndex: 'headAppeared', width: 100, render: (v: boolean) => (v ? <StatusTag tone="green">已出庭</StatusTag> : '—') },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: LitigationSummary['status']) => <StatusTag tone={LITIGATION_STATUS[v].tone}>{LITIGATION_STATUS[v].label}</StatusTag> },
    { title: '结果', dataIndex: 'finalOutcome', ellipsis: true, render: (v: LitigationSummary['finalOutcome']) => (v ? LITIGATION_OUTCOME_LABELS[v] : '—') },
  ];
  const s = stats.data;
  return (
    <>
      <PageHeader
        title="行政应诉"
        description="区政府及其部门作为被告的行政诉讼案件：答辩期限、开庭、负责人出庭应诉（《中华人民共和国行政诉讼法》第三条第三款）、裁判结果与上诉。"
        extra={can('litigation.case.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记应诉案件</Button>}
      />
      <Card
        style={{ marginBottom: 16 }}
        title={<>年度应诉情况 <span style={{ fontWeight: 400, fontSize: 13, color: 'rgba(0,0,0,0.65)' }}>统计期间 {statsYear}-01-01 至 {statsTo}（新收按人民法院立案日期，审结按最终结果日期）</span></>}
        extra={<Select aria-label="统计年度" value={statsYear} onChange={setStatsYear} style={{ width: 110 }} options={[0, 1, 2].map((d) => String(Number(year) - d)).map((y) => ({ value: y, label: `${y} 年` }))} />}
      >
        <Row gutter={16}>
          <Col xs={12} md={4}><Statistic title="新收案件" value={s?.cases ?? '—'} suffix={s ? '件' : undefined} /></Col>
          <Col xs={12} md={4}><Statistic title="审结案件" value={s?.concluded ?? '—'} suffix={s ? '件' : undefined} /></Col>
          <Col xs={12} md={4}><Statistic title="负责人出庭次数" value={s?.headAppearances ?? '—'} suffix={s ? '次' : undefined} /></Col>
          <Col xs={12} md={4}><Statistic title="负责人出庭应诉率" value={pct(s?.headAppearanceRate ?? null)} /></Col>
          <Col xs={12} md={4}><Statistic title="败诉案件" value={s?.lost ?? '—'} suffix={s ? '件' : undefined} /></Col>
          <Col xs={12} md={4}><Statistic title="败诉率" value={pct(s?.lossRate ?? null)} /></Col>
        </Row>
        {s && <Alert style={{ marginTop: 12 }} type="info" showIcon message={<><div>{s.definitions.headAppearance}</div><div>{s.definitions.loss}</div></>} />}
      </Card>
      <Card>
        <Form layout="inline" className="filter-bar" name="litigationFilter" initialValues={filter} onFinish={(v: { status?: string; q?: string }) => { setFilter({ ...(v.status ? { status: v.status } : {}), ...(v.q ? { q: v.q.trim() } : {}) }); setPage(1); }}>
          <Form.Item label="状态" name="status">
            <Select allowClear style={{ width: 120 }} options={Object.entries(LITIGATION_STATUS).map(([value, x]) => ({ value, label: x.label }))} />
          </Form.Item>
          <Form.Item label="关键词" name="q">
            <Input allowClear placeholder="案号、原告、被告、案由" maxLength={60} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
        </Form>
        {ranges.length > 0 && (
          <Space wrap style={{ marginBottom: 12 }}>
            {ranges.map((r) => (
              <Tag key={r.from} color="blue" closable onClose={() => { const n = new URLSearchParams(sp); n.delete(r.from); n.delete(r.to); setSp(n); setPage(1); }}>
                筛选：{r.label} {sp.get(r.from) ?? '不限'} 至 {sp.get(r.to) ?? '不限'}
              </Tag>
            ))}
          </Space>
        )}
        <ErrorAlert error={list.error ?? stats.error} quiet />
        <Table<LitigationSummary> rowKey="id" size="middle" loading={list.isFetching} columns={columns} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: setPage }} />
      </Card>
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </>
  );
}
