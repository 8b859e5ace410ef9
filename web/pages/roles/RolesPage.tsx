/**
 * 角色管理 (安全管理员): roles with their data scope and permissions, grouped by administrator duty
 * (三员分立: a role holds at most one duty's permissions and never mixes a duty with business permissions).
 */
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Table, Tooltip, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { z } from 'zod';
import { RoleCreateBody, type Role } from '../../../common/contracts';
import { DATA_SCOPE_LABELS, DUTY_LABELS, dutyOf, isNeutralPermission, PERMISSIONS, type DataScope, type Duty } from '../../../common/permissions';
import { del, patch, post } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { applyServerErrors, zodRule } from '../../components/forms';
import { keys, usePermissionCatalogue, useRoles, type PermissionEntry } from '../../components/queries';

type GroupKey = Duty | 'neutral' | 'business';
const GROUP_LABELS: Record<GroupKey, string> = {
  system: `${DUTY_LABELS.system}职责`,
  security: `${DUTY_LABELS.security}职责`,
  audit: `${DUTY_LABELS.audit}职责`,
  neutral: '通用（各管理员均可持有）',
  business: '业务权限',
};
const GROUP_ORDER: GroupKey[] = ['system', 'security', 'audit', 'neutral', 'business'];

function groupOf(code: string): GroupKey {
  if (isNeutralPermission(code)) return 'neutral';
  return dutyOf(code) ?? 'business';
}

const permissionName = (code: string) => (PERMISSIONS as Record<string, string>)[code] ?? code;

/** Why a permission set would be refused (三员分立), or null. */
export function dutyConflict(perms: string[]): string | null {
  const groups = new Set(perms.map(groupOf).filter((g) => g !== 'neutral'));
  const duties = [...groups].filter((g): g is Duty => g !== 'business');
  if (duties.length > 1) return `不能同时包含${duties.map((d) => DUTY_LABELS[d]).join('、')}的权限（三员分立）`;
  if (duties.length === 1 && groups.has('business')) return `${DUTY_LABELS[duties[0]!]}职责的权限不能与业务权限放在同一角色中（三员分立）`;
  return null;
}

function PermissionPicker({
  catalogue,
  value = [],
  onChange,
  disabled,
}: {
  catalogue: PermissionEntry[];
  value?: string[];
  onChange?: (v: string[]) => void;
  disabled?: boolean;
}) {
  const grouped = GROUP_ORDER.map((g) => ({ key: g, items: catalogue.filter((p) => groupOf(p.code) === g) })).filter((g) => g.items.length);
  const toggle = (code: string, on: boolean) => onChange?.(on ? [...value, code] : value.filter((c) => c !== code));
  return (
    <div>
      {grouped.map((g) => (
        <fieldset key={g.key} className="role-group">
          <legend>{GROUP_LABELS[g.key]}</legend>
          {g.items.map((p) => (
            <div key={p.code} className="role-option">
              <Checkbox checked={value.includes(p.code)} disabled={disabled} onChange={(e) => toggle(p.code, e.target.checked)}>
                {p.name} <span className="mono muted">{p.code}</span>
              </Checkbox>
            </div>
          ))}
        </fieldset>
      ))}
    </div>
  );
}

type FormValues = z.input<typeof RoleCreateBody>;

function RoleModal({ role, catalogue, onClose }: { role?: Role; catalogue: PermissionEntry[]; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const permissions = Form.useWatch('permissions', form) ?? [];
  const conflict = dutyConflict(permissions);
  const fixed = !!role?.builtin && !!role.duty;

  useEffect(() => {
    if (role) form.setFieldsValue({ code: role.code, name: role.name, description: role.description, dataScope: role.dataScope, permissions: role.permissions });
    else form.setFieldsValue({ dataScope: 'own', permissions: [], description: '' });
  }, [form, role]);

  const save = useMutation({
    mutationFn: (v: FormValues) => {
      const body = { name: v.name.trim(), description: (v.description ?? '').trim(), dataScope: v.dataScope, ...(fixed ? {} : { permissions: v.permissions }) };
      return role ? patch<Role>(`/roles/${encodeURIComponent(role.id)}`, body) : post<Role>('/roles', { ...body, code: v.code.trim(), permissions: v.permissions });
    },
    meta: { silent: true },
    onSuccess: async (r) => {
      notifySuccess(role ? `已保存角色“${r.name}”` : `已新建角色“${r.name}”`);
      await qc.invalidateQueries({ queryKey: keys.roles });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });

  return (
    <Modal
      open
      title={role ? `编辑角色：${role.name}` : '新建角色'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} testId="role-form-error" />
      <Form form={form} name="role" layout="vertical" onFinish={(v) => save.mutate(v)}>
        {!role && (
          <Form.Item label="角色编码" name="code" required rules={[zodRule(RoleCreateBody.shape.code)]} extra="英文编码，创建后不可修改，例如 reconsideration.handler">
            <Input maxLength={41} autoCapitalize="off" spellCheck={false} />
          </Form.Item>
        )}
        <Form.Item label="角色名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入角色名称' }, { max: 40, message: '角色名称不超过 40 字' }]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="说明" name="description" rules={[{ max: 200, message: '说明不超过 200 字' }]}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item label="数据范围" name="dataScope" rules={[{ required: true, message: '请选择数据范围' }]} extra="持有该角色的用户能看到哪些部门的数据">
          <Select options={(Object.keys(DATA_SCOPE_LABELS) as DataScope[]).map((k) => ({ value: k, label: DATA_SCOPE_LABELS[k] }))} />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          role="note"
          style={{ marginBottom: 12 }}
          title="三员分立"
          description="系统管理员、安全管理员、审计管理员的权限分属三种职责：一个角色只能包含其中一种职责的权限，且不能与业务权限混用；“通用”权限可与任何职责搭配。"
        />
        {fixed && <Alert type="warning" showIcon role="note" style={{ marginBottom: 12 }} title="这是三员内置角色，其权限固定，不能修改；可修改名称、说明和数据范围。" />}
        {conflict && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={conflict} data-testid="duty-conflict" />}
        <Form.Item
          name="permissions"
          rules={[
            {
              validator: async (_r, v: string[] | undefined) => {
                const c = dutyConflict(v ?? []);
                if (c) throw new Error(c);
              },
            },
          ]}
        >
          <PermissionPicker catalogue={catalogue} disabled={fixed} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RolesPage() {
  const roles = useRoles();
  const catalogue = usePermissionCatalogue();
  const qc = useQueryClient();
  const [editing, setEditing] = useState<{ role?: Role } | null>(null);

  const remove = useMutation({
    mutationFn: (r: Role) => del(`/roles/${encodeURIComponent(r.id)}`),
    onSuccess: async (_x, r) => {
      notifySuccess(`已删除角色“${r.name}”`);
      await qc.invalidateQueries({ queryKey: keys.roles });
    },
  });

  const columns: TableColumnsType<Role> = useMemo(
    () => [
      { title: '角色名称', dataIndex: 'name', render: (v: string, r) => (r.builtin ? <Space size={4}>{v}<StatusTag tone="grey">内置</StatusTag></Space> : v) },
      { title: '编码', dataIndex: 'code', render: (v: string) => <span className="mono">{v}</span>, responsive: ['md'] },
      { title: '类别', dataIndex: 'duty', render: (d: Duty | null) => (d ? <StatusTag tone="purple">{DUTY_LABELS[d]}</StatusTag> : <StatusTag tone="blue">业务角色</StatusTag>) },
      { title: '数据范围', dataIndex: 'dataScope', render: (s: DataScope) => DATA_SCOPE_LABELS[s] },
      { title: '权限', dataIndex: 'permissions', render: (p: string[]) => `${p.length} 项` },
      { title: '用户数', dataIndex: 'userCount' },
      {
        title: '操作',
        key: 'actions',
        render: (_v, r) => {
          const blocked = r.builtin ? '内置角色不能删除' : r.userCount > 0 ? `仍有 ${r.userCount} 个用户在用，不能删除` : null;
          return (
            <Space size={0} wrap>
              <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing({ role: r })}>
                编辑
              </Button>
              {blocked ? (
                <Tooltip title={blocked}>
                  <Button type="link" size="small" danger disabled icon={<DeleteOutlined />} aria-label={`删除（${blocked}）`}>
                    删除
                  </Button>
                </Tooltip>
              ) : (
                <Popconfirm title={`删除角色“${r.name}”？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(r)}>
                  <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                    删除
                  </Button>
                </Popconfirm>
              )}
            </Space>
          );
        },
      },
    ],
    [remove, setEditing],
  );

  return (
    <>
      <PageHeader
        title="角色管理"
        description="角色决定用户能做什么（权限）和能看到哪些数据（数据范围）。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})} disabled={!catalogue.data}>
            新建角色
          </Button>
        }
      />
      <Card>
        <ErrorAlert error={roles.error ?? catalogue.error} quiet />
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles.data ?? []}
          loading={roles.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (r) => (
              <div>
                {GROUP_ORDER.map((g) => {
                  const items = r.permissions.filter((p) => groupOf(p) === g);
                  if (!items.length) return null;
                  return (
                    <p key={g} style={{ margin: '4px 0' }}>
                      <strong>{GROUP_LABELS[g]}：</strong>
                      {items.map(permissionName).join('、')}
                    </p>
                  );
                })}
                {!r.permissions.length && <p className="muted">未包含任何权限</p>}
                {r.description && <p className="muted" style={{ margin: '4px 0' }}>说明：{r.description}</p>}
              </div>
            ),
          }}
        />
      </Card>
      {editing && catalogue.data && <RoleModal role={editing.role} catalogue={catalogue.data} onClose={() => setEditing(null)} />}
    </>
  );
}
