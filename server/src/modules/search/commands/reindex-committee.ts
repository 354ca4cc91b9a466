import { and, asc, count, eq, gt } from 'drizzle-orm';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { proposals } from '../../proposals/schema.ts';
import { canManageSearch } from '../search.policy.ts';
import { indexProposals } from './index-proposal.ts';

/** Proposals rebuilt per request: a few seconds of work at most, so the request never times out. */
export const reindexBatchSize = 1000;

export interface ReindexProgress {
  /** Proposals rebuilt by this call. */
  indexed: number;
  /** Proposals of the committee in all. */
  total: number;
  /** Proposals up to and including this batch. */
  done: number;
  /** Where the next call continues; null when the rebuild is complete. */
  next: string | null;
}

/**
 * Rebuilds the committee's search index in batches (sysadmin), each batch one transaction over the next
 * `batchSize` proposals in id order: the caller (the dictionary page) calls again with `next` until it is
 * null, showing the progress. Batches keep every request short on both engines without a background
 * runner, and an interrupted rebuild simply continues; writes during the rebuild index themselves as
 * usual. One audit row per batch.
 */
export async function reindexCommittee(
  ctx: RequestContext,
  after: string | undefined,
  batchSize = reindexBatchSize,
): Promise<ReindexProgress> {
  if (!canManageSearch(ctx.actor)) throw new AppError('FORBIDDEN');
  return ctx.db.transaction(async (tx) => {
    const progress = await reindexBatch(tx, ctx.actor.committeeId, after, batchSize);
    await recordAudit(tx, auditSource(ctx), {
      action: 'search_index.rebuilt',
      targetType: 'search_index',
      targetLabel: `${progress.done}/${progress.total}`,
      after: { from: after ?? null, ...progress },
    });
    return progress;
  });
}

/** One batch of the rebuild, inside the caller's transaction (scripts and tests call it directly). */
export async function reindexBatch(
  tx: Db,
  committeeId: string,
  after: string | undefined,
  batchSize = reindexBatchSize,
): Promise<ReindexProgress> {
  const ids = (
    await tx
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.committeeId, committeeId), after ? gt(proposals.id, after) : undefined))
      .orderBy(asc(proposals.id))
      .limit(batchSize)
  ).map((r) => r.id);
  await indexProposals(tx, ids);
  const [all] = await tx.select({ n: count() }).from(proposals).where(eq(proposals.committeeId, committeeId));
  const last = ids.at(-1);
  const [remaining] = last
    ? await tx
        .select({ n: count() })
        .from(proposals)
        .where(and(eq(proposals.committeeId, committeeId), gt(proposals.id, last)))
    : [{ n: 0 }];
  const total = all?.n ?? 0;
  return {
    indexed: ids.length,
    total,
    done: total - (remaining?.n ?? 0),
    next: ids.length === batchSize && (remaining?.n ?? 0) > 0 ? last! : null,
  };
}
