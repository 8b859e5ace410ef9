/** 执法监督台账: 执法主体, 执法人员与执法证, 检查计划, 行政处罚 (行政处罚法第六十条 90 日), 12345 投诉. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { COMPLAINT_CSV_COLUMNS, INSPECTION_CSV_COLUMNS, PENALTY_CSV_COLUMNS } from '../../../common/contracts/enforcement';
import { type Clue, PENALTY_EXTENSION_UNVERIFIED, type PenaltyDeadline, SUPERVISION_BASIS } from '../../../common/contracts/enforcement-supervision';
import { get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { todayBeijing } from '../../components/format';
import { ImportPanel } from './ImportPanel';
import { LiaisonsPanel } from './LiaisonsPanel';
import { PenaltyDeadlineCell } from './PenaltyDeadline';
import { useAgencyName } from './agencies';
import { ENFORCEMENT_FIELDS, fieldLabel } from './labels';

type Row = Record<string, unknown> & { id?: string; code?: string };
type Field = { name: string; label: string; kind?: 'date' | 'dateAny' | 'number' | 'fields' | 'field' | 'agency' | 'level' | 'text'; required?: boolean; extra?: string };

function useAgencyOptions() {
  const q = useQuery({ queryKey: ['enforcement', 'agencies'], queryFn: () => get<{ data: { code: string; name: string }[] }>('/enforcement/agencies') });
  return (q.data?.data ?? []).map((a) => ({ value: a.code, label: a.name }));
}
const FIELD_OPTIONS = Object.entries(ENFORCEMENT_FIELDS).map(([value, label]) => ({ value, label }));

function CreateModal({ title, path, fields, onClose, initial }: { title: string; path: string; fields: Field[]; onClose: () => void; initial?: Record<string, unknown> }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const agencies = useAgencyOptions();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => post(path, Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== ''))),
    onSuccess: () => {
      notifySuccess('已保存');
      void qc.invalidateQueries({ queryKey: ['enforcement'] });
      onClose();
    },
    onError: notifyError,
  });
  const control = (f: Field): ReactNode => {
    switch (f.kind) {
      case 'date': return <Input type="date" max={todayBeijing()} />;
      case 'dateAny': return <Input type="date" />;
      case 'number': return <InputNumber min={0} style={{ width: '100%' }} />;
      case 'fields': return <Select mode="multiple" options={FIELD_OPTIONS} />;
      case 'field': return <Select options={FIELD_OPTIONS} />;
      case 'agency': return <Select showSearch optionFilterProp="label" options={agencies} />;
      case 'level': return <Select options={[{ value: 'mitigated', label: '减轻' }, { value: 'light', label: '从轻' }, { value: 'ordinary', label: '一般' }, { value: 'heavy', label: '从重' }]} />;
      case 'text': return <Input.TextArea rows={3} />;
      default: return <Input />;
    }
  };
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name={`create-${path}`} initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {fields.map((f) => (
          <Form.Item key={f.name} label={f.label} name={f.name} extra={f.extra} rules={f.required === false ? [] : [{ required: true, message: `请填写${f.label}` }]}>{control(f)}</Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function Register({ path, columns, query, create, note }: { path: string; columns: object[]; query?: Record<string, string | undefined>; create?: { title: string; fields: Field[]; initial?: Record<string, unknown> }; note?: ReactNode }) {
  const can = useCan();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: ['enforcement', 'register', path, query, page], queryFn: () => get<{ data: Row[]; total: number; note?: string }>(path, { ...query, page, pageSize: 20 }), placeholderData: keepPreviousData });
  return (
    <>
      {note}
      {create && can('enforcement.register.manage') && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>{create.title}</Button>}
      <ErrorAlert error={q.error} />
      {q.data?.note && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={q.data.note} data-testid="register-scope-note" />}
      <Table rowKey={(r: Row) => String(r.id ?? r.code)} size="small" loading={q.isFetching} dataSource={q.data?.data ?? []} columns={columns as never} pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }} />
      {open && create && <CreateModal title={create.title} path={path} fields={create.fields} initial={create.initial} onClose={() => setOpen(false)} />}
    </>
  );
}

/** 批准延长 the Art. 60 period of an undecided case: days, the rule allowing it, reason, approval day (before the due date). */
function ExtendModal({ penalty, onClose }: { penalty: Row; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { days: number; basis: string; reason: string; approvedOn: string }) => post(`/enforcement/penalties/${String(penalty.id)}/extend`, v),
    onSuccess: () => {
      notifySuccess('已登记批准延长');
      void qc.invalidateQueries({ queryKey: ['enforcement'] });
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal open title={`批准延长决定期限（${String(penalty.id)}）`} onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} destroyOnHidden>
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="《中华人民共和国行政处罚法》第六十条：法律、法规、规章另有规定的，从其规定。" description={PENALTY_EXTENSION_UNVERIFIED} />
      <Form form={form} layout="vertical" name="penaltyExtend" initialValues={{ approvedOn: todayBeijing() }} onFinish={(v) => save.mutate(v)}>
        <Form.Item label="延长天数（自然日）" name="days" rules={[{ required: true, message: '请填写延长天数' }]}><InputNumber min={1} max={365} style={{ width: '100%' }} /></Form.Item>
        <Form.Item label="延长依据（法律、法规、规章及条文）" name="basis" rules={[{ required: true, whitespace: true, message: '请填写延长依据' }]}><Input maxLength={500} /></Form.Item>
        <Form.Item label="延长理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延长理由' }]}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Form.Item label="批准日期" name="approvedOn" extra="须在原决定期限届满前批准" rules={[{ required: true, message: '请填写批准日期' }]}><Input type="date" max={todayBeijing()} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 关联已有线索: a complaint joins a problem clue about the same firm (or naming no firm). */
function LinkClueModal({ complaint, onClose }: { complaint: Row; onClose: () => void }) {
  const qc = useQueryClient();
  const [clueId, setClueId] = useState<string | undefined>();
  const clues = useQuery({ queryKey: ['enforcement', 'clues', 'for-link'], queryFn: () => get<{ data: Clue[] }>('/enforcement/clues', { pageSize: 200 }) });
  const options = (clues.data?.data ?? []).filter((c) => c.status !== 'dismissed' && (!c.targetCreditCode || c.targetCreditCode === complaint.targetCreditCode)).map((c) => ({ value: c.id, label: `${c.clueNo} ${c.title}` }));
  const save = useMutation({
    mutationFn: () => post(`/enforcement/complaints/${String(complaint.id)}/link-clue`, { targetCreditCode: complaint.targetCreditCode, clueId }),
    onSuccess: () => {
      notifySuccess('已关联问题线索');
      void qc.invalidateQueries({ queryKey: ['enforcement'] });
      onClose();
    },
    onError: notifyError,
  });
  return (
    <Modal open title={`关联已有问题线索（工单 ${String(complaint.id)}）`} onCancel={onClose} onOk={() => save.mutate()} okButtonProps={{ disabled: !clueId }} okText="关联" confirmLoading={save.isPending} destroyOnHidden>
      <ErrorAlert error={clues.error} />
      <Select aria-label="问题线索" style={{ width: '100%' }} showSearch optionFilterProp="label" placeholder="选择同一企业（或未指定企业）的问题线索" value={clueId} onChange={setClueId} options={options} notFoundContent="没有可关联的线索" />
    </Modal>
  );
}

const NOWRAP = () => ({ style: { whiteSpace: 'nowrap' as const } });
const CERT = { valid: ['green', '有效'], expiring: ['orange', '60日内到期'], expired: ['red', '已失效'], none: ['default', '未登记'] } as const;

export function RegistersPage() {
  const can = useCan();
  const qc = useQueryClient();
  const [cert, setCert] = useState<string | undefined>();
  const [penState, setPenState] = useState<string | undefined>();
  const [extending, setExtending] = useState<Row | null>(null);
  const [linking, setLinking] = useState<Row | null>(null);
  const decide = useMutation({ mutationFn: ({ id, decidedOn }: { id: string; decidedOn: string }) => post(`/enforcement/penalties/${id}/decide`, { decidedOn }), onSuccess: () => void qc.invalidateQueries({ queryKey: ['enforcement'] }), onError: notifyError });
  const clue = useMutation({
    mutationFn: (c: Row) => post<{ clueNo: string }>('/enforcement/clues', { source: 'complaint', complaint: { id: c.id, targetCreditCode: c.targetCreditCode }, title: `12345 投诉：${String(c.category)}（${String(c.targetName ?? c.targetCreditCode)}）`, description: String(c.summary) }),
    onSuccess: (r) => { notifySuccess(`已登记问题线索 ${r.clueNo}`); void qc.invalidateQueries({ queryKey: ['enforcement'] }); },
    onError: notifyError,
  });
  const agencyName = useAgencyName();
  const agency = (c: string | null) => (c ? agencyName(c) : '—');
  const importer = can('enforcement.inspection.import');
  const firm = (_: unknown, r: Row) => <Link to={`/enforcement/firms/${String(r.targetCreditCode)}`}>{String(r.targetName ?? r.targetCreditCode)}</Link>;
  return (
    <>
      <PageHeader title="执法监督台账" description={`执法主体、执法人员与执法证、年度检查计划、行政处罚案件、12345 热线投诉${can('enforcement.supervision.manage') ? '、执法单位联络员' : ''}。批量记录请用导入功能。`} />
      <Tabs items={[
        { key: 'agencies', label: '执法主体', children: <Register path="/enforcement/agencies" columns={[{ title: '代码', dataIndex: 'code' }, { title: '名称', dataIndex: 'name' }, { title: '执法领域', dataIndex: 'fields', render: (f: string[]) => f.map(fieldLabel).join('、') }, { title: '执法依据', dataIndex: 'legalBasis' }, { title: '执法人员', dataIndex: 'officers', align: 'right' }]} create={{ title: '登记执法主体', fields: [{ name: 'code', label: '代码' }, { name: 'name', label: '名称' }, { name: 'legalBasis', label: '执法依据', kind: 'text' }, { name: 'fields', label: '执法领域', kind: 'fields' }] }} /> },
        {
          key: 'officers', label: '执法人员', children: (
            <Register path="/enforcement/officers" query={{ certificate: cert }}
              note={<Space style={{ marginBottom: 12 }}><span>执法证</span><Select aria-label="执法证状态" allowClear style={{ width: 160 }} value={cert} onChange={setCert} options={Object.entries(CERT).map(([value, [, label]]) => ({ value, label }))} /></Space>}
              columns={[{ title: '编号', dataIndex: 'id' }, { title: '姓名', dataIndex: 'name' }, { title: '执法主体', dataIndex: 'agencyCode', render: agency }, { title: '执法证号', dataIndex: 'certificateNo' }, { title: '有效期', render: (_: unknown, r: Row) => `${String(r.certificateValidFrom ?? '—')} 至 ${String(r.certificateValidTo ?? '—')}` }, { title: '状态', dataIndex: 'certificateState', render: (s: keyof typeof CERT) => <Tag color={CERT[s][0]}>{CERT[s][1]}</Tag> }]}
              create={{ title: '登记执法人员', fields: [{ name: 'id', label: '人员编号' }, { name: 'agencyCode', label: '执法主体', kind: 'agency' }, { name: 'name', label: '姓名' }, { name: 'certificateNo', label: '执法证号', required: false }, { name: 'certificateValidFrom', label: '执法证有效期起', kind: 'dateAny', required: false }, { name: 'certificateValidTo', label: '执法证有效期止', kind: 'dateAny', required: false }] }} />
          ),
        },
        { key: 'plans', label: '检查计划', children: <Register path="/enforcement/plans" note={<Alert type="info" showIcon style={{ marginBottom: 12 }} message="年度行政检查计划于每年3月31日前公布（《北京市优化营商环境条例》第六十七条）；单企年度检查上限由行业主管部门设定（国办发〔2024〕54号，具体数值未经核实，按计划登记）。" />} columns={[{ title: '编号', dataIndex: 'id' }, { title: '年度', dataIndex: 'year' }, { title: '执法主体', dataIndex: 'agencyCode', render: agency }, { title: '领域', dataIndex: 'field', render: fieldLabel }, { title: '名称', dataIndex: 'title' }, { title: '单企年度上限', dataIndex: 'perFirmCap', render: (c: number | null) => c ?? '未设定' }]} create={{ title: '登记检查计划', fields: [{ name: 'id', label: '计划编号' }, { name: 'agencyCode', label: '执法主体', kind: 'agency' }, { name: 'year', label: '年度', kind: 'number' }, { name: 'field', label: '领域', kind: 'field' }, { name: 'title', label: '名称' }, { name: 'perFirmCap', label: '单企年度检查上限', kind: 'number', required: false }], initial: { year: Number(todayBeijing().slice(0, 4)) } }} /> },
        {
          key: 'penalties', label: '行政处罚', children: (
            <Register path="/enforcement/penalties" query={{ state: penState }}
              note={<>{importer && <ImportPanel url="/enforcement/penalties/import" columns={PENALTY_CSV_COLUMNS} what="行政处罚案件" />}<Alert type="info" showIcon style={{ marginBottom: 12 }} message={SUPERVISION_BASIS.penalty} description="决定期限由统一期限引擎计算：立案当日不计，按自然日计算，期限末日为法定节假日的顺延至节假日后第一个工作日；经批准延长的按延长后的期限（点“计算说明”查看逐步计算及依据）。在本系统立案登记的案件，期限同时登记于期限台账。" /><Space style={{ marginBottom: 12, marginLeft: 12 }}><span>办理情况</span><Select aria-label="办理情况" allowClear style={{ width: 160 }} value={penState} onChange={setPenState} options={[{ value: 'pending', label: '未决定' }, { value: 'decided', label: '已决定' }, { value: 'overdue', label: '超过决定期限未决定' }]} /></Space></>}
              columns={[{ title: '案件编号', dataIndex: 'id' }, { title: '执法主体', dataIndex: 'agencyCode', render: agency }, { title: '当事人', render: firm }, { title: '违法行为代码', dataIndex: 'violationCode' }, { title: '罚款（元）', dataIndex: 'amount', align: 'right' }, { title: '立案日期', dataIndex: 'filedOn', onCell: NOWRAP }, { title: '决定期限', dataIndex: 'dueDate', width: 200, render: (_: string, r: Row) => <PenaltyDeadlineCell deadline={r.deadline as PenaltyDeadline} overdue={!!r.overdue} /> }, { title: '决定日期', dataIndex: 'decidedOn', onCell: NOWRAP, render: (d: string | null, r: Row) => d ?? (can('enforcement.register.manage') ? <Space size={4}><Button size="small" onClick={() => decide.mutate({ id: String(r.id), decidedOn: todayBeijing() })}>登记今日决定</Button>{!r.extension && <Button size="small" onClick={() => setExtending(r)}>批准延长</Button>}</Space> : '未决定') }]}
              create={{ title: '登记处罚立案', fields: [{ name: 'id', label: '案件编号' }, { name: 'agencyCode', label: '执法主体', kind: 'agency' }, { name: 'targetCreditCode', label: '当事人统一社会信用代码' }, { name: 'targetName', label: '当事人名称' }, { name: 'field', label: '领域', kind: 'field' }, { name: 'violationCode', label: '违法行为代码' }, { name: 'discretionLevel', label: '裁量阶次', kind: 'level' }, { name: 'amount', label: '拟罚款金额（元）', kind: 'number' }, { name: 'filedOn', label: '立案日期', kind: 'date' }], initial: { discretionLevel: 'ordinary', filedOn: todayBeijing() } }} />
          ),
        },
        ...(importer
          ? [{
              key: 'inspections', label: '行政检查导入', children: (
                <>
                  <Alert type="info" showIcon style={{ marginBottom: 12 }} message="行政检查记录由各执法单位执法信息系统导出后导入；导入后在检测预警、分析统计和一企一档中查看。" description="统一社会信用代码按 GB 32100-2015 校验第 18 位校验码；执法主体须已在执法主体台账登记；检查日期为 YYYY-MM-DD 格式的真实日期；执法领域须为该执法主体已登记的领域；检查类型为 plan（计划检查）、random（“双随机”抽查）、complaint（投诉举报核查）、special（专项检查）、other（其他）；是否发现问题为 0 或 1。" />
                  <ImportPanel url="/enforcement/inspections/import" columns={INSPECTION_CSV_COLUMNS} what="行政检查记录" />
                </>
              ),
            }]
          : []),
        { key: 'complaints', label: '12345 投诉', children: <Register path="/enforcement/complaints" note={can('enforcement.inspection.import') ? <ImportPanel url="/enforcement/complaints/import" columns={COMPLAINT_CSV_COLUMNS} what="12345 热线涉企执法投诉" /> : undefined} columns={[{ title: '工单号', dataIndex: 'id' }, { title: '收到日期', dataIndex: 'receivedOn', onCell: NOWRAP }, { title: '企业', render: firm }, { title: '被投诉执法主体', dataIndex: 'agencyCode', render: agency }, { title: '类别', dataIndex: 'category' }, { title: '诉求', dataIndex: 'summary' }, { title: '问题线索', dataIndex: 'clueId', render: (c: string | null, r: Row) => (c ? <Link to={`/enforcement/clues?highlight=${c}`}>{String(r.clueNo ?? '已转线索')}</Link> : can('enforcement.supervision.manage') ? <Space size={4}><Button size="small" onClick={() => clue.mutate(r)}>转为问题线索</Button><Button size="small" onClick={() => setLinking(r)}>关联已有线索</Button></Space> : '—') }]} create={{ title: '登记 12345 投诉', fields: [{ name: 'id', label: '工单号' }, { name: 'targetCreditCode', label: '企业统一社会信用代码' }, { name: 'targetName', label: '企业名称' }, { name: 'agencyCode', label: '被投诉执法主体', kind: 'agency' }, { name: 'receivedOn', label: '收到日期', kind: 'date' }, { name: 'category', label: '类别' }, { name: 'summary', label: '诉求内容', kind: 'text' }], initial: { receivedOn: todayBeijing() } }} /> },
        ...(can('enforcement.supervision.manage') ? [{ key: 'liaisons', label: '执法单位联络员', children: <LiaisonsPanel /> }] : []),
      ]} />
      {extending && <ExtendModal penalty={extending} onClose={() => setExtending(null)} />}
      {linking && <LinkClueModal complaint={linking} onClose={() => setLinking(null)} />}
    </>
  );
}
