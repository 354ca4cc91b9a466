import { eq } from 'drizzle-orm';
import { defaultProposalRules, type ProposalRules, proposalRules } from '@tongxin/common/proposals/rules.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { proposalSettings } from '../schema.ts';

/** The committee's proposal rules, or the defaults when an administrator has not set any. */
export async function loadRules(db: Db, committeeId: string): Promise<ProposalRules> {
  const [row] = await db.select().from(proposalSettings).where(eq(proposalSettings.committeeId, committeeId));
  const parsed = row ? proposalRules.safeParse(row.rules) : null;
  return parsed?.success ? parsed.data : defaultProposalRules;
}
