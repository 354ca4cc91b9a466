import { and, eq, inArray } from 'drizzle-orm';
import type { MergeDuplicatesBody } from '@tongxin/common/search/similar.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { applyReview } from '../../proposals/commands/review-proposal.ts';
import { filedStates, visibleProposals } from '../../proposals/proposals.policy.ts';
import { proposals } from '../../proposals/schema.ts';
import { canMergeDuplicates } from '../search.policy.ts';

const awaitingReview = ['submitted', 'under_review'];

/**
 * The one-step 并案 of a group of likely duplicates: the parent (already filed, or awaiting review — then
 * it is filed first, numbered as any filing) and every child merged into it, in one transaction. Each
 * step is the review command's own decision (`applyReview` with `decide`): the signers join the parent,
 * one audit event and one notification per proposal. All or nothing: a stale version (409), a child not
 * awaiting review (409), another session (400) or a proposal the actor may not see (404) rolls back every
 * step. Only whoever may record review decisions (proposal staff) may do it (403).
 */
export async function mergeDuplicates(
  ctx: RequestContext,
  parentId: string,
  input: MergeDuplicatesBody,
): Promise<{ parentId: string; mergedIds: string[] }> {
  const childIds = input.children.map((c) => c.id);
  if (new Set(childIds).size !== childIds.length || childIds.includes(parentId)) {
    throw new AppError('VALIDATION_FAILED', [
      { path: 'children', message: '并入的提案不能重复，也不能包含被并入的提案本身' },
    ]);
  }
  return ctx.db.transaction(async (tx) => {
    const [parent] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, parentId), visibleProposals(ctx.actor)))
      .for('update');
    if (!parent) throw new AppError('NOT_FOUND');
    if (!canMergeDuplicates(ctx.actor)) throw new AppError('FORBIDDEN');
    if (parent.version !== input.expectedVersion) {
      throw new AppError('VERSION_CONFLICT', {
        currentVersion: parent.version,
        expectedVersion: input.expectedVersion,
      });
    }
    const children = await tx
      .select({ id: proposals.id, sessionId: proposals.sessionId })
      .from(proposals)
      .where(and(inArray(proposals.id, childIds), visibleProposals(ctx.actor)));
    if (children.length !== childIds.length) throw new AppError('NOT_FOUND');
    if (children.some((c) => c.sessionId !== parent.sessionId)) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'children', message: '只能并入同一次会议的提案，请从本次会议的并案候选中选择' },
      ]);
    }
    const comment = input.comment || '内容相同或相近，并案办理';
    const base = { reasonCode: null, suggestedHandlerUnitIds: [], comment };
    if (awaitingReview.includes(parent.state)) {
      await applyReview(
        tx,
        ctx,
        parentId,
        { ...base, recommendation: 'file', mergeIntoId: null, expectedVersion: input.expectedVersion },
        { decide: true },
      );
    } else if (!filedStates.includes(parent.state)) {
      throw new AppError('WRONG_STATE', { state: parent.state, action: 'merge' });
    }
    // A fixed order (by id), so two staff merging overlapping groups lock rows in the same order.
    for (const child of [...input.children].sort((a, b) => a.id.localeCompare(b.id))) {
      await applyReview(
        tx,
        ctx,
        child.id,
        { ...base, recommendation: 'merge', mergeIntoId: parentId, expectedVersion: child.expectedVersion },
        { decide: true },
      );
    }
    return { parentId, mergedIds: childIds };
  });
}
