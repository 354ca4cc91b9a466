import type { FastifyRequest } from 'fastify';
import type { Actor } from '../authz/actor.ts';
import type { Db } from '../db/connect.ts';
import { AppError } from './app-error.ts';

/** What a command needs besides its input: the database, who acts, and where the request came from. */
export interface RequestContext {
  db: Db;
  actor: Actor;
  requestId: string;
  ip: string;
  userAgent: string | null;
}

export function contextOf(request: FastifyRequest): RequestContext {
  const actor = request.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return {
    db: request.server.db,
    actor,
    requestId: String(request.id),
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
  };
}
