/** 双随机、一公开: registers (institutions with integrity grades, inspectors), draws with recorded seeds, findings, publication, verification; the portal's published results. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, List, Modal, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { type Draw, type DrawVerification, INSPECTION_OUTCOMES, INSTITUTION_KINDS, INTEGRITY_GRADES, type Institution, type Inspector } from '../../../common/contracts/legal-services';
import { get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dateLongZh, formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useSubmitOnce } from '../../components/submitOnce';

const P = '/legal-services';
const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
type Inst = z.infer<typeof Institution>;
type Insp = z.infer<typeof Inspector>;
type Verify = z.infer<typeof DrawVerification>;
const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
/** The Beijing date of the publication instant, in Chinese form (the UTC date was shown: a day early before 08:00). */
const publishedOn = (iso: string | null) => (iso ? dateLongZh(formatInstant(iso).slice(0, 10)) : '—');
const BASIS = '《优化营商环境条例》第五十四条：随机抽取检查对象、随机选派执法检查人员，抽查事项及查处结果及时向社会公开。按本局抽查规则，每个检查对象选派至少 2 名执法人员，与检查对象有利害关系的人员回避。';

function DrawDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const qc = useQueryClient();
  const can = useCan();
  const manage = can(['legalService.inspection.manage']);
  const q = useQuery({ queryKey: ['legalService', 'draw', id], queryFn: () => get<Draw>(`${P}/draws/${id}`) });
  const [verify, setVerify] = useState<Verify | null>(null);
  const [finding, setFinding] = useState<string | null>(null);
  const [form] = Form.useForm();
  const done = (d: Draw, text: string) => {
    qc.setQueryData(['legalService', 'draw', id], d);
    void qc.invalidateQueries({ queryKey: ['legalService', 'draws'] });
    notifySuccess(text);
  };
  const saveFinding = useMutation({ mutationFn: (v: { outcome: string; finding: string }) => post<Draw>(`${P}/draws/${id}/findings`, { targetId: finding, ...v, version: q.data!.version }), onSuccess: (d) => { done(d, '已登记检查结果'); setFinding(null); form.resetFields(); } });
  const publish = useMutation({ mutationFn: () => post<Draw>(`${P}/draws/${id}/publish`, { version: q.data!.version }), onSuccess: (d) => done(d, '已公开抽查结果') });
  const check = useMutation({ mutationFn: () => get<Verify>(`${P}/draws/${id}/verify`), onSuccess: setVerify });
  const d = q.data;
  return (
    <Drawer open width={820} title={d ? `${d.drawNo} ${d.title}` : '抽查详情'} onClose={onClose} extra={d && <Space>{manage && d.status === 'drawn' && !d.selection.every((x) => d.findings[x.targetId]) && <span className="muted" data-testid="draw-publish-hint">登记全部检查结果后公开（已登记 {d.selection.filter((x) => d.findings[x.targetId]).length} / {d.selection.length}）</span>}{manage && d.status === 'drawn' && <Button type="primary" disabled={!d.selection.every((x) => d.findings[x.targetId])} loading={publish.isPending} onClick={() => Modal.confirm({ title: '公开抽查结果', content: '公开后抽取结果和检查结果不能再修改，其 SM3 摘要记入审计日志。', onOk: () => publish.mutateAsync() })}>公开</Button>}<Button loading={check.isPending} onClick={() => check.mutate()}>以种子复核</Button></Space>}>
      <ErrorAlert error={q.error} />
      {verify && <Alert type={verify.ok ? 'success' : 'error'} showIcon style={{ marginBottom: 12 }} message={verify.ok ? '复核一致' : '复核发现不一致'} description={verify.text} data-testid="draw-verify" />}
      {d && (
        <>
          <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label="状态">{d.status === 'published' ? <Tag color="green">已公开 {publishedOn(d.publishedAt)}</Tag> : <Tag color="gold">已抽取，待公开</Tag>}</Descriptions.Item>
            <Descriptions.Item label="对象类别">{INSTITUTION_KINDS[d.targetKind]}：候选 {d.candidateCount} 家，抽取 {d.selection.length} 家，每家 {d.inspectorsPerTarget} 名执法人员</Descriptions.Item>
            <Descriptions.Item label="种子"><code data-testid="draw-seed">{d.seed}</code></Descriptions.Item>
            <Descriptions.Item label="算法">{d.algorithm}</Descriptions.Item>
            {d.publishedHash && <Descriptions.Item label="公开摘要（SM3）"><code style={{ wordBreak: 'break-all' }}>{d.publishedHash}</code></Descriptions.Item>}
          </Descriptions>
          <Table size="small" rowKey="targetId" pagination={false} dataSource={d.selection} columns={[
            { title: '检查对象', dataIndex: 'targetName', render: (v: string, r) => `${v}（${r.targetCode}）` },
            { title: '执法人员', dataIndex: 'inspectors', render: (v: { name: string; code: string }[]) => v.map((p) => `${p.name}（${p.code}）`).join('、') },
            { title: '检查结果', key: 'f', render: (_: unknown, r) => { const f = d.findings[r.targetId]; return f ? <><Tag color={f.outcome === 'compliant' ? 'green' : 'orange'}>{INSPECTION_OUTCOMES[f.outcome]}</Tag>{f.finding}</> : manage && d.status === 'drawn' ? <Button size="small" onClick={() => setFinding(r.targetId)}>登记结果</Button> : '—'; } },
          ]} />
          {d.excluded.length > 0 && <Card size="small" title={`排除（${d.excluded.length}）`} style={{ marginTop: 12 }}><List size="small" dataSource={d.excluded} renderItem={(e) => <List.Item>{e.name}（{e.code}）：{e.reason}</List.Item>} /></Card>}
        </>
      )}
      <Modal open={!!finding} title="登记检查结果" onCancel={() => setFinding(null)} onOk={() => form.submit()} confirmLoading={saveFinding.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="drawFinding" onFinish={(v) => saveFinding.mutate(v)}>
          <Form.Item label="结果" name="outcome" rules={[{ required: true, message: '请选择' }]}><Radio.Group options={opts(INSPECTION_OUTCOMES)} /></Form.Item>
          <Form.Item label="检查情况" name="finding" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

export function InspectionsPage() {
  const can = useCan();
  const qc = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const draws = useQuery({ queryKey: ['legalService', 'draws'], queryFn: () => get<{ data: Draw[]; total: number }>(`${P}/draws`) });
  const inst = useQuery({ queryKey: ['legalService', 'institutions'], queryFn: () => get<{ data: Inst[]; total: number }>(`${P}/institutions`) });
  const insp = useQuery({ queryKey: ['legalService', 'inspectors'], queryFn: () => get<{ data: Insp[]; total: number }>(`${P}/inspectors`) });
  const once = useSubmitOnce();
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => post<Draw>(`${P}/draws`, { ...v, ...(v.seed ? {} : { seed: undefined }) }),
    onSuccess: (d) => { notifySuccess(`已抽取 ${d.drawNo}`); setCreating(false); form.resetFields(); void qc.invalidateQueries({ queryKey: ['legalService', 'draws'] }); setOpen(d.id); },
  });
  return (
    <>
      <PageHeader title="双随机、一公开" description={BASIS} extra={can(['legalService.inspection.manage']) && <Button type="primary" onClick={() => setCreating(true)}>随机抽取</Button>} />
      <Tabs items={[
        { key: 'draws', label: `抽查记录（${draws.data?.total ?? 0}）`, children: <><ErrorAlert error={draws.error} /><Table<Draw> rowKey="id" size="small" locale={{ emptyText: can(['legalService.inspection.manage']) ? '尚无抽查记录。点击“随机抽取”，从检查对象名录中随机抽取对象并随机选派执法检查人员。' : '尚无抽查记录。' }} dataSource={draws.data?.data ?? []} columns={[
          { title: '编号', dataIndex: 'drawNo', render: (v: string, r) => <a onClick={() => setOpen(r.id)}>{v}</a> }, { title: '名称', dataIndex: 'title' }, { title: '对象', dataIndex: 'targetKind', render: (v: keyof typeof INSTITUTION_KINDS) => INSTITUTION_KINDS[v] },
          { title: '抽取日期', dataIndex: 'drawnOn' }, { title: '种子', dataIndex: 'seed', render: (v: string) => <code>{v.slice(0, 12)}…</code> }, { title: '状态', dataIndex: 'status', render: (v: string) => (v === 'published' ? <Tag color="green">已公开</Tag> : <Tag color="gold">待公开</Tag>) },
        ]} /></> },
        { key: 'inst', label: '检查对象名录', children: <Table<Inst> rowKey="id" size="small" dataSource={inst.data?.data ?? []} pagination={{ pageSize: 50 }} columns={[
          { title: '编码', dataIndex: 'code' }, { title: '名称', dataIndex: 'name' }, { title: '类别', dataIndex: 'kind', render: (v: keyof typeof INSTITUTION_KINDS) => INSTITUTION_KINDS[v] }, { title: '街道', dataIndex: 'street' },
          { title: '诚信等级', dataIndex: 'integrityGrade', render: (v: string) => <Tag color={GRADE_COLORS[v]}>{INTEGRITY_GRADES[v as keyof typeof INTEGRITY_GRADES] ?? v}</Tag> }, { title: '最近检查', dataIndex: 'lastInspectedOn', render: (v: string | null) => v ?? '—' }, { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '正常' : <Tag>注销/停业</Tag>) },
        ]} /> },
        { key: 'insp', label: '执法人员库', children: <Table<Insp> rowKey="id" size="small" dataSource={insp.data?.data ?? []} pagination={false} columns={[
          { title: '编号', dataIndex: 'code' }, { title: '姓名', dataIndex: 'name' }, { title: '单位', dataIndex: 'unit' }, { title: '回避对象', dataIndex: 'conflictCodes', render: (v: string[]) => v.join('、') || '—' }, { title: '状态', dataIndex: 'active', render: (v: boolean) => (v ? '在岗' : <Tag>不在岗</Tag>) },
        ]} /> },
      ]} />
      <Modal open={creating} title="随机抽取检查对象和执法人员" onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" name="draw" initialValues={{ targetKind: 'appraisalInstitution', targetCount: 5, inspectorsPerTarget: 2, excludeRecentDays: 180 }} onFinish={once((v) => create.mutateAsync(v))}>
          <Form.Item label="名称" name="title" rules={[{ required: true, whitespace: true, message: '请填写' }]}><Input maxLength={200} /></Form.Item>
          <Form.Item label="检查对象类别" name="targetKind"><Select options={opts(INSTITUTION_KINDS)} /></Form.Item>
          <Space wrap>
            <Form.Item label="抽取对象数" name="targetCount"><InputNumber min={1} max={200} /></Form.Item>
            <Form.Item label="每个对象执法人员数" name="inspectorsPerTarget"><InputNumber min={2} max={10} /></Form.Item>
            <Form.Item label="近期已检查的不抽取（日）" name="excludeRecentDays"><InputNumber min={0} max={3650} /></Form.Item>
          </Space>
          <Form.Item label="种子（十六进制，留空则随机生成并记录）" name="seed"><Input maxLength={128} placeholder="用于复现：相同种子和名录得到相同结果" /></Form.Item>
        </Form>
      </Modal>
      {open && <DrawDetail id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

export function PortalInspectionsPage() {
  const q = useQuery({ queryKey: ['portal', 'legalService', 'inspections'], queryFn: () => get<{ data: Draw[] }>('/portal/legal-services/inspections') });
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <PageHeader title="双随机抽查结果公开" description={BASIS} />
      <ErrorAlert error={q.error} />
      {(q.data?.data ?? []).length === 0 && !q.isLoading && <Alert type="info" showIcon message="暂无公开的抽查结果" />}
      {(q.data?.data ?? []).map((d) => (
        <Card key={d.id} size="small" title={`${d.drawNo} ${d.title}`} style={{ marginBottom: 12 }} extra={<span className="muted">公开于 {publishedOn(d.publishedAt)}</span>}>
          <p className="muted">种子 <code>{d.seed}</code>，可按公开算法复核：{d.algorithm}</p>
          <List size="small" dataSource={d.selection} renderItem={(s) => { const f = d.findings[s.targetId]; return <List.Item>{s.targetName}：{f ? `${INSPECTION_OUTCOMES[f.outcome]}（${f.finding}）` : '检查中'}；检查人员 {s.inspectors.map((p) => p.name).join('、')}</List.Item>; }} />
        </Card>
      ))}
    </div>
  );
}
