import { desc, eq } from 'drizzle-orm';
import type { ProposalRules } from '@tongxin/common/proposals/rules.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { plenarySessions } from '../../org/schema.ts';

type Session = typeof plenarySessions.$inferSelect;

/**
 * The session a proposal submitted at `now` belongs to, and whether it is a 大会提案 (from the configured
 * months before opening until the session's proposal deadline) or a 平时提案 (after the deadline, until the
 * next session's window opens).
 */
export async function sessionFor(
  tx: Db,
  committeeId: string,
  now: Date,
  rules: ProposalRules,
): Promise<{ session: Session; timing: 'plenary' | 'recess' }> {
  const sessions = await tx
    .select()
    .from(plenarySessions)
    .where(eq(plenarySessions.committeeId, committeeId))
    .orderBy(desc(plenarySessions.openDate));
  for (const session of sessions) {
    const windowOpens = new Date(`${session.openDate}T00:00:00+08:00`);
    windowOpens.setUTCMonth(windowOpens.getUTCMonth() - rules.plenaryWindowMonths);
    if (now >= windowOpens)
      return { session, timing: now <= session.proposalDeadline ? 'plenary' : 'recess' };
  }
  throw new AppError('VALIDATION_FAILED', [
    { path: 'sessionId', message: '尚未设置可以提交提案的会议，请联系提案委员会办公室' },
  ]);
}

/** "十四届四次会议第0001号" */
export function proposalNumberLabel(sessionName: string, n: number): string {
  return `${sessionName}第${String(n).padStart(4, '0')}号`;
}
