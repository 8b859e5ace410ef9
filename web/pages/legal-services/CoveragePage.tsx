/** 公共法律服务点 and the 15-minute service circle: map-free list view and a chart by 街道. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, InputNumber, Modal, Row, Select, Space, Statistic, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { type Coverage, type CoverageRow, type LegalServiceSettings, POINT_KINDS, POINT_SERVICES, type PointService, type ServicePoint, SETTINGS_NOTES } from '../../../common/contracts/legal-services';
import { get, put } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { Chart } from '../enforcement/Chart';

const P = '/legal-services';

/** Local settings, each with its note: 待核实 (not verified against an official text) or 本局设置. */
function SettingsModal({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const [form] = Form.useForm<LegalServiceSettings>();
  const q = useQuery({ queryKey: ['legalService', 'settings'], queryFn: () => get<{ settings: LegalServiceSettings; notes: Record<string, string> }>(`${P}/settings`) });
  const save = useMutation({
    mutationFn: (v: LegalServiceSettings) => put<{ settings: LegalServiceSettings }>(`${P}/settings`, v),
    onSuccess: () => { notifySuccess('已保存设置'); void qc.invalidateQueries({ queryKey: ['legalService'] }); onClose(); },
  });
  const notes = q.data?.notes ?? {};
  const tag = (k: string) => (notes[k]?.startsWith('待核实') ? <Tag color="orange">待核实</Tag> : <Tag>本局设置</Tag>);
  return (
    <Modal open title="公共法律服务设置" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden width={640}>
      {q.data && (
        <Form form={form} layout="vertical" name="lsSettings" initialValues={q.data.settings} onFinish={(v) => save.mutate(v)}>
          <Form.Item label={<Space>经济困难标准（家庭人均月收入，元）{tag('incomeStandardMonthly')}</Space>} name="incomeStandardMonthly" extra={notes.incomeStandardMonthly}><InputNumber min={1} max={100000} /></Form.Item>
          <Form.Item label={<Space>同时计算北京市 5 个工作日内部目标{tag('beijingDecisionTarget')}</Space>} name="beijingDecisionTarget" valuePropName="checked" extra={notes.beijingDecisionTarget}><Switch /></Form.Item>
          <Form.Item label={<Space>步行速度（米/分钟）{tag('walkSpeedMPerMin')}</Space>} name="walkSpeedMPerMin" extra={notes.walkSpeedMPerMin}><InputNumber min={30} max={150} /></Form.Item>
          <Form.Item label={<Space>绕行系数{tag('detourFactor')}</Space>} name="detourFactor" extra={notes.detourFactor}><InputNumber min={1} max={3} step={0.05} /></Form.Item>
          <Form.Item label={<Space>服务圈阈值（分钟）{tag('thresholdMinutes')}</Space>} name="thresholdMinutes" extra={notes.thresholdMinutes}><InputNumber min={1} max={120} /></Form.Item>
        </Form>
      )}
    </Modal>
  );
}

export function CoveragePage() {
  const [service, setService] = useState<PointService>('legalAid');
  const [speed, setSpeed] = useState<number | null>(null);
  const [detour, setDetour] = useState<number | null>(null);
  const [threshold, setThreshold] = useState<number | null>(null);
  const [settings, setSettings] = useState(false);
  const can = useCan();
  const q = useQuery({ queryKey: ['legalService', 'coverage', service, speed, detour, threshold], queryFn: () => get<Coverage>(`${P}/coverage`, { service, speed, detour, threshold }), placeholderData: keepPreviousData });
  const points = useQuery({ queryKey: ['legalService', 'points'], queryFn: () => get<{ data: ServicePoint[]; total: number }>(`${P}/points`) });
  const c = q.data;
  const cols = [
    { title: '街道', dataIndex: 'street' },
    { title: '社区', dataIndex: 'communityName' },
    { title: '最近服务点', dataIndex: 'nearestPointName', render: (v: string | null) => v ?? '无' },
    { title: '直线距离（米）', dataIndex: 'straightMetres' },
    { title: '步行距离（米）', dataIndex: 'walkMetres' },
    { title: '步行时间（分钟）', dataIndex: 'walkMinutes', render: (v: number | null, r: CoverageRow) => <Tag color={r.within ? 'green' : 'red'}>{v ?? '—'}</Tag> },
  ];
  return (
    <>
      <PageHeader title="服务点与十五分钟服务圈" description="各社区至最近的提供所选服务的公共法律服务点的步行距离和时间；列出步行超过阈值的社区。" extra={can(['legalService.point.manage']) && <Button onClick={() => setSettings(true)}>设置</Button>} />
      {settings && <SettingsModal onClose={() => setSettings(false)} />}
      <Space wrap style={{ marginBottom: 12 }} align="end">
        <Form.Item label="服务" style={{ marginBottom: 0 }}><Select style={{ width: 180 }} value={service} onChange={setService} options={Object.entries(POINT_SERVICES).map(([value, label]) => ({ value, label }))} aria-label="服务" /></Form.Item>
        <Form.Item label="步行速度（米/分钟）" style={{ marginBottom: 0 }}><InputNumber min={30} max={150} placeholder={String(c?.speedMPerMin ?? '')} value={speed} onChange={setSpeed} aria-label="步行速度" /></Form.Item>
        <Form.Item label="绕行系数" style={{ marginBottom: 0 }}><InputNumber min={1} max={3} step={0.05} placeholder={String(c?.detourFactor ?? '')} value={detour} onChange={setDetour} aria-label="绕行系数" /></Form.Item>
        <Form.Item label="阈值（分钟）" style={{ marginBottom: 0 }}><InputNumber min={1} max={120} placeholder={String(c?.thresholdMinutes ?? '')} value={threshold} onChange={setThreshold} aria-label="阈值" /></Form.Item>
      </Space>
      {c && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`计算方法：步行速度 ${c.speedMPerMin} 米/分钟，绕行系数 ${c.detourFactor}，阈值 ${c.thresholdMinutes} 分钟`} description={<><div data-testid="coverage-method">{c.method}</div><div className="muted">{SETTINGS_NOTES.walkSpeedMPerMin} {SETTINGS_NOTES.detourFactor}</div></>} />}
      <ErrorAlert error={q.error} />
      {c && (
        <>
          <Space size="large" style={{ marginBottom: 12 }}>
            <Statistic title="社区数" value={c.communities} />
            <Statistic title={`${c.thresholdMinutes} 分钟内`} value={c.covered} />
            <Statistic title="覆盖率" value={c.rate} suffix="%" />
            <Statistic title="圈外社区" value={c.outside.length} valueStyle={{ color: c.outside.length ? '#cf1322' : undefined }} />
          </Space>
          <Tabs
            items={[
              { key: 'outside', label: `圈外社区（${c.outside.length}）`, children: <Table<CoverageRow> rowKey="communityCode" size="small" dataSource={c.outside} columns={cols} pagination={{ pageSize: 50 }} data-testid="outside-table" /> },
              {
                key: 'chart',
                label: '按街道',
                children: (
                  <Row gutter={16}>
                    <Col xs={24} lg={14}>
                      <Chart label="各街道社区覆盖情况" height={420} option={{ tooltip: {}, legend: {}, grid: { left: 80, right: 20, top: 30, bottom: 20 }, xAxis: { type: 'value' }, yAxis: { type: 'category', data: c.byStreet.map((s) => s.street), inverse: true }, series: [{ name: '圈内', type: 'bar', stack: 'a', data: c.byStreet.map((s) => s.covered) }, { name: '圈外', type: 'bar', stack: 'a', data: c.byStreet.map((s) => s.communities - s.covered) }] }} />
                    </Col>
                    <Col xs={24} lg={10}>
                      <Table size="small" rowKey="street" pagination={false} dataSource={c.byStreet} columns={[{ title: '街道', dataIndex: 'street' }, { title: '社区', dataIndex: 'communities' }, { title: '圈内', dataIndex: 'covered' }]} />
                    </Col>
                  </Row>
                ),
              },
              { key: 'all', label: '全部社区', children: <Table<CoverageRow> rowKey="communityCode" size="small" dataSource={c.rows} columns={cols} pagination={{ pageSize: 50 }} /> },
              {
                key: 'points',
                label: `服务点（${points.data?.total ?? 0}）`,
                children: (
                  <Card size="small">
                    <Table<ServicePoint> rowKey="id" size="small" dataSource={points.data?.data ?? []} pagination={{ pageSize: 50 }} columns={[
                      { title: '名称', dataIndex: 'name' }, { title: '类型', dataIndex: 'kind', render: (v: keyof typeof POINT_KINDS) => POINT_KINDS[v] }, { title: '街道', dataIndex: 'street' }, { title: '地址', dataIndex: 'address' }, { title: '开放时间', dataIndex: 'hours' },
                      { title: '服务', dataIndex: 'services', render: (v: PointService[]) => v.map((s) => <Tag key={s}>{POINT_SERVICES[s]}</Tag>) }, { title: '坐标', key: 'c', render: (_: unknown, r) => `${r.lat.toFixed(5)}, ${r.lng.toFixed(5)}` },
                    ]} />
                  </Card>
                ),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
