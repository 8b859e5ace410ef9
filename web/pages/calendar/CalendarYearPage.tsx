/**
 * Editor of one year's holiday schedule: notice, document number (and whether it was verified), the list of
 * days off (休) and adjusted working days (班). Saving recomputes every open deadline and says how many changed.
 */
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Space, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { z } from 'zod';
import { validateYearSchedule } from '../../../common/calendar/validate-schedule';
import { CalendarYearBody, type CalendarYearDetail } from '../../../common/contracts';
import { get, isApiError, put } from '../../app/api';
import { announce, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelledRangePicker } from '../../components/LabelledRangePicker';
import { PageHeader } from '../../components/PageHeader';
import { zodRule } from '../../components/forms';
import { PageSpin } from '../../components/PageSpin';
import { weekdayZh } from '../../components/format';
import { keys } from '../../components/queries';
import { NotFoundPage } from '../../app/ErrorPages';

type Detail = z.infer<typeof CalendarYearDetail>;
type Kind = 'off' | 'work';

interface Row {
  key: number;
  date: string;
  kind: Kind;
  holiday: string;
}

interface HeaderValues {
  notice: string;
  docNo?: string;
  docNoVerified: boolean;
  publishedOn?: Dayjs | null;
}

const HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节'].map((value) => ({ value }));

function DaysEditor({ rows, setRows, year }: { rows: Row[]; setRows: (f: (r: Row[]) => Row[]) => void; year: number }) {
  const nextKey = useRef(rows.reduce((m, r) => Math.max(m, r.key), 0) + 1);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [rangeHoliday, setRangeHoliday] = useState('');
  const [rangeError, setRangeError] = useState<string | null>(null);
  const update = (key: number, patch: Partial<Row>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const sortRows = (rs: Row[]) => [...rs].sort((a, b) => (a.date || '9999').localeCompare(b.date || '9999'));

  const addRange = () => {
    const [a, b] = range ?? [null, null];
    if (!a || !b) return setRangeError('请选择放假起止日期');
    if (!rangeHoliday.trim()) return setRangeError('请填写节日名称');
    if (b.diff(a, 'day') > 15) return setRangeError('一次最多添加 16 天');
    setRangeError(null);
    const added: Row[] = [];
    for (let d = a; !d.isAfter(b, 'day'); d = d.add(1, 'day')) added.push({ key: nextKey.current++, date: d.format('YYYY-MM-DD'), kind: 'off', holiday: rangeHoliday.trim() });
    setRows((rs) => sortRows([...rs.filter((r) => !added.some((x) => x.date === r.date)), ...added]));
    announce(`已添加 ${added.length} 个放假日`, 'polite');
    setRange(null);
  };

  const columns: TableColumnsType<Row> = [
    {
      title: '日期',
      dataIndex: 'date',
      render: (_v, r, i) => (
        <DatePicker
          value={r.date ? dayjs(r.date) : null}
          onChange={(d) => update(r.key, { date: d ? d.format('YYYY-MM-DD') : '' })}
          aria-label={`第 ${i + 1} 行日期`}
          allowClear={false}
          defaultPickerValue={dayjs(`${year}-01-01`)}
        />
      ),
    },
    { title: '星期', key: 'weekday', render: (_v, r) => (r.date ? weekdayZh(r.date) : '—') },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (_v, r, i) => (
        <Radio.Group
          value={r.kind}
          onChange={(e) => update(r.key, { kind: e.target.value as Kind })}
          optionType="button"
          buttonStyle="solid"
          aria-label={`第 ${i + 1} 行类型`}
          options={[
            { value: 'off', label: '休' },
            { value: 'work', label: '班' },
          ]}
        />
      ),
    },
    {
      title: '所属节日',
      dataIndex: 'holiday',
      render: (_v, r, i) => (
        <AutoComplete
          value={r.holiday}
          options={HOLIDAYS}
          onChange={(v: string) => update(r.key, { holiday: v })}
          style={{ width: 160 }}
          aria-label={`第 ${i + 1} 行所属节日`}
          maxLength={20}
        />
      ),
    },
    {
      title: '操作',
      key: 'remove',
      render: (_v, r, i) => (
        <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))} aria-label={`删除第 ${i + 1} 行（${r.date || '未填日期'}）`}>
          删除
        </Button>
      ),
    },
  ];

  return (
    <>
      <div className="filter-bar" role="group" aria-label="批量添加放假日">
        <div>
          <label htmlFor="range-dates" className="inline-label">
            放假起止日期
          </label>
          <LabelledRangePicker label="放假起止日期" id={{ start: 'range-dates' }} value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]} />
        </div>
        <div>
          <label htmlFor="range-holiday" className="inline-label">
            节日名称
          </label>
          <AutoComplete id="range-holiday" value={rangeHoliday} options={HOLIDAYS} onChange={(v: string) => setRangeHoliday(v)} style={{ width: 160 }} maxLength={20} />
        </div>
        <Button icon={<PlusOutlined />} onClick={addRange}>
          添加放假区间
        </Button>
        <Button
          icon={<PlusOutlined />}
          onClick={() => setRows((rs) => [...rs, { key: nextKey.current++, date: '', kind: 'work', holiday: '' }])}
        >
          添加单日
        </Button>
        <Button onClick={() => setRows(sortRows)}>按日期排序</Button>
      </div>
      {rangeError && <Alert type="error" showIcon title={rangeError} style={{ marginBottom: 12 }} />}
      <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} locale={{ emptyText: '尚未添加日期' }} />
    </>
  );
}

export function CalendarYearPage() {
  const params = useParams();
  const year = Number(params.year);
  const validYear = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [form] = Form.useForm<HeaderValues>();
  const [rows, setRowsState] = useState<Row[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const setRows = (f: (r: Row[]) => Row[]) => setRowsState(f);

  const detail = useQuery({
    queryKey: [...keys.calendarYears, year],
    queryFn: async () => {
      try {
        return await get<Detail>(`/calendar/years/${year}`);
      } catch (e) {
        if (isApiError(e) && e.code === 'NOT_FOUND') return null;
        throw e;
      }
    },
    enabled: validYear,
    staleTime: Infinity,
  });
  const isNew = detail.data === null;

  useEffect(() => {
    if (loaded || detail.data === undefined) return;
    const d = detail.data;
    if (d) {
      form.setFieldsValue({ notice: d.notice, docNo: d.docNo ?? '', docNoVerified: d.docNoVerified, publishedOn: d.publishedOn ? dayjs(d.publishedOn) : null });
      setRowsState(d.days.map((x, i) => ({ key: i + 1, ...x })));
    } else {
      form.setFieldsValue({ notice: `国务院办公厅关于${year}年部分节假日安排的通知`, docNo: '', docNoVerified: false, publishedOn: null });
    }
    setLoaded(true);
  }, [detail.data, loaded, form, year]);

  const notice = Form.useWatch('notice', form) ?? '';
  const publishedOn = Form.useWatch('publishedOn', form);
  const problems = useMemo(() => {
    const p = validateYearSchedule({
      year,
      notice,
      docNo: null,
      docNoVerified: false,
      publishedOn: publishedOn ? publishedOn.format('YYYY-MM-DD') : null,
      days: rows.filter((r) => r.date).map(({ date, kind, holiday }) => ({ date, kind, holiday })),
    });
    const empty = rows.filter((r) => !r.date).length;
    if (empty) p.unshift(`有 ${empty} 行未填写日期`);
    return p;
  }, [rows, notice, publishedOn, year]);

  const save = useMutation({
    mutationFn: (v: HeaderValues) => {
      const body = CalendarYearBody.parse({
        notice: v.notice,
        docNo: v.docNo?.trim() ? v.docNo.trim() : null,
        docNoVerified: !!v.docNoVerified,
        publishedOn: v.publishedOn ? v.publishedOn.format('YYYY-MM-DD') : null,
        days: [...rows].sort((a, b) => a.date.localeCompare(b.date)).map(({ date, kind, holiday }) => ({ date, kind, holiday: holiday.trim() })),
      });
      return put<{ year: Detail; recomputed: number; changedDeadlines: number }>(`/calendar/years/${year}`, body);
    },
    meta: { silent: true },
    onSuccess: async (r) => {
      const text = `已保存 ${year} 年节假日安排。已重算 ${r.recomputed} 件未结期限，其中 ${r.changedDeadlines} 件的届满日发生变化。`;
      setResult(text);
      notifySuccess(text);
      qc.setQueryData([...keys.calendarYears, year], r.year);
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.calendarYears, exact: true }),
        qc.invalidateQueries({ queryKey: keys.calendarJournal }),
        qc.invalidateQueries({ queryKey: keys.deadlines }),
      ]);
    },
  });

  if (!validYear) return <NotFoundPage />;
  if (detail.isPending) return <PageSpin />;
  if (detail.error) return <ErrorAlert error={detail.error} quiet />;

  const offCount = rows.filter((r) => r.kind === 'off').length;
  const workCount = rows.filter((r) => r.kind === 'work').length;

  return (
    <>
      <PageHeader
        title={`${year} 年节假日安排`}
        description={isNew ? '新增年度：请按国务院办公厅通知逐日录入放假日（休）和调休上班日（班）。' : '修改后保存，所有未结期限将按新安排重新计算。'}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/calendar')}>
            返回列表
          </Button>
        }
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {result && <Alert type="success" showIcon role="status" title={result} data-testid="calendar-save-result" />}
        <ErrorAlert error={save.error} testId="calendar-save-error" />
        <Card title={<h2 className="section-title">通知信息</h2>}>
          <Form form={form} name="calendarYear" layout="vertical" onFinish={(v) => (problems.length ? announce(`不能保存：${problems[0]}`) : save.mutate(v))} style={{ maxWidth: 720 }}>
            <Form.Item label="通知名称" name="notice" rules={[{ required: true, message: '请填写通知名称' }, zodRule(CalendarYearBody.shape.notice)]}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item label="文号" name="docNo" extra="例如 国办发明电〔2024〕12号；未知可留空">
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="docNoVerified" valuePropName="checked">
              <Checkbox>文号已核实（已对照通知原文）</Checkbox>
            </Form.Item>
            <Form.Item label="发布日期" name="publishedOn">
              <DatePicker />
            </Form.Item>
          </Form>
        </Card>
        <Card title={<h2 className="section-title">放假与调休上班日</h2>} extra={<span className="muted">休 {offCount} 天 · 班 {workCount} 天</span>}>
          <p className="muted" style={{ marginTop: 0 }}>
            “休”：法定节假日及调休放假日（含周末）；“班”：因调休而上班的周六或周日。未列出的日期按周一至周五上班、周六周日休息计算。
          </p>
          {loaded && <DaysEditor rows={rows} setRows={setRows} year={year} />}
        </Card>
        {problems.length > 0 && (
          <Alert
            type="warning"
            showIcon
            role="status"
            title={`保存前请修正以下 ${problems.length} 个问题`}
            description={
              <ul style={{ margin: 0 }}>
                {problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            }
          />
        )}
        <Space wrap>
          <Button type="primary" size="large" loading={save.isPending} disabled={problems.length > 0} onClick={() => form.submit()}>
            保存并重算期限
          </Button>
          <Button size="large" onClick={() => navigate('/calendar')}>
            取消
          </Button>
        </Space>
      </Space>
    </>
  );
}
