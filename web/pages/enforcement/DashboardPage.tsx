/** 执法监督驾驶舱: flags per detection rule, the rectification rate, clues and orders, the inspection trend. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Form, Input, Row, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Dashboard, SUPERVISION_BASIS } from '../../../common/contracts/enforcement-supervision';
import { get } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { todayBeijing } from '../../components/format';
import { Chart } from './Chart';
import { lastYear, pct } from './labels';

export function EnforcementDashboardPage() {
  const [period, setPeriod] = useState(lastYear(todayBeijing()));
  const q = useQuery({ queryKey: ['enforcement', 'dashboard', period], queryFn: () => get<Dashboard>('/enforcement/dashboard', period) });
  const d = q.data;
  const flagsOption = useMemo(() => ({ tooltip: {}, grid: { left: 110, right: 20, top: 10, bottom: 30 }, xAxis: { type: 'value' }, yAxis: { type: 'category', data: d?.flagsByRule.map((f) => f.name) ?? [] }, series: [{ type: 'bar', data: d?.flagsByRule.map((f) => f.count) ?? [], itemStyle: { color: '#c0392b' } }] }), [d]);
  const trendOption = useMemo(() => ({ tooltip: { trigger: 'axis' }, legend: { data: ['检查次数', '发现问题'] }, grid: { left: 50, right: 20, top: 40, bottom: 30 }, xAxis: { type: 'category', data: d?.byMonth.map((m) => m.month) ?? [] }, yAxis: { type: 'value' }, series: [{ name: '检查次数', type: 'line', data: d?.byMonth.map((m) => m.inspections) ?? [] }, { name: '发现问题', type: 'line', data: d?.byMonth.map((m) => m.problems) ?? [] }] }), [d]);
  const rate = d?.rectification.rate ?? null;
  const gaugeOption = useMemo(() => ({ series: [{ type: 'gauge', min: 0, max: 100, progress: { show: true }, title: { offsetCenter: [0, '75%'] }, detail: { formatter: '{value}%', fontSize: 20, offsetCenter: [0, '40%'] }, data: [{ value: rate === null ? 0 : Math.round(rate * 1000) / 10, name: '整改率' }] }] }), [rate]);
  return (
    <>
      <PageHeader title="执法监督驾驶舱" description="各检测规则的预警数量、问题线索与督办单办理情况、整改率及行政检查趋势。" />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline" name="dashPeriod" initialValues={period} onFinish={(v: { from: string; to: string }) => setPeriod(v)}>
          <Form.Item label="开始日期" name="from"><Input type="date" /></Form.Item>
          <Form.Item label="结束日期" name="to"><Input type="date" /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit">统计</Button></Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={q.error} />
      {d && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={4}><Card style={{ height: '100%' }}><Statistic title="整改率" value={pct(d.rectification.rate)} valueStyle={{ color: '#237804' }} /><div aria-label={`整改率 ${pct(d.rectification.rate)}`} data-testid="rectification-rate" style={{ color: '#595959' }}>{d.rectification.due ? `${pct(d.rectification.rate)}（${d.rectification.closed}/${d.rectification.due}）` : '—（暂无到期督办单）'}</div></Card></Col>
            <Col xs={12} md={4}><Card style={{ height: '100%' }}><Statistic title="待处置线索" value={d.clues.open} /></Card></Col>
            <Col xs={12} md={4}><Card style={{ height: '100%' }}><Statistic title="已督办线索" value={d.clues.ordered} /></Card></Col>
            <Col xs={12} md={4}><Card style={{ height: '100%' }}><Statistic title="整改中督办单" value={d.orders.issued + d.orders.returned} /></Card></Col>
            <Col xs={12} md={4}><Card style={{ height: '100%' }}><Statistic title="逾期未整改" value={d.rectification.overdue} valueStyle={{ color: d.rectification.overdue ? '#a8071a' : undefined }} /></Card></Col>
            <Col xs={12} md={4}><Card style={{ height: '100%' }}><Statistic title="执法监督意见书" value={d.opinions} /><Link to="/enforcement/opinions">查看意见书</Link></Card></Col>
          </Row>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={d.rectification.definition} description={`${SUPERVISION_BASIS.body}。${SUPERVISION_BASIS.unverified}。`} />
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card title="各规则预警数" extra={<Link to="/enforcement/detections">查看检测结果</Link>} style={{ marginBottom: 16 }}>
                <Chart option={flagsOption} label={`各规则预警数：${d.flagsByRule.map((f) => `${f.name}${f.count}条`).join('，')}`} />
                <Table size="small" rowKey="rule" pagination={false} dataSource={d.flagsByRule} columns={[{ title: '规则', dataIndex: 'name', render: (n: string, r) => <Link to={`/enforcement/detections?rule=${r.rule}`}>{n}</Link> }, { title: '预警数', dataIndex: 'count', align: 'right' }]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="整改率" style={{ marginBottom: 16 }}>{rate === null ? <Empty style={{ height: 208, paddingTop: 48 }} description="尚无整改期限届满或已办结的督办单，整改率暂不计算" /> : <Chart option={gaugeOption} height={240} label={`整改率 ${pct(rate)}`} />}</Card>
              <Card title="行政检查趋势（按月）" style={{ marginBottom: 16 }}><Chart option={trendOption} label="各月行政检查次数与发现问题次数" /></Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
