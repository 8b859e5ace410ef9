/** 法律援助: application register, intake (incl. referral from a consultation record), detail with deadlines and actions, statistics. */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Table, Tag, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import {
  AID_CHANNELS, AID_GROUPS, AID_MATTERS, AID_STATUSES, type AidApplication, type AidApplicationSummary, type AidDeadline, type AidStats, EXEMPT_ITEMS, type LawyerCandidate, MEANS_BASES, QUALITY_GRADES, type ReferralDraft, TERMINATION_GROUNDS, WAIVER_ITEMS,
} from '../../../common/contracts/legal-services';
import type { HeadlineFigures } from '../../../common/contracts/legal-services-enterprise';
import { API_BASE, get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useSubmitOnce } from '../../components/submitOnce';
import { StepsList } from '../../components/StepsList';
import { Chart } from '../enforcement/Chart';

const P = '/legal-services';
const STATUS_COLORS: Record<string, string> = { received: 'processing', granted: 'gold', assigned: 'blue', refused: 'red', closed: 'green', terminated: 'default', withdrawn: 'default' };
const opts = (o: Record<string | number, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

function DueTag({ due, daysLeft }: { due: string | null; daysLeft?: number | null }) {
  if (!due) return <span className="muted">—</span>;
  const color = daysLeft == null ? undefined : daysLeft < 0 ? 'red' : daysLeft <= 2 ? 'orange' : undefined;
  return <Tag color={color}>{due}{daysLeft != null && (daysLeft < 0 ? `（逾期 ${-daysLeft} 日）` : `（剩 ${daysLeft} 日）`)}</Tag>;
}

export function AidListPage() {
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const status = sp.get('status') ?? undefined;
  const urgent = sp.get('urgent') ?? undefined;
  const page = Number(sp.get('page') ?? 1);
  // 收到日期 range: set by the dashboard's drill-down (the statistics' period), shown as a dismissable tag
  const receivedFrom = sp.get('receivedFrom') ?? undefined;
  const receivedTo = sp.get('receivedTo') ?? undefined;
  const given = sp.get('given') === 'true' ? 'true' : undefined;
  const q = useQuery({ queryKey: ['legalAid', 'list', status, urgent, page, sp.get('q'), receivedFrom, receivedTo, given], queryFn: () => get<{ data: AidApplicationSummary[]; total: number }>(`${P}/aid/applications`, { status, urgent, page, pageSize: 20, q: sp.get('q') ?? undefined, receivedFrom, receivedTo, given }), placeholderData: keepPreviousData });
  const set = (k: string, v: string | undefined) => {
    const n = new URLSearchParams(sp);
    if (v) n.set(k, v);
    else n.delete(k);
    n.delete('page');
    setSp(n);
  };
  return (
    <>
      <PageHeader title="法律援助申请" description="审查决定期限 7 日、指派期限 3 日（《中华人民共和国法律援助法》第四十三条，自然日，届满日为法定休假日的顺延）；距时效届满不足七日等紧急情形可先行提供法律援助（第四十四条）。" extra={can('legalService.aid.handle') && <Link to="/legal-services/aid/new"><Button type="primary">登记申请</Button></Link>} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="状态" style={{ width: 180 }} value={status} onChange={(v) => set('status', v)} options={opts(AID_STATUSES)} aria-label="状态" />
        <Select allowClear placeholder="是否紧急" style={{ width: 140 }} value={urgent} onChange={(v) => set('urgent', v)} options={[{ value: 'true', label: '紧急（第四十四条）' }, { value: 'false', label: '非紧急' }]} aria-label="是否紧急" />
        <Input.Search allowClear placeholder="申请人或编号" defaultValue={sp.get('q') ?? ''} onSearch={(v) => set('q', v || undefined)} style={{ width: 220 }} aria-label="搜索申请人或编号" />
        {(receivedFrom || receivedTo) && (
          <Tag color="blue" closable onClose={() => { const n = new URLSearchParams(sp); n.delete('receivedFrom'); n.delete('receivedTo'); n.delete('page'); setSp(n); }}>
            筛选：收到日期 {receivedFrom ?? '不限'} 至 {receivedTo ?? '不限'}
          </Tag>
        )}
        {given && (
          <Tag color="blue" closable onClose={() => set('given', undefined)}>
            筛选：已决定给予法律援助（含已指派、已结案、已终止）
          </Tag>
        )}
      </Space>
      <ErrorAlert error={q.error} />
      <Table<AidApplicationSummary>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 件`, onChange: (p) => { const n = new URLSearchParams(sp); n.set('page', String(p)); setSp(n); } }}
        columns={[
          { title: '编号', dataIndex: 'appNo', width: 180, render: (v: string, r) => <Link to={`/legal-services/aid/${r.id}`}>{v}</Link> },
          { title: '收到日期', dataIndex: 'receivedOn', width: 110 },
          { title: '申请人', dataIndex: 'applicantName', width: 90 },
          { title: '群体', dataIndex: 'group', width: 110, render: (v: keyof typeof AID_GROUPS) => AID_GROUPS[v] },
          { title: '事项', dataIndex: 'matter', render: (v: keyof typeof AID_MATTERS) => AID_MATTERS[v] },
          { title: '状态', dataIndex: 'status', width: 170, render: (v: keyof typeof AID_STATUSES, r) => <Space size={4} wrap><Tag color={STATUS_COLORS[v]}>{AID_STATUSES[v]}</Tag>{r.urgent && <Tag color="red">紧急</Tag>}</Space> },
          { title: '审查决定期限', dataIndex: 'decisionDue', width: 120, render: (v: string | null) => <DueTag due={v} /> },
          { title: '指派期限', dataIndex: 'assignmentDue', width: 110, render: (v: string | null) => <DueTag due={v} /> },
          { title: '承办律师', dataIndex: 'lawyerName', width: 90, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </>
  );
}

interface IntakeValues {
  channel: keyof typeof AID_CHANNELS;
  receivedOn?: Dayjs;
  custodyReceivedAt?: Dayjs;
  forwardedBy?: string;
  notifyingOrgan?: string;
  name: string;
  idNumber: string;
  mobile?: string;
  group: string;
  matter: string;
  caseSummary: string;
  opposingParty?: string;
  severeCriminal?: boolean;
  limitationDate?: Dayjs;
  preservationUrgent?: boolean;
  basis: keyof typeof MEANS_BASES;
  item?: number;
  monthlyIncomePerCapita?: number;
  householdSize?: number;
  method?: 'dataSharing' | 'pledge';
  proof?: string;
}

export function AidIntakePage() {
  const [form] = Form.useForm<IntakeValues>();
  const navigate = useNavigate();
  const [sp] = useSearchParams();
  const from = sp.get('fromConsultation');
  const draft = useQuery({ queryKey: ['legalAid', 'referral', from], queryFn: () => get<ReferralDraft>(`${P}/consultations/${from}/referral-draft`), enabled: !!from });
  useEffect(() => {
    if (draft.data) form.setFieldsValue({ channel: 'window', name: draft.data.applicantName ?? '', group: draft.data.group ?? undefined, matter: draft.data.matter, caseSummary: draft.data.caseSummary } as Partial<IntakeValues>);
  }, [draft.data, form]);
  const channel = Form.useWatch('channel', form);
  const basis = Form.useWatch('basis', form);
  const once = useSubmitOnce();
  const save = useMutation({
    mutationFn: (v: IntakeValues) =>
      post<AidApplication>(`${P}/aid/applications`, {
        channel: v.channel,
        ...(v.receivedOn ? { receivedOn: v.receivedOn.format('YYYY-MM-DD') } : {}),
        custodyReceivedAt: v.custodyReceivedAt ? v.custodyReceivedAt.toISOString() : null,
        forwardedBy: v.forwardedBy || null,
        notifyingOrgan: v.notifyingOrgan || null,
        applicant: { name: v.name, idNumber: v.idNumber, mobile: v.mobile || null },
        group: v.group,
        matter: v.matter,
        caseSummary: v.caseSummary,
        opposingParty: v.opposingParty || null,
        severeCriminal: !!v.severeCriminal,
        limitationDate: v.limitationDate ? v.limitationDate.format('YYYY-MM-DD') : null,
        preservationUrgent: !!v.preservationUrgent,
        means: { basis: v.basis, item: v.item ?? null, monthlyIncomePerCapita: v.monthlyIncomePerCapita ?? null, householdSize: v.householdSize ?? null, method: v.method ?? null, proof: v.proof || null },
        sourceConsultationId: from,
      }),
    onSuccess: (a) => {
      notifySuccess(`已登记法律援助申请 ${a.appNo}，审查决定期限至 ${a.decisionDue ?? '—'}${a.urgent ? '（紧急）' : ''}`);
      navigate(`/legal-services/aid/${a.id}`);
    },
  });
  return (
    <>
      <PageHeader title="登记法律援助申请" description="收到申请之日起七日内作出是否给予法律援助的决定（《中华人民共和国法律援助法》第四十三条）。" />
      {from && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={draft.data ? `由咨询记录 ${draft.data.recordNo} 转办：已带入来电人、群体、事项和咨询内容；来电人的电话号码由系统带入，无需重新填写` : '正在读取咨询记录…'} />}
      <ErrorAlert error={draft.error} />
      <Form form={form} layout="vertical" name="aidIntake" initialValues={{ channel: 'window', basis: 'checked', method: 'pledge' }} onFinish={once((v) => save.mutateAsync(v))} style={{ maxWidth: 900 }}>
        <Card title="申请渠道" size="small" style={{ marginBottom: 12 }}>
          <Form.Item label="渠道" name="channel"><Radio.Group options={opts(AID_CHANNELS)} /></Form.Item>
          <Form.Item label="收到申请日期（默认今天）" name="receivedOn"><DatePicker /></Form.Item>
          {channel === 'forwarded' && (
            <Row gutter={12}>
              <Col span={12}><Form.Item label="羁押场所或值班律师收到申请的时间" name="custodyReceivedAt" rules={[{ required: true, message: '请填写（第三十九条：二十四小时内转交）' }]}><DatePicker showTime /></Form.Item></Col>
              <Col span={12}><Form.Item label="转交单位" name="forwardedBy" rules={[{ required: true, message: '请填写转交单位' }]}><Input maxLength={200} /></Form.Item></Col>
            </Row>
          )}
          {channel === 'notified' && <Form.Item label="通知机关（人民法院、人民检察院、公安机关）" name="notifyingOrgan" rules={[{ required: true, message: '请填写通知机关' }]}><Input maxLength={200} /></Form.Item>}
        </Card>
        <Card title="申请人与事项" size="small" style={{ marginBottom: 12 }}>
          <Row gutter={12}>
            <Col xs={24} md={8}><Form.Item label="申请人姓名" name="name" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}><Input maxLength={50} /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="身份证号码" name="idNumber" rules={[{ required: true, message: '请输入身份证号码' }]}><Input maxLength={18} autoComplete="off" /></Form.Item></Col>
            <Col xs={24} md={8}><Form.Item label="手机号码" name="mobile"><Input maxLength={11} autoComplete="off" placeholder={from ? '由咨询记录带入' : ''} /></Form.Item></Col>
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={8}><Form.Item label="受援人群体" name="group" rules={[{ required: true, message: '请选择群体' }]}><Select options={opts(AID_GROUPS)} /></Form.Item></Col>
            <Col xs={24} md={16}><Form.Item label="援助事项" name="matter" rules={[{ required: true, message: '请选择事项' }]}><Select options={opts(AID_MATTERS)} /></Form.Item></Col>
          </Row>
          <Form.Item label="案情摘要" name="caseSummary" rules={[{ required: true, whitespace: true, message: '请填写案情摘要' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
          <Form.Item label="对方当事人（用于利益冲突审查）" name="opposingParty"><Input maxLength={200} /></Form.Item>
          <Form.Item name="severeCriminal" valuePropName="checked"><Checkbox>可能被判处无期徒刑、死刑（须指派三年以上相关执业经历的律师，第二十六条）</Checkbox></Form.Item>
        </Card>
        <Card title="紧急情形（第四十四条）" size="small" style={{ marginBottom: 12 }}>
          <Form.Item label="诉讼时效或起诉、仲裁、复议期限届满日" name="limitationDate" extra="距届满不足七日的，可以在作出决定前先行提供法律援助"><DatePicker /></Form.Item>
          <Form.Item name="preservationUrgent" valuePropName="checked"><Checkbox>需要立即申请财产保全、证据保全或者先予执行</Checkbox></Form.Item>
        </Card>
        <Card title="经济困难审查" size="small" style={{ marginBottom: 12 }}>
          <Form.Item label="审查依据" name="basis"><Radio.Group options={opts(MEANS_BASES)} optionType="button" /></Form.Item>
          {basis === 'exempt' && <Form.Item label="第三十二条情形" name="item" rules={[{ required: true, message: '请选择情形' }]}><Select options={Object.entries(EXEMPT_ITEMS).map(([k, v]) => ({ value: Number(k), label: `第（${k}）项 ${v}` }))} /></Form.Item>}
          {basis === 'waived' && (
            <>
              <Form.Item label="第四十二条情形" name="item" rules={[{ required: true, message: '请选择情形' }]}><Select options={Object.entries(WAIVER_ITEMS).map(([k, v]) => ({ value: Number(k), label: `第（${k}）项 ${v}` }))} /></Form.Item>
              <Form.Item label="证明材料" name="proof" rules={[{ required: true, message: '请填写证明材料名称' }]}><Input maxLength={500} /></Form.Item>
            </>
          )}
          {basis === 'checked' && (
            <Row gutter={12}>
              <Col xs={24} md={8}><Form.Item label="家庭人均月收入（元）" name="monthlyIncomePerCapita" rules={[{ required: true, message: '请填写' }]}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={24} md={6}><Form.Item label="家庭人口" name="householdSize"><InputNumber min={1} max={30} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={24} md={10}><Form.Item label="核查方式（第四十一条）" name="method"><Radio.Group options={[{ value: 'pledge', label: '个人诚信承诺' }, { value: 'dataSharing', label: '信息共享查询' }]} /></Form.Item></Col>
            </Row>
          )}
        </Card>
        <Button type="primary" htmlType="submit" loading={save.isPending}>登记</Button>
      </Form>
    </>
  );
}

function DeadlineCard({ d }: { d: AidDeadline }) {
  const label = d.status === 'projected' ? '推算' : d.status === 'open' ? '进行中' : d.status === 'met' ? '已完成' : '已取消';
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid={`deadline-${d.ruleId}`} title={<Space wrap><span>{d.title}</span><Tag>{label}</Tag>{d.unverified && <Tag color="orange">待核实</Tag>}</Space>} extra={d.status === 'open' && !d.dueDate ? <Tag color="default">暂停计算</Tag> : <DueTag due={d.dueDate} daysLeft={d.status === 'open' || d.status === 'projected' ? d.daysLeft : null} />}>
      <div className="muted" style={{ marginBottom: 4 }}>{d.citation}；起算日 {d.startDate}</div>
      {d.note && <div className="muted" style={{ marginBottom: 4 }}>{d.note}</div>}
      <StepsList steps={d.steps} label={`${d.title}计算说明`} />
    </Card>
  );
}

function CandidatesTable({ id, onPick }: { id: string; onPick: (lawyerId: string | null) => void }) {
  const q = useQuery({ queryKey: ['legalAid', 'candidates', id], queryFn: () => get<{ data: LawyerCandidate[]; rule: string }>(`${P}/aid/applications/${id}/candidates`) });
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 8 }} message={q.data?.rule ?? '…'} />
      <Button type="primary" style={{ marginBottom: 8 }} onClick={() => onPick(null)}>按负荷自动指派（第 1 名）</Button>
      <Table<LawyerCandidate>
        size="small"
        rowKey="id"
        loading={q.isFetching}
        pagination={false}
        dataSource={q.data?.data ?? []}
        columns={[
          { title: '排序', dataIndex: 'rank', render: (v: number | null) => v ?? '—' },
          { title: '律师', dataIndex: 'name', render: (v: string, r) => `${v}（${r.firmName}）` },
          { title: '在办', dataIndex: 'openCases', render: (v: number, r) => `${v} / ${r.maxLoad}` },
          { title: '擅长', dataIndex: 'specialtyMatch', render: (v: boolean) => (v ? '是' : '') },
          { title: '冲突审查', dataIndex: 'conflicts', render: (v: string[]) => (v.length ? <span style={{ color: '#cf1322' }}>{v.join('；')}</span> : <Tag color="green">无冲突</Tag>) },
          { title: '', key: 'pick', render: (_: unknown, r) => <Button size="small" disabled={!r.eligible} onClick={() => onPick(r.id)}>指派</Button> },
        ]}
      />
    </>
  );
}

type ActionKind = 'grant' | 'refuse' | 'withdraw' | 'assign' | 'provisionalAssign' | 'close' | 'terminate' | 'objection' | 'decideObjection' | 'requestMaterials' | 'receiveMaterials';
const ACTION_LABELS: Record<ActionKind, string> = { grant: '决定给予', refuse: '不予援助', withdraw: '撤回', assign: '指派律师', provisionalAssign: '先行提供法律援助', close: '结案', terminate: '终止', objection: '登记异议', decideObjection: '审查异议', requestMaterials: '通知补充材料', receiveMaterials: '收到补充材料' };

export function AidDetailPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['legalAid', id], queryFn: () => get<AidApplication>(`${P}/aid/applications/${id}`) });
  const [action, setAction] = useState<ActionKind | null>(null);
  const [form] = Form.useForm();
  const once = useSubmitOnce();
  const act = useMutation({
    mutationFn: ({ kind, body }: { kind: ActionKind; body: Record<string, unknown> }) => {
      const path = { grant: 'grant', refuse: 'refuse', withdraw: 'withdraw', assign: 'assign', provisionalAssign: 'provisional-assign', close: 'close', terminate: 'terminate', objection: 'objection', decideObjection: 'objection-decision', requestMaterials: 'request-materials', receiveMaterials: 'receive-materials' }[kind];
      return post<AidApplication>(`${P}/aid/applications/${id}/${path}`, { ...body, version: q.data!.version });
    },
    onSuccess: (a, v) => {
      qc.setQueryData(['legalAid', id], a);
      void qc.invalidateQueries({ queryKey: ['legalAid', 'list'] });
      notifySuccess(`${ACTION_LABELS[v.kind]}：已办理`);
      setAction(null);
      form.resetFields();
    },
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  const a = q.data;
  if (!a) return null;
  const submit = once((body: Record<string, unknown>) => action && act.mutateAsync({ kind: action, body }));
  return (
    <>
      <PageHeader title={`法律援助申请 ${a.appNo}`} description={<Space wrap><Tag color={STATUS_COLORS[a.status]}>{AID_STATUSES[a.status]}</Tag>{a.urgent && <Tag color="red">紧急（第四十四条）</Tag>}<span>{AID_CHANNELS[a.channel]}</span></Space>} extra={<Space wrap>{a.actions.map((k) => <Button key={k} type={k === 'grant' || k === 'assign' ? 'primary' : 'default'} danger={k === 'refuse' || k === 'terminate'} onClick={() => (k === 'grant' ? Modal.confirm({ title: `决定给予法律援助：${a.appNo}`, content: `申请人 ${a.applicantName}。决定后应当自决定之日起三日内指派法律援助人员（《中华人民共和国法律援助法》第四十三条第一款）。`, okText: '决定给予', cancelText: '取消', onOk: () => act.mutateAsync({ kind: 'grant', body: { note: '' } }) }) : setAction(k as ActionKind))}>{ACTION_LABELS[k as ActionKind]}</Button>)}{a.status === 'refused' && <Button icon={<DownloadOutlined />} href={`${API_BASE}${P}/aid/applications/${a.id}/refusal-notice.docx`}>下载不予法律援助决定书（.docx）</Button>}</Space>} />
      {a.urgency.urgent && <Alert type="error" showIcon style={{ marginBottom: 12 }} message="紧急：可以在作出决定前先行提供法律援助" description={<><ul style={{ margin: 0 }}>{a.urgency.reasons.map((r) => <li key={r}>{r}</li>)}</ul><div className="muted">{a.urgency.citation}</div></>} data-testid="urgent-alert" />}
      {a.forwarding && <Alert type={a.forwarding.late ? 'warning' : 'success'} showIcon style={{ marginBottom: 12 }} message={a.forwarding.late ? `转交超过二十四小时（应于 ${formatInstant(a.forwarding.forwardDueAt)} 前转交）` : '在二十四小时内转交'} description={a.forwarding.citation} />}
      <Row gutter={16}>
        <Col xs={24} lg={13}>
          <Card title="申请信息" size="small" style={{ marginBottom: 12 }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="申请人">{a.applicantName}（{a.applicantIdNumber}{a.applicantMobile ? `，${a.applicantMobile}` : ''}）</Descriptions.Item>
              <Descriptions.Item label="群体 / 事项">{AID_GROUPS[a.group]} / {AID_MATTERS[a.matter]}</Descriptions.Item>
              <Descriptions.Item label="收到日期">{a.receivedOn}</Descriptions.Item>
              {a.notifyingOrgan && <Descriptions.Item label="通知机关">{a.notifyingOrgan}</Descriptions.Item>}
              <Descriptions.Item label="对方当事人">{a.opposingParty ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="案情摘要"><span style={{ whiteSpace: 'pre-wrap' }}>{a.caseSummary}</span></Descriptions.Item>
              <Descriptions.Item label="经济困难审查"><div>{a.means.text}</div><div className="muted">{a.means.citation}</div></Descriptions.Item>
              {a.decisionOn && <Descriptions.Item label="审查决定日期">{a.decisionOn}{a.refusalReason ? '（决定不予法律援助）' : '（决定给予法律援助）'}</Descriptions.Item>}
              {a.refusalReason && <Descriptions.Item label="不予援助理由">{a.refusalReason}</Descriptions.Item>}
              {a.lawyerName && <Descriptions.Item label="承办律师">{a.lawyerName}{a.provisional ? '（先行指派）' : ''}，{a.assignedOn}</Descriptions.Item>}
              {a.objection && <Descriptions.Item label="异议">{a.objection.receivedOn} 收到：{a.objection.reason}{a.objection.result && `；${a.objection.result === 'upheld' ? '维持' : '责令改正'}（${a.objection.decidedOn}）${a.objection.note ?? ''}`}</Descriptions.Item>}
              {a.closedOn && <Descriptions.Item label="结案">{a.closedOn}，质量评定：{QUALITY_GRADES[a.qualityGrade as keyof typeof QUALITY_GRADES] ?? a.qualityGrade}；{a.closureSummary}</Descriptions.Item>}
              {a.sourceConsultationId && <Descriptions.Item label="来源">由咨询记录转办</Descriptions.Item>}
              {a.materials && <Descriptions.Item label="补充材料"><div data-testid="aid-materials">{a.materials.requestedOn} 一次性告知补充：{a.materials.items}；{a.materials.receivedOn ? `${a.materials.receivedOn} 收到，审查决定期限继续计算` : '尚未补齐，审查决定期限暂停计算'}</div><div className="muted">{a.materials.note}</div></Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="办理记录" size="small">
            <Timeline items={a.events.map((e) => ({ children: <><div>{e.note}</div><div className="muted">{formatInstant(e.at)} {e.actorName ?? ''}</div></> }))} />
          </Card>
        </Col>
        <Col xs={24} lg={11}>
          <h2 style={{ fontSize: 16 }}>期限及计算说明</h2>
          {a.deadlines.map((d) => <DeadlineCard key={`${d.ruleId}-${d.startDate}-${d.status}`} d={d} />)}
        </Col>
      </Row>
      <Modal open={!!action} title={action ? ACTION_LABELS[action] : ''} onCancel={() => setAction(null)} footer={action === 'assign' || action === 'provisionalAssign' ? null : undefined} onOk={() => form.submit()} confirmLoading={act.isPending} width={action === 'assign' || action === 'provisionalAssign' ? 900 : 560} destroyOnHidden>
        {(action === 'assign' || action === 'provisionalAssign') && <CandidatesTable id={id} onPick={(lawyerId) => submit({ lawyerId })} />}
        <Form form={form} layout="vertical" name="aidAction" onFinish={(v: Record<string, unknown>) => submit(v)}>
          {action === 'refuse' && <Form.Item label="不予法律援助的理由（书面告知申请人）" name="reason" rules={[{ required: true, whitespace: true, message: '请说明理由' }]}><Input.TextArea rows={4} maxLength={2000} /></Form.Item>}
          {action === 'withdraw' && <Form.Item label="说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>}
          {action === 'close' && (
            <>
              <Form.Item label="结案情况" name="summary" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
              <Form.Item label="质量评定" name="qualityGrade" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={opts(QUALITY_GRADES)} /></Form.Item>
            </>
          )}
          {action === 'terminate' && (
            <>
              <Form.Item label="终止情形（第四十八条）" name="ground" rules={[{ required: true, message: '请选择' }]}><Select options={Object.entries(TERMINATION_GROUNDS).map(([k, v]) => ({ value: Number(k), label: `第（${k}）项 ${v}` }))} /></Form.Item>
              <Form.Item label="说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            </>
          )}
          {action === 'requestMaterials' && <><Alert type="info" showIcon style={{ marginBottom: 12 }} message="《中华人民共和国法律援助法》第四十三条第二款" description="申请材料不齐全的，一次性告知需要补充的材料或者要求作出说明；未按要求补充或者说明的，视为撤回申请。补充期间审查决定期限暂停计算为本局做法（法律未明确规定，待核实）。" /><Form.Item label="需要补充的材料（一次性告知）" name="items" rules={[{ required: true, whitespace: true, message: '请填写需要补充的材料' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item></>}
          {action === 'receiveMaterials' && <Form.Item label="补充情况" name="note"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>}
          {action === 'objection' && <Form.Item label="异议内容（司法行政部门自收到之日起五日内审查，第四十九条）" name="reason" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>}
          {action === 'decideObjection' && (
            <>
              <Form.Item label="审查结果" name="result" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={[{ value: 'upheld', label: '维持法律援助机构的决定' }, { value: 'corrected', label: '责令法律援助机构改正' }]} /></Form.Item>
              <Form.Item label="理由" name="note" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** The headline figures (approvals concluded, notarisations overseen, enquiries by channel …) from the data, with their definitions. */
function HeadlineCard() {
  const q = useQuery({ queryKey: ['legalService', 'figures'], queryFn: () => get<HeadlineFigures>(`${P}/figures`) });
  const f = q.data;
  if (!f) return <ErrorAlert error={q.error} />;
  const items: [keyof HeadlineFigures, string, string?][] = [
    ['aidAccepted', '法律援助受理（给予）'], ['consultationsPhone', '12348 热线电话咨询'], ['consultationsWalkIn', '现场咨询'], ['consultationsOnline', '网络咨询'], ['hotlineSatisfactionRate', '回访满意率', '%'],
    ['approvalsConcluded', '办结行政审批'], ['notarisationsOverseen', '监管公证业务量'], ['enterpriseRequests', '企业法律服务需求'], ['checkups', '法治体检'], ['campaigns', '专项活动'], ['campaignParticipants', '专项活动参与人数'], ['complaintsConcluded', '办结投诉'],
  ];
  return (
    <Card title={`公共法律服务主要数据（${f.from} 至 ${f.to}）`} size="small" style={{ marginBottom: 16 }} data-testid="headline-figures">
      <Row gutter={[16, 8]}>
        {items.map(([k, label, suffix]) => (
          <Col key={k} xs={12} md={6} lg={4}>
            <div className="muted" title={f.definitions[k]}>{label}</div>
            <div style={{ fontSize: 20 }}>{(f[k] as number | null) ?? '—'}{f[k] != null && suffix ? suffix : ''}</div>
          </Col>
        ))}
      </Row>
      <div className="muted" style={{ marginTop: 8 }}>统计口径见各项的提示文字；导出的 Excel“主要数据”表逐项列明口径。</div>
    </Card>
  );
}

export function AidStatsPage() {
  const can = useCan();
  const q = useQuery({ queryKey: ['legalAid', 'stats'], queryFn: () => get<AidStats>(`${P}/aid/stats`) });
  const lawyers = useQuery({ queryKey: ['legalAid', 'lawyers'], queryFn: () => get<{ data: (LawyerCandidate & { active: boolean })[] }>(`${P}/aid/lawyers`) });
  const s = q.data;
  const bar = (rows: { label: string; count: number }[]) => ({ tooltip: {}, grid: { left: 180, right: 20, top: 10, bottom: 20 }, xAxis: { type: 'value' }, yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true }, series: [{ type: 'bar', data: rows.map((r) => r.count) }] });
  return (
    <>
      <PageHeader title="法律援助统计" description={s ? `${s.from} 至 ${s.to}：受理 ${s.total} 件，其中紧急（第四十四条）${s.urgent} 件。` : undefined} extra={<Button href={`${API_BASE}${P}/stats/export.xlsx`} download>导出 Excel（公共法律服务统计表）</Button>} />
      <ErrorAlert error={q.error} />
      {can(['legalService.hotline.read', 'legalService.enterprise.read', 'legalService.register.read']) && <HeadlineCard />}
      {s && (
        <Row gutter={16}>
          <Col xs={24} lg={12}><Card title="按受援群体" size="small"><Chart label="按受援群体统计" option={bar(s.byGroup)} height={280} /><Table size="small" rowKey="key" pagination={false} dataSource={s.byGroup} columns={[{ title: '群体', dataIndex: 'label' }, { title: '件数', dataIndex: 'count' }]} /></Card></Col>
          <Col xs={24} lg={12}><Card title="按援助事项" size="small"><Chart label="按援助事项统计" option={bar(s.byMatter)} height={280} /><Table size="small" rowKey="key" pagination={false} dataSource={s.byMatter} columns={[{ title: '事项', dataIndex: 'label' }, { title: '件数', dataIndex: 'count' }]} /></Card></Col>
        </Row>
      )}
      <Card title="法律援助律师库（在办负荷）" size="small" style={{ marginTop: 16 }}>
        <Table<LawyerCandidate & { active: boolean }> size="small" rowKey="id" pagination={false} loading={lawyers.isFetching} dataSource={lawyers.data?.data ?? []} columns={[
          { title: '律师', dataIndex: 'name' }, { title: '律师事务所', dataIndex: 'firmName' }, { title: '执业年限', dataIndex: 'practiceYears' },
          { title: '擅长事项', dataIndex: 'specialties', render: (v: string[]) => v.map((m) => AID_MATTERS[m as keyof typeof AID_MATTERS] ?? m).join('、') },
          { title: '在办 / 上限', dataIndex: 'openCases', render: (v: number, r) => `${v} / ${r.maxLoad}` }, { title: '已申报利益冲突', dataIndex: 'conflicts', render: (v: string[]) => v.join('、') || '—' },
          { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '可指派' : <Tag>停用</Tag>) },
        ]} />
      </Card>
    </>
  );
}
