import { and, asc, eq, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { findHits, renderHighlighted, type Snippet, snippetOf } from '../../../platform/text/highlight.ts';
import type { SearchQuery } from '../../../platform/text/query.ts';
import type { Segmenter } from '../../../platform/text/segmenter.ts';
import type { ProposalRow } from '../../proposals/proposals.policy.ts';
import { assignments, replyLetters } from '../../proposals/schema.ts';
import { readsAllReplyDrafts, replyUnitsOf } from '../search.policy.ts';

/** Where a snippet comes from: the proposal's three parts or a reply letter. */
export type SnippetSource = 'situation' | 'analysis' | 'suggestions' | 'reply';

export interface SnippetView {
  source: SnippetSource;
  /** Escaped text with `<mark>` around the hits; nothing else is markup. */
  html: string;
}

const maxSnippets = 2;

/**
 * Highlighted title and the best one or two passages of each proposal on the page, computed in the app
 * from the query's terms: the texts are those the actor may read (the reply letters by the same rule as
 * the index rows they matched).
 */
export async function snippetsOf(
  db: Db,
  actor: Actor,
  rows: ProposalRow[],
  query: SearchQuery,
  seg: Segmenter,
): Promise<Map<string, { titleHtml: string; snippets: SnippetView[] }>> {
  const out = new Map<string, { titleHtml: string; snippets: SnippetView[] }>();
  if (rows.length === 0) return out;
  const units = replyUnitsOf(actor);
  const letters = await db
    .select({ proposalId: replyLetters.proposalId, body: replyLetters.body })
    .from(replyLetters)
    .innerJoin(assignments, eq(assignments.id, replyLetters.assignmentId))
    .where(
      and(
        inArray(
          replyLetters.proposalId,
          rows.map((r) => r.id),
        ),
        eq(replyLetters.kind, 'reply'),
        readsAllReplyDrafts(actor)
          ? undefined
          : or(
              isNotNull(replyLetters.sentAt),
              units.length ? inArray(assignments.handlerUnitId, units) : undefined,
            ),
      ) as SQL,
    )
    .orderBy(asc(replyLetters.round), asc(replyLetters.createdAt));
  for (const p of rows) {
    const texts: { source: SnippetSource; text: string }[] = [
      { source: 'situation', text: p.situation },
      { source: 'analysis', text: p.analysis },
      { source: 'suggestions', text: p.suggestions },
      ...letters
        .filter((l) => l.proposalId === p.id)
        .map((l) => ({ source: 'reply' as const, text: l.body })),
    ];
    const found = texts
      .map((t, order) => ({ ...t, order, snippet: snippetOf(t.text, findHits(t.text, query, seg)) }))
      .filter((t) => t.snippet.hits > 0)
      .sort((a, b) => rankOf(b.snippet) - rankOf(a.snippet) || a.order - b.order)
      .slice(0, maxSnippets);
    // A match in the title alone: the beginning of the text says what the proposal is about.
    const first = texts.find((t) => t.text.trim());
    const snippets = found.length
      ? found.map((t) => ({ source: t.source, html: t.snippet.html }))
      : first
        ? [{ source: first.source, html: snippetOf(first.text, []).html }]
        : [];
    out.set(p.id, { titleHtml: renderHighlighted(p.title, findHits(p.title, query, seg)), snippets });
  }
  return out;
}

const rankOf = (s: Snippet) => s.terms * 1000 + s.hits;
