import type { FastifyInstance } from 'fastify';
import { loadActor } from '../../modules/auth/queries/load-actor.ts';
import { sessionIdOf } from '../security/password.ts';
import { AppError } from './app-error.ts';

export const sessionCookie = 'tongxin_session';

/**
 * Runs before body parsing on every API route, so an anonymous caller gets 401 whatever it sent.
 * Routes opt out with `config: { auth: 'none' }`.
 */
export function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // Pages, the API docs and unknown paths (answered 404 by the not-found handler) need no session.
    const route = request.routeOptions.url;
    if (
      !request.url.startsWith('/api/') ||
      request.url.startsWith('/api/docs') ||
      !route?.startsWith('/api/')
    )
      return;
    const mode = request.routeOptions.config?.auth ?? 'required';
    const token = request.cookies[sessionCookie];
    if (mode === 'none') {
      if (token) {
        request.actor = await loadActor(app.db, sessionIdOf(token), app.config.sessionIdleMinutes).catch(
          () => null,
        );
      }
      return;
    }
    if (!token) throw new AppError('UNAUTHENTICATED');
    const touch = request.routeOptions.config?.touch !== false;
    request.actor = await loadActor(
      app.db,
      sessionIdOf(token),
      app.config.sessionIdleMinutes,
      new Date(),
      touch,
    );
    if (request.actor.mustChangePassword && mode !== 'password-change')
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });
}
