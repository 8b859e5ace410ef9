/**
 * 领导驾驶舱: the year's key figures of every module with the previous year's same span, drill-down to the records,
 * monthly trends (ECharts), per-司法所 and per-科室 tables, overdue and at-risk items of the deadline register, and the
 * Excel export with the same filters. Figures come from each module's own statistics (see the 数据来源 of each card).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Row, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { DashboardTrend, DashboardUnits, DashboardView, Figure } from '../../../common/contracts/dashboard';
import { API_BASE, get, toQueryString } from '../../app/api';
import { useCan } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant, todayBeijing } from '../../components/format';
import { Chart } from '../enforcement/Chart';

export function figureText(unit: Figure['unit'], v: number | null): string {
  if (v === null) return '—';
  if (unit === 'count') return v.toLocaleString('zh-CN');
  const pct = unit === 'ratio' ? v * 100 : v;
  return `${(Math.round(pct * 10) / 10).toFixed(1)}%`;
}

/** The counting word of each count figure (件、人次、条…): a leader reads “30 件”, not a bare 30. */
export const COUNT_UNITS: Record<string, string> = {
  'reconsideration.received': '件', 'reconsideration.accepted': '件', 'reconsideration.concluded': '件', 'reconsideration.mediated': '件', 'reconsideration.consultations': '人次',
  'litigation.cases': '件', 'litigation.concluded': '件',
  'legality.total': '件', 'legality.underReview': '件', 'legality.filed': '件',
  'enforcement.inspections': '条', 'enforcement.clues': '条', 'enforcement.orders': '份',
  'legalAid.applications': '件', 'legalAid.urgent': '件',
  'hotline.total': '人次', 'hotline.calls': '人次',
  'legalService.aidAccepted': '件', 'legalService.approvals': '件', 'legalService.notarisations': '件', 'legalService.enterpriseRequests': '件',
  'dispute.total': '件', 'dispute.closed': '件', 'mediation.cases': '件', 'mediation.agreed': '件',
  'corrections.inCorrection': '人', 'corrections.overdueReport': '人',
  'ruleOfLaw.trainings': '场', 'ruleOfLaw.attendances': '人次', 'ruleOfLaw.studySessions': '次', 'ruleOfLaw.preMeetingStudy': '次', 'ruleOfLaw.lawReportings': '人',
  'ruleOfLaw.inspections': '次', 'ruleOfLaw.findings': '个', 'ruleOfLaw.publicityEvents': '场', 'ruleOfLaw.audience': '人次',
};
/** The counting word of a figure ('' for a rate, whose text carries %). */
export const unitWord = (f: { key: string; unit: Figure['unit'] }) => (f.unit === 'count' ? (COUNT_UNITS[f.key] ?? '') : '');

export function drillHref(d: NonNullable<Figure['drill']>): string {
  return `${d.path}${toQueryString(d.query)}`;
}

/** Change against the previous year, in words and an arrow (never colour alone). */
function Change({ f }: { f: Figure }) {
  if (f.previous === null || f.value === null) return <Typography.Text type="secondary">{f.basis === 'register' || f.basis === 'districtRegister' ? '当前在册数，不作同比' : '上年同期：—'}</Typography.Text>;
  const diff = f.value - f.previous;
  const arrow = diff > 0 ? '▲' : diff < 0 ? '▼' : '＝';
  const u = unitWord(f);
  const text = f.unit === 'count' ? `${Math.abs(diff).toLocaleString('zh-CN')} ${u}` : `${(Math.abs(diff) * (f.unit === 'ratio' ? 100 : 1)).toFixed(1)} 个百分点`;
  return (
    <Typography.Text type="secondary">
      上年同期 {figureText(f.unit, f.previous)}{u && ` ${u}`}，{diff === 0 ? '持平' : `${diff > 0 ? '增加' : '减少'} ${text}`} {arrow}
    </Typography.Text>
  );
}

export function DashboardPage() {
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const thisYear = Number(todayBeijing().slice(0, 4));
  const year = Number(sp.get('year') ?? thisYear) || thisYear;
  const departmentId = sp.get('departmentId') ?? undefined;
  const set = (k: string, v: string | undefined) => {
    const n = new URLSearchParams(sp);
    if (v) n.set(k, v);
    else n.delete(k);
    setSp(n);
  };
  const filter = { year, departmentId };
  const q = useQuery({ queryKey: ['dashboard', year, departmentId], queryFn: () => get<DashboardView>('/dashboard', filter) });
  const tq = useQuery({ queryKey: ['dashboard', 'trend', year, departmentId], queryFn: () => get<DashboardTrend>('/dashboard/trend', filter) });
  const [unitKind, setUnitKind] = useState<'judicialOffice' | 'section'>('judicialOffice');
  const uq = useQuery({ queryKey: ['dashboard', 'units', year, unitKind], queryFn: () => get<DashboardUnits>('/dashboard/units', { year, kind: unitKind }), enabled: !departmentId });
  const v = q.data;
  const groups = useMemo(() => {
    const m = new Map<string, Figure[]>();
    for (const f of v?.figures ?? []) m.set(f.moduleLabel, [...(m.get(f.moduleLabel) ?? []), f]);
    return [...m.entries()];
  }, [v]);
  const [seriesKey, setSeriesKey] = useState<string | undefined>(undefined);
  const series = tq.data?.series ?? [];
  const current = series.find((s) => s.key === seriesKey) ?? series[0];
  const trendOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { data: [`${year}年`, `${year - 1}年同月`] },
      grid: { left: 50, right: 20, top: 40, bottom: 30 },
      // months as 1月…12月 and the counting word on the value axis (the chart is read by Chinese-speaking leaders)
      xAxis: { type: 'category', data: (tq.data?.months ?? []).map((m) => `${Number(m.slice(5, 7))}月`) },
      yAxis: { type: 'value', minInterval: 1, name: current ? `单位：${COUNT_UNITS[current.key] ?? '件'}` : '' },
      series: current
        ? [
            { name: `${year}年`, type: 'line', data: current.values },
            { name: `${year - 1}年同月`, type: 'line', lineStyle: { type: 'dashed' }, data: current.previous },
          ]
        : [],
    }),
    [current, tq.data, year],
  );
  const unitGroups = useMemo(() => {
    const m = new Map<string, DashboardUnits['columns']>();
    for (const c of uq.data?.columns ?? []) {
      const module = c.label.split('·')[0]!;
      m.set(module, [...(m.get(module) ?? []), c]);
    }
    return [...m.entries()];
  }, [uq.data]);
  const exportHref = `${API_BASE}/dashboard/export.xlsx${toQueryString(filter)}`;

  return (
    <>
      <PageHeader
        title="领导驾驶舱"
        description="全年各项业务关键指标及上年同期对比、月度趋势、各司法所和科室情况、逾期和临期事项。每项指标取自该业务模块自身的统计（与其统计页面一致），点击“查看记录”进入对应台账。"
        extra={
          <Space wrap>
            {can('annualReport.read') && <Link to="/annual-reports"><Button>法治政府建设年度报告</Button></Link>}
            <Button href={exportHref}>导出 Excel</Button>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <label htmlFor="dash-year">统计年度</label>
          <Select id="dash-year" aria-label="统计年度" style={{ width: 120 }} value={year} onChange={(y) => set('year', String(y))} options={Array.from({ length: 5 }, (_, i) => ({ value: thisYear - i, label: `${thisYear - i}年` }))} />
          <label htmlFor="dash-dept">部门</label>
          <Select
            id="dash-dept"
            aria-label="部门"
            style={{ width: 260 }}
            allowClear
            placeholder="全部（数据权限范围内）"
            value={departmentId}
            onChange={(d?: string) => set('departmentId', d)}
            options={(v?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))}
            showSearch
            optionFilterProp="label"
          />
          {v && <Typography.Text type="secondary">统计期间 {v.from} 至 {v.to}；同比 {v.previousFrom} 至 {v.previousTo}；{v.departmentName}</Typography.Text>}
        </Space>
      </Card>
      <ErrorAlert error={q.error} />
      {v && (
        <>
          {groups.map(([label, figs]) => (
            <Card key={label} title={label} size="small" style={{ marginBottom: 12 }}>
              <Row gutter={[12, 12]}>
                {figs.map((f) => (
                  <Col key={f.key} xs={24} sm={12} md={8} xl={6}>
                    <Card size="small" data-testid={`figure-${f.key}`} style={{ height: '100%' }}>
                      <Tooltip title={f.definition}>
                        <div style={{ fontSize: 13 }}>{f.label}</div>
                      </Tooltip>
                      {f.available ? (
                        <>
                          <div style={{ display: 'flex', alignItems: 'baseline', gap: 4 }}>
                            <div style={{ fontSize: 26, fontWeight: 600 }} aria-label={`${f.label} ${figureText(f.unit, f.value)}`}>{figureText(f.unit, f.value)}</div>
                            {f.value !== null && unitWord(f) && <span style={{ fontSize: 14 }}>{unitWord(f)}</span>}
                          </div>
                          <Change f={f} />
                          <div style={{ marginTop: 4 }}>
                            {f.drill &&
                              (f.drill.exact ? (
                                <Link to={drillHref(f.drill)} aria-label={`查看${f.label}的记录`}>查看记录 →</Link>
                              ) : (
                                <Link to={drillHref(f.drill)} aria-label={`进入${f.label}所在台账`} title="该页面不按本指标的统计口径筛选">进入台账 →</Link>
                              ))}
                            <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }} title={`${f.query.endpoint} → ${f.query.field}`}>
                              {f.basis === 'district' || f.basis === 'districtRegister' ? '全区口径' : ''}
                            </Typography.Text>
                          </div>
                        </>
                      ) : (
                        <Typography.Text type="secondary">{f.note}</Typography.Text>
                      )}
                    </Card>
                  </Col>
                ))}
              </Row>
            </Card>
          ))}
          <Row gutter={16}>
            <Col xs={24} xl={12}>
              <Card title="月度趋势" size="small" style={{ marginBottom: 16 }} extra={<Select aria-label="趋势指标" style={{ width: 240 }} value={current?.key} onChange={setSeriesKey} options={series.map((s) => ({ value: s.key, label: `${s.moduleLabel}·${s.label}` }))} />}>
                <ErrorAlert error={tq.error} />
                {current ? <Chart option={trendOption} label={`${current.label}各月（${COUNT_UNITS[current.key] ?? '件'}）：${tq.data!.months.map((m, i) => `${Number(m.slice(5, 7))}月 ${current.values[i] ?? '—'}`).join('，')}`} /> : <Empty description="无可用趋势数据" />}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={`逾期和临期事项（${v.deadlines.horizonWorkingDays} 个工作日内届满，至 ${v.deadlines.horizon}）`} size="small" style={{ marginBottom: 16 }} extra={<Link to="/">期限待办</Link>}>
                {v.deadlines.truncated && <Alert type="warning" showIcon message="事项较多，仅统计前 2000 项" style={{ marginBottom: 8 }} />}
                <Table
                  size="small"
                  rowKey="module"
                  pagination={false}
                  dataSource={v.deadlines.byModule}
                  locale={{ emptyText: '没有逾期或临期事项' }}
                  columns={[
                    { title: '业务', dataIndex: 'label' },
                    { title: '已逾期', dataIndex: 'overdue', align: 'right', render: (n: number) => (n ? <Tag color="red">逾期 {n}</Tag> : 0) },
                    { title: '临期', dataIndex: 'atRisk', align: 'right', render: (n: number) => (n ? <Tag color="orange">临期 {n}</Tag> : 0) },
                  ]}
                />
                <Table
                  size="small"
                  style={{ marginTop: 8 }}
                  rowKey="id"
                  pagination={{ pageSize: 8, hideOnSinglePage: true }}
                  dataSource={v.deadlines.items}
                  columns={[
                    { title: '业务', dataIndex: 'moduleLabel', width: 96 },
                    {
                      title: '事项及法定依据',
                      dataIndex: 'title',
                      render: (t: string, r) => (
                        <>
                          {r.link ? <Link to={r.link}>{t}</Link> : t}
                          <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.citation}</Typography.Text></div>
                        </>
                      ),
                    },
                    // an hour deadline (e.g. 社区矫正法第四十七条, 48 小时) has a due instant: shown in Beijing time
                    { title: '届满', dataIndex: 'dueDate', width: 150, render: (d: string | null, r) => (r.dueAt ? `${formatInstant(r.dueAt)}（北京时间）` : (d ?? '—')) },
                    {
                      title: '剩余',
                      dataIndex: 'daysLeft',
                      width: 100,
                      render: (d: number | null, r) =>
                        r.dueAt && r.hoursLeft !== null ? (r.overdue ? `逾期 ${-r.hoursLeft} 小时` : `${r.hoursLeft} 小时`) : d === null ? '—' : r.overdue ? `逾期 ${-d} 天` : `${d} 天`,
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {!departmentId && (
            <Card size="small" title="各单位情况" style={{ marginBottom: 16 }}>
              <Tabs
                activeKey={unitKind}
                onChange={(k) => setUnitKind(k as 'judicialOffice' | 'section')}
                items={[
                  { key: 'judicialOffice', label: '各司法所' },
                  { key: 'section', label: '各科室、中心' },
                ]}
              />
              <ErrorAlert error={uq.error} />
              <Table
                size="small"
                rowKey="departmentId"
                loading={uq.isLoading}
                scroll={{ x: 'max-content' }}
                bordered
                pagination={false}
                dataSource={uq.data?.rows ?? []}
                columns={[
                  { title: '单位', dataIndex: 'name', fixed: 'left', width: 150, render: (n: string, r) => <a onClick={() => set('departmentId', r.departmentId)}>{n}</a> },
                  ...unitGroups.map(([module, cols]) => ({
                    title: module,
                    children: cols.map((c) => ({ title: `${c.label.slice(module.length + 1)}${COUNT_UNITS[c.key] ? `（${COUNT_UNITS[c.key]}）` : ''}`, key: c.key, width: 96, align: 'right' as const, render: (_: unknown, r: DashboardUnits['rows'][number]) => figureText(c.unit, r.values[c.key] ?? null) })),
                  })),
                ]}
              />
            </Card>
          )}
        </>
      )}
    </>
  );
}
