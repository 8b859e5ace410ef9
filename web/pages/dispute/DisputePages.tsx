/**
 * 矛盾纠纷排查化解 (全口径、全周期、全贯通): the one register with one code per dispute, intake from every source with
 * duplicate detection, and the detail page with the whole history (transfers, closure, follow-up, reopening).
 */
import { MinusCircleOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Switch, Table, Tag, Timeline, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import {
  CLOSE_RESULT_LABELS,
  DISPUTE_ACTION_LABELS,
  DISPUTE_SOURCE_LABELS,
  DISPUTE_STATUS_LABELS,
  DISPUTE_TYPE_LABELS,
  HOLDER_KIND_LABELS,
  RISK_GRADE_LABELS,
  type DisputeDetailT,
  type DisputeSummaryT,
  type MediationCommittee,
} from '../../../common/contracts';
import { API_BASE, get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag, type Tone } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { formatInstant, todayBeijing } from '../../components/format';
import { CreateCaseModal } from './MediationPages';
import { ActionModal, earliestRegisterDate, idNumberRules, optionsOf, registerDateRules, req, useScopeOffices } from './shared';

const RISK_TONE: Record<string, Tone> = { low: 'grey', medium: 'orange', high: 'red' };
const STATUS_TONE: Record<string, Tone> = { registered: 'blue', handling: 'orange', closed: 'green' };
const ROLE_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人', other: '其他当事人' };
type MediationCommitteeT = z.infer<typeof MediationCommittee>;
type IntakeResult = { merged: boolean; disputeId: string; code: string; matchedBy: string[]; dispute: DisputeDetailT | null; similar: { id: string; code: string; reasons: string[] }[] };

type Campaign = { id: string; name: string; focus: string; startsOn: string; endsOn: string; specialPeriod: boolean; disputes: number };
const useCampaigns = () => useQuery({ queryKey: ['disputes', 'campaigns'], queryFn: () => get<{ data: Campaign[] }>('/disputes/campaigns') });

/** 排查活动: screening campaigns for key groups and periods (a special period marks a major event). */
function CampaignsModal({ onClose, manage }: { onClose: () => void; manage: boolean }) {
  const campaigns = useCampaigns();
  const [adding, setAdding] = useState(false);
  const today = todayBeijing();
  return (
    <Modal open title="排查活动" onCancel={onClose} footer={null} width={760} destroyOnHidden>
      {manage && <Button icon={<PlusOutlined />} style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>登记排查活动</Button>}
      <Table size="small" rowKey="id" pagination={false} loading={campaigns.isFetching} dataSource={campaigns.data?.data ?? []} columns={[
        { title: '名称', dataIndex: 'name' },
        { title: '重点人群、重点地区', dataIndex: 'focus', ellipsis: true },
        { title: '期间', key: 'p', width: 210, render: (_: unknown, c: Campaign) => `${c.startsOn} 至 ${c.endsOn}` },
        { title: '特殊时期', dataIndex: 'specialPeriod', width: 80, render: (v: boolean) => (v ? <StatusTag tone="red">是</StatusTag> : '否') },
        { title: '排查纠纷', dataIndex: 'disputes', width: 80 },
      ]} />
      {adding && (
        <ActionModal title="登记排查活动" onClose={() => setAdding(false)} queryKey={['disputes', 'campaignSaved']} submit={(v) => post<Campaign>('/disputes/campaigns', v)} done={() => void campaigns.refetch()} initial={{ startsOn: today, endsOn: today, specialPeriod: false }}>
          <Form.Item label="名称" name="name" rules={req('请输入名称')}><Input maxLength={100} /></Form.Item>
          <Form.Item label="重点人群、重点地区" name="focus" rules={req('请填写')}><Input maxLength={300} /></Form.Item>
          <Row gutter={8}><Col span={12}><Form.Item label="开始" name="startsOn" rules={req('请选择')}><Input type="date" /></Form.Item></Col><Col span={12}><Form.Item label="结束" name="endsOn" rules={req('请选择')}><Input type="date" /></Form.Item></Col></Row>
          <Form.Item label="特殊时期（重大活动）" name="specialPeriod" valuePropName="checked"><Switch aria-label="特殊时期" /></Form.Item>
        </ActionModal>
      )}
    </Modal>
  );
}

function IntakeModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [separate, setSeparate] = useState(false);
  const campaigns = useCampaigns();
  const save = useMutation({
    // errors are shown here (at the field, or as one message): not again by the global handler
    meta: { silent: true },
    mutationFn: (v: Record<string, any>) =>
      post<IntakeResult>('/disputes', {
        ...v,
        sourceRef: v.sourceRef || undefined,
        separateReason: separate ? v.separateReason : undefined,
        parties: (v.parties as Record<string, string>[]).map((p) => ({ name: p.name, role: p.role, ...(p.idNumber ? { idNumber: p.idNumber } : {}) })),
      }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['disputes'] });
      if (r.merged) {
        Modal.info({ title: '已识别为同一纠纷', content: `本次反映与已登记的纠纷 ${r.code} 为同一事项（${r.matchedBy.join('、')}），已并入该纠纷，不另行编码。` });
      } else notifySuccess(`已登记，纠纷编码 ${r.code}`);
      onClose();
      if (r.dispute) navigate(`/disputes/${r.disputeId}`);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  return (
    <Modal open title="登记矛盾纠纷" onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} width={760} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="同一纠纷从不同渠道再次反映的（当事人身份证号相同且纠纷类型相同，或地址相同且有相同当事人），系统自动并入已登记的纠纷，一纠纷一编码。" />
      <Form form={form} layout="vertical" name="disputeIntake" initialValues={{ source: 'hotline12345', receivedOn: todayBeijing(), riskGrade: 'low', matterType: 'neighbour', parties: [{ role: 'applicant' }, { role: 'respondent' }] }} onFinish={(v) => save.mutate(v)}>
        <Row gutter={12}>
          <Col span={8}><Form.Item label="来源" name="source" rules={req('请选择来源')}><Select aria-label="来源" options={optionsOf(DISPUTE_SOURCE_LABELS)} /></Form.Item></Col>
          <Col span={8}><Form.Item label="来源编号（工单号等）" name="sourceRef"><Input maxLength={60} /></Form.Item></Col>
          <Col span={8}><Form.Item label="接报日期" name="receivedOn" rules={registerDateRules('接报日期', todayBeijing())} extra={`不早于${earliestRegisterDate(todayBeijing()).slice(0, 4)}年1月1日（按接报年度编号）`}><Input type="date" min={earliestRegisterDate(todayBeijing())} max={todayBeijing()} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}><Form.Item label="纠纷类型" name="matterType" rules={req('请选择纠纷类型')}><Select aria-label="纠纷类型" options={optionsOf(DISPUTE_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={12}><Form.Item label="风险等级" name="riskGrade"><Select aria-label="风险等级" options={optionsOf(RISK_GRADE_LABELS)} /></Form.Item></Col>
        </Row>
        <Form.Item noStyle shouldUpdate={(a, b) => a.source !== b.source}>
          {({ getFieldValue }) => getFieldValue('source') === 'screening' && <Form.Item label="排查活动" name="campaignId"><Select aria-label="排查活动" allowClear options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn} 至 ${c.endsOn}）` }))} /></Form.Item>}
        </Form.Item>
        <Form.Item label="纠纷发生地址" name="address" rules={req('请输入纠纷发生地址')}><Input maxLength={200} /></Form.Item>
        <Form.Item label="纠纷简要情况" name="summary" rules={req('请输入纠纷简要情况')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} label={`当事人${i + 1}姓名`} rules={req('请输入姓名')}><Input maxLength={40} style={{ width: 140 }} /></Form.Item>
                  <Form.Item name={[f.name, 'idNumber']} label={`当事人${i + 1}身份证号（可不填）`} rules={idNumberRules(false)}><Input maxLength={18} style={{ width: 220 }} /></Form.Item>
                  <Form.Item name={[f.name, 'role']} label={`当事人${i + 1}身份`}><Select aria-label={`当事人${i + 1}身份`} style={{ width: 120 }} options={optionsOf(ROLE_LABELS)} /></Form.Item>
                  {fields.length > 1 && <Button type="text" aria-label={`删除当事人${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'other' })}>添加当事人</Button>
            </>
          )}
        </Form.List>
        <div style={{ marginTop: 12 }}>
          <Space><Switch aria-label="与疑似相同的纠纷分开登记" checked={separate} onChange={setSeparate} />与疑似相同的纠纷分开登记（须说明理由）</Space>
          {separate && <Form.Item label="分开登记的理由" name="separateReason" rules={req('请填写理由')}><Input maxLength={200} /></Form.Item>}
        </div>
      </Form>
    </Modal>
  );
}

export function DisputeListPage() {
  const can = useCan();
  // drill-down from the dashboard: ?status= and the 登记日期 range ?receivedFrom=&receivedTo= (shown as a dismissable tag)
  const [sp, setSp] = useSearchParams();
  const statusParam = sp.get('status');
  const [filter, setFilter] = useState<Record<string, string>>(statusParam && statusParam in DISPUTE_STATUS_LABELS ? { status: statusParam } : {});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [campaignsOpen, setCampaignsOpen] = useState(false);
  const offices = useScopeOffices();
  const receivedFrom = sp.get('receivedFrom');
  const receivedTo = sp.get('receivedTo');
  const range = { ...(receivedFrom ? { receivedFrom } : {}), ...(receivedTo ? { receivedTo } : {}) };
  const params = { ...filter, ...range, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['disputes', 'list', params], queryFn: () => get<{ data: DisputeSummaryT[]; total: number }>('/disputes', params), placeholderData: keepPreviousData });
  const columns: TableColumnsType<DisputeSummaryT> = [
    { title: '纠纷编码', dataIndex: 'code', width: 150, render: (v: string, r) => <Link to={`/disputes/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{v}</Link> },
    { title: '类型', dataIndex: 'matterType', width: 90, render: (v: string) => DISPUTE_TYPE_LABELS[v as keyof typeof DISPUTE_TYPE_LABELS] },
    { title: '简要情况', dataIndex: 'summary', ellipsis: true },
    { title: '当事人', dataIndex: 'partyNames', width: 130, render: (v: string[]) => v.join('、') },
    { title: '来源', dataIndex: 'sources', width: 160, render: (v: string[], r) => <>{v.map((s) => DISPUTE_SOURCE_LABELS[s as keyof typeof DISPUTE_SOURCE_LABELS]).join('、')}{r.intakeCount > 1 && <StatusTag tone="purple">反映 {r.intakeCount} 次</StatusTag>}</> },
    { title: '风险', dataIndex: 'riskGrade', width: 110, render: (v: string, r) => <><StatusTag tone={RISK_TONE[v]!}>{RISK_GRADE_LABELS[v as keyof typeof RISK_GRADE_LABELS]}</StatusTag>{r.warning && <StatusTag tone="red">预警</StatusTag>}</> },
    ...(offices.length > 1 ? [{ title: '司法所', dataIndex: 'departmentName', width: 120, ellipsis: true }] : []),
    { title: '当前承办', dataIndex: 'holderName', width: 150, ellipsis: true },
    { title: '接报', dataIndex: 'receivedOn', width: 110 },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <StatusTag tone={STATUS_TONE[v]!}>{DISPUTE_STATUS_LABELS[v as keyof typeof DISPUTE_STATUS_LABELS]}</StatusTag> },
  ];
  return (
    <>
      <PageHeader
        title="矛盾纠纷登记簿"
        description="全口径：12345、110、信访、司法所走访、网格员、排查活动等各渠道纠纷统一登记，一纠纷一编码；全周期：登记、研判、分流移交、办结、回访、重新办理全程留痕；全贯通：移交人民调解委员会、职能部门、人民法院（诉调对接）。"
        extra={<Space><Button onClick={() => setCampaignsOpen(true)}>排查活动</Button>{can('dispute.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记纠纷</Button>}</Space>}
      />
      <Card>
        <Form layout="inline" className="filter-bar" name="disputeFilter" initialValues={filter} onFinish={(v: Record<string, string | boolean | undefined>) => { setFilter(Object.fromEntries(Object.entries({ ...v, warning: v.warning ? '1' : undefined }).filter(([, x]) => x)) as Record<string, string>); setPage(1); }}>
          {offices.length > 1 && <Form.Item label="司法所" name="departmentId"><Select aria-label="司法所筛选" allowClear showSearch optionFilterProp="label" placeholder="全部" style={{ width: 160 }} options={offices} /></Form.Item>}
          <Form.Item label="状态" name="status"><Select aria-label="状态" allowClear style={{ width: 110 }} options={optionsOf(DISPUTE_STATUS_LABELS)} /></Form.Item>
          <Form.Item label="类型" name="matterType"><Select aria-label="纠纷类型筛选" allowClear style={{ width: 120 }} options={optionsOf(DISPUTE_TYPE_LABELS)} /></Form.Item>
          <Form.Item label="来源" name="source"><Select aria-label="来源筛选" allowClear style={{ width: 140 }} options={optionsOf(DISPUTE_SOURCE_LABELS)} /></Form.Item>
          <Form.Item label="风险" name="riskGrade"><Select aria-label="风险筛选" allowClear style={{ width: 100 }} options={optionsOf(RISK_GRADE_LABELS)} /></Form.Item>
          <Form.Item label="仅预警" name="warning" valuePropName="checked"><Switch aria-label="仅预警" /></Form.Item>
          <Form.Item label="关键词" name="q"><Input allowClear placeholder="编码、当事人、地址、情况" maxLength={60} style={{ width: 200 }} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
        </Form>
        {(receivedFrom || receivedTo) && (
          <Space style={{ marginBottom: 12 }}>
            <Tag color="blue" closable onClose={() => { const n = new URLSearchParams(sp); n.delete('receivedFrom'); n.delete('receivedTo'); setSp(n); setPage(1); }}>
              筛选：登记日期 {receivedFrom ?? '不限'} 至 {receivedTo ?? '不限'}
            </Tag>
          </Space>
        )}
        <ErrorAlert error={list.error} quiet />
        <Table<DisputeSummaryT> rowKey="id" size="middle" scroll={{ x: offices.length > 1 ? 1320 : 1200 }} loading={list.isFetching} columns={columns} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: setPage }} />
      </Card>
      {creating && <IntakeModal onClose={() => setCreating(false)} />}
      {campaignsOpen && <CampaignsModal manage={can('dispute.manage')} onClose={() => setCampaignsOpen(false)} />}
    </>
  );
}

function eventText(e: DisputeDetailT['events'][number]): string {
  const d = e.details as Record<string, any>;
  switch (e.action) {
    case 'register':
      return `来源：${DISPUTE_SOURCE_LABELS[d.source as keyof typeof DISPUTE_SOURCE_LABELS] ?? d.source}${d.sourceRef ? `（${d.sourceRef}）` : ''}${d.separateReason ? `；与 ${(d.similar ?? []).join('、')} 分开登记：${d.separateReason}` : ''}`;
    case 'intakeMerged':
      return `${d.sourceLabel ?? d.source} 再次反映，识别依据：${(d.matchedBy ?? []).join('、')}`;
    case 'transfer':
      return `由 ${d.fromHolder} 移交 ${d.toHolder}（${HOLDER_KIND_LABELS[d.to as keyof typeof HOLDER_KIND_LABELS] ?? ''}）：${d.note}`;
    case 'risk':
      return `风险等级 ${RISK_GRADE_LABELS[d.from as keyof typeof RISK_GRADE_LABELS]} → ${RISK_GRADE_LABELS[d.to as keyof typeof RISK_GRADE_LABELS]}：${d.note}`;
    case 'close':
      return `${CLOSE_RESULT_LABELS[d.result as keyof typeof CLOSE_RESULT_LABELS]}：${d.note}`;
    case 'followUp':
      return `${d.satisfied ? '满意' : '不满意'}：${d.note}`;
    case 'reopen':
      return d.reason;
    case 'mediationAccepted':
      return `人民调解委员会受理，案号 ${d.caseNo}`;
    case 'mediationConcluded':
      return `调解案件 ${d.caseNo}：${d.outcome === 'agreed' ? '达成调解协议' : '调解不成'}`;
    default:
      return '';
  }
}

export function DisputeDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const key = ['disputes', 'detail', id] as const;
  // an error is shown on the page itself (ErrorAlert); silent for the global toast, e.g. the refetch that follows a
  // transfer to another 司法所, after which the dispute is out of the caller's scope
  const q = useQuery({ queryKey: key, queryFn: () => get<DisputeDetailT>(`/disputes/${id}`), meta: { silent: true } });
  const committees = useQuery({ queryKey: ['mediation', 'committees'], queryFn: () => get<{ data: MediationCommitteeT[] }>('/mediation/committees'), enabled: can('mediation.read') });
  const [open, setOpen] = useState<string | null>(null);
  const navigate = useNavigate();
  const offices = useQuery({ queryKey: ['departments'], queryFn: () => get<{ data: { id: string; name: string; kind: string }[] }>('/departments'), enabled: open === 'transfer' });
  if (q.isLoading) return <PageSpin />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const allowed = new Set(can('dispute.manage') ? d.allowed : []);
  const act = (path: string) => (v: Record<string, any>) => post<DisputeDetailT>(`/disputes/${id}/${path}`, { ...v, version: d.version });
  const close = () => setOpen(null);
  const today = todayBeijing();
  // moved to a committee in the caller's scope and not yet accepted there: the next step is 受理调解案件, from here
  const committee = (committees.data?.data ?? []).find((c) => c.id === d.committeeId);
  const canAcceptMediation = can('mediation.manage') && d.status !== 'closed' && d.holderKind === 'committee' && !d.mediationCaseId && !!committee?.inScope;
  // the mediation of this dispute has ended: the next step is 办结 (an agreement) or another way (a failure)
  const concluded = d.status !== 'closed' ? [...d.events].reverse().find((e) => e.action === 'mediationConcluded' || e.action === 'mediationAccepted') : undefined;
  const mediationOutcome = concluded?.action === 'mediationConcluded' ? (concluded.details as { outcome?: string; caseNo?: string }) : null;
  return (
    <>
      <PageHeader
        title={`纠纷 ${d.code}`}
        description={<Space wrap><StatusTag tone={STATUS_TONE[d.status]!}>{DISPUTE_STATUS_LABELS[d.status]}</StatusTag><StatusTag tone={RISK_TONE[d.riskGrade]!}>{RISK_GRADE_LABELS[d.riskGrade]}风险</StatusTag>{d.warning && <StatusTag tone="red">预警</StatusTag>}<span>当前承办：{d.holderName}</span></Space>}
      />
      <div role="toolbar" aria-label="办理操作" style={{ marginBottom: 16, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {allowed.has('transfer') && <Button type="primary" onClick={() => setOpen('transfer')}>分流移交</Button>}
        {allowed.has('risk') && <Button onClick={() => setOpen('risk')}>风险研判</Button>}
        {allowed.has('close') && <Button onClick={() => setOpen('close')}>办结</Button>}
        {allowed.has('followUp') && <Button onClick={() => setOpen('followUp')}>回访</Button>}
        {allowed.has('reopen') && <Button danger onClick={() => setOpen('reopen')}>重新办理</Button>}
        {canAcceptMediation && <Button type="primary" onClick={() => setOpen('mediation')}>受理调解案件</Button>}
        {d.mediationCaseId && <Link to={`/mediation/${d.mediationCaseId}`}><Button>查看调解案件</Button></Link>}
      </div>
      {d.holderKind === 'committee' && !d.mediationCaseId && d.status !== 'closed' && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={canAcceptMediation ? `已移交${d.holderName}，下一步：点击“受理调解案件”，纠纷情况和当事人自动带入。` : `已移交${d.holderName}，待该调解委员会受理。`} />
      )}
      {mediationOutcome && (
        <Alert
          type={mediationOutcome.outcome === 'agreed' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          message={mediationOutcome.outcome === 'agreed' ? `调解案件 ${mediationOutcome.caseNo ?? ''} 已达成调解协议。下一步：点击“办结”（办结结果：调解成功）；协议履行情况在调解案件中回访。` : `调解案件 ${mediationOutcome.caseNo ?? ''} 调解不成。下一步：分流移交其他途径（职能部门、人民法院），或办结并记明结果。`}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="纠纷情况" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="纠纷编码">{d.code}</Descriptions.Item>
              <Descriptions.Item label="类型">{DISPUTE_TYPE_LABELS[d.matterType]}</Descriptions.Item>
              <Descriptions.Item label="接报日期">{d.receivedOn}</Descriptions.Item>
              <Descriptions.Item label="所属司法所">{d.departmentName}</Descriptions.Item>
              <Descriptions.Item label="地址" span={2}>{d.address}</Descriptions.Item>
              <Descriptions.Item label="简要情况" span={2}>{d.summary}</Descriptions.Item>
              {d.closedOn && <Descriptions.Item label="办结">{d.closedOn}（{d.closeResult ? CLOSE_RESULT_LABELS[d.closeResult] : ''}）</Descriptions.Item>}
              {d.followedUpOn && <Descriptions.Item label="回访">{d.followedUpOn}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title={`来源（反映 ${d.intakeCount} 次）`} style={{ marginBottom: 16 }}>
            <Table size="small" rowKey="id" pagination={false} dataSource={d.intakes} columns={[
              { title: '来源', dataIndex: 'source', width: 110, render: (v: string) => DISPUTE_SOURCE_LABELS[v as keyof typeof DISPUTE_SOURCE_LABELS] },
              { title: '编号', dataIndex: 'sourceRef', width: 120, render: (v: string | null) => v ?? '—' },
              { title: '日期', dataIndex: 'receivedOn', width: 100 },
              { title: '内容', dataIndex: 'summary', ellipsis: true },
              { title: '识别为同一纠纷的依据', dataIndex: 'matchedBy', width: 130, render: (v: string[]) => (v.length ? v.join('、') : '首次登记') },
            ]} />
          </Card>
          <Card title="当事人">
            <Table size="small" rowKey={(r) => `${r.name}-${r.role}`} pagination={false} dataSource={d.parties} columns={[
              { title: '姓名', dataIndex: 'name' },
              { title: '身份', dataIndex: 'role', render: (v: string) => ROLE_LABELS[v] ?? v },
              { title: '身份证号（脱敏）', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
            ]} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="全周期流转记录">
            <Timeline items={d.events.map((e) => ({ key: e.seq, children: <div data-testid="dispute-event"><strong>{DISPUTE_ACTION_LABELS[e.action] ?? '办理'}</strong> {e.onDate ?? ''}<div>{eventText(e)}</div><div style={{ color: '#595959', fontSize: 12 }}>{e.actorName ?? ''} {formatInstant(e.at)}</div></div> }))} />
          </Card>
        </Col>
      </Row>
      {open === 'transfer' && (
        <ActionModal title="分流移交" onClose={close} queryKey={key} submit={act('transfer')} done={(r) => { if (r.holderKind === 'office') navigate('/disputes'); }} initial={{ to: 'committee', on: today }} okText="移交">
          <Form.Item label="移交对象类型" name="to" rules={req('请选择')}><Select aria-label="移交对象类型" options={optionsOf({ ...HOLDER_KIND_LABELS, office: '其他司法所（纠纷发生地属其他街道）' })} /></Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.to !== b.to}>
            {({ getFieldValue }) =>
              getFieldValue('to') === 'office' ? (
                <Form.Item label="接收司法所" name="targetDepartmentId" rules={req('请选择接收司法所')} extra="移交后纠纷及全部流转记录转由接收司法所办理，本所不再查看。"><Select aria-label="接收司法所" showSearch optionFilterProp="label" options={(offices.data?.data ?? []).filter((o) => o.kind === 'judicialOffice' && o.id !== d.departmentId).map((o) => ({ value: o.id, label: o.name }))} /></Form.Item>
              ) : getFieldValue('to') === 'committee' ? (
                <Form.Item label="人民调解委员会" name="committeeId" rules={req('请选择人民调解委员会')}><Select aria-label="人民调解委员会" showSearch optionFilterProp="label" options={(committees.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
              ) : (
                <Form.Item label={getFieldValue('to') === 'court' ? '人民法院' : '职能部门'} name="targetName" rules={req('请填写名称')}><Input maxLength={100} /></Form.Item>
              )
            }
          </Form.Item>
          <Form.Item label="移交日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="移交说明" name="note" rules={req('请填写移交说明')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
      {open === 'mediation' && (
        <CreateCaseModal committees={committees.data?.data ?? []} onClose={close} fromDispute={{ id: d.id, code: d.code, committeeId: d.committeeId, matterType: d.matterType, summary: d.summary, parties: d.parties.map((p) => ({ name: p.name, role: p.role })) }} />
      )}
      {open === 'risk' && (
        <ActionModal title="风险研判" onClose={close} queryKey={key} submit={act('risk')} initial={{ riskGrade: d.riskGrade }}>
          <Form.Item label="风险等级" name="riskGrade"><Select aria-label="研判风险等级" options={optionsOf(RISK_GRADE_LABELS)} /></Form.Item>
          <Form.Item label="研判意见" name="note" rules={req('请填写研判意见')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
      {open === 'close' && (
        <ActionModal title="办结" onClose={close} queryKey={key} submit={act('close')} initial={{ on: today, result: mediationOutcome?.outcome === 'failed' ? 'unresolved' : 'mediated' }} okText="办结">
          <Form.Item label="办结日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="办结结果" name="result"><Select aria-label="办结结果" options={optionsOf(CLOSE_RESULT_LABELS)} /></Form.Item>
          <Form.Item label="办结情况" name="note" rules={req('请填写办结情况')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {open === 'followUp' && (
        <ActionModal title="回访" onClose={close} queryKey={key} submit={act('follow-up')} initial={{ on: today, satisfied: true }}>
          <Form.Item label="回访日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="当事人满意" name="satisfied" valuePropName="checked"><Switch aria-label="当事人满意" /></Form.Item>
          <Form.Item label="回访情况" name="note" rules={req('请填写回访情况')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {open === 'reopen' && (
        <ActionModal title="重新办理" onClose={close} queryKey={key} submit={act('reopen')} initial={{ on: today }}>
          <Form.Item label="日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="重新办理的原因" name="reason" rules={req('请填写原因')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}

type Stats = { from: string; to: string; total: number; closed: number; merged: number; bySource: { source: string; label: string; count: number }[]; byType: { matterType: string; label: string; count: number; closed: number }[]; byCommittee: { committeeId: string; name: string; cases: number; agreed: number; failed: number }[] };

/** Statistics by source, type and committee for a period, with the Excel export. */
export function DisputeStatsPage() {
  const today = todayBeijing();
  const [range, setRange] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const q = useQuery({ queryKey: ['disputes', 'stats', range], queryFn: () => get<Stats>('/disputes/stats', range) });
  const s = q.data;
  const pct = (a: number, b: number) => (b ? `${((a / b) * 100).toFixed(1)}%` : '—');
  return (
    <>
      <PageHeader title="矛盾纠纷与人民调解统计" description="按来源、纠纷类型和人民调解委员会统计；多渠道重复反映的同一纠纷只计一件。" extra={<Button href={`${API_BASE}/disputes/stats.xlsx?from=${range.from}&to=${range.to}`}>导出 Excel</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="disputeStatsRange" initialValues={range} onFinish={(v: { from: string; to: string }) => setRange(v)}>
          <Form.Item label="自" name="from" rules={req('请选择日期')}><Input type="date" /></Form.Item>
          <Form.Item label="至" name="to" rules={req('请选择日期')}><Input type="date" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>统计</Button></Form.Item>
        </Form>
        <ErrorAlert error={q.error} quiet />
        {s && <Alert style={{ marginTop: 12 }} type="info" showIcon message={`纠纷 ${s.total} 件，办结 ${s.closed} 件（${pct(s.closed, s.total)}），多渠道重复反映并入 ${s.merged} 次。`} />}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={6}><Card title="按来源"><Table size="small" rowKey="source" pagination={false} loading={q.isFetching} dataSource={s?.bySource ?? []} columns={[{ title: '来源', dataIndex: 'label' }, { title: '反映次数', dataIndex: 'count' }]} /></Card></Col>
        <Col xs={24} lg={8}><Card title="按纠纷类型"><Table size="small" rowKey="matterType" pagination={false} loading={q.isFetching} dataSource={s?.byType ?? []} columns={[{ title: '类型', dataIndex: 'label' }, { title: '纠纷', dataIndex: 'count' }, { title: '办结', dataIndex: 'closed' }, { title: '办结率', key: 'r', render: (_: unknown, r: Stats['byType'][number]) => pct(r.closed, r.count) }]} /></Card></Col>
        <Col xs={24} lg={10}><Card title="按人民调解委员会"><Table size="small" rowKey="committeeId" pagination={false} footer={() => '成功率＝达成协议 ÷（达成协议＋调解不成），调解中的案件不计入。'} loading={q.isFetching} dataSource={s?.byCommittee ?? []} columns={[{ title: '调解委员会', dataIndex: 'name' }, { title: '受理', dataIndex: 'cases', width: 56 }, { title: '达成协议', dataIndex: 'agreed', width: 72 }, { title: '调解不成', dataIndex: 'failed', width: 72 }, { title: '成功率', key: 'r', width: 72, render: (_: unknown, r: Stats['byCommittee'][number]) => pct(r.agreed, r.agreed + r.failed) }]} /></Card></Col>
      </Row>
    </>
  );
}
