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
    permissions: ['deadline.read', 'person.read', 'dashboard.read', 'reconsideration.case.read', 'reconsideration.case.approve', 'reconsideration.consultation.read', 'reconsideration.stats.read', 'litigation.case.read'],
  },
  {
    code: 'sectionHead',
    name: '科室负责人',
    description: '本科室及下级的业务数据；可查看完整个人信息（留痕）',
    dataScope: 'departmentTree',
    duty: null,
    permissions: ['deadline.read', 'person.read', 'person.create', 'personal.viewFull', 'reconsideration.case.read', 'reconsideration.case.register', 'reconsideration.case.handle', 'reconsideration.case.assign', 'reconsideration.case.approve', 'reconsideration.template.manage', 'reconsideration.consultation.read', 'reconsideration.consultation.manage', 'reconsideration.stats.read', 'litigation.case.read', 'litigation.case.manage'],
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
