/**
 * The signed-in user (GET /auth/me, which also hands back the CSRF token after a page reload),
 * login / logout, permission checks and the route guards.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useCallback, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { LoginResult, Me } from '../../common/contracts';
import type { Permission } from '../../common/permissions';
import { api, isApiError, onSessionEvent, post, setCsrfToken } from './api';

export const ME_KEY = ['auth', 'me'] as const;
export const LOGIN_PATH = '/login';
export const FORCED_PASSWORD_PATH = '/password/required';

interface MeResponse {
  user: Me;
  csrfToken: string;
}

async function fetchMe(): Promise<Me | null> {
  try {
    const res = await api<MeResponse>('/auth/me', { quietSession: true });
    setCsrfToken(res.csrfToken);
    return res.user;
  } catch (e) {
    if (isApiError(e) && e.code === 'UNAUTHENTICATED') {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The current user: undefined while loading, null when signed out. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1, meta: { silent: true } });
}

/** The current user, for components rendered behind <RequireAuth>. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser() outside <RequireAuth>');
  return data;
}

export function hasPermissions(me: Pick<Me, 'permissions'> | null | undefined, required: Permission | readonly Permission[] | undefined): boolean {
  if (!required) return true;
  if (!me) return false;
  const list = typeof required === 'string' ? [required] : required;
  return list.every((p) => me.permissions.includes(p));
}

export function useCan() {
  const { data } = useMe();
  return useCallback((p: Permission | readonly Permission[]) => hasPermissions(data, p), [data]);
}

export function useSession() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const login = useCallback(
    async (username: string, password: string) => {
      const res = await api<LoginResult>('/auth/login', { method: 'POST', body: { username, password }, quietSession: true });
      setCsrfToken(res.csrfToken);
      qc.clear();
      qc.setQueryData(ME_KEY, res.user);
      return res.user;
    },
    [qc],
  );
  const logout = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST', quietSession: true });
    } catch {
      /* the session may already be gone; signing out locally is what matters */
    }
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(ME_KEY, null);
    navigate(LOGIN_PATH, { replace: true });
  }, [qc, navigate]);
  const changePassword = useCallback(
    async (oldPassword: string, newPassword: string) => {
      await post('/auth/password', { oldPassword, newPassword });
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
    [qc],
  );
  return { login, logout, changePassword };
}

/** Redirects on the session events the fetch wrapper broadcasts (expired session, forced password change). */
export function SessionWatcher() {
  const navigate = useNavigate();
  const location = useLocation();
  const qc = useQueryClient();
  useEffect(
    () =>
      onSessionEvent((e) => {
        if (location.pathname.startsWith('/portal')) return;
        if (e === 'unauthenticated') {
          setCsrfToken(null);
          qc.setQueryData(ME_KEY, null);
          if (location.pathname !== LOGIN_PATH) {
            navigate(`${LOGIN_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true, state: { expired: true } });
          }
        } else if (location.pathname !== FORCED_PASSWORD_PATH) {
          void qc.invalidateQueries({ queryKey: ME_KEY });
          navigate(FORCED_PASSWORD_PATH, { replace: true });
        }
      }),
    [navigate, location, qc],
  );
  return null;
}

export function FullPageSpin() {
  return (
    <div className="full-page-center" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="visually-hidden">正在加载…</span>
    </div>
  );
}

function SessionProbeError({ error }: { error: unknown }) {
  return (
    <div className="full-page-center" role="alert">
      <p>无法获取登录状态：{isApiError(error) ? error.message : '请稍后刷新页面重试'}</p>
    </div>
  );
}

/** Signed in and not waiting for a forced password change. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <FullPageSpin />;
  if (error) return <SessionProbeError error={error} />;
  if (!data) return <Navigate to={`${LOGIN_PATH}?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (data.mustChangePassword) return <Navigate to={FORCED_PASSWORD_PATH} replace />;
  return <>{children}</>;
}

/** Signed in (a pending forced password change is fine). */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending, error } = useMe();
  if (isPending) return <FullPageSpin />;
  if (error) return <SessionProbeError error={error} />;
  if (!data) return <Navigate to={LOGIN_PATH} replace />;
  return <>{children}</>;
}

/** Only a safe in-app path is accepted as a post-login destination. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login') || next.startsWith('/password/required')) return '/';
  return next;
}
