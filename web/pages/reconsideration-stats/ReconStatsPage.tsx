/** 行政复议统计: a period's figures by channel, respondent, matter type and decision type, with the rates' definitions. */
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, Progress, Row, Space, Statistic, Table } from 'antd';
import { useState } from 'react';
import type { ReconStats } from '../../../common/contracts';
import { API_BASE, get, toQueryString } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant, todayBeijing } from '../../components/format';

type Period = { from: string; to: string };
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

function presets(today: string): { label: string; period: Period }[] {
  const y = Number(today.slice(0, 4));
  return [
    { label: '本年度', period: { from: `${y}-01-01`, to: today } },
    { label: '上一年度', period: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` } },
    { label: '本季度', period: { from: `${y}-${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`, to: today } },
  ];
}

function Rate({ title, value, detail }: { title: string; value: number | null; detail: string }) {
  return (
    <Card size="small">
      <div style={{ marginBottom: 8 }}>{title}</div>
      <Progress type="circle" size={88} percent={value === null ? 0 : Math.round(value * 1000) / 10} format={() => pct(value)} aria-label={`${title} ${pct(value)}`} />
      <div style={{ marginTop: 8, color: '#595959' }}>{detail}</div>
    </Card>
  );
}

/** A definition without its own "label：" lead-in (the server words them to stand alone, e.g. in the Excel sheet). */
const withoutLead = (text: string | undefined, label: string) => (text ?? '').replace(new RegExp(`^${label}：`), '');

export function ReconStatsPage() {
  const today = todayBeijing();
  const [form] = Form.useForm<Period>();
  const [period, setPeriod] = useState<Period>(presets(today)[1]!.period);
  const stats = useQuery({ queryKey: ['reconsideration', 'stats', period], queryFn: () => get<ReconStats>('/reconsideration/stats', period) });
  const s = stats.data;
  const apply = (p: Period) => {
    form.setFieldsValue(p);
    setPeriod(p);
  };
  const countCols = (first: string) => [
    { title: first, dataIndex: 'label' },
    { title: '件数', dataIndex: 'count', width: 100, align: 'right' as const },
  ];
  return (
    <>
      <PageHeader
        title="行政复议统计"
        description="按数据权限统计所选期间的收案、受理、审结情况及纠错率、按期审结率、前端化解率；可导出 Excel 统计表。"
        extra={
          <Button type="primary" icon={<DownloadOutlined />} href={`${API_BASE}/reconsideration/stats/export.xlsx${toQueryString(period)}`} download>
            导出 Excel
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" name="statsPeriod" initialValues={period} onFinish={(v) => setPeriod({ from: v.from, to: v.to })}>
          <Form.Item label="开始日期" name="from" rules={[{ required: true, message: '请选择开始日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item label="结束日期" name="to" rules={[{ required: true, message: '请选择结束日期' }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>统计</Button>
              {presets(today).map((p) => (
                <Button key={p.label} onClick={() => apply(p.period)}>{p.label}</Button>
              ))}
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <ErrorAlert error={stats.error} quiet />
      {s && (
        <>
          <Card title={`统计期间 ${s.from} 至 ${s.to}`} extra={<span>生成时间：{formatInstant(s.generatedAt)}</span>} style={{ marginBottom: 16 }}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={3}><Statistic title="收到申请" value={s.totals.received} /></Col>
              <Col xs={12} md={3}><Statistic title="受理" value={s.totals.accepted} /></Col>
              <Col xs={12} md={3}><Statistic title="不予受理" value={s.totals.notAccepted} /></Col>
              <Col xs={12} md={3}><Statistic title="审结" value={s.totals.concluded} /></Col>
              <Col xs={12} md={3}><Statistic title="作出决定" value={s.totals.decided} /></Col>
              <Col xs={12} md={3}><Statistic title="调解结案" value={s.totals.mediated} /></Col>
              <Col xs={12} md={3}><Statistic title="终止" value={s.totals.terminated} /></Col>
              <Col xs={12} md={3}><Statistic title="其中撤回" value={s.totals.withdrawn} /></Col>
              <Col xs={12} md={3}><Statistic title="视为放弃" value={s.totals.abandoned} /></Col>
            </Row>
          </Card>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={24} md={6}><Rate title="纠错率" value={s.correctionRate.rate} detail={`${s.correctionRate.numerator} / ${s.correctionRate.denominator}`} /></Col>
            <Col xs={24} md={6}><Rate title="按期审结率" value={s.onTimeRate.rate} detail={`${s.onTimeRate.numerator} / ${s.onTimeRate.denominator}`} /></Col>
            <Col xs={24} md={6}><Rate title="前端化解率" value={s.settlement.rate} detail={`${s.settlement.explained + s.settlement.resolved} / ${s.settlement.explained + s.settlement.resolved + s.settlement.filed}（咨询 ${s.settlement.total} 件）`} /></Col>
            <Col xs={24} md={6}>
              <Card size="small">
                <Statistic title="平均审理天数" value={s.averageDurationDays ?? '—'} suffix={s.averageDurationDays === null ? undefined : '天'} />
              </Card>
            </Col>
          </Row>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="统计口径"
            description={
              <Descriptions column={1} size="small">
                <Descriptions.Item label="纠错率（口径可配置）">{s.correctionRate.definition}</Descriptions.Item>
                <Descriptions.Item label="按期审结率">{s.onTimeRate.definition}</Descriptions.Item>
                <Descriptions.Item label="前端化解率">{s.settlement.definition}</Descriptions.Item>
                <Descriptions.Item label="审结">{withoutLead(s.definitions.concluded, '审结')}</Descriptions.Item>
                <Descriptions.Item label="平均审理天数">{withoutLead(s.definitions.averageDuration, '平均审理天数')}</Descriptions.Item>
              </Descriptions>
            }
          />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Card title="按申请渠道" size="small" style={{ marginBottom: 16 }}>
                <Table rowKey="key" size="small" pagination={false} columns={countCols('申请渠道')} dataSource={s.byChannel} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card title="按事项类型" size="small" style={{ marginBottom: 16 }}>
                <Table rowKey="key" size="small" pagination={false} columns={countCols('事项类型')} dataSource={s.byMatterType} />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card title="按决定类型" size="small" style={{ marginBottom: 16 }}>
                <Table rowKey="key" size="small" pagination={false} columns={countCols('决定类型')} dataSource={s.byDecisionType} />
              </Card>
            </Col>
          </Row>
          <Card title="按被申请人" size="small">
            <Table
              rowKey="respondentName"
              size="small"
              pagination={false}
              dataSource={s.byRespondent}
              columns={[
                { title: '被申请人', dataIndex: 'respondentName' },
                { title: '收到申请', dataIndex: 'received', align: 'right', width: 100 },
                { title: '作出决定', dataIndex: 'decided', align: 'right', width: 100 },
                { title: '纠错', dataIndex: 'corrected', align: 'right', width: 80 },
                { title: '纠错率', dataIndex: 'correctionRate', width: 160, render: (v: number | null) => (v === null ? '—' : <Progress percent={Math.round(v * 1000) / 10} size="small" format={() => pct(v)} />) },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
