/**
 * 法治政府建设年度报告: list and generation per year, the four-part draft with its figures (each linked to the query
 * that produced it and to the records), staff editing (every save a version), review and sign-off, filing and
 * publication dates, .docx / PDF download; and the monthly statistics snapshots.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { type AnnualReportDetail, type AnnualReportSummary, type ReportPart, type StatsSnapshot } from '../../../common/contracts/dashboard';
import { API_BASE, get, post, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant, todayBeijing } from '../../components/format';
import { drillHref } from '../dashboard/DashboardPage';

const STATUS_COLORS: Record<string, string> = { draft: 'default', review: 'processing', approved: 'success', filed: 'cyan', published: 'green' };

/** '03-01' → '3月1日' (the settings are MM-DD; dates in Chinese text carry no leading zeros). */
const monthDay = (mmdd: string) => {
  const [m, d] = mmdd.split('-').map(Number);
  return m && d ? `${m}月${d}日` : mmdd;
};

export function AnnualReportListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const thisYear = Number(todayBeijing().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const q = useQuery({ queryKey: ['annualReports'], queryFn: () => get<{ data: AnnualReportSummary[] }>('/annual-reports') });
  const settings = useQuery({ queryKey: ['annualReports', 'settings'], queryFn: () => get<{ settings: { filingDue: string; publicationDue: string }; note: string }>('/annual-reports/settings') });
  const qc = useQueryClient();
  const saveSettings = useMutation({ mutationFn: (v: { filingDue: string; publicationDue: string }) => put('/annual-reports/settings', v), onSuccess: () => { void qc.invalidateQueries({ queryKey: ['annualReports'] }); notifySuccess('已保存报送、公开时限'); }, onError: notifyError });
  const create = useMutation({ mutationFn: () => post<AnnualReportDetail>('/annual-reports', { year }), onSuccess: (d) => navigate(`/annual-reports/${d.id}`), onError: notifyError });
  return (
    <>
      <PageHeader title="法治政府建设年度报告" description="按年度由各业务模块统计数据生成报告初稿（主要举措和成效、存在的不足和原因、党政主要负责人履行第一责任人职责情况、下一年度工作安排），经编辑、审核签发后报送并向社会公开。" extra={<Link to="/dashboard/snapshots"><Button>月度统计快照</Button></Link>} />
      {settings.data && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`报送时限：次年 ${monthDay(settings.data.settings.filingDue)}前；公开时限：次年 ${monthDay(settings.data.settings.publicationDue)}前（待核实）`}
          description={
            <>
              <div>{settings.data.note}</div>
              {can('annualReport.edit') && (
                <Form layout="inline" name="reportDue" style={{ marginTop: 8 }} initialValues={settings.data.settings} onFinish={(v: { filingDue: string; publicationDue: string }) => saveSettings.mutate(v)}>
                  <Form.Item label="报送时限（MM-DD）" name="filingDue" rules={[{ required: true, pattern: /^\d{2}-\d{2}$/, message: '格式为 MM-DD' }]}><Input style={{ width: 90 }} /></Form.Item>
                  <Form.Item label="公开时限（MM-DD）" name="publicationDue" rules={[{ required: true, pattern: /^\d{2}-\d{2}$/, message: '格式为 MM-DD' }]}><Input style={{ width: 90 }} /></Form.Item>
                  <Form.Item><Button htmlType="submit" loading={saveSettings.isPending}>保存设置</Button></Form.Item>
                </Form>
              )}
            </>
          }
        />
      )}
      {can('annualReport.edit') && (
        <Card style={{ marginBottom: 16 }}>
          <Space wrap>
            <label htmlFor="report-year">报告年度</label>
            <Select id="report-year" aria-label="报告年度" style={{ width: 120 }} value={year} onChange={setYear} options={Array.from({ length: 5 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))} />
            <Button type="primary" loading={create.isPending} onClick={() => create.mutate()}>生成报告初稿</Button>
          </Space>
        </Card>
      )}
      <ErrorAlert error={q.error} />
      <Table
        rowKey="id"
        loading={q.isLoading}
        locale={{ emptyText: can('annualReport.edit') ? '尚未生成年度报告。选择报告年度，点击“生成报告初稿”，由各业务模块的统计数据生成初稿。' : '尚未生成年度报告。' }}
        dataSource={q.data?.data ?? []}
        pagination={false}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '标题', dataIndex: 'title', render: (t: string, r) => <Link to={`/annual-reports/${r.id}`}>{t}</Link> },
          { title: '状态', dataIndex: 'statusLabel', render: (s: string, r) => <Tag color={STATUS_COLORS[r.status]}>{s}</Tag> },
          { title: '版本', dataIndex: 'currentVersion', render: (n: number) => `第${n}版` },
          { title: '报送', render: (_: unknown, r) => r.filedOn ?? `应于 ${r.filingDue} 前` },
          { title: '公开', render: (_: unknown, r) => r.publishedOn ?? `应于 ${r.publicationDue} 前` },
        ]}
      />
    </>
  );
}

const ACTION_LABELS: Record<string, string> = { submit: '提交审核', approve: '审核签发', return: '退回修改', file: '登记报送', publish: '登记公开' };

export function AnnualReportDetailPage() {
  const { id } = useParams();
  const [sp, setSp] = useSearchParams();
  const versionNo = sp.get('versionNo') ?? undefined;
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['annualReport', id, versionNo], queryFn: () => get<AnnualReportDetail>(`/annual-reports/${id}`, { versionNo }) });
  const d = q.data;
  const [drafts, setDrafts] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [step, setStep] = useState<string | null>(null);
  const [form] = Form.useForm<{ note: string; on?: string; secrecyReviewed?: boolean }>();
  useEffect(() => {
    if (d) setDrafts(d.parts.map((p) => p.paragraphs.join('\n\n')));
  }, [d]);
  const done = (msg: string) => (next: AnnualReportDetail) => {
    qc.setQueryData(['annualReport', id, undefined], next);
    void qc.invalidateQueries({ queryKey: ['annualReports'] });
    notifySuccess(msg);
  };
  const save = useMutation({
    mutationFn: () => post<AnnualReportDetail>(`/annual-reports/${id}/save`, { parts: d!.parts.map((p, i): ReportPart => ({ key: p.key, heading: p.heading, paragraphs: (drafts[i] ?? '').split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean) })), note, version: d!.version }),
    onSuccess: (n) => {
      setNote('');
      done(`已保存为第${n.currentVersion}版`)(n);
    },
    onError: notifyError,
  });
  const refresh = useMutation({ mutationFn: () => post<AnnualReportDetail>(`/annual-reports/${id}/refresh`, { version: d!.version }), onSuccess: (n) => done(`已按最新数据刷新，形成第${n.currentVersion}版`)(n), onError: notifyError });
  const act = useMutation({
    mutationFn: (v: { note: string; on?: string; secrecyReviewed?: boolean }) => post<AnnualReportDetail>(`/annual-reports/${id}/${step}`, { note: v.note ?? '', ...(v.on ? { on: v.on } : {}), ...(step === 'approve' ? { secrecyReviewed: v.secrecyReviewed === true } : {}), version: d!.version }),
    onSuccess: (n) => {
      setStep(null);
      form.resetFields();
      done(`${ACTION_LABELS[step ?? ''] ?? '操作'}完成`)(n);
    },
    onError: notifyError,
  });
  if (!d) return <ErrorAlert error={q.error} />;
  const editable = d.actions.includes('save');
  const vq = versionNo ? `?versionNo=${versionNo}` : '';
  return (
    <>
      <PageHeader
        title={d.title}
        description={<>状态 <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag> 第{versionNo ?? d.currentVersion}版{versionNo && Number(versionNo) !== d.currentVersion ? `（历史版本，当前为第${d.currentVersion}版）` : ''}</>}
        extra={
          <Space wrap>
            <Button href={`${API_BASE}/annual-reports/${d.id}/report.docx${vq}`}>下载 Word（.docx）</Button>
            <Button href={`${API_BASE}/annual-reports/${d.id}/report.pdf${vq}`}>下载 PDF</Button>
            {editable && <Button loading={refresh.isPending} onClick={() => refresh.mutate()}>刷新数据</Button>}
            {d.actions.filter((a) => a in ACTION_LABELS).map((a) => (
              <Button key={a} type={a === 'approve' || a === 'submit' ? 'primary' : 'default'} onClick={() => setStep(a)}>{ACTION_LABELS[a]}</Button>
            ))}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="签发日期">{d.approvedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="报送日期">{d.filedOn ?? <>应于 {d.filingDue} 前（待核实）{d.filingOverdue && <Tag color="red">已逾期未报送</Tag>}</>}</Descriptions.Item>
        <Descriptions.Item label="公开日期">{d.publishedOn ?? <>应于 {d.publicationDue} 前（待核实）{d.publicationOverdue && <Tag color="red">已逾期未公开</Tag>}</>}</Descriptions.Item>
      </Descriptions>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={d.dueNote} />
      {!d.ruleOfLawAvailable && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="法治建设工作记录（培训、学法、述法、督察、普法）本年度暂无数据，第三部分请起草人补充。" />}
      <Tabs
        items={[
          {
            key: 'preview',
            label: '报告正文',
            children: (
              <Card>
                {d.rendered.map((p) => (
                  <section key={p.heading} style={{ marginBottom: 16 }}>
                    <Typography.Title level={4}>{p.heading}</Typography.Title>
                    {p.paragraphs.length ? p.paragraphs.map((x, i) => <Typography.Paragraph key={i} style={{ textIndent: '2em' }}>{x}</Typography.Paragraph>) : <Typography.Text type="warning">本部分尚未填写。</Typography.Text>}
                  </section>
                ))}
              </Card>
            ),
          },
          {
            key: 'edit',
            label: '编辑段落',
            disabled: !editable,
            children: (
              <Card>
                <Alert type="info" showIcon style={{ marginBottom: 12 }} message="段落之间空一行。数据以 {编号} 引用（见“数据项”），导出时填入数值并保留与统计查询的关联；请勿直接改写数字。" />
                {d.parts.map((p, i) => (
                  <div key={p.key} style={{ marginBottom: 16 }}>
                    <label htmlFor={`part-${p.key}`}><Typography.Title level={5}>{p.heading}</Typography.Title></label>
                    <Input.TextArea id={`part-${p.key}`} autoSize={{ minRows: 4, maxRows: 20 }} value={drafts[i] ?? ''} onChange={(e) => setDrafts((old) => old.map((x, j) => (j === i ? e.target.value : x)))} placeholder={p.key === 'shortcomings' ? '请填写存在的不足和原因' : p.key === 'nextYear' ? '请填写下一年度工作安排' : ''} />
                  </div>
                ))}
                <Space>
                  <Input aria-label="版本说明" placeholder="版本说明（可选）" value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 320 }} />
                  <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>保存（形成新版本）</Button>
                </Space>
              </Card>
            ),
          },
          {
            key: 'figures',
            label: `数据项（${d.figures.length}）`,
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={d.figures}
                columns={[
                  { title: '业务', dataIndex: 'moduleLabel', width: 140 },
                  { title: '指标', dataIndex: 'label' },
                  { title: '数值', dataIndex: 'text', align: 'right', width: 100 },
                  { title: '引用编号', dataIndex: 'key', render: (k: string) => <Typography.Text code copyable>{`{${k}}`}</Typography.Text> },
                  { title: '统计查询', render: (_: unknown, f) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{f.query.endpoint.replace(/\?.*$/, '')}（{Object.entries(f.query.params).map(([k, v]) => `${k}=${v}`).join('，')}）→ {f.query.field}</Typography.Text> },
                  { title: '记录', width: 96, render: (_: unknown, f) => (f.drill ? <Link to={drillHref(f.drill)}>{f.drill.exact ? '查看记录' : '进入台账'}</Link> : '—') },
                ]}
              />
            ),
          },
          {
            key: 'versions',
            label: `版本（${d.versions.length}）`,
            children: (
              <Table
                size="small"
                rowKey="no"
                pagination={false}
                dataSource={d.versions}
                columns={[
                  { title: '版本', dataIndex: 'no', render: (n: number) => <a onClick={() => setSp(n === d.currentVersion ? {} : { versionNo: String(n) })}>第{n}版</a> },
                  { title: '说明', dataIndex: 'note' },
                  { title: '保存人', dataIndex: 'createdByName' },
                  { title: '时间', dataIndex: 'createdAt', render: (t: string) => formatInstant(t) },
                ]}
              />
            ),
          },
          {
            key: 'events',
            label: '流转记录',
            children: <Timeline items={d.events.map((e) => ({ children: `${formatInstant(e.at)} ${e.actorName} ${e.label}${e.note ? `：${e.note}` : ''}` }))} />,
          },
        ]}
      />
      <Modal title={ACTION_LABELS[step ?? ''] ?? ''} open={step !== null} onCancel={() => setStep(null)} onOk={() => form.submit()} confirmLoading={act.isPending} okText="确定" cancelText="取消" destroyOnClose>
        <Form form={form} layout="vertical" name="reportStep" onFinish={(v) => act.mutate(v)}>
          {(step === 'file' || step === 'publish') && (
            <Form.Item label={step === 'file' ? '报送日期' : '公开日期'} name="on" initialValue={todayBeijing()} rules={[{ required: true, message: '请选择日期' }]}>
              <Input type="date" />
            </Form.Item>
          )}
          {step === 'approve' && (
            <Form.Item name="secrecyReviewed" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error('签发前须完成保密审查'))) }]}>
              <Checkbox>已完成保密审查，报告不含国家秘密、工作秘密和个人信息</Checkbox>
            </Form.Item>
          )}
          <Form.Item label={step === 'publish' ? '公开途径（如区政府网站）' : '意见或说明'} name="note">
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function SnapshotsPage() {
  const q = useQuery({ queryKey: ['dashboard', 'snapshots'], queryFn: () => get<{ data: StatsSnapshot[] }>('/dashboard/snapshots') });
  return (
    <>
      <PageHeader title="月度统计快照" description="每月初自动生成上月各业务模块统计（全区口径，与各模块统计页面同一统计口径），按月保存为 Excel，可随时下载；同一月份只生成一次。" />
      <ErrorAlert error={q.error} />
      <Table
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.data ?? []}
        pagination={{ pageSize: 24, hideOnSinglePage: true }}
        locale={{ emptyText: '尚无快照：系统于每月初自动生成上月快照，也可由系统管理员手工生成' }}
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '统计期间', render: (_: unknown, r) => `${r.from} 至 ${r.to}` },
          { title: '指标数', dataIndex: 'figures', align: 'right' },
          { title: '生成时间', dataIndex: 'createdAt', render: (t: string) => formatInstant(t) },
          { title: '下载', render: (_: unknown, r) => <a href={`${API_BASE}/dashboard/snapshots/${r.id}/download`}>下载 Excel（{Math.ceil(r.bytes / 1024)} KB）</a> },
        ]}
      />
    </>
  );
}
