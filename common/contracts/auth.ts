import { z } from 'zod';
import { DataScopeSchema } from './identity';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const MeSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  roles: z.array(z.object({ code: z.string(), name: z.string() })),
  permissions: z.array(z.string()),
  dataScope: DataScopeSchema,
  mustChangePassword: z.boolean(),
  /** the password passed its maximum age (then mustChangePassword is true) */
  passwordExpired: z.boolean(),
  demo: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const LoginResponse = z.object({ csrfToken: z.string(), user: MeSchema });
export type LoginResult = z.infer<typeof LoginResponse>;

export const ChangePasswordBody = z.object({
  oldPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

export const DemoAccountsResponse = z.object({
  data: z.array(
    z.object({ username: z.string(), displayName: z.string(), roles: z.array(z.string()), department: z.string() }),
  ),
});
