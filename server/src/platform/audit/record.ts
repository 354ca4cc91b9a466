import type { Db } from '../db/connect.ts';
import { auditEvents } from './schema.ts';

export interface AuditEvent {
  /** Dotted, past tense: `member.created`, `auth.sign_in_failed`. */
  action: string;
  targetType: string;
  targetId?: string | null;
  targetLabel?: string | null;
  before?: unknown;
  after?: unknown;
  committeeId?: string | null;
}

export interface AuditSource {
  actor: { userId: string; displayName: string; committeeId: string } | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
}

const secret = /password|hash|token|secret/i;

/** Drops secrets and turns Dates into ISO strings, so the stored before/after is plain, safe JSON. */
function clean(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value, (key, v) => (secret.test(key) ? undefined : v)));
}

/** Writes one audit row. Call it with the transaction of the write it describes. */
export async function recordAudit(tx: Db, source: AuditSource, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    committeeId: event.committeeId === undefined ? (source.actor?.committeeId ?? null) : event.committeeId,
    actorUserId: source.actor?.userId ?? null,
    actorName: source.actor?.displayName ?? '（匿名）',
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    targetLabel: event.targetLabel ?? null,
    before: clean(event.before),
    after: clean(event.after),
    ip: source.ip,
    requestId: source.requestId,
    userAgent: source.userAgent?.slice(0, 300) ?? null,
  });
}

/** The audit source of a request context. */
export function auditSource(ctx: {
  actor: { userId: string; displayName: string; committeeId: string };
  requestId: string;
  ip: string;
  userAgent: string | null;
}): AuditSource {
  return { actor: ctx.actor, requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent };
}
