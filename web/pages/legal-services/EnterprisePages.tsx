/** 企业法律服务: service requests from firms (金融、中小微、科技创新), 法治体检 with findings and follow-up to closure, targeted campaigns, statistics by firm type and industry. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Statistic, Table, Tabs, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { LawyerCandidate } from '../../../common/contracts/legal-services';
import {
  CAMPAIGN_GROUPS, CHECKUP_AREAS, type Campaign, type Checkup, ENTERPRISE_TOPICS, type EnterpriseRequest, type EnterpriseStats, FIRM_TYPES, INDUSTRIES, REQUEST_STATUSES, RISK_LEVELS, SATISFACTION_LEVELS,
} from '../../../common/contracts/legal-services-enterprise';
import { API_BASE, get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useSubmitOnce } from '../../components/submitOnce';

const P = '/legal-services';
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const RISK_COLORS: Record<string, string> = { high: 'red', medium: 'orange', low: 'blue' };
const STATUS_COLORS: Record<string, string> = { received: 'processing', assigned: 'blue', responded: 'gold', closed: 'green' };
type ReqList = { data: EnterpriseRequest[]; total: number };
type CheckupSummary = Omit<Checkup, 'findings'>;
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function useDone() {
  const qc = useQueryClient();
  return (text: string) => {
    void qc.invalidateQueries({ queryKey: ['legalService', 'enterprise'] });
    notifySuccess(text);
  };
}

function NewRequestModal({ onClose, onCreated }: { onClose: () => void; onCreated: (r: EnterpriseRequest) => void }) {
  const [form] = Form.useForm();
  const done = useDone();
  const once = useSubmitOnce();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<EnterpriseRequest>(`${P}/enterprise/requests`, { firmName: v.firmName, creditCode: String(v.creditCode ?? '').trim().toUpperCase(), firmType: v.firmType, industry: v.industry, street: v.street, contactName: v.contactName || null, topic: v.topic, description: v.description }),
    onSuccess: (r) => {
      done(`已登记企业服务需求 ${r.requestNo}`);
      onCreated(r);
    },
  });
  return (
    <Modal open title="登记企业法律服务需求" onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} destroyOnHidden width={680}>
      <Form form={form} layout="vertical" name="enterpriseRequest" initialValues={{ firmType: 'sme', industry: 'business', topic: 'checkup', street: '金融街' }} onFinish={once((v) => save.mutateAsync(v))}>
        <Form.Item label="企业名称" name="firmName" rules={[{ required: true, whitespace: true, message: '请填写企业名称' }]}><Input maxLength={100} /></Form.Item>
        <Form.Item label="统一社会信用代码" name="creditCode" extra="18 位，按 GB 32100-2015 校验" rules={[{ required: true, len: 18, message: '统一社会信用代码为 18 位' }]}><Input maxLength={18} autoComplete="off" style={{ fontFamily: 'monospace' }} /></Form.Item>
        <Space wrap>
          <Form.Item label="企业类型" name="firmType"><Radio.Group options={opts(FIRM_TYPES)} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="行业" name="industry"><Select style={{ width: 200 }} options={opts(INDUSTRIES)} /></Form.Item>
          <Form.Item label="所在街道" name="street" rules={[{ required: true, whitespace: true, message: '请填写街道' }]}><Input maxLength={20} style={{ width: 140 }} /></Form.Item>
          <Form.Item label="联系人" name="contactName"><Input maxLength={40} style={{ width: 140 }} /></Form.Item>
        </Space>
        <Form.Item label="服务事项" name="topic"><Select style={{ width: 220 }} options={opts(ENTERPRISE_TOPICS)} /></Form.Item>
        <Form.Item label="需求描述" name="description" rules={[{ required: true, whitespace: true, message: '请填写需求描述' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function CheckupDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const can = useCan();
  const manage = can(['legalService.enterprise.manage']);
  const qc = useQueryClient();
  const done = useDone();
  const q = useQuery({ queryKey: ['legalService', 'enterprise', 'checkup', id], queryFn: () => get<Checkup>(`${P}/enterprise/checkups/${id}`) });
  const [dialog, setDialog] = useState<null | 'finding' | 'close' | { findingId: string; seq: number }>(null);
  const [form] = Form.useForm();
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) => post<Checkup>(`${P}/enterprise/checkups/${id}/${path}`, { ...body, version: q.data!.version }),
    onSuccess: (c, v) => {
      qc.setQueryData(['legalService', 'enterprise', 'checkup', id], c);
      done(v.path === 'findings' ? '已登记体检发现的问题' : v.path === 'close' ? '法治体检已结束' : '已记录整改跟踪');
      setDialog(null);
      form.resetFields();
    },
  });
  const c = q.data;
  return (
    <Drawer open width={860} title={c ? `法治体检 ${c.checkupNo}` : '法治体检'} onClose={onClose} extra={c && <Space><Button href={`${API_BASE}${P}/enterprise/checkups/${id}/report.docx`}>体检报告（.docx）</Button>{manage && c.status === 'open' && <><Button onClick={() => setDialog('finding')}>登记问题</Button><Button type="primary" onClick={() => setDialog('close')}>结束体检</Button></>}</Space>}>
      <ErrorAlert error={q.error} />
      {c && (
        <>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="企业">{c.firmName}</Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码"><span style={{ fontFamily: 'monospace' }}>{c.creditCode}</span></Descriptions.Item>
            <Descriptions.Item label="类型 / 行业">{FIRM_TYPES[c.firmType]} / {INDUSTRIES[c.industry]}</Descriptions.Item>
            <Descriptions.Item label="体检日期 / 团队">{c.conductedOn}，{c.team}</Descriptions.Item>
            <Descriptions.Item label="体检范围" span={2}>{c.scope}</Descriptions.Item>
            <Descriptions.Item label="风险等级">{c.riskLevel ? <Tag color={RISK_COLORS[c.riskLevel]} data-testid="checkup-risk">{RISK_LEVELS[c.riskLevel]}</Tag> : <Tag data-testid="checkup-risk">无未整改问题</Tag>}</Descriptions.Item>
            <Descriptions.Item label="状态"><Tag color={c.status === 'closed' ? 'green' : 'processing'} data-testid="checkup-status">{c.status === 'closed' ? `已结束（${c.closedOn}）` : `进行中，未整改 ${c.openFindings} 项`}</Tag></Descriptions.Item>
            {c.summary && <Descriptions.Item label="体检结论" span={2}>{c.summary}</Descriptions.Item>}
          </Descriptions>
          <div className="muted" style={{ marginBottom: 8 }}>风险等级取未整改问题中最高的一级；问题全部整改销号后才能结束体检。整改期限为与企业约定的日期，不是法定期限。</div>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.findings}
            expandable={{ expandedRowRender: (f) => (f.followUps.length ? <Timeline items={f.followUps.map((u) => ({ color: u.rectified ? 'green' : 'blue', children: `${u.on} ${u.by ?? ''}：${u.note}${u.rectified ? '（整改完成，销号）' : ''}` }))} /> : <span className="muted">尚无跟踪记录</span>) }}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              { title: '领域', dataIndex: 'area', render: (v: keyof typeof CHECKUP_AREAS) => CHECKUP_AREAS[v] },
              { title: '风险', dataIndex: 'riskLevel', render: (v: keyof typeof RISK_LEVELS) => <Tag color={RISK_COLORS[v]}>{RISK_LEVELS[v]}</Tag> },
              { title: '问题', dataIndex: 'description' },
              { title: '建议', dataIndex: 'recommendation' },
              { title: '整改期限', dataIndex: 'rectifyBy', render: (v: string | null, f) => (v ? <Tag color={f.overdue ? 'red' : undefined}>{v}{f.overdue ? '（已过约定日期）' : ''}</Tag> : '—') },
              { title: '状态', dataIndex: 'status', render: (v: string, f) => (v === 'rectified' ? <Tag color="green">已整改（{f.rectifiedOn}）</Tag> : manage && c.status === 'open' ? <Button size="small" onClick={() => setDialog({ findingId: f.id, seq: f.seq })}>整改跟踪</Button> : <Tag color="orange">整改中</Tag>) },
            ]}
          />
        </>
      )}
      <Modal open={!!dialog} title={dialog === 'finding' ? '登记体检发现的问题' : dialog === 'close' ? '结束法治体检' : dialog ? `整改跟踪（问题 ${dialog.seq}）` : ''} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          name="checkupAction"
          initialValues={{ area: 'labour', riskLevel: 'medium', rectified: false }}
          onFinish={(v: Record<string, unknown>) => {
            if (dialog === 'finding') act.mutate({ path: 'findings', body: { area: v.area, riskLevel: v.riskLevel, description: v.description, recommendation: v.recommendation, rectifyBy: day(v.rectifyBy as Dayjs | null) ?? null } });
            else if (dialog === 'close') act.mutate({ path: 'close', body: { summary: v.summary } });
            else if (dialog) act.mutate({ path: 'follow-ups', body: { findingId: dialog.findingId, note: v.note, rectified: !!v.rectified } });
          }}
        >
          {dialog === 'finding' && (
            <>
              <Space wrap>
                <Form.Item label="领域" name="area"><Select style={{ width: 160 }} options={opts(CHECKUP_AREAS)} /></Form.Item>
                <Form.Item label="风险等级" name="riskLevel"><Radio.Group options={opts(RISK_LEVELS)} /></Form.Item>
              </Space>
              <Form.Item label="发现的问题" name="description" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
              <Form.Item label="整改建议" name="recommendation" rules={[{ required: true, whitespace: true, message: '请填写建议' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
              <Form.Item label="约定整改期限" name="rectifyBy"><DatePicker /></Form.Item>
            </>
          )}
          {dialog === 'close' && <Form.Item label="体检结论" name="summary" rules={[{ required: true, whitespace: true, message: '请填写体检结论' }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>}
          {dialog && typeof dialog === 'object' && (
            <>
              <Form.Item label="跟踪情况" name="note" rules={[{ required: true, whitespace: true, message: '请填写跟踪情况' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
              <Form.Item name="rectified" valuePropName="checked"><Checkbox>整改完成，销号</Checkbox></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}

function RequestDrawer({ id, onClose, onCheckup }: { id: string; onClose: () => void; onCheckup: (id: string) => void }) {
  const can = useCan();
  const manage = can(['legalService.enterprise.manage']);
  const qc = useQueryClient();
  const done = useDone();
  const q = useQuery({ queryKey: ['legalService', 'enterprise', 'request', id], queryFn: () => get<EnterpriseRequest>(`${P}/enterprise/requests/${id}`) });
  const lawyers = useQuery({ queryKey: ['legalService', 'lawyers'], queryFn: () => get<{ data: (LawyerCandidate & { active: boolean })[] }>(`${P}/aid/lawyers`), enabled: manage && can(['legalService.aid.read']) });
  const [dialog, setDialog] = useState<null | 'assign' | 'respond' | 'close' | 'checkup'>(null);
  const [form] = Form.useForm();
  const act = useMutation({
    mutationFn: async ({ kind, body }: { kind: 'assign' | 'respond' | 'close' | 'checkup'; body: Record<string, unknown> }) => {
      if (kind === 'checkup') return { checkup: await post<Checkup>(`${P}/enterprise/checkups`, { requestId: id, ...body }) };
      return { request: await post<EnterpriseRequest>(`${P}/enterprise/requests/${id}/${kind}`, { ...body, version: q.data!.version }) };
    },
    onSuccess: (res, v) => {
      if ('request' in res) qc.setQueryData(['legalService', 'enterprise', 'request', id], res.request);
      else void qc.invalidateQueries({ queryKey: ['legalService', 'enterprise', 'request', id] });
      done({ assign: '已指派', respond: '已答复企业', close: '已办结', checkup: '已开展法治体检' }[v.kind]);
      setDialog(null);
      form.resetFields();
      if ('checkup' in res && res.checkup) onCheckup(res.checkup.id);
    },
  });
  const r = q.data;
  const buttons: [typeof dialog, string, boolean][] = r ? [['assign', r.status === 'received' ? '指派' : '改派', r.status === 'received' || r.status === 'assigned'], ['checkup', '开展法治体检', r.status === 'assigned' || r.status === 'responded'], ['respond', '答复企业', r.status === 'assigned'], ['close', '办结', r.status === 'responded']] : [];
  return (
    <Drawer open width={760} title={r ? `企业服务需求 ${r.requestNo}` : '企业服务需求'} onClose={onClose} extra={manage && <Space>{buttons.filter(([, , show]) => show).map(([k, label]) => <Button key={k} type={k === 'close' ? 'primary' : 'default'} onClick={() => setDialog(k)}>{label}</Button>)}</Space>}>
      <ErrorAlert error={q.error} />
      {r && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label="状态"><Tag color={STATUS_COLORS[r.status]} data-testid="request-status">{REQUEST_STATUSES[r.status]}</Tag></Descriptions.Item>
          <Descriptions.Item label="企业">{r.firmName}（{FIRM_TYPES[r.firmType]}，{INDUSTRIES[r.industry]}，{r.street}）</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码"><span style={{ fontFamily: 'monospace' }}>{r.creditCode}</span></Descriptions.Item>
          <Descriptions.Item label="服务事项">{ENTERPRISE_TOPICS[r.topic]}</Descriptions.Item>
          <Descriptions.Item label="需求描述"><span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span></Descriptions.Item>
          <Descriptions.Item label="受理">{r.receivedOn}，{r.handlerName ?? ''}</Descriptions.Item>
          {r.assignedOn && <Descriptions.Item label="承办">{[r.lawyerName, r.teamName].filter(Boolean).join('；')}（{r.assignedOn}）</Descriptions.Item>}
          {r.checkupIds.length > 0 && <Descriptions.Item label="法治体检"><Space wrap>{r.checkupIds.map((c, i) => <Button key={c} size="small" onClick={() => onCheckup(c)}>查看体检 {i + 1}</Button>)}</Space></Descriptions.Item>}
          {r.response && <Descriptions.Item label="答复">{r.respondedOn}：{r.response}</Descriptions.Item>}
          {r.closedOn && <Descriptions.Item label="办结">{r.closedOn}，企业评价：{r.satisfaction ? SATISFACTION_LEVELS[r.satisfaction] : '—'}{r.closureNote ? `；${r.closureNote}` : ''}</Descriptions.Item>}
        </Descriptions>
      )}
      <Modal open={!!dialog} title={{ assign: '指派律师或服务团队', respond: '答复企业', close: '办结并记录满意度', checkup: '开展法治体检' }[dialog ?? 'assign']} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          name="requestAction"
          onFinish={(v: Record<string, unknown>) => {
            if (!dialog) return;
            const body = dialog === 'assign' ? { lawyerId: v.lawyerId ?? null, teamName: v.teamName || null } : dialog === 'close' ? { satisfaction: v.satisfaction, note: v.note ?? '' } : dialog === 'respond' ? { response: v.response } : { team: v.team, scope: v.scope };
            act.mutate({ kind: dialog, body });
          }}
        >
          {dialog === 'assign' && (
            <>
              <Form.Item label="承办律师（律师库）" name="lawyerId"><Select allowClear showSearch optionFilterProp="label" options={(lawyers.data?.data ?? []).filter((l) => l.active).map((l) => ({ value: l.id, label: `${l.name}（${l.firmName}）` }))} /></Form.Item>
              <Form.Item label="服务团队" name="teamName"><Input maxLength={100} placeholder="如：金融街律师服务团" /></Form.Item>
            </>
          )}
          {dialog === 'respond' && <Form.Item label="答复内容" name="response" rules={[{ required: true, whitespace: true, message: '请填写答复内容' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>}
          {dialog === 'close' && (
            <>
              <Form.Item label="企业满意度" name="satisfaction" rules={[{ required: true, message: '请选择满意度' }]}><Radio.Group options={opts(SATISFACTION_LEVELS)} /></Form.Item>
              <Form.Item label="备注" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
            </>
          )}
          {dialog === 'checkup' && (
            <>
              <Form.Item label="体检团队" name="team" initialValue={r?.teamName ?? undefined} rules={[{ required: true, whitespace: true, message: '请填写体检团队' }]}><Input maxLength={200} /></Form.Item>
              <Form.Item label="体检范围" name="scope" initialValue="公司治理、合同管理、劳动用工、数据合规" rules={[{ required: true, whitespace: true, message: '请填写体检范围' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}

function RequestsTab({ onCheckup }: { onCheckup: (id: string) => void }) {
  const can = useCan();
  const [filters, setFilters] = useState<{ status?: string; firmType?: string; industry?: string; q?: string; page: number }>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const q = useQuery({ queryKey: ['legalService', 'enterprise', 'requests', filters], queryFn: () => get<ReqList>(`${P}/enterprise/requests`, { ...filters, pageSize: 20 }), placeholderData: keepPreviousData });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {can(['legalService.enterprise.manage']) && <Button type="primary" onClick={() => setCreating(true)}>登记服务需求</Button>}
        <Select allowClear placeholder="状态" aria-label="状态" style={{ width: 140 }} options={opts(REQUEST_STATUSES)} onChange={(v) => setFilters((f) => ({ ...f, status: v, page: 1 }))} />
        <Select allowClear placeholder="企业类型" aria-label="企业类型" style={{ width: 140 }} options={opts(FIRM_TYPES)} onChange={(v) => setFilters((f) => ({ ...f, firmType: v, page: 1 }))} />
        <Select allowClear placeholder="行业" aria-label="行业" style={{ width: 180 }} options={opts(INDUSTRIES)} onChange={(v) => setFilters((f) => ({ ...f, industry: v, page: 1 }))} />
        <Input.Search allowClear placeholder="企业名称、编号或信用代码" aria-label="搜索企业服务需求" style={{ width: 260 }} onSearch={(v) => setFilters((f) => ({ ...f, q: v || undefined, page: 1 }))} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<EnterpriseRequest>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ current: filters.page, pageSize: 20, total: q.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilters((f) => ({ ...f, page })) }}
        columns={[
          { title: '编号', dataIndex: 'requestNo', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
          { title: '企业', dataIndex: 'firmName' },
          { title: '类型', dataIndex: 'firmType', render: (v: keyof typeof FIRM_TYPES) => FIRM_TYPES[v] },
          { title: '行业', dataIndex: 'industry', render: (v: keyof typeof INDUSTRIES) => INDUSTRIES[v] },
          { title: '事项', dataIndex: 'topic', render: (v: keyof typeof ENTERPRISE_TOPICS) => ENTERPRISE_TOPICS[v] },
          { title: '受理日期', dataIndex: 'receivedOn' },
          { title: '承办', key: 'who', render: (_: unknown, r) => [r.lawyerName, r.teamName].filter(Boolean).join('；') || '—' },
          { title: '状态', dataIndex: 'status', render: (v: keyof typeof REQUEST_STATUSES) => <Tag color={STATUS_COLORS[v]}>{REQUEST_STATUSES[v]}</Tag> },
          { title: '', key: 'op', render: (_: unknown, r) => <Button size="small" onClick={() => setOpen(r.id)}>办理</Button> },
        ]}
      />
      {creating && <NewRequestModal onClose={() => setCreating(false)} onCreated={(r) => { setCreating(false); setOpen(r.id); }} />}
      {open && <RequestDrawer id={open} onClose={() => setOpen(null)} onCheckup={onCheckup} />}
    </>
  );
}

function CheckupsTab({ onOpen }: { onOpen: (id: string) => void }) {
  const [filters, setFilters] = useState<{ status?: string; riskLevel?: string; q?: string; page: number }>({ page: 1 });
  const q = useQuery({ queryKey: ['legalService', 'enterprise', 'checkups', filters], queryFn: () => get<{ data: CheckupSummary[]; total: number }>(`${P}/enterprise/checkups`, { ...filters, pageSize: 20 }), placeholderData: keepPreviousData });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="状态" aria-label="体检状态" style={{ width: 140 }} options={[{ value: 'open', label: '进行中' }, { value: 'closed', label: '已结束' }]} onChange={(v) => setFilters((f) => ({ ...f, status: v, page: 1 }))} />
        <Select allowClear placeholder="风险等级" aria-label="风险等级" style={{ width: 140 }} options={opts(RISK_LEVELS)} onChange={(v) => setFilters((f) => ({ ...f, riskLevel: v, page: 1 }))} />
        <Input.Search allowClear placeholder="企业名称或编号" aria-label="搜索法治体检" style={{ width: 240 }} onSearch={(v) => setFilters((f) => ({ ...f, q: v || undefined, page: 1 }))} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<CheckupSummary>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ current: filters.page, pageSize: 20, total: q.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilters((f) => ({ ...f, page })) }}
        columns={[
          { title: '编号', dataIndex: 'checkupNo', render: (v: string, r) => <a onClick={() => onOpen(r.id)}>{v}</a> },
          { title: '企业', dataIndex: 'firmName' },
          { title: '类型', dataIndex: 'firmType', render: (v: keyof typeof FIRM_TYPES) => FIRM_TYPES[v] },
          { title: '体检日期', dataIndex: 'conductedOn' },
          { title: '团队', dataIndex: 'team' },
          { title: '风险', dataIndex: 'riskLevel', render: (v: keyof typeof RISK_LEVELS | null) => (v ? <Tag color={RISK_COLORS[v]}>{RISK_LEVELS[v]}</Tag> : '—') },
          { title: '未整改', dataIndex: 'openFindings' },
          { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'closed' ? <Tag color="green">已结束</Tag> : <Tag color="processing">进行中</Tag>) },
        ]}
      />
    </>
  );
}

function CampaignsTab() {
  const can = useCan();
  const done = useDone();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['legalService', 'enterprise', 'campaigns'], queryFn: () => get<{ data: Campaign[]; total: number }>(`${P}/enterprise/campaigns`) });
  const once = useSubmitOnce();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<Campaign>(`${P}/enterprise/campaigns`, { title: v.title, targetGroup: v.targetGroup, startedOn: day(v.startedOn as Dayjs), endedOn: day(v.endedOn as Dayjs | null) ?? null, street: v.street, venue: v.venue, partners: v.partners || null, activities: v.activities, participants: v.participants, consultations: v.consultations, materials: v.materials, summary: v.summary }),
    onSuccess: (c) => {
      done(`已登记专项活动 ${c.campaignNo}`);
      setCreating(false);
      form.resetFields();
    },
  });
  return (
    <>
      {can(['legalService.enterprise.manage']) && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>登记专项活动</Button>}
      <ErrorAlert error={q.error} />
      <Table<Campaign>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        expandable={{ expandedRowRender: (c) => <div><p>{c.summary}</p><p className="muted">{c.venue}{c.partners ? `；协办：${c.partners}` : ''}；经办：{c.handlerName ?? '—'}</p></div> }}
        columns={[
          { title: '编号', dataIndex: 'campaignNo' },
          { title: '活动', dataIndex: 'title' },
          { title: '服务对象', dataIndex: 'targetGroup', render: (v: keyof typeof CAMPAIGN_GROUPS) => <Tag>{CAMPAIGN_GROUPS[v]}</Tag> },
          { title: '时间', key: 'when', render: (_: unknown, c) => `${c.startedOn}${c.endedOn && c.endedOn !== c.startedOn ? ` 至 ${c.endedOn}` : ''}` },
          { title: '街道', dataIndex: 'street' },
          { title: '场次', dataIndex: 'activities' },
          { title: '参与人数', dataIndex: 'participants' },
          { title: '现场咨询', dataIndex: 'consultations' },
          { title: '关联企业需求', dataIndex: 'requests' },
        ]}
      />
      <Modal open={creating} title="登记专项法律服务活动" onCancel={() => setCreating(false)} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} destroyOnHidden width={680}>
        <Form form={form} layout="vertical" name="campaign" initialValues={{ targetGroup: 'migrantWorker', activities: 1, participants: 0, consultations: 0, materials: 0 }} onFinish={once((v) => save.mutateAsync(v))}>
          <Form.Item label="活动名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写活动名称' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item label="服务对象" name="targetGroup"><Select options={opts(CAMPAIGN_GROUPS)} /></Form.Item>
          <Space wrap>
            <Form.Item label="开始日期" name="startedOn" rules={[{ required: true, message: '请选择开始日期' }]}><DatePicker /></Form.Item>
            <Form.Item label="结束日期" name="endedOn"><DatePicker /></Form.Item>
            <Form.Item label="街道" name="street" rules={[{ required: true, whitespace: true, message: '请填写街道' }]}><Input maxLength={20} style={{ width: 120 }} /></Form.Item>
          </Space>
          <Form.Item label="地点" name="venue" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item label="协办单位" name="partners"><Input maxLength={200} /></Form.Item>
          <Space wrap>
            <Form.Item label="场次" name="activities"><InputNumber min={0} /></Form.Item>
            <Form.Item label="参与人数" name="participants"><InputNumber min={0} /></Form.Item>
            <Form.Item label="现场咨询人次" name="consultations"><InputNumber min={0} /></Form.Item>
            <Form.Item label="发放资料" name="materials"><InputNumber min={0} /></Form.Item>
          </Space>
          <Form.Item label="活动情况" name="summary" rules={[{ required: true, whitespace: true, message: '请填写活动情况' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function StatsTab() {
  const year = `${new Date().getFullYear()}`;
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: `${year}-01-01`, to: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10) });
  const q = useQuery({ queryKey: ['legalService', 'enterprise', 'stats', period], queryFn: () => get<EnterpriseStats>(`${P}/enterprise/stats`, period) });
  const s = q.data;
  const cols = [
    { title: '服务需求', dataIndex: 'requests' }, { title: '已办结', dataIndex: 'closed' }, { title: '法治体检', dataIndex: 'checkups' }, { title: '发现问题', dataIndex: 'findings' }, { title: '其中高风险', dataIndex: 'highRisk' }, { title: '未整改', dataIndex: 'openFindings' },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker aria-label="统计期间" allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })} />
        <span className="muted">统计期间：{period.from} 至 {period.to}</span>
        <a href={`${API_BASE}${P}/stats/export.xlsx?from=${period.from}&to=${period.to}`}>导出 Excel（公共法律服务统计表）</a>
      </Space>
      <ErrorAlert error={q.error} />
      {s && (
        <>
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title="服务需求" value={s.requests} />
            <Statistic title="已办结" value={s.closed} />
            <Statistic title="满意率（满意+基本满意）" value={s.surveyed ? Math.round((s.satisfied / s.surveyed) * 1000) / 10 : '—'} suffix={s.surveyed ? '%' : ''} />
          </Space>
          <h3>按企业类型</h3>
          <Table rowKey="key" size="small" pagination={false} dataSource={s.byFirmType} columns={[{ title: '企业类型', dataIndex: 'label' }, ...cols]} />
          <h3 style={{ marginTop: 16 }}>按行业</h3>
          <Table rowKey="key" size="small" pagination={false} dataSource={s.byIndustry} columns={[{ title: '行业', dataIndex: 'label' }, ...cols]} />
          <h3 style={{ marginTop: 16 }}>专项活动</h3>
          <Table rowKey="key" size="small" pagination={false} dataSource={s.campaigns} columns={[{ title: '服务对象', dataIndex: 'label' }, { title: '活动次数', dataIndex: 'campaigns' }, { title: '参与人数', dataIndex: 'participants' }, { title: '现场咨询人次', dataIndex: 'consultations' }]} />
        </>
      )}
    </>
  );
}

export function EnterprisePage() {
  const [checkup, setCheckup] = useState<string | null>(null);
  return (
    <>
      <PageHeader title="企业法律服务" description="面向金融、中小微、科技创新企业的法律服务需求、法治体检（发现问题、风险等级、整改跟踪销号）和专项法律服务活动；企业以统一社会信用代码识别（GB 32100-2015 校验）。" />
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message="本局短板：公共法律服务与辖区主导产业和中小微、创新型企业的需求匹配不足。按企业类型、行业的统计见“统计”页。" />
      <Tabs
        items={[
          { key: 'requests', label: '服务需求', children: <RequestsTab onCheckup={setCheckup} /> },
          { key: 'checkups', label: '法治体检', children: <CheckupsTab onOpen={setCheckup} /> },
          { key: 'campaigns', label: '专项活动', children: <CampaignsTab /> },
          { key: 'stats', label: '统计', children: <StatsTab /> },
        ]}
      />
      {checkup && <CheckupDrawer id={checkup} onClose={() => setCheckup(null)} />}
    </>
  );
}
