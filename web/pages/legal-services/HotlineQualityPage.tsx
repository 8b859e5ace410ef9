/** 12348 咨询质量抽查 (random sample with a recorded seed, scored by a reviewer) and the knowledge base of answers (Chinese search). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { z } from 'zod';
import { CONSULT_CATEGORIES, CONSULT_CHANNELS } from '../../../common/contracts/legal-services';
import type { KbEntry, QaSample } from '../../../common/contracts/legal-services-enterprise';
import { get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useSubmitOnce } from '../../components/submitOnce';

const P = '/legal-services';
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
type Kb = z.infer<typeof KbEntry>;
type SampleSummary = Omit<QaSample, 'items'>;

function SampleDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const can = useCan();
  const review = can(['legalService.hotline.review']);
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['legalService', 'qa', id], queryFn: () => get<QaSample>(`${P}/quality/samples/${id}`) });
  const [scoring, setScoring] = useState<string | null>(null);
  const [form] = Form.useForm();
  const save = useMutation({
    mutationFn: (v: { accuracy: number; attitude: number; norms: number; comment?: string }) => post<QaSample>(`${P}/quality/samples/${id}/scores`, { consultationId: scoring, ...v, comment: v.comment ?? '' }),
    onSuccess: (s) => {
      qc.setQueryData(['legalService', 'qa', id], s);
      void qc.invalidateQueries({ queryKey: ['legalService', 'qa', 'list'] });
      notifySuccess('已评分');
      setScoring(null);
      form.resetFields();
    },
  });
  const s = q.data;
  return (
    <Drawer open width={900} title={s ? `${s.sampleNo}（${s.from} 至 ${s.to}）` : '质量抽查'} onClose={onClose}>
      <ErrorAlert error={q.error} />
      {s && (
        <>
          <Alert type={s.rerunMatches ? 'success' : 'error'} showIcon style={{ marginBottom: 12 }} message={s.rerunMatches ? '以记录的种子重新抽取，结果与登记的一致' : '以记录的种子重新抽取的结果与登记的不一致'} description={<><div>种子：<code>{s.seed}</code>；候选记录 {s.candidateCount} 条，抽取 {s.size} 条</div><div className="muted">{s.algorithm}</div></>} />
          <Space style={{ marginBottom: 8 }}>已评 {s.scored} / {s.size}；平均分 {s.averageScore ?? '—'}；合格率 {s.passRate != null ? `${s.passRate}%` : '—'}</Space>
          <Table
            rowKey="consultationId"
            size="small"
            pagination={false}
            dataSource={s.items}
            expandable={{ expandedRowRender: (i) => <div><p><b>咨询内容：</b>{i.summary}</p><p><b>解答意见：</b>{i.answer}</p>{i.score?.comment && <p><b>评语：</b>{i.score.comment}</p>}</div> }}
            columns={[
              { title: '记录', dataIndex: 'recordNo' },
              { title: '渠道', dataIndex: 'channel', render: (v: keyof typeof CONSULT_CHANNELS) => CONSULT_CHANNELS[v] },
              { title: '类别', dataIndex: 'category' },
              { title: '接听人', dataIndex: 'handlerName' },
              { title: '得分', key: 'score', render: (_: unknown, i) => (i.score ? <Tag color={i.score.total >= 80 ? 'green' : 'red'}>{i.score.total}（{i.score.reviewerName}）</Tag> : review ? <Button size="small" onClick={() => setScoring(i.consultationId)}>评分</Button> : '未评') },
            ]}
          />
        </>
      )}
      <Modal open={!!scoring} title="评查打分" onCancel={() => setScoring(null)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="qaScore" initialValues={{ accuracy: 36, attitude: 27, norms: 27 }} onFinish={(v) => save.mutate(v)}>
          <Space wrap>
            <Form.Item label="解答准确性（0–40）" name="accuracy" rules={[{ required: true }]}><InputNumber min={0} max={40} /></Form.Item>
            <Form.Item label="服务态度（0–30）" name="attitude" rules={[{ required: true }]}><InputNumber min={0} max={30} /></Form.Item>
            <Form.Item label="规范用语与记录（0–30）" name="norms" rules={[{ required: true }]}><InputNumber min={0} max={30} /></Form.Item>
          </Space>
          <Form.Item label="评语" name="comment"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

function SamplesTab() {
  const can = useCan();
  const review = can(['legalService.hotline.review']);
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['legalService', 'qa', 'list'], queryFn: () => get<{ data: SampleSummary[]; scoring: string }>(`${P}/quality/samples`) });
  const once = useSubmitOnce();
  const create = useMutation({
    mutationFn: (v: { period: [Dayjs, Dayjs]; size: number; channel?: string; seed?: string }) => post<QaSample>(`${P}/quality/samples`, { from: v.period[0].format('YYYY-MM-DD'), to: v.period[1].format('YYYY-MM-DD'), size: v.size, channel: v.channel ?? null, ...(v.seed ? { seed: v.seed } : {}) }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ['legalService', 'qa', 'list'] });
      notifySuccess(`已抽取 ${s.size} 条（${s.sampleNo}）`);
      setCreating(false);
      setOpen(s.id);
    },
  });
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={q.data?.scoring ?? ''} />
      {review && <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>随机抽取咨询记录</Button>}
      <ErrorAlert error={q.error} />
      <Table<SampleSummary>
        rowKey="id"
        locale={{ emptyText: review ? '尚无质量抽查批次。点击“随机抽取咨询记录”，按期间和渠道抽取咨询记录后逐条评分。' : '尚无质量抽查批次。' }}
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        columns={[
          { title: '编号', dataIndex: 'sampleNo', render: (v: string, s) => <a onClick={() => setOpen(s.id)}>{v}</a> },
          { title: '期间', key: 'p', render: (_: unknown, s) => `${s.from} 至 ${s.to}` },
          { title: '渠道', dataIndex: 'channel', render: (v: keyof typeof CONSULT_CHANNELS | null) => (v ? CONSULT_CHANNELS[v] : '全部') },
          { title: '抽取 / 候选', key: 'n', render: (_: unknown, s) => `${s.size} / ${s.candidateCount}` },
          { title: '已评', dataIndex: 'scored' },
          { title: '平均分', dataIndex: 'averageScore', render: (v: number | null) => v ?? '—' },
          { title: '合格率', dataIndex: 'passRate', render: (v: number | null) => (v != null ? `${v}%` : '—') },
          { title: '复核', dataIndex: 'rerunMatches', render: (v: boolean) => (v ? <Tag color="green">一致</Tag> : <Tag color="red">不一致</Tag>) },
        ]}
      />
      <Modal open={creating} title="随机抽取咨询记录" onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="qaSample" initialValues={{ size: 10, period: [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')] }} onFinish={once((v) => create.mutateAsync(v))}>
          <Form.Item label="咨询期间" name="period" rules={[{ required: true, message: '请选择期间' }]}><DatePicker.RangePicker /></Form.Item>
          <Space wrap>
            <Form.Item label="抽取条数" name="size" rules={[{ required: true }]}><InputNumber min={1} max={500} /></Form.Item>
            <Form.Item label="渠道" name="channel"><Select allowClear style={{ width: 140 }} options={opts(CONSULT_CHANNELS)} /></Form.Item>
          </Space>
          <Form.Item label="种子（十六进制，留空随机生成）" name="seed" rules={[{ pattern: /^[0-9a-f]{8,128}$/, message: '种子须为 8 至 128 位十六进制' }]}><Input maxLength={128} /></Form.Item>
        </Form>
      </Modal>
      {open && <SampleDrawer id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function KnowledgeTab() {
  const can = useCan();
  const manage = can(['legalService.hotline.manage']);
  const qc = useQueryClient();
  const [query, setQuery] = useState<{ q?: string; category?: string }>({});
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const q = useQuery({ queryKey: ['legalService', 'kb', query], queryFn: () => get<{ data: Kb[]; total: number; method: string }>(`${P}/knowledge`, { ...query, limit: 50 }) });
  const once = useSubmitOnce();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<{ id: string }>(`${P}/knowledge`, { question: v.question, answer: v.answer, category: v.category, citation: v.citation || null }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['legalService', 'kb'] });
      notifySuccess('已加入知识库');
      setCreating(false);
      form.resetFields();
    },
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="输入问题，如：老板拖欠工资怎么办" aria-label="检索知识库" style={{ width: 360 }} onSearch={(v) => setQuery((f) => ({ ...f, q: v || undefined }))} />
        <Select allowClear placeholder="类别" aria-label="知识库类别" style={{ width: 140 }} options={Object.values(CONSULT_CATEGORIES).map((v) => ({ value: v, label: v }))} onChange={(v) => setQuery((f) => ({ ...f, category: v }))} />
        {manage && <Button onClick={() => setCreating(true)}>新增条目</Button>}
      </Space>
      <div className="muted" style={{ marginBottom: 8 }}>{q.data?.method}</div>
      <ErrorAlert error={q.error} />
      <Table<Kb>
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.data ?? []}
        expandable={{ expandedRowRender: (k) => <div><p style={{ whiteSpace: 'pre-wrap' }}>{k.answer}</p>{k.citation && <p className="muted">依据：{k.citation}</p>}</div> }}
        columns={[
          { title: '问题', dataIndex: 'question' },
          { title: '类别', dataIndex: 'category' },
          { title: '命中词', dataIndex: 'matched', render: (v: string[]) => v.map((w) => <Tag key={w}>{w}</Tag>) },
          { title: '相关度', dataIndex: 'score', render: (v: number | null) => v ?? '—' },
          { title: '引用次数', dataIndex: 'uses' },
        ]}
      />
      <Modal open={creating} title="新增知识库条目" onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden width={640}>
        <Form form={form} layout="vertical" name="kb" initialValues={{ category: '劳动争议' }} onFinish={once((v) => save.mutateAsync(v))}>
          <Form.Item label="问题" name="question" rules={[{ required: true, whitespace: true, message: '请填写问题' }]}><Input maxLength={500} /></Form.Item>
          <Form.Item label="标准答案" name="answer" rules={[{ required: true, whitespace: true, message: '请填写答案' }]}><Input.TextArea rows={4} maxLength={4000} /></Form.Item>
          <Form.Item label="类别" name="category"><Select options={Object.values(CONSULT_CATEGORIES).map((v) => ({ value: v, label: v }))} /></Form.Item>
          <Form.Item label="法律依据（法律名称及条款）" name="citation"><Input maxLength={300} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function HotlineQualityPage() {
  return (
    <>
      <PageHeader title="12348 质检与知识库" description="随机抽取咨询记录（记录种子，可复现）由质检人员评分；咨询知识库按中文分词检索标准答案。热线服务规范（质检比例、接通率等）的条文未与官方文本核对（待核实），本页不设法定指标。" />
      <Tabs items={[{ key: 'qa', label: '质量抽查', children: <SamplesTab /> }, { key: 'kb', label: '知识库', children: <KnowledgeTab /> }]} />
    </>
  );
}
