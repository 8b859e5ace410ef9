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
  DashboardOutlined,
  AlertOutlined,
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
  // ---- 领导驾驶舱、法治政府建设年度报告 ----
  { path: '/dashboard', title: '领导驾驶舱', menu: '领导驾驶舱', group: '领导驾驶舱', icon: <DashboardOutlined />, permission: 'dashboard.read', area: 'staff', component: page(() => import('../pages/dashboard/DashboardPage'), 'DashboardPage') },
  { path: '/annual-reports', title: '法治政府建设年度报告', menu: '年度报告', group: '领导驾驶舱', icon: <ProfileOutlined />, permission: 'annualReport.read', area: 'staff', component: page(() => import('../pages/annual-report/AnnualReportPages'), 'AnnualReportListPage') },
  { path: '/annual-reports/:id', title: '法治政府建设年度报告', permission: 'annualReport.read', area: 'staff', menuParent: '/annual-reports', component: page(() => import('../pages/annual-report/AnnualReportPages'), 'AnnualReportDetailPage') },
  { path: '/dashboard/snapshots', title: '月度统计快照', menu: '月度统计快照', group: '领导驾驶舱', icon: <BarChartOutlined />, permission: 'annualReport.read', area: 'staff', component: page(() => import('../pages/annual-report/AnnualReportPages'), 'SnapshotsPage') },
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
  // 合法性审查
  { path: '/legality-review/drafts', title: '合法性审查', menu: '审查台账', group: '合法性审查', icon: <AuditOutlined />, permission: 'legalityReview.draft.read', area: 'staff', component: page(() => import('../pages/legality-review/DraftListPage'), 'DraftListPage') },
  { path: '/legality-review/drafts/:id', title: '送审稿详情', permission: 'legalityReview.draft.read', area: 'staff', menuParent: '/legality-review/drafts', component: page(() => import('../pages/legality-review/DraftDetailPage'), 'DraftDetailPage') },
  { path: '/legality-review/contact-points', title: '企业联系点', menu: '企业联系点', group: '合法性审查', icon: <TeamOutlined />, permission: 'legalityReview.draft.read', area: 'staff', component: page(() => import('../pages/legality-review/RegistersPages'), 'ContactPointsPage') },
  { path: '/legality-review/advisers', title: '法律顾问', menu: '法律顾问', group: '合法性审查', icon: <CommentOutlined />, permission: 'legalityReview.draft.read', area: 'staff', component: page(() => import('../pages/legality-review/RegistersPages'), 'AdvisersPage') },
  { path: '/legality-review/cleanups', title: '清理与后评估', menu: '清理与后评估', group: '合法性审查', icon: <ProfileOutlined />, permission: 'legalityReview.draft.read', area: 'staff', component: page(() => import('../pages/legality-review/RegistersPages'), 'CleanupPage') },
  // 行政执法监督
  { path: '/enforcement/dashboard', title: '执法监督驾驶舱', menu: '监督驾驶舱', group: '行政执法监督', icon: <DashboardOutlined />, permission: 'enforcement.analysis.read', area: 'staff', component: page(() => import('../pages/enforcement/DashboardPage'), 'EnforcementDashboardPage') },
  { path: '/enforcement/detections', title: '问题检查检测结果', menu: '检测预警', group: '行政执法监督', icon: <AlertOutlined />, permission: 'enforcement.detection.read', area: 'staff', component: page(() => import('../pages/enforcement/DetectionsPage'), 'DetectionsPage') },
  { path: '/enforcement/clues', title: '问题线索', menu: '问题线索', group: '行政执法监督', icon: <FileSearchOutlined />, permission: 'enforcement.supervision.read', area: 'staff', component: page(() => import('../pages/enforcement/SupervisionPages'), 'CluesPage') },
  { path: '/enforcement/orders', title: '督办单', menu: '督办单', group: '行政执法监督', icon: <ProfileOutlined />, permission: 'enforcement.order.read', area: 'staff', component: page(() => import('../pages/enforcement/SupervisionPages'), 'OrdersPage') },
  { path: '/enforcement/opinions', title: '执法监督意见书', menu: '监督意见书', group: '行政执法监督', icon: <AuditOutlined />, permission: 'enforcement.order.read', area: 'staff', component: page(() => import('../pages/enforcement/OpinionsPage'), 'OpinionsPage') },
  { path: '/enforcement/orders/:id', title: '督办单详情', permission: 'enforcement.order.read', area: 'staff', menuParent: '/enforcement/orders', component: page(() => import('../pages/enforcement/SupervisionPages'), 'OrderDetailPage') },
  { path: '/enforcement/analysis', title: '执法监督分析', menu: '分析统计', group: '行政执法监督', icon: <BarChartOutlined />, permission: 'enforcement.analysis.read', area: 'staff', component: page(() => import('../pages/enforcement/AnalysisPages'), 'AnalysisPage') },
  { path: '/enforcement/firms', title: '一企一档', menu: '一企一档', group: '行政执法监督', icon: <BankOutlined />, permission: 'enforcement.analysis.read', area: 'staff', component: page(() => import('../pages/enforcement/AnalysisPages'), 'FirmFilePage') },
  { path: '/enforcement/firms/:creditCode', title: '一企一档', permission: 'enforcement.analysis.read', area: 'staff', menuParent: '/enforcement/firms', component: page(() => import('../pages/enforcement/AnalysisPages'), 'FirmFilePage') },
  { path: '/enforcement/registers', title: '执法监督台账', menu: '执法台账', group: '行政执法监督', icon: <ReadOutlined />, permission: 'enforcement.register.read', area: 'staff', component: page(() => import('../pages/enforcement/RegistersPage'), 'RegistersPage') },
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

  // ---- 公共法律服务 ----
  { path: '/legal-services/aid', title: '法律援助申请', menu: '法律援助', group: '公共法律服务', icon: <ProfileOutlined />, permission: 'legalService.aid.read', area: 'staff', component: page(() => import('../pages/legal-services/AidPages'), 'AidListPage') },
  { path: '/legal-services/aid/new', title: '登记法律援助申请', permission: ['legalService.aid.read', 'legalService.aid.handle'], area: 'staff', menuParent: '/legal-services/aid', component: page(() => import('../pages/legal-services/AidPages'), 'AidIntakePage') },
  { path: '/legal-services/aid/:id', title: '法律援助申请详情', permission: 'legalService.aid.read', area: 'staff', menuParent: '/legal-services/aid', component: page(() => import('../pages/legal-services/AidPages'), 'AidDetailPage') },
  { path: '/legal-services/aid-stats', title: '法律援助统计', menu: '法律援助统计', group: '公共法律服务', icon: <BarChartOutlined />, permission: 'legalService.aid.read', area: 'staff', component: page(() => import('../pages/legal-services/AidPages'), 'AidStatsPage') },
  { path: '/legal-services/consultations', title: '12348 热线与咨询', menu: '12348 热线与咨询', group: '公共法律服务', icon: <CommentOutlined />, permission: 'legalService.hotline.read', area: 'staff', component: page(() => import('../pages/legal-services/HotlinePage'), 'HotlinePage') },
  { path: '/legal-services/coverage', title: '服务点与十五分钟服务圈', menu: '十五分钟服务圈', group: '公共法律服务', icon: <BankOutlined />, permission: 'legalService.point.read', area: 'staff', component: page(() => import('../pages/legal-services/CoveragePage'), 'CoveragePage') },
  { path: '/legal-services/quality', title: '12348 质检与知识库', menu: '12348 质检与知识库', group: '公共法律服务', icon: <CommentOutlined />, permission: 'legalService.hotline.read', area: 'staff', component: page(() => import('../pages/legal-services/HotlineQualityPage'), 'HotlineQualityPage') },
  { path: '/legal-services/enterprise', title: '企业法律服务', menu: '企业法律服务', group: '公共法律服务', icon: <TeamOutlined />, permission: 'legalService.enterprise.read', area: 'staff', component: page(() => import('../pages/legal-services/EnterprisePages'), 'EnterprisePage') },
  { path: '/legal-services/registers', title: '法律服务机构与行政审批', menu: '机构名录与行政审批', group: '公共法律服务', icon: <ProfileOutlined />, permission: 'legalService.register.read', area: 'staff', component: page(() => import('../pages/legal-services/RegistersPages'), 'RegistersPage') },
  // ---- 矛盾纠纷排查化解、人民调解、社区矫正 ----
  { path: '/disputes', title: '矛盾纠纷登记簿', menu: '矛盾纠纷登记簿', group: '矛盾纠纷与人民调解', icon: <AlertOutlined />, permission: 'dispute.read', area: 'staff', component: page(() => import('../pages/dispute/DisputePages'), 'DisputeListPage') },
  { path: '/disputes/stats', title: '矛盾纠纷与人民调解统计', menu: '纠纷与调解统计', group: '矛盾纠纷与人民调解', icon: <BarChartOutlined />, permission: 'dispute.read', area: 'staff', component: page(() => import('../pages/dispute/DisputePages'), 'DisputeStatsPage') },
  { path: '/disputes/:id', title: '纠纷详情', permission: 'dispute.read', area: 'staff', menuParent: '/disputes', component: page(() => import('../pages/dispute/DisputePages'), 'DisputeDetailPage') },
  { path: '/mediation', title: '人民调解', menu: '人民调解', group: '矛盾纠纷与人民调解', icon: <TeamOutlined />, permission: 'mediation.read', area: 'staff', component: page(() => import('../pages/dispute/MediationPages'), 'MediationListPage') },
  { path: '/mediation/:id', title: '调解案件详情', permission: 'mediation.read', area: 'staff', menuParent: '/mediation', component: page(() => import('../pages/dispute/MediationPages'), 'MediationDetailPage') },
  { path: '/corrections', title: '社区矫正对象', menu: '社区矫正', group: '社区矫正', icon: <SafetyCertificateOutlined />, permission: 'corrections.subject.read', area: 'staff', component: page(() => import('../pages/corrections/CorrectionsPages'), 'CorrectionsListPage') },
  { path: '/corrections/released', title: '安置帮教', menu: '安置帮教', group: '社区矫正', icon: <TeamOutlined />, permission: 'corrections.subject.read', area: 'staff', component: page(() => import('../pages/corrections/CorrectionsPages'), 'ReleasedPage') },
  { path: '/corrections/attention', title: '特殊时期重点名单', menu: '特殊时期重点名单', group: '社区矫正', icon: <AlertOutlined />, permission: ['corrections.subject.read', 'dispute.read'], area: 'staff', component: page(() => import('../pages/corrections/CorrectionsPages'), 'AttentionPage') },
  { path: '/corrections/stats', title: '社区矫正统计', menu: '社区矫正统计', group: '社区矫正', icon: <BarChartOutlined />, permission: 'corrections.subject.read', area: 'staff', component: page(() => import('../pages/corrections/CorrectionsPages'), 'CorrectionStatsPage') },
  { path: '/corrections/:id', title: '社区矫正档案', permission: 'corrections.subject.read', area: 'staff', menuParent: '/corrections', component: page(() => import('../pages/corrections/CorrectionsPages'), 'CorrectionDetailPage') },
  { path: '/legal-services/inspections', title: '双随机、一公开', menu: '双随机、一公开', group: '公共法律服务', icon: <AuditOutlined />, permission: 'legalService.point.read', area: 'staff', component: page(() => import('../pages/legal-services/InspectionsPages'), 'InspectionsPage') },
  // ---- 法治建设工作记录 ----
  { path: '/rule-of-law', title: '法治建设工作概览', menu: '工作概览', group: '法治建设', icon: <DashboardOutlined />, permission: 'ruleOfLaw.read', area: 'staff', component: page(() => import('../pages/rule-of-law/RuleOfLawPages'), 'RuleOfLawOverviewPage') },
  { path: '/rule-of-law/trainings', title: '法治培训', menu: '法治培训', group: '法治建设', icon: <ReadOutlined />, permission: 'ruleOfLaw.read', area: 'staff', component: page(() => import('../pages/rule-of-law/RuleOfLawPages'), 'TrainingsPage') },
  { path: '/rule-of-law/study', title: '领导干部学法', menu: '领导干部学法', group: '法治建设', icon: <ReadOutlined />, permission: 'ruleOfLaw.read', area: 'staff', component: page(() => import('../pages/rule-of-law/RuleOfLawPages'), 'StudyPage') },
  { path: '/rule-of-law/law-reportings', title: '述法', menu: '述法', group: '法治建设', icon: <ProfileOutlined />, permission: 'ruleOfLaw.read', area: 'staff', component: page(() => import('../pages/rule-of-law/RuleOfLawPages'), 'LawReportingsPage') },
  { path: '/rule-of-law/inspections', title: '法治督察与整改', menu: '法治督察与整改', group: '法治建设', icon: <AuditOutlined />, permission: 'ruleOfLaw.read', area: 'staff', component: page(() => import('../pages/rule-of-law/RuleOfLawPages'), 'InspectionsPage') },
  { path: '/rule-of-law/assessment', title: '法治建设考核评价', menu: '考核评价', group: '法治建设', icon: <BarChartOutlined />, permission: 'ruleOfLaw.read', area: 'staff', component: page(() => import('../pages/rule-of-law/RuleOfLawPages'), 'AssessmentPage') },
  { path: '/rule-of-law/publicity', title: '普法工作', menu: '普法工作', group: '法治建设', icon: <TeamOutlined />, permission: 'ruleOfLaw.read', area: 'staff', component: page(() => import('../pages/rule-of-law/RuleOfLawPages'), 'PublicityPage') },
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
  { path: '/portal/legal-services/nearest', title: '查找最近的服务点', menu: '找服务点', icon: <BankOutlined />, area: 'portal', component: page(() => import('../pages/legal-services/PortalNearestPage'), 'PortalNearestPage') },
  { path: '/portal/legal-services/inspections', title: '双随机抽查结果公开', menu: '抽查公开', icon: <AuditOutlined />, area: 'portal', component: page(() => import('../pages/legal-services/InspectionsPages'), 'PortalInspectionsPage') },
  { path: '/portal/legality-review', title: '草案公开征求意见', menu: '征求意见', icon: <CommentOutlined />, area: 'portal', component: page(() => import('../pages/legality-review/PortalCommentPages'), 'PortalDraftListPage') },
  { path: '/portal/legality-review/drafts/:id', title: '草案征求意见', area: 'portal', component: page(() => import('../pages/legality-review/PortalCommentPages'), 'PortalDraftCommentPage') },
];

export const routesOf = (area: RouteArea) => ROUTES.filter((r) => r.area === area);
