import { and, eq, isNull, max, sql } from 'drizzle-orm';
import type { FieldIssue } from '@tongxin/common/errors.ts';
import { auditSource, recordAudit } from '../../../platform/audit/record.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/http/request-context.ts';
import { participatingUnits, plenarySessions } from '../../org/schema.ts';
import type { ProposalRow, SignerRow } from '../proposals.policy.ts';
import { proposalSigners, proposals } from '../schema.ts';
import { currentTime } from '../clock.ts';
import { loadRules } from '../settings/load-rules.ts';
import { loadForAction } from './load-for-action.ts';
import { sessionFor } from './session-for.ts';
import { setRecessCosignDeadlines } from './invite-cosigners.ts';
import { indexProposal } from '../../search/commands/index-proposal.ts';

/**
 * Submits a proposal. The session and plenary/recess timing follow from the submission time. A joint
 * proposal with unanswered invitations waits in `cosigning` (names still unconfirmed at the session's
 * deadline drop; a 平时提案's open invitations get their own deadline now); otherwise it is submitted at
 * once and gets its intake number.
 */
export async function submitProposal(
  ctx: RequestContext,
  id: string,
  expectedVersion: number,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { proposal, signers } = await loadForAction(tx, ctx.actor, id, 'submit', expectedVersion);
    await checkComplete(tx, proposal, signers);
    const rules = await loadRules(tx, proposal.committeeId);
    const now = currentTime();
    const { session, timing } = await sessionFor(tx, proposal.committeeId, now, rules);
    if (
      (proposal.proposerKind === 'sector' || proposal.proposerKind === 'member_group') &&
      timing !== 'plenary'
    ) {
      throw new AppError('VALIDATION_FAILED', [
        { path: 'proposerKind', message: '界别提案和委员小组提案只能在大会期间提出' },
      ]);
    }
    await tx
      .update(proposals)
      .set({
        state: 'cosigning',
        sessionId: session.id,
        timing,
        version: sql`${proposals.version} + 1`,
        updatedAt: now,
      })
      .where(eq(proposals.id, id));
    await recordAudit(tx, auditSource(ctx), {
      action: 'proposal.submit_requested',
      targetType: 'proposal',
      targetId: id,
      targetLabel: proposal.title,
      after: { sessionId: session.id, timing },
    });
    const ready = await completeSubmissionIfReady(tx, ctx, id);
    if (!ready && timing === 'recess') await setRecessCosignDeadlines(tx, { ...proposal, timing }, now);
    // The session is set now: the index carries it.
    await indexProposal(tx, id);
  });
}

async function checkComplete(tx: Db, p: ProposalRow, signers: SignerRow[]) {
  const issues: FieldIssue[] = [];
  if (!p.situation.trim()) issues.push({ path: 'situation', message: '请填写“情况”' });
  if (!p.analysis.trim()) issues.push({ path: 'analysis', message: '请填写“分析”' });
  if (!p.suggestions.trim()) issues.push({ path: 'suggestions', message: '请填写“建议”（须有具体建议）' });
  if (!p.category) issues.push({ path: 'category', message: '请选择提案类别' });
  if (p.proposerKind === 'member_joint' && !signers.some((s) => s.role === 'cosigner' && !s.declinedAt)) {
    issues.push({ path: 'cosignerIds', message: '联名提案至少需要一位联名人' });
  }
  if (p.leadUnitId) {
    const [unit] = await tx.select().from(participatingUnits).where(eq(participatingUnits.id, p.leadUnitId));
    if (!p.signatoryName) issues.push({ path: 'signatoryName', message: '集体提案须填写签署人' });
    if (unit?.sealRequired && !p.sealAttached)
      issues.push({ path: 'sealAttached', message: '集体提案须加盖单位公章' });
  }
  if (issues.length) throw new AppError('VALIDATION_FAILED', issues);
}

/**
 * If the proposal waits in `cosigning` and no invitation is open any more, it becomes `submitted` with
 * the next intake number of its session (numbers are handed out under a lock on the session row).
 */
export async function completeSubmissionIfReady(
  tx: Db,
  ctx: RequestContext | null,
  id: string,
): Promise<boolean> {
  const [p] = await tx.select().from(proposals).where(eq(proposals.id, id)).for('update');
  if (p?.state !== 'cosigning' || !p.sessionId) return false;
  const open = await tx
    .select({ id: proposalSigners.id })
    .from(proposalSigners)
    .where(
      and(
        eq(proposalSigners.proposalId, id),
        eq(proposalSigners.role, 'cosigner'),
        isNull(proposalSigners.confirmedAt),
        isNull(proposalSigners.declinedAt),
        isNull(proposalSigners.droppedAt),
      ),
    );
  if (open.length > 0) return false;
  // A proposal resubmitted after revision keeps its intake number.
  const intakeNo = p.intakeNo ?? (await nextNumber(tx, p.sessionId, proposals.intakeNo));
  const now = currentTime();
  await tx
    .update(proposals)
    .set({
      state: 'submitted',
      intakeNo,
      submittedAt: now,
      version: sql`${proposals.version} + 1`,
      updatedAt: now,
    })
    .where(eq(proposals.id, id));
  const source = ctx
    ? auditSource(ctx)
    : { actor: null, requestId: 'system', ip: '127.0.0.1', userAgent: null };
  await recordAudit(tx, source, {
    action: 'proposal.submitted',
    targetType: 'proposal',
    targetId: id,
    targetLabel: p.title,
    committeeId: p.committeeId,
    after: { intakeNo, submittedAt: now },
  });
  return true;
}

/**
 * The next serial of a session (intake or filing number), taken under a lock on the session row.
 * NO KEY UPDATE, not UPDATE: the submitting transaction already holds a KEY SHARE lock on that row (the
 * foreign-key check of proposals.session_id), and two submitters asking FOR UPDATE would deadlock.
 */
export async function nextNumber(
  tx: Db,
  sessionId: string,
  column: typeof proposals.intakeNo | typeof proposals.number,
) {
  await tx
    .select({ id: plenarySessions.id })
    .from(plenarySessions)
    .where(eq(plenarySessions.id, sessionId))
    .for('no key update');
  const [last] = await tx
    .select({ n: max(column) })
    .from(proposals)
    .where(eq(proposals.sessionId, sessionId));
  return (last?.n ?? 0) + 1;
}
