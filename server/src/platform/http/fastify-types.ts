import type { Config } from '../../config.ts';
import type { Actor } from '../authz/actor.ts';
import type { Db } from '../db/connect.ts';

/** How a route is authenticated: `required` (default), `none` (sign-in, public pages), or `password-change`
 * (allowed while the user must still change an initial password). */
export type RouteAuth = 'none' | 'required' | 'password-change';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: Config;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    auth?: RouteAuth;
    /** false: a background poll that must not keep an idle session alive. */
    touch?: boolean;
  }
}
