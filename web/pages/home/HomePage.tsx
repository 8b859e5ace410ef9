/**
 * 工作台首页: the signed-in user's open statutory deadlines, by due date. Overdue in red, due within
 * three working days in orange; a row opens a drawer explaining the computation step by step.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Space, Statistic, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { DEADLINE_MODULE_LABELS, type DeadlineDetail, type DeadlineItem } from '../../../common/contracts';
import { beijingTimeText } from '../../../common/deadlines/hours';
import { DATA_SCOPE_LABELS } from '../../../common/permissions';
import { get } from '../../app/api';
import { hasPermissions, useCurrentUser } from '../../app/auth';
import { ROUTES } from '../../app/routes';
import { PageHeader } from '../../components/PageHeader';
import { PageSpin } from '../../components/PageSpin';
import { StatusTag } from '../../components/StatusTag';
import { StepsList } from '../../components/StepsList';
import { dateLongZh, formatInstant, todayBeijing } from '../../components/format';
import { keys } from '../../components/queries';
import { type Urgency, UrgencyTag, useNearLimit } from '../../components/urgency';

type Detail = z.infer<typeof DeadlineDetail>;

const FLAG_LABELS: Record<string, string> = {
  CALENDAR_YEAR_UNPUBLISHED: '暂定：涉及尚未公布节假日安排的年份',
  PAUSED: '期限中止中',
};

/** '中华人民共和国行政复议法第三十条' → '《中华人民共和国行政复议法》第三十条' (kept as is when already quoted). */
function formatCitation(c: string): string {
  if (c.includes('《')) return c;
  const m = /^(.+?)(第.+)$/.exec(c);
  return m ? `《${m[1]}》${m[2]}` : c;
}

function urgencyOf(d: DeadlineItem, today: string, nearLimit: string | null | undefined): Urgency {
  if (!d.dueDate) return 'none';
  // an hour deadline (社区矫正法 Art. 47, 法律援助法 Art. 39) is overdue once its due instant has passed
  if (d.overdue || d.dueDate < today) return 'overdue';
  if (d.hoursLeft !== null) return d.hoursLeft < 24 ? 'near' : 'normal';
  if (nearLimit ? d.dueDate <= nearLimit : (d.daysLeft ?? Infinity) <= 3) return 'near';
  return 'normal';
}

/** Due date, with the time (Beijing) for an hour deadline. */
function dueText(d: Pick<DeadlineItem, 'dueDate' | 'dueAt'>): string {
  if (d.dueAt) return `${beijingTimeText(Date.parse(d.dueAt))}（北京时间）`;
  return d.dueDate ?? '未定';
}

function remainingText(d: DeadlineItem): string {
  if (d.hoursLeft !== null) {
    if (d.overdue) return `已逾期 ${Math.max(1, -d.hoursLeft)} 小时`;
    return d.hoursLeft < 1 ? '剩余不足 1 小时' : `剩余 ${d.hoursLeft} 小时`;
  }
  if (d.daysLeft === null) return '—';
  if (d.daysLeft < 0) return `已逾期 ${-d.daysLeft} 天`;
  if (d.daysLeft === 0) return '今日届满';
  return `剩余 ${d.daysLeft} 天`;
}


function DeadlineDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, isPending, error } = useQuery({
    queryKey: [...keys.deadlines, 'detail', id],
    queryFn: () => get<Detail>(`/deadlines/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
  return (
    <Drawer open={!!id} onClose={onClose} title={data?.title ?? '期限详情'} size={560} destroyOnHidden>
      {isPending && <PageSpin />}
      {error && <Alert type="error" showIcon title="无法加载期限详情" />}
      {data && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'rule', label: '期限', children: data.ruleTitle },
              { key: 'citation', label: '法律依据', children: formatCitation(data.citation) },
              data.startAt
                ? { key: 'start', label: '起算时刻', children: `${beijingTimeText(Date.parse(data.startAt))}（北京时间）` }
                : { key: 'start', label: '起算日', children: dateLongZh(data.startDate) },
              { key: 'due', label: data.dueAt ? '届满时刻' : '届满日', children: data.dueAt ? dueText(data) : data.dueDate ? dateLongZh(data.dueDate) : '未定' },
              { key: 'left', label: '剩余', children: remainingText(data) },
              ...(data.flags.length ? [{ key: 'flags', label: '提示', children: data.flags.map((f) => FLAG_LABELS[f] ?? f).join('；') }] : []),
            ]}
          />
          <section aria-labelledby="steps-title">
            <h2 className="section-title" id="steps-title" style={{ marginBottom: 8 }}>
              计算说明
            </h2>
            <StepsList steps={data.steps} />
          </section>
          {data.journal.length > 0 && (
            <section aria-labelledby="journal-title">
              <h2 className="section-title" id="journal-title" style={{ marginBottom: 8 }}>
                届满日变更记录
              </h2>
              <ul>
                {data.journal.map((j, i) => (
                  <li key={i}>
                    {formatInstant(j.at)}：{j.oldDue ?? '未定'} → {j.newDue ?? '未定'}（{j.reason}）
                  </li>
                ))}
              </ul>
            </section>
          )}
        </Space>
      )}
    </Drawer>
  );
}

function DeadlineTodo() {
  const today = todayBeijing();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [openId, setOpenId] = useState<string | null>(null);
  const near = useNearLimit();
  const list = useQuery({
    queryKey: [...keys.deadlines, 'open', page, pageSize],
    queryFn: () => get<{ data: DeadlineItem[]; total: number }>('/deadlines', { status: 'open', sort: 'due', page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const overdue = useQuery({
    queryKey: [...keys.deadlines, 'count', 'overdue', today],
    queryFn: () => get<{ total: number }>('/deadlines', { status: 'open', overdue: '1', pageSize: 1 }).then((r) => r.total),
  });
  const nearCount = useQuery({
    queryKey: [...keys.deadlines, 'count', 'near', near.data],
    queryFn: () => get<{ total: number }>('/deadlines', { status: 'open', dueBefore: near.data!, pageSize: 1 }).then((r) => r.total),
    enabled: !!near.data,
  });

  const columns: TableColumnsType<DeadlineItem> = [
    {
      title: '事项',
      dataIndex: 'title',
      // wraps, so that the due date and time stay in view without scrolling sideways
      width: 300,
      render: (_v, d) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(d.id)}>
          {d.title}
        </Button>
      ),
    },
    { title: '业务', dataIndex: 'module', render: (m: string) => DEADLINE_MODULE_LABELS[m] ?? m, responsive: ['md'] },
    { title: '期限', dataIndex: 'ruleTitle', responsive: ['lg'], width: 220 },
    { title: '起算日', dataIndex: 'startDate', responsive: ['lg'], render: (_v, d) => (d.startAt ? beijingTimeText(Date.parse(d.startAt)) : d.startDate) },
    {
      title: '届满日',
      dataIndex: 'dueDate',
      render: (_v, d) => {
        const u = urgencyOf(d, today, near.data);
        return <span className={u === 'overdue' ? 'text-overdue' : u === 'near' ? 'text-near' : undefined}>{dueText(d)}</span>;
      },
    },
    {
      title: '状态',
      key: 'urgency',
      render: (_v, d) => {
        const u = urgencyOf(d, today, near.data);
        return (
          <Space size={4} wrap>
            <UrgencyTag u={u} within />
            <span className={u === 'overdue' ? 'text-overdue' : u === 'near' ? 'text-near' : undefined}>{remainingText(d)}</span>
            {d.flags.map((f) => (
              <StatusTag key={f} tone="purple">
                {FLAG_LABELS[f] ?? f}
              </StatusTag>
            ))}
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'action',
      render: (_v, d) => (
        <Space size={4}>
          <Button size="small" onClick={() => setOpenId(d.id)} aria-label={`查看“${d.title}”的计算说明`}>
            计算说明
          </Button>
          {d.objectType === 'reconsiderationCase' && (
            <Link to={`/reconsideration/cases/${encodeURIComponent(d.objectId)}`} aria-label={`打开“${d.title}”所属的行政复议案件`}>
              打开案件
            </Link>
          )}
        </Space>
      ),
    },
  ];

  const total = list.data?.total ?? 0;
  const overdueN = overdue.data ?? 0;
  return (
    <>
      <div className="stat-row">
        <Card size="small">
          <Statistic title="未结期限" value={total} suffix="件" />
        </Card>
        <Card size="small">
          <Statistic title="已逾期" value={overdueN} suffix="件" styles={{ content: { color: overdueN ? '#a8071a' : undefined } }} />
        </Card>
        <Card size="small">
          <Statistic
            title="3 个工作日内届满"
            value={nearCount.data !== undefined ? Math.max(0, nearCount.data - overdueN) : '—'}
            suffix={nearCount.data !== undefined ? '件' : undefined}
            styles={{ content: { color: nearCount.data && nearCount.data - overdueN > 0 ? '#ad4e00' : undefined } }}
          />
        </Card>
      </div>
      <Card title={<h2 className="section-title">我的期限待办</h2>}>
        {list.error && <Alert type="error" showIcon title="无法加载期限待办" style={{ marginBottom: 12 }} />}
        <Table<DeadlineItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.data ?? []}
          loading={list.isFetching}
          locale={{ emptyText: <Empty description="暂无未结期限" /> }}
          rowClassName={(d) => `deadline-row deadline-${urgencyOf(d, today, near.data)}`}
          onRow={(d) => ({ onClick: (e) => (e.target as HTMLElement).closest('button') || setOpenId(d.id), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            showTotal: (t) => `共 ${t} 件`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
          scroll={{ x: 'max-content' }}
        />
        <p className="muted" style={{ marginBottom: 0 }}>
          说明：红色为已逾期，橙色为今日起 3 个工作日内届满。工作日按国务院办公厅公布的节假日安排计算。点击事项查看逐步计算说明和法律依据。
        </p>
      </Card>
      <DeadlineDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}

/** 行政复议 to-do: the signed-in handler's cases with an overdue or soon-due deadline, linking to the filtered register. */
function ReconTodo() {
  const count = (due: 'overdue' | 'dueSoon') =>
    get<{ total: number }>('/reconsideration/cases', { mine: 'true', due, pageSize: 1 }).then((r) => r.total);
  const overdue = useQuery({ queryKey: ['reconsideration', 'cases', 'todo', 'overdue'], queryFn: () => count('overdue') });
  const soon = useQuery({ queryKey: ['reconsideration', 'cases', 'todo', 'dueSoon'], queryFn: () => count('dueSoon') });
  return (
    <Card title={<h2 className="section-title">行政复议待办</h2>} size="small">
      <Space wrap size="large">
        <Link to="/reconsideration/cases?due=overdue">
          <span className={overdue.data ? 'text-overdue' : undefined}>我的案件中已逾期：{overdue.data ?? '—'} 件</span>
        </Link>
        <Link to="/reconsideration/cases?due=dueSoon">
          <span className={soon.data ? 'text-near' : undefined}>3 个工作日内届满：{soon.data ?? '—'} 件</span>
        </Link>
        <Link to="/reconsideration/cases">打开案件台账</Link>
      </Space>
    </Card>
  );
}

function AdminWelcome() {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const links = ROUTES.filter((r) => r.area === 'staff' && r.menu && r.path !== '/' && hasPermissions(me, r.permission));
  return (
    <Card title={<h2 className="section-title">常用功能</h2>}>
      {links.length ? (
        <Space wrap>
          {links.map((r) => (
            <Button key={r.path} icon={r.icon} onClick={() => navigate(r.path)}>
              {r.menu}
            </Button>
          ))}
        </Space>
      ) : (
        <p>您的账户暂未分配可用功能，请联系安全管理员。</p>
      )}
    </Card>
  );
}

export function HomePage() {
  const me = useCurrentUser();
  const canDeadlines = hasPermissions(me, 'deadline.read');
  return (
    <>
      <PageHeader
        title="工作台"
        description={`${me.displayName}，您好。${me.departmentName} · ${me.roles.map((r) => r.name).join('、') || '未分配角色'} · 数据范围：${DATA_SCOPE_LABELS[me.dataScope]}`}
      />
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {hasPermissions(me, 'reconsideration.case.read') && <ReconTodo />}
        {canDeadlines ? <DeadlineTodo /> : <AdminWelcome />}
      </Space>
    </>
  );
}
