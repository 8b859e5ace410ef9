import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Department,
  DepartmentCreateBody,
  DepartmentUpdateBody,
  Role,
  RoleCreateBody,
  RoleUpdateBody,
  User,
  UserCreateBody,
  UserListQuery,
  UserUpdateBody,
} from '../../../common/contracts';
import { AppError } from '../../../common/errors';
import { meetsPasswordPolicy } from '../../../common/password';
import { ALL_PERMISSIONS, type Duty, dutyOf, isNeutralPermission } from '../../../common/permissions';
import { isValidMobile, maskMobile } from '../../../common/validators';
import type { Database, Db } from '../../db';
import type { AuditService } from '../audit';
import type { Clock } from '../clock';
import type { FieldCipher } from '../crypto';
import type { Actor } from './actor';
import type { AuthService, RequestMeta } from './auth.service';
import { assertPasswordNotUsername, hashPassword } from './password';
import { assertInScope, scopeWhere } from './scope';
import type { Transaction } from 'kysely';

type Trx = Transaction<Database>;
const who = (a: Actor) => ({ id: a.userId, name: a.username });

export interface AdminService {
  listDepartments(actor: Actor): Promise<Department[]>;
  createDepartment(actor: Actor, body: z.infer<typeof DepartmentCreateBody>, meta: RequestMeta): Promise<Department>;
  updateDepartment(actor: Actor, id: string, body: z.infer<typeof DepartmentUpdateBody>, meta: RequestMeta): Promise<Department>;
  deleteDepartment(actor: Actor, id: string, meta: RequestMeta): Promise<void>;
  listUsers(actor: Actor, q: z.infer<typeof UserListQuery>): Promise<{ data: User[]; total: number }>;
  getUser(actor: Actor, id: string): Promise<User>;
  createUser(actor: Actor, body: z.infer<typeof UserCreateBody>, meta: RequestMeta): Promise<User>;
  updateUser(actor: Actor, id: string, body: z.infer<typeof UserUpdateBody>, meta: RequestMeta): Promise<User>;
  setUserStatus(actor: Actor, id: string, status: 'active' | 'disabled', meta: RequestMeta): Promise<User>;
  setUserRoles(actor: Actor, id: string, roleIds: string[], meta: RequestMeta): Promise<User>;
  unlockUser(actor: Actor, id: string, meta: RequestMeta): Promise<User>;
  resetPassword(actor: Actor, id: string, password: string, meta: RequestMeta): Promise<User>;
  revealUserMobile(actor: Actor, id: string, meta: RequestMeta): Promise<{ mobile: string | null }>;
  listRoles(): Promise<Role[]>;
  createRole(actor: Actor, body: z.infer<typeof RoleCreateBody>, meta: RequestMeta): Promise<Role>;
  updateRole(actor: Actor, id: string, body: z.infer<typeof RoleUpdateBody>, meta: RequestMeta): Promise<Role>;
  deleteRole(actor: Actor, id: string, meta: RequestMeta): Promise<void>;
}

/** The duty a set of permissions belongs to; mixing duties, or a duty with business permissions, is refused. */
export function dutyOfPermissions(perms: string[]): Duty | null {
  const duties = new Set(perms.filter((p) => !isNeutralPermission(p)).map(dutyOf));
  const adminDuties = [...duties].filter((d): d is Duty => d !== null);
  if (adminDuties.length > 1 || (adminDuties.length === 1 && duties.has(null))) {
    throw new AppError('ROLE_CONFLICT', { reason: 'role-mixes-duties', duties: [...duties] });
  }
  return adminDuties[0] ?? null;
}

export function createAdminService(deps: { db: Db; clock: Clock; audit: AuditService; auth: AuthService; cipher: FieldCipher; demo: boolean }): AdminService {
  const { db, clock, audit, auth, cipher } = deps;

  async function departmentRows(ids?: string[]) {
    let q = db
      .selectFrom('departments')
      .leftJoin(db.selectFrom('users').select(['departmentId', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('departmentId').as('uc'), 'uc.departmentId', 'departments.id')
      .select(['departments.id', 'departments.parentId', 'departments.name', 'departments.kind', 'departments.code', 'departments.sort', 'uc.n'])
      .orderBy('departments.sort')
      .orderBy('departments.code');
    if (ids) q = q.where('departments.id', 'in', ids);
    const rows = await q.execute();
    return rows.map((r) => ({ id: r.id, parentId: r.parentId, name: r.name, kind: r.kind as Department['kind'], code: r.code, sort: r.sort, userCount: Number(r.n ?? 0) }));
  }

  async function departmentById(id: string, trx: Db | Trx = db) {
    const d = await trx.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    if (!d) throw new AppError('NOT_FOUND', { entity: 'department', id });
    return d;
  }

  /** Two departments of one name under the same parent cannot be told apart in the tree, the pickers or the audit log. */
  async function assertNameFree(trx: Trx, parentId: string, name: string, exceptId?: string) {
    let q = trx.selectFrom('departments').select('id').where('parentId', '=', parentId).where('name', '=', name);
    if (exceptId) q = q.where('id', '!=', exceptId);
    if (await q.executeTakeFirst()) throw new AppError('CONFLICT', { field: 'name', message: '同一上级部门下已有同名部门' });
  }

  async function usersView(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('users')
      .innerJoin('departments', 'departments.id', 'users.departmentId')
      .select(['users.id', 'users.username', 'users.displayName', 'users.departmentId', 'departments.name as departmentName', 'users.status', 'users.mobileEnc', 'users.lockedUntil', 'users.mustChangePassword', 'users.isDemo', 'users.createdAt', 'users.updatedAt', 'users.version'])
      .where('users.id', 'in', ids)
      .execute();
    const roles = await db
      .selectFrom('userRoles')
      .innerJoin('roles', 'roles.id', 'userRoles.roleId')
      .select(['userRoles.userId', 'roles.id', 'roles.code', 'roles.name'])
      .where('userRoles.userId', 'in', ids)
      .execute();
    const now = clock.now();
    const byId = new Map(
      rows.map((r) => [
        r.id,
        {
          id: r.id,
          username: r.username,
          displayName: r.displayName,
          departmentId: r.departmentId,
          departmentName: r.departmentName,
          status: r.status as User['status'],
          roles: roles.filter((x) => x.userId === r.id).map((x) => ({ id: x.id, code: x.code, name: x.name })),
          mobile: r.mobileEnc ? maskMobile(cipher.decrypt(r.mobileEnc)) : null,
          locked: !!r.lockedUntil && Date.parse(r.lockedUntil) > now,
          // as the login sees it: demo accounts in demo mode are excepted from the forced change
          mustChangePassword: r.mustChangePassword === 1 && !(deps.demo && r.isDemo === 1),
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          version: r.version,
        } satisfies User,
      ]),
    );
    return ids.map((id) => byId.get(id)).filter((u): u is User => !!u);
  }

  async function loadUserInScope(actor: Actor, id: string) {
    const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!u) throw new AppError('NOT_FOUND', { entity: 'user', id });
    assertInScope(actor, u.departmentId, u.id);
    return u;
  }

  async function one(id: string) {
    const [u] = await usersView([id]);
    if (!u) throw new AppError('NOT_FOUND', { entity: 'user', id });
    return u;
  }

  function mobileFields(mobile: string | null | undefined) {
    if (mobile === undefined) return {};
    if (mobile === null || mobile === '') return { mobileEnc: null, mobileBidx: null };
    if (!isValidMobile(mobile)) throw new AppError('MOBILE_INVALID', { field: 'mobile' });
    return { mobileEnc: cipher.encrypt(mobile), mobileBidx: cipher.blindIndex(mobile) };
  }

  async function rolesView(): Promise<Role[]> {
    const roles = await db.selectFrom('roles').selectAll().orderBy('builtin', 'desc').orderBy('code').execute();
    const perms = await db.selectFrom('rolePermissions').selectAll().execute();
    const counts = await db.selectFrom('userRoles').select(['roleId', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('roleId').execute();
    return roles.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      description: r.description,
      builtin: r.builtin === 1,
      dataScope: r.dataScope as Role['dataScope'],
      duty: r.duty as Role['duty'],
      permissions: perms.filter((p) => p.roleId === r.id).map((p) => p.permission).sort(),
      userCount: Number(counts.find((c) => c.roleId === r.id)?.n ?? 0),
    }));
  }

  function checkPermissions(perms: string[]) {
    const unknown = perms.filter((p) => !(ALL_PERMISSIONS as string[]).includes(p));
    if (unknown.length) throw new AppError('VALIDATION_FAILED', { issues: [{ path: 'permissions', message: `未知权限：${unknown.join('、')}` }] });
    return dutyOfPermissions(perms);
  }

  return {
    async listDepartments() {
      return departmentRows();
    },

    async createDepartment(actor, body, meta) {
      const id = randomUUID();
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        const parent = await departmentById(body.parentId, trx);
        const dup = await trx.selectFrom('departments').select('id').where('code', '=', body.code).executeTakeFirst();
        if (dup) throw new AppError('CONFLICT', { field: 'code', message: '部门编码已存在' });
        await assertNameFree(trx, parent.id, body.name);
        const row = { id, parentId: parent.id, name: body.name, kind: body.kind, code: body.code, path: `${parent.path}${id}/`, sort: body.sort, createdAt: now, updatedAt: now };
        await trx.insertInto('departments').values(row).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'department.create', objectType: 'department', objectId: id, after: body }, trx);
      });
      auth.invalidateAll(); // department-and-below scopes may have grown
      return (await departmentRows([id]))[0]!;
    },

    async updateDepartment(actor, id, body, meta) {
      await db.transaction().execute(async (trx) => {
        const d = await departmentById(id, trx);
        const patch: Partial<Database['departments']> = { updatedAt: clock.nowIso() };
        if (body.name !== undefined) patch.name = body.name;
        if (body.kind !== undefined) patch.kind = body.kind;
        if (body.sort !== undefined) patch.sort = body.sort;
        if (body.code !== undefined && body.code !== d.code) {
          const dup = await trx.selectFrom('departments').select('id').where('code', '=', body.code).executeTakeFirst();
          if (dup) throw new AppError('CONFLICT', { field: 'code', message: '部门编码已存在' });
          patch.code = body.code;
        }
        if (body.parentId !== undefined && body.parentId !== d.parentId) {
          if (!d.parentId) throw new AppError('DEPARTMENT_CYCLE', { reason: 'root-cannot-move' });
          const parent = await departmentById(body.parentId, trx);
          if (parent.path.startsWith(d.path)) throw new AppError('DEPARTMENT_CYCLE');
          const newPath = `${parent.path}${id}/`;
          const subtree = await trx.selectFrom('departments').select(['id', 'path']).where('path', 'like', `${d.path}%`).execute();
          for (const s of subtree) await trx.updateTable('departments').set({ path: newPath + s.path.slice(d.path.length) }).where('id', '=', s.id).execute();
          patch.parentId = parent.id;
        }
        if (d.parentId && (patch.name !== undefined || patch.parentId !== undefined)) await assertNameFree(trx, patch.parentId ?? d.parentId, patch.name ?? d.name, id);
        await trx.updateTable('departments').set(patch).where('id', '=', id).execute();
        const { updatedAt: _u, ...after } = patch;
        const before = Object.fromEntries(Object.keys(after).map((k) => [k, d[k as keyof typeof d]]));
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'department.update', objectType: 'department', objectId: id, before, after }, trx);
      });
      auth.invalidateAll();
      return (await departmentRows([id]))[0]!;
    },

    async deleteDepartment(actor, id, meta) {
      await db.transaction().execute(async (trx) => {
        const d = await departmentById(id, trx);
        const child = await trx.selectFrom('departments').select('id').where('parentId', '=', id).executeTakeFirst();
        const user = await trx.selectFrom('users').select('id').where('departmentId', '=', id).executeTakeFirst();
        const deadline = await trx.selectFrom('deadlines').select('id').where('departmentId', '=', id).executeTakeFirst();
        if (child || user || deadline || !d.parentId) throw new AppError('DEPARTMENT_NOT_EMPTY');
        await trx.deleteFrom('departments').where('id', '=', id).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'department.delete', objectType: 'department', objectId: id, before: { name: d.name, code: d.code } }, trx);
      });
      auth.invalidateAll();
    },

    async listUsers(actor, q) {
      let base = db.selectFrom('users').where((eb) => scopeWhere(eb, actor, 'users.departmentId', 'users.id'));
      if (q.q) base = base.where((eb) => eb.or([eb('username', 'like', `%${q.q}%`), eb('displayName', 'like', `%${q.q}%`)]));
      if (q.status) base = base.where('status', '=', q.status);
      if (q.departmentId) {
        if (q.includeChildren === 'true') {
          const d = await departmentById(q.departmentId);
          base = base.where('departmentId', 'in', db.selectFrom('departments').select('id').where('path', 'like', `${d.path}%`));
        } else base = base.where('departmentId', '=', q.departmentId);
      }
      const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const ids = await base.select('id').orderBy('username').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
      return { data: await usersView(ids.map((r) => r.id)), total: Number(total) };
    },

    async getUser(actor, id) {
      await loadUserInScope(actor, id);
      return one(id);
    },

    async createUser(actor, body, meta) {
      if (!meetsPasswordPolicy(body.password)) throw new AppError('PASSWORD_POLICY');
      assertPasswordNotUsername(body.password, body.username, 'password');
      const dept = await departmentById(body.departmentId);
      assertInScope(actor, dept.id);
      const id = randomUUID();
      const now = clock.nowIso();
      const passwordHash = await hashPassword(body.password);
      await db.transaction().execute(async (trx) => {
        const dup = await trx.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
        if (dup) throw new AppError('USERNAME_TAKEN');
        await trx
          .insertInto('users')
          .values({ id, username: body.username, displayName: body.displayName, departmentId: dept.id, passwordHash, passwordChangedAt: null, mustChangePassword: 1, failedAttempts: 0, lockedUntil: null, status: 'active', idNumberEnc: null, idNumberBidx: null, mobileEnc: null, mobileBidx: null, ...mobileFields(body.mobile), isDemo: 0, createdAt: now, updatedAt: now, version: 1 })
          .execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'user.create', objectType: 'user', objectId: id, after: { username: body.username, displayName: body.displayName, departmentId: dept.id, mobile: body.mobile ?? null } }, trx);
      });
      return one(id);
    },

    async updateUser(actor, id, body, meta) {
      const u = await loadUserInScope(actor, id);
      if (body.version !== u.version) throw new AppError('CONFLICT', { expectedVersion: u.version });
      if (body.departmentId) assertInScope(actor, (await departmentById(body.departmentId)).id);
      const patch = {
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        ...(body.departmentId !== undefined ? { departmentId: body.departmentId } : {}),
        ...mobileFields(body.mobile),
      };
      await db.transaction().execute(async (trx) => {
        const res = await trx
          .updateTable('users')
          .set({ ...patch, updatedAt: clock.nowIso(), version: u.version + 1 })
          .where('id', '=', id)
          .where('version', '=', body.version)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw new AppError('CONFLICT');
        const oldMobile = u.mobileEnc ? cipher.decrypt(u.mobileEnc) : null;
        await audit.record(
          {
            actor: who(actor),
            ...metaOf(meta),
            action: 'user.update',
            objectType: 'user',
            objectId: id,
            before: { displayName: u.displayName, departmentId: u.departmentId, mobile: oldMobile },
            after: { displayName: body.displayName ?? u.displayName, departmentId: body.departmentId ?? u.departmentId, mobile: body.mobile === undefined ? oldMobile : body.mobile },
          },
          trx,
        );
      });
      await auth.invalidateUser(id);
      return one(id);
    },

    async setUserStatus(actor, id, status, meta) {
      const u = await loadUserInScope(actor, id);
      if (id === actor.userId) throw new AppError('FORBIDDEN', { reason: 'cannot-disable-self' });
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ status, updatedAt: clock.nowIso(), version: u.version + 1 }).where('id', '=', id).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: status === 'active' ? 'user.enable' : 'user.disable', objectType: 'user', objectId: id, before: { status: u.status }, after: { status } }, trx);
      });
      await auth.invalidateUser(id, status === 'disabled');
      return one(id);
    },

    async setUserRoles(actor, id, roleIds, meta) {
      const u = await loadUserInScope(actor, id);
      if (id === actor.userId) throw new AppError('FORBIDDEN', { reason: 'cannot-change-own-roles' });
      const unique = [...new Set(roleIds)];
      const roles = unique.length ? await db.selectFrom('roles').selectAll().where('id', 'in', unique).execute() : [];
      if (roles.length !== unique.length) throw new AppError('NOT_FOUND', { entity: 'role' });
      // 三员分立: at most one administrator duty per account, and never together with a business role.
      const duties = roles.map((r) => r.duty).filter((d): d is string => !!d);
      if (duties.length > 1 || (duties.length === 1 && roles.length > 1)) {
        // A refused privilege change is a security event: recorded before refusing (等保 2.0 安全审计).
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'user.assignRoles', objectType: 'user', objectId: id, outcome: 'denied', extra: { reason: 'role-conflict', roles: roles.map((r) => r.code).sort() } });
        throw new AppError('ROLE_CONFLICT', { roles: roles.map((r) => r.name) });
      }
      const before = await db.selectFrom('userRoles').innerJoin('roles', 'roles.id', 'userRoles.roleId').select('roles.code').where('userId', '=', id).execute();
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('userRoles').where('userId', '=', id).execute();
        if (unique.length) await trx.insertInto('userRoles').values(unique.map((roleId) => ({ userId: id, roleId }))).execute();
        await trx.updateTable('users').set({ updatedAt: clock.nowIso(), version: u.version + 1 }).where('id', '=', id).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'user.assignRoles', objectType: 'user', objectId: id, before: { roles: before.map((r) => r.code).sort() }, after: { roles: roles.map((r) => r.code).sort() } }, trx);
      });
      await auth.invalidateUser(id);
      return one(id);
    },

    async unlockUser(actor, id, meta) {
      const u = await loadUserInScope(actor, id);
      await db.transaction().execute(async (trx) => {
        await trx.updateTable('users').set({ lockedUntil: null, failedAttempts: 0, updatedAt: clock.nowIso(), version: u.version + 1 }).where('id', '=', id).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'user.unlock', objectType: 'user', objectId: id }, trx);
      });
      return one(id);
    },

    async resetPassword(actor, id, password, meta) {
      const u = await loadUserInScope(actor, id);
      if (id === actor.userId) {
        // One's own password is changed with the old one (修改密码), never reset past it.
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'user.resetPassword', objectType: 'user', objectId: id, outcome: 'denied', extra: { reason: 'cannot-reset-own-password' } });
        throw new AppError('FORBIDDEN', { reason: 'cannot-reset-own-password' });
      }
      if (!meetsPasswordPolicy(password)) throw new AppError('PASSWORD_POLICY');
      assertPasswordNotUsername(password, u.username, 'password');
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        // isDemo: 0 — the account no longer shares the demo password, so the demo exception to the forced change ends.
        await trx.updateTable('users').set({ passwordHash, mustChangePassword: 1, isDemo: 0, lockedUntil: null, failedAttempts: 0, updatedAt: clock.nowIso(), version: u.version + 1 }).where('id', '=', id).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'user.resetPassword', objectType: 'user', objectId: id }, trx);
      });
      await auth.invalidateUser(id, true);
      return one(id);
    },

    async revealUserMobile(actor, id, meta) {
      const u = await loadUserInScope(actor, id);
      const mobile = u.mobileEnc ? cipher.decrypt(u.mobileEnc) : null;
      await audit.record({ actor: who(actor), ...metaOf(meta), action: 'personal.reveal', objectType: 'user', objectId: id, extra: { field: 'mobile' } });
      return { mobile };
    },

    listRoles: rolesView,

    async createRole(actor, body, meta) {
      const duty = checkPermissions(body.permissions);
      const id = randomUUID();
      const now = clock.nowIso();
      await db.transaction().execute(async (trx) => {
        const dup = await trx.selectFrom('roles').select('id').where('code', '=', body.code).executeTakeFirst();
        if (dup) throw new AppError('CONFLICT', { field: 'code', message: '角色编码已存在' });
        await trx.insertInto('roles').values({ id, code: body.code, name: body.name, description: body.description, builtin: 0, dataScope: body.dataScope, duty, createdAt: now, updatedAt: now }).execute();
        if (body.permissions.length) await trx.insertInto('rolePermissions').values([...new Set(body.permissions)].map((permission) => ({ roleId: id, permission }))).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'role.create', objectType: 'role', objectId: id, after: body }, trx);
      });
      return (await rolesView()).find((r) => r.id === id)!;
    },

    async updateRole(actor, id, body, meta) {
      const role = (await rolesView()).find((r) => r.id === id);
      if (!role) throw new AppError('NOT_FOUND', { entity: 'role', id });
      if (role.builtin && body.permissions && role.duty) throw new AppError('FORBIDDEN', { reason: 'builtin-duty-role-fixed' });
      const perms = body.permissions ?? role.permissions;
      const duty = checkPermissions(perms);
      if (duty && role.userCount > 0 && duty !== role.duty) throw new AppError('ROLE_CONFLICT', { reason: 'duty-change-with-users' });
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('roles')
          .set({ ...(body.name ? { name: body.name } : {}), ...(body.description !== undefined ? { description: body.description } : {}), ...(body.dataScope ? { dataScope: body.dataScope } : {}), duty, updatedAt: clock.nowIso() })
          .where('id', '=', id)
          .execute();
        if (body.permissions) {
          await trx.deleteFrom('rolePermissions').where('roleId', '=', id).execute();
          if (perms.length) await trx.insertInto('rolePermissions').values([...new Set(perms)].map((permission) => ({ roleId: id, permission }))).execute();
        }
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'role.update', objectType: 'role', objectId: id, before: { name: role.name, dataScope: role.dataScope, permissions: role.permissions }, after: { name: body.name ?? role.name, dataScope: body.dataScope ?? role.dataScope, permissions: [...perms].sort() } }, trx);
      });
      auth.invalidateAll();
      return (await rolesView()).find((r) => r.id === id)!;
    },

    async deleteRole(actor, id, meta) {
      const role = (await rolesView()).find((r) => r.id === id);
      if (!role) throw new AppError('NOT_FOUND', { entity: 'role', id });
      if (role.builtin) throw new AppError('FORBIDDEN', { reason: 'builtin-role' });
      if (role.userCount > 0) throw new AppError('CONFLICT', { reason: 'role-in-use', userCount: role.userCount });
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('roles').where('id', '=', id).execute();
        await audit.record({ actor: who(actor), ...metaOf(meta), action: 'role.delete', objectType: 'role', objectId: id, before: { code: role.code, name: role.name } }, trx);
      });
      auth.invalidateAll();
    },
  };
}

function metaOf(meta: RequestMeta) {
  return { ip: meta.ip, requestId: meta.requestId };
}
