import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { Link, matchPath, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { z } from 'zod';
import type { DemoAccountsResponse, Me } from '../../../common/contracts';
import { api, errorText, isApiError } from '../../app/api';
import { FORCED_PASSWORD_PATH, hasPermissions, ME_KEY, safeNext, useSession } from '../../app/auth';
import { announce } from '../../app/notify';
import { LargeTextSwitch } from '../../components/LargeTextSwitch';
import { ROUTES, SYSTEM_NAME } from '../../app/routes';

/** Where to go after signing in: the requested page if this user may open it, else the workbench. */
function destinationFor(user: Me, next: string | null): string {
  if (user.mustChangePassword) return FORCED_PASSWORD_PATH;
  const target = safeNext(next);
  const route = ROUTES.find((r) => r.area === 'staff' && matchPath({ path: r.path, end: true }, target.split('?')[0]!));
  return route && !hasPermissions(user, route.permission) ? '/' : target;
}

type DemoAccount = z.infer<typeof DemoAccountsResponse>['data'][number];

interface LoginValues {
  username: string;
  password: string;
}

/** null when the server is not in demo mode (the endpoint answers 404). */
async function fetchDemoAccounts(): Promise<DemoAccount[] | null> {
  try {
    const res = await api<{ data: DemoAccount[] }>('/demo/accounts', { quietSession: true });
    return res.data;
  } catch (e) {
    if (isApiError(e) && e.status === 404) return null;
    throw e;
  }
}

function DemoAccounts({ onPick }: { onPick: (username: string) => void }) {
  const { data } = useQuery({ queryKey: ['demo', 'accounts'], queryFn: fetchDemoAccounts, retry: false, staleTime: Infinity, meta: { silent: true } });
  if (!data || data.length === 0) return null;
  return (
    <Card>
      <h2 className="section-title" id="demo-accounts-title">
        演示账户
      </h2>
      <p className="muted">
        演示模式：点击账户即可填入用户名，再输入演示密码登录。所有演示账户共用一个密码（首次启动时打印在服务器控制台，或由环境变量 FAZHI_DEMO_PASSWORD 指定）。
      </p>
      <ul className="demo-accounts" aria-labelledby="demo-accounts-title">
        {data.map((a) => (
          <li key={a.username}>
            <Button className="demo-account" onClick={() => onPick(a.username)} aria-label={`使用演示账户 ${a.username}（${a.displayName}，${a.roles.join('、') || '无角色'}）`}>
              <span className="demo-name">
                {a.displayName} <span className="mono">{a.username}</span>
              </span>
              <span className="demo-meta">
                {a.roles.join('、') || '无角色'} · {a.department}
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  const { login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  // Already signed in in this tab (no probe: a signed-out visitor should not cause a 401).
  const cached = useQueryClient().getQueryData<Me | null>(ME_KEY);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const passwordRef = useRef<InputRef>(null);
  const expired = Boolean((location.state as { expired?: boolean } | null)?.expired);

  if (cached && !submitting) return <Navigate to={destinationFor(cached, params.get('next'))} replace />;

  const onFinish = async (v: LoginValues) => {
    setError(null);
    setSubmitting(true);
    try {
      const user = await login(v.username.trim(), v.password);
      announce('登录成功', 'polite');
      navigate(destinationFor(user, params.get('next')), { replace: true });
    } catch (e) {
      const text = errorText(e);
      setError(text);
      announce(text, 'assertive');
      form.setFieldValue('password', '');
      passwordRef.current?.focus();
    } finally {
      setSubmitting(false);
    }
  };

  const pick = (username: string) => {
    form.setFieldsValue({ username });
    setError(null);
    announce(`已填入用户名 ${username}，请输入密码`, 'polite');
    passwordRef.current?.focus();
  };

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
        {/* before signing in too: a reader who needs large text should not have to log in to get it */}
        <span style={{ fontSize: '0.72em', fontWeight: 400, marginLeft: 16 }}>
          <LargeTextSwitch />
        </span>
      </div>
      <main id="main-content" tabIndex={-1} className="login-grid">
        <Card>
          <h1>登录</h1>
          {expired && !error && <Alert type="warning" showIcon title="登录已过期或尚未登录，请重新登录。" style={{ marginBottom: 16 }} role="status" />}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form form={form} name="login" layout="vertical" onFinish={onFinish} requiredMark={false} size="large" scrollToFirstError={{ focus: true }}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined aria-hidden="true" />} autoComplete="username" autoCapitalize="off" spellCheck={false} autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined aria-hidden="true" />} autoComplete="current-password" ref={passwordRef} />
            </Form.Item>
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" block loading={submitting}>
                登录
              </Button>
            </Form.Item>
          </Form>
          <p className="muted" style={{ marginBottom: 0 }}>
            连续 5 次密码错误账户将被锁定 15 分钟。忘记密码请联系安全管理员重置。
          </p>
          <p style={{ marginBottom: 0, marginTop: 8 }}>
            <Link to="/portal">前往公共服务（期限计算器）</Link>
          </p>
        </Card>
        <DemoAccounts onPick={pick} />
      </main>
    </div>
  );
}
