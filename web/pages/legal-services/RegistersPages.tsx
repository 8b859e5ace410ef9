/** 法律服务机构名录（律师事务所、公证机构、司法鉴定机构）: 年度考核、表彰、诚信等级、投诉、业务量; 行政审批登记簿 with its counts and the per-item period (待核实). */
import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Modal, Radio, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { INSTITUTION_KINDS, INTEGRITY_GRADES } from '../../../common/contracts/legal-services';
import {
  APPROVAL_DOCUMENTS, APPROVAL_KINDS, APPROVAL_OUTCOMES, ASSESSMENT_RESULTS, type Approval, approvalDocumentKinds, type ApprovalCounts, COMPLAINT_CHANNELS, COMPLAINT_RESULTS, COMPLAINT_STATUSES, type Complaint, type InstitutionProfile, type InstitutionRecord,
} from '../../../common/contracts/legal-services-enterprise';
import { API_BASE, get, post, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useSubmitOnce } from '../../components/submitOnce';
import { StepsList } from '../../components/StepsList';

const P = '/legal-services';
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
// the server's rule (server/modules/legal-services/rules.ts GRADE_CEILING_RULE) in short; the server enforces it
const GRADE_CEILING_HINT = '本局评定规则（待核实）：当年度考核不合格或者双随机抽查移送查处的，不高于 C 级；年度考核基本合格、抽查责令整改、投诉属实或者部分属实的，不高于 B 级（《北京市司法鉴定管理条例》第二十八条、第三十四条，《律师法》第二十四条）。之后登记的考核、抽查、投诉结果会相应下调已评定的等级。';
type Inst = z.infer<typeof InstitutionRecord>;
type Cpl = z.infer<typeof Complaint>;
type Counts = z.infer<typeof ApprovalCounts>;
const KIND_OPTS = Object.entries(APPROVAL_KINDS).map(([value, k]) => ({ value, label: k.label }));
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

function ProfileDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const can = useCan();
  const manage = can(['legalService.register.manage']);
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['legalService', 'registers', 'profile', id], queryFn: () => get<InstitutionProfile>(`${P}/registers/institutions/${id}`) });
  const [dialog, setDialog] = useState<null | 'assessments' | 'honours' | 'grades' | 'volumes' | { lawyerId: string; name: string }>(null);
  const [editing, setEditing] = useState(false);
  const [editForm] = Form.useForm();
  const saveDetails = useMutation({
    mutationFn: (v: Record<string, unknown>) => put<InstitutionProfile>(`${P}/registers/institutions/${id}`, { creditCode: v.creditCode ? String(v.creditCode).trim().toUpperCase() : null, address: v.address || null, headName: v.headName || null, licenceNo: v.licenceNo || null, staffCount: v.staffCount ?? null, practiceAreas: v.practiceAreas || null }),
    onSuccess: (p) => {
      qc.setQueryData(['legalService', 'registers', 'profile', id], p);
      void qc.invalidateQueries({ queryKey: ['legalService', 'registers', 'institutions'] });
      notifySuccess('已保存基本信息');
      setEditing(false);
    },
  });
  const [form] = Form.useForm();
  const act = useMutation({
    mutationFn: ({ path, body }: { path: string; body: Record<string, unknown> }) => post<InstitutionProfile | { lawyerId: string }>(path.startsWith('/') ? `${P}${path}` : `${P}/registers/institutions/${id}/${path}`, body),
    onSuccess: (p) => {
      if ('lawyerId' in p) void qc.invalidateQueries({ queryKey: ['legalService', 'registers', 'profile', id] });
      else qc.setQueryData(['legalService', 'registers', 'profile', id], p);
      void qc.invalidateQueries({ queryKey: ['legalService', 'registers', 'institutions'] });
      notifySuccess('已登记');
      setDialog(null);
      form.resetFields();
    },
  });
  const p = q.data;
  const year = new Date().getFullYear();
  return (
    <Drawer open width={820} title={p ? `${p.name}（${INSTITUTION_KINDS[p.kind]}）` : '机构档案'} onClose={onClose} extra={manage && <Space wrap><Button onClick={() => setEditing(true)}>编辑基本信息</Button><Button onClick={() => setDialog('assessments')}>登记年度考核</Button><Button onClick={() => setDialog('grades')}>评定诚信等级</Button><Button onClick={() => setDialog('honours')}>登记表彰</Button><Button onClick={() => setDialog('volumes')}>登记业务量</Button></Space>}>
      <ErrorAlert error={q.error} />
      {p && (
        <>
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="编码">{p.code}</Descriptions.Item>
            <Descriptions.Item label="诚信等级"><Tag color={GRADE_COLORS[p.integrityGrade]} data-testid="profile-grade">{INTEGRITY_GRADES[p.integrityGrade as keyof typeof INTEGRITY_GRADES] ?? p.integrityGrade}</Tag></Descriptions.Item>
            <Descriptions.Item label="统一社会信用代码">{p.creditCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="执业许可证号">{p.licenceNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="负责人">{p.headName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="人数">{p.staffCount ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="地址" span={2}>{p.address ?? '—'}（{p.street}）</Descriptions.Item>
            {p.kind === 'lawFirm' && <Descriptions.Item label="律师库中的执业律师" span={2}>{p.lawyerNames.length ? p.lawyerNames.join('、') : '—'}</Descriptions.Item>}
            <Descriptions.Item label="最近一次双随机检查">{p.lastInspectedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="状态">{p.active ? '正常执业' : '已注销或停业'}</Descriptions.Item>
          </Descriptions>
          <div className="muted" style={{ marginBottom: 12 }}>{p.gradeBasis}</div>
          <Tabs
            items={[
              { key: 'a', label: `年度考核（${p.assessments.length}）`, children: <Table rowKey="year" size="small" pagination={false} dataSource={p.assessments} columns={[{ title: '年度', dataIndex: 'year' }, { title: '结果', dataIndex: 'result', render: (v: keyof typeof ASSESSMENT_RESULTS) => ASSESSMENT_RESULTS[v] ?? v }, { title: '说明', dataIndex: 'note' }, { title: '登记日期', dataIndex: 'assessedOn' }]} /> },
              { key: 'g', label: `诚信等级（${p.grades.length}）`, children: <Table rowKey="year" size="small" pagination={false} dataSource={p.grades} columns={[{ title: '年度', dataIndex: 'year' }, { title: '等级', dataIndex: 'grade', render: (v: string) => <Tag color={GRADE_COLORS[v]}>{v}</Tag> }, { title: '评定依据', dataIndex: 'basis' }, { title: '评定日期', dataIndex: 'gradedOn' }]} /> },
              { key: 'h', label: `表彰（${p.honours.length}）`, children: <Table rowKey="id" size="small" pagination={false} dataSource={p.honours} columns={[{ title: '荣誉', dataIndex: 'title' }, { title: '授予单位', dataIndex: 'awardedBy' }, { title: '日期', dataIndex: 'awardedOn' }, { title: '个人', dataIndex: 'personName', render: (v: string | null) => v ?? '—' }]} /> },
              ...(p.kind === 'lawFirm' ? [{ key: 'l', label: `律师（${p.firmLawyers.length}）`, children: <Table rowKey="id" size="small" pagination={false} dataSource={p.firmLawyers} columns={[{ title: '律师', dataIndex: 'name' }, { title: '执业年限', dataIndex: 'practiceYears' }, { title: '年度考核', dataIndex: 'assessments', render: (v: { year: number; result: string }[]) => (v.length ? v.map((x) => `${x.year} ${ASSESSMENT_RESULTS[x.result as keyof typeof ASSESSMENT_RESULTS] ?? x.result}`).join('；') : '—') }, { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '执业' : <Tag>停用</Tag>) }, ...(manage ? [{ title: '', key: 'op', render: (_: unknown, l: { id: string; name: string }) => <Button size="small" onClick={() => setDialog({ lawyerId: l.id, name: l.name })}>登记考核</Button> }] : [])]} /> }] : []),
              { key: 'c', label: `投诉（${p.complaints.length}）`, children: <Table rowKey="id" size="small" pagination={false} dataSource={p.complaints} columns={[{ title: '编号', dataIndex: 'complaintNo' }, { title: '收到', dataIndex: 'receivedOn' }, { title: '内容', dataIndex: 'content', ellipsis: true }, { title: '状态', dataIndex: 'status', render: (v: keyof typeof COMPLAINT_STATUSES) => COMPLAINT_STATUSES[v] }, { title: '结果', dataIndex: 'result', render: (v: string | null) => (v ? COMPLAINT_RESULTS[v as keyof typeof COMPLAINT_RESULTS] : '—') }]} /> },
            ]}
          />
        </>
      )}
      <Modal open={editing} title="编辑基本信息" onCancel={() => setEditing(false)} onOk={() => editForm.submit()} confirmLoading={saveDetails.isPending} destroyOnHidden>
        <Form form={editForm} layout="vertical" name="institutionDetails" initialValues={p ? { creditCode: p.creditCode ?? undefined, address: p.address ?? undefined, headName: p.headName ?? undefined, licenceNo: p.licenceNo ?? undefined, staffCount: p.staffCount ?? undefined, practiceAreas: p.practiceAreas ?? undefined } : {}} onFinish={(v) => saveDetails.mutate(v)}>
          <Form.Item label="统一社会信用代码" name="creditCode" rules={[{ len: 18, message: '统一社会信用代码为 18 位' }]}><Input maxLength={18} /></Form.Item>
          <Form.Item label="执业许可证号" name="licenceNo"><Input maxLength={60} /></Form.Item>
          <Space wrap>
            <Form.Item label="负责人" name="headName"><Input maxLength={40} /></Form.Item>
            <Form.Item label="人数" name="staffCount"><InputNumber min={0} /></Form.Item>
          </Space>
          <Form.Item label="地址" name="address"><Input maxLength={200} /></Form.Item>
          <Form.Item label="业务领域" name="practiceAreas"><Input maxLength={500} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!dialog} title={typeof dialog === 'object' && dialog ? `律师年度考核：${dialog.name}` : { assessments: '登记年度考核结果', grades: '评定年度诚信等级', honours: '登记表彰奖励', volumes: '登记月度业务量' }[dialog ?? 'assessments']} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
        <Form
          form={form}
          layout="vertical"
          name="institutionAction"
          initialValues={{ year: year - 1, result: 'pass', grade: 'A' }}
          onFinish={(v: Record<string, unknown>) => {
            if (!dialog) return;
            if (typeof dialog === 'object') return act.mutate({ path: `/registers/lawyers/${dialog.lawyerId}/assessments`, body: { year: v.year, result: v.result, note: v.note ?? '' } });
            const body = dialog === 'assessments' ? { year: v.year, result: v.result, note: v.note ?? '' } : dialog === 'grades' ? { year: v.year, grade: v.grade, basis: v.basis } : dialog === 'honours' ? { title: v.title, awardedBy: v.awardedBy, awardedOn: day(v.awardedOn as Dayjs), personName: v.personName || null } : { month: (v.month as Dayjs).format('YYYY-MM'), count: v.count };
            act.mutate({ path: dialog, body });
          }}
        >
          {(dialog === 'assessments' || dialog === 'grades' || typeof dialog === 'object') && <Form.Item label="年度" name="year" rules={[{ required: true }]}><InputNumber min={2000} max={year} /></Form.Item>}
          {(dialog === 'assessments' || typeof dialog === 'object') && (
            <>
              <Form.Item label="考核结果" name="result"><Radio.Group options={opts(ASSESSMENT_RESULTS)} /></Form.Item>
              <Form.Item label="说明" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
            </>
          )}
          {dialog === 'grades' && (
            <>
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message={GRADE_CEILING_HINT} />
              <Form.Item label="诚信等级" name="grade"><Radio.Group options={opts(INTEGRITY_GRADES)} /></Form.Item>
              <Form.Item label="评定依据" name="basis" rules={[{ required: true, whitespace: true, message: '请填写评定依据' }]}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
            </>
          )}
          {dialog === 'honours' && (
            <>
              <Form.Item label="荣誉名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写荣誉名称' }]}><Input maxLength={200} /></Form.Item>
              <Form.Item label="授予单位" name="awardedBy" rules={[{ required: true, whitespace: true, message: '请填写授予单位' }]}><Input maxLength={100} /></Form.Item>
              <Form.Item label="授予日期" name="awardedOn" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
              <Form.Item label="获奖个人（如有）" name="personName"><Input maxLength={40} /></Form.Item>
            </>
          )}
          {dialog === 'volumes' && (
            <Space wrap>
              <Form.Item label="月份" name="month" rules={[{ required: true, message: '请选择月份' }]}><DatePicker picker="month" /></Form.Item>
              <Form.Item label={p?.kind === 'notaryOffice' ? '办证件数' : p?.kind === 'appraisalInstitution' ? '鉴定件数' : '办案件数'} name="count" rules={[{ required: true, message: '请填写件数' }]}><InputNumber min={0} /></Form.Item>
            </Space>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}

function InstitutionsTab() {
  const can = useCan();
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ kind?: string; grade?: string; q?: string }>({});
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const once = useSubmitOnce();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<InstitutionProfile>(`${P}/registers/institutions`, { name: v.name, kind: v.kind, street: v.street, integrityGrade: v.integrityGrade, creditCode: v.creditCode ? String(v.creditCode).trim().toUpperCase() : null, address: v.address || null, headName: v.headName || null, licenceNo: v.licenceNo || null, staffCount: null, practiceAreas: null }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['legalService', 'registers', 'institutions'] });
      notifySuccess(`已登记 ${p.code} ${p.name}`);
      setCreating(false);
      form.resetFields();
      setOpen(p.id);
    },
  });
  const q = useQuery({ queryKey: ['legalService', 'registers', 'institutions', filters], queryFn: () => get<{ data: Inst[]; total: number }>(`${P}/registers/institutions`, filters), placeholderData: keepPreviousData });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="机构类别" aria-label="机构类别" style={{ width: 160 }} options={opts(INSTITUTION_KINDS)} onChange={(v) => setFilters((f) => ({ ...f, kind: v }))} />
        <Select allowClear placeholder="诚信等级" aria-label="诚信等级" style={{ width: 160 }} options={opts(INTEGRITY_GRADES)} onChange={(v) => setFilters((f) => ({ ...f, grade: v }))} />
        <Input.Search allowClear placeholder="名称或编码" aria-label="搜索机构" style={{ width: 220 }} onSearch={(v) => setFilters((f) => ({ ...f, q: v || undefined }))} />
        {can(['legalService.register.manage']) && <Button type="primary" onClick={() => setCreating(true)}>登记机构</Button>}
        <span className="muted">律师个人见“法律援助律师库”（按所在律师事务所列于机构档案，可登记律师年度考核）。</span>
      </Space>
      <ErrorAlert error={q.error} />
      <Table<Inst>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '编码', dataIndex: 'code' },
          { title: '名称', dataIndex: 'name', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> },
          { title: '类别', dataIndex: 'kind', render: (v: keyof typeof INSTITUTION_KINDS) => INSTITUTION_KINDS[v] },
          { title: '街道', dataIndex: 'street' },
          { title: '诚信等级', dataIndex: 'integrityGrade', render: (v: string) => <Tag color={GRADE_COLORS[v]}>{v}</Tag> },
          { title: '最近年度考核', dataIndex: 'latestAssessment', render: (v: Inst['latestAssessment']) => (v ? `${v.year} ${ASSESSMENT_RESULTS[v.result as keyof typeof ASSESSMENT_RESULTS] ?? v.result}` : '—') },
          { title: '未办结投诉', dataIndex: 'openComplaints', render: (v: number) => (v ? <Tag color="orange">{v}</Tag> : 0) },
          { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '正常' : <Tag>注销/停业</Tag>) },
        ]}
      />
      {open && <ProfileDrawer id={open} onClose={() => setOpen(null)} />}
      <Modal open={creating} title="登记法律服务机构" onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="institution" initialValues={{ kind: 'lawFirm', integrityGrade: 'A' }} onFinish={once((v) => create.mutateAsync(v))}>
          <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}><Input maxLength={100} /></Form.Item>
          <Form.Item label="类别" name="kind"><Radio.Group options={opts(INSTITUTION_KINDS)} /></Form.Item>
          <Space wrap>
            <Form.Item label="街道" name="street" rules={[{ required: true, whitespace: true, message: '请填写街道' }]}><Input maxLength={20} /></Form.Item>
            <Form.Item label="诚信等级" name="integrityGrade"><Select style={{ width: 160 }} options={opts(INTEGRITY_GRADES)} /></Form.Item>
          </Space>
          <Form.Item label="统一社会信用代码" name="creditCode" rules={[{ len: 18, message: '统一社会信用代码为 18 位' }]}><Input maxLength={18} /></Form.Item>
          <Form.Item label="执业许可证号" name="licenceNo"><Input maxLength={60} /></Form.Item>
          <Space wrap>
            <Form.Item label="负责人" name="headName"><Input maxLength={40} /></Form.Item>
            <Form.Item label="地址" name="address"><Input maxLength={200} /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}

function ComplaintsTab() {
  const can = useCan();
  const manage = can(['legalService.register.manage']);
  const qc = useQueryClient();
  const [status, setStatus] = useState<string | undefined>();
  const [dialog, setDialog] = useState<null | { kind: 'new' } | { kind: 'handle' | 'conclude'; c: Cpl }>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['legalService', 'registers', 'complaints', status], queryFn: () => get<{ data: Cpl[]; total: number }>(`${P}/registers/complaints`, { status }) });
  const insts = useQuery({ queryKey: ['legalService', 'registers', 'institutions', {}], queryFn: () => get<{ data: Inst[] }>(`${P}/registers/institutions`), enabled: dialog?.kind === 'new' });
  const once = useSubmitOnce();
  const act = useMutation({
    mutationFn: (v: Record<string, unknown>) =>
      dialog?.kind === 'new'
        ? post<Cpl>(`${P}/registers/complaints`, { institutionId: v.institutionId, complainantName: v.complainantName || null, channel: v.channel, content: v.content })
        : post<Cpl>(`${P}/registers/complaints/${(dialog as { c: Cpl }).c.id}/${dialog!.kind}`, { ...v, version: (dialog as { c: Cpl }).c.version }),
    onSuccess: (c) => {
      void qc.invalidateQueries({ queryKey: ['legalService', 'registers'] });
      notifySuccess(`${c.complaintNo}：${COMPLAINT_STATUSES[c.status]}`);
      setDialog(null);
      form.resetFields();
    },
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {manage && <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>受理投诉</Button>}
        <Select allowClear placeholder="状态" aria-label="投诉状态" style={{ width: 140 }} options={opts(COMPLAINT_STATUSES)} onChange={setStatus} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<Cpl>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        expandable={{ expandedRowRender: (c) => <div><p><b>投诉内容：</b>{c.content}</p>{c.handlingNote && <p style={{ whiteSpace: 'pre-wrap' }}><b>调查处理：</b>{c.handlingNote}</p>}{c.resultNote && <p><b>处理结果：</b>{c.resultNote}</p>}</div> }}
        columns={[
          { title: '编号', dataIndex: 'complaintNo' },
          { title: '被投诉机构', dataIndex: 'institutionName' },
          { title: '渠道', dataIndex: 'channel', render: (v: keyof typeof COMPLAINT_CHANNELS) => COMPLAINT_CHANNELS[v] ?? v },
          { title: '收到日期', dataIndex: 'receivedOn' },
          { title: '状态', dataIndex: 'status', render: (v: keyof typeof COMPLAINT_STATUSES) => <Tag color={v === 'concluded' ? 'green' : 'processing'}>{COMPLAINT_STATUSES[v]}</Tag> },
          { title: '结果', dataIndex: 'result', render: (v: string | null, c) => (v ? `${COMPLAINT_RESULTS[v as keyof typeof COMPLAINT_RESULTS]}（${c.concludedOn}）` : '—') },
          { title: '', key: 'op', render: (_: unknown, c) => manage && c.status !== 'concluded' && <Space><Button size="small" onClick={() => setDialog({ kind: 'handle', c })}>调查处理</Button>{c.status === 'handling' && <Button size="small" type="primary" onClick={() => setDialog({ kind: 'conclude', c })}>办结</Button>}</Space> },
        ]}
      />
      <Modal open={!!dialog} title={dialog?.kind === 'new' ? '受理投诉' : dialog?.kind === 'handle' ? '调查处理记录' : '投诉办结'} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="complaint" initialValues={{ channel: 'phone', result: 'unsubstantiated' }} onFinish={once((v) => act.mutateAsync(v))}>
          {dialog?.kind === 'new' && (
            <>
              <Form.Item label="被投诉机构" name="institutionId" rules={[{ required: true, message: '请选择机构' }]}><Select showSearch optionFilterProp="label" options={(insts.data?.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${INSTITUTION_KINDS[i.kind]}）` }))} /></Form.Item>
              <Space wrap>
                <Form.Item label="投诉人" name="complainantName"><Input maxLength={40} /></Form.Item>
                <Form.Item label="渠道" name="channel"><Select style={{ width: 140 }} options={opts(COMPLAINT_CHANNELS)} /></Form.Item>
              </Space>
              <Form.Item label="投诉内容" name="content" rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
            </>
          )}
          {dialog?.kind === 'handle' && <Form.Item label="调查处理情况" name="note" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>}
          {dialog?.kind === 'conclude' && (
            <>
              <Form.Item label="处理结果" name="result"><Radio.Group options={opts(COMPLAINT_RESULTS)} /></Form.Item>
              <Form.Item label="结果说明（答复投诉人）" name="note" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

/** 行政许可文书 of an approval (受理通知书 always; the 初步审查意见书 to the deciding organ once reviewed), as .docx downloads. */
function ApprovalDocuments({ a, buttons }: { a: Approval; buttons?: boolean }) {
  const links = approvalDocumentKinds(a).map((k) => ({ k, href: `${API_BASE}${P}/approvals/${a.id}/documents/${k}.docx`, text: `下载${APPROVAL_DOCUMENTS[k].label}` }));
  return buttons ? (
    <Space wrap>{links.map((l) => <Button key={l.k} icon={<DownloadOutlined />} href={l.href}>{l.text}（.docx）</Button>)}</Space>
  ) : (
    <Space direction="vertical" size={0}>{links.map((l) => <a key={l.k} href={l.href} style={{ whiteSpace: 'nowrap' }}>{l.text}</a>)}</Space>
  );
}

function ApprovalsTab() {
  const can = useCan();
  const manage = can(['legalService.register.manage']);
  const qc = useQueryClient();
  const [filters, setFilters] = useState<{ kind?: string; status?: string; page: number }>({ page: 1 });
  const [dialog, setDialog] = useState<null | { kind: 'new' } | { kind: 'decide'; a: Approval } | { kind: 'settings' }>(null);
  const [detail, setDetail] = useState<Approval | null>(null);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['legalService', 'approvals', filters], queryFn: () => get<{ data: Approval[]; total: number; counts: Counts }>(`${P}/approvals`, { ...filters, pageSize: 20 }), placeholderData: keepPreviousData });
  const settings = useQuery({ queryKey: ['legalService', 'approvals', 'settings'], queryFn: () => get<{ periods: Record<string, number>; note: string; kinds: { key: string; label: string; citation: string; days: number }[] }>(`${P}/approvals/settings`) });
  const once = useSubmitOnce();
  const act = useMutation({
    mutationFn: async (v: Record<string, unknown>) => {
      if (dialog?.kind === 'new') return post<Approval>(`${P}/approvals`, { kind: v.kind, applicantName: v.applicantName, applicantCreditCode: v.applicantCreditCode ? String(v.applicantCreditCode).trim().toUpperCase() : null, institutionId: null, matter: v.matter, receivedOn: day(v.receivedOn as Dayjs | null) });
      if (dialog?.kind === 'decide') return post<Approval>(`${P}/approvals/${dialog.a.id}/decide`, { outcome: v.outcome, note: v.note, decidedOn: day(v.decidedOn as Dayjs | null), version: dialog.a.version });
      return put(`${P}/approvals/settings`, { periods: v });
    },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['legalService', 'approvals'] });
      notifySuccess(dialog?.kind === 'new' ? '已登记受理的审批事项，办理期限已登记于期限台账' : dialog?.kind === 'decide' ? '已作出审批决定' : '已保存办理期限设置');
      setDialog(null);
      form.resetFields();
    },
  });
  const c = q.data?.counts;
  return (
    <>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="办理期限待核实" description={settings.data?.note} data-testid="approval-period-note" />
      {c && (
        <Space size="large" style={{ display: 'flex', marginBottom: 12 }} wrap>
          <Statistic title={`受理（${c.from} 至 ${c.to}）`} value={c.received} />
          <Statistic title="办结" value={c.concluded} />
          <Statistic title="其中按期办结" value={c.onTime} />
          <Statistic title="在办" value={c.pending} />
        </Space>
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        {manage && <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>登记受理</Button>}
        {manage && <Button onClick={() => setDialog({ kind: 'settings' })}>办理期限设置</Button>}
        <Select allowClear placeholder="审批事项" aria-label="审批事项" style={{ width: 220 }} options={KIND_OPTS} onChange={(v) => setFilters((f) => ({ ...f, kind: v, page: 1 }))} />
        <Select allowClear placeholder="状态" aria-label="审批状态" style={{ width: 120 }} options={[{ value: 'pending', label: '在办' }, { value: 'decided', label: '已办结' }]} onChange={(v) => setFilters((f) => ({ ...f, status: v, page: 1 }))} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<Approval>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ current: filters.page, pageSize: 20, total: q.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilters((f) => ({ ...f, page })) }}
        columns={[
          { title: '编号', dataIndex: 'approvalNo', render: (v: string, a) => <a style={{ whiteSpace: 'nowrap' }} onClick={() => setDetail(a)}>{v}</a> },
          { title: '事项', dataIndex: 'kindLabel' },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '受理日期', dataIndex: 'receivedOn', render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span> },
          { title: '办理期限', dataIndex: 'dueDate', width: 230, render: (v: string | null, a) => (v ? <Space size={4}><span style={{ whiteSpace: 'nowrap' }}>{v}</span><Tag color="orange">待核实</Tag><span className="muted" style={{ whiteSpace: 'nowrap' }}>{a.periodDays} 个工作日</span></Space> : '—') },
          { title: '决定', key: 'd', render: (_: unknown, a) => (a.outcome ? `${APPROVAL_OUTCOMES[a.outcome]}（${a.decidedOn}${a.onTime === false ? '，超期' : ''}）` : manage ? <Button size="small" onClick={() => setDialog({ kind: 'decide', a })}>作出决定</Button> : '在办') },
          { title: '文书', key: 'docs', render: (_: unknown, a) => <ApprovalDocuments a={a} /> },
        ]}
      />
      <h3 style={{ marginTop: 12 }}>按事项统计</h3>
      <Table rowKey="key" size="small" pagination={false} dataSource={c?.byKind ?? []} columns={[{ title: '事项', dataIndex: 'label' }, { title: '受理', dataIndex: 'received' }, { title: '办结', dataIndex: 'concluded' }, { title: '准予', dataIndex: 'approved' }, { title: '不予准予', dataIndex: 'rejected' }, { title: '撤回', dataIndex: 'withdrawn' }]} />
      <Drawer open={!!detail} width={640} title={detail ? `${detail.approvalNo} ${detail.kindLabel}` : ''} onClose={() => setDetail(null)}>
        {detail && (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 12 }}>
              <Descriptions.Item label="申请人">{detail.applicantName}{detail.applicantCreditCode ? `（${detail.applicantCreditCode}）` : ''}</Descriptions.Item>
              <Descriptions.Item label="事项依据">{detail.kindCitation}</Descriptions.Item>
              <Descriptions.Item label="申请事项">{detail.matter}</Descriptions.Item>
              <Descriptions.Item label="受理日期">{detail.receivedOn}</Descriptions.Item>
              {detail.outcome && <Descriptions.Item label="决定">{APPROVAL_OUTCOMES[detail.outcome]}（{detail.decidedOn}）：{detail.decisionNote}</Descriptions.Item>}
            </Descriptions>
            <div style={{ marginBottom: 12 }}><ApprovalDocuments a={detail} buttons /></div>
            {detail.deadline && (
              <Card size="small" title={<Space>{detail.deadline.title}{detail.deadline.unverified && <Tag color="orange">待核实</Tag>}</Space>} extra={detail.deadline.dueDate}>
                <div className="muted" style={{ marginBottom: 4 }}>{detail.deadline.citation}</div>
                <div className="muted" style={{ marginBottom: 4 }}>{detail.deadline.note}</div>
                <StepsList steps={detail.deadline.steps} label="办理期限计算说明" />
              </Card>
            )}
          </>
        )}
      </Drawer>
      <Modal open={!!dialog} title={dialog?.kind === 'new' ? '登记受理的行政审批事项' : dialog?.kind === 'decide' ? `作出决定 ${dialog.a.approvalNo}` : '各审批事项办理期限（工作日）'} onCancel={() => setDialog(null)} onOk={() => form.submit()} confirmLoading={act.isPending} destroyOnHidden width={600}>
        <Form form={form} layout="vertical" name="approval" initialValues={dialog?.kind === 'settings' ? settings.data?.periods : { kind: 'lawyerPractice', outcome: 'approved' }} onFinish={once((v) => act.mutateAsync(v))}>
          {dialog?.kind === 'new' && (
            <>
              <Form.Item label="审批事项" name="kind"><Select options={KIND_OPTS} /></Form.Item>
              <Form.Item label="申请人（个人或机构）" name="applicantName" rules={[{ required: true, whitespace: true, message: '请填写申请人' }]}><Input maxLength={100} /></Form.Item>
              <Form.Item label="申请机构统一社会信用代码（如有）" name="applicantCreditCode"><Input maxLength={18} /></Form.Item>
              <Form.Item label="申请事项" name="matter" rules={[{ required: true, whitespace: true, message: '请填写申请事项' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
              <Form.Item label="受理日期（默认今天）" name="receivedOn"><DatePicker /></Form.Item>
            </>
          )}
          {dialog?.kind === 'decide' && (
            <>
              <Form.Item label="决定" name="outcome"><Radio.Group options={opts(APPROVAL_OUTCOMES)} /></Form.Item>
              <Form.Item label="理由" name="note" rules={[{ required: true, whitespace: true, message: '请填写理由' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
              <Form.Item label="决定日期（默认今天）" name="decidedOn"><DatePicker /></Form.Item>
            </>
          )}
          {dialog?.kind === 'settings' && (
            <>
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={settings.data?.note} />
              {settings.data?.kinds.map((k) => <Form.Item key={k.key} label={`${k.label}（${k.citation}）`} name={k.key} rules={[{ required: true }]}><InputNumber min={1} max={60} addonAfter="个工作日" /></Form.Item>)}
            </>
          )}
        </Form>
      </Modal>
    </>
  );
}

export function RegistersPage() {
  return (
    <>
      <PageHeader title="法律服务机构与行政审批" description="律师事务所、公证机构、司法鉴定机构名录及年度考核、表彰、诚信等级、投诉处理；行政审批登记簿（受理、决定、按期办结统计）。双随机抽查使用同一名录的诚信等级。" />
      <Tabs
        items={[
          { key: 'inst', label: '机构名录', children: <InstitutionsTab /> },
          { key: 'complaints', label: '投诉处理', children: <ComplaintsTab /> },
          { key: 'approvals', label: '行政审批', children: <ApprovalsTab /> },
        ]}
      />
    </>
  );
}
