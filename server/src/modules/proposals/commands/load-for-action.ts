import { and, eq } from 'drizzle-orm';
import type { ProposalAction } from '@tongxin/common/proposals/workflow.ts';
import { proposalTransitions, type Transition } from '@tongxin/common/proposals/workflow.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import {
  canProposal,
  isAllowedActor,
  type ProposalRelation,
  type ProposalRow,
  relationOf,
  type SignerRow,
  visibleProposals,
} from '../proposals.policy.ts';
import { proposalSigners, proposals } from '../schema.ts';

export interface Loaded {
  proposal: ProposalRow;
  signers: SignerRow[];
  rel: ProposalRelation;
}

/**
 * The first step of every proposal command: lock the row the actor may see (404), then check who may act
 * (403), the state (409 WRONG_STATE) and the version the client saw (409 VERSION_CONFLICT).
 */
export async function loadForAction(
  tx: Db,
  actor: Actor,
  id: string,
  action: ProposalAction,
  expectedVersion?: number,
): Promise<Loaded> {
  const [proposal] = await tx
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), visibleProposals(actor)))
    .for('update');
  if (!proposal) throw new AppError('NOT_FOUND');
  const signers = await tx.select().from(proposalSigners).where(eq(proposalSigners.proposalId, id));
  const rel = relationOf(actor, proposal, signers);
  const t = proposalTransitions[action] as Transition<string>;
  if (!isAllowedActor(actor, t, rel)) throw new AppError('FORBIDDEN');
  if (!canProposal(actor, action, proposal, rel)) {
    throw new AppError(t.from.includes(proposal.state) ? 'FORBIDDEN' : 'WRONG_STATE', {
      state: proposal.state,
      action,
    });
  }
  if (expectedVersion !== undefined && proposal.version !== expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { currentVersion: proposal.version, expectedVersion });
  }
  return { proposal, signers, rel };
}
