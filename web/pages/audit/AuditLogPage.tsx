/**
 * 审计日志 (审计管理员): filters, the read-only log, and 完整性校验 of the SM3 hash chain,
 * which lists where the chain breaks.
 */
import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { AuditEntry, AuditVerify, User } from '../../../common/contracts';
import { get } from '../../app/api';
import { useCan } from '../../app/auth';
import { announce } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LabelledRangePicker } from '../../components/LabelledRangePicker';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { formatInstant } from '../../components/format';
import { keys, useDepartments } from '../../components/queries';
import { ACTION_CATEGORIES, ACTION_LABELS, BREAK_KIND_LABELS, OBJECT_TYPE_LABELS, OUTCOME_LABELS } from './labels';

/** The object of an entry as the auditor reads it: users and departments by name, the id kept in the tooltip. */
function ObjectLabel({ type, id }: { type: string; id: string | null }) {
  const isUser = type === 'user' && !!id;
  const user = useQuery({
    queryKey: [...keys.users, 'one', id],
    queryFn: () => get<User>(`/users/${encodeURIComponent(id!)}`),
    enabled: isUser,
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
  const departments = useDepartments(type === 'department' && !!id);
  const typeLabel = OBJECT_TYPE_LABELS[type] ?? type;
  if (!id) return <>{typeLabel}</>;
  let name: string | null = null;
  if (isUser && user.data) name = `${user.data.username}（${user.data.displayName}）`;
  if (type === 'department') name = departments.data?.find((d) => d.id === id)?.name ?? null;
  return (
    <span title={id}>
      {typeLabel}：{name ?? <span className="mono">{id}</span>}
    </span>
  );
}

interface FilterValues {
  actor?: string;
  action?: string;
  objectType?: string;
  outcome?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

interface Query {
  actor?: string;
  action?: string;
  objectType?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

function toQuery(v: FilterValues): Query {
  const [from, to] = v.range ?? [null, null];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action || undefined,
    objectType: v.objectType || undefined,
    outcome: v.outcome || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.endOf('day').toISOString() : undefined,
  };
}

const actionLabel = (a: string) => ACTION_LABELS[a] ?? a;

function VerifyResult({ result }: { result: AuditVerify }) {
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-verify-result"
        title="完整性校验通过"
        description={`已校验 ${result.checked} 条记录${result.firstSeq !== null ? `（序号 ${result.firstSeq}–${result.lastSeq}）` : ''}，SM3 哈希链完整，未发现篡改或删除。校验时间：${formatInstant(result.verifiedAt)}。`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-verify-result"
      title={`完整性校验未通过：发现 ${result.breaks.length} 处断点`}
      description={
        <div>
          <p style={{ margin: '4px 0' }}>
            已校验 {result.checked} 条记录。以下序号处的记录被篡改、删除或链接断开，请立即报告并保全数据库备份：
          </p>
          <ul style={{ margin: 0 }} aria-label="断点列表">
            {result.breaks.map((b, i) => (
              <li key={`${b.seq}-${i}`}>
                序号 <strong>{b.seq}</strong>：{BREAK_KIND_LABELS[b.kind] ?? b.kind}。{b.message}
              </li>
            ))}
          </ul>
          <p style={{ margin: '4px 0 0' }}>校验时间：{formatInstant(result.verifiedAt)}</p>
        </div>
      }
    />
  );
}

export function AuditLogPage() {
  const can = useCan();
  const [form] = Form.useForm<FilterValues>();
  const [query, setQuery] = useState<Query>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [detail, setDetail] = useState<AuditEntry | null>(null);

  const params = { ...query, page, pageSize };
  const list = useQuery({
    queryKey: ['audit', 'logs', params],
    queryFn: () => get<{ data: AuditEntry[]; total: number }>('/audit/logs', params),
    placeholderData: keepPreviousData,
  });

  const verify = useMutation({
    mutationFn: () => get<AuditVerify>('/audit/verify'),
    onSuccess: (r) => {
      announce(
        r.ok ? `完整性校验通过，已校验 ${r.checked} 条记录` : `完整性校验未通过，发现 ${r.breaks.length} 处断点，序号：${[...new Set(r.breaks.map((b) => b.seq))].join('、')}`,
        r.ok ? 'polite' : 'assertive',
      );
      void list.refetch();
    },
  });

  const columns: TableColumnsType<AuditEntry> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'at', render: (v: string) => formatInstant(v) },
    { title: '操作人', dataIndex: 'actorName', render: (v: string | null) => v ?? <span className="muted">匿名</span> },
    { title: '操作', dataIndex: 'action', render: (v: string) => <span title={v}>{actionLabel(v)}</span> },
    {
      title: '对象',
      key: 'object',
      render: (_v, e) => (e.objectType ? <ObjectLabel type={e.objectType} id={e.objectId} /> : '—'),
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      render: (v: string) => {
        const o = OUTCOME_LABELS[v];
        return o ? <StatusTag tone={o.tone}>{o.label}</StatusTag> : v;
      },
    },
    { title: 'IP', dataIndex: 'ip', responsive: ['lg'], render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
    {
      title: '详情',
      key: 'detail',
      render: (_v, e) => (
        <Button size="small" type="link" onClick={() => setDetail(e)} aria-label={`查看第 ${e.seq} 条详情`}>
          详情
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="审计日志"
        description="所有登录、管理操作和越权访问均记入审计日志；日志只读，并以 SM3 哈希链防篡改。"
        extra={
          can('audit.log.verify') && (
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
              完整性校验
            </Button>
          )
        }
      />
      {verify.data && (
        <div style={{ marginBottom: 16 }}>
          <VerifyResult result={verify.data} />
        </div>
      )}
      <Card>
        <Form
          form={form}
          name="auditFilter"
          layout="inline"
          className="filter-bar"
          onFinish={(v) => {
            setQuery(toQuery(v));
            setPage(1);
          }}
        >
          <Form.Item label="操作人" name="actor">
            <Input placeholder="用户名" allowClear style={{ width: 150 }} maxLength={64} />
          </Form.Item>
          <Form.Item label="操作类型" name="action">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="全部"
              style={{ width: 200 }}
              options={[
                { label: '按类别', options: ACTION_CATEGORIES },
                { label: '具体操作', options: Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label })) },
              ]}
            />
          </Form.Item>
          <Form.Item label="对象类型" name="objectType">
            <Select allowClear placeholder="全部" style={{ width: 140 }} options={Object.entries(OBJECT_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item label="结果" name="outcome">
            <Select allowClear placeholder="全部" style={{ width: 110 }} options={Object.entries(OUTCOME_LABELS).map(([value, o]) => ({ value, label: o.label }))} />
          </Form.Item>
          <Form.Item label="时间范围" name="range">
            <LabelledRangePicker label="时间范围" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setQuery({});
                  setPage(1);
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <ErrorAlert error={list.error} quiet />
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          columns={columns}
          dataSource={list.data?.data ?? []}
          loading={list.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => {
              setPage(p);
              setPageSize(s);
            },
          }}
        />
      </Card>
      <Modal open={!!detail} title={detail ? `审计记录 第 ${detail.seq} 条` : ''} footer={null} onCancel={() => setDetail(null)} width={720} destroyOnHidden>
        {detail && (
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'at', label: '时间', children: formatInstant(detail.at) },
              { key: 'actor', label: '操作人', children: `${detail.actorName ?? '匿名'}${detail.actorId ? `（${detail.actorId}）` : ''}` },
              { key: 'action', label: '操作', children: `${actionLabel(detail.action)}（${detail.action}）` },
              { key: 'object', label: '对象', children: detail.objectType ? (
                  <>
                    <ObjectLabel type={detail.objectType} id={detail.objectId} />
                    {detail.objectId && <div className="mono muted">{detail.objectId}</div>}
                  </>
                ) : (
                  '—'
                ),
              },
              { key: 'outcome', label: '结果', children: OUTCOME_LABELS[detail.outcome]?.label ?? detail.outcome },
              { key: 'ip', label: 'IP', children: detail.ip ?? '—' },
              { key: 'req', label: '请求编号', children: <span className="mono">{detail.requestId ?? '—'}</span> },
              {
                key: 'diff',
                label: '变更内容',
                children: detail.diff ? <pre className="mono json-block">{JSON.stringify(detail.diff, null, 2)}</pre> : '—',
              },
              { key: 'hash', label: 'SM3 哈希', children: <span className="mono">{detail.hash}</span> },
            ]}
          />
        )}
      </Modal>
    </>
  );
}
