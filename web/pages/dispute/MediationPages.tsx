/**
 * 人民调解: cases of the committees in scope, the committee directory with mediators and training, and the case page
 * with sessions, the agreement (.docx), the 30-day judicial-confirmation window with its reminder, and follow-up.
 */
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Modal, Row, Select, Space, Switch, Table, Tabs, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import {
  COMMITTEE_KIND_LABELS,
  CONFIRMATION_BASIS,
  DISPUTE_TYPE_LABELS,
  MEDIATION_STATUS_LABELS,
  type MediationCaseDetailT,
  type MediationCaseSummary,
  type MediationCommittee,
  type Mediator,
} from '../../../common/contracts';
import { API_BASE, get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag, type Tone } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { dateLongZh, todayBeijing } from '../../components/format';
import { ActionModal, earliestRegisterDate, idNumberRules, optionsOf, registerDateRules, req } from './shared';

type Summary = z.infer<typeof MediationCaseSummary>;
type Committee = z.infer<typeof MediationCommittee>;
const STATUS_TONE: Record<string, Tone> = { accepted: 'blue', agreed: 'green', failed: 'grey' };
const ROLE_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人', other: '其他当事人' };

/** The dispute on the register that a committee accepts for mediation: its facts and parties prefill the form. */
export type DisputeForMediation = { id: string; code: string; committeeId: string | null; matterType: string; summary: string; parties: { name: string; role: string }[] };

export function CreateCaseModal({ committees, onClose, fromDispute }: { committees: Committee[]; onClose: () => void; fromDispute?: DisputeForMediation }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const committeeId = Form.useWatch('committeeId', form) as string | undefined;
  const mediators = useQuery({ queryKey: ['mediation', 'mediators', committeeId], queryFn: () => get<{ data: z.infer<typeof Mediator>[] }>(`/mediation/committees/${committeeId}/mediators`), enabled: !!committeeId });
  const save = useMutation({
    // errors are shown here (at the field, or as one message): not again by the global handler
    meta: { silent: true },
    mutationFn: (v: Record<string, any>) => post<MediationCaseDetailT>('/mediation/cases', { ...v, mediatorId: v.mediatorId || undefined, ...(fromDispute ? { disputeId: fromDispute.id } : {}) }),
    onSuccess: (d) => {
      notifySuccess(`已受理，案号 ${d.caseNo}`);
      void qc.invalidateQueries({ queryKey: ['mediation'] });
      if (fromDispute) void qc.invalidateQueries({ queryKey: ['disputes'] });
      onClose();
      navigate(`/mediation/${d.id}`);
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  return (
    <Modal open title="受理人民调解案件" onCancel={onClose} onOk={() => form.submit()} okText="受理" confirmLoading={save.isPending} width={760} destroyOnHidden>
      {fromDispute && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`受理矛盾纠纷登记簿中的纠纷 ${fromDispute.code}：纠纷情况和当事人已带入，请补充当事人身份证号。受理后纠纷流转记录同步记载调解案件。`} />}
      <Form
        form={form}
        layout="vertical"
        name="mediationCreate"
        initialValues={
          fromDispute
            ? { acceptedOn: todayBeijing(), matterType: fromDispute.matterType, startMode: 'application', summary: fromDispute.summary, committeeId: committees.some((c) => c.id === fromDispute.committeeId && c.inScope) ? fromDispute.committeeId : undefined, parties: fromDispute.parties.map((p) => ({ name: p.name, role: p.role })) }
            : { acceptedOn: todayBeijing(), matterType: 'neighbour', startMode: 'application', parties: [{ role: 'applicant' }, { role: 'respondent' }] }
        }
        onFinish={(v) => save.mutate(v)}
      >
        <Row gutter={12}>
          <Col span={12}><Form.Item label="人民调解委员会" name="committeeId" rules={req('请选择人民调解委员会')}><Select aria-label="人民调解委员会" showSearch optionFilterProp="label" options={committees.filter((c) => c.inScope).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item></Col>
          <Col span={12}><Form.Item label="调解员" name="mediatorId"><Select aria-label="调解员" allowClear options={(mediators.data?.data ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.position}）` }))} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}><Form.Item label="纠纷类型" name="matterType"><Select aria-label="纠纷类型" options={optionsOf(DISPUTE_TYPE_LABELS)} /></Form.Item></Col>
          <Col span={8}><Form.Item label="启动方式（第十七条、第十八条）" name="startMode"><Select aria-label="启动方式" options={[{ value: 'application', label: '当事人申请' }, { value: 'initiative', label: '主动调解' }, { value: 'referral', label: '法院、公安机关引导' }]} /></Form.Item></Col>
          <Col span={8}><Form.Item label="受理日期" name="acceptedOn" rules={registerDateRules('受理日期', todayBeijing())}><Input type="date" min={earliestRegisterDate(todayBeijing())} max={todayBeijing()} /></Form.Item></Col>
        </Row>
        <Form.Item label="纠纷简要情况" name="summary" rules={req('请输入纠纷简要情况')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} label={`当事人${i + 1}姓名`} rules={req('请输入姓名')}><Input maxLength={40} style={{ width: 130 }} /></Form.Item>
                  <Form.Item name={[f.name, 'idNumber']} label={`当事人${i + 1}身份证号`} rules={idNumberRules(true)}><Input maxLength={18} style={{ width: 210 }} /></Form.Item>
                  <Form.Item name={[f.name, 'role']} label={`当事人${i + 1}身份`}><Select aria-label={`当事人${i + 1}身份`} style={{ width: 120 }} options={optionsOf(ROLE_LABELS)} /></Form.Item>
                  {fields.length > 2 && <Button type="text" aria-label={`删除当事人${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'other' })}>添加当事人</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function CommitteesTab({ committees }: { committees: Committee[] }) {
  const can = useCan();
  const qc = useQueryClient();
  const manage = can('mediation.manage');
  const [sel, setSel] = useState<string | null>(null);
  const [open, setOpen] = useState<{ kind: 'committee' } | { kind: 'mediator' } | { kind: 'training'; id: string; name: string } | null>(null);
  const mediators = useQuery({ queryKey: ['mediation', 'mediators', sel], queryFn: () => get<{ data: z.infer<typeof Mediator>[] }>(`/mediation/committees/${sel}/mediators`), enabled: !!sel });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['mediation'] });
  const today = todayBeijing();
  return (
    <>
    {manage && (
      <Space style={{ marginBottom: 12 }}>
        <Button icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'committee' })}>登记调解委员会</Button>
        {sel && <Button icon={<PlusOutlined />} onClick={() => setOpen({ kind: 'mediator' })}>登记调解员</Button>}
      </Space>
    )}
    {open?.kind === 'committee' && (
      <ActionModal title="登记人民调解委员会" onClose={() => setOpen(null)} queryKey={['mediation', 'committeeSaved']} submit={(v) => post<Committee>('/mediation/committees', { ...v, address: v.address || undefined, foundedOn: v.foundedOn || undefined })} done={refresh} initial={{ kind: 'trade' }}>
        <Form.Item label="名称" name="name" rules={req('请输入名称')}><Input maxLength={60} /></Form.Item>
        <Form.Item label="类别" name="kind"><Select aria-label="调解委员会类别" options={optionsOf(COMMITTEE_KIND_LABELS)} /></Form.Item>
        <Form.Item label="地址" name="address"><Input maxLength={200} /></Form.Item>
        <Form.Item label="成立日期" name="foundedOn"><Input type="date" max={today} /></Form.Item>
      </ActionModal>
    )}
    {open?.kind === 'mediator' && sel && (
      <ActionModal title="登记人民调解员" onClose={() => setOpen(null)} queryKey={['mediation', 'mediatorSaved']} submit={(v) => post('/mediation/mediators', { ...v, committeeId: sel, specialty: v.specialty || undefined })} done={refresh} initial={{ position: '调解员', fullTime: false }}>
        <Form.Item label="姓名" name="name" rules={req('请输入姓名')}><Input maxLength={40} /></Form.Item>
        <Form.Item label="职务" name="position"><Input maxLength={20} /></Form.Item>
        <Form.Item label="专职" name="fullTime" valuePropName="checked"><Switch aria-label="专职" /></Form.Item>
        <Form.Item label="专长" name="specialty"><Input maxLength={60} /></Form.Item>
      </ActionModal>
    )}
    {open?.kind === 'training' && (
      <ActionModal title={`登记培训：${open.name}`} onClose={() => setOpen(null)} queryKey={['mediation', 'trainingSaved']} submit={(v) => post(`/mediation/mediators/${open.id}/trainings`, { ...v, hours: Number(v.hours) })} done={refresh} initial={{ on: today, hours: 4 }}>
        <Form.Item label="培训日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
        <Form.Item label="培训内容" name="topic" rules={req('请填写培训内容')}><Input maxLength={100} /></Form.Item>
        <Form.Item label="学时" name="hours" rules={req('请填写学时')}><Input type="number" min={1} max={200} /></Form.Item>
      </ActionModal>
    )}
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Table<Committee> size="small" rowKey="id" dataSource={committees} pagination={{ pageSize: 20 }} onRow={(r) => ({ onClick: () => setSel(r.id) })} columns={[
          { title: '名称', dataIndex: 'name', render: (v: string, r) => <Button type="link" onClick={() => setSel(r.id)} style={{ padding: 0 }}>{v}</Button> },
          { title: '类别', dataIndex: 'kind', width: 170, render: (v: string) => COMMITTEE_KIND_LABELS[v as keyof typeof COMMITTEE_KIND_LABELS] },
          { title: '指导单位', dataIndex: 'departmentName', width: 150 },
          { title: '调解员', dataIndex: 'mediators', width: 70 },
          { title: '案件', dataIndex: 'cases', width: 70 },
        ]} />
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={sel ? `调解员：${committees.find((c) => c.id === sel)?.name}` : '选择调解委员会查看调解员'}>
          <Table size="small" rowKey="id" pagination={false} loading={mediators.isFetching} dataSource={mediators.data?.data ?? []} columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '职务', dataIndex: 'position' },
            { title: '专职', dataIndex: 'fullTime', render: (v: boolean) => (v ? '专职' : '兼职') },
            { title: '培训学时', dataIndex: 'trainingHours' },
            ...(manage ? [{ title: '', key: 'op', render: (_: unknown, m: z.infer<typeof Mediator>) => <Button size="small" onClick={() => setOpen({ kind: 'training', id: m.id, name: m.name })}>登记培训</Button> }] : []),
          ]} />
        </Card>
      </Col>
    </Row>
    </>
  );
}

export function MediationListPage() {
  const can = useCan();
  // drill-down from the dashboard: ?status= and the 受理日期 range ?acceptedFrom=&acceptedTo= (shown as a dismissable tag)
  const [sp, setSp] = useSearchParams();
  const statusParam = sp.get('status');
  const [filter, setFilter] = useState<Record<string, string>>(statusParam && statusParam in MEDIATION_STATUS_LABELS ? { status: statusParam } : {});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const acceptedFrom = sp.get('acceptedFrom');
  const acceptedTo = sp.get('acceptedTo');
  const range = { ...(acceptedFrom ? { acceptedFrom } : {}), ...(acceptedTo ? { acceptedTo } : {}) };
  const params = { ...filter, ...range, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['mediation', 'list', params], queryFn: () => get<{ data: Summary[]; total: number }>('/mediation/cases', params), placeholderData: keepPreviousData });
  const committees = useQuery({ queryKey: ['mediation', 'committees'], queryFn: () => get<{ data: Committee[] }>('/mediation/committees') });
  const today = todayBeijing();
  const columns: TableColumnsType<Summary> = [
    { title: '案号', dataIndex: 'caseNo', width: 150, render: (v: string, r) => <Link to={`/mediation/${r.id}`}>{v}</Link> },
    { title: '调解委员会', dataIndex: 'committeeName', ellipsis: true },
    { title: '当事人', dataIndex: 'partyNames', width: 140, render: (v: string[]) => v.join('、') },
    { title: '类型', dataIndex: 'matterType', width: 90, render: (v: string) => DISPUTE_TYPE_LABELS[v as keyof typeof DISPUTE_TYPE_LABELS] },
    { title: '受理', dataIndex: 'acceptedOn', width: 110 },
    { title: '状态', dataIndex: 'status', width: 100, render: (v: string) => <StatusTag tone={STATUS_TONE[v]!}>{MEDIATION_STATUS_LABELS[v as keyof typeof MEDIATION_STATUS_LABELS]}</StatusTag> },
    { title: '司法确认申请期限', dataIndex: 'confirmationDue', width: 170, render: (v: string | null, r) => (!v ? '—' : r.confirmationAppliedOn ? `${v}（已申请）` : v < today ? <StatusTag tone="grey">{v} 已届满</StatusTag> : v) },
  ];
  return (
    <>
      <PageHeader title="人民调解" description="人民调解委员会（街道、社区、行业性、专业性）、调解员和调解案件；调解协议生效之日起三十日内可以共同申请司法确认（《中华人民共和国人民调解法》第三十三条）。" extra={can('mediation.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>受理调解案件</Button>} />
      <Card>
        <Tabs items={[
          {
            key: 'cases',
            label: '调解案件',
            children: (
              <>
                <Form layout="inline" className="filter-bar" name="mediationFilter" initialValues={filter} onFinish={(v: Record<string, string | undefined>) => { setFilter(Object.fromEntries(Object.entries(v).filter(([, x]) => x)) as Record<string, string>); setPage(1); }}>
                  <Form.Item label="状态" name="status"><Select aria-label="状态" allowClear style={{ width: 120 }} options={optionsOf(MEDIATION_STATUS_LABELS)} /></Form.Item>
                  <Form.Item label="调解委员会" name="committeeId"><Select aria-label="调解委员会筛选" allowClear showSearch optionFilterProp="label" style={{ width: 240 }} options={(committees.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
                  <Form.Item label="关键词" name="q"><Input allowClear maxLength={60} placeholder="案号、当事人、情况" style={{ width: 180 }} /></Form.Item>
                  <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
                </Form>
                {(acceptedFrom || acceptedTo) && (
                  <Space style={{ marginBottom: 12 }}>
                    <Tag color="blue" closable onClose={() => { const n = new URLSearchParams(sp); n.delete('acceptedFrom'); n.delete('acceptedTo'); setSp(n); setPage(1); }}>
                      筛选：受理日期 {acceptedFrom ?? '不限'} 至 {acceptedTo ?? '不限'}
                    </Tag>
                  </Space>
                )}
                <ErrorAlert error={list.error} quiet />
                <Table<Summary> rowKey="id" size="middle" loading={list.isFetching} columns={columns} locale={{ emptyText: Object.keys(filter).length || acceptedFrom || acceptedTo ? '没有符合条件的调解案件' : '尚无调解案件。纠纷移交人民调解委员会后，由调解委员会所在司法所“受理调解案件”登记。' }} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 件`, onChange: setPage }} />
              </>
            ),
          },
          { key: 'committees', label: '调解委员会与调解员', children: <CommitteesTab committees={committees.data?.data ?? []} /> },
        ]} />
      </Card>
      {creating && <CreateCaseModal committees={committees.data?.data ?? []} onClose={() => setCreating(false)} />}
    </>
  );
}

export function MediationDetailPage() {
  const { id = '' } = useParams();
  const can = useCan();
  const key = ['mediation', 'case', id] as const;
  const q = useQuery({ queryKey: key, queryFn: () => get<MediationCaseDetailT>(`/mediation/cases/${id}`) });
  const [open, setOpen] = useState<string | null>(null);
  const qc = useQueryClient();
  if (q.isLoading) return <PageSpin />;
  if (!q.data) return <ErrorAlert error={q.error} />;
  const c = q.data;
  // an outcome is written into the linked dispute's history: its cached page is out of date
  const touchDispute = () => { if (c.disputeId) void qc.invalidateQueries({ queryKey: ['disputes'] }); };
  const manage = can('mediation.manage');
  const today = todayBeijing();
  const act = (path: string, withVersion = true) => (v: Record<string, any>) => post<MediationCaseDetailT>(`/mediation/cases/${id}/${path}`, withVersion ? { ...v, version: c.version } : v);
  const close = () => setOpen(null);
  return (
    <>
      <PageHeader title={`调解案件 ${c.caseNo}`} description={<Space wrap><StatusTag tone={STATUS_TONE[c.status]!}>{MEDIATION_STATUS_LABELS[c.status]}</StatusTag><span>{c.committeeName}</span>{c.mediatorName && <span>调解员：{c.mediatorName}</span>}</Space>} />
      <div role="toolbar" aria-label="办理操作" style={{ marginBottom: 16, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        {manage && c.status === 'accepted' && <Button onClick={() => setOpen('session')}>登记调解记录</Button>}
        {manage && c.status === 'accepted' && <Button type="primary" onClick={() => setOpen('agreement')}>登记调解协议</Button>}
        {manage && c.status === 'accepted' && <Button onClick={() => setOpen('failure')}>调解不成</Button>}
        {manage && c.status === 'agreed' && !c.confirmationAppliedOn && <Button onClick={() => setOpen('confirmation')}>登记申请司法确认</Button>}
        {manage && c.status === 'agreed' && <Button onClick={() => setOpen('followUp')}>回访履行情况</Button>}
        {c.status === 'agreed' && <Button icon={<DownloadOutlined />} href={`${API_BASE}/mediation/cases/${id}/agreement.docx`}>{c.agreementForm === 'oral' ? '下载口头调解协议记录（.docx）' : '下载调解协议书（.docx）'}</Button>}
        {c.disputeId && <Link to={`/disputes/${c.disputeId}`}><Button>查看纠纷登记</Button></Link>}
      </div>
      {c.confirmation && (
        <Card title="共同申请司法确认期限" style={{ marginBottom: 16 }} data-testid="confirmation-card">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="调解协议生效">{c.agreementEffectiveOn}</Descriptions.Item>
            <Descriptions.Item label="申请期限届满"><strong data-testid="confirmation-due">{dateLongZh(c.confirmation.due)}</strong></Descriptions.Item>
            <Descriptions.Item label="提醒">自 <span data-testid="confirmation-remind">{c.confirmation.remindFrom}</span> 起提醒承办人（期限届满前）</Descriptions.Item>
            <Descriptions.Item label="依据">{c.confirmation.basis}</Descriptions.Item>
            {c.confirmationAppliedOn && <Descriptions.Item label="已申请">{c.confirmationAppliedOn}，{c.confirmationCourt}</Descriptions.Item>}
          </Descriptions>
          <ol style={{ margin: '8px 0 0', paddingLeft: 20, color: '#434343' }}>{c.confirmation.steps.map((s, i) => <li key={i}>{s.text}</li>)}</ol>
        </Card>
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="案件情况" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="受理日期">{c.acceptedOn}</Descriptions.Item>
              <Descriptions.Item label="一般调结期限">{c.conclusionTarget.due}（{c.conclusionTarget.basis}“一般在一个月内调结”）{c.conclusionTarget.unverified && <StatusTag tone="orange">待核实</StatusTag>}</Descriptions.Item>
              <Descriptions.Item label="纠纷类型">{DISPUTE_TYPE_LABELS[c.matterType]}</Descriptions.Item>
              <Descriptions.Item label="简要情况">{c.summary}</Descriptions.Item>
              {c.agreementTerms && <Descriptions.Item label={`调解协议（${c.agreementForm === 'oral' ? '口头' : '书面'}）`}><span style={{ whiteSpace: 'pre-wrap' }}>{c.agreementTerms}</span></Descriptions.Item>}
              {c.failureReason && <Descriptions.Item label="调解不成">{c.endedOn}：{c.failureReason}</Descriptions.Item>}
              {c.followedUpOn && <Descriptions.Item label="回访">{c.followedUpOn}，{c.performed ? '已履行' : '未履行'}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="当事人">
            <Table size="small" rowKey="personId" pagination={false} dataSource={c.parties} columns={[{ title: '姓名', dataIndex: 'name' }, { title: '身份', dataIndex: 'role', render: (v: string) => ROLE_LABELS[v] ?? v }, { title: '身份证号', dataIndex: 'idNumber' }, { title: '手机', dataIndex: 'mobile', render: (v: string | null) => v ?? '—' }]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="调解记录（《中华人民共和国人民调解法》第二十七条）">
            <Table size="small" rowKey="id" pagination={false} dataSource={c.sessions} locale={{ emptyText: '尚无调解记录' }} columns={[{ title: '日期', dataIndex: 'heldOn', width: 110 }, { title: '调解员', dataIndex: 'mediatorName', width: 90 }, { title: '记录', dataIndex: 'note' }]} />
          </Card>
        </Col>
      </Row>
      {open === 'session' && (
        <ActionModal title="登记调解记录" onClose={close} queryKey={key} submit={act('sessions', false)} initial={{ heldOn: today }}>
          <Form.Item label="调解日期" name="heldOn" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="地点" name="place"><Input maxLength={100} /></Form.Item>
          <Form.Item label="调解记录" name="note" rules={req('请填写调解记录')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        </ActionModal>
      )}
      {open === 'agreement' && (
        <ActionModal title="登记调解协议" onClose={close} queryKey={key} submit={act('agreement')} done={touchDispute} initial={{ form: 'written', effectiveOn: today }} width={640}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="书面协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效；口头协议自各方当事人达成协议之日起生效（第二十九条、第三十条）。" />
          <Form.Item label="协议形式" name="form"><Select aria-label="协议形式" options={[{ value: 'written', label: '书面协议' }, { value: 'oral', label: '口头协议' }]} /></Form.Item>
          <Form.Item label="协议内容" name="terms" rules={req('请填写协议内容')}><Input.TextArea rows={4} maxLength={8000} /></Form.Item>
          <Form.Item label="协议生效日期" name="effectiveOn" rules={req('请选择生效日期')} extra={`自生效之日起三十日内可以共同申请司法确认（${CONFIRMATION_BASIS}）`}><Input type="date" max={today} /></Form.Item>
        </ActionModal>
      )}
      {open === 'failure' && (
        <ActionModal title="调解不成" onClose={close} queryKey={key} submit={act('failure')} done={touchDispute} initial={{ endedOn: today }}>
          <Form.Item label="终止日期" name="endedOn" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="原因及告知当事人的其他途径（第二十六条）" name="reason" rules={req('请填写')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {open === 'confirmation' && (
        <ActionModal title="登记申请司法确认" onClose={close} queryKey={key} submit={act('judicial-confirmation')} initial={{ appliedOn: today, court: '北京市西城区人民法院' }}>
          <Form.Item label="共同申请日期" name="appliedOn" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="受理法院" name="court" rules={req('请填写法院')}><Input maxLength={100} /></Form.Item>
        </ActionModal>
      )}
      {open === 'followUp' && (
        <ActionModal title="回访履行情况" onClose={close} queryKey={key} submit={act('follow-up')} initial={{ on: today, performed: true }}>
          <Form.Item label="回访日期" name="on" rules={req('请选择日期')}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="已履行" name="performed" valuePropName="checked"><Switch aria-label="已履行" /></Form.Item>
          <Form.Item label="回访情况" name="note" rules={req('请填写回访情况')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}
