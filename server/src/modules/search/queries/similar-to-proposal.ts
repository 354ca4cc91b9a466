import { and, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { visibleProposals } from '../../proposals/proposals.policy.ts';
import { proposals } from '../../proposals/schema.ts';
import { similarProposals } from './similar-proposals.ts';
import type { SimilarProposal } from './similar-view.ts';

/** The proposals most similar to one the actor may see (404 otherwise): the review queue's column. */
export async function similarToProposal(
  db: Db,
  actor: Actor,
  id: string,
  limit = 5,
): Promise<{ items: SimilarProposal[] }> {
  const [p] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, id), visibleProposals(actor)));
  if (!p) throw new AppError('NOT_FOUND');
  const items = await similarProposals(db, actor, {
    title: p.title,
    body: [p.situation, p.analysis, p.suggestions].join('\n'),
    excludeProposalId: p.id,
    limit,
  });
  return { items };
}
