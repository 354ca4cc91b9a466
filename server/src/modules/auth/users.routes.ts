import { and, count, desc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { createUserInput, updateUserInput } from '@tongxin/common/auth/schemas.ts';
import { pageQuery } from '@tongxin/common/pagination.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/app-error.ts';
import { contextOf } from '../../platform/http/request-context.ts';
import { likePattern } from '../org/queries/visible-org-records.ts';
import { canManageUsers } from './auth.policy.ts';
import { createUser } from './commands/create-user.ts';
import { updateUser } from './commands/update-user.ts';
import { describeUser, describeUsers } from './queries/describe-users.ts';
import { users } from './schema.ts';

const tags = ['账号 users'];
const listQuery = pageQuery.extend({ q: z.string().max(100).optional() }).strict();
const idParams = z.object({ id: z.uuid('编号格式不正确') }).strict();

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { schema: { tags, summary: '账号列表', querystring: listQuery } }, async (request) => {
    const { actor } = contextOf(request);
    if (!canManageUsers(actor)) throw new AppError('FORBIDDEN');
    const { q, page, pageSize } = request.query;
    const where = and(
      eq(users.committeeId, actor.committeeId),
      q ? or(ilike(users.username, likePattern(q)), ilike(users.displayName, likePattern(q))) : undefined,
    );
    const rows = await app.db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [total] = await app.db.select({ n: count() }).from(users).where(where);
    return { items: await describeUsers(app.db, rows), total: total?.n ?? 0, page, pageSize };
  });
  app.post(
    '/users',
    { schema: { tags, summary: '新建账号', body: createUserInput } },
    async (request, reply) => {
      const id = await createUser(contextOf(request), request.body);
      return reply.code(201).send(await describeUser(app.db, id));
    },
  );
  app.patch(
    '/users/:id',
    { schema: { tags, summary: '修改账号', params: idParams, body: updateUserInput } },
    async (request) => {
      await updateUser(contextOf(request), request.params.id, request.body);
      return describeUser(app.db, request.params.id);
    },
  );
};
