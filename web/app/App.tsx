import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { isApiError, isSessionError } from './api';
import { FullPageSpin, hasPermissions, RequireAuth, RequireSession, SessionWatcher, useMe } from './auth';
import { ErrorBoundary } from './ErrorBoundary';
import { ForbiddenPage, NotFoundPage } from './ErrorPages';
import { LiveRegions, MessageBridge, notifyError } from './notify';
import { PortalLayout } from './PortalLayout';
import { PORTAL_NAME, ROUTES, SYSTEM_NAME, type AppRoute } from './routes';
import { Shell } from './Shell';
import { ThemeRoot } from './theme';

function createQueryClient() {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.meta?.silent || isSessionError(error)) return;
        notifyError(error);
      },
    }),
    mutationCache: new MutationCache({
      // A mutation with its own onError shows its errors itself (at the form's fields, or as a toast of its own):
      // the global toast would say the same thing a second time.
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.silent || mutation.options.onError || isSessionError(error)) return;
        notifyError(error);
      },
    }),
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 10_000,
        retry: (count, error) => !(isApiError(error) && error.status > 0 && error.status < 500) && count < 2,
      },
    },
  });
}

export function pageTitle(route: Pick<AppRoute, 'title' | 'area'>): string {
  return `${route.title} - ${route.area === 'portal' ? PORTAL_NAME : SYSTEM_NAME}`;
}

/** One routed page: its title, its permission check, lazy loading. */
function RoutePage({ route }: { route: AppRoute }) {
  return route.area === 'staff' ? <StaffRoutePage route={route} /> : <PageBody route={route} allowed />;
}

/** Staff pages check the route's permission against the signed-in user (loaded by <RequireAuth>). */
function StaffRoutePage({ route }: { route: AppRoute }) {
  const { data: me } = useMe();
  return <PageBody route={route} allowed={hasPermissions(me, route.permission)} />;
}

function PageBody({ route, allowed }: { route: AppRoute; allowed: boolean }) {
  useEffect(() => {
    document.title = allowed ? pageTitle(route) : pageTitle({ title: '无权访问', area: route.area });
  }, [route, allowed]);
  if (!allowed) return <ForbiddenPage />;
  const Component = route.component;
  return (
    <ErrorBoundary>
      <Suspense fallback={<FullPageSpin />}>
        <Component />
      </Suspense>
    </ErrorBoundary>
  );
}

function TitledNotFound({ area }: { area: 'staff' | 'portal' }) {
  useEffect(() => {
    document.title = pageTitle({ title: '页面不存在', area });
  }, [area]);
  return <NotFoundPage portal={area === 'portal'} />;
}

function TitledForbidden() {
  useEffect(() => {
    document.title = pageTitle({ title: '无权访问', area: 'staff' });
  }, []);
  return <ForbiddenPage />;
}

export function AppRoutes() {
  const staff = ROUTES.filter((r) => r.area === 'staff');
  const bare = ROUTES.filter((r) => r.area === 'bare');
  const portal = ROUTES.filter((r) => r.area === 'portal');
  return (
    <Routes>
      <Route path="/portal" element={<PortalLayout />}>
        {portal.map((r) => (
          <Route key={r.path} path={r.path} element={<RoutePage route={r} />} />
        ))}
        <Route path="*" element={<TitledNotFound area="portal" />} />
      </Route>
      {bare.map((r) => (
        <Route
          key={r.path}
          path={r.path}
          element={
            r.guard === 'session' ? (
              <RequireSession>
                <RoutePage route={r} />
              </RequireSession>
            ) : (
              <RoutePage route={r} />
            )
          }
        />
      ))}
      <Route
        element={
          <RequireAuth>
            <Shell />
          </RequireAuth>
        }
      >
        {staff.map((r) => (
          <Route key={r.path} path={r.path} element={<RoutePage route={r} />} />
        ))}
        <Route path="/403" element={<TitledForbidden />} />
        <Route path="/index.html" element={<Navigate to="/" replace />} />
        <Route path="*" element={<TitledNotFound area="staff" />} />
      </Route>
    </Routes>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeRoot>
        <LiveRegions />
        <MessageBridge />
        <BrowserRouter>
          <SessionWatcher />
          <AppRoutes />
        </BrowserRouter>
      </ThemeRoot>
    </QueryClientProvider>
  );
}
