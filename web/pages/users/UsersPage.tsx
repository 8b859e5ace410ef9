/**
 * 用户管理: department tree on the left; searchable, filterable, paged user table; create / edit,
 * enable / disable (系统管理员); role assignment, unlock, password reset (安全管理员);
 * masked mobile with an audited reveal (personal.viewFull).
 */
import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Popconfirm, Select, Space, Table, Tree, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { User } from '../../../common/contracts';
import { get, post } from '../../app/api';
import { useCan, useCurrentUser } from '../../app/auth';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { buildDepartmentTree } from '../../components/departments';
import { formatInstant } from '../../components/format';
import { keys, useDepartments } from '../../components/queries';
import { ResetPasswordModal, RolesModal, UserFormModal } from './UserModals';

const ALL_DEPARTMENTS = '__all__';

interface Filters {
  q: string;
  status: '' | 'active' | 'disabled';
}

function MobileCell({ user, canReveal }: { user: User; canReveal: boolean }) {
  const [full, setFull] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => post<{ mobile: string | null }>(`/users/${encodeURIComponent(user.id)}/reveal`),
    onSuccess: (r) => {
      setFull(r.mobile ?? '未登记');
      notifySuccess(`已显示 ${user.displayName} 的完整号码（已记入审计日志）`);
    },
  });
  if (!user.mobile) return <span className="muted">未登记</span>;
  if (full) {
    return (
      <Space size={4} wrap>
        <span className="mono">{full}</span>
        <StatusTag tone="purple">已留痕</StatusTag>
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      <span className="mono" aria-label={`脱敏号码 ${user.mobile}`}>
        {user.mobile}
      </span>
      {canReveal && (
        <Popconfirm
          title="查看完整号码"
          description="查看完整号码将记入审计日志（个人信息保护）。确定查看？"
          okText="查看"
          cancelText="取消"
          onConfirm={() => reveal.mutate()}
        >
          <Button size="small" type="link" loading={reveal.isPending} style={{ paddingInline: 4 }}>
            查看完整号码
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

export function UsersPage() {
  const me = useCurrentUser();
  const can = useCan();
  const canManage = can('system.user.manage');
  const canAssign = can('security.userRole.assign');
  const canUnlock = can('security.user.unlock');
  const canReveal = can('personal.viewFull');
  const qc = useQueryClient();
  const [filterForm] = Form.useForm<Filters>();

  const departments = useDepartments();
  const deptList = useMemo(() => departments.data ?? [], [departments.data]);
  const tree = useMemo(
    () => [{ key: ALL_DEPARTMENTS, value: ALL_DEPARTMENTS, title: '全部部门', children: buildDepartmentTree(deptList) }],
    [deptList],
  );

  const [departmentId, setDepartmentId] = useState<string>(ALL_DEPARTMENTS);
  const [includeChildren, setIncludeChildren] = useState(true);
  const [filters, setFilters] = useState<Filters>({ q: '', status: '' });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [modal, setModal] = useState<{ kind: 'create' } | { kind: 'edit' | 'roles' | 'reset'; user: User } | null>(null);

  const query = {
    q: filters.q || undefined,
    departmentId: departmentId === ALL_DEPARTMENTS ? undefined : departmentId,
    includeChildren: departmentId === ALL_DEPARTMENTS ? undefined : String(includeChildren),
    status: filters.status || undefined,
    page,
    pageSize,
  };
  const list = useQuery({
    queryKey: [...keys.users, 'list', query],
    queryFn: () => get<{ data: User[]; total: number }>('/users', query),
    placeholderData: keepPreviousData,
  });

  const action = useMutation({
    mutationFn: ({ user, op }: { user: User; op: 'disable' | 'enable' | 'unlock' }) => post<User>(`/users/${encodeURIComponent(user.id)}/${op}`),
    onSuccess: async (u, { op }) => {
      const verb = op === 'disable' ? '停用' : op === 'enable' ? '启用' : '解锁';
      notifySuccess(`已${verb}用户“${u.displayName}”`);
      await qc.invalidateQueries({ queryKey: keys.users });
    },
  });

  const selectedDeptName = departmentId === ALL_DEPARTMENTS ? '全部部门' : (deptList.find((d) => d.id === departmentId)?.name ?? '');

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username', render: (v: string) => <span className="mono">{v}</span> },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '部门', dataIndex: 'departmentName', responsive: ['md'] },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: User['roles']) =>
        roles.length ? (
          <Space size={4} wrap>
            {roles.map((r) => (
              <StatusTag key={r.id} tone="blue">
                {r.name}
              </StatusTag>
            ))}
          </Space>
        ) : (
          <span className="muted">未分配</span>
        ),
    },
    { title: '手机号码', dataIndex: 'mobile', render: (_v, u) => <MobileCell user={u} canReveal={canReveal} />, responsive: ['lg'] },
    {
      title: '状态',
      dataIndex: 'status',
      render: (_v, u) => (
        <Space size={4} wrap>
          {u.status === 'active' ? <StatusTag tone="green">启用</StatusTag> : <StatusTag tone="grey">停用</StatusTag>}
          {u.locked && <StatusTag tone="red">已锁定</StatusTag>}
          {u.mustChangePassword && <StatusTag tone="orange">待改密</StatusTag>}
        </Space>
      ),
    },
    { title: '更新时间', dataIndex: 'updatedAt', render: (v: string) => formatInstant(v), responsive: ['xxl'] },
  ];
  if (canManage || canAssign || canUnlock) columns.push(
    {
      title: '操作',
      key: 'actions',
      fixed: 'right',
      render: (_v, u) => {
        const self = u.id === me.id;
        return (
          <Space size={0} wrap>
            {canManage && (
              <Button type="link" size="small" onClick={() => setModal({ kind: 'edit', user: u })}>
                编辑
              </Button>
            )}
            {canManage &&
              !self &&
              (u.status === 'active' ? (
                <Popconfirm
                  title={`停用用户“${u.displayName}”？`}
                  description="停用后该用户立即退出登录，且不能再登录。"
                  okText="停用"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => action.mutate({ user: u, op: 'disable' })}
                >
                  <Button type="link" size="small" danger>
                    停用
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="link" size="small" onClick={() => action.mutate({ user: u, op: 'enable' })}>
                  启用
                </Button>
              ))}
            {canAssign && !self && (
              <Button type="link" size="small" onClick={() => setModal({ kind: 'roles', user: u })}>
                分配角色
              </Button>
            )}
            {canUnlock && u.locked && (
              <Button type="link" size="small" onClick={() => action.mutate({ user: u, op: 'unlock' })}>
                解锁
              </Button>
            )}
            {canUnlock && !self && (
              <Button type="link" size="small" onClick={() => setModal({ kind: 'reset', user: u })}>
                重置密码
              </Button>
            )}
          </Space>
        );
      },
    },
  );

  return (
    <>
      <PageHeader
        title="用户管理"
        description="用户按部门组织；手机号码脱敏显示。系统管理员维护账户，安全管理员分配角色、解锁和重置密码。"
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal({ kind: 'create' })}>
              新建用户
            </Button>
          )
        }
      />
      <div className="split">
        <Card title={<h2 className="section-title">部门</h2>} size="small">
          <Checkbox checked={includeChildren} onChange={(e) => (setIncludeChildren(e.target.checked), setPage(1))} style={{ marginBottom: 8 }}>
            含下级部门
          </Checkbox>
          {departments.isPending ? null : (
            <Tree
              treeData={tree}
              defaultExpandedKeys={[ALL_DEPARTMENTS, ...deptList.filter((d) => !d.parentId).map((d) => d.id)]}
              selectedKeys={[departmentId]}
              onSelect={(k) => {
                if (!k[0]) return;
                setDepartmentId(String(k[0]));
                setPage(1);
              }}
              aria-label="按部门筛选用户"
            />
          )}
        </Card>
        <Card title={<h2 className="section-title">{selectedDeptName}的用户</h2>}>
          <Form
            form={filterForm}
            name="userFilter"
            layout="inline"
            className="filter-bar"
            initialValues={{ q: '', status: '' }}
            onFinish={(v) => {
              setFilters({ q: (v.q ?? '').trim(), status: v.status ?? '' });
              setPage(1);
            }}
          >
            <Form.Item label="关键词" name="q">
              <Input placeholder="用户名或姓名" allowClear style={{ width: 200 }} maxLength={60} />
            </Form.Item>
            <Form.Item label="状态" name="status">
              <Select
                style={{ width: 120 }}
                options={[
                  { value: '', label: '全部' },
                  { value: 'active', label: '启用' },
                  { value: 'disabled', label: '停用' },
                ]}
              />
            </Form.Item>
            <Form.Item>
              <Space>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  查询
                </Button>
                <Button
                  onClick={() => {
                    filterForm.resetFields();
                    setFilters({ q: '', status: '' });
                    setPage(1);
                  }}
                >
                  重置
                </Button>
              </Space>
            </Form.Item>
          </Form>
          <ErrorAlert error={list.error} quiet />
          <Table<User>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.data ?? []}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (t) => `共 ${t} 人`,
              onChange: (p, s) => {
                setPage(p);
                setPageSize(s);
              },
            }}
          />
        </Card>
      </div>
      {modal?.kind === 'create' && (
        <UserFormModal departments={deptList} defaultDepartmentId={departmentId === ALL_DEPARTMENTS ? undefined : departmentId} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'edit' && <UserFormModal user={modal.user} departments={deptList} onClose={() => setModal(null)} />}
      {modal?.kind === 'roles' && <RolesModal user={modal.user} onClose={() => setModal(null)} />}
      {modal?.kind === 'reset' && <ResetPasswordModal user={modal.user} onClose={() => setModal(null)} />}
    </>
  );
}
