import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The notification centre: list, unread count, mark read. */
export const notificationRoutes: FastifyPluginAsyncZod = async (_app) => {};
