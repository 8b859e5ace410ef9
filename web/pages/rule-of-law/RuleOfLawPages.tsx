/**
 * 法治建设工作记录: overview of the year (the figures the dashboard and the annual report use), and one page per ledger:
 * 法治培训 with attendance, 领导干部学法, 述法, 法治督察 with rectification, 考核评价 with the ranking chart, 普法.
 * Every list takes `?year=` from the address (drill-down from the dashboard) and exports to Excel with the same filters.
 */
import { DownloadOutlined, MinusCircleOutlined, PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Statistic, Switch, Table, Tabs, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import {
  type AttendanceByUnit,
  BASE_LEVEL_LABELS,
  EVENT_KIND_LABELS,
  FINDING_STATUS_LABELS,
  INSPECTION_KIND_LABELS,
  REPORTING_GRADE_LABELS,
  STUDY_KIND_LABELS,
  TRAINING_KIND_LABELS,
  type Campaign,
  type EducationBase,
  type Finding,
  type Inspection,
  type LawReporting,
  type PublicityEvent,
  type PublicityPlan,
  type Ranking,
  type RuleOfLawYearSummaryT,
  type Scheme,
  type StudySession,
  type Training,
} from '../../../common/contracts/rule-of-law';
import { API_BASE, get, post, toQueryString, type Query } from '../../app/api';
import { useCan, useCurrentUser } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag, type Tone } from '../../components/StatusTag';
import { descendantIds } from '../../components/departments';
import { todayBeijing } from '../../components/format';
import { useDepartments } from '../../components/queries';
import { Chart } from '../enforcement/Chart';
import { ActionModal, optionsOf, req } from '../dispute/shared';

type T<S extends z.ZodTypeAny> = z.infer<S>;
type ListOf<X> = { data: X[]; total: number };
const R = '/rule-of-law';
const thisYear = () => Number(todayBeijing().slice(0, 4));
const YEARS = () => Array.from({ length: 6 }, (_, i) => thisYear() - i).map((y) => ({ value: y, label: `${y} 年` }));
const MANAGE = ['ruleOfLaw.read', 'ruleOfLaw.manage'] as const;

/** The year in the address (?year=), defaulting to this year. */
function useYear(): [number, (y: number) => void] {
  const [sp, setSp] = useSearchParams();
  const y = Number(sp.get('year')) || thisYear();
  return [y, (next) => setSp((p) => { p.set('year', String(next)); return p; }, { replace: true })];
}

/** Units the user may record for: all of them for the district-wide roles, otherwise their own (and below). */
function useUnits() {
  const me = useCurrentUser();
  const deps = useDepartments();
  return useMemo(() => {
    const list = deps.data ?? [];
    const mine = me.dataScope === 'all' ? null : me.dataScope === 'departmentTree' ? descendantIds(list, me.departmentId) : new Set([me.departmentId]);
    return { all: list.map((d) => ({ value: d.id, label: d.name, kind: d.kind })), mine: list.filter((d) => !mine || mine.has(d.id)).map((d) => ({ value: d.id, label: d.name, kind: d.kind })), own: me.departmentId };
  }, [deps.data, me]);
}

function ExportButton({ path, query }: { path: string; query: Query }) {
  return <Button icon={<DownloadOutlined />} href={`${API_BASE}${R}${path}${toQueryString(query)}`}>导出 Excel</Button>;
}
const YearSelect = ({ year, setYear }: { year: number; setYear: (y: number) => void }) => <Select aria-label="年度" value={year} onChange={setYear} options={YEARS()} style={{ width: 110 }} />;
const clean = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')) as Record<string, string>;

/** Legal basis with the 待核实 mark (none of these instruments is in the verified rule catalogue). */
function BasisNote({ items }: { items: { instrument: string; article: string; verified: boolean }[] }) {
  return (
    <Alert type="info" showIcon style={{ marginBottom: 12 }} message="依据" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{items.map((b) => <li key={b.instrument}>{b.instrument} {b.article}{!b.verified && <StatusTag tone="orange">待核实</StatusTag>}</li>)}</ul>} />
  );
}

// ── overview ─────────────────────────────────────────────────────────────────────────────────
export function RuleOfLawOverviewPage() {
  const [year, setYear] = useYear();
  const s = useQuery({ queryKey: ['ruleOfLaw', 'summary', year], queryFn: () => get<RuleOfLawYearSummaryT>(`${R}/summary`, { year }) });
  if (s.isLoading) return <PageSpin />;
  const d = s.data;
  const link = (path: string, extra = '') => `${R}${path}?year=${year}${extra}`;
  return (
    <>
      <PageHeader title="法治建设工作概览" description="本年度法治培训、领导干部学法、述法、法治督察整改、考核评价和普法工作的汇总，是法治政府建设年度报告第一、三部分和考核的数据来源；点击数字查看明细。" extra={<YearSelect year={year} setYear={setYear} />} />
      <ErrorAlert error={s.error} />
      {d && (
        <>
          <BasisNote items={d.basis} />
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}><Card><Link to={link('/trainings')}><Statistic title="法治培训（场）" value={d.trainings.sessions} /></Link><div>参训 {d.trainings.attendances} 人次，{d.trainings.hours} 学时</div></Card></Col>
            <Col xs={12} md={6}><Card><Link to={link('/study')}><Statistic title="领导干部学法（次）" value={d.leadershipStudySessions.sessions} /></Link><div>其中会前学法 {d.leadershipStudySessions.preMeeting} 次，中心组学法 {d.leadershipStudySessions.centralGroup} 次</div></Card></Col>
            <Col xs={12} md={6}><Card><Link to={link('/law-reportings')}><Statistic title="述法（人）" value={d.lawReportings.count} /></Link></Card></Col>
            <Col xs={12} md={6}><Card><Link to={link('/inspections')}><Statistic title="督察发现问题整改率" value={d.inspections.rectificationRate ?? '—'} suffix={d.inspections.rectificationRate === null ? '' : '%'} /></Link><div>督察 {d.inspections.count} 次，问题 {d.inspections.findings} 个（内控 {d.inspections.internalControlFindings} 个），<Link to={link('/inspections', '&overdue=true')}>逾期未改 {d.inspections.overdue} 个</Link></div></Card></Col>
            <Col xs={12} md={6}><Card><Link to={link('/assessment')}><Statistic title="考核平均分" value={d.assessment.averageScore ?? '—'} /></Link><div>{d.assessment.schemeName ?? '本年度尚未制定考核方案'}；已评 {d.assessment.units} 个单位</div></Card></Col>
            <Col xs={12} md={6}><Card><Link to={link('/publicity')}><Statistic title="普法活动（场）" value={d.publicity.events} /></Link><div>受众 {d.publicity.audienceReached} 人次；活动安排 {d.publicity.campaigns} 项；教育基地 {d.publicity.educationBases} 个</div></Card></Col>
            <Col xs={24} md={12}><Card title="普法五年规划">{d.publicity.plan ? <>{d.publicity.plan.name}（{d.publicity.plan.startYear}—{d.publicity.plan.endYear} 年）{!d.publicity.plan.verified && <StatusTag tone="orange">待核实</StatusTag>}</> : '未登记覆盖本年度的普法规划'}</Card></Col>
          </Row>
          <Row gutter={16} style={{ marginTop: 16 }}>
            <Col xs={24} lg={12}>
              <Card title="领导干部学法（年度报告第三部分）">
                <Table size="small" rowKey="id" pagination={false} dataSource={d.leadershipStudySessions.list} columns={[{ title: '日期', dataIndex: 'heldOn', width: 110 }, { title: '形式', dataIndex: 'kind', width: 130, render: (k: keyof typeof STUDY_KIND_LABELS) => STUDY_KIND_LABELS[k] }, { title: '主题', dataIndex: 'topic' }, { title: '人数', dataIndex: 'attendeeCount', width: 60 }]} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="述法（年度报告第三部分）">
                <Table size="small" rowKey="id" pagination={false} dataSource={d.lawReportings.list} columns={[{ title: '述法人', dataIndex: 'reporterName', width: 90 }, { title: '职务', dataIndex: 'position' }, { title: '单位', dataIndex: 'departmentName' }, { title: '日期', dataIndex: 'reportedOn', width: 110 }, { title: '评议', dataIndex: 'grade', width: 70, render: (g: keyof typeof REPORTING_GRADE_LABELS | null) => (g ? REPORTING_GRADE_LABELS[g] : '—') }]} />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}

// ── 法治培训 ─────────────────────────────────────────────────────────────────────────────────
function AttendeeList({ units }: { units: { value: string; label: string }[] }) {
  return (
    <Form.List name="attendees">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Space key={f.key} align="baseline" wrap>
              <Form.Item name={[f.name, 'name']} label={`参训人员${i + 1}`} rules={req('请输入姓名')}><Input maxLength={40} style={{ width: 140 }} /></Form.Item>
              <Form.Item name={[f.name, 'departmentId']} label={`参训人员${i + 1}单位`} rules={req('请选择单位')}><Select aria-label={`参训人员${i + 1}单位`} showSearch optionFilterProp="label" style={{ width: 200 }} options={units} /></Form.Item>
              <Form.Item name={[f.name, 'hours']} label={`参训人员${i + 1}学时（默认全勤）`}><InputNumber aria-label={`参训人员${i + 1}学时`} min={0} max={200} step={0.5} /></Form.Item>
              <Button type="text" aria-label={`删除参训人员${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({})}>添加参训人员</Button>
        </>
      )}
    </Form.List>
  );
}
const attendeesOf = (v: Record<string, any>) => ((v.attendees ?? []) as Record<string, unknown>[]).map((a) => clean(a) as unknown as { name: string; departmentId: string; hours?: number });

function TrainingModal({ id, onClose }: { id: string; onClose: () => void }) {
  const can = useCan();
  const units = useUnits();
  const q = useQuery({ queryKey: ['ruleOfLaw', 'training', id], queryFn: () => get<T<typeof Training>>(`${R}/trainings/${id}`) });
  const [adding, setAdding] = useState(false);
  const future = (q.data?.heldOn ?? '') > todayBeijing();
  return (
    <Modal open title="培训详情" onCancel={onClose} footer={null} width={760} destroyOnHidden>
      <ErrorAlert error={q.error} />
      {q.data && (
        <>
          <Descriptions size="small" column={2} items={[{ label: '培训名称', children: q.data.title, span: 2 }, { label: '日期', children: q.data.heldOn }, { label: '学时', children: q.data.hours }, { label: '主办单位', children: q.data.departmentName }, { label: '授课人', children: q.data.lecturer ?? '—' }]} />
          {can(MANAGE) && (future ? <Alert type="info" showIcon message="培训尚未举行，举行后方可登记参训人员。" /> : <Button style={{ margin: '12px 0' }} icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记参训人员</Button>)}
          <Table size="small" rowKey="id" pagination={false} dataSource={q.data.attendees ?? []} columns={[{ title: '参训人员', dataIndex: 'name' }, { title: '单位', dataIndex: 'departmentName' }, { title: '学时', dataIndex: 'hours', width: 80 }]} />
        </>
      )}
      {adding && (
        <ActionModal title="登记参训人员" onClose={() => setAdding(false)} queryKey={['ruleOfLaw', 'training', id]} submit={(v) => post(`${R}/trainings/${id}/attendance`, { attendees: attendeesOf(v) })} initial={{ attendees: [{ departmentId: units.own }] }} width={820}>
          <AttendeeList units={units.all} />
        </ActionModal>
      )}
    </Modal>
  );
}

export function TrainingsPage() {
  const can = useCan();
  const units = useUnits();
  const [year, setYear] = useYear();
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const params = { ...filter, year, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['ruleOfLaw', 'trainings', params], queryFn: () => get<ListOf<T<typeof Training>>>(`${R}/trainings`, params), placeholderData: keepPreviousData });
  const byUnit = useQuery({ queryKey: ['ruleOfLaw', 'trainingsByUnit', year], queryFn: () => get<{ data: T<typeof AttendanceByUnit>[] }>(`${R}/trainings/by-unit`, { year }) });
  const columns: TableColumnsType<T<typeof Training>> = [
    { title: '日期', dataIndex: 'heldOn', width: 110 },
    { title: '培训名称', dataIndex: 'title', render: (v: string, r) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>{v}</Button> },
    { title: '类型', dataIndex: 'kind', width: 150, render: (k: keyof typeof TRAINING_KIND_LABELS) => TRAINING_KIND_LABELS[k] },
    { title: '学时', dataIndex: 'hours', width: 70 },
    { title: '主办单位', dataIndex: 'departmentName', width: 180 },
    { title: '参训人次', dataIndex: 'attendanceCount', width: 90 },
  ];
  return (
    <>
      <PageHeader title="法治培训" description="法治培训及参训人员登记（《中华人民共和国公务员法》第六十六条至第六十八条：分类分级培训，培训实行登记管理）。培训举行后方可登记参训人员。" extra={<Space><YearSelect year={year} setYear={(y) => { setYear(y); setPage(1); }} /><ExportButton path="/trainings.xlsx" query={{ ...filter, year }} />{can(MANAGE) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记培训</Button>}</Space>} />
      <Card>
        <Form layout="inline" className="filter-bar" name="trainingFilter" onFinish={(v) => { setFilter(clean(v)); setPage(1); }}>
          <Form.Item label="类型" name="kind"><Select aria-label="培训类型筛选" allowClear style={{ width: 170 }} options={optionsOf(TRAINING_KIND_LABELS)} /></Form.Item>
          <Form.Item label="关键词" name="q"><Input allowClear maxLength={60} placeholder="培训名称、授课人" style={{ width: 200 }} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
        </Form>
        <ErrorAlert error={list.error} quiet />
        <Table rowKey="id" loading={list.isFetching} columns={columns} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 场`, onChange: setPage }} />
      </Card>
      <Card title={`${year} 年按单位统计参训情况`} style={{ marginTop: 16 }}>
        <ErrorAlert error={byUnit.error} quiet />
        <Table size="small" rowKey="departmentId" loading={byUnit.isFetching} pagination={false} dataSource={byUnit.data?.data ?? []} columns={[{ title: '单位', dataIndex: 'departmentName' }, { title: '参训人次', dataIndex: 'attendances', width: 100 }, { title: '参训人数', dataIndex: 'people', width: 100 }, { title: '学时合计', dataIndex: 'hours', width: 100 }]} />
      </Card>
      {creating && (
        <ActionModal title="登记培训" onClose={() => setCreating(false)} queryKey={['ruleOfLaw', 'trainingSaved']} submit={(v) => post<T<typeof Training>>(`${R}/trainings`, { ...clean(v), hours: v.hours, attendees: attendeesOf(v) })} done={(r) => setOpen(r.id)} initial={{ kind: 'lawStudy', heldOn: todayBeijing(), hours: 2, departmentId: units.own, attendees: [] }} width={820}>
          <Form.Item label="培训名称" name="title" rules={req('请输入培训名称')}><Input maxLength={200} /></Form.Item>
          <Row gutter={8}>
            <Col span={8}><Form.Item label="培训类型" name="kind"><Select aria-label="培训类型" options={optionsOf(TRAINING_KIND_LABELS)} /></Form.Item></Col>
            <Col span={8}><Form.Item label="培训日期" name="heldOn" rules={req('请选择日期')}><Input type="date" /></Form.Item></Col>
            <Col span={8}><Form.Item label="学时" name="hours" rules={req('请填写学时')}><InputNumber aria-label="学时" min={0.5} max={200} step={0.5} /></Form.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={8}><Form.Item label="主办单位" name="departmentId"><Select aria-label="主办单位" showSearch optionFilterProp="label" options={units.mine} /></Form.Item></Col>
            <Col span={8}><Form.Item label="授课人" name="lecturer"><Input maxLength={100} /></Form.Item></Col>
            <Col span={8}><Form.Item label="地点" name="place"><Input maxLength={200} /></Form.Item></Col>
          </Row>
          <AttendeeList units={units.all} />
        </ActionModal>
      )}
      {open && <TrainingModal id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

// ── 领导干部学法 ─────────────────────────────────────────────────────────────────────────────
export function StudyPage() {
  const can = useCan();
  const units = useUnits();
  const [year, setYear] = useYear();
  // drill-down from the dashboard: ?kind=preMeeting opens the 会前学法 of the year
  const [sp] = useSearchParams();
  const kindParam = sp.get('kind');
  const [filter, setFilter] = useState<Record<string, string>>(kindParam && kindParam in STUDY_KIND_LABELS ? { kind: kindParam } : {});
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const params = { ...filter, year, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['ruleOfLaw', 'study', params], queryFn: () => get<ListOf<T<typeof StudySession>>>(`${R}/study-sessions`, params), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader title="领导干部学法" description="会前学法、党组理论学习中心组学法和领导干部专题学法：主题、日期、学习的法律法规和参加人员，供法治政府建设年度报告第三部分（主要负责人履行推进法治建设第一责任人职责情况）使用。" extra={<Space><YearSelect year={year} setYear={(y) => { setYear(y); setPage(1); }} /><ExportButton path="/study-sessions.xlsx" query={{ ...filter, year }} />{can(MANAGE) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记学法</Button>}</Space>} />
      <Card>
        <Form layout="inline" className="filter-bar" name="studyFilter" initialValues={filter} onFinish={(v) => { setFilter(clean(v)); setPage(1); }}>
          <Form.Item label="形式" name="kind"><Select aria-label="学法形式筛选" allowClear style={{ width: 200 }} options={optionsOf(STUDY_KIND_LABELS)} /></Form.Item>
          <Form.Item label="关键词" name="q"><Input allowClear maxLength={60} style={{ width: 200 }} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
        </Form>
        <ErrorAlert error={list.error} quiet />
        <Table rowKey="id" loading={list.isFetching} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 次`, onChange: setPage }} columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '形式', dataIndex: 'kind', width: 180, render: (k: keyof typeof STUDY_KIND_LABELS) => STUDY_KIND_LABELS[k] },
          { title: '会议', dataIndex: 'meetingName', width: 200 },
          { title: '学法主题', dataIndex: 'topic' },
          { title: '主讲', dataIndex: 'lecturer', width: 130 },
          { title: '参加人员', dataIndex: 'attendees', render: (a: string[]) => a.join('、'), ellipsis: true },
          { title: '单位', dataIndex: 'departmentName', width: 160 },
        ]} />
      </Card>
      {creating && (
        <ActionModal title="登记学法" onClose={() => setCreating(false)} queryKey={['ruleOfLaw', 'studySaved']} submit={(v) => post(`${R}/study-sessions`, { ...clean(v), attendees: String(v.attendees ?? '').split(/[、,，\s]+/).filter(Boolean) })} initial={{ kind: 'preMeeting', heldOn: todayBeijing(), departmentId: units.own }} width={680}>
          <Row gutter={8}>
            <Col span={12}><Form.Item label="学法形式" name="kind"><Select aria-label="学法形式" options={optionsOf(STUDY_KIND_LABELS)} /></Form.Item></Col>
            <Col span={12}><Form.Item label="日期" name="heldOn" rules={req('请选择日期')}><Input type="date" max={todayBeijing()} /></Form.Item></Col>
          </Row>
          <Form.Item label="会议名称（会前学法必填）" name="meetingName"><Input maxLength={200} /></Form.Item>
          <Form.Item label="学法主题" name="topic" rules={req('请输入学法主题')}><Input maxLength={300} /></Form.Item>
          <Form.Item label="学习的法律法规" name="lawsStudied"><Input maxLength={500} /></Form.Item>
          <Row gutter={8}>
            <Col span={12}><Form.Item label="主讲人" name="lecturer"><Input maxLength={100} /></Form.Item></Col>
            <Col span={12}><Form.Item label="单位" name="departmentId"><Select aria-label="单位" showSearch optionFilterProp="label" options={units.mine} /></Form.Item></Col>
          </Row>
          <Form.Item label="参加人员（以顿号或逗号分隔）" name="attendees" rules={req('请填写参加人员')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}

// ── 述法 ─────────────────────────────────────────────────────────────────────────────────────
const GRADE_TONE: Record<string, Tone> = { excellent: 'green', good: 'blue', fair: 'orange', poor: 'red' };
export function LawReportingsPage() {
  const can = useCan();
  const units = useUnits();
  const [year, setYear] = useYear();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const params = { year, page, pageSize: 20 };
  const list = useQuery({ queryKey: ['ruleOfLaw', 'reportings', params], queryFn: () => get<ListOf<T<typeof LawReporting>>>(`${R}/law-reportings`, params), placeholderData: keepPreviousData });
  return (
    <>
      <PageHeader title="述法" description="年终述职述法：述法人、职务、单位、日期、场合和评议结果（述法年度为所述工作的年度，述法一般在当年年底或次年年初进行）。" extra={<Space><YearSelect year={year} setYear={(y) => { setYear(y); setPage(1); }} /><ExportButton path="/law-reportings.xlsx" query={{ year }} />{can(MANAGE) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记述法</Button>}</Space>} />
      <Card>
        <ErrorAlert error={list.error} quiet />
        <Table rowKey="id" loading={list.isFetching} dataSource={list.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showTotal: (t) => `共 ${t} 人`, onChange: setPage }} columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '述法人', dataIndex: 'reporterName', width: 100 },
          { title: '职务', dataIndex: 'position', width: 200 },
          { title: '单位', dataIndex: 'departmentName', width: 170 },
          { title: '述法日期', dataIndex: 'reportedOn', width: 110 },
          { title: '场合', dataIndex: 'setting' },
          { title: '评议', dataIndex: 'grade', width: 80, render: (g: string | null) => (g ? <StatusTag tone={GRADE_TONE[g]!}>{REPORTING_GRADE_LABELS[g as keyof typeof REPORTING_GRADE_LABELS]}</StatusTag> : '未评议') },
        ]} />
      </Card>
      {creating && (
        <ActionModal title="登记述法" onClose={() => setCreating(false)} queryKey={['ruleOfLaw', 'reportingSaved']} submit={(v) => post(`${R}/law-reportings`, { ...clean(v), year: v.year })} initial={{ year, reportedOn: todayBeijing(), departmentId: units.own, setting: '年终述职述法' }} width={640}>
          <Row gutter={8}>
            <Col span={8}><Form.Item label="述法年度" name="year" rules={req('请选择年度')}><Select aria-label="述法年度" options={YEARS()} /></Form.Item></Col>
            <Col span={8}><Form.Item label="述法人" name="reporterName" rules={req('请输入述法人')}><Input maxLength={40} /></Form.Item></Col>
            <Col span={8}><Form.Item label="职务" name="position" rules={req('请输入职务')}><Input maxLength={100} /></Form.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={8}><Form.Item label="述法日期" name="reportedOn" rules={req('请选择日期')}><Input type="date" max={todayBeijing()} /></Form.Item></Col>
            <Col span={8}><Form.Item label="单位" name="departmentId"><Select aria-label="单位" showSearch optionFilterProp="label" options={units.mine} /></Form.Item></Col>
            <Col span={8}><Form.Item label="评议结果" name="grade"><Select aria-label="评议结果" allowClear options={optionsOf(REPORTING_GRADE_LABELS)} /></Form.Item></Col>
          </Row>
          <Form.Item label="述法场合" name="setting" rules={req('请填写述法场合')}><Input maxLength={200} /></Form.Item>
          <Form.Item label="述法要点" name="summary"><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}

// ── 法治督察 ─────────────────────────────────────────────────────────────────────────────────
const FINDING_TONE: Record<string, Tone> = { open: 'orange', rectified: 'blue', verified: 'green' };
/** The ledger's total under a list shown without paging (the dashboard's drill-down reads it), and when it is cut. */
function TotalLine({ total, shown, unit }: { total: number | undefined; shown: number; unit: string }) {
  if (total === undefined) return null;
  return <div style={{ marginTop: 8, color: 'rgba(0,0,0,0.65)' }}>共 {total} {unit}{total > shown ? `（列表显示前 ${shown} ${unit}，全部记录请导出 Excel）` : ''}</div>;
}

function FindingsTable({ rows, queryKey, showInspection }: { rows: T<typeof Finding>[]; queryKey: readonly unknown[]; showInspection?: boolean }) {
  const can = useCan();
  const qc = useQueryClient();
  const [act, setAct] = useState<{ id: string; kind: 'rectify' | 'verify' | 'extend'; due?: string } | null>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['ruleOfLaw'] });
  return (
    <>
      <Table size="small" rowKey="id" pagination={false} dataSource={rows} columns={[
        ...(showInspection ? [{ title: '督察事项', dataIndex: 'inspectionTitle', width: 200 }, { title: '被督察单位', dataIndex: 'departmentName', width: 150 }] : []),
        { title: '问题', dataIndex: 'description', render: (v: string, f: T<typeof Finding>) => <>{v}{f.internalControl && <StatusTag tone="purple">内控</StatusTag>}</> },
        { title: '整改期限', dataIndex: 'rectificationDue', width: 140, render: (v: string, f: T<typeof Finding>) => <>{v}{f.overdue && <StatusTag tone="red">逾期</StatusTag>}</> },
        { title: '状态', dataIndex: 'status', width: 120, render: (s: keyof typeof FINDING_STATUS_LABELS) => <StatusTag tone={FINDING_TONE[s]!}>{FINDING_STATUS_LABELS[s]}</StatusTag> },
        { title: '整改 / 验收', key: 'done', width: 230, render: (_: unknown, f: T<typeof Finding>) => (f.rectifiedOn ? <><div style={{ whiteSpace: 'nowrap' }}>{f.rectifiedOn} 整改</div>{f.verifiedOn && <div><span style={{ whiteSpace: 'nowrap' }}>{f.verifiedOn} 验收</span>（{f.verifiedBy}）</div>}</> : '—') },
        ...(can(MANAGE) ? [{ title: '操作', key: 'op', width: 120, render: (_: unknown, f: T<typeof Finding>) => (f.status === 'open' ? <Space size={4} wrap><Button size="small" onClick={() => setAct({ id: f.id, kind: 'rectify' })}>登记整改</Button><Button size="small" onClick={() => setAct({ id: f.id, kind: 'extend', due: f.rectificationDue })}>调整期限</Button></Space> : f.status === 'rectified' ? <Button size="small" onClick={() => setAct({ id: f.id, kind: 'verify' })}>验收销号</Button> : null) }] : []),
      ]} />
      {act?.kind === 'rectify' && (
        <ActionModal title="登记整改完成" onClose={() => setAct(null)} queryKey={[...queryKey, 'rectify']} done={refresh} submit={(v) => post(`${R}/findings/${act.id}/rectify`, v)} initial={{ rectifiedOn: todayBeijing() }}>
          <Form.Item label="整改完成日期" name="rectifiedOn" rules={req('请选择日期')}><Input type="date" max={todayBeijing()} /></Form.Item>
          <Form.Item label="整改情况" name="note" rules={req('请填写整改情况')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
      {act?.kind === 'extend' && (
        <ActionModal title="调整整改期限" onClose={() => setAct(null)} queryKey={[...queryKey, 'extend']} done={refresh} submit={(v) => post(`${R}/findings/${act.id}/extend`, v)} initial={{ rectificationDue: act.due }}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`整改期限由督察组确定，只能延后，须说明理由；现期限 ${act.due ?? ''}。`} />
          <Form.Item label="新的整改期限" name="rectificationDue" rules={req('请选择日期')}><Input type="date" min={act.due} /></Form.Item>
          <Form.Item label="调整理由" name="reason" rules={req('请填写理由')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        </ActionModal>
      )}
      {act?.kind === 'verify' && (
        <ActionModal title="整改验收销号" onClose={() => setAct(null)} queryKey={[...queryKey, 'verify']} done={refresh} submit={(v) => post(`${R}/findings/${act.id}/verify`, clean(v))} initial={{ verifiedOn: todayBeijing() }}>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="验收须由被督察单位以外的督察组或局机关进行。" />
          <Form.Item label="验收日期" name="verifiedOn" rules={req('请选择日期')}><Input type="date" max={todayBeijing()} /></Form.Item>
          <Form.Item label="验收意见" name="note"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}

function InspectionModal({ id, onClose }: { id: string; onClose: () => void }) {
  const can = useCan();
  const key = ['ruleOfLaw', 'inspection', id] as const;
  const q = useQuery({ queryKey: key, queryFn: () => get<T<typeof Inspection>>(`${R}/inspections/${id}`) });
  const [adding, setAdding] = useState(false);
  const qc = useQueryClient();
  return (
    <Modal open title="督察详情" onCancel={onClose} footer={null} width={980} destroyOnHidden>
      <ErrorAlert error={q.error} />
      {q.data && (
        <>
          <Descriptions size="small" column={2} items={[{ label: '督察事项', children: q.data.title, span: 2 }, { label: '类型', children: INSPECTION_KIND_LABELS[q.data.kind] }, { label: '督察日期', children: q.data.inspectedOn }, { label: '被督察单位', children: q.data.departmentName }, { label: '督察组', children: q.data.team }]} />
          {can(MANAGE) && <Button style={{ margin: '12px 0' }} icon={<PlusOutlined />} onClick={() => setAdding(true)}>登记发现问题</Button>}
          <FindingsTable rows={q.data.findings ?? []} queryKey={key} />
        </>
      )}
      {adding && (
        <ActionModal title="登记发现问题" onClose={() => setAdding(false)} queryKey={[...key, 'finding']} done={() => void qc.invalidateQueries({ queryKey: ['ruleOfLaw'] })} submit={(v) => post(`${R}/inspections/${id}/findings`, { ...v, internalControl: !!v.internalControl })} initial={{ internalControl: q.data?.kind === 'internalControl' }}>
          <Form.Item label="问题描述" name="description" rules={req('请填写问题')}><Input.TextArea rows={3} maxLength={1000} /></Form.Item>
          <Form.Item label="整改期限（督察组确定）" name="rectificationDue" rules={req('请选择整改期限')}><Input type="date" min={q.data?.inspectedOn} /></Form.Item>
          <Form.Item label="内部控制问题" name="internalControl" valuePropName="checked"><Switch aria-label="内部控制问题" /></Form.Item>
        </ActionModal>
      )}
    </Modal>
  );
}

export function InspectionsPage() {
  const can = useCan();
  const units = useUnits();
  const [year, setYear] = useYear();
  // drill-down from the dashboard: ?tab=findings&overdue=true opens the overdue findings
  const [sp] = useSearchParams();
  const [tab, setTab] = useState(sp.get('tab') === 'findings' || sp.get('overdue') ? 'findings' : 'inspections');
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [ffilter, setFfilter] = useState<Record<string, string>>(clean({ overdue: sp.get('overdue') === 'true' ? 'true' : undefined, status: sp.get('status') ?? undefined }));
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const params = { ...filter, year, page: 1, pageSize: 200 };
  const list = useQuery({ queryKey: ['ruleOfLaw', 'inspections', params], queryFn: () => get<ListOf<T<typeof Inspection>>>(`${R}/inspections`, params), placeholderData: keepPreviousData });
  const fparams = { ...ffilter, year, page: 1, pageSize: 200 };
  const findings = useQuery({ queryKey: ['ruleOfLaw', 'findings', fparams], queryFn: () => get<ListOf<T<typeof Finding>>>(`${R}/findings`, fparams), enabled: tab === 'findings' });
  return (
    <>
      <PageHeader title="法治督察与整改" description="法治建设督察、专项督察和内部控制检查；发现问题 → 整改期限 → 整改完成 → 验收销号，逾期未整改的标红。整改期限由督察组确定，不是法定期限。" extra={<Space><YearSelect year={year} setYear={setYear} /><ExportButton path="/inspections.xlsx" query={{ ...filter, year }} />{can(MANAGE) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>登记督察</Button>}</Space>} />
      <Card>
        <Tabs activeKey={tab} onChange={setTab} items={[
          {
            key: 'inspections',
            label: '督察台账',
            children: (
              <>
                <Form layout="inline" className="filter-bar" name="inspectionFilter" onFinish={(v) => setFilter(clean(v))}>
                  <Form.Item label="类型" name="kind"><Select aria-label="督察类型筛选" allowClear style={{ width: 170 }} options={optionsOf(INSPECTION_KIND_LABELS)} /></Form.Item>
                  <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
                </Form>
                <ErrorAlert error={list.error} quiet />
                <Table rowKey="id" loading={list.isFetching} dataSource={list.data?.data ?? []} pagination={false} columns={[
                  { title: '日期', dataIndex: 'inspectedOn', width: 110 },
                  { title: '督察事项', dataIndex: 'title', render: (v: string, r: T<typeof Inspection>) => <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>{v}</Button> },
                  { title: '类型', dataIndex: 'kind', width: 150, render: (k: keyof typeof INSPECTION_KIND_LABELS) => INSPECTION_KIND_LABELS[k] },
                  { title: '被督察单位', dataIndex: 'departmentName', width: 170 },
                  { title: '督察组', dataIndex: 'team', width: 150 },
                  { title: '问题 / 已整改', key: 'n', width: 120, render: (_: unknown, r: T<typeof Inspection>) => `${r.findingCount} / ${r.rectifiedCount}` },
                ]} />
                <TotalLine total={list.data?.total} shown={list.data?.data.length ?? 0} unit="次" />
              </>
            ),
          },
          {
            key: 'findings',
            label: '问题整改台账',
            children: (
              <>
                <Form layout="inline" className="filter-bar" name="findingFilter" initialValues={{ status: ffilter.status, overdue: ffilter.overdue === 'true' }} onFinish={(v) => setFfilter(clean({ ...v, overdue: v.overdue ? 'true' : undefined, internalControl: v.internalControl ? 'true' : undefined }))}>
                  <Form.Item label="状态" name="status"><Select aria-label="整改状态筛选" allowClear style={{ width: 150 }} options={optionsOf(FINDING_STATUS_LABELS)} /></Form.Item>
                  <Form.Item label="仅逾期" name="overdue" valuePropName="checked"><Switch aria-label="仅逾期" /></Form.Item>
                  <Form.Item label="仅内控" name="internalControl" valuePropName="checked"><Switch aria-label="仅内控" /></Form.Item>
                  <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
                </Form>
                <ErrorAlert error={findings.error} quiet />
                <FindingsTable rows={findings.data?.data ?? []} queryKey={['ruleOfLaw', 'findings']} showInspection />
                <TotalLine total={findings.data?.total} shown={findings.data?.data.length ?? 0} unit="个问题" />
              </>
            ),
          },
        ]} />
      </Card>
      {creating && (
        <ActionModal title="登记督察" onClose={() => setCreating(false)} queryKey={['ruleOfLaw', 'inspectionSaved']} submit={(v) => post<T<typeof Inspection>>(`${R}/inspections`, v)} done={(r) => setOpen(r.id)} initial={{ kind: 'comprehensive', inspectedOn: todayBeijing(), team: '区法治建设督察组' }} width={640}>
          <Form.Item label="督察事项" name="title" rules={req('请输入督察事项')}><Input maxLength={200} /></Form.Item>
          <Row gutter={8}>
            <Col span={12}><Form.Item label="类型" name="kind"><Select aria-label="督察类型" options={optionsOf(INSPECTION_KIND_LABELS)} /></Form.Item></Col>
            <Col span={12}><Form.Item label="督察日期" name="inspectedOn" rules={req('请选择日期')}><Input type="date" max={todayBeijing()} /></Form.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={12}><Form.Item label="被督察单位" name="departmentId" rules={req('请选择单位')}><Select aria-label="被督察单位" showSearch optionFilterProp="label" options={units.mine} /></Form.Item></Col>
            <Col span={12}><Form.Item label="督察组" name="team" rules={req('请填写督察组')}><Input maxLength={200} /></Form.Item></Col>
          </Row>
        </ActionModal>
      )}
      {open && <InspectionModal id={open} onClose={() => setOpen(null)} />}
    </>
  );
}

// ── 考核评价 ─────────────────────────────────────────────────────────────────────────────────
type RankingT = T<typeof Ranking>;
function ScoreModal({ scheme, onClose, initialUnit }: { scheme: T<typeof Scheme>; onClose: () => void; initialUnit?: string }) {
  const units = useUnits();
  const qc = useQueryClient();
  const assessable = units.mine.filter((u) => u.kind !== 'bureau');
  return (
    <ActionModal title="录入考核评分" onClose={onClose} queryKey={['ruleOfLaw', 'scoreSaved']} done={() => void qc.invalidateQueries({ queryKey: ['ruleOfLaw'] })} width={720} initial={{ departmentId: initialUnit }}
      submit={(v) => post<RankingT>(`${R}/schemes/${scheme.id}/scores`, { departmentId: v.departmentId, scores: scheme.indicators.filter((i) => v[i.id] !== undefined && v[i.id] !== null).map((i) => ({ indicatorId: i.id, score: v[i.id] as number })) })}>
      <Form.Item label="考核对象" name="departmentId" rules={req('请选择单位或司法所')}><Select aria-label="考核对象" showSearch optionFilterProp="label" options={assessable} /></Form.Item>
      {scheme.indicators.map((i) => (
        <Form.Item key={i.id} label={`${i.code} ${i.name}（满分 ${i.maxScore}，权重 ${i.weight}）`} name={i.id}><InputNumber aria-label={`${i.code} 评分`} step={0.5} style={{ width: 160 }} /></Form.Item>
      ))}
    </ActionModal>
  );
}

export function AssessmentPage() {
  const can = useCan();
  const [year, setYear] = useYear();
  const [group, setGroup] = useState<'all' | 'judicialOffice' | 'section'>('all');
  const [scoring, setScoring] = useState(false);
  const [creating, setCreating] = useState(false);
  const schemes = useQuery({ queryKey: ['ruleOfLaw', 'schemes'], queryFn: () => get<{ data: T<typeof Scheme>[] }>(`${R}/schemes`) });
  const scheme = schemes.data?.data.find((s) => s.year === year);
  const ranking = useQuery({ queryKey: ['ruleOfLaw', 'ranking', scheme?.id, group], queryFn: () => get<RankingT>(`${R}/schemes/${scheme!.id}/ranking`, { group }), enabled: !!scheme });
  const rows = ranking.data?.rows ?? [];
  const option = useMemo(() => ({
    animation: false,
    tooltip: { trigger: 'axis' },
    // containLabel: the longest unit name (人民参与和促进法治科) with its rank must not be clipped at the left edge
    grid: { left: 8, right: 48, top: 20, bottom: 40, containLabel: true },
    xAxis: { type: 'value', max: 100, name: '加权总分', nameLocation: 'middle', nameGap: 26 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => `${r.rank}. ${r.departmentName}`) },
    series: [{ type: 'bar', data: rows.map((r) => r.total), label: { show: true, position: 'right' }, itemStyle: { color: '#1d4ed8' } }],
  }), [rows]);
  return (
    <>
      <PageHeader title="法治建设考核评价" description="考核评价体系：指标、权重和满分，按科室、中心和司法所评分；加权总分 = Σ（得分 ÷ 满分 × 权重），权重合计 100，并列者名次相同。" extra={<Space><YearSelect year={year} setYear={setYear} />{scheme && <ExportButton path={`/schemes/${scheme.id}/ranking.xlsx`} query={{ group }} />}{scheme && can(['ruleOfLaw.read', 'ruleOfLaw.assess']) && <Button type="primary" onClick={() => setScoring(true)}>录入评分</Button>}{!scheme && can(['ruleOfLaw.read', 'ruleOfLaw.assess']) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>制定考核方案</Button>}</Space>} />
      <ErrorAlert error={schemes.error ?? ranking.error} />
      {!scheme && !schemes.isLoading && <Alert type="info" showIcon message={`${year} 年度尚未制定考核评价方案。`} />}
      {scheme && (
        <>
          <Card title={scheme.name} style={{ marginBottom: 16 }}>
            <Table size="small" rowKey="id" pagination={false} dataSource={scheme.indicators} columns={[{ title: '编号', dataIndex: 'code', width: 70 }, { title: '指标', dataIndex: 'name' }, { title: '类别', dataIndex: 'category', width: 120 }, { title: '权重', dataIndex: 'weight', width: 70 }, { title: '满分', dataIndex: 'maxScore', width: 70 }]} />
          </Card>
          <Card title="考核排名" extra={<Radio.Group aria-label="排名范围" value={group} onChange={(e) => setGroup(e.target.value as typeof group)} options={[{ value: 'all', label: '全部' }, { value: 'section', label: '科室、中心' }, { value: 'judicialOffice', label: '司法所' }]} optionType="button" />}>
            <Chart option={option} height={Math.max(240, rows.length * 26 + 60)} label={`考核排名柱状图：${rows.map((r) => `${r.rank} ${r.departmentName} ${r.total} 分`).join('；')}`} />
            <Table size="small" rowKey="departmentId" loading={ranking.isFetching} pagination={false} dataSource={rows} columns={[
              { title: '名次', dataIndex: 'rank', width: 60 },
              { title: '单位', dataIndex: 'departmentName', width: 170 },
              ...scheme.indicators.map((i, k) => ({ title: i.code, key: i.id, width: 70, render: (_: unknown, r: RankingT['rows'][number]) => r.scores[k]?.score ?? '—' })),
              { title: '加权总分', dataIndex: 'total', width: 90 },
              { title: '评分', dataIndex: 'complete', width: 80, render: (c: boolean) => (c ? '已评完' : <StatusTag tone="orange">未评完</StatusTag>) },
            ]} />
            {ranking.data?.averageScore !== null && ranking.data && <p style={{ marginTop: 8 }}>平均分 {ranking.data.averageScore}</p>}
          </Card>
        </>
      )}
      {scoring && scheme && <ScoreModal scheme={scheme} onClose={() => setScoring(false)} />}
      {creating && (
        <ActionModal title="制定考核方案" onClose={() => setCreating(false)} queryKey={['ruleOfLaw', 'schemeSaved']} done={() => void schemes.refetch()} width={860} submit={(v) => post(`${R}/schemes`, { year, name: v.name, indicators: (v.indicators as Record<string, unknown>[]).map(clean).map((i) => ({ ...i, weight: Number(i.weight), maxScore: Number(i.maxScore) })) })} initial={{ name: `${year}年度法治建设考核评价方案`, indicators: [{ code: 'A1', weight: 50, maxScore: 100 }, { code: 'A2', weight: 50, maxScore: 100 }] }}>
          <Form.Item label="方案名称" name="name" rules={req('请输入方案名称')}><Input maxLength={200} /></Form.Item>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, 'code']} label={`指标${i + 1}编号`} rules={req('必填')}><Input maxLength={20} style={{ width: 70 }} /></Form.Item>
                    <Form.Item name={[f.name, 'name']} label={`指标${i + 1}名称`} rules={req('必填')}><Input maxLength={200} style={{ width: 220 }} /></Form.Item>
                    <Form.Item name={[f.name, 'category']} label={`指标${i + 1}类别`} rules={req('必填')}><Input maxLength={100} style={{ width: 110 }} /></Form.Item>
                    <Form.Item name={[f.name, 'weight']} label={`指标${i + 1}权重`} rules={req('必填')}><InputNumber aria-label={`指标${i + 1}权重`} min={0.5} max={100} /></Form.Item>
                    <Form.Item name={[f.name, 'maxScore']} label={`指标${i + 1}满分`} rules={req('必填')}><InputNumber aria-label={`指标${i + 1}满分`} min={1} max={1000} /></Form.Item>
                    <Button type="text" aria-label={`删除指标${i + 1}`} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ weight: 10, maxScore: 100 })}>添加指标</Button>
              </>
            )}
          </Form.List>
        </ActionModal>
      )}
    </>
  );
}

// ── 普法 ─────────────────────────────────────────────────────────────────────────────────────
export function PublicityPage() {
  const can = useCan();
  const units = useUnits();
  const [year, setYear] = useYear();
  const [filter, setFilter] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState<'event' | 'campaign' | 'base' | null>(null);
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: ['ruleOfLaw'] });
  const plans = useQuery({ queryKey: ['ruleOfLaw', 'plans'], queryFn: () => get<{ data: T<typeof PublicityPlan>[] }>(`${R}/plans`) });
  const campaigns = useQuery({ queryKey: ['ruleOfLaw', 'campaigns', year], queryFn: () => get<{ data: T<typeof Campaign>[] }>(`${R}/campaigns`, { year }) });
  const bases = useQuery({ queryKey: ['ruleOfLaw', 'bases', year], queryFn: () => get<{ data: T<typeof EducationBase>[] }>(`${R}/bases`, { year }) });
  const params = { ...filter, year, page, pageSize: 20 };
  const events = useQuery({ queryKey: ['ruleOfLaw', 'events', params], queryFn: () => get<ListOf<T<typeof PublicityEvent>>>(`${R}/events`, params), placeholderData: keepPreviousData });
  const plan = plans.data?.data.find((p) => p.startYear <= year && p.endYear >= year);
  return (
    <>
      <PageHeader title="普法工作" description="普法五年规划、普法活动安排（如普法进万家、民法典宣传月、宪法宣传周）、普法活动（讲座、模拟法庭、法治嘉年华等）及受众人次、法治宣传教育基地。" extra={<Space><YearSelect year={year} setYear={(y) => { setYear(y); setPage(1); }} /><ExportButton path="/events.xlsx" query={{ ...filter, year }} /></Space>} />
      <Alert type={plan?.verified ? 'success' : 'warning'} showIcon style={{ marginBottom: 12 }} message={plan ? `${year} 年所属普法规划：${plan.name}（${plan.startYear}—${plan.endYear} 年）${plan.verified ? '' : '【待核实】'}` : `未登记覆盖 ${year} 年的普法五年规划`} description={plan ? `${plan.source}${plan.note ? `；${plan.note}` : ''}` : undefined} />
      <Card title="普法活动" extra={can(MANAGE) && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding('event')}>登记普法活动</Button>} style={{ marginBottom: 16 }}>
        <Form layout="inline" className="filter-bar" name="eventFilter" onFinish={(v) => { setFilter(clean(v)); setPage(1); }}>
          <Form.Item label="形式" name="kind"><Select aria-label="活动形式筛选" allowClear style={{ width: 160 }} options={optionsOf(EVENT_KIND_LABELS)} /></Form.Item>
          <Form.Item label="活动安排" name="campaignId"><Select aria-label="活动安排筛选" allowClear style={{ width: 200 }} options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))} /></Form.Item>
          <Form.Item label="关键词" name="q"><Input allowClear maxLength={60} style={{ width: 160 }} /></Form.Item>
          <Form.Item><Button type="primary" htmlType="submit" icon={<SearchOutlined />}>查询</Button></Form.Item>
        </Form>
        <ErrorAlert error={events.error} quiet />
        <Table rowKey="id" size="middle" loading={events.isFetching} dataSource={events.data?.data ?? []} pagination={{ current: page, pageSize: 20, total: events.data?.total ?? 0, showTotal: (t) => `共 ${t} 场`, onChange: setPage }} columns={[
          { title: '日期', dataIndex: 'heldOn', width: 110 },
          { title: '形式', dataIndex: 'kind', width: 130, render: (k: keyof typeof EVENT_KIND_LABELS) => EVENT_KIND_LABELS[k] },
          { title: '活动名称', dataIndex: 'title' },
          { title: '活动安排', dataIndex: 'campaignName', width: 170 },
          { title: '教育基地', dataIndex: 'baseName', width: 200 },
          { title: '受众人次', dataIndex: 'audience', width: 90 },
          { title: '单位', dataIndex: 'departmentName', width: 150 },
        ]} />
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title="普法活动安排" extra={can(MANAGE) && <Button icon={<PlusOutlined />} onClick={() => setAdding('campaign')}>登记活动安排</Button>}>
            <Table size="small" rowKey="id" pagination={false} dataSource={campaigns.data?.data ?? []} columns={[{ title: '名称', dataIndex: 'name' }, { title: '期间', key: 'p', width: 200, render: (_: unknown, c: T<typeof Campaign>) => `${c.startsOn} 至 ${c.endsOn}` }, { title: '场次', dataIndex: 'events', width: 60 }, { title: '受众', dataIndex: 'audience', width: 80 }]} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="法治宣传教育基地" extra={can(MANAGE) && <Button icon={<PlusOutlined />} onClick={() => setAdding('base')}>登记教育基地</Button>}>
            <Table size="small" rowKey="id" pagination={false} dataSource={bases.data?.data ?? []} columns={[{ title: '名称', dataIndex: 'name' }, { title: '级别', dataIndex: 'level', width: 170, render: (l: keyof typeof BASE_LEVEL_LABELS) => BASE_LEVEL_LABELS[l] }, { title: '本年活动', dataIndex: 'eventsThisYear', width: 80 }]} />
          </Card>
        </Col>
      </Row>
      {adding === 'event' && (
        <ActionModal title="登记普法活动" onClose={() => setAdding(null)} queryKey={['ruleOfLaw', 'eventSaved']} done={refresh} submit={(v) => post(`${R}/events`, { ...clean(v), audience: v.audience })} initial={{ kind: 'lawIntoHomes', heldOn: todayBeijing(), departmentId: units.own, audience: 50 }} width={680}>
          <Form.Item label="活动名称" name="title" rules={req('请输入活动名称')}><Input maxLength={200} /></Form.Item>
          <Row gutter={8}>
            <Col span={8}><Form.Item label="活动形式" name="kind"><Select aria-label="活动形式" options={optionsOf(EVENT_KIND_LABELS)} /></Form.Item></Col>
            <Col span={8}><Form.Item label="日期" name="heldOn" rules={req('请选择日期')}><Input type="date" max={todayBeijing()} /></Form.Item></Col>
            <Col span={8}><Form.Item label="受众人次" name="audience" rules={req('请填写受众人次')}><InputNumber aria-label="受众人次" min={0} max={10_000_000} /></Form.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={12}><Form.Item label="所属活动安排" name="campaignId"><Select aria-label="所属活动安排" allowClear options={(campaigns.data?.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.startsOn} 至 ${c.endsOn}）` }))} /></Form.Item></Col>
            <Col span={12}><Form.Item label="法治宣传教育基地" name="baseId"><Select aria-label="法治宣传教育基地" allowClear options={(bases.data?.data ?? []).map((b) => ({ value: b.id, label: b.name }))} /></Form.Item></Col>
          </Row>
          <Row gutter={8}>
            <Col span={12}><Form.Item label="地点" name="place"><Input maxLength={200} /></Form.Item></Col>
            <Col span={12}><Form.Item label="单位" name="departmentId"><Select aria-label="单位" showSearch optionFilterProp="label" options={units.mine} /></Form.Item></Col>
          </Row>
        </ActionModal>
      )}
      {adding === 'campaign' && (
        <ActionModal title="登记活动安排" onClose={() => setAdding(null)} queryKey={['ruleOfLaw', 'campaignSaved']} done={refresh} submit={(v) => post(`${R}/campaigns`, clean(v))} initial={{ startsOn: todayBeijing(), endsOn: todayBeijing(), departmentId: units.own }}>
          <Form.Item label="名称" name="name" rules={req('请输入名称')}><Input maxLength={200} /></Form.Item>
          <Form.Item label="主题" name="theme"><Input maxLength={300} /></Form.Item>
          <Row gutter={8}><Col span={12}><Form.Item label="开始" name="startsOn" rules={req('请选择')}><Input type="date" /></Form.Item></Col><Col span={12}><Form.Item label="结束" name="endsOn" rules={req('请选择')}><Input type="date" /></Form.Item></Col></Row>
          <Form.Item label="单位" name="departmentId"><Select aria-label="单位" showSearch optionFilterProp="label" options={units.mine} /></Form.Item>
        </ActionModal>
      )}
      {adding === 'base' && (
        <ActionModal title="登记法治宣传教育基地" onClose={() => setAdding(null)} queryKey={['ruleOfLaw', 'baseSaved']} done={refresh} submit={(v) => post(`${R}/bases`, clean(v))} initial={{ level: 'district', designatedOn: todayBeijing(), departmentId: units.own }}>
          <Form.Item label="名称" name="name" rules={req('请输入名称')}><Input maxLength={200} /></Form.Item>
          <Row gutter={8}><Col span={12}><Form.Item label="级别" name="level"><Select aria-label="级别" options={optionsOf(BASE_LEVEL_LABELS)} /></Form.Item></Col><Col span={12}><Form.Item label="命名日期" name="designatedOn" rules={req('请选择')}><Input type="date" max={todayBeijing()} /></Form.Item></Col></Row>
          <Form.Item label="地址" name="address"><Input maxLength={200} /></Form.Item>
          <Form.Item label="单位" name="departmentId"><Select aria-label="单位" showSearch optionFilterProp="label" options={units.mine} /></Form.Item>
        </ActionModal>
      )}
    </>
  );
}
