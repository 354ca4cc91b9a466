import { and, eq, inArray } from 'drizzle-orm';
import type { MergeCandidateGroup } from '@tongxin/common/search/similar.ts';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { filedStates, visibleProposals } from '../../proposals/proposals.policy.ts';
import { proposals } from '../../proposals/schema.ts';
import { searchDocuments } from '../schema.ts';
import { canMergeDuplicates } from '../search.policy.ts';
import { committeeSegmenter } from '../segmenters.ts';
import { corpusStats, idfOf } from './corpus-stats.ts';
import { presentSimilar } from './similar-view.ts';
import { comparedText } from './similar-proposals.ts';
import { cosine, heaviest, similarity, WordIds } from './similarity.ts';

/**
 * Two proposals this alike are likely the same proposal: a 并案 candidate pair. A paraphrase of a proposal
 * scores 0.3–0.6 against it, a proposal of a neighbouring topic under 0.1 (the tests' corpus).
 */
export const mergeThreshold = 0.3;
/** Words kept per proposal for the pairwise pass (the heaviest); the pairs above a floor are recomputed whole. */
const keptWords = 80;
const prefilter = 0.12;
const awaitingReview = ['submitted', 'under_review'] as const;

/**
 * Likely duplicates within one session, grouped: the proposals awaiting review, and the session's filed
 * ones as possible parents, compared pairwise (tf-idf cosine through an inverted index of each proposal's
 * heaviest words, then the exact similarity of the pairs that come close). A group is the proposals joined
 * pairwise or transitively above `mergeThreshold`, with at least one awaiting review. For whoever records
 * review decisions (403 otherwise); within what they may see.
 */
export async function mergeCandidates(
  db: Db,
  actor: Actor,
  sessionId: string,
): Promise<{ groups: MergeCandidateGroup[] }> {
  if (!canMergeDuplicates(actor)) throw new AppError('FORBIDDEN');
  const rows = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      state: proposals.state,
      submittedAt: proposals.submittedAt,
      filedAt: proposals.filedAt,
      tokens: searchDocuments.tokens,
    })
    .from(proposals)
    .innerJoin(
      searchDocuments,
      and(eq(searchDocuments.proposalId, proposals.id), eq(searchDocuments.targetType, 'proposal')),
    )
    .where(
      and(
        visibleProposals(actor),
        eq(proposals.sessionId, sessionId),
        inArray(proposals.state, [...awaitingReview, ...filedStates]),
      ),
    );
  const [seg, stats] = await Promise.all([
    committeeSegmenter(db, actor.committeeId),
    corpusStats(db, actor.committeeId),
  ]);
  const words = new WordIds(seg, idfOf(stats));
  const docs = rows.map((r) => ({ ...r, text: comparedText(words, r.title, r.tokens) }));
  const pruned = docs.map((d) => heaviest(d.text.all, keptWords));
  const awaiting = (i: number) => (awaitingReview as readonly string[]).includes(docs[i]!.state);
  // Inverted index of the pruned vectors: only proposals sharing a heavy word are compared.
  const postings = new Map<number, number[]>();
  pruned.forEach((v, i) => {
    for (const w of v.ids) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const pairs: { a: number; b: number; score: number }[] = [];
  for (let i = 0; i < docs.length; i++) {
    const seen = new Set<number>();
    for (const w of pruned[i]!.ids) for (const j of postings.get(w)!) if (j > i) seen.add(j);
    for (const j of seen) {
      if (!awaiting(i) && !awaiting(j)) continue;
      if (cosine(pruned[i]!, pruned[j]!) < prefilter) continue;
      const a = docs[i]!.text;
      const score = similarity({ title: a.title, all: a.all, hasBody: true }, docs[j]!.text);
      if (score >= mergeThreshold) pairs.push({ a: i, b: j, score: Math.round(score * 10_000) / 10_000 });
    }
  }
  const groups = groupsOf(docs.length, pairs);
  const out: MergeCandidateGroup[] = [];
  for (const members of groups) {
    const inGroup = pairs.filter((p) => members.includes(p.a));
    const best = new Map<number, number>();
    for (const p of inGroup) {
      best.set(p.a, Math.max(best.get(p.a) ?? 0, p.score));
      best.set(p.b, Math.max(best.get(p.b) ?? 0, p.score));
    }
    const parent = [...members].sort((x, y) => parentRank(docs[x]!) - parentRank(docs[y]!))[0]!;
    const views = await presentSimilar(
      db,
      actor,
      members.map((i) => ({ id: docs[i]!.id, score: best.get(i) ?? 0 })),
    );
    out.push({
      suggestedParentId: docs[parent]!.id,
      score: Math.max(...inGroup.map((p) => p.score)),
      proposals: views,
      pairs: inGroup.map((p) => ({ a: docs[p.a]!.id, b: docs[p.b]!.id, score: p.score })),
    });
  }
  return { groups: out.sort((x, y) => y.score - x.score) };
}

/** The parent a reviewer would pick: a filed proposal (the earliest filed), else the earliest submitted. */
function parentRank(d: { state: string; filedAt: Date | null; submittedAt: Date | null }): number {
  const filed = (filedStates as readonly string[]).includes(d.state);
  const at = (filed ? d.filedAt : d.submittedAt)?.getTime() ?? Number.MAX_SAFE_INTEGER / 2;
  return (filed ? 0 : Number.MAX_SAFE_INTEGER / 2) + at;
}

/** Connected components (union–find) of the pairs, with at least one proposal awaiting review. */
function groupsOf(n: number, pairs: { a: number; b: number }[]): number[][] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const p of pairs) parent[find(p.a)] = find(p.b);
  const byRoot = new Map<number, number[]>();
  for (const p of pairs) {
    for (const i of [p.a, p.b]) {
      const root = find(i);
      const list = byRoot.get(root) ?? [];
      if (!list.includes(i)) list.push(i);
      byRoot.set(root, list);
    }
  }
  return [...byRoot.values()];
}
