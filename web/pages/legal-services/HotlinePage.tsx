/** 12348 热线与咨询记录: register a call / walk-in / online consultation (answers from the knowledge base), callback with satisfaction, one-click referral to legal aid, mediation, reconsideration or a notary office. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Statistic, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { AID_GROUPS, CONSULT_CATEGORIES, CONSULT_CHANNELS, type Consultation, SATISFACTION } from '../../../common/contracts/legal-services';
import type { KbEntry } from '../../../common/contracts/legal-services-enterprise';
import type { z } from 'zod';
import { get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useSubmitOnce } from '../../components/submitOnce';

const P = '/legal-services';
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
type ListResult = { data: Consultation[]; total: number; satisfaction: { surveyed: number; satisfied: number; rate: number | null } };

function NewConsultationModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const once = useSubmitOnce();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<Consultation>(`${P}/consultations`, { channel: v.channel, callerName: v.callerName || null, callerMobile: v.callerMobile || null, group: v.group ?? null, category: v.category, summary: v.summary, answer: v.answer, durationSeconds: Math.round(Number(v.minutes ?? 0) * 60) }),
    onSuccess: (c) => {
      notifySuccess(`已登记咨询记录 ${c.recordNo}`);
      void qc.invalidateQueries({ queryKey: ['legalService', 'consultations'] });
      onClose();
    },
  });
  return (
    <Modal open title="登记咨询记录" onCancel={onClose} onOk={() => form.submit()} okText="登记" confirmLoading={save.isPending} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" name="consultation" initialValues={{ channel: 'phone', category: 'labour', minutes: 5 }} onFinish={once((v) => save.mutateAsync(v))}>
        <Form.Item label="渠道" name="channel"><Radio.Group options={opts(CONSULT_CHANNELS)} /></Form.Item>
        <Space wrap>
          <Form.Item label="咨询人" name="callerName"><Input maxLength={50} /></Form.Item>
          <Form.Item label="联系电话" name="callerMobile"><Input maxLength={11} autoComplete="off" /></Form.Item>
          <Form.Item label="群体" name="group"><Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} options={opts(AID_GROUPS)} /></Form.Item>
        </Space>
        <Space wrap>
          <Form.Item label="类别" name="category"><Select style={{ width: 160 }} options={opts(CONSULT_CATEGORIES)} /></Form.Item>
          <Form.Item label="时长（分钟）" name="minutes" rules={[{ required: true, message: '请填写时长' }]}><InputNumber min={0} max={1440} step={0.5} /></Form.Item>
        </Space>
        <Form.Item label="咨询内容" name="summary" rules={[{ required: true, whitespace: true, message: '请填写咨询内容' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <KbLookup onUse={(answer) => form.setFieldValue('answer', answer)} />
        <Form.Item label="解答意见" name="answer" rules={[{ required: true, whitespace: true, message: '请填写解答意见' }]}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** Search the knowledge base while answering; "引用" copies the standard answer into the form (and counts the use). */
function KbLookup({ onUse }: { onUse: (answer: string) => void }) {
  const [text, setText] = useState('');
  const q = useQuery({ queryKey: ['legalService', 'kb', 'lookup', text], queryFn: () => get<{ data: z.infer<typeof KbEntry>[] }>(`${P}/knowledge`, { q: text, limit: 3 }), enabled: text.length >= 2 });
  return (
    <div style={{ marginBottom: 12 }}>
      <Input.Search placeholder="查知识库：输入关键词" aria-label="查知识库" allowClear onSearch={(v) => setText(v.trim())} />
      {text.length >= 2 && (
        <List
          size="small"
          locale={{ emptyText: '知识库中没有相关答案' }}
          dataSource={q.data?.data ?? []}
          renderItem={(k) => (
            <List.Item actions={[<Button key="use" size="small" onClick={() => { onUse(k.answer); void post(`${P}/knowledge/${k.id}/use`, {}).catch(() => undefined); }}>引用</Button>]}>
              <List.Item.Meta title={k.question} description={<span className="muted">{k.citation ?? k.category}</span>} />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

type ReferTarget = 'mediation' | 'reconsideration' | 'notary';
const REFER_LABELS: Record<ReferTarget, string> = { mediation: '转人民调解', reconsideration: '转行政复议咨询', notary: '转公证机构' };
// a referral writes into the target module's register, so the server asks for that module's permission too
// (hotline-quality.service refer): without it the item is shown disabled with what is missing
const REFER_PERMISSION: Record<ReferTarget, 'dispute.manage' | 'reconsideration.consultation.manage' | null> = { mediation: 'dispute.manage', reconsideration: 'reconsideration.consultation.manage', notary: null };
const REFER_NEEDS: Record<ReferTarget, string> = { mediation: '矛盾纠纷登记', reconsideration: '行政复议咨询登记', notary: '' };

function ReferModal({ c, target, onClose }: { c: Consultation; target: ReferTarget; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const notaries = useQuery({ queryKey: ['legalService', 'notaries'], queryFn: () => get<{ data: { id: string; name: string; active: boolean }[] }>(`${P}/registers/institutions`, { kind: 'notaryOffice' }), enabled: target === 'notary' });
  const once = useSubmitOnce();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<{ referralLabel: string }>(`${P}/consultations/${c.id}/refer`, { target, ...v }),
    onSuccess: (r) => {
      notifySuccess(`已转办：${r.referralLabel}`);
      void qc.invalidateQueries({ queryKey: ['legalService', 'consultations'] });
      onClose();
    },
  });
  return (
    <Modal open title={`${REFER_LABELS[target]}（${c.recordNo}）`} onCancel={onClose} onOk={() => form.submit()} okText="转办" confirmLoading={save.isPending} destroyOnHidden>
      <p className="muted">将带入咨询记录的内容：{c.summary}</p>
      <Form form={form} layout="vertical" name="refer" initialValues={{ partyName: c.callerName ?? undefined, matterType: target === 'mediation' ? 'neighbour' : 'other', note: '' }} onFinish={once((v) => save.mutateAsync(v))}>
        {target === 'mediation' && (
          <>
            <Form.Item label="当事人" name="partyName" rules={[{ required: true, whitespace: true, message: '请填写当事人' }]}><Input maxLength={40} /></Form.Item>
            <Form.Item label="纠纷类型" name="matterType"><Select options={[['family', '婚姻家庭'], ['neighbour', '邻里纠纷'], ['property', '房屋物业'], ['contract', '合同纠纷'], ['labour', '劳动纠纷'], ['damages', '损害赔偿'], ['finance', '金融纠纷'], ['consumer', '消费纠纷'], ['other', '其他']].map(([value, label]) => ({ value, label }))} /></Form.Item>
            <Form.Item label="纠纷发生地址" name="address" rules={[{ required: true, whitespace: true, message: '请填写地址' }]}><Input maxLength={200} /></Form.Item>
          </>
        )}
        {target === 'reconsideration' && (
          <>
            <Form.Item label="被申请人（行政机关）" name="respondentName"><Input maxLength={100} /></Form.Item>
            <Form.Item label="事项类型" name="matterType"><Select options={[['penalty', '行政处罚'], ['disclosure', '政府信息公开'], ['workInjury', '工伤认定'], ['nonPerformance', '不履行法定职责'], ['coercion', '行政强制'], ['licensing', '行政许可'], ['other', '其他']].map(([value, label]) => ({ value, label }))} /></Form.Item>
          </>
        )}
        {target === 'notary' && (
          <>
            <Form.Item label="公证机构" name="institutionId" rules={[{ required: true, message: '请选择公证机构' }]}><Select options={(notaries.data?.data ?? []).filter((n) => n.active).map((n) => ({ value: n.id, label: n.name }))} /></Form.Item>
            <Form.Item label="说明" name="note"><Input maxLength={500} /></Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

function FollowUpModal({ c, onClose }: { c: Consultation; onClose: () => void }) {
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: (v: { satisfaction: string; note?: string }) => post<Consultation>(`${P}/consultations/${c.id}/follow-up`, { satisfaction: v.satisfaction, note: v.note ?? '' }),
    onSuccess: () => {
      notifySuccess('已记录回访');
      void qc.invalidateQueries({ queryKey: ['legalService', 'consultations'] });
      onClose();
    },
  });
  return (
    <Modal open title={`回访 ${c.recordNo}`} onCancel={onClose} onOk={() => form.submit()} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="followUp" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="满意度" name="satisfaction" rules={[{ required: true, message: '请选择满意度' }]}><Radio.Group options={opts(SATISFACTION)} /></Form.Item>
        <Form.Item label="回访情况" name="note"><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
      </Form>
    </Modal>
  );
}

export function HotlinePage() {
  const can = useCan();
  const navigate = useNavigate();
  // a period from the URL (the leadership dashboard's drill-down): shown as a tag, cleared with it
  const [sp, setSp] = useSearchParams();
  const from = sp.get('from') ?? undefined;
  const to = sp.get('to') ?? undefined;
  const [filters, setFilters] = useState<{ channel?: string; category?: string; q?: string; page: number }>(() => ({ page: 1, ...(sp.get('channel') ? { channel: sp.get('channel')! } : {}) }));
  const [creating, setCreating] = useState(false);
  const [following, setFollowing] = useState<Consultation | null>(null);
  const [referring, setReferring] = useState<{ c: Consultation; target: ReferTarget } | null>(null);
  const q = useQuery({ queryKey: ['legalService', 'consultations', filters, from, to], queryFn: () => get<ListResult>(`${P}/consultations`, { ...filters, from, to, pageSize: 20 }), placeholderData: keepPreviousData });
  const manage = can(['legalService.hotline.manage']);
  const refer = manage && can(['legalService.aid.handle']);
  const sat = q.data?.satisfaction;
  return (
    <>
      <PageHeader title="12348 热线与咨询" description="电话、现场、网络咨询记录（《中华人民共和国法律援助法》第二十三条）；回访满意度；一键转为法律援助申请，或转人民调解、行政复议咨询、公证机构（带入记录内容）。热线服务规范（接通率、质检比例等）未与官方文本核对，本页不设指标（待核实）。" extra={manage && <Button type="primary" onClick={() => setCreating(true)}>登记咨询</Button>} />
      <Space size="large" style={{ marginBottom: 12 }}>
        <Statistic title="记录数" value={q.data?.total ?? 0} />
        <Statistic title="已回访" value={sat?.surveyed ?? 0} />
        <Statistic title="满意率（满意+基本满意）" value={sat?.rate ?? '—'} suffix={sat?.rate != null ? '%' : ''} />
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        {(from || to) && (
          <Tag color="blue" closable onClose={() => { const n = new URLSearchParams(sp); n.delete('from'); n.delete('to'); setSp(n); setFilters((f) => ({ ...f, page: 1 })); }}>
            筛选：咨询日期 {from ?? '不限'} 至 {to ?? '不限'}
          </Tag>
        )}
        <Select allowClear placeholder="渠道" style={{ width: 140 }} aria-label="渠道" value={filters.channel} options={opts(CONSULT_CHANNELS)} onChange={(v) => setFilters((f) => ({ ...f, channel: v, page: 1 }))} />
        <Select allowClear placeholder="类别" style={{ width: 140 }} aria-label="类别" options={opts(CONSULT_CATEGORIES)} onChange={(v) => setFilters((f) => ({ ...f, category: v, page: 1 }))} />
        <Input.Search allowClear placeholder="搜索咨询内容、解答或编号" style={{ width: 260 }} aria-label="搜索咨询记录" onSearch={(v) => setFilters((f) => ({ ...f, q: v || undefined, page: 1 }))} />
      </Space>
      <ErrorAlert error={q.error} />
      <Table<Consultation>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        pagination={{ current: filters.page, pageSize: 20, total: q.data?.total ?? 0, showSizeChanger: false, onChange: (page) => setFilters((f) => ({ ...f, page })) }}
        scroll={{ x: 1260 }}
        expandable={{ expandedRowRender: (r) => <div><p><b>咨询内容：</b>{r.summary}</p><p><b>解答意见：</b>{r.answer}</p>{r.followUpNote && <p><b>回访：</b>{r.followUpNote}</p>}</div> }}
        columns={[
          { title: '编号', dataIndex: 'recordNo', width: 130 },
          { title: '时间', dataIndex: 'startedAt', width: 110, render: (v: string) => formatInstant(v).slice(0, 16) },
          { title: '渠道', dataIndex: 'channel', width: 110, render: (v: keyof typeof CONSULT_CHANNELS) => CONSULT_CHANNELS[v] },
          { title: '类别', dataIndex: 'category', width: 90, render: (v: keyof typeof CONSULT_CATEGORIES) => CONSULT_CATEGORIES[v] ?? v },
          { title: '咨询人', dataIndex: 'callerName', width: 130, render: (v: string | null, r) => `${v ?? '匿名'}${r.callerMobile ? ` ${r.callerMobile}` : ''}` },
          { title: '内容', dataIndex: 'summary', ellipsis: true },
          { title: '时长', dataIndex: 'durationSeconds', width: 100, render: (v: number) => `${Math.round(v / 6) / 10} 分钟` },
          { title: '回访', dataIndex: 'satisfaction', width: 80, render: (v: keyof typeof SATISFACTION | null, r) => (v ? <Tag color={v === 'unsatisfied' ? 'red' : 'green'}>{SATISFACTION[v]}</Tag> : manage ? <Button size="small" onClick={() => setFollowing(r)}>回访</Button> : '—') },
          {
            title: '转办',
            key: 'refer',
            width: 240,
            fixed: 'right' as const,
            render: (_: unknown, r) =>
              r.referralId ? (
                r.referredTo === 'legalAid' ? <Link to={`/legal-services/aid/${r.referralId}`}>{r.referralNo}</Link> : r.referredTo === 'mediation' ? <Link to={`/disputes/${r.referralId}`}>{r.referralNo}</Link> : <span>{r.referralNo}</span>
              ) : manage ? (
                <Space size={4}>
                  {refer && <Button size="small" onClick={() => navigate(`/legal-services/aid/new?fromConsultation=${r.id}`)}>转法律援助申请</Button>}
                  <Dropdown menu={{ items: (Object.keys(REFER_LABELS) as ReferTarget[]).map((k) => ({ key: k, label: REFER_PERMISSION[k] && !can([REFER_PERMISSION[k]!]) ? `${REFER_LABELS[k]}（需${REFER_NEEDS[k]}权限，请联系管理员）` : REFER_LABELS[k], disabled: !!REFER_PERMISSION[k] && !can([REFER_PERMISSION[k]!]) })), onClick: ({ key }) => setReferring({ c: r, target: key as ReferTarget }) }}><Button size="small">其他转办</Button></Dropdown>
                </Space>
              ) : '—',
          },
        ]}
      />
      {creating && <NewConsultationModal onClose={() => setCreating(false)} />}
      {following && <FollowUpModal c={following} onClose={() => setFollowing(null)} />}
      {referring && <ReferModal c={referring.c} target={referring.target} onClose={() => setReferring(null)} />}
    </>
  );
}
