import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { markKeyInput } from '@tongxin/common/proposals/awards.ts';
import type { FieldIssue } from '@tongxin/common/errors.ts';
import { hasRole } from '../../../platform/authz/actor.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { notify, usersOfMembers } from '../../../platform/notifications/notify.ts';
import { members, specialCommittees } from '../../org/schema.ts';
import { filedStates, visibleProposals } from '../proposals.policy.ts';
import { keyProposals, proposals } from '../schema.ts';

/**
 * The Chair's Council marks a filed proposal as 重点提案 and names its supervising leader, the special
 * committee that follows it, the Party/government leader who leads the handling and the linked topic.
 */
export async function markKeyProposal(
  ctx: RequestContext,
  proposalId: string,
  input: z.infer<typeof markKeyInput>,
) {
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, proposalId), visibleProposals(ctx.actor)))
      .for('update');
    if (!p) throw new AppError('NOT_FOUND');
    if (!hasRole(ctx.actor, 'chair_council')) throw new AppError('FORBIDDEN');
    if (!filedStates.includes(p.state) || p.isKey)
      throw new AppError('WRONG_STATE', { state: p.state, isKey: p.isKey });
    const issues: FieldIssue[] = [];
    if (input.supervisingLeaderId) {
      const [m] = await tx
        .select({ id: members.id })
        .from(members)
        .where(
          and(
            eq(members.id, input.supervisingLeaderId),
            eq(members.committeeId, p.committeeId),
            inArray(members.leadershipPosition, ['chair', 'vice_chair', 'secretary_general']),
          ),
        );
      if (!m) issues.push({ path: 'supervisingLeaderId', message: '领衔督办的须为主席会议成员' });
    }
    if (input.responsibleCommitteeId) {
      const [sc] = await tx
        .select({ id: specialCommittees.id })
        .from(specialCommittees)
        .where(
          and(
            eq(specialCommittees.id, input.responsibleCommitteeId),
            eq(specialCommittees.committeeId, p.committeeId),
          ),
        );
      if (!sc) issues.push({ path: 'responsibleCommitteeId', message: '所选专委会不存在' });
    }
    if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
    const [key] = await tx
      .insert(keyProposals)
      .values({
        committeeId: p.committeeId,
        proposalId,
        year: Number(shanghaiDate(new Date()).slice(0, 4)),
        selectedByUserId: ctx.actor.userId,
        supervisingLeaderId: input.supervisingLeaderId ?? null,
        responsibleCommitteeId: input.responsibleCommitteeId ?? null,
        leadingOfficial: input.leadingOfficial ?? null,
        linkedTopic: input.linkedTopic ?? null,
        supervisionPlan: input.supervisionPlan,
      })
      .returning();
    await tx
      .update(proposals)
      .set({ isKey: true, version: sql`${proposals.version} + 1`, updatedAt: new Date() })
      .where(eq(proposals.id, proposalId));
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.marked_key',
      targetType: 'proposal',
      targetId: proposalId,
      targetLabel: p.title,
      after: key,
    });
    await notify(tx, p.committeeId, await usersOfMembers(tx, [input.supervisingLeaderId ?? null]), {
      kind: 'key_proposal',
      title: `重点提案领衔督办：${p.title}`,
      body: '主席会议确定您领衔督办该重点提案。',
      link: `/proposals/${proposalId}`,
    });
    return key!.id;
  });
}
