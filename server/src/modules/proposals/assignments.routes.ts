import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 交办、办理、答复、评价 (assignment through closing). */
export const assignmentRoutes: FastifyPluginAsyncZod = async (_app) => {};
