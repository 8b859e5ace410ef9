import { randomUUID } from 'node:crypto';
import type { Permission } from '../../../common/permissions';
import type { Db } from '../types';

/** Built-in roles. The three administrator roles (三员) are disjoint and hold no business permission. */
export const BUILTIN_ROLES: { code: string; name: string; description: string; dataScope: string; duty: string | null; permissions: Permission[] }[] = [
  {
    code: 'sysadmin',
    name: '系统管理员',
    description: '三员之一：管理组织机构、用户账户和节假日安排；不能分配角色，不能查看业务数据和审计日志',
    dataScope: 'all',
    duty: 'system',
    permissions: ['directory.user.read', 'system.department.manage', 'system.user.manage', 'system.calendar.manage'],
  },
  {
    code: 'secadmin',
    name: '安全管理员',
    description: '三员之一：管理角色权限、为用户分配角色、解锁账户、查看登录日志和在线用户；不能查看业务数据',
    dataScope: 'all',
    duty: 'security',
    permissions: ['directory.user.read', 'security.role.manage', 'security.userRole.assign', 'security.user.unlock', 'security.loginLog.read', 'security.session.manage'],
  },
  {
    code: 'auditadmin',
    name: '审计管理员',
    description: '三员之一：查看和校验审计日志；不能修改任何数据，不能查看业务数据',
    dataScope: 'all',
    duty: 'audit',
    permissions: ['directory.user.read', 'audit.log.read', 'audit.log.verify'],
  },
  {
    code: 'leader',
    name: '局领导',
    description: '查看全局业务数据、期限待办和领导驾驶舱',
    dataScope: 'all',
    duty: null,
    permissions: ['deadline.read', 'person.read', 'dashboard.read', 'reconsideration.case.read', 'reconsideration.case.approve', 'reconsideration.consultation.read', 'reconsideration.stats.read', 'litigation.case.read', 'enforcement.inspection.read', 'enforcement.detection.read'],
  },
  {
    code: 'sectionHead',
    name: '科室负责人',
    description: '本科室及下级的业务数据；可查看完整个人信息（留痕）',
    dataScope: 'departmentTree',
    duty: null,
    permissions: ['deadline.read', 'person.read', 'person.create', 'personal.viewFull', 'reconsideration.case.read', 'reconsideration.case.register', 'reconsideration.case.handle', 'reconsideration.case.assign', 'reconsideration.case.approve', 'reconsideration.template.manage', 'reconsideration.consultation.read', 'reconsideration.consultation.manage', 'reconsideration.stats.read', 'litigation.case.read', 'litigation.case.manage', 'enforcement.inspection.read', 'enforcement.inspection.import', 'enforcement.detection.read', 'enforcement.detection.configure'],
  },
  {
    code: 'handler',
    name: '承办人',
    description: '本人承办的事项',
    dataScope: 'own',
    duty: null,
    permissions: ['deadline.read', 'person.read', 'person.create', 'reconsideration.case.read', 'reconsideration.case.register', 'reconsideration.case.handle', 'reconsideration.consultation.read', 'reconsideration.consultation.manage', 'reconsideration.stats.read', 'litigation.case.read', 'litigation.case.manage'],
  },
  {
    code: 'officeStaff',
    name: '司法所工作人员',
    description: '本司法所的事项',
    dataScope: 'department',
    duty: null,
    permissions: ['deadline.read', 'person.read', 'person.create'],
  },
];

// 合法性审查: permissions of the built-in business roles, and the drafting units' liaison role (appended, not rewritten).
for (const [code, perms] of Object.entries({
  leader: ['legalityReview.draft.read'],
  sectionHead: ['legalityReview.draft.read', 'legalityReview.draft.submit', 'legalityReview.draft.review', 'legalityReview.draft.manage', 'legalityReview.comment.manage', 'legalityReview.adviser.manage'],
  handler: ['legalityReview.draft.read', 'legalityReview.draft.review', 'legalityReview.comment.manage', 'legalityReview.adviser.manage'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);
// 合法性审查 review engine (analyze, law lookup; the section head also maintains the law corpus).
for (const [code, perms] of Object.entries({
  leader: ['legalityReview.analyze'],
  sectionHead: ['legalityReview.analyze', 'legalityReview.law.manage'],
  handler: ['legalityReview.analyze'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);
BUILTIN_ROLES.push({
  code: 'draftingUnit',
  name: '起草单位联络员',
  description: '起草单位登记送审稿、提交送审材料，查看本人登记的送审稿及审查意见',
  dataScope: 'own',
  duty: null,
  permissions: ['legalityReview.draft.read', 'legalityReview.draft.submit'],
});

// 行政执法监督: supervision workflow, registers and analysis; the agencies' liaison role (appended, not rewritten).
for (const [code, perms] of Object.entries({
  leader: ['enforcement.supervision.read', 'enforcement.order.read', 'enforcement.register.read', 'enforcement.analysis.read'],
  sectionHead: ['enforcement.supervision.read', 'enforcement.supervision.manage', 'enforcement.order.read', 'enforcement.register.read', 'enforcement.register.manage', 'enforcement.analysis.read'],
  // 司法所 assist the supervision body (《行政执法监督条例》第六条): read-only, within their street (modules/enforcement/scope.ts)
  officeStaff: ['enforcement.detection.read', 'enforcement.supervision.read', 'enforcement.order.read', 'enforcement.register.read', 'enforcement.analysis.read'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);
BUILTIN_ROLES.push({
  code: 'agencyLiaison',
  name: '执法单位联络员',
  description: '行政执法单位的联络员：查看本单位的督办单、检测预警和检查分析，报送整改报告（按联络单位限定数据范围）',
  dataScope: 'own',
  duty: null,
  permissions: ['enforcement.order.read', 'enforcement.rectification.submit', 'enforcement.detection.read', 'enforcement.analysis.read'],
});

// 公共法律服务: legal aid, consultations, service points; the centre's staff role (appended, not rewritten).
for (const [code, perms] of Object.entries({
  leader: ['legalService.aid.read', 'legalService.aid.objection', 'legalService.hotline.read', 'legalService.point.read'],
  sectionHead: ['legalService.aid.read', 'legalService.aid.handle', 'legalService.hotline.read', 'legalService.hotline.manage', 'legalService.point.read', 'legalService.point.manage', 'legalService.inspection.manage'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);
BUILTIN_ROLES.push({
  code: 'legalServiceStaff',
  name: '公共法律服务工作人员',
  description: '法律援助中心、公共法律服务中心工作人员：12348 热线与咨询、法律援助申请受理与办理（本部门）',
  dataScope: 'department',
  duty: null,
  permissions: ['deadline.read', 'person.read', 'person.create', 'legalService.aid.read', 'legalService.aid.handle', 'legalService.hotline.read', 'legalService.hotline.manage', 'legalService.point.read'],
});
// 公共法律服务 (issue 6): enterprise services, institution registers and approvals, hotline quality review.
for (const [code, perms] of Object.entries({
  leader: ['legalService.enterprise.read', 'legalService.register.read'],
  sectionHead: ['legalService.enterprise.read', 'legalService.enterprise.manage', 'legalService.register.read', 'legalService.register.manage', 'legalService.hotline.review'],
  legalServiceStaff: ['legalService.enterprise.read', 'legalService.enterprise.manage', 'legalService.register.read'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);

// 矛盾纠纷排查化解、人民调解、社区矫正: the 司法所 handle their street's disputes, mediation and corrections; the bureau
// leader reads everything and oversees correction records; the grassroots sections (人民参与和促进法治科, 社区矫正管理科)
// work district-wide (appended, not rewritten).
for (const [code, perms] of Object.entries({
  leader: ['dispute.read', 'mediation.read', 'corrections.subject.read', 'corrections.subject.oversee'],
  officeStaff: ['dispute.read', 'dispute.manage', 'mediation.read', 'mediation.manage', 'corrections.subject.read', 'corrections.subject.manage'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);
BUILTIN_ROLES.push({
  code: 'grassrootsSupervisor',
  name: '基层工作科室人员',
  description: '人民参与和促进法治科、社区矫正管理科：全区矛盾纠纷、人民调解的登记与督办，社区矫正档案的区级监督（查阅逐次留痕）与责任人指定',
  dataScope: 'all',
  duty: null,
  permissions: ['deadline.read', 'person.read', 'person.create', 'dispute.read', 'dispute.manage', 'mediation.read', 'mediation.manage', 'corrections.subject.read', 'corrections.subject.manage', 'corrections.subject.oversee'],
});

// 领导驾驶舱 and 法治政府建设年度报告: the report is district-wide, so it is drafted by roles of data scope all — the
// bureau leader, who also signs it off, and the 依法治区 staff (ruleOfLawStaff, below); section heads and the 基层
// supervisors see the dashboard within their own data scope (appended, not rewritten; never the three administrators).
for (const [code, perms] of Object.entries({
  leader: ['annualReport.read', 'annualReport.edit', 'annualReport.signOff'],
  sectionHead: ['dashboard.read'],
  grassrootsSupervisor: ['dashboard.read'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);

// 法治建设工作记录: the bureau leader reads everything; section heads and 司法所 staff record their own unit's training,
// study, 述法, inspections and 普法 work; the 依法治区 staff (人民参与和促进法治科) run it district-wide, including the
// assessment scheme and scores (appended, not rewritten).
for (const [code, perms] of Object.entries({
  leader: ['ruleOfLaw.read'],
  sectionHead: ['ruleOfLaw.read', 'ruleOfLaw.manage'],
  officeStaff: ['ruleOfLaw.read', 'ruleOfLaw.manage'],
} satisfies Record<string, Permission[]>)) BUILTIN_ROLES.find((r) => r.code === code)?.permissions.push(...perms);
BUILTIN_ROLES.push({
  code: 'ruleOfLawStaff',
  name: '依法治区工作人员',
  description: '人民参与和促进法治科（依法治区办公室）：全区法治培训、学法述法、法治督察与整改验收、考核评价、普法工作的登记与统计',
  dataScope: 'all',
  duty: null,
  // the 依法治区办 drafts the annual 法治政府建设 report (the leader signs it off) and reads the dashboard it draws on
  permissions: ['deadline.read', 'ruleOfLaw.read', 'ruleOfLaw.manage', 'ruleOfLaw.assess', 'dashboard.read', 'annualReport.read', 'annualReport.edit'],
});

export const ROOT_DEPARTMENT_CODE = 'XCSFJ';

/** Root department and built-in roles; idempotent. Runs on every start so new built-in permissions reach old databases. */
export async function ensureBootstrap(db: Db, nowIso: string): Promise<{ rootId: string }> {
  let root = await db.selectFrom('departments').select(['id']).where('code', '=', ROOT_DEPARTMENT_CODE).executeTakeFirst();
  if (!root) {
    const id = randomUUID();
    await db.insertInto('departments').values({ id, parentId: null, name: '北京市西城区司法局', kind: 'bureau', code: ROOT_DEPARTMENT_CODE, path: `/${id}/`, sort: 0, createdAt: nowIso, updatedAt: nowIso }).execute();
    root = { id };
  }
  for (const r of BUILTIN_ROLES) {
    let row = await db.selectFrom('roles').select(['id']).where('code', '=', r.code).executeTakeFirst();
    if (!row) {
      const id = randomUUID();
      await db.insertInto('roles').values({ id, code: r.code, name: r.name, description: r.description, builtin: 1, dataScope: r.dataScope, duty: r.duty, createdAt: nowIso, updatedAt: nowIso }).execute();
      row = { id };
    }
    // The duty roles are fixed by the platform; keep their permission sets exact.
    if (r.duty) await db.deleteFrom('rolePermissions').where('roleId', '=', row.id).execute();
    const have = new Set((await db.selectFrom('rolePermissions').select('permission').where('roleId', '=', row.id).execute()).map((p) => p.permission));
    const missing = r.permissions.filter((p) => !have.has(p));
    if (missing.length) await db.insertInto('rolePermissions').values(missing.map((permission) => ({ roleId: row.id, permission }))).execute();
  }
  return { rootId: root.id };
}
