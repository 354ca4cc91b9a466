import { and, asc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import { proposalLabels } from '@tongxin/common/proposals/enums.ts';
import { type Actor, hasRole } from '../../../platform/authz/actor.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { proposalCompilationDocx } from '../../../platform/documents/compilation.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { committees } from '../../../platform/tenancy/schema.ts';
import { chineseNumber } from '../../org/resources/simple.ts';
import { handlerUnits, plenarySessions, terms } from '../../org/schema.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { visibleProposals } from '../proposals.policy.ts';
import { assignments, proposals } from '../schema.ts';

/** The session's 提案汇编: every filed proposal in number order, as one Word file. */
export async function sessionCompilation(
  db: Db,
  actor: Actor,
  sessionId: string,
): Promise<{ file: Buffer; name: string }> {
  if (!hasRole(actor, 'proposal_staff', 'chair_council', 'sysadmin', 'office_staff'))
    throw new AppError('FORBIDDEN');
  const [session] = await db
    .select({ s: plenarySessions, termNo: terms.termNo, committee: committees.name })
    .from(plenarySessions)
    .innerJoin(terms, eq(terms.id, plenarySessions.termId))
    .innerJoin(committees, eq(committees.id, plenarySessions.committeeId))
    .where(and(eq(plenarySessions.id, sessionId), eq(plenarySessions.committeeId, actor.committeeId)));
  if (!session) throw new AppError('NOT_FOUND');
  const rows = await db
    .select()
    .from(proposals)
    .where(and(visibleProposals(actor), eq(proposals.sessionId, sessionId), isNotNull(proposals.number)))
    .orderBy(asc(proposals.number));
  const views = await presentProposals(db, actor, rows, { withText: true });
  const units = rows.length
    ? await db
        .select({ proposalId: assignments.proposalId, mode: assignments.mode, name: handlerUnits.name })
        .from(assignments)
        .innerJoin(handlerUnits, eq(handlerUnits.id, assignments.handlerUnitId))
        .where(
          and(
            inArray(
              assignments.proposalId,
              rows.map((r) => r.id),
            ),
            ne(assignments.state, 'reassigned'),
          ),
        )
    : [];
  const sessionName = `第${chineseNumber(session.termNo)}届第${chineseNumber(session.s.sessionNo)}次会议`;
  const file = await proposalCompilationDocx({
    committeeName: session.committee,
    sessionName,
    compiledAt: shanghaiDate(new Date()),
    proposals: views.map((v) => {
      const cosigners = v.signers
        .filter((s) => s.role === 'cosigner' && s.status === 'confirmed')
        .map((s) => s.name);
      const byMode = (modes: string[]) =>
        units.filter((u) => u.proposalId === v.id && modes.includes(u.mode)).map((u) => u.name);
      const lead = byMode(['lead', 'sole', 'split']);
      const co = byMode(['co']);
      return {
        number: v.number ?? 0,
        title: v.title,
        proposerLine: `提案人：${v.proposerName}${cosigners.length ? `　联名：${cosigners.join('、')}` : ''}`,
        category: v.category ? proposalLabels.category[v.category] : '',
        handlersLine: lead.length
          ? `主办：${lead.join('、')}${co.length ? `；会办：${co.join('、')}` : ''}`
          : undefined,
        situation: 'situation' in v ? v.situation : '',
        analysis: 'analysis' in v ? v.analysis : '',
        suggestions: 'suggestions' in v ? v.suggestions : '',
      };
    }),
  });
  return { file, name: `${sessionName}提案汇编.docx` };
}
