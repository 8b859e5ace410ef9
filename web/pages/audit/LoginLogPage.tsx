/** 登录日志 (安全管理员): sign-ins, failures, lockouts, sign-outs and session timeouts. */
import { SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { LoginLogSchema } from '../../../common/contracts';
import { get } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { formatInstant } from '../../components/format';
import { LOGIN_OUTCOME_LABELS, loginReasonLabel } from './labels';

type LoginLog = z.infer<typeof LoginLogSchema>;

export function LoginLogPage() {
  const [form] = Form.useForm<{ username?: string }>();
  const [username, setUsername] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const params = { username: username || undefined, page, pageSize };
  const list = useQuery({
    queryKey: ['audit', 'login-logs', params],
    queryFn: () => get<{ data: LoginLog[]; total: number }>('/audit/login-logs', params),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<LoginLog> = [
    { title: '时间', dataIndex: 'at', render: (v: string) => formatInstant(v) },
    { title: '用户名', dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
    {
      title: '结果',
      dataIndex: 'outcome',
      render: (v: string) => {
        const o = LOGIN_OUTCOME_LABELS[v];
        return o ? <StatusTag tone={o.tone}>{o.label}</StatusTag> : v;
      },
    },
    { title: '原因', dataIndex: 'reason', render: (v: string | null) => loginReasonLabel(v) },
    { title: 'IP', dataIndex: 'ip', render: (v: string) => <span className="mono">{v}</span> },
  ];

  return (
    <>
      <PageHeader title="登录日志" description="记录每次登录成功、失败、锁定、退出和会话超时，供安全管理员核查。" />
      <Card>
        <Form
          form={form}
          name="loginLogFilter"
          layout="inline"
          className="filter-bar"
          onFinish={(v) => {
            setUsername((v.username ?? '').trim());
            setPage(1);
          }}
        >
          <Form.Item label="用户名" name="username">
            <Input allowClear placeholder="精确匹配" style={{ width: 180 }} maxLength={64} autoCapitalize="off" spellCheck={false} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                查询
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setUsername('');
                  setPage(1);
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
        <ErrorAlert error={list.error} quiet />
        <Table<LoginLog>
          rowKey="id"
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
    </>
  );
}
