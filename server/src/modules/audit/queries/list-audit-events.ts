import { and, count, desc, eq, gte, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Page } from '@tongxin/common/pagination.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import { auditEvents } from '../../../platform/audit/schema.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { likePattern } from '../../org/queries/visible-org-records.ts';
import { canReadAudit } from '../audit.policy.ts';
import type { AuditQuery } from '../audit.schemas.ts';

export type AuditEventView = Omit<typeof auditEvents.$inferSelect, 'createdAt'> & { createdAt: string };

/** The actor's committee's audit trail (plus failed sign-ins of unknown names, which have no committee). */
export function visibleAuditEvents(actor: Actor, q: Partial<AuditQuery>): SQL {
  if (!canReadAudit(actor)) throw new AppError('FORBIDDEN');
  const text = q.q?.trim();
  return and(
    or(eq(auditEvents.committeeId, actor.committeeId), isNull(auditEvents.committeeId)),
    q.action ? eq(auditEvents.action, q.action) : undefined,
    q.actorUserId ? eq(auditEvents.actorUserId, q.actorUserId) : undefined,
    q.targetType ? eq(auditEvents.targetType, q.targetType) : undefined,
    q.targetId ? eq(auditEvents.targetId, q.targetId) : undefined,
    q.from ? gte(auditEvents.createdAt, new Date(q.from)) : undefined,
    q.to ? lt(auditEvents.createdAt, new Date(q.to)) : undefined,
    text
      ? or(
          ilike(auditEvents.targetLabel, likePattern(text)),
          ilike(auditEvents.actorName, likePattern(text)),
          ilike(auditEvents.action, likePattern(text)),
        )
      : undefined,
  ) as SQL;
}

export async function listAuditEvents(
  db: Db,
  actor: Actor,
  q: AuditQuery,
  opts: { all?: boolean } = {},
): Promise<Page<AuditEventView>> {
  const where = visibleAuditEvents(actor, q);
  const pageSize = opts.all ? 50_000 : q.pageSize;
  const rows = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.id))
    .limit(pageSize)
    .offset(opts.all ? 0 : (q.page - 1) * q.pageSize);
  const total = opts.all
    ? rows.length
    : ((await db.select({ n: count() }).from(auditEvents).where(where))[0]?.n ?? 0);
  return {
    items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    total,
    page: opts.all ? 1 : q.page,
    pageSize,
  };
}
