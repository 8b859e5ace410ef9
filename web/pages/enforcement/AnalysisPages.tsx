/** 执法监督分析 (trends by month, field, agency, kind, 街道; inspection burden) and 一企一档 (one file per firm). */
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Empty, Form, Input, Row, Select, Statistic, Table, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Analysis, FirmFile } from '../../../common/contracts/enforcement-supervision';
import { API_BASE, get, toQueryString } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { todayBeijing } from '../../components/format';
import { Chart } from './Chart';
import { useAgencyList, useAgencyName } from './agencies';
import { CLUE_STATUSES, ENFORCEMENT_FIELDS, INSPECTION_KINDS, fieldLabel, lastYear, ruleName } from './labels';

type Filter = { from: string; to: string; field?: string; agencyCode?: string; street?: string };
const clean = (f: Filter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Filter;
const bar = (rows: { label: string; inspections: number; problems: number }[], horizontal = false) => ({
  tooltip: { trigger: 'axis' },
  legend: { data: ['检查次数', '发现问题'] },
  // containLabel: long agency and field names stay inside the canvas instead of being cut at its edge
  grid: { left: 10, right: 20, top: 40, bottom: 10, containLabel: true },
  [horizontal ? 'yAxis' : 'xAxis']: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: horizontal ? 0 : 30 } },
  [horizontal ? 'xAxis' : 'yAxis']: { type: 'value' },
  series: [{ name: '检查次数', type: 'bar', data: rows.map((r) => r.inspections) }, { name: '发现问题', type: 'bar', data: rows.map((r) => r.problems) }],
});
const rateOf = (r: { inspections: number; problems: number }) => (r.inspections ? `${((r.problems / r.inspections) * 100).toFixed(1)}%` : '—');

export function AnalysisPage() {
  const [filter, setFilter] = useState<Filter>(lastYear(todayBeijing()));
  const agencyList = useAgencyList();
  const q = useQuery({ queryKey: ['enforcement', 'analysis', filter], queryFn: () => get<Analysis>('/enforcement/analysis', clean(filter)) });
  const a = q.data;
  const trend = useMemo(() => ({ tooltip: { trigger: 'axis' }, legend: { data: ['检查次数', '发现问题'] }, grid: { left: 50, right: 20, top: 40, bottom: 30 }, xAxis: { type: 'category', data: a?.byMonth.map((m) => m.month) ?? [] }, yAxis: { type: 'value' }, series: [{ name: '检查次数', type: 'line', data: a?.byMonth.map((m) => m.inspections) ?? [] }, { name: '发现问题', type: 'line', data: a?.byMonth.map((m) => m.problems) ?? [] }] }), [a]);
  const cols = (first: string) => [{ title: first, dataIndex: 'label' }, { title: '检查次数', dataIndex: 'inspections', align: 'right' as const }, { title: '发现问题', dataIndex: 'problems', align: 'right' as const }, { title: '问题发现率', render: (_: unknown, r: { inspections: number; problems: number }) => rateOf(r) }];
  return (
    <>
      <PageHeader title="执法监督分析" description="按月份、执法领域、执法主体、检查类型和街道统计行政检查；企业检查负担。导出的 Excel 与页面使用相同的筛选条件。" extra={<Button type="primary" icon={<DownloadOutlined />} href={`${API_BASE}/enforcement/analysis/export.xlsx${toQueryString(clean(filter))}`}>导出 Excel</Button>} />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="analysisFilter" initialValues={filter} onFinish={(v: Filter) => setFilter(clean(v))}>
          <Form.Item label="开始日期" name="from" rules={[{ required: true, message: '请选择开始日期' }]}><Input type="date" /></Form.Item>
          <Form.Item label="结束日期" name="to" rules={[{ required: true, message: '请选择结束日期' }]}><Input type="date" /></Form.Item>
          <Form.Item label="执法领域" name="field"><Select allowClear style={{ width: 160 }} options={Object.entries(ENFORCEMENT_FIELDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          <Form.Item label="执法主体" name="agencyCode"><Select allowClear style={{ width: 220 }} options={agencyList.length ? agencyList.map((x) => ({ value: x.code, label: x.name })) : (a?.byAgency ?? []).filter((x) => x.key).map((x) => ({ value: x.key, label: x.label }))} /></Form.Item>
          <Form.Item label="街道" name="street"><Select allowClear style={{ width: 150 }} options={(a?.byStreet ?? []).filter((s) => s.key).map((s) => ({ value: s.key, label: s.label }))} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">统计</Button></Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={q.error} />
      {a && (
        <>
          <p data-testid="analysis-scope">数据范围：<Tag color={a.scope === '全区' ? 'blue' : 'orange'}>{a.scope}</Tag></p>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}><Card><Statistic title="行政检查（次）" value={a.totals.inspections} /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="发现问题（次）" value={a.totals.problems} /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="被检查企业（户）" value={a.totals.firms} /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="处罚立案（件）" value={a.totals.penalties} /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="罚款（元）" value={a.totals.fines} /></Card></Col>
            <Col xs={12} md={4}><Card><Statistic title="12345 投诉（件）" value={a.totals.complaints} /></Card></Col>
          </Row>
          <Card title="趋势（按月）" style={{ marginBottom: 16 }}><Chart option={trend} label="各月行政检查次数与发现问题次数" /></Card>
          <Tabs items={[
            { key: 'field', label: '按领域', children: <><Chart option={bar(a.byField)} label="各执法领域检查次数" /><Table size="small" rowKey="key" pagination={false} dataSource={a.byField} columns={cols('执法领域')} /></> },
            { key: 'agency', label: '按执法主体', children: <><Chart option={bar(a.byAgency, true)} height={360} label="各执法主体检查次数" /><Table size="small" rowKey="key" pagination={false} dataSource={a.byAgency} columns={cols('执法主体')} /></> },
            { key: 'street', label: '按街道', children: <><Chart option={bar(a.byStreet)} label="各街道检查次数" /><Table size="small" rowKey="key" pagination={false} dataSource={a.byStreet} columns={[...cols('街道'), { title: '企业数', dataIndex: 'firms', align: 'right' as const }]} /></> },
            { key: 'kind', label: '按检查类型', children: <Table size="small" rowKey="key" pagination={false} dataSource={a.byKind} columns={cols('检查类型')} /> },
            {
              key: 'burden', label: '企业检查负担', children: (
                <Row gutter={16}>
                  <Col xs={24} lg={8}><Chart option={{ tooltip: {}, series: [{ type: 'pie', radius: '60%', data: a.burdenHistogram.map((h) => ({ name: h.bucket, value: h.firms })) }] }} label={`企业按被检查次数分布：${a.burdenHistogram.map((h) => `${h.bucket}${h.firms}户`).join('，')}`} /></Col>
                  <Col xs={24} lg={16}><Table size="small" rowKey="creditCode" pagination={false} dataSource={a.burden} columns={[{ title: '企业', dataIndex: 'name', render: (n: string | null, r) => <Link to={`/enforcement/firms/${r.creditCode}`}>{n ?? r.creditCode}</Link> }, { title: '街道', dataIndex: 'street' }, { title: '检查次数', dataIndex: 'inspections', align: 'right' }, { title: '检查主体数', dataIndex: 'agencies', align: 'right' }, { title: '发现问题', dataIndex: 'problems', align: 'right' }]} /></Col>
                </Row>
              ),
            },
          ]} />
        </>
      )}
    </>
  );
}

export function FirmFilePage() {
  const { creditCode } = useParams();
  const navigate = useNavigate();
  const [term, setTerm] = useState('');
  const search = useQuery({ queryKey: ['enforcement', 'firmSearch', term], queryFn: () => get<{ data: { creditCode: string; name: string; street: string | null }[] }>('/enforcement/firms', { q: term }), enabled: term.length > 0 });
  const file = useQuery({ queryKey: ['enforcement', 'firm', creditCode], queryFn: () => get<FirmFile>(`/enforcement/firms/${creditCode}`), enabled: !!creditCode });
  const f = file.data;
  const agencyName = useAgencyName();
  return (
    <>
      <PageHeader title="一企一档" description="企业的行政检查、行政处罚、12345 投诉、检测预警和问题线索。" />
      <Card style={{ marginBottom: 16 }}>
        <Input.Search aria-label="企业名称或统一社会信用代码" placeholder="输入企业名称或统一社会信用代码" enterButton="查找" onSearch={(v) => setTerm(v.trim())} style={{ maxWidth: 480 }} />
        {search.data && <Table size="small" style={{ marginTop: 12 }} rowKey="creditCode" pagination={false} dataSource={search.data.data} locale={{ emptyText: `未找到名称含“${term}”或统一社会信用代码为“${term}”的企业（仅查找本人数据范围内的企业；信用代码须输入完整 18 位）` }} onRow={(r) => ({ onClick: () => navigate(`/enforcement/firms/${r.creditCode}`) })} columns={[{ title: '企业名称', dataIndex: 'name', render: (n: string, r) => <Link to={`/enforcement/firms/${r.creditCode}`}>{n}</Link> }, { title: '统一社会信用代码', dataIndex: 'creditCode' }, { title: '街道', dataIndex: 'street' }]} />}
      </Card>
      <ErrorAlert error={file.error} />
      {!creditCode && !search.data && <Empty description="请输入企业名称或完整的统一社会信用代码查找企业" />}
      {f && (
        <>
          <Card style={{ marginBottom: 16 }}><Descriptions column={3} items={[{ key: 'n', label: '企业名称', children: f.name ?? '—' }, { key: 'c', label: '统一社会信用代码', children: f.creditCode }, { key: 's', label: '街道', children: f.street ?? '—' }, { key: 'i', label: '行政检查', children: `${f.inspectionsTotal} 次` }, { key: 'p', label: '行政处罚', children: `${f.penalties.length} 件` }, { key: 'q', label: '预警', children: `${f.flags.length} 条` }]} /></Card>
          <Tabs items={[
            { key: 'i', label: `行政检查（${f.inspectionsTotal}）`, children: <Table size="small" rowKey="id" dataSource={f.inspections} columns={[{ title: '编号', dataIndex: 'id' }, { title: '日期', dataIndex: 'inspectedOn' }, { title: '执法主体', dataIndex: 'agencyCode', render: agencyName }, { title: '执法人员', dataIndex: 'officerId' }, { title: '领域', dataIndex: 'field', render: fieldLabel }, { title: '类型', dataIndex: 'kind', render: (k: string) => (INSPECTION_KINDS as Record<string, string>)[k] ?? k }, { title: '计划', dataIndex: 'planId', render: (p: string | null) => p ?? '—' }, { title: '联合检查', dataIndex: 'jointId', render: (j: string | null) => j ?? '—' }, { title: '发现问题', dataIndex: 'foundProblem', render: (b: boolean) => (b ? '是' : '否') }]} /> },
            { key: 'p', label: `行政处罚（${f.penalties.length}）`, children: <Table size="small" rowKey="id" dataSource={f.penalties} columns={[{ title: '案件编号', dataIndex: 'id' }, { title: '执法主体', dataIndex: 'agencyCode', render: agencyName }, { title: '违法行为代码', dataIndex: 'violationCode' }, { title: '罚款（元）', dataIndex: 'amount', align: 'right' }, { title: '立案', dataIndex: 'filedOn' }, { title: '决定期限（行政处罚法第六十条）', dataIndex: 'dueDate', render: (d: string, r) => (r.overdue ? <Tag color="red">{d}（超期）</Tag> : d) }, { title: '决定', dataIndex: 'decidedOn', render: (d: string | null) => d ?? '未决定' }]} /> },
            { key: 'c', label: `12345 投诉（${f.complaints.length}）`, children: <Table size="small" rowKey="id" dataSource={f.complaints} columns={[{ title: '工单号', dataIndex: 'id' }, { title: '收到日期', dataIndex: 'receivedOn' }, { title: '执法主体', dataIndex: 'agencyCode', render: (c: string | null) => (c ? agencyName(c) : '—') }, { title: '类别', dataIndex: 'category' }, { title: '诉求', dataIndex: 'summary' }, { title: '问题线索', dataIndex: 'clueNo', render: (c: string | null) => c ?? '—' }]} /> },
            { key: 'f', label: `预警（${f.flags.length}）`, children: <Table size="small" rowKey="id" dataSource={f.flags} columns={[{ title: '规则', dataIndex: 'rule', render: ruleName }, { title: '执法主体', dataIndex: 'agencyCodes', render: (a: string[]) => a.map(agencyName).join('、') }, { title: '期间', render: (_: unknown, r) => `${r.firstOn} 至 ${r.lastOn}` }, { title: '证据记录', dataIndex: 'evidenceCount' }]} /> },
            { key: 'l', label: `问题线索（${f.clues.length}）`, children: <Table size="small" rowKey="id" dataSource={f.clues} columns={[{ title: '编号', dataIndex: 'clueNo' }, { title: '标题', dataIndex: 'title' }, { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{(CLUE_STATUSES as Record<string, string>)[s] ?? s}</Tag> }]} /> },
          ]} />
        </>
      )}
    </>
  );
}
