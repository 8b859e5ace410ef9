/**
 * 节假日管理 (系统管理员): the published State Council holiday schedules by year, and the journal of
 * changes with how many open deadlines each change recomputed.
 */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, InputNumber, Modal, Popconfirm, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import type { CalendarJournalSchema, CalendarYearSchema, User } from '../../../common/contracts';
import { del, get } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { formatInstant } from '../../components/format';
import { keys } from '../../components/queries';

type CalendarYear = z.infer<typeof CalendarYearSchema>;
type JournalEntry = z.infer<typeof CalendarJournalSchema>;

/** A user's display name by id (the journal stores ids). */
function UserName({ id }: { id: string | null }) {
  const { data } = useQuery({
    queryKey: [...keys.users, 'one', id],
    queryFn: () => get<User>(`/users/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
    meta: { silent: true },
    retry: false,
  });
  if (!id) return <span className="muted">系统</span>;
  return <>{data ? `${data.displayName}（${data.username}）` : id.slice(0, 8)}</>;
}

function changeText(change: unknown): string {
  const c = (change && typeof change === 'object' ? change : {}) as { summary?: unknown; notice?: unknown; days?: unknown };
  const parts: string[] = [];
  if (typeof c.summary === 'string') parts.push(c.summary);
  if (typeof c.notice === 'string') parts.push(`《${c.notice}》`);
  if (typeof c.days === 'number') parts.push(`共 ${c.days} 个日期`);
  return parts.join('，') || JSON.stringify(change);
}

function NewYearModal({ existing, onClose }: { existing: number[]; onClose: () => void }) {
  const [form] = Form.useForm<{ year: number }>();
  const navigate = useNavigate();
  const next = existing.length ? Math.max(...existing) + 1 : new Date().getFullYear() + 1;
  return (
    <Modal open title="新增年度节假日安排" okText="下一步" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} name="newYear" layout="vertical" initialValues={{ year: next }} onFinish={(v) => navigate(`/calendar/${v.year}`)}>
        <Form.Item
          label="年份"
          name="year"
          rules={[
            { required: true, message: '请输入年份' },
            { type: 'integer', min: 2000, max: 2100, message: '年份应在 2000–2100 之间' },
            {
              validator: async (_r, v: number) => {
                if (existing.includes(v)) throw new Error(`${v} 年已有安排，请在列表中点“编辑”`);
              },
            },
          ]}
          extra="录入国务院办公厅当年发布的《关于 YYYY 年部分节假日安排的通知》"
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function CalendarPage() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [journalPage, setJournalPage] = useState(1);
  const years = useQuery({ queryKey: keys.calendarYears, queryFn: () => get<{ data: CalendarYear[] }>('/calendar/years').then((r) => r.data) });
  const journal = useQuery({
    queryKey: [...keys.calendarJournal, journalPage],
    queryFn: () => get<{ data: JournalEntry[]; total: number }>('/calendar/journal', { page: journalPage, pageSize: 10 }),
    placeholderData: keepPreviousData,
  });
  const [lastResult, setLastResult] = useState<string | null>(null);

  const withdraw = useMutation({
    mutationFn: (year: number) => del<{ ok: true; recomputed: number; changedDeadlines: number }>(`/calendar/years/${year}`),
    onSuccess: async (r, year) => {
      const text = `已撤回 ${year} 年节假日安排。已重算 ${r.recomputed} 件未结期限，其中 ${r.changedDeadlines} 件的届满日发生变化。`;
      setLastResult(text);
      notifySuccess(text);
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.calendarYears }),
        qc.invalidateQueries({ queryKey: keys.calendarJournal }),
        qc.invalidateQueries({ queryKey: keys.deadlines }),
      ]);
    },
  });

  const columns: TableColumnsType<CalendarYear> = [
    { title: '年份', dataIndex: 'year', render: (y: number) => <strong>{y}</strong> },
    { title: '通知名称', dataIndex: 'notice' },
    {
      title: '文号',
      dataIndex: 'docNo',
      render: (_v, y) => (
        <Space size={4} wrap>
          <span>{y.docNo ?? '未填写'}</span>
          {y.docNoVerified ? <StatusTag tone="green">已核实</StatusTag> : <StatusTag tone="orange">未核实</StatusTag>}
        </Space>
      ),
    },
    { title: '发布日期', dataIndex: 'publishedOn', render: (v: string | null) => v ?? '—', responsive: ['lg'] },
    { title: '放假日', dataIndex: 'offDays', render: (v: number) => `${v} 天` },
    { title: '调休上班', dataIndex: 'workDays', render: (v: number) => `${v} 天` },
    { title: '全年工作日', dataIndex: 'workingDaysInYear', render: (v: number) => `${v} 天`, responsive: ['md'] },
    { title: '最近更新', dataIndex: 'updatedAt', render: (v: string) => (v ? formatInstant(v) : '—'), responsive: ['xxl'] },
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, y) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => navigate(`/calendar/${y.year}`)} aria-label={`编辑 ${y.year} 年节假日安排`}>
            编辑
          </Button>
          <Popconfirm
            title={`撤回 ${y.year} 年节假日安排？`}
            description="撤回后该年视为“尚未公布”，涉及该年的期限将被标记为暂定，所有未结期限会重新计算。"
            okText="撤回"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() => withdraw.mutate(y.year)}
          >
            <Button type="link" size="small" danger aria-label={`撤回 ${y.year} 年节假日安排`}>
              撤回
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const journalColumns: TableColumnsType<JournalEntry> = [
    { title: '时间', dataIndex: 'at', render: (v: string) => formatInstant(v) },
    { title: '操作人', dataIndex: 'actorId', render: (v: string | null) => <UserName id={v} /> },
    { title: '变更内容', dataIndex: 'change', render: (c: unknown) => changeText(c) },
    { title: '重算期限', dataIndex: 'recomputed', render: (v: number) => `${v} 件` },
    { title: '届满日变化', dataIndex: 'changedDeadlines', render: (v: number) => (v ? <strong>{v} 件</strong> : '0 件') },
  ];

  return (
    <>
      <PageHeader
        title="节假日管理"
        description="工作日以国务院办公厅每年发布的节假日安排为准。保存或撤回后，所有未结期限按新安排重新计算并留痕。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            新增年度
          </Button>
        }
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {lastResult && <Alert type="success" showIcon role="status" title={lastResult} closable={{ onClose: () => setLastResult(null) }} />}
        <Alert
          type="info"
          showIcon
          role="note"
          title="未公布年份不会按周一至周五推定"
          description="期限计算涉及尚未录入安排的年份时，公共服务的期限计算器会提示“该年度节假日安排尚未公布”，工作台中的期限会标记为暂定。每年国务院办公厅发布通知后，请及时新增该年度安排并核实文号。"
        />
        <Card title={<h2 className="section-title">已公布的年度安排</h2>}>
          <ErrorAlert error={years.error} quiet />
          <Table<CalendarYear> rowKey="year" columns={columns} dataSource={years.data ?? []} loading={years.isFetching} pagination={false} scroll={{ x: 'max-content' }} />
        </Card>
        <Card title={<h2 className="section-title">变更日志</h2>}>
          <ErrorAlert error={journal.error} quiet />
          <Table<JournalEntry>
            rowKey="id"
            size="small"
            columns={journalColumns}
            dataSource={journal.data?.data ?? []}
            loading={journal.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{ current: journalPage, pageSize: 10, total: journal.data?.total ?? 0, onChange: setJournalPage, showTotal: (t) => `共 ${t} 条` }}
          />
        </Card>
      </Space>
      {adding && <NewYearModal existing={(years.data ?? []).map((y) => y.year)} onClose={() => setAdding(false)} />}
    </>
  );
}
