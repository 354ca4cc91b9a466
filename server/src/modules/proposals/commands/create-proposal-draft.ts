import { and, eq } from 'drizzle-orm';
import type { CreateProposalInput } from '@tongxin/common/proposals/schemas.ts';
import { hasRole, scopeIds } from '../../../platform/authz/actor.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { members, participatingUnits } from '../../org/schema.ts';
import { memberIdsOf } from '../proposals.policy.ts';
import { proposalSigners, proposals } from '../schema.ts';
import { checkProposalRefs } from './check-proposal-refs.ts';
import { inviteCosignersIn } from './invite-cosigners.ts';
import { indexProposal } from '../../search/commands/index-proposal.ts';

const memberKinds = ['member_individual', 'member_joint', 'member_group'];

/**
 * Starts a draft. Members draft their own (individual, joint, or a member group's); a participating
 * unit's liaison drafts its collective proposal; proposal staff enter a paper proposal on a proposer's
 * behalf, which is recorded as such.
 */
export async function createProposalDraft(ctx: RequestContext, input: CreateProposalInput): Promise<string> {
  const { actor } = ctx;
  const lead = await resolveLead(ctx, input);
  return ctx.db.transaction(async (tx) => {
    await checkProposalRefs(tx, actor.committeeId, input, lead.leadMemberId);
    if (input.proposerKind === 'member_individual' && input.cosignerIds.length) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'cosignerIds', message: '个人提案不能邀请联名人，请选择“联名提案”' },
      ]);
    }
    const [p] = await tx
      .insert(proposals)
      .values({
        committeeId: actor.committeeId,
        proposerKind: input.proposerKind,
        ...lead,
        leadGroupName: input.leadGroupName ?? null,
        signatoryName: input.signatoryName ?? null,
        sealAttached: input.sealAttached,
        createdByUserId: actor.userId,
        title: input.title,
        situation: input.situation,
        analysis: input.analysis,
        suggestions: input.suggestions,
        category: input.category ?? null,
        subCategory: input.subCategory ?? null,
        suggestedHandlerUnitIds: input.suggestedHandlerUnitIds,
        consentToPublish: input.consentToPublish,
        nonPublishReason: input.nonPublishReason ?? null,
        isUrgent: input.isUrgent,
      })
      .returning();
    if (!p) throw new AppError('INTERNAL');
    if (lead.leadMemberId) {
      await tx.insert(proposalSigners).values({
        committeeId: actor.committeeId,
        proposalId: p.id,
        memberId: lead.leadMemberId,
        role: 'lead',
        confirmedAt: new Date(),
      });
    }
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.drafted',
      targetType: 'proposal',
      targetId: p.id,
      targetLabel: p.title,
      after: { ...p, cosignerIds: input.cosignerIds },
    });
    if (input.cosignerIds.length) await inviteCosignersIn(tx, ctx, p, input.cosignerIds);
    await indexProposal(tx, p.id);
    return p.id;
  });
}

async function resolveLead(ctx: RequestContext, input: CreateProposalInput) {
  const { actor, db } = ctx;
  const none = {
    leadMemberId: null,
    leadUnitId: null,
    leadSpecialCommitteeId: null,
    leadSectorId: null,
    enteredOnBehalf: false,
  };
  if (hasRole(actor, 'proposal_staff')) {
    // A paper proposal keyed in by staff: the proposer is named in the input.
    if (memberKinds.includes(input.proposerKind) && !input.leadMemberId) {
      throw new AppError('VALIDATION_FAILED', [{ path: 'leadMemberId', message: '请选择提案人' }]);
    }
    if (input.leadMemberId) {
      const [m] = await db
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.id, input.leadMemberId), eq(members.committeeId, actor.committeeId)));
      if (!m)
        throw new AppError('VALIDATION_FAILED', [{ path: 'leadMemberId', message: '提案人须为本会委员' }]);
    }
    return {
      ...none,
      leadMemberId: input.leadMemberId ?? null,
      leadUnitId: input.leadUnitId ?? null,
      leadSpecialCommitteeId: input.leadSpecialCommitteeId ?? null,
      leadSectorId: input.leadSectorId ?? null,
      enteredOnBehalf: true,
    };
  }
  if (memberKinds.includes(input.proposerKind)) {
    const [own] = memberIdsOf(actor);
    if (!own) throw new AppError('FORBIDDEN');
    return { ...none, leadMemberId: own };
  }
  if (input.proposerKind === 'party' || input.proposerKind === 'people_org') {
    const [unitId] = scopeIds(actor, 'unit_liaison');
    if (!unitId) throw new AppError('FORBIDDEN');
    const [unit] = await db.select().from(participatingUnits).where(eq(participatingUnits.id, unitId));
    const kind = unit?.kind === 'democratic_party' ? 'party' : 'people_org';
    if (kind !== input.proposerKind) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'proposerKind', message: `本单位只能提交${kind === 'party' ? '党派' : '人民团体'}提案` },
      ]);
    }
    return { ...none, leadUnitId: unitId };
  }
  if (input.proposerKind === 'special_committee') {
    const [committeeId] = scopeIds(actor, 'committee_staff');
    if (!committeeId) throw new AppError('FORBIDDEN');
    return { ...none, leadSpecialCommitteeId: committeeId };
  }
  throw new AppError('FORBIDDEN');
}
