import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { reviewInput } from '@tongxin/common/proposals/schemas.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify, usersOfMembers } from '../../../platform/notifications/notify.ts';
import { filedStates, type ProposalRow, type SignerRow } from '../proposals.policy.ts';
import { proposalSigners, proposals, reviewRecords } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';
import { loadForAction } from './load-for-action.ts';
import { nextNumber } from './submit-proposal.ts';

type ReviewInput = z.infer<typeof reviewInput>;

/**
 * Records one review stage's recommendation. Before the last configured stage the proposal moves on to
 * the next stage; at the last stage the recommendation is the decision: 立案 (numbered within the
 * session), 并案 (every proposer and co-signer joins the parent), 不予立案 (with a reason code). A return
 * for revision ends the review at any stage and sends the reviewer's comment to the proposer.
 */
export async function reviewProposal(ctx: RequestContext, id: string, input: ReviewInput): Promise<void> {
  await ctx.db.transaction((tx) => applyReview(tx, ctx, id, input));
}

/**
 * The review inside the caller's transaction. `decide` makes a recommendation the decision at any stage:
 * the one-step 并案 of likely duplicates (search module) files the parent and merges the others at once.
 */
export async function applyReview(
  tx: Db,
  ctx: RequestContext,
  id: string,
  input: ReviewInput,
  opts: { decide?: boolean } = {},
): Promise<void> {
  const action = input.recommendation === 'return_for_revision' ? 'return_for_revision' : 'recommend';
  const { proposal, signers } = await loadForAction(tx, ctx.actor, id, action, input.expectedVersion);
  const rules = await loadRules(tx, proposal.committeeId);
  const stageIndex = proposal.state === 'submitted' ? 0 : (proposal.reviewStage ?? 0);
  const stage = rules.reviewStages[Math.min(stageIndex, rules.reviewStages.length - 1)]!;
  const isLast = stageIndex >= rules.reviewStages.length - 1;
  const reason = await checkReviewInput(tx, proposal, input, rules.notFiledReasons);
  const decides = opts.decide || isLast || input.recommendation === 'return_for_revision';
  await tx.insert(reviewRecords).values({
    committeeId: proposal.committeeId,
    proposalId: id,
    stageIndex,
    stageName: stage.name,
    reviewerUserId: ctx.actor.userId,
    recommendation: input.recommendation,
    reasonCode: input.reasonCode ?? null,
    comment: input.comment,
    suggestedHandlerUnitIds: input.suggestedHandlerUnitIds,
    mergeIntoId: input.mergeIntoId ?? null,
    isDecision: decides,
  });
  const now = new Date();
  const base = { version: sql`${proposals.version} + 1`, updatedAt: now };
  let change: Partial<typeof proposals.$inferInsert> = {
    state: 'under_review',
    reviewStage: stageIndex + 1,
  };
  let message: string | null = null;
  if (input.recommendation === 'return_for_revision') {
    change = { state: 'returned_for_revision', reviewStage: null };
    message = `您的提案“${proposal.title}”被退回修改：${input.comment || '请按审查意见修改后重新提交'}`;
  } else if (decides && input.recommendation === 'file') {
    const number = await nextNumber(tx, proposal.sessionId!, proposals.number);
    change = { state: 'filed', number, filedAt: now, reviewStage: null };
    message = `您的提案“${proposal.title}”已立案，编号第${String(number).padStart(4, '0')}号。`;
  } else if (decides && input.recommendation === 'merge') {
    await mergeSigners(tx, proposal, signers, input.mergeIntoId!);
    change = { state: 'merged', mergedIntoId: input.mergeIntoId!, reviewStage: null };
    message = `您的提案“${proposal.title}”与内容相同或相近的提案并案办理。`;
  } else if (decides && input.recommendation === 'not_file') {
    change = {
      state: 'not_filed',
      notFiledReasonCode: input.reasonCode!,
      notFiledReasonText: input.comment,
      reviewStage: null,
    };
    message = `您的提案“${proposal.title}”不予立案，理由：${reason}${input.comment ? `（${input.comment}）` : ''}`;
  }
  await tx
    .update(proposals)
    .set({ ...change, ...base })
    .where(eq(proposals.id, id));
  await recordAudit(tx, auditSource(ctx), {
    action: decides ? `proposal.${decisionEvent[input.recommendation]}` : 'proposal.review_recommended',
    targetType: 'proposal',
    targetId: id,
    targetLabel: proposal.title,
    before: { state: proposal.state, reviewStage: proposal.reviewStage },
    after: { ...change, stage: stage.name, recommendation: input.recommendation, comment: input.comment },
  });
  if (message) await notifyProposers(tx, proposal, signers, message);
}

const decisionEvent = {
  file: 'filed',
  merge: 'merged',
  not_file: 'not_filed',
  return_for_revision: 'returned',
} as const;

async function checkReviewInput(
  tx: Db,
  p: ProposalRow,
  input: ReviewInput,
  reasons: { code: string; label: string }[],
): Promise<string | null> {
  if (input.recommendation === 'not_file') {
    const reason = reasons.find((r) => r.code === input.reasonCode);
    if (!reason)
      throw new AppError('VALIDATION_FAILED', [{ path: 'reasonCode', message: '请选择不予立案的理由' }]);
    return reason.label;
  }
  if (input.recommendation === 'return_for_revision' && !input.comment.trim()) {
    throw new AppError('VALIDATION_FAILED', [{ path: 'comment', message: '退回修改须说明修改意见' }]);
  }
  if (input.recommendation === 'merge') {
    if (!input.mergeIntoId || input.mergeIntoId === p.id) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'mergeIntoId', message: '请选择并入的提案' }]);
    }
    const [parent] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, input.mergeIntoId), eq(proposals.committeeId, p.committeeId)));
    if (!parent || !filedStates.includes(parent.state)) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'mergeIntoId', message: '只能并入已立案的提案' }]);
    }
  }
  return null;
}

/** 并案 keeps every proposer and co-signer: they join the parent proposal as co-signers. */
async function mergeSigners(tx: Db, p: ProposalRow, signers: SignerRow[], parentId: string) {
  const carried = signers.filter(
    (s) => s.role === 'lead' || (s.confirmedAt && !s.declinedAt && !s.droppedAt),
  );
  if (carried.length === 0) return;
  await tx
    .insert(proposalSigners)
    .values(
      carried.map((s) => ({
        committeeId: p.committeeId,
        proposalId: parentId,
        memberId: s.memberId,
        role: 'cosigner' as const,
        confirmedAt: s.confirmedAt ?? new Date(),
        fromProposalId: p.id,
      })),
    )
    .onConflictDoNothing();
}

export async function notifyProposers(tx: Db, p: ProposalRow, signers: SignerRow[], message: string) {
  const memberIds = signers.filter((s) => s.role === 'lead').map((s) => s.memberId);
  const userIds = [
    ...(await usersOfMembers(tx, memberIds)),
    ...(p.enteredOnBehalf ? [] : [p.createdByUserId]),
  ];
  await notify(tx, p.committeeId, userIds, {
    kind: 'proposal_decision',
    title: message.slice(0, 60),
    body: message,
    link: `/proposals/${p.id}`,
  });
}
