/**
 * THE route table: path, page title / menu name, icon, required permission and component.
 * The side menu (staff) and the top navigation (portal) are derived from it.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  CalculatorOutlined,
  FileSearchOutlined,
  ReadOutlined,
  FormOutlined,
  CalendarOutlined,
  DesktopOutlined,
  HomeOutlined,
  LoginOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  BarChartOutlined,
  BankOutlined,
  CommentOutlined,
  ProfileOutlined,
  FileAddOutlined,
} from '@ant-design/icons';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import type { Permission } from '../../common/permissions';

/**
 * - `staff`: inside the workbench shell, signed in;
 * - `bare`: full-page staff pages outside the shell (login, forced password change);
 * - `portal`: the public portal, no login.
 */
export type RouteArea = 'staff' | 'bare' | 'portal';

export interface AppRoute {
  path: string;
  /** page title (document.title and the page heading) */
  title: string;
  /** menu name; routes without one are not in the menu */
  menu?: string;
  /** menu group heading */
  group?: string;
  icon?: ReactNode;
  /** all listed permissions are required */
  permission?: Permission | readonly Permission[];
  area: RouteArea;
  /** for `bare` routes: 'none' (login) or 'session' (signed in, password change pending is fine) */
  guard?: 'none' | 'session';
  /** menu entry to highlight for a route that is not in the menu itself */
  menuParent?: string;
  component: LazyExoticComponent<ComponentType>;
}

/** Lazy page from a module's named export. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

export const SYSTEM_NAME = '法治 · 西城区司法局业务平台';
export const PORTAL_NAME = '西城区司法局 · 公共服务';

export const ROUTES: AppRoute[] = [
  // ---- staff workbench ----
  { path: '/', title: '工作台', menu: '工作台', icon: <HomeOutlined />, area: 'staff', component: page(() => import('../pages/home/HomePage'), 'HomePage') },
  {
    path: '/departments',
    title: '部门管理',
    menu: '部门管理',
    group: '系统管理',
    icon: <ApartmentOutlined />,
    permission: 'system.department.manage',
    area: 'staff',
    component: page(() => import('../pages/departments/DepartmentsPage'), 'DepartmentsPage'),
  },
  {
    path: '/users',
    title: '用户管理',
    menu: '用户管理',
    group: '系统管理',
    icon: <TeamOutlined />,
    permission: 'directory.user.read',
    area: 'staff',
    component: page(() => import('../pages/users/UsersPage'), 'UsersPage'),
  },
  {
    path: '/roles',
    title: '角色管理',
    menu: '角色管理',
    group: '系统管理',
    icon: <SafetyCertificateOutlined />,
    permission: 'security.role.manage',
    area: 'staff',
    component: page(() => import('../pages/roles/RolesPage'), 'RolesPage'),
  },
  {
    path: '/calendar',
    title: '节假日管理',
    menu: '节假日管理',
    group: '系统管理',
    icon: <CalendarOutlined />,
    permission: 'system.calendar.manage',
    area: 'staff',
    component: page(() => import('../pages/calendar/CalendarPage'), 'CalendarPage'),
  },
  {
    path: '/calendar/:year',
    title: '编辑节假日安排',
    permission: 'system.calendar.manage',
    area: 'staff',
    menuParent: '/calendar',
    component: page(() => import('../pages/calendar/CalendarYearPage'), 'CalendarYearPage'),
  },
  {
    path: '/audit/logs',
    title: '审计日志',
    menu: '审计日志',
    group: '安全审计',
    icon: <AuditOutlined />,
    permission: 'audit.log.read',
    area: 'staff',
    component: page(() => import('../pages/audit/AuditLogPage'), 'AuditLogPage'),
  },
  {
    path: '/audit/login-logs',
    title: '登录日志',
    menu: '登录日志',
    group: '安全审计',
    icon: <LoginOutlined />,
    permission: 'security.loginLog.read',
    area: 'staff',
    component: page(() => import('../pages/audit/LoginLogPage'), 'LoginLogPage'),
  },
  {
    path: '/audit/sessions',
    title: '在线用户',
    menu: '在线用户',
    group: '安全审计',
    icon: <DesktopOutlined />,
    permission: 'security.session.manage',
    area: 'staff',
    component: page(() => import('../pages/audit/SessionsPage'), 'SessionsPage'),
  },
  {
    path: '/reconsideration/cases',
    title: '案件台账',
    menu: '案件台账',
    group: '行政复议',
    icon: <ProfileOutlined />,
    permission: 'reconsideration.case.read',
    area: 'staff',
    component: page(() => import('../pages/reconsideration/CaseListPage'), 'CaseListPage'),
  },
  {
    path: '/reconsideration/cases/new',
    title: '登记申请',
    menu: '登记申请',
    group: '行政复议',
    icon: <FileAddOutlined />,
    permission: ['reconsideration.case.read', 'reconsideration.case.register'],
    area: 'staff',
    component: page(() => import('../pages/reconsideration/CaseIntakePage'), 'CaseIntakePage'),
  },
  {
    path: '/reconsideration/cases/:id',
    title: '案件详情',
    permission: 'reconsideration.case.read',
    area: 'staff',
    menuParent: '/reconsideration/cases',
    component: page(() => import('../pages/reconsideration/CaseDetailPage'), 'CaseDetailPage'),
  },
  {
    path: '/reconsideration/consultations',
    title: '咨询接待',
    menu: '咨询接待',
    group: '行政复议',
    icon: <CommentOutlined />,
    permission: 'reconsideration.consultation.read',
    area: 'staff',
    component: page(() => import('../pages/consultations/ConsultationsPage'), 'ConsultationsPage'),
  },
  {
    path: '/reconsideration/stats',
    title: '行政复议统计',
    menu: '统计分析',
    group: '行政复议',
    icon: <BarChartOutlined />,
    permission: 'reconsideration.stats.read',
    area: 'staff',
    component: page(() => import('../pages/reconsideration-stats/ReconStatsPage'), 'ReconStatsPage'),
  },
  {
    path: '/reconsideration/search',
    title: '相似案例检索',
    menu: '相似案例检索',
    group: '行政复议',
    icon: <FileSearchOutlined />,
    permission: 'reconsideration.case.read',
    area: 'staff',
    component: page(() => import('../pages/reconsideration-search/ReconSearchPage'), 'ReconSearchPage'),
  },
  {
    path: '/reconsideration/reasoning-templates',
    title: '说理模板',
    menu: '说理模板',
    group: '行政复议',
    icon: <ReadOutlined />,
    permission: 'reconsideration.case.read',
    area: 'staff',
    component: page(() => import('../pages/reconsideration-search/ReasoningTemplatesPage'), 'ReasoningTemplatesPage'),
  },
  {
    path: '/litigation',
    title: '行政应诉',
    menu: '行政应诉',
    group: '行政应诉',
    icon: <BankOutlined />,
    permission: 'litigation.case.read',
    area: 'staff',
    component: page(() => import('../pages/litigation/LitigationListPage'), 'LitigationListPage'),
  },
  {
    path: '/litigation/:id',
    title: '行政应诉案件',
    permission: 'litigation.case.read',
    area: 'staff',
    menuParent: '/litigation',
    component: page(() => import('../pages/litigation/LitigationDetailPage'), 'LitigationDetailPage'),
  },
  { path: '/password', title: '修改密码', area: 'staff', component: page(() => import('../pages/login/ChangePasswordPage'), 'ChangePasswordPage') },

  // ---- outside the shell ----
  { path: '/login', title: '登录', area: 'bare', guard: 'none', component: page(() => import('../pages/login/LoginPage'), 'LoginPage') },
  {
    path: '/password/required',
    title: '修改初始密码',
    area: 'bare',
    guard: 'session',
    component: page(() => import('../pages/login/ChangePasswordPage'), 'ForcedChangePasswordPage'),
  },

  // ---- public portal ----
  { path: '/portal', title: '首页', menu: '首页', icon: <HomeOutlined />, area: 'portal', component: page(() => import('../pages/portal/PortalHomePage'), 'PortalHomePage') },
  {
    path: '/portal/calculator',
    title: '期限计算器',
    menu: '期限计算器',
    icon: <CalculatorOutlined />,
    area: 'portal',
    component: page(() => import('../pages/portal/CalculatorPage'), 'CalculatorPage'),
  },
  {
    path: '/portal/reconsideration/apply',
    title: '网上申请行政复议',
    menu: '申请行政复议',
    icon: <FormOutlined />,
    area: 'portal',
    component: page(() => import('../pages/portal/ReconApplyPage'), 'ReconApplyPage'),
  },
  {
    path: '/portal/reconsideration/progress',
    title: '行政复议办理进度查询',
    menu: '办理进度查询',
    icon: <FileSearchOutlined />,
    area: 'portal',
    component: page(() => import('../pages/portal/ReconProgressPage'), 'ReconProgressPage'),
  },
];

export const routesOf = (area: RouteArea) => ROUTES.filter((r) => r.area === area);
