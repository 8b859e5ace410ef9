/** 企业联系点 (with representativeness), 法律顾问 and their consultations, and 清理 campaigns. */
import { DownloadOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Row, Select, Space, Switch, Table, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import {
  LR_CLEANUP_RESULT_LABELS,
  LR_CONSULT_SUBJECT_LABELS,
  LR_ENTERPRISE_SIZE_LABELS,
  LR_OWNERSHIP_LABELS,
  type LrAdviserSchema,
  type LrCleanupSchema,
  type LrConsultSchema,
  type LrContactPointSchema,
  type LrDraftSummary,
  type LrRepresentativenessSchema,
} from '../../../common/contracts';
import { API_BASE, get, post, put, toQueryString } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { applyServerErrors } from '../../components/forms';
import { todayBeijing } from '../../components/format';
import { API } from './labels';

type ContactPoint = z.infer<typeof LrContactPointSchema>;
type Adviser = z.infer<typeof LrAdviserSchema>;
type Consult = z.infer<typeof LrConsultSchema>;
type Cleanup = z.infer<typeof LrCleanupSchema>;
const opts = (m: Record<string, string>) => Object.entries(m).map(([value, label]) => ({ value, label }));
/** Consultation states as the register shows them (same words as the Excel export). */
const CONSULT_STATUS_LABELS = { requested: '待指派', assigned: '已指派', answered: '已出具意见' };

function FormModal({ title, onClose, submit, initial, children, invalidate }: { title: string; onClose: () => void; submit: (v: Record<string, unknown>) => Promise<unknown>; initial?: Record<string, unknown>; children: ReactNode; invalidate: string }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: submit,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['legality', invalidate] });
      notifySuccess('已保存');
      onClose();
    },
    onError: (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
    },
  });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={m.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v: Record<string, unknown>) => m.mutate(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== '')))}>
        {children}
      </Form>
    </Modal>
  );
}

const req = [{ required: true, whitespace: true, message: '必填' }];
const countText = (m: Record<string, number>, labels?: Record<string, string>) => Object.entries(m).map(([k, n]) => `${labels?.[k] ?? k} ${n}`).join('，') || '—';

/** The fields of a contact point, shared by registration and correction. */
function ContactPointFields({ withActive }: { withActive?: boolean }) {
  return (
    <>
      <Form.Item label="企业（组织）名称" name="name" rules={req}><Input maxLength={100} /></Form.Item>
      <Row gutter={12}>
        <Col span={8}><Form.Item label="行业" name="industry" rules={req}><Input maxLength={40} placeholder="如：餐饮、美容美发" /></Form.Item></Col>
        <Col span={8}><Form.Item label="规模" name="size" rules={[{ required: true }]}><Select options={opts(LR_ENTERPRISE_SIZE_LABELS)} /></Form.Item></Col>
        <Col span={8}><Form.Item label="所有制" name="ownership" rules={[{ required: true }]}><Select options={opts(LR_OWNERSHIP_LABELS)} /></Form.Item></Col>
      </Row>
      <Form.Item label="联系人（不填写手机号等个人信息）" name="contactName"><Input maxLength={40} /></Form.Item>
      {withActive && <Form.Item label="有效（停用的联系点不计入代表性）" name="active" valuePropName="checked"><Switch checkedChildren="有效" unCheckedChildren="停用" /></Form.Item>}
    </>
  );
}

export function ContactPointsPage() {
  const can = useCan();
  const manage = can('legalityReview.comment.manage');
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<ContactPoint | null>(null);
  const q = useQuery({ queryKey: ['legality', 'contactPoints'], queryFn: () => get<{ data: ContactPoint[]; representativeness: z.infer<typeof LrRepresentativenessSchema> }>(`${API}/contact-points`) });
  const r = q.data?.representativeness;
  return (
    <>
      <PageHeader title="企业联系点" description="制定涉企行政规范性文件听取企业意见的联系点：按行业、规模、所有制遴选，并显示代表性（《优化营商环境条例》第六十二条）。" extra={can('legalityReview.comment.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>登记联系点</Button>} />
      <ErrorAlert error={q.error} quiet />
      {r && (
        <Card title="代表性" style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="联系点总数">{r.total}</Descriptions.Item>
            <Descriptions.Item label="按行业">{countText(r.byIndustry)}</Descriptions.Item>
            <Descriptions.Item label="按规模">{countText(r.bySize, LR_ENTERPRISE_SIZE_LABELS)}</Descriptions.Item>
            <Descriptions.Item label="按所有制">{countText(r.byOwnership, LR_OWNERSHIP_LABELS)}</Descriptions.Item>
          </Descriptions>
          {r.gaps.length ? <Alert type="warning" showIcon message="代表性不足" description={<ul style={{ margin: 0 }}>{r.gaps.map((g) => <li key={g}>{g}</li>)}</ul>} /> : <Alert type="success" showIcon message="行业、规模、所有制分布均衡" />}
        </Card>
      )}
      <Card>
        <Table<ContactPoint>
          rowKey="id"
          size="middle"
          loading={q.isFetching}
          dataSource={q.data?.data ?? []}
          columns={[
            { title: '企业（组织）', dataIndex: 'name' },
            { title: '行业', dataIndex: 'industry', width: 140 },
            { title: '规模', dataIndex: 'size', width: 90, render: (v: keyof typeof LR_ENTERPRISE_SIZE_LABELS) => LR_ENTERPRISE_SIZE_LABELS[v] },
            { title: '所有制', dataIndex: 'ownership', width: 120, render: (v: keyof typeof LR_OWNERSHIP_LABELS) => LR_OWNERSHIP_LABELS[v] },
            { title: '联系人', dataIndex: 'contactName', width: 100, render: (v: string | null) => v ?? '—' },
            { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => <StatusTag tone={v ? 'green' : 'grey'}>{v ? '有效' : '停用'}</StatusTag> },
            ...(manage ? [{ title: '操作', key: 'ops', width: 80, render: (_: unknown, p: ContactPoint) => <Button size="small" onClick={() => setEditing(p)} aria-label={`修改${p.name}`}>修改</Button> }] : []),
          ]}
        />
      </Card>
      {open && (
        <FormModal title="登记企业联系点" invalidate="contactPoints" onClose={() => setOpen(false)} initial={{ size: 'small', ownership: 'private' }} submit={(v) => post(`${API}/contact-points`, v)}>
          <ContactPointFields />
        </FormModal>
      )}
      {editing && (
        <FormModal title={`修改企业联系点：${editing.name}`} invalidate="contactPoints" onClose={() => setEditing(null)} initial={{ name: editing.name, industry: editing.industry, size: editing.size, ownership: editing.ownership, contactName: editing.contactName ?? '', active: editing.active }} submit={(v) => put(`${API}/contact-points/${editing.id}`, v)}>
          <ContactPointFields withActive />
        </FormModal>
      )}
    </>
  );
}

export function AdvisersPage() {
  const can = useCan();
  const manage = can('legalityReview.adviser.manage');
  const today = todayBeijing();
  const [modal, setModal] = useState<null | { kind: 'adviser' | 'consult' } | { kind: 'assign' | 'answer'; c: Consult } | { kind: 'editAdviser'; a: Adviser }>(null);
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<{ subject?: string; status?: string }>({});
  const advisers = useQuery({ queryKey: ['legality', 'advisers'], queryFn: () => get<{ data: Adviser[] }>(`${API}/advisers`) });
  const consults = useQuery({ queryKey: ['legality', 'advisers', 'consultations', filter, page], queryFn: () => get<{ data: Consult[]; total: number }>(`${API}/consultations`, { ...filter, page, pageSize: 20 }) });
  const close = () => setModal(null);
  return (
    <>
      <PageHeader title="法律顾问" description="法律顾问参与重大事项、重要文件、重大合同的咨询论证：需求登记、指派、意见与用时（《重大行政决策程序暂行条例》第二十八条）。" extra={manage && <Space><Button onClick={() => setModal({ kind: 'adviser' })}>登记法律顾问</Button><Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'consult' })}>登记咨询需求</Button></Space>} />
      <ErrorAlert error={advisers.error ?? consults.error} quiet />
      <Card title="法律顾问" style={{ marginBottom: 16 }}>
        <Table<Adviser> rowKey="id" size="small" pagination={false} dataSource={advisers.data?.data ?? []} columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '所在律师事务所（单位）', dataIndex: 'firm' },
          { title: '专业领域', dataIndex: 'specialty', render: (v: string | null) => v ?? '—' },
          { title: '已出具意见', dataIndex: 'consultations', width: 110 },
          { title: '累计用时', dataIndex: 'minutes', width: 110, render: (v: number) => `${(v / 60).toFixed(1)} 小时` },
          { title: '状态', dataIndex: 'active', width: 80, render: (v: boolean) => <StatusTag tone={v ? 'green' : 'grey'}>{v ? '在聘' : '停用'}</StatusTag> },
          ...(manage ? [{ title: '操作', key: 'ops', width: 80, render: (_: unknown, a: Adviser) => <Button size="small" onClick={() => setModal({ kind: 'editAdviser', a })} aria-label={`修改${a.name}`}>修改</Button> }] : []),
        ]} />
      </Card>
      <Card title="咨询论证台账">
        <Form layout="inline" className="filter-bar" name="lrConsultFilter" onFinish={(v: { subject?: string; status?: string }) => { setFilter({ ...(v.subject ? { subject: v.subject } : {}), ...(v.status ? { status: v.status } : {}) }); setPage(1); }}>
          <Form.Item label="事项" name="subject"><Select allowClear style={{ width: 130 }} options={opts(LR_CONSULT_SUBJECT_LABELS)} /></Form.Item>
          <Form.Item label="状态" name="status"><Select allowClear style={{ width: 130 }} options={opts(CONSULT_STATUS_LABELS)} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
          <Form.Item><Button icon={<DownloadOutlined />} href={`${API_BASE}${API}/consultations/export.xlsx${toQueryString(filter)}`} download>导出 Excel</Button></Form.Item>
        </Form>
        <Table<Consult> rowKey="id" size="small" loading={consults.isFetching} dataSource={consults.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: consults.data?.total ?? 0, onChange: setPage }} columns={[
          { title: '编号', dataIndex: 'no', width: 150 },
          { title: '事项', dataIndex: 'subject', width: 100, render: (v: keyof typeof LR_CONSULT_SUBJECT_LABELS) => LR_CONSULT_SUBJECT_LABELS[v] },
          { title: '名称', dataIndex: 'title', render: (v: string, c) => (c.draftId ? <Link to={`/legality-review/drafts/${c.draftId}`}>{v}</Link> : v) },
          { title: '提请单位', dataIndex: 'requestingUnit', width: 140 },
          { title: '提请日期', dataIndex: 'requestedOn', width: 110 },
          { title: '法律顾问', dataIndex: 'adviserName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '意见', dataIndex: 'opinion', ellipsis: true, render: (v: string | null, c) => (v ? `${c.answeredOn}：${v}` : '—') },
          { title: '用时', dataIndex: 'minutes', width: 90, render: (v: number | null) => (v ? `${v} 分钟` : '—') },
          ...(manage ? [{ title: '操作', key: 'ops', width: 110, render: (_: unknown, c: Consult) => (c.status === 'answered' ? '已办结' : <Space>{<Button size="small" onClick={() => setModal({ kind: 'assign', c })}>指派</Button>}{c.status === 'assigned' && <Button size="small" onClick={() => setModal({ kind: 'answer', c })}>登记意见</Button>}</Space>) }] : []),
        ]} />
      </Card>
      {modal?.kind === 'adviser' && (
        <FormModal title="登记法律顾问" invalidate="advisers" onClose={close} submit={(v) => post(`${API}/advisers`, v)}>
          <Form.Item label="姓名" name="name" rules={req}><Input maxLength={40} /></Form.Item>
          <Form.Item label="所在律师事务所（单位）" name="firm" rules={req}><Input maxLength={100} /></Form.Item>
          <Form.Item label="专业领域" name="specialty"><Input maxLength={100} /></Form.Item>
        </FormModal>
      )}
      {modal?.kind === 'editAdviser' && (
        <FormModal title={`修改法律顾问：${modal.a.name}`} invalidate="advisers" onClose={close} initial={{ name: modal.a.name, firm: modal.a.firm, specialty: modal.a.specialty ?? '', active: modal.a.active }} submit={(v) => put(`${API}/advisers/${modal.a.id}`, v)}>
          <Form.Item label="姓名" name="name" rules={req}><Input maxLength={40} /></Form.Item>
          <Form.Item label="所在律师事务所（单位）" name="firm" rules={req}><Input maxLength={100} /></Form.Item>
          <Form.Item label="专业领域" name="specialty"><Input maxLength={100} /></Form.Item>
          <Form.Item label="在聘（停用的法律顾问不能再被指派）" name="active" valuePropName="checked"><Switch checkedChildren="在聘" unCheckedChildren="停用" /></Form.Item>
        </FormModal>
      )}
      {modal?.kind === 'consult' && (
        <FormModal title="登记咨询需求" invalidate="advisers" onClose={close} initial={{ subject: 'document', requestedOn: today }} submit={(v) => post(`${API}/consultations`, v)}>
          <Form.Item label="事项类别" name="subject" rules={[{ required: true }]}><Select options={opts(LR_CONSULT_SUBJECT_LABELS)} /></Form.Item>
          <Form.Item label="名称" name="title" rules={req}><Input maxLength={200} /></Form.Item>
          <Form.Item label="提请单位" name="requestingUnit" rules={req}><Input maxLength={100} /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item label="提请日期" name="requestedOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item></Col>
            <Col span={12}><Form.Item label="要求完成日期" name="dueOn"><Input type="date" /></Form.Item></Col>
          </Row>
        </FormModal>
      )}
      {modal?.kind === 'assign' && (
        <FormModal title={`指派法律顾问：${modal.c.title}`} invalidate="advisers" onClose={close} initial={{ assignedOn: today }} submit={(v) => post(`${API}/consultations/${modal.c.id}/assign`, v)}>
          <Form.Item label="法律顾问" name="adviserId" rules={[{ required: true, message: '请选择' }]}><Select options={(advisers.data?.data ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: `${a.name}（${a.firm}）` }))} /></Form.Item>
          <Form.Item label="指派日期" name="assignedOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item>
        </FormModal>
      )}
      {modal?.kind === 'answer' && (
        <FormModal title={`登记法律顾问意见：${modal.c.title}`} invalidate="advisers" onClose={close} initial={{ answeredOn: today }} submit={(v) => post(`${API}/consultations/${modal.c.id}/opinion`, v)}>
          <Form.Item label="意见" name="opinion" rules={req}><Input.TextArea rows={4} maxLength={10000} /></Form.Item>
          <Row gutter={12}>
            <Col span={12}><Form.Item label="出具日期" name="answeredOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item></Col>
            <Col span={12}><Form.Item label="用时（分钟）" name="minutes" rules={[{ required: true, message: '请填写用时' }]}><InputNumber min={1} max={100000} /></Form.Item></Col>
          </Row>
        </FormModal>
      )}
    </>
  );
}

export function CleanupPage() {
  const can = useCan();
  const manage = can('legalityReview.draft.manage');
  const today = todayBeijing();
  const [modal, setModal] = useState<null | { kind: 'new' } | { kind: 'item'; c: Cleanup }>(null);
  const q = useQuery({ queryKey: ['legality', 'cleanups'], queryFn: () => get<{ data: Cleanup[] }>(`${API}/cleanups`) });
  const inForce = useQuery({ queryKey: ['legality', 'cleanups', 'inForce'], queryFn: async () => [...(await get<{ data: LrDraftSummary[] }>(`${API}/drafts`, { status: 'published', pageSize: 200 })).data, ...(await get<{ data: LrDraftSummary[] }>(`${API}/drafts`, { status: 'filed', pageSize: 200 })).data], enabled: manage });
  return (
    <>
      <PageHeader title="清理与后评估" description="定期清理现行有效的规范性文件并公布结果（《北京市优化营商环境条例》第七十七条）；清理决定废止的文件同时终止。后评估在文件详情页登记。" extra={manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'new' })}>开展清理</Button>} />
      <ErrorAlert error={q.error} quiet />
      {q.data && q.data.data.length === 0 && (
        <Card>
          <Empty description={manage ? '尚未开展规范性文件清理。点击“开展清理”登记一次清理，再逐件登记现行有效文件的清理结果（继续有效、修改、废止）。' : '尚未开展规范性文件清理。'} />
        </Card>
      )}
      <Tabs items={(q.data?.data ?? []).map((c) => ({
        key: c.id,
        label: c.name,
        children: (
          <Card extra={manage && <Button onClick={() => setModal({ kind: 'item', c })}>登记清理结果</Button>} title={`${c.startedOn} 开始${c.scope ? `；范围：${c.scope}` : ''}`}>
            <Table rowKey="draftId" size="small" pagination={false} dataSource={c.items} locale={{ emptyText: '本次清理尚未登记任何文件的清理结果' }} columns={[
              { title: '登记号', dataIndex: 'regNo', width: 150, render: (v: string, i: Cleanup['items'][number]) => <Link to={`/legality-review/drafts/${i.draftId}`}>{v}</Link> },
              { title: '文件', dataIndex: 'title' },
              { title: '清理结果', dataIndex: 'result', width: 100, render: (v: keyof typeof LR_CLEANUP_RESULT_LABELS) => LR_CLEANUP_RESULT_LABELS[v] },
              { title: '说明', dataIndex: 'note', render: (v: string | null) => v ?? '—' },
              { title: '日期', dataIndex: 'decidedOn', width: 110 },
            ]} />
          </Card>
        ),
      }))} />
      {modal?.kind === 'new' && (
        <FormModal title="开展清理" invalidate="cleanups" onClose={() => setModal(null)} initial={{ startedOn: today }} submit={(v) => post(`${API}/cleanups`, v)}>
          <Form.Item label="名称" name="name" rules={req}><Input maxLength={100} placeholder="如：2026年度行政规范性文件清理" /></Form.Item>
          <Form.Item label="开始日期" name="startedOn" rules={[{ required: true }]}><Input type="date" /></Form.Item>
          <Form.Item label="范围" name="scope"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </FormModal>
      )}
      {modal?.kind === 'item' && (
        <FormModal title={`登记清理结果：${modal.c.name}`} invalidate="cleanups" onClose={() => setModal(null)} initial={{ decidedOn: today, result: 'retain' }} submit={(v) => post(`${API}/cleanups/${modal.c.id}/items`, v)}>
          <Form.Item label="文件" name="draftId" rules={[{ required: true, message: '请选择' }]}><Select showSearch optionFilterProp="label" options={(inForce.data ?? []).map((d) => ({ value: d.id, label: `${d.docNo ?? d.regNo} ${d.title}` }))} /></Form.Item>
          <Form.Item label="清理结果" name="result" rules={[{ required: true }]}><Select options={opts(LR_CLEANUP_RESULT_LABELS)} /></Form.Item>
          <Form.Item label="日期" name="decidedOn" rules={[{ required: true }]}><Input type="date" max={today} /></Form.Item>
          <Form.Item label="说明" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </FormModal>
      )}
    </>
  );
}
