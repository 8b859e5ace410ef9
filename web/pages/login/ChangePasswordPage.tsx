import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorText } from '../../app/api';
import { useCurrentUser, useMe, useSession } from '../../app/auth';
import { announce, notifySuccess } from '../../app/notify';
import { SYSTEM_NAME } from '../../app/routes';
import { LargeTextSwitch } from '../../components/LargeTextSwitch';
import { PageHeader } from '../../components/PageHeader';
import { applyServerErrors, passwordPolicyRule, PasswordPolicyHint } from '../../components/forms';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

function ChangePasswordForm({ forced, onDone }: { forced: boolean; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { changePassword } = useSession();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const newPassword = Form.useWatch('newPassword', form);

  const onFinish = async (v: Values) => {
    setError(null);
    setSaving(true);
    try {
      await changePassword(v.oldPassword, v.newPassword);
      notifySuccess('密码已修改');
      form.resetFields();
      onDone();
    } catch (e) {
      const text = errorText(e);
      applyServerErrors(form, e);
      setError(text);
      announce(text, 'assertive');
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <Form form={form} name={forced ? 'forcedPassword' : 'changePassword'} layout="vertical" onFinish={onFinish} style={{ maxWidth: 460 }}>
        <Form.Item label={forced ? '当前密码（初始密码）' : '原密码'} name="oldPassword" rules={[{ required: true, message: '请输入原密码' }]}>
          <Input.Password autoComplete="current-password" autoFocus={forced} />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          required
          rules={[
            passwordPolicyRule,
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value === getFieldValue('oldPassword')) throw new Error('新密码不能与原密码相同');
              },
            }),
          ]}
          extra={<PasswordPolicyHint value={newPassword} />}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_r, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {forced ? '修改密码并进入系统' : '保存新密码'}
        </Button>
      </Form>
    </>
  );
}

/** 修改密码 inside the workbench (header link). */
export function ChangePasswordPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title="修改密码" description="修改后请使用新密码登录。密码不会以任何形式显示或记录。" />
      <Card>
        <ChangePasswordForm forced={false} onDone={() => navigate('/')} />
      </Card>
    </>
  );
}

/** 强制修改密码: first login with an initial or reset password; no other page is reachable until done. */
export function ForcedChangePasswordPage() {
  const { data } = useMe();
  const me = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  return (
    <div className="login-page">
      <a href="#main-content" className="skip-link">
        跳到主要内容
      </a>
      <div className="login-brand">
        <span className="brand-mark" aria-hidden="true">
          法
        </span>
        <span>{SYSTEM_NAME}</span>
        <span style={{ fontSize: '0.72em', fontWeight: 400, marginLeft: 16 }}>
          <LargeTextSwitch />
        </span>
      </div>
      <main id="main-content" tabIndex={-1} style={{ width: '100%', maxWidth: 560 }}>
        <Card>
          <h1 style={{ fontSize: '1.6em', marginTop: 0 }}>修改初始密码</h1>
          <Alert
            type="warning"
            showIcon
            role="note"
            style={{ marginBottom: 16 }}
            title={me.passwordExpired ? `${me.displayName}（${me.username}），您的密码已超过规定的使用期限（口令须定期更换），须先修改密码才能使用系统。` : `${me.displayName}（${me.username}），您正在使用初始密码或管理员重置的密码，须先修改密码才能使用系统。`}
          />
          <ChangePasswordForm forced onDone={() => navigate('/', { replace: true })} />
          <p style={{ marginTop: 16, marginBottom: 0 }}>
            <Button type="link" style={{ paddingInline: 0 }} onClick={() => void logout()}>
              退出登录
            </Button>
          </p>
        </Card>
        {!data?.mustChangePassword && (
          <p className="muted" style={{ marginTop: 12 }}>
            您的密码无须修改，可直接
            <Button type="link" onClick={() => navigate('/', { replace: true })}>
              进入工作台
            </Button>
          </p>
        )}
      </main>
    </div>
  );
}
