/** Modals of the user administration page: create / edit, role assignment (三员分立), password reset. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Input, Modal, TreeSelect } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { UserCreateBody, type Department, type Role, type User } from '../../../common/contracts';
import { DATA_SCOPE_LABELS, DUTY_LABELS } from '../../../common/permissions';
import { isValidMobile, normalizeMobile } from '../../../common/validators/mobile';
import { patch, post, put } from '../../app/api';
import { notifyError, notifySuccess } from '../../app/notify';
import { buildDepartmentTree } from '../../components/departments';
import { applyServerErrors, passwordPolicyRule, PasswordPolicyHint, zodRule } from '../../components/forms';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { keys, useRoles } from '../../components/queries';

const mobileRule = {
  validator: async (_r: unknown, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (!isValidMobile(normalizeMobile(String(value)))) throw new Error('手机号码格式不正确（11 位，以 1 开头）');
  },
};

interface UserFormValues {
  username: string;
  displayName: string;
  departmentId: string;
  mobile?: string;
  password: string;
  confirm: string;
}

export function UserFormModal({
  user,
  departments,
  defaultDepartmentId,
  onClose,
}: {
  /** absent: create */
  user?: User;
  departments: Department[];
  defaultDepartmentId?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<UserFormValues>();
  const qc = useQueryClient();
  const editing = !!user;
  const treeData = useMemo(() => buildDepartmentTree(departments), [departments]);
  const password = Form.useWatch('password', form);

  useEffect(() => {
    if (user) form.setFieldsValue({ displayName: user.displayName, departmentId: user.departmentId });
    else if (defaultDepartmentId) form.setFieldsValue({ departmentId: defaultDepartmentId });
  }, [form, user, defaultDepartmentId]);

  const save = useMutation({
    mutationFn: (v: UserFormValues) => {
      const mobile = v.mobile ? normalizeMobile(v.mobile) : undefined;
      if (!user) {
        return post<User>('/users', { username: v.username.trim(), displayName: v.displayName.trim(), departmentId: v.departmentId, mobile: mobile ?? null, password: v.password });
      }
      return patch<User>(`/users/${encodeURIComponent(user.id)}`, {
        displayName: v.displayName.trim(),
        departmentId: v.departmentId,
        ...(mobile ? { mobile } : {}),
        version: user.version,
      });
    },
    meta: { silent: true },
    onSuccess: async (u) => {
      notifySuccess(editing ? `已保存用户“${u.displayName}”` : `已新建用户“${u.displayName}”，首次登录须修改密码`);
      await qc.invalidateQueries({ queryKey: keys.users });
      await qc.invalidateQueries({ queryKey: keys.departments });
      onClose();
    },
    onError: async (e) => {
      if (!applyServerErrors(form, e)) notifyError(e);
      await qc.invalidateQueries({ queryKey: keys.users });
    },
  });

  return (
    <Modal
      open
      title={editing ? `编辑用户：${user.displayName}（${user.username}）` : '新建用户'}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} testId="user-form-error" />
      <Form form={form} name="user" layout="vertical" onFinish={(v) => save.mutate(v)}>
        {!editing && (
          <Form.Item label="用户名" name="username" required rules={[zodRule(UserCreateBody.shape.username)]} extra="3–32 位小写字母、数字、点、下划线或连字符，以字母开头；创建后不可修改">
            <Input autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={32} />
          </Form.Item>
        )}
        <Form.Item label="姓名" name="displayName" required rules={[zodRule(UserCreateBody.shape.displayName)]}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item label="部门" name="departmentId" required rules={[zodRule(UserCreateBody.shape.departmentId)]}>
          <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="请选择部门" />
        </Form.Item>
        <Form.Item
          label="手机号码"
          name="mobile"
          rules={[mobileRule]}
          extra={editing ? `当前：${user.mobile ?? '未登记'}。不修改请留空；手机号码加密存储。` : '选填；手机号码加密存储，列表中脱敏显示'}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={16} />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item label="初始密码" name="password" required rules={[passwordPolicyRule]} extra={<PasswordPolicyHint value={password} />}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="确认初始密码"
              name="confirm"
              dependencies={['password']}
              rules={[
                { required: true, message: '请再次输入初始密码' },
                ({ getFieldValue }) => ({
                  validator: async (_r, v: string) => {
                    if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Alert type="info" showIcon role="note" title="新用户首次登录须修改初始密码；角色由安全管理员分配。" />
          </>
        )}
      </Form>
    </Modal>
  );
}

export function RolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { data: roles, isPending } = useRoles();
  const qc = useQueryClient();
  const [selected, setSelected] = useState<string[]>(() => user.roles.map((r) => r.id));
  const byId = useMemo(() => new Map((roles ?? []).map((r) => [r.id, r])), [roles]);
  const chosen = selected.map((id) => byId.get(id)).filter((r): r is Role => !!r);
  const chosenDuty = chosen.find((r) => r.duty);
  const hasBusiness = chosen.some((r) => !r.duty);
  const adminRoles = (roles ?? []).filter((r) => r.duty);
  const businessRoles = (roles ?? []).filter((r) => !r.duty);

  const save = useMutation({
    mutationFn: () => put<User>(`/users/${encodeURIComponent(user.id)}/roles`, { roleIds: selected }),
    meta: { silent: true },
    onSuccess: async (u) => {
      notifySuccess(`已为“${u.displayName}”分配角色：${u.roles.map((r) => r.name).join('、') || '无'}`);
      await qc.invalidateQueries({ queryKey: keys.users });
      await qc.invalidateQueries({ queryKey: keys.roles });
      onClose();
    },
  });

  const toggle = (id: string, on: boolean) => setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const disabledReason = (r: Role): string | null => {
    if (selected.includes(r.id)) return null;
    if (chosenDuty) return `已选“${chosenDuty.name}”，三员分立：不能再兼任其他角色`;
    if (r.duty && hasBusiness) return '已选业务角色，管理员角色不能与业务角色兼任';
    return null;
  };
  const renderRole = (r: Role) => {
    const reason = disabledReason(r);
    return (
      <div key={r.id} className="role-option">
        <Checkbox checked={selected.includes(r.id)} disabled={!!reason} onChange={(e) => toggle(r.id, e.target.checked)}>
          <strong>{r.name}</strong>
          {r.duty && <span>（{DUTY_LABELS[r.duty]}职责）</span>}
          <span className="muted"> · 数据范围：{DATA_SCOPE_LABELS[r.dataScope]}</span>
        </Checkbox>
        {r.description && <div className="role-option-desc muted">{r.description}</div>}
        {reason && <div className="role-option-desc role-option-reason">不可选：{reason}</div>}
      </div>
    );
  };

  return (
    <Modal
      open
      title={`分配角色：${user.displayName}（${user.username}）`}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => save.mutate()}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        role="note"
        style={{ marginBottom: 16 }}
        title="三员分立"
        description="按等保 2.0 三级要求，系统管理员、安全管理员、审计管理员三种管理职责相互分离：一个账户只能承担其中一种管理职责，且不能同时拥有业务角色。三员均不能查看案件内容。"
      />
      <ErrorAlert error={save.error} testId="roles-error" />
      {isPending ? (
        <PageSpin />
      ) : (
        <>
          <fieldset className="role-group">
            <legend>管理员角色（三员，只能选一个）</legend>
            {adminRoles.map(renderRole)}
          </fieldset>
          <fieldset className="role-group">
            <legend>业务角色（可多选）</legend>
            {businessRoles.length ? businessRoles.map(renderRole) : <p className="muted">暂无业务角色</p>}
          </fieldset>
        </>
      )}
    </Modal>
  );
}

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const qc = useQueryClient();
  const password = Form.useWatch('password', form);
  const save = useMutation({
    mutationFn: (v: { password: string }) => post<User>(`/users/${encodeURIComponent(user.id)}/reset-password`, { password: v.password }),
    meta: { silent: true },
    onSuccess: async (u) => {
      notifySuccess(`已重置“${u.displayName}”的密码，其下次登录须修改密码`);
      await qc.invalidateQueries({ queryKey: keys.users });
      onClose();
    },
    onError: (e) => applyServerErrors(form, e),
  });
  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置密码"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Alert type="warning" showIcon role="note" style={{ marginBottom: 16 }} title="重置后该用户的现有会话立即结束，并解除锁定；用户下次登录须修改密码。请通过安全渠道告知新密码。" />
      <ErrorAlert error={save.error} />
      <Form form={form} name="resetPassword" layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="新密码" name="password" required rules={[passwordPolicyRule]} extra={<PasswordPolicyHint value={password} />}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_r, v: string) => {
                if (v && v !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
