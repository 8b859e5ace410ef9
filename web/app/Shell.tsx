/**
 * The staff workbench shell: header (system name, user, department, 大字模式, 修改密码, 退出),
 * side menu derived from the route table and filtered by the user's permissions, main content.
 */
import { LockOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { matchPath, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { hasPermissions, useCurrentUser, useSession } from './auth';
import { ROUTES, SYSTEM_NAME, type AppRoute } from './routes';
import { LargeTextSwitch } from '../components/LargeTextSwitch';
import { PageSpin } from '../components/PageSpin';

const { Header, Sider, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number];

export function menuItems(routes: AppRoute[], permissions: readonly string[]): MenuItem[] {
  const visible = routes.filter((r) => r.area === 'staff' && r.menu && hasPermissions({ permissions: [...permissions] }, r.permission));
  const items: MenuItem[] = [];
  const groups = new Map<string, MenuItem[]>();
  for (const r of visible) {
    const item: MenuItem = { key: r.path, icon: r.icon, label: r.menu };
    if (!r.group) items.push(item);
    else {
      if (!groups.has(r.group)) groups.set(r.group, []);
      groups.get(r.group)!.push(item);
    }
  }
  for (const [label, children] of groups) items.push({ type: 'group', key: `group:${label}`, label, children });
  return items;
}

/** The menu key for the current location (a detail route highlights its parent entry). */
export function activeMenuKey(pathname: string): string | undefined {
  for (const r of ROUTES) {
    if (r.area !== 'staff') continue;
    if (matchPath({ path: r.path, end: true }, pathname)) return r.menu ? r.path : r.menuParent;
  }
  return undefined;
}

export function Shell() {
  const me = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const narrow = screens.lg === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  const items = useMemo(() => menuItems(ROUTES, me.permissions), [me.permissions]);
  const selected = activeMenuKey(location.pathname);

  // After in-app navigation, move focus to the new page so that keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setDrawerOpen(false);
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const menu = (
    <nav aria-label="主菜单">
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected] : []}
        onClick={({ key }) => navigate(String(key))}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );

  return (
    <Layout className="shell">
      <a href="#main-content" className="skip-link">
        跳到主要内容
      </a>
      <Header className="shell-header">
        {narrow && (
          <Button
            type="text"
            className="header-button"
            icon={<MenuOutlined />}
            aria-label="打开菜单"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            法
          </span>
          <span className="brand-name">{SYSTEM_NAME}</span>
        </div>
        <div className="header-right">
          <span className="header-user" data-testid="current-user">
            <span className="header-user-name">{me.displayName}</span>
            <span className="header-user-dept">{me.departmentName}</span>
          </span>
          <LargeTextSwitch />
          <Button type="text" className="header-button" icon={<LockOutlined />} onClick={() => navigate('/password')}>
            修改密码
          </Button>
          <Button type="text" className="header-button" icon={<LogoutOutlined />} onClick={() => void logout()}>
            退出
          </Button>
        </div>
      </Header>
      <Layout>
        {!narrow && (
          <Sider width={220} className="shell-sider">
            {menu}
          </Sider>
        )}
        {narrow && (
          <Drawer title="菜单" placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} size={260}>
            {menu}
          </Drawer>
        )}
        <Content className="shell-content">
          <main id="main-content" tabIndex={-1} ref={mainRef} className="main">
            <Suspense fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
