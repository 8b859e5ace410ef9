/**
 * The public portal (no login): header 西城区司法局 · 公共服务, navigation from the route table, footer.
 * Works from 320 px phones up; never calls an authenticated endpoint.
 */
import { Suspense, useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { PageSpin } from '../components/PageSpin';
import { PORTAL_NAME, routesOf } from './routes';
import { LargeTextSwitch } from '../components/LargeTextSwitch';

export function PortalLayout() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  // the current page's link in view (on a phone the navigation scrolls sideways)
  useEffect(() => {
    document.querySelector('.portal-nav a.active')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [location.pathname]);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);
  const nav = routesOf('portal').filter((r) => r.menu);
  return (
    <div className="portal">
      <a href="#main-content" className="skip-link">
        跳到主要内容
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <NavLink to="/portal" end className="portal-brand">
            <span className="brand-mark" aria-hidden="true">
              法
            </span>
            <span>{PORTAL_NAME}</span>
          </NavLink>
          <nav aria-label="公共服务导航" className="portal-nav">
            <ul>
              {nav.map((r) => (
                <li key={r.path}>
                  <NavLink to={r.path} end>
                    {r.menu}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LargeTextSwitch />
        </div>
      </header>
      <main id="main-content" tabIndex={-1} ref={mainRef} className="portal-main">
        <Suspense fallback={<PageSpin />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <p>北京市西城区司法局 · 公共法律服务热线 12348</p>
        <p>本网站提供的计算结果仅供参考，具体期限以法律文书和有关机关的认定为准。</p>
      </footer>
    </div>
  );
}
