import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.ts';
import { idempotencyKeys } from './schema.ts';

const header = 'idempotency-key';
const waitMs = 8_000;
/** A key left "in progress" this long (its process died) may be used again. */
const staleMs = 60_000;

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { key: string } | null;
  }
}

/**
 * POSTs that carry an `Idempotency-Key` header run once per user and key: a double click or a retry gets
 * the first response again (waiting for it if the first is still running) instead of writing twice.
 */
export function registerIdempotency(app: FastifyInstance) {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const key = request.headers[header];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.actor) return;
    if (!/^[A-Za-z0-9_-]{8,100}$/.test(key)) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'Idempotency-Key', message: '幂等键应为 8–100 位字母、数字、下划线或连字符' },
      ]);
    }
    const actor = request.actor;
    const path = request.url.split('?')[0] ?? request.url;
    const db = app.db;
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.userId, actor.userId),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.createdAt, new Date(Date.now() - staleMs)),
        ),
      )
      .catch(() => {});
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ committeeId: actor.committeeId, userId: actor.userId, key, method: request.method, path })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) {
      request.idempotency = { key };
      return;
    }
    const deadline = Date.now() + waitMs;
    for (;;) {
      const [row] = await db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, key)));
      if (row && row.path !== path)
        throw new AppError('VALIDATION_FAILED', [
          { path: 'Idempotency-Key', message: '该幂等键已用于其他请求' },
        ]);
      if (row?.statusCode) {
        return reply.code(row.statusCode).header('idempotent-replay', 'true').send(row.response);
      }
      if (Date.now() > deadline)
        throw new AppError('VERSION_CONFLICT', { reason: 'idempotent request still running' });
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  app.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
    const idem = request.idempotency;
    if (!idem || !request.actor) return payload;
    const where = and(eq(idempotencyKeys.userId, request.actor.userId), eq(idempotencyKeys.key, idem.key));
    if (reply.statusCode >= 500) {
      await app.db.delete(idempotencyKeys).where(where);
      return payload;
    }
    let body: unknown = null;
    try {
      body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
    } catch {
      body = null;
    }
    await app.db.update(idempotencyKeys).set({ statusCode: reply.statusCode, response: body }).where(where);
    return payload;
  });
}
