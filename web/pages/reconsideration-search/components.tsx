/**
 * Reusable handler-productivity widgets for the 行政复议 pages (case list / detail can drop them in):
 * - <SimilarCasesPanel caseId> — 相似案例 of one case;
 * - <AssignSuggestions caseId onAssigned?> — handlers ranked by weighted load, with a one-click 分配;
 * - <SavedViewsMenu current onApply> — the user's saved filters of the case list;
 * - <BulkActionBar caseIds onDone?> — one action with one body on a batch of cases, per-case results;
 * - <Highlight text terms> — marks the matched terms.
 */
import { DeleteOutlined, SaveOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Popconfirm, Radio, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  type AssignmentSuggestion,
  BULK_ACTION_LABELS,
  type BulkActionBody,
  type BulkActionResult,
  RECON_DECISION_LABELS,
  type ReconDecisionType,
  type ReconSearchHit,
  type ReconSearchResult,
  type SavedView,
  type SavedViewFilters,
} from '../../../common/contracts';
import { del, get, post } from '../../app/api';
import { useCan } from '../../app/auth';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';

const R = '/reconsideration';
export const caseLink = (id: string) => `/reconsideration/cases/${id}`;

/** The text with every occurrence of the terms marked (longest terms first). */
export function Highlight({ text, terms }: { text: string; terms: string[] }) {
  const parts = useMemo(() => {
    const ts = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
    if (!ts.length) return [text];
    const re = new RegExp(`(${ts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'g');
    return text.split(re);
  }, [text, terms]);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <mark key={i}>{p}</mark> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}

export function DecisionTag({ type }: { type: ReconDecisionType | null }) {
  if (!type) return <Tag>未决定</Tag>;
  const color = type === 'uphold' || type === 'dismissClaim' ? 'default' : 'orange';
  return <Tag color={color}>{RECON_DECISION_LABELS[type]}</Tag>;
}

/** One search hit: case number, respondent, act (highlighted), status, decision and the matched terms. */
export function HitItem({ hit }: { hit: ReconSearchHit }) {
  return (
    <List.Item>
      <List.Item.Meta
        title={
          <Space wrap>
            <Link to={caseLink(hit.caseId)}>{hit.caseNo}</Link>
            <Tag>{hit.statusLabel}</Tag>
            <DecisionTag type={hit.decisionType} />
          </Space>
        }
        description={
          <Space direction="vertical" size={2}>
            <span>
              <Highlight text={hit.respondentName} terms={hit.matchedTerms} />：<Highlight text={hit.actName} terms={hit.matchedTerms} />
            </span>
            <span>
              命中：
              {hit.matchedTerms.map((t) => (
                <Tag key={t} color="blue">
                  {t}
                </Tag>
              ))}
            </span>
          </Space>
        }
      />
    </List.Item>
  );
}

/** 相似案例 of a case (other cases in the viewer's scope, ranked by BM25 on the case's most informative terms). */
export function SimilarCasesPanel({ caseId, limit = 5 }: { caseId: string; limit?: number }) {
  const q = useQuery({ queryKey: ['recon-similar', caseId, limit], queryFn: () => get<ReconSearchResult>(`${R}/cases/${caseId}/similar`, { limit }) });
  return (
    <Card title="相似案例" size="small" extra={<Link to={`/reconsideration/search?case=${caseId}`}>更多</Link>}>
      <ErrorAlert error={q.error} />
      <List<ReconSearchHit> size="small" loading={q.isLoading} dataSource={q.data?.data ?? []} locale={{ emptyText: <Empty description="没有找到相似案例" /> }} renderItem={(h) => <HitItem hit={h} />} />
    </Card>
  );
}

/** Handlers of the case's department ranked by weighted open caseload and deadline pressure; 分配 assigns one. */
export function AssignSuggestions({ caseId, onAssigned }: { caseId: string; onAssigned?: () => void }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['recon-assign-suggestions', caseId], queryFn: () => get<{ data: AssignmentSuggestion[] }>(`${R}/assignment-suggestions`, { caseId }) });
  const assign = useMutation({
    mutationFn: (s: AssignmentSuggestion) => post(`${R}/cases/${caseId}/assign`, { handlerId: s.userId }),
    onSuccess: (_r, s) => {
      notifySuccess(`已分配给 ${s.displayName}`);
      void qc.invalidateQueries({ queryKey: ['recon-assign-suggestions'] });
      onAssigned?.();
    },
    onError: notifyError,
  });
  return (
    <Card title="分配建议（按在办案件负荷）" size="small">
      <ErrorAlert error={q.error} />
      <Table<AssignmentSuggestion>
        rowKey="userId"
        size="small"
        pagination={false}
        loading={q.isLoading}
        dataSource={q.data?.data ?? []}
        columns={[
          { title: '承办人', dataIndex: 'displayName', render: (v: string, s) => (s.current ? <Space>{v}<Tag color="blue">现承办人</Tag></Space> : v) },
          { title: '在办', dataIndex: 'openCases' },
          { title: '逾期', dataIndex: 'overdue', render: (v: number) => (v ? <Tag color="red">{v}</Tag> : 0) },
          { title: '3 日内到期', dataIndex: 'dueSoon' },
          { title: '负荷', dataIndex: 'load', render: (v: number, s) => <Tooltip title={s.explanation}>{v}</Tooltip> },
          {
            title: '操作',
            key: 'a',
            render: (_v, s) => (
              <Button size="small" icon={<UserSwitchOutlined />} disabled={s.current} loading={assign.isPending && assign.variables?.userId === s.userId} onClick={() => assign.mutate(s)} aria-label={`分配给 ${s.displayName}`}>
                分配
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The user's saved filters of the case list: apply one, save the current filters, delete one. */
export function SavedViewsMenu({ current, onApply }: { current: SavedViewFilters; onApply: (filters: SavedViewFilters) => void }) {
  const qc = useQueryClient();
  const views = useQuery({ queryKey: ['recon-views'], queryFn: () => get<{ data: SavedView[] }>(`${R}/views`) });
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => post<SavedView>(`${R}/views`, { name, filters: current }),
    onSuccess: (v) => {
      notifySuccess(`已保存常用视图“${v.name}”`);
      setOpen(false);
      setName('');
      void qc.invalidateQueries({ queryKey: ['recon-views'] });
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (v: SavedView) => del(`${R}/views/${v.id}`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['recon-views'] }),
    onError: notifyError,
  });
  return (
    <Space wrap>
      <Select<string>
        aria-label="常用视图"
        placeholder="常用视图"
        style={{ minWidth: 180 }}
        loading={views.isLoading}
        value={null as unknown as string}
        onChange={(id) => {
          const v = views.data?.data.find((x) => x.id === id);
          if (v) onApply(v.filters);
        }}
        options={(views.data?.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        optionRender={(o) => {
          const v = views.data?.data.find((x) => x.id === o.value);
          if (!v) return o.label;
          return (
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              {v.name}
              <Popconfirm title={`删除常用视图“${v.name}”？`} okText="删除" cancelText="取消" onConfirm={(e) => { e?.stopPropagation(); remove.mutate(v); }}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${v.name}`} onClick={(e) => e.stopPropagation()} />
              </Popconfirm>
            </Space>
          );
        }}
      />
      <Button icon={<SaveOutlined />} onClick={() => setOpen(true)}>
        保存为常用视图
      </Button>
      <Modal title="保存常用视图" open={open} okText="保存" cancelText="取消" confirmLoading={save.isPending} onOk={() => save.mutate()} onCancel={() => setOpen(false)} okButtonProps={{ disabled: !name.trim() }}>
        <Form layout="vertical">
          <Form.Item label="视图名称" htmlFor="recon-view-name">
            <Input id="recon-view-name" maxLength={40} value={name} onChange={(e) => setName(e.target.value)} placeholder="例如：我的三日内到期案件" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** The dated actions a batch of similar cases usually takes together; each field is the statutory date of the step. */
const BULK_FORMS: Partial<Record<BulkActionBody['action'], { fields: { name: string; label: string }[] }>> = {
  accept: { fields: [{ name: 'acceptedOn', label: '受理日期' }] },
  sendCopy: { fields: [{ name: 'sentOn', label: '发送副本日期' }, { name: 'respondentReceivedOn', label: '被申请人收到日期' }] },
  recordReply: { fields: [{ name: 'receivedOn', label: '收到答复日期' }] },
  startMediation: { fields: [{ name: 'on', label: '开始调解日期' }] },
};

/**
 * One action with one body on a batch (POST /reconsideration/cases/bulk). Per case: each case runs the same
 * transition as on its own page, in its own transaction; the result lists every case with its outcome.
 */
export function BulkActionBar({ caseIds, onDone }: { caseIds: string[]; onDone?: () => void }) {
  const can = useCan();
  const qc = useQueryClient();
  const [action, setAction] = useState<keyof typeof BULK_FORMS>('recordReply');
  const [dates, setDates] = useState<Record<string, Dayjs | null>>({});
  const [procedure, setProcedure] = useState<'ordinary' | 'simplified'>('ordinary');
  const [result, setResult] = useState<BulkActionResult | null>(null);
  const run = useMutation({
    mutationFn: () => {
      const body: Record<string, string> = {};
      for (const f of BULK_FORMS[action]!.fields) body[f.name] = dates[f.name]?.format('YYYY-MM-DD') ?? '';
      if (action === 'accept') body.procedure = procedure;
      return post<BulkActionResult>(`${R}/cases/bulk`, { action, caseIds, body });
    },
    onSuccess: (r) => {
      setResult(r);
      notifySuccess(`${BULK_ACTION_LABELS[action]}：成功 ${r.succeeded} 件，未成功 ${r.failed} 件`);
      void qc.invalidateQueries();
      onDone?.();
    },
    onError: notifyError,
  });
  const bulkAssign = useMutation({
    mutationFn: () => post<{ data: { caseNo: string; handlerName: string }[] }>(`${R}/cases/bulk-assign`, { caseIds }),
    onSuccess: (r) => {
      notifySuccess(`已按负荷分配 ${r.data.length} 件：${r.data.map((d) => `${d.caseNo}→${d.handlerName}`).join('；')}`);
      void qc.invalidateQueries();
      onDone?.();
    },
    onError: notifyError,
  });
  if (!can(['reconsideration.case.read', 'reconsideration.case.handle'])) return null;
  const form = BULK_FORMS[action]!;
  return (
    <Card size="small" title={`批量办理（已选 ${caseIds.length} 件）`}>
      <Space wrap align="end">
        <Select aria-label="批量操作" value={action} onChange={(v) => { setAction(v); setResult(null); }} style={{ width: 180 }} options={(Object.keys(BULK_FORMS) as (keyof typeof BULK_FORMS)[]).map((a) => ({ value: a, label: BULK_ACTION_LABELS[a] }))} />
        {form.fields.map((f) => (
          <Space key={f.name} direction="vertical" size={0}>
            <label htmlFor={`bulk-${f.name}`}>{f.label}</label>
            <DatePicker id={`bulk-${f.name}`} value={dates[f.name] ?? null} onChange={(d) => setDates({ ...dates, [f.name]: d })} />
          </Space>
        ))}
        {action === 'accept' && (
          <Radio.Group aria-label="审理程序" value={procedure} onChange={(e) => setProcedure(e.target.value as 'ordinary' | 'simplified')}>
            <Radio value="ordinary">普通程序</Radio>
            <Radio value="simplified">简易程序</Radio>
          </Radio.Group>
        )}
        <Button type="primary" disabled={!caseIds.length || form.fields.some((f) => !dates[f.name])} loading={run.isPending} onClick={() => run.mutate()}>
          执行
        </Button>
        {can('reconsideration.case.assign') && (
          <Button icon={<UserSwitchOutlined />} disabled={!caseIds.length} loading={bulkAssign.isPending} onClick={() => bulkAssign.mutate()}>
            按负荷分配承办人
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        逐件办理：每件案件单独校验并单独保存（同一案件内不会部分写入）；某件不能办理的，其余案件照常办理，并逐件列出原因。按负荷分配则一次性全部分配或全部不分配。
      </Typography.Paragraph>
      {result && (
        <>
          {result.failed > 0 && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={`${result.failed} 件未能办理，请查看原因`} />}
          <Table
            style={{ marginTop: 8 }}
            size="small"
            rowKey="caseId"
            pagination={false}
            dataSource={result.data}
            columns={[
              { title: '案号', dataIndex: 'caseNo', render: (v: string | null, r) => (v ? <Link to={caseLink(r.caseId)}>{v}</Link> : r.caseId) },
              { title: '结果', dataIndex: 'ok', render: (ok: boolean) => (ok ? <Tag color="green">成功</Tag> : <Tag color="red">未办理</Tag>) },
              { title: '原因', dataIndex: 'message', render: (m: string | null, r) => (m ? `${m}（${r.code}）` : '—') },
            ]}
          />
        </>
      )}
    </Card>
  );
}
