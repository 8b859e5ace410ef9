import { z } from 'zod';

export const DataScopeSchema = z.enum(['own', 'department', 'departmentTree', 'all']);
export const DepartmentKind = z.enum(['bureau', 'section', 'center', 'judicialOffice']);
export const DEPARTMENT_KIND_LABELS: Record<z.infer<typeof DepartmentKind>, string> = {
  bureau: '司法局',
  section: '科室',
  center: '中心',
  judicialOffice: '司法所',
};

export const DepartmentSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: DepartmentKind,
  code: z.string(),
  sort: z.number().int(),
  userCount: z.number().int(),
});
export type Department = z.infer<typeof DepartmentSchema>;

export const DepartmentCreateBody = z.object({
  parentId: z.string().min(1, '请选择上级部门'),
  name: z.string().trim().min(1, '请输入部门名称').max(60),
  kind: DepartmentKind,
  code: z.string().trim().regex(/^[A-Za-z0-9_-]{2,32}$/, '部门编码为 2–32 位字母、数字、下划线或连字符'),
  sort: z.number().int().min(0).max(9999).default(0),
});
export const DepartmentUpdateBody = DepartmentCreateBody.partial();

export const UserStatus = z.enum(['active', 'disabled']);
export const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  status: UserStatus,
  roles: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  /** masked unless the caller holds personal.viewFull and asked to reveal */
  mobile: z.string().nullable(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type User = z.infer<typeof UserSchema>;

export const UserListQuery = z.object({
  q: z.string().trim().max(60).optional(),
  departmentId: z.string().optional(),
  includeChildren: z.enum(['true', 'false']).optional(),
  status: UserStatus.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const UserCreateBody = z.object({
  username: z.string().trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名为 3–32 位小写字母、数字、点、下划线或连字符，以字母开头'),
  displayName: z.string().trim().min(1, '请输入姓名').max(40),
  departmentId: z.string().min(1, '请选择部门'),
  mobile: z.string().trim().optional().nullable(),
  /** initial password; the user must change it at first login */
  password: z.string().min(1).max(128),
});
export const UserUpdateBody = z.object({
  displayName: z.string().trim().min(1).max(40).optional(),
  departmentId: z.string().min(1).optional(),
  mobile: z.string().trim().optional().nullable(),
  version: z.number().int(),
});
export const UserRolesBody = z.object({ roleIds: z.array(z.string()).max(20) });
export const ResetPasswordBody = z.object({ password: z.string().min(1).max(128) });

export const RoleSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string(),
  builtin: z.boolean(),
  dataScope: DataScopeSchema,
  duty: z.enum(['system', 'security', 'audit']).nullable(),
  permissions: z.array(z.string()),
  userCount: z.number().int(),
});
export type Role = z.infer<typeof RoleSchema>;
export const RoleCreateBody = z.object({
  code: z.string().trim().regex(/^[a-z][a-zA-Z0-9_.-]{2,40}$/, '角色编码为 3–41 位字母数字，以小写字母开头'),
  name: z.string().trim().min(1).max(40),
  description: z.string().max(200).default(''),
  dataScope: DataScopeSchema,
  permissions: z.array(z.string()).max(200),
});
export const RoleUpdateBody = RoleCreateBody.omit({ code: true }).partial();

export const PermissionCatalogue = z.object({
  data: z.array(z.object({ code: z.string(), name: z.string(), duty: z.enum(['system', 'security', 'audit']).nullable() })),
});

export const OnlineSessionSchema = z.object({
  /** SM3 hash of the session token (the token itself is never stored or shown) */
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentName: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});
export type OnlineSession = z.infer<typeof OnlineSessionSchema>;

export const LoginLogSchema = z.object({
  id: z.string(),
  at: z.string(),
  username: z.string(),
  ip: z.string(),
  outcome: z.string(),
  reason: z.string().nullable(),
});
