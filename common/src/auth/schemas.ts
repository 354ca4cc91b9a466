import { z } from 'zod';
import { roles } from '../roles.ts';

export const signInInput = z
  .object({
    username: z.string().trim().min(1, '请输入用户名').max(64, '用户名不超过 64 个字符'),
    password: z.string().min(1, '请输入密码').max(128, '密码不超过 128 位'),
  })
  .strict();

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, '请输入当前密码').max(128),
    newPassword: z.string().min(1, '请输入新密码').max(128, '密码不超过 128 位'),
  })
  .strict();

export const roleGrant = z
  .object({ role: z.enum(roles), scopeId: z.uuid('所属单位编号格式不正确').nullable().default(null) })
  .strict();

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  roles: z.array(
    z.object({ role: z.enum(roles), scopeId: z.string().nullable(), scopeName: z.string().nullable() }),
  ),
  mustChangePassword: z.boolean(),
  isActive: z.boolean(),
  lastSignInAt: z.string().nullable(),
});
export type UserView = z.infer<typeof userView>;

/** What the signed-in user may do; the web app shows only what this allows. */
export const meView = z.object({
  user: userView,
  abilities: z.record(z.string(), z.boolean()),
  idleTimeoutMinutes: z.number().int(),
});
export type MeView = z.infer<typeof meView>;

export const createUserInput = z
  .object({
    username: z
      .string()
      .trim()
      .min(3, '用户名至少 3 个字符')
      .max(64, '用户名不超过 64 个字符')
      .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符'),
    displayName: z.string().trim().min(1, '请输入姓名').max(50, '姓名不超过 50 个字符'),
    initialPassword: z.string().min(1, '请输入初始密码').max(128),
    roles: z.array(roleGrant).min(1, '至少授予一个角色').max(20),
  })
  .strict();

export const updateUserInput = z
  .object({
    displayName: z.string().trim().min(1, '请输入姓名').max(50, '姓名不超过 50 个字符').optional(),
    roles: z.array(roleGrant).min(1, '至少授予一个角色').max(20).optional(),
    isActive: z.boolean().optional(),
    resetPassword: z.string().min(1).max(128).optional(),
  })
  .strict();
