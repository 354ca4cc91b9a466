import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, hasRole, scopeIds } from '../../platform/authz/actor.ts';
import { inIds, uuidArray } from '../../platform/db/id-list.ts';
import { searchDocuments } from './schema.ts';

/**
 * Who reads a reply letter before it is sent — the same rule as the proposal's detail page
 * (`proposalHandling`): the proposals office and the supervision office read every draft, a handler
 * unit reads its own; everyone else only sent letters.
 */
export function readsAllReplyDrafts(actor: Actor): boolean {
  return hasRole(actor, 'proposal_staff', 'supervision_office');
}

export function replyUnitsOf(actor: Actor): string[] {
  return scopeIds(actor, 'handler_clerk', 'handler_leader');
}

/**
 * The index rows the actor may match, on top of `visibleProposals` (which the search always ANDs in): a
 * proposal's own text, and reply letters as they may read them. So a draft reply neither matches, nor
 * counts, nor moves a proposal up the ranking for someone who could not open it.
 */
export function readableSearchDocuments(actor: Actor): SQL {
  const units = replyUnitsOf(actor);
  return and(
    eq(searchDocuments.committeeId, actor.committeeId),
    or(
      eq(searchDocuments.targetType, 'proposal'),
      eq(searchDocuments.published, true),
      readsAllReplyDrafts(actor) ? sql`true` : undefined,
      units.length ? inArray(searchDocuments.handlerUnitId, units) : undefined,
    ),
  ) as SQL;
}

/**
 * The index rows of what a narrow reader (`readsFiledRecord` false: a handler unit's people) may see, the
 * same proposals as `visibleProposals` gives them: those assigned to their units — the live tasks' units,
 * copied onto every row of the proposal (`proposal_unit_ids`, migration 0015) — and their own (`ownIds`,
 * from `ownProposalIds`). Null when that is nothing. Read from indexes, so a word's matches are narrowed
 * to the unit before any text is read.
 */
export function narrowScopeDocuments(actor: Actor, ownIds: string[]): SQL | null {
  const units = scopeIds(actor, 'handler_clerk', 'handler_leader');
  if (units.length === 0 && ownIds.length === 0) return null;
  return or(
    units.length ? sql`${searchDocuments.proposalUnitIds} && ${uuidArray(units)}` : undefined,
    ownIds.length ? inIds(searchDocuments.proposalId, ownIds) : undefined,
  ) as SQL;
}

/** Everyone signed in searches (within what they may see); the dictionary and the rebuild are the sysadmin's. */
export function canManageSearch(actor: Actor): boolean {
  return hasRole(actor, 'sysadmin');
}

/**
 * The 并案 candidates and their one-step merge: whoever records review decisions (the `recommend`
 * transition's proposal staff).
 */
export function canMergeDuplicates(actor: Actor): boolean {
  return hasRole(actor, 'proposal_staff');
}

/** Handler-unit suggestions: whoever may assign (the `assign` transition's roles). */
export function canSuggestUnits(actor: Actor): boolean {
  return hasRole(actor, 'proposal_staff', 'supervision_office');
}

export function searchAbilities(actor: Actor): Record<string, boolean> {
  return {
    'search.use': true,
    'search.dictionary': canManageSearch(actor),
    'search.mergeDuplicates': canMergeDuplicates(actor),
    'search.suggestUnits': canSuggestUnits(actor),
  };
}
