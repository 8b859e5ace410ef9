/**
 * 案件台账: the 行政复议 register within the user's data scope — my cases / department cases, filters (status, channel,
 * procedure, handler, receipt dates, due soon / overdue, keyword), server-side sorting and paging. The filters live in
 * the URL, so a view can be bookmarked and the browser's back button restores it. The dashboard's drill-down adds the
 * acceptance / rejection / conclusion date ranges of a figure, shown as dismissable tags.
 *
 * For a handler's day (案多人少): saved views (常用视图, incl. the scope "my cases"), a keyboard-driven list (↑/↓ or j/k to
 * move, Enter to open, Space or x to select, / to search) and bulk actions on the selected cases — one dated step for a
 * batch of similar cases, or assignment by load (BulkActionBar, reconsideration-search/components.tsx).
 */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Form, Input, Segmented, Select, Space, Table, type TableColumnsType, type TableProps, Tag } from 'antd';
import dayjs from 'dayjs';
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { RECON_CHANNEL_LABELS, RECON_STATUS_LABELS, type ReconCaseSummary, type ReconChannel, type ReconStatus, type SavedViewFilters } from '../../../common/contracts';
import { BulkActionBar, SavedViewsMenu } from '../reconsideration-search/components';
import { get } from '../../app/api';
import { useCan } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelledRangePicker } from '../../components/LabelledRangePicker';
import { PageHeader } from '../../components/PageHeader';
import { CaseStatusTag, DueCell, PROCEDURE_LABELS, RECON_BASE, UrgencyTag, reconKeys, urgencyOf, useNearLimit } from './shared';

const FILTER_KEYS = ['status', 'channel', 'procedure', 'handlerId', 'due', 'q', 'receivedFrom', 'receivedTo'] as const;
/**
 * Date-range filters that come from the URL only (the dashboard's drill-down reproduces 受理 / 不予受理 / 审结 of a
 * period with them); shown as dismissable tags, not part of saved views.
 */
const RANGE_FILTERS = [
  { from: 'acceptedFrom', to: 'acceptedTo', label: '受理日期' },
  { from: 'rejectedFrom', to: 'rejectedTo', label: '不予受理决定日期' },
  { from: 'concludedFrom', to: 'concludedTo', label: '审结日期（决定、调解结案或终止）' },
] as const;
const RANGE_KEYS = RANGE_FILTERS.flatMap((f) => [f.from, f.to]);
type SortKey = 'receivedOn' | 'nextDue' | 'caseNo';

export function CaseListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const can = useCan();
  const near = useNearLimit();
  const scope = params.get('scope') === 'dept' ? 'dept' : 'mine';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const sort = (params.get('sort') as SortKey | null) ?? 'receivedOn';
  const order = params.get('order') === 'asc' ? 'asc' : 'desc';
  const [keyword, setKeyword] = useState(params.get('q') ?? '');
  useEffect(() => setKeyword(params.get('q') ?? ''), [params]);
  const [selected, setSelected] = useState<string[]>([]);
  const canBulk = can(['reconsideration.case.read', 'reconsideration.case.handle']) || can(['reconsideration.case.read', 'reconsideration.case.assign']);
  const tableRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);

  /** The current filters as a saved view (常用视图); the scope "my cases" is `mine`. */
  const currentView: SavedViewFilters = useMemo(() => {
    const v: Record<string, unknown> = { mine: scope === 'mine' };
    for (const k of FILTER_KEYS) {
      const x = params.get(k);
      if (x) v[k] = x;
    }
    return v as SavedViewFilters;
  }, [params, scope]);
  const applyView = (f: SavedViewFilters) => {
    const next = new URLSearchParams();
    if (!f.mine) next.set('scope', 'dept');
    for (const k of FILTER_KEYS) {
      const x = (f as Record<string, unknown>)[k];
      if (typeof x === 'string' && x) next.set(k, x);
    }
    if (f.caseNo && !f.q) next.set('q', f.caseNo);
    setSelected([]);
    setParams(next);
  };

  // "/" puts the cursor into the keyword search (unless typing somewhere already)
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)))) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const query = useMemo(() => {
    const q: Record<string, string | number> = { page, pageSize, sort, order };
    if (scope === 'mine') q.mine = 'true';
    for (const k of [...FILTER_KEYS, ...RANGE_KEYS]) {
      const v = params.get(k);
      if (v) q[k] = v;
    }
    return q;
  }, [params, page, pageSize, sort, order, scope]);

  const list = useQuery({
    queryKey: reconKeys.list(query),
    queryFn: () => get<{ data: ReconCaseSummary[]; total: number }>(RECON_BASE, query),
    placeholderData: keepPreviousData,
  });

  // handlers seen in the register so far: the handler filter's choices (no directory permission needed)
  const [handlers, setHandlers] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const rows = list.data?.data ?? [];
    if (rows.some((c) => c.handlerId && !handlers.has(c.handlerId))) {
      setHandlers((prev) => {
        const next = new Map(prev);
        for (const c of rows) if (c.handlerId) next.set(c.handlerId, c.handlerName ?? c.handlerId);
        return next;
      });
    }
  }, [list.data, handlers]);

  const update = (patch: Record<string, string | null | undefined>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: false });
  };

  const sortOrder = (key: SortKey) => (sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null);
  const columns: TableColumnsType<ReconCaseSummary> = [
    {
      title: '案号',
      dataIndex: 'caseNo',
      key: 'caseNo',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('caseNo'),
      render: (_v, c) => (
        <Link to={`${RECON_BASE}/${encodeURIComponent(c.id)}`} className="mono">
          {c.caseNo}
        </Link>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 150, render: (_v, c) => <CaseStatusTag status={c.status} label={c.statusLabel} /> },
    {
      title: '下一期限',
      dataIndex: 'nextDue',
      key: 'nextDue',
      width: 400,
      sorter: true,
      sortOrder: sortOrder('nextDue'),
      render: (_v, c) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <DueCell due={c.nextDue} kind={c.nextDueKind} nearLimit={near.data} />
          <UrgencyTag u={urgencyOf(c.nextDue, near.data)} />
        </Space>
      ),
    },
    { title: '申请人', dataIndex: 'applicantName', width: 170, ellipsis: { showTitle: true } },
    { title: '被申请人', dataIndex: 'respondentName', width: 220, ellipsis: { showTitle: true } },
    { title: '承办人', dataIndex: 'handlerName', width: 90, render: (v: string | null) => v ?? <span className="muted">未分配</span> },
    { title: '收到日期', dataIndex: 'receivedOn', key: 'receivedOn', width: 110, sorter: true, sortOrder: sortOrder('receivedOn'), render: (v: string) => <span className="mono">{v}</span> },
    { title: '渠道', dataIndex: 'channel', width: 100, render: (v: ReconChannel) => RECON_CHANNEL_LABELS[v] },
    { title: '程序', dataIndex: 'procedure', width: 90, render: (v: keyof typeof PROCEDURE_LABELS | null) => (v ? PROCEDURE_LABELS[v] : '—') },
    { title: '行政行为', dataIndex: 'actName', width: 180, ellipsis: { showTitle: true } },
  ];

  const onTableChange: TableProps<ReconCaseSummary>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = (s?.order ? (s.columnKey as SortKey) : null) ?? 'receivedOn';
    const dir = s?.order === 'ascend' ? 'asc' : 'desc';
    const sortChanged = key !== sort || dir !== order;
    const next = new URLSearchParams(params);
    next.set('sort', key);
    next.set('order', dir);
    if (sortChanged) next.delete('page');
    else next.set('page', String(pagination.current ?? 1));
    next.set('pageSize', String(pagination.pageSize ?? 20));
    setParams(next);
  };

  /** Row keys: ↑/↓ or j/k move between rows, Enter opens, Space or x toggles the selection. */
  const onRowKey = (c: ReconCaseSummary) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return; // keys inside a cell's own controls (checkbox, link) stay theirs
    const rows = [...(tableRef.current?.querySelectorAll<HTMLElement>('tr.recon-row') ?? [])];
    const i = rows.indexOf(e.currentTarget);
    if (e.key === 'ArrowDown' || e.key === 'j') {
      e.preventDefault();
      rows[Math.min(i + 1, rows.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp' || e.key === 'k') {
      e.preventDefault();
      rows[Math.max(i - 1, 0)]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      navigate(`${RECON_BASE}/${encodeURIComponent(c.id)}`);
    } else if ((e.key === ' ' || e.key === 'x') && canBulk) {
      e.preventDefault();
      setSelected((prev) => (prev.includes(c.id) ? prev.filter((x) => x !== c.id) : [...prev, c.id]));
    }
  };

  const from = params.get('receivedFrom');
  const to = params.get('receivedTo');
  const anyFilter = [...FILTER_KEYS, ...RANGE_KEYS].some((k) => params.get(k));
  const rangeTags = RANGE_FILTERS.filter((f) => params.get(f.from) || params.get(f.to)).map((f) => ({
    ...f,
    text: `筛选：${f.label} ${params.get(f.from) ?? '不限'} 至 ${params.get(f.to) ?? '不限'}`,
  }));

  return (
    <>
      <PageHeader
        title="案件台账"
        description="行政复议案件（按数据权限）。红色为已逾期，橙色为 3 个工作日内届满；点击案号打开案件。"
        extra={
          can('reconsideration.case.register') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`${RECON_BASE}/new`)}>
              登记申请
            </Button>
          )
        }
      />
      <Card>
        <Form layout="vertical" className="filter-bar" role="search" aria-label="筛选案件" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label="范围">
            <Segmented
              aria-label="范围"
              value={scope}
              onChange={(v) => update({ scope: v === 'dept' ? 'dept' : null })}
              options={[
                { label: '我的案件', value: 'mine' },
                { label: '部门案件', value: 'dept' },
              ]}
            />
          </Form.Item>
          <Form.Item label="关键词" htmlFor="recon-q">
            <Input.Search
              ref={(r) => {
                searchRef.current = r?.input ?? null;
              }}
              id="recon-q"
              allowClear
              placeholder="案号、申请人或被申请人"
              style={{ width: 300 }}
              value={keyword}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={(v) => update({ q: v.trim() || null })}
              enterButton="查询"
            />
          </Form.Item>
          <Form.Item label="状态" htmlFor="recon-status">
            <Select<ReconStatus | ''>
              id="recon-status"
              style={{ width: 170 }}
              value={(params.get('status') as ReconStatus | null) ?? ''}
              onChange={(v) => update({ status: v || null })}
              options={[{ value: '', label: '全部' }, ...Object.entries(RECON_STATUS_LABELS).map(([value, label]) => ({ value: value as ReconStatus, label }))]}
            />
          </Form.Item>
          <Form.Item label="期限" htmlFor="recon-due">
            <Select
              id="recon-due"
              style={{ width: 170 }}
              value={params.get('due') ?? ''}
              onChange={(v) => update({ due: v || null })}
              options={[
                { value: '', label: '全部' },
                { value: 'overdue', label: '已逾期' },
                { value: 'dueSoon', label: '3 个工作日内届满' },
              ]}
            />
          </Form.Item>
          <Form.Item label="渠道" htmlFor="recon-channel">
            <Select
              id="recon-channel"
              style={{ width: 130 }}
              value={params.get('channel') ?? ''}
              onChange={(v) => update({ channel: v || null })}
              options={[{ value: '', label: '全部' }, ...Object.entries(RECON_CHANNEL_LABELS).map(([value, label]) => ({ value, label }))]}
            />
          </Form.Item>
          <Form.Item label="程序" htmlFor="recon-procedure">
            <Select
              id="recon-procedure"
              style={{ width: 120 }}
              value={params.get('procedure') ?? ''}
              onChange={(v) => update({ procedure: v || null })}
              options={[{ value: '', label: '全部' }, ...Object.entries(PROCEDURE_LABELS).map(([value, label]) => ({ value, label }))]}
            />
          </Form.Item>
          {scope === 'dept' && (
            <Form.Item label="承办人" htmlFor="recon-handler">
              <Select
                id="recon-handler"
                style={{ width: 140 }}
                value={params.get('handlerId') ?? ''}
                onChange={(v) => update({ handlerId: v || null })}
                options={[{ value: '', label: '全部' }, ...[...handlers].map(([value, label]) => ({ value, label }))]}
              />
            </Form.Item>
          )}
          <Form.Item label="收到日期">
            <LabelledRangePicker
              label="收到日期"
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(v) => update({ receivedFrom: v?.[0]?.format('YYYY-MM-DD') ?? null, receivedTo: v?.[1]?.format('YYYY-MM-DD') ?? null })}
              allowEmpty={[true, true]}
            />
          </Form.Item>
          {anyFilter && (
            <Form.Item>
              <Button onClick={() => update(Object.fromEntries([...FILTER_KEYS, ...RANGE_KEYS].map((k) => [k, null])))}>清除筛选</Button>
            </Form.Item>
          )}
        </Form>
        {rangeTags.length > 0 && (
          <Space wrap style={{ marginBottom: 12 }} aria-label="已应用的筛选">
            {rangeTags.map((f) => (
              <Tag key={f.from} color="blue" closable closeIcon={<span aria-label={`取消${f.label}筛选`}>×</span>} onClose={() => update({ [f.from]: null, [f.to]: null })}>
                {f.text}
              </Tag>
            ))}
          </Space>
        )}
        <Space wrap style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }}>
          <SavedViewsMenu current={currentView} onApply={applyView} />
          <span className="muted" id="recon-keys-hint">
            键盘：↑/↓ 或 j/k 移动，Enter 打开案件{canBulk ? '，空格或 x 选中' : ''}，/ 搜索
          </span>
        </Space>
        {canBulk && selected.length > 0 && (
          <div style={{ marginBottom: 12 }}>
            <BulkActionBar
              caseIds={selected}
              onDone={() => {
                void list.refetch();
              }}
            />
            <Button type="link" onClick={() => setSelected([])}>
              清除选择
            </Button>
          </div>
        )}
        <ErrorAlert error={list.error} title="无法加载案件台账" quiet />
        <div ref={tableRef}>
          <Table<ReconCaseSummary>
            rowKey="id"
            rowSelection={canBulk ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true, columnWidth: 40 } : undefined}
            size="small"
            columns={columns}
            dataSource={list.data?.data ?? []}
            loading={list.isFetching}
            onChange={onTableChange}
            locale={{ emptyText: <Empty description={anyFilter ? '没有符合条件的案件' : '暂无案件'} /> }}
            rowClassName={(c) => `recon-row recon-${urgencyOf(c.nextDue, near.data)}`}
            onRow={(c) => ({
              tabIndex: 0,
              'aria-describedby': 'recon-keys-hint',
              'aria-label': `${c.caseNo} ${c.statusLabel} ${c.applicantName}`,
              onKeyDown: onRowKey(c),
              onDoubleClick: () => navigate(`${RECON_BASE}/${encodeURIComponent(c.id)}`),
            })}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (t) => `共 ${t} 件`,
            }}
            tableLayout="fixed"
            scroll={{ x: 1700 }}
          />
        </div>
      </Card>
    </>
  );
}
