import { changePasswordInput, meView, signInInput } from '@tongxin/common/auth/schemas.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { globalAbilities } from '../../platform/authz/abilities.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { sessionCookie } from '../../platform/http/authenticate.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { sessionIdOf } from '../../platform/security/password.ts';
import { loadActor } from './queries/load-actor.ts';
import { changePassword } from './commands/change-password.ts';
import { signIn } from './commands/sign-in.ts';
import { signOut } from './commands/sign-out.ts';
import { describeUser } from './queries/describe-users.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['认证 auth'];
  const me = async (actor: Parameters<typeof globalAbilities>[0]) => {
    const user = await describeUser(app.db, actor.userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { user, abilities: globalAbilities(actor), idleTimeoutMinutes: app.config.sessionIdleMinutes };
  };

  app.post(
    '/auth/sign-in',
    {
      schema: { tags, summary: '登录', body: signInInput, response: { 200: meView } },
      config: { auth: 'none', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const meta = {
        requestId: String(request.id),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      };
      const { token } = await signIn(app.db, request.body, meta);
      reply.setCookie(sessionCookie, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.cookieSecure,
        path: '/',
      });
      return me(await loadActor(app.db, sessionIdOf(token), app.config.sessionIdleMinutes));
    },
  );

  app.post(
    '/auth/sign-out',
    { schema: { tags, summary: '退出登录' }, config: { auth: 'password-change' } },
    async (request, reply) => {
      await signOut(contextOf(request));
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.code(204).send();
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags, summary: '当前用户与权限', response: { 200: meView } },
      config: { auth: 'password-change' },
    },
    async (request) => me(contextOf(request).actor),
  );

  app.post(
    '/auth/change-password',
    { schema: { tags, summary: '修改密码', body: changePasswordInput }, config: { auth: 'password-change' } },
    async (request, reply) => {
      await changePassword(contextOf(request), request.body);
      return reply.code(204).send();
    },
  );
};
