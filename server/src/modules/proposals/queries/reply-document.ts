import { and, desc, eq, ne } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.ts';
import { shanghaiDate } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/connect.ts';
import { replyLetterDocx } from '../../../platform/documents/reply-letter.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { committees } from '../../../platform/tenancy/schema.ts';
import { supervisionOffices } from '../../org/schema.ts';
import { unitNames } from '../assignments.presenter.ts';
import { visibleAssignments } from '../assignments.policy.ts';
import { currentTime } from '../clock.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { visibleProposals } from '../proposals.policy.ts';
import { assignments, proposals, replyLetters } from '../schema.ts';
import { loadRules } from '../settings/load-rules.ts';

/**
 * The task's latest reply (or 会办意见) as a Word file in the 公文 layout. The unit and the overseers get
 * drafts too; anyone who may read the proposal gets a reply once it has been sent.
 */
export async function replyDocument(db: Db, actor: Actor, id: string, now = currentTime()) {
  const [own] = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.id, id), visibleAssignments(actor)));
  const [row] = own
    ? [own]
    : await db
        .select({ a: assignments })
        .from(assignments)
        .innerJoin(proposals, eq(proposals.id, assignments.proposalId))
        .where(and(eq(assignments.id, id), ne(assignments.mode, 'co'), visibleProposals(actor)))
        .then((rows) => rows.map((r) => r.a));
  if (!row) throw new AppError('NOT_FOUND');
  const kind = row.mode === 'co' ? 'co_opinion' : 'reply';
  const [letter] = await db
    .select()
    .from(replyLetters)
    .where(and(eq(replyLetters.assignmentId, id), eq(replyLetters.kind, kind)))
    .orderBy(desc(replyLetters.round))
    .limit(1);
  if (!letter || (!own && !letter.sentAt)) throw new AppError('NOT_FOUND');
  const [p] = await db.select().from(proposals).where(eq(proposals.id, row.proposalId));
  const [view] = await presentProposals(db, actor, [p!]);
  const [committee] = await db.select().from(committees).where(eq(committees.id, row.committeeId));
  const offices = await db
    .select({ name: supervisionOffices.name })
    .from(supervisionOffices)
    .where(eq(supervisionOffices.committeeId, row.committeeId));
  const siblings = await db
    .select()
    .from(assignments)
    .where(and(eq(assignments.proposalId, row.proposalId), ne(assignments.state, 'reassigned')));
  const names = await unitNames(db, [row.handlerUnitId, ...siblings.map((s) => s.handlerUnitId)]);
  const rules = await loadRules(db, row.committeeId);
  const city = /^政协(.+?)委员会/.exec(committee?.name ?? '')?.[1] ?? '';
  const no = p!.number ? `第${String(p!.number).padStart(4, '0')}号` : '';
  const session = view!.sessionName ? `第${view!.sessionName}` : '';
  const lead = siblings.find((s) => s.mode === 'lead');
  const recipient =
    row.mode === 'co'
      ? (names.get(lead?.handlerUnitId ?? '') ?? '')
      : p!.leadMemberId
        ? `${view!.proposerName}委员`
        : view!.proposerName;
  const level = committee?.level === 'county' ? '县' : '市';
  const buffer = await replyLetterDocx({
    unitName: names.get(row.handlerUnitId) ?? '',
    docNumber: letter.docNumber,
    title: `关于政协${city}${session}${no}提案的答复`,
    resultClass: letter.resultClass ?? '',
    resultClassLabel: rules.resultClasses.find((c) => c.code === letter.resultClass)?.label ?? '',
    recipient,
    body: letter.body,
    contactName: letter.contactName,
    contactPhone: letter.contactPhone,
    signDate: shanghaiDate(letter.sentAt ?? letter.signedAt ?? now),
    copiesTo: [
      `${level}政协提案委员会`,
      ...offices.map((o) => o.name),
      ...(row.mode === 'lead'
        ? siblings.filter((s) => s.mode === 'co').map((s) => names.get(s.handlerUnitId) ?? '')
        : []),
    ],
    isCoHandlerOpinion: row.mode === 'co',
  });
  const title = `${p!.title}${row.mode === 'co' ? '（会办意见）' : '（答复）'}`;
  return { buffer, fileName: `${title.slice(0, 60)}.docx` };
}
