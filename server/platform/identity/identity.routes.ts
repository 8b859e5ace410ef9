import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangePasswordBody,
  DemoAccountsResponse,
  DepartmentCreateBody,
  DepartmentSchema,
  DepartmentUpdateBody,
  LoginBody,
  LoginLogSchema,
  OnlineSessionSchema,
  LoginResponse,
  MeSchema,
  OkSchema,
  PermissionCatalogue,
  ResetPasswordBody,
  RoleCreateBody,
  RoleSchema,
  RoleUpdateBody,
  UserCreateBody,
  UserListQuery,
  UserRolesBody,
  UserSchema,
  UserUpdateBody,
  listOf,
} from '../../../common/contracts';
import { PERMISSIONS, type Permission, dutyOf } from '../../../common/permissions';
import { SESSION_COOKIE, actorOf, meta } from '../../http/auth';
import { responses } from '../../http/schemas';
import type { Db } from '../../db';
import type { Actor } from './actor';
import type { AdminService } from './admin.service';
import type { AuthService } from './auth.service';

export function toMe(a: Actor, demo: boolean): z.infer<typeof MeSchema> {
  return {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    departmentId: a.departmentId,
    departmentName: a.departmentName,
    roles: a.roles.map((r) => ({ code: r.code, name: r.name })),
    permissions: [...a.permissions].sort(),
    dataScope: a.dataScope,
    mustChangePassword: a.mustChangePassword,
    passwordExpired: a.passwordExpired ?? false,
    demo: demo && a.isDemo,
  };
}

const IdParams = z.object({ id: z.string().min(1).max(64) });

export function identityRoutes(deps: {
  auth: AuthService;
  admin: AdminService;
  db: Db;
  demo: boolean;
  cookieSecure: boolean;
  loginRateLimit: { max: number; timeWindow: string };
}) {
  const { auth, admin, db } = deps;
  return async function plugin(app: FastifyInstance) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const cookieOpts = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: deps.cookieSecure };

    r.post('/api/v1/auth/login', {
      config: { public: true, rateLimit: deps.loginRateLimit },
      schema: { tags: ['认证'], summary: '登录', body: LoginBody, response: responses(LoginResponse) },
      handler: async (req, reply) => {
        const { token, csrfToken, actor } = await auth.login(req.body.username, req.body.password, meta(req));
        reply.setCookie(SESSION_COOKIE, token, cookieOpts);
        return { csrfToken, user: toMe(actor, deps.demo) };
      },
    });

    r.post('/api/v1/auth/logout', {
      config: { duringPasswordChange: true },
      schema: { tags: ['认证'], summary: '退出登录', response: responses(OkSchema) },
      handler: async (req, reply) => {
        await auth.logout(req.cookies[SESSION_COOKIE]!, meta(req));
        reply.clearCookie(SESSION_COOKIE, cookieOpts);
        return { ok: true as const };
      },
    });

    r.get('/api/v1/auth/me', {
      config: { duringPasswordChange: true },
      schema: { tags: ['认证'], summary: '当前用户与 CSRF 令牌', response: responses(z.object({ user: MeSchema, csrfToken: z.string() })) },
      handler: async (req) => ({ user: toMe(actorOf(req), deps.demo), csrfToken: req.csrfToken! }),
    });

    r.post('/api/v1/auth/password', {
      config: { duringPasswordChange: true, rateLimit: deps.loginRateLimit },
      schema: { tags: ['认证'], summary: '修改本人密码', body: ChangePasswordBody, response: responses(OkSchema) },
      handler: async (req) => {
        await auth.changePassword(actorOf(req), req.body.oldPassword, req.body.newPassword, meta(req));
        return { ok: true as const };
      },
    });

    if (deps.demo) {
      r.get('/api/v1/demo/accounts', {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: { tags: ['演示'], summary: '演示账户列表（仅演示模式；不含密码）', response: responses(DemoAccountsResponse) },
        handler: async () => {
          const rows = await db
            .selectFrom('users')
            .innerJoin('departments', 'departments.id', 'users.departmentId')
            .select(['users.id', 'users.username', 'users.displayName', 'departments.name as department'])
            .where('users.isDemo', '=', 1)
            .where('users.status', '=', 'active')
            .orderBy('users.username')
            .execute();
          const roles = await db.selectFrom('userRoles').innerJoin('roles', 'roles.id', 'userRoles.roleId').select(['userRoles.userId', 'roles.name']).execute();
          return { data: rows.map((u) => ({ username: u.username, displayName: u.displayName, department: u.department, roles: roles.filter((x) => x.userId === u.id).map((x) => x.name) })) };
        },
      });
    }

    r.get('/api/v1/permissions', {
      config: { permission: 'security.role.manage' },
      schema: { tags: ['权限'], summary: '权限目录', response: responses(PermissionCatalogue) },
      handler: async () => ({ data: (Object.keys(PERMISSIONS) as Permission[]).map((code) => ({ code, name: PERMISSIONS[code], duty: dutyOf(code) })) }),
    });

    // Departments: readable by the system and security administrators (they place users), managed by the system administrator.
    r.get('/api/v1/departments', {
      config: {},
      schema: { tags: ['组织机构'], summary: '部门列表（树由 parentId 构成）', response: responses(z.object({ data: z.array(DepartmentSchema) })) },
      handler: async (req) => ({ data: await admin.listDepartments(actorOf(req)) }),
    });
    r.post('/api/v1/departments', {
      config: { permission: 'system.department.manage' },
      schema: { tags: ['组织机构'], summary: '新建部门', body: DepartmentCreateBody, response: responses(DepartmentSchema) },
      handler: async (req) => admin.createDepartment(actorOf(req), req.body, meta(req)),
    });
    r.patch('/api/v1/departments/:id', {
      config: { permission: 'system.department.manage' },
      schema: { tags: ['组织机构'], summary: '修改部门', params: IdParams, body: DepartmentUpdateBody, response: responses(DepartmentSchema) },
      handler: async (req) => admin.updateDepartment(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.delete('/api/v1/departments/:id', {
      config: { permission: 'system.department.manage' },
      schema: { tags: ['组织机构'], summary: '删除部门（须无下级部门和用户）', params: IdParams, response: responses(OkSchema) },
      handler: async (req) => {
        await admin.deleteDepartment(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    });

    const userRead: Permission[] = ['directory.user.read'];
    r.get('/api/v1/users', {
      config: { permission: userRead },
      schema: { tags: ['用户'], summary: '用户列表（按数据权限过滤）', querystring: UserListQuery, response: responses(listOf(UserSchema)) },
      handler: async (req) => admin.listUsers(actorOf(req), req.query),
    });
    r.get('/api/v1/users/:id', {
      config: { permission: userRead },
      schema: { tags: ['用户'], summary: '用户详情', params: IdParams, response: responses(UserSchema) },
      handler: async (req) => admin.getUser(actorOf(req), req.params.id),
    });
    r.post('/api/v1/users', {
      config: { permission: 'system.user.manage' },
      schema: { tags: ['用户'], summary: '新建用户（首次登录须改密码；角色由安全管理员分配）', body: UserCreateBody, response: responses(UserSchema) },
      handler: async (req) => admin.createUser(actorOf(req), req.body, meta(req)),
    });
    r.patch('/api/v1/users/:id', {
      config: { permission: 'system.user.manage' },
      schema: { tags: ['用户'], summary: '修改用户（乐观锁 version）', params: IdParams, body: UserUpdateBody, response: responses(UserSchema) },
      handler: async (req) => admin.updateUser(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.post('/api/v1/users/:id/disable', {
      config: { permission: 'system.user.manage' },
      schema: { tags: ['用户'], summary: '停用用户并结束其会话', params: IdParams, response: responses(UserSchema) },
      handler: async (req) => admin.setUserStatus(actorOf(req), req.params.id, 'disabled', meta(req)),
    });
    r.post('/api/v1/users/:id/enable', {
      config: { permission: 'system.user.manage' },
      schema: { tags: ['用户'], summary: '启用用户', params: IdParams, response: responses(UserSchema) },
      handler: async (req) => admin.setUserStatus(actorOf(req), req.params.id, 'active', meta(req)),
    });
    r.put('/api/v1/users/:id/roles', {
      config: { permission: ['security.userRole.assign', 'directory.user.read'] },
      schema: { tags: ['用户'], summary: '分配角色（三员分立）', params: IdParams, body: UserRolesBody, response: responses(UserSchema) },
      handler: async (req) => admin.setUserRoles(actorOf(req), req.params.id, req.body.roleIds, meta(req)),
    });
    r.post('/api/v1/users/:id/unlock', {
      config: { permission: ['security.user.unlock', 'directory.user.read'] },
      schema: { tags: ['用户'], summary: '解锁账户', params: IdParams, response: responses(UserSchema) },
      handler: async (req) => admin.unlockUser(actorOf(req), req.params.id, meta(req)),
    });
    r.post('/api/v1/users/:id/reset-password', {
      config: { permission: ['security.user.unlock', 'directory.user.read'] },
      schema: { tags: ['用户'], summary: '重置密码（用户下次登录须修改）', params: IdParams, body: ResetPasswordBody, response: responses(UserSchema) },
      handler: async (req) => admin.resetPassword(actorOf(req), req.params.id, req.body.password, meta(req)),
    });
    r.post('/api/v1/users/:id/reveal', {
      config: { permission: 'personal.viewFull' },
      schema: { tags: ['用户'], summary: '查看完整手机号（留痕）', params: IdParams, response: responses(z.object({ mobile: z.string().nullable() })) },
      handler: async (req) => admin.revealUserMobile(actorOf(req), req.params.id, meta(req)),
    });

    r.get('/api/v1/roles', {
      config: { permission: 'directory.user.read' },
      schema: { tags: ['角色'], summary: '角色列表', response: responses(z.object({ data: z.array(RoleSchema) })) },
      handler: async () => ({ data: await admin.listRoles() }),
    });
    r.post('/api/v1/roles', {
      config: { permission: 'security.role.manage' },
      schema: { tags: ['角色'], summary: '新建角色', body: RoleCreateBody, response: responses(RoleSchema) },
      handler: async (req) => admin.createRole(actorOf(req), req.body, meta(req)),
    });
    r.patch('/api/v1/roles/:id', {
      config: { permission: 'security.role.manage' },
      schema: { tags: ['角色'], summary: '修改角色', params: IdParams, body: RoleUpdateBody, response: responses(RoleSchema) },
      handler: async (req) => admin.updateRole(actorOf(req), req.params.id, req.body, meta(req)),
    });
    r.delete('/api/v1/roles/:id', {
      config: { permission: 'security.role.manage' },
      schema: { tags: ['角色'], summary: '删除角色（内置角色和在用角色不可删）', params: IdParams, response: responses(OkSchema) },
      handler: async (req) => {
        await admin.deleteRole(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    });

    r.get('/api/v1/sessions', {
      config: { permission: 'security.session.manage' },
      schema: { tags: ['认证'], summary: '在线用户（会话列表）', response: responses(z.object({ data: z.array(OnlineSessionSchema) })) },
      handler: async (req) => ({ data: await auth.listSessions(req.sessionId) }),
    });
    r.delete('/api/v1/sessions/:id', {
      config: { permission: 'security.session.manage' },
      schema: { tags: ['认证'], summary: '强制下线', params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, '会话标识格式不正确') }), response: responses(OkSchema) },
      handler: async (req) => {
        await auth.forceLogout(actorOf(req), req.params.id, meta(req));
        return { ok: true as const };
      },
    });

    r.get('/api/v1/audit/login-logs', {
      config: { permission: 'security.loginLog.read' },
      schema: {
        tags: ['审计'],
        summary: '登录日志',
        querystring: z.object({ username: z.string().max(64).optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50) }),
        response: responses(listOf(LoginLogSchema)),
      },
      handler: async (req) => {
        let q = db.selectFrom('loginLog');
        if (req.query.username) q = q.where('username', '=', req.query.username);
        const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
        const data = await q.select(['id', 'at', 'username', 'ip', 'outcome', 'reason']).orderBy('at', 'desc').limit(req.query.pageSize).offset((req.query.page - 1) * req.query.pageSize).execute();
        return { data, total: Number(total) };
      },
    });
  };
}
