import { and, eq, inArray, ne } from 'drizzle-orm';
import type { UnitSuggestion } from '@tongxin/common/search/similar.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { handlerUnits, plenarySessions, terms } from '../../org/schema.ts';
import { sessionName } from '../../org/resources/simple.ts';
import { visibleProposals } from '../../proposals/proposals.policy.ts';
import { assignments, proposals } from '../../proposals/schema.ts';
import { canSuggestUnits } from '../search.policy.ts';
import { rankSimilar } from './similar-proposals.ts';

/** Past proposals looked at: the most similar ones that were assigned. */
const evidenceProposals = 20;
const maxUnits = 5;
/** A co-handling unit answered part of the proposal: its share of the evidence counts half. */
const modeWeight = { sole: 1, lead: 1, split: 1, co: 0.5 } as const;

/**
 * 承办单位建议 at assignment: the handler units that handled the proposals most similar to this one (every
 * session, within what the actor may see), ranked by the summed similarity of those proposals (a
 * co-handler's counted half), each with its evidence. Suggestions only: staff accept one into the plan or
 * ignore them. For whoever may assign (403), on a proposal they may see (404).
 */
export async function unitSuggestions(
  db: Db,
  actor: Actor,
  proposalId: string,
): Promise<{ items: UnitSuggestion[] }> {
  const [p] = await db
    .select()
    .from(proposals)
    .where(and(eq(proposals.id, proposalId), visibleProposals(actor)));
  if (!p) throw new AppError('NOT_FOUND');
  if (!canSuggestUnits(actor)) throw new AppError('FORBIDDEN');
  const ranked = (
    await rankSimilar(db, actor, {
      title: p.title,
      body: [p.situation, p.analysis, p.suggestions].join('\n'),
      excludeProposalId: p.id,
      states: ['assigned', 'handling', 'evaluating', 'rehandling', 'closed'],
      wordsOnly: true,
    })
  ).slice(0, evidenceProposals);
  if (ranked.length === 0) return { items: [] };
  const score = new Map(ranked.map((r) => [r.id, r.score]));
  const handled = await db
    .select({
      proposalId: assignments.proposalId,
      mode: assignments.mode,
      unitId: handlerUnits.id,
      unitName: handlerUnits.name,
      title: proposals.title,
      termNo: terms.termNo,
      sessionNo: plenarySessions.sessionNo,
    })
    .from(assignments)
    .innerJoin(handlerUnits, eq(handlerUnits.id, assignments.handlerUnitId))
    .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
    .leftJoin(plenarySessions, eq(plenarySessions.id, proposals.sessionId))
    .leftJoin(terms, eq(terms.id, plenarySessions.termId))
    .where(and(inArray(assignments.proposalId, [...score.keys()]), ne(assignments.state, 'reassigned')));
  const units = new Map<string, UnitSuggestion>();
  for (const h of handled) {
    const s = score.get(h.proposalId)!;
    const unit = units.get(h.unitId) ?? { handlerUnitId: h.unitId, name: h.unitName, score: 0, evidence: [] };
    unit.score += s * modeWeight[h.mode];
    unit.evidence.push({
      proposalId: h.proposalId,
      title: h.title,
      sessionName: h.termNo && h.sessionNo ? sessionName(h.termNo, h.sessionNo) : null,
      score: s,
      mode: h.mode,
    });
    units.set(h.unitId, unit);
  }
  const items = [...units.values()]
    .map((u) => ({
      ...u,
      score: Math.round(u.score * 10_000) / 10_000,
      evidence: u.evidence.sort((a, b) => b.score - a.score),
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, maxUnits);
  return { items };
}
