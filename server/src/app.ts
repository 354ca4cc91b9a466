import crypto from 'node:crypto';
import fs from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { userRoutes } from './modules/auth/users.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { proposalRoutes } from './modules/proposals/proposals.routes.ts';
import { statsRoutes } from './modules/stats/stats.routes.ts';
import { portalRoutes } from './modules/portal/portal.routes.ts';
import { searchRoutes } from './modules/search/search.routes.ts';
import { calendarRoutes } from './platform/calendar/calendar.routes.ts';
import type { Db } from './platform/db/connect.ts';
import { registerAuthentication } from './platform/http/authenticate.ts';
import { registerErrorHandler } from './platform/http/error-handler.ts';
import { registerIdempotency } from './platform/idempotency/idempotency.ts';
import { notificationRoutes } from './platform/notifications/notifications.routes.ts';
import './platform/http/fastify-types.ts';

// Validation messages in Chinese for every schema without its own message.
z.config(z.locales.zhCN());

export const bodyLimitBytes = 1024 * 1024;
export const uploadLimitBytes = 10 * 1024 * 1024;

/** Builds the whole HTTP application on an open database. Tests call it and use `app.inject()`. */
export async function buildApp(db: Db, config: Config): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: uploadLimitBytes, files: 1, fields: 10 } });
  await app.register(fastifyRateLimit, { global: false });
  const hasWebApp = fs.existsSync(`${config.webDist}/index.html`);
  registerErrorHandler(app, hasWebApp ? (_request, reply) => reply.sendFile('index.html') : undefined);
  registerAuthentication(app);
  registerIdempotency(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '同心 Tongxin API', version: '0.1.0', description: '政协履职与提案工作平台接口' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true }, config: { auth: 'none' } }, async () =>
        app.swagger(),
      );
      api.get('/health', { schema: { hide: true }, config: { auth: 'none' } }, async () => ({ ok: true }));
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(orgRoutes, { prefix: '/org' });
      await api.register(auditRoutes);
      await api.register(proposalRoutes);
      await api.register(notificationRoutes);
      await api.register(statsRoutes);
      await api.register(portalRoutes);
      await api.register(calendarRoutes);
      await api.register(searchRoutes);
    },
    { prefix: '/api' },
  );

  // The built web app; unknown page paths fall back to index.html for client-side routing.
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  if (hasWebApp) await app.register(fastifyStatic, { root: config.webDist, prefix: '/', wildcard: true });
  return app;
}
