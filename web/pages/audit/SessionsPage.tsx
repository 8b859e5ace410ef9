/** 在线用户 (安全管理员): live sessions, with 强制下线 (audited on the server). */
import { LogoutOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Table, type TableColumnsType, Tag } from 'antd';
import type { OnlineSession } from '../../../common/contracts';
import { del, get } from '../../app/api';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatInstant } from '../../components/format';

export function SessionsPage() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['sessions'], queryFn: () => get<{ data: OnlineSession[] }>('/sessions'), refetchInterval: 30_000 });
  const kick = useMutation({
    mutationFn: (s: OnlineSession) => del<{ ok: true }>(`/sessions/${s.id}`),
    onSuccess: (_r, s) => {
      notifySuccess(`已将 ${s.username}（${s.displayName}）强制下线`);
      void qc.invalidateQueries({ queryKey: ['sessions'] });
    },
    onError: notifyError,
  });

  const columns: TableColumnsType<OnlineSession> = [
    {
      title: '用户',
      dataIndex: 'username',
      render: (_v, s) => (
        <Space>
          <span className="mono">{s.username}</span>
          <span>{s.displayName}</span>
          {s.current && <Tag color="blue">当前会话</Tag>}
        </Space>
      ),
    },
    { title: '部门', dataIndex: 'departmentName' },
    { title: '登录时间', dataIndex: 'createdAt', render: (v: string) => formatInstant(v) },
    { title: '最近活动', dataIndex: 'lastSeenAt', render: (v: string) => formatInstant(v) },
    { title: '最迟失效', dataIndex: 'expiresAt', render: (v: string) => formatInstant(v) },
    { title: 'IP', dataIndex: 'ip', render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '操作',
      key: 'actions',
      render: (_v, s) =>
        s.current ? (
          '—'
        ) : (
          <Popconfirm title={`确定将 ${s.username} 强制下线？`} okText="强制下线" cancelText="取消" onConfirm={() => kick.mutate(s)}>
            <Button danger size="small" icon={<LogoutOutlined />} aria-label={`将 ${s.username} 强制下线`}>
              强制下线
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="在线用户"
        description="当前有效的会话（空闲 30 分钟或登录满 8 小时自动失效）。强制下线立即结束该会话，并记入审计日志。"
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>
            刷新
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={list.error} quiet />
        <Table<OnlineSession> rowKey="id" size="small" columns={columns} dataSource={list.data?.data ?? []} loading={list.isFetching} scroll={{ x: 'max-content' }} pagination={false} />
      </Card>
    </>
  );
}
