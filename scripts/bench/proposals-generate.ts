/**
 * Bench data for the proposal benchmarks: the demo committee (800 members, handler units, logins) with a
 * second term, one login per member and per unit, and 50,000 proposals over eight sessions carrying the
 * history their state implies — signers, the four review stages, intake and filing numbers, assignments
 * with due dates, reply letters (sent, classes A/B/C) with co-signs, proposer feedback (two rounds where
 * the first was 不满意), handling contacts, extensions, key proposals and one audit row per transition.
 *
 * Everything is planned in memory from a seeded PRNG (same words, states and dates on every run; only the
 * UUIDs differ), then written table by table: rows in chunks of 1,000 through `json_to_recordset` (one
 * parameter per statement), the audit trail with `INSERT … SELECT` from the rows already written.
 *
 * Dates are real: the eight sessions are the 13th term's 3rd–5th and the 14th term's 1st–5th (2019–2026),
 * all closed out except the latest, which is mid-handling (some filed and waiting for the 交办会, some
 * assigned, handling, awaiting ratings, re-handled). The 14th term's 6th session, whose plenary window
 * is open today, receives the benchmark's submissions.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { createRng } from '../../server/src/modules/demo/prng.ts';
import { demoPassword, seedDemo } from '../../server/src/modules/demo/seed-demo.ts';
import { addCalendarDays, shanghaiDate } from '../../server/src/platform/calendar/working-days.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';
import {
  handlerUnits,
  members,
  participatingUnits,
  plenarySessions,
  sectors,
  specialCommittees,
  supervisionOffices,
  terms,
  userRoles,
  users,
} from '../../server/src/platform/db/schema.ts';
import { hashPassword } from '../../server/src/platform/security/password.ts';
import {
  cn,
  latestFates,
  type MemberRef,
  oldFates,
  type PlannedProposal,
  ProposalPlanner,
  type Row,
  type UnitPeople,
  windowOpen,
} from './proposals-plan.ts';
import { type Category, coOpinionBody, proposalText, replyBody, topics } from './proposals-text.ts';

export interface GenerateOptions {
  /** Total proposals (drafts included); 50,000 by default. */
  proposals?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface SessionInfo {
  id: string;
  label: string;
  year: number;
  proposals: number;
}

export interface BenchProposalData {
  committeeId: string;
  password: string;
  /** proposal_staff (提案委员会办公室). */
  staffUsername: string;
  /** Member logins of the 14th term, one member each, for the submitters. */
  memberUsernames: string[];
  /** The session whose plenary window holds today: where new submissions land. */
  currentSessionId: string;
  /** The latest session with data (mid-handling): the list filters and the bulk assignments. */
  latestSessionId: string;
  largestSession: SessionInfo;
  sessions: SessionInfo[];
  /** The last full calendar year (statistics by year). */
  statsYear: number;
  handlerUnitIds: Map<string, string>;
  rows: Record<string, number>;
  /** Seconds per step. */
  steps: Record<string, number>;
}

const ip = '127.0.0.1';
const requestId = 'bench-seed';

/** The eight sessions with data; the last is the one still being handled. */
const sessionPlan = [
  { term: 13, sessionNo: 3, openDate: '2019-01-12', closeDate: '2019-01-16', weight: 0.92 },
  { term: 13, sessionNo: 4, openDate: '2020-01-11', closeDate: '2020-01-15', weight: 0.95 },
  { term: 13, sessionNo: 5, openDate: '2021-01-09', closeDate: '2021-01-13', weight: 0.98 },
  { term: 14, sessionNo: 1, openDate: '2022-02-19', closeDate: '2022-02-23', weight: 1.0 },
  { term: 14, sessionNo: 2, openDate: '2023-02-18', closeDate: '2023-02-22', weight: 1.02 },
  { term: 14, sessionNo: 3, openDate: '2024-02-24', closeDate: '2024-02-28', weight: 1.04 },
  { term: 14, sessionNo: 4, openDate: '2025-02-22', closeDate: '2025-02-26', weight: 1.06 },
  { term: 14, sessionNo: 5, openDate: '2026-02-06', closeDate: '2026-02-10', weight: 1.12 },
] as const;

// ---------------------------------------------------------------------------------------------- writing

type Columns = readonly (readonly [string, string])[];

/** Inserts rows in chunks of 1,000, one JSON parameter per statement (`json_to_recordset`). */
async function insertRows(
  tx: Db,
  table: string,
  columns: Columns,
  rows: readonly Row[] | ((from: number, to: number) => Row[]),
  total = Array.isArray(rows) ? rows.length : 0,
) {
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const defs = columns.map(([c, type]) => `"${c}" ${type}`).join(', ');
  for (let from = 0; from < total; from += 1000) {
    const to = Math.min(total, from + 1000);
    const chunk = typeof rows === 'function' ? rows(from, to) : rows.slice(from, to);
    await tx.execute(
      sql`insert into ${sql.identifier(table)} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${JSON.stringify(chunk)}::json) as x(${sql.raw(defs)})`,
    );
  }
}

const business: Columns = [
  ['id', 'uuid'],
  ['committee_id', 'uuid'],
  ['version', 'int'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const proposalColumns: Columns = [
  ...business,
  ['session_id', 'uuid'],
  ['intake_no', 'int'],
  ['number', 'int'],
  ['timing', 'text'],
  ['proposer_kind', 'text'],
  ['lead_member_id', 'uuid'],
  ['lead_unit_id', 'uuid'],
  ['lead_special_committee_id', 'uuid'],
  ['lead_sector_id', 'uuid'],
  ['lead_group_name', 'text'],
  ['signatory_name', 'text'],
  ['seal_attached', 'boolean'],
  ['created_by_user_id', 'uuid'],
  ['entered_on_behalf', 'boolean'],
  ['title', 'text'],
  ['situation', 'text'],
  ['analysis', 'text'],
  ['suggestions', 'text'],
  ['category', 'text'],
  ['sub_category', 'text'],
  ['suggested_handler_unit_ids', 'uuid[]'],
  ['consent_to_publish', 'boolean'],
  ['non_publish_reason', 'text'],
  ['is_urgent', 'boolean'],
  ['state', 'text'],
  ['review_stage', 'int'],
  ['merged_into_id', 'uuid'],
  ['not_filed_reason_code', 'text'],
  ['not_filed_reason_text', 'text'],
  ['converted_to', 'text'],
  ['is_key', 'boolean'],
  ['close_reason', 'text'],
  ['submitted_at', 'timestamptz'],
  ['filed_at', 'timestamptz'],
  ['assigned_at', 'timestamptz'],
  ['replied_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['feedback_due_on', 'date'],
];
const signerColumns: Columns = [
  ['committee_id', 'uuid'],
  ['proposal_id', 'uuid'],
  ['member_id', 'uuid'],
  ['role', 'text'],
  ['invited_at', 'timestamptz'],
  ['confirmed_at', 'timestamptz'],
  ['declined_at', 'timestamptz'],
  ['from_proposal_id', 'uuid'],
];
const reviewColumns: Columns = [
  ['committee_id', 'uuid'],
  ['proposal_id', 'uuid'],
  ['stage_index', 'int'],
  ['stage_name', 'text'],
  ['reviewer_user_id', 'uuid'],
  ['recommendation', 'text'],
  ['reason_code', 'text'],
  ['comment', 'text'],
  ['suggested_handler_unit_ids', 'uuid[]'],
  ['merge_into_id', 'uuid'],
  ['is_decision', 'boolean'],
  ['created_at', 'timestamptz'],
];
const assignmentColumns: Columns = [
  ...business,
  ['proposal_id', 'uuid'],
  ['handler_unit_id', 'uuid'],
  ['mode', 'text'],
  ['state', 'text'],
  ['round', 'int'],
  ['assigned_by_user_id', 'uuid'],
  ['assigned_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
  ['objection_due_on', 'date'],
  ['due_on', 'date'],
  ['extended_due_on', 'date'],
  ['completed_at', 'timestamptz'],
];
const letterColumns: Columns = [
  ...business,
  ['proposal_id', 'uuid'],
  ['assignment_id', 'uuid'],
  ['kind', 'text'],
  ['round', 'int'],
  ['doc_number', 'text'],
  ['body', 'text'],
  ['result_class', 'text'],
  ['contact_name', 'text'],
  ['contact_phone', 'text'],
  ['drafted_by_user_id', 'uuid'],
  ['signed_by_user_id', 'uuid'],
  ['signed_at', 'timestamptz'],
  ['supervision_status', 'text'],
  ['sent_at', 'timestamptz'],
  ['publish_mode', 'text'],
];
const cosignColumns: Columns = [
  ['committee_id', 'uuid'],
  ['reply_letter_id', 'uuid'],
  ['assignment_id', 'uuid'],
  ['decision', 'text'],
  ['comment', 'text'],
  ['decided_by_user_id', 'uuid'],
  ['decided_at', 'timestamptz'],
];
const feedbackColumns: Columns = [
  ['committee_id', 'uuid'],
  ['proposal_id', 'uuid'],
  ['round', 'int'],
  ['member_id', 'uuid'],
  ['rater_user_id', 'uuid'],
  ['overall', 'text'],
  ['consulted_before_reply', 'text'],
  ['handler_attitude', 'text'],
  ['agrees_with_result', 'boolean'],
  ['reply_on_point', 'boolean'],
  ['visit_happened', 'boolean'],
  ['comment', 'text'],
  ['recorded_by_staff', 'boolean'],
  ['submitted_at', 'timestamptz'],
];
const contactColumns: Columns = [
  ['committee_id', 'uuid'],
  ['assignment_id', 'uuid'],
  ['stage', 'text'],
  ['method', 'text'],
  ['contacted_on', 'date'],
  ['participants', 'text'],
  ['notes', 'text'],
  ['recorded_by_user_id', 'uuid'],
  ['created_at', 'timestamptz'],
];
const extensionColumns: Columns = [
  ['committee_id', 'uuid'],
  ['assignment_id', 'uuid'],
  ['reason', 'text'],
  ['requested_due_on', 'date'],
  ['requested_by_user_id', 'uuid'],
  ['requested_at', 'timestamptz'],
  ['decision', 'text'],
  ['decided_by_user_id', 'uuid'],
  ['decided_at', 'timestamptz'],
  ['decision_comment', 'text'],
];
const keyColumns: Columns = [
  ...business,
  ['proposal_id', 'uuid'],
  ['year', 'int'],
  ['selected_by_user_id', 'uuid'],
  ['selected_at', 'timestamptz'],
  ['responsible_committee_id', 'uuid'],
  ['supervision_plan', 'text'],
];

// ---------------------------------------------------------------------------------------------- generation

const day = (ms: number) => shanghaiDate(new Date(ms));

export async function generateProposalData(db: Db, opts: GenerateOptions = {}): Promise<BenchProposalData> {
  const total = opts.proposals ?? 50_000;
  const log = opts.log ?? (() => {});
  const rng = createRng(opts.seed ?? 20260301);
  const steps: Record<string, number> = {};
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = (now - mark) / 1000;
    mark = now;
    log(`    ${name}: ${steps[name].toFixed(1)} s`);
  };
  const nowMs = Date.now();

  // ── the committee: the demo's, with 800 members ──
  const demo = await seedDemo(db, { memberCount: 800 });
  const committeeId = demo.committeeId;
  const passwordHash = await hashPassword(demoPassword);
  const [term14] = await db.select().from(terms).where(eq(terms.committeeId, committeeId));
  const demoSessions = await db
    .select()
    .from(plenarySessions)
    .where(eq(plenarySessions.committeeId, committeeId));
  const allUsers = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(eq(users.committeeId, committeeId));
  const grants = await db.select().from(userRoles).where(eq(userRoles.committeeId, committeeId));
  const userName = new Map(allUsers.map((u) => [u.id, u.name]));
  const byUsername = new Map(allUsers.map((u) => [u.username, u.id]));
  const staffId = byUsername.get('tian')!;
  const scopeUser = (role: string, scopeId: string) =>
    grants.find((g) => g.role === role && g.scopeId === scopeId)?.userId;

  // ── the 13th term and its last three sessions ──
  const [term13] = await db
    .insert(terms)
    .values({ committeeId, termNo: 13, startDate: '2017-01-01', endDate: '2021-12-31' })
    .returning();
  const deadlineOf = (closeDate: string) => new Date(`${addCalendarDays(closeDate, -1)}T18:00:00+08:00`);
  const t13Sessions = await db
    .insert(plenarySessions)
    .values(
      sessionPlan
        .filter((s) => s.term === 13)
        .map((s) => ({
          committeeId,
          termId: term13!.id,
          sessionNo: s.sessionNo,
          openDate: s.openDate,
          closeDate: s.closeDate,
          proposalDeadline: deadlineOf(s.closeDate),
        })),
    )
    .returning();
  const sessionRows = sessionPlan.map((s) => {
    const found =
      s.term === 13
        ? t13Sessions.find((x) => x.sessionNo === s.sessionNo)
        : demoSessions.find((x) => x.sessionNo === s.sessionNo);
    if (!found) throw new Error(`bench: no session ${s.term}-${s.sessionNo}`);
    return found;
  });

  // The session the server files today's submissions under (sessionFor: the latest window that has
  // opened): it must be in its plenary window, or a new one is added whose window holds today.
  const opened = [...demoSessions, ...t13Sessions]
    .filter((s) => windowOpen(s.openDate) <= nowMs)
    .sort((a, b) => b.openDate.localeCompare(a.openDate))[0];
  let currentSessionId: string;
  if (opened && nowMs <= opened.proposalDeadline.getTime() && !sessionRows.includes(opened)) {
    currentSessionId = opened.id;
  } else {
    const open = addCalendarDays(day(nowMs), 40);
    const [s] = await db
      .insert(plenarySessions)
      .values({
        committeeId,
        termId: term14!.id,
        sessionNo: Math.max(...demoSessions.map((x) => x.sessionNo)) + 1,
        openDate: open,
        closeDate: addCalendarDays(open, 4),
        proposalDeadline: deadlineOf(addCalendarDays(open, 4)),
      })
      .returning();
    currentSessionId = s!.id;
  }

  // ── members of both terms: the 14th term's active members, copied into the 13th ──
  const m14 = await db
    .select({
      id: members.id,
      name: members.name,
      status: members.status,
      standing: members.isStandingMember,
    })
    .from(members)
    .where(and(eq(members.committeeId, committeeId), eq(members.termId, term14!.id)));
  const active14 = m14.filter((m) => m.status === 'active');
  const copied = (await db.execute(sql`
    insert into members (committee_id, term_id, name, gender, ethnicity, birth_date, political_affiliation,
      sector_id, participating_unit_id, is_standing_member, work_unit, job_title, mobile, email, joined_at)
    select committee_id, ${term13!.id}, name, gender, ethnicity, birth_date, political_affiliation,
      sector_id, participating_unit_id, is_standing_member, work_unit, job_title, mobile, email, '2017-01-10'
    from members where term_id = ${term14!.id} and status = 'active' and leadership_position is null
    returning id, name`)) as unknown as { rows: { id: string; name: string }[] };
  const m13 = copied.rows;

  // ── logins: one per member, clerk + leader per handler unit, a liaison per participating unit, staff
  // per special committee, two more reviewers and the party supervision office ──
  const newUsers: (typeof users.$inferInsert)[] = [];
  const newGrants: (typeof userRoles.$inferInsert)[] = [];
  const addUser = (username: string, displayName: string, role: string, scopeId: string | null) => {
    const id = randomUUID();
    newUsers.push({ id, committeeId, username, displayName, passwordHash, mustChangePassword: false });
    newGrants.push({ committeeId, userId: id, role: role as 'member', scopeId });
    userName.set(id, displayName);
    return id;
  };
  const memberRefs = (list: { id: string; name: string }[], prefix: string): MemberRef[] =>
    list.map((m, i) => ({
      id: m.id,
      name: m.name,
      userId:
        scopeUser('member', m.id) ??
        addUser(`${prefix}-${String(i + 1).padStart(4, '0')}`, m.name, 'member', m.id),
    }));
  const members14 = memberRefs(active14, 'm14');
  const members13 = memberRefs(m13, 'm13');
  const hus = await db
    .select({ id: handlerUnits.id, name: handlerUnits.name, short: handlerUnits.shortName })
    .from(handlerUnits)
    .where(eq(handlerUnits.committeeId, committeeId));
  const unitPeople: UnitPeople[] = hus.map((u, i) => {
    const short = u.short ?? u.name;
    const clerkId =
      scopeUser('handler_clerk', u.id) ??
      addUser(`hu${i + 1}-clerk`, `${short}经办人`, 'handler_clerk', u.id);
    const leaderId =
      scopeUser('handler_leader', u.id) ??
      addUser(`hu${i + 1}-leader`, `${short}分管领导`, 'handler_leader', u.id);
    return {
      id: u.id,
      name: u.name,
      clerkId,
      clerkName: userName.get(clerkId) ?? '',
      leaderId,
      leaderName: userName.get(leaderId) ?? '',
    };
  });
  const pus = await db
    .select()
    .from(participatingUnits)
    .where(eq(participatingUnits.committeeId, committeeId));
  const liaisonOf = new Map(
    pus.map((u, i) => [
      u.id,
      scopeUser('unit_liaison', u.id) ??
        addUser(`pu${i + 1}-liaison`, `${u.name}联络人`, 'unit_liaison', u.id),
    ]),
  );
  const parties = pus.filter((u) => u.kind === 'democratic_party');
  const peopleOrgs = pus.filter((u) => u.kind === 'people_org' || u.kind === 'federation_ic');
  const scs = (
    await db.select().from(specialCommittees).where(eq(specialCommittees.committeeId, committeeId))
  ).filter((c) => !c.isProposalsCommittee);
  const scStaff = new Map(
    scs.map((c, i) => [
      c.id,
      scopeUser('committee_staff', c.id) ??
        addUser(`sc${i + 1}-staff`, `${c.name}工作人员`, 'committee_staff', c.id),
    ]),
  );
  const sectorRows = await db.select().from(sectors).where(eq(sectors.committeeId, committeeId));
  const reviewers = [
    staffId,
    addUser('bench-review-1', '周文静', 'proposal_staff', null),
    addUser('bench-review-2', '吴国庆', 'proposal_staff', null),
  ];
  const offices = await db
    .select()
    .from(supervisionOffices)
    .where(eq(supervisionOffices.committeeId, committeeId));
  const supervisorId = offices
    .map(
      (o, i) =>
        scopeUser('supervision_office', o.id) ??
        addUser(`so${i + 1}`, `${o.name}工作人员`, 'supervision_office', o.id),
    )
    .at(-1)!;
  await db.transaction(async (tx) => {
    for (let i = 0; i < newUsers.length; i += 500) await tx.insert(users).values(newUsers.slice(i, i + 500));
    for (let i = 0; i < newGrants.length; i += 500)
      await tx.insert(userRoles).values(newGrants.slice(i, i + 500));
  });
  step('committee, terms, logins');

  // ── plan every proposal ──
  const draftCount = Math.min(300, Math.round(total * 0.006));
  const weightSum = sessionPlan.reduce((sum, x) => sum + x.weight, 0);
  const perSession = sessionPlan.map((x) => Math.floor(((total - draftCount) * x.weight) / weightSum));
  perSession[perSession.length - 1]! += total - draftCount - perSession.reduce((a, b) => a + b, 0);
  const planner = new ProposalPlanner({
    rng,
    committeeId,
    nowMs,
    staffId,
    reviewers,
    supervisorId,
    units: unitPeople,
    parties,
    peopleOrgs,
    liaisonOf,
    specialCommittees: scs.map((c) => ({ id: c.id, staffId: scStaff.get(c.id)! })),
    sectorIds: sectorRows.map((x) => x.id),
    sessions: sessionRows,
  });
  const proposals: PlannedProposal[] = [];
  let idx = 0;
  for (let s = 0; s < sessionPlan.length; s++) {
    const latest = s === sessionPlan.length - 1;
    const pool = sessionPlan[s]!.term === 13 ? members13 : members14;
    const mine: PlannedProposal[] = [];
    for (let i = 0; i < perSession[s]!; i++) {
      mine.push(planner.plan(idx++, s, rng.weighted(latest ? latestFates : oldFates), pool));
    }
    // Intake numbers by submission, filing numbers by filing, within the session.
    mine
      .filter((p) => p.submittedAt !== null)
      .sort((a, b) => a.submittedAt! - b.submittedAt!)
      .forEach((p, i) => {
        p.row.intake_no = i + 1;
      });
    mine
      .filter((p) => p.filedAt !== null)
      .sort((a, b) => a.filedAt! - b.filedAt!)
      .forEach((p, i) => {
        p.row.number = i + 1;
      });
    // 并案: into a filed proposal of the same category.
    const parents = new Map<Category, PlannedProposal[]>();
    for (const p of mine)
      if (p.filedAt !== null) parents.set(p.category, [...(parents.get(p.category) ?? []), p]);
    for (const p of mine.filter((x) => x.state === 'merged')) {
      planner.merge(p, rng.pick(parents.get(p.category) ?? [...parents.values()].flat()));
    }
    proposals.push(...mine);
  }
  for (let i = 0; i < draftCount; i++) proposals.push(planner.plan(idx++, -1, 'draft', members14));
  const {
    signers,
    reviews,
    assignments: assignmentRows,
    letters,
    cosigns,
    feedback,
    contacts,
    extensions,
  } = planner.rows;
  const keyRows = planner.rows.keyProposals;
  step(`plan ${proposals.length.toLocaleString('en-US')} proposals`);

  // ── write ──
  const textOf = (p: PlannedProposal) =>
    proposalText(createRng(0x5eed0000 + p.idx), topics[p.topic]!, p.leadUnitName, p.year);
  await db.transaction(async (tx) => {
    await insertRows(
      tx,
      'proposals',
      proposalColumns,
      (from, to) => proposals.slice(from, to).map((p) => ({ ...p.row, ...textOf(p) })),
      proposals.length,
    );
  });
  step('proposals');
  await db.transaction(async (tx) => {
    await insertRows(tx, 'proposal_signers', signerColumns, signers);
    await insertRows(tx, 'review_records', reviewColumns, reviews);
  });
  step('signers, review records');
  await db.transaction(async (tx) => {
    await insertRows(tx, 'assignments', assignmentColumns, assignmentRows);
    await insertRows(
      tx,
      'reply_letters',
      letterColumns,
      (from, to) =>
        letters.slice(from, to).map((l) => {
          const r = createRng(0x1e77e000 + l.seed);
          const tp = topics[l.topic]!;
          return {
            ...l.row,
            body: l.coOpinion
              ? coOpinionBody(r, tp, l.unit, l.year)
              : replyBody(r, tp, { proposer: l.proposer, title: l.title, unit: l.unit, year: l.year }),
          };
        }),
      letters.length,
    );
    await insertRows(tx, 'reply_cosigns', cosignColumns, cosigns);
    await insertRows(tx, 'handling_contacts', contactColumns, contacts);
    await insertRows(tx, 'extension_requests', extensionColumns, extensions);
    await insertRows(tx, 'proposer_feedback', feedbackColumns, feedback);
    await insertRows(tx, 'key_proposals', keyColumns, keyRows);
  });
  step('assignments, letters, co-signs, feedback');

  const auditCount = await writeAudit(db, {
    committeeId,
    staffId,
    staffName: userName.get(staffId) ?? '',
    supervisorId,
    supervisorName: userName.get(supervisorId) ?? '',
    units: unitPeople,
  });
  step(`audit trail (${auditCount.toLocaleString('en-US')} rows)`);

  // ── what the benchmarks need ──
  const usernameOf = new Map(newUsers.map((u) => [u.id!, u.username]));
  const sessions: SessionInfo[] = sessionPlan.map((s, i) => ({
    id: sessionRows[i]!.id,
    label: `${cn(s.term)}届${cn(s.sessionNo)}次会议`,
    year: Number(s.openDate.slice(0, 4)),
    proposals: perSession[i]!,
  }));
  const largestSession = [...sessions].sort((a, b) => b.proposals - a.proposals)[0]!;
  const rows: Record<string, number> = {
    proposals: proposals.length,
    proposal_signers: signers.length,
    review_records: reviews.length,
    assignments: assignmentRows.length,
    reply_letters: letters.length,
    reply_cosigns: cosigns.length,
    proposer_feedback: feedback.length,
    handling_contacts: contacts.length,
    extension_requests: extensions.length,
    key_proposals: keyRows.length,
    audit_events: auditCount,
    members: m14.length + m13.length,
    users: allUsers.length + newUsers.length,
  };
  return {
    committeeId,
    password: demoPassword,
    staffUsername: 'tian',
    memberUsernames: members14.map((m) => usernameOf.get(m.userId)).filter((u): u is string => Boolean(u)),
    currentSessionId,
    latestSessionId: sessions.at(-1)!.id,
    largestSession,
    sessions,
    statsYear: new Date(nowMs).getUTCFullYear() - 1,
    handlerUnitIds: new Map(unitPeople.map((u) => [u.name, u.id])),
    rows,
    steps,
  };
}

// ---------------------------------------------------------------------------------------------- audit

interface AuditContext {
  committeeId: string;
  staffId: string;
  staffName: string;
  supervisorId: string;
  supervisorName: string;
  units: UnitPeople[];
}

/**
 * One audit row per transition, written by `INSERT … SELECT` from the rows the transitions left behind
 * (as the commands would have written them: same actions, targets and before/after shapes).
 */
async function writeAudit(db: Db, c: AuditContext): Promise<number> {
  const unitUsers = JSON.stringify(
    c.units.map((u) => ({ unit_id: u.id, clerk_id: u.clerkId, clerk_name: u.clerkName })),
  );
  const cols = sql.raw(
    'committee_id, actor_user_id, actor_name, action, target_type, target_id, target_label, before, after, ip, request_id, created_at',
  );
  const staff = sql`${c.staffId}::uuid, ${c.staffName}`;
  const statements: SQL[] = [
    // 起草
    sql`select p.committee_id, p.created_by_user_id, u.display_name, 'proposal.drafted', 'proposal', p.id::text, p.title,
          null, jsonb_build_object('state', 'draft', 'title', p.title, 'proposerKind', p.proposer_kind, 'category', p.category,
            'leadMemberId', p.lead_member_id), ${ip}, ${requestId}, p.created_at
        from proposals p join users u on u.id = p.created_by_user_id where p.committee_id = ${c.committeeId}`,
    // 邀请联名
    sql`select p.committee_id, p.created_by_user_id, u.display_name, 'proposal.cosigners_invited', 'proposal', p.id::text, p.title,
          null, jsonb_build_object('memberIds', s.ids), ${ip}, ${requestId}, p.created_at + interval '10 minutes'
        from proposals p join users u on u.id = p.created_by_user_id
        join (select proposal_id, jsonb_agg(member_id) ids from proposal_signers
              where role = 'cosigner' and from_proposal_id is null group by proposal_id) s on s.proposal_id = p.id
        where p.committee_id = ${c.committeeId}`,
    // 提交 (requested, then numbered)
    sql`select p.committee_id, p.created_by_user_id, u.display_name, 'proposal.submit_requested', 'proposal', p.id::text, p.title,
          null, jsonb_build_object('sessionId', p.session_id, 'timing', p.timing), ${ip}, ${requestId}, p.submitted_at
        from proposals p join users u on u.id = p.created_by_user_id
        where p.committee_id = ${c.committeeId} and p.submitted_at is not null`,
    sql`select p.committee_id, p.created_by_user_id, u.display_name, 'proposal.submitted', 'proposal', p.id::text, p.title,
          null, jsonb_build_object('intakeNo', p.intake_no, 'submittedAt', p.submitted_at), ${ip}, ${requestId}, p.submitted_at
        from proposals p join users u on u.id = p.created_by_user_id
        where p.committee_id = ${c.committeeId} and p.submitted_at is not null`,
    // 审查 (each stage; the last one decides)
    sql`select r.committee_id, r.reviewer_user_id, u.display_name,
          case when not r.is_decision then 'proposal.review_recommended'
               when r.recommendation = 'file' then 'proposal.filed'
               when r.recommendation = 'merge' then 'proposal.merged'
               when r.recommendation = 'not_file' then 'proposal.not_filed'
               else 'proposal.returned' end,
          'proposal', r.proposal_id::text, p.title,
          jsonb_build_object('state', case when r.stage_index = 0 then 'submitted' else 'under_review' end,
            'reviewStage', nullif(r.stage_index, 0)),
          jsonb_build_object('stage', r.stage_name, 'recommendation', r.recommendation, 'comment', r.comment,
            'number', case when r.is_decision and r.recommendation = 'file' then p.number end),
          ${ip}, ${requestId}, r.created_at
        from review_records r join proposals p on p.id = r.proposal_id join users u on u.id = r.reviewer_user_id
        where r.committee_id = ${c.committeeId}`,
    // 转办, 撤回
    sql`select p.committee_id, ${staff}, 'proposal.converted', 'proposal', p.id::text, p.title,
          jsonb_build_object('state', 'not_filed'), jsonb_build_object('state', 'converted', 'target', p.converted_to),
          ${ip}, ${requestId}, p.updated_at
        from proposals p where p.committee_id = ${c.committeeId} and p.state = 'converted'`,
    sql`select p.committee_id, p.created_by_user_id, u.display_name, 'proposal.withdrawn', 'proposal', p.id::text, p.title,
          null, jsonb_build_object('state', 'withdrawn'), ${ip}, ${requestId}, p.closed_at
        from proposals p join users u on u.id = p.created_by_user_id
        where p.committee_id = ${c.committeeId} and p.state = 'withdrawn'`,
    // 交办 (one row per proposal with its units)
    sql`select p.committee_id, ${staff}, 'proposal.assigned', 'proposal', p.id::text, p.title,
          jsonb_build_object('state', 'filed'),
          jsonb_build_object('state', 'assigned', 'units', jsonb_agg(jsonb_build_object('assignmentId', a.id,
            'handlerUnitId', a.handler_unit_id, 'unitName', h.name, 'mode', a.mode, 'dueOn', a.due_on,
            'objectionDueOn', a.objection_due_on))),
          ${ip}, ${requestId}, p.assigned_at
        from proposals p join assignments a on a.proposal_id = p.id join handler_units h on h.id = a.handler_unit_id
        where p.committee_id = ${c.committeeId} and p.assigned_at is not null
        group by p.id`,
    // 签收
    sql`select a.committee_id, uu.clerk_id, uu.clerk_name, 'assignment.received', 'assignment', a.id::text, p.title,
          jsonb_build_object('state', 'pending_receipt'), jsonb_build_object('state', 'handling', 'receivedAt', a.received_at),
          ${ip}, ${requestId}, a.received_at
        from assignments a join proposals p on p.id = a.proposal_id
        join json_to_recordset(${unitUsers}::json) as uu(unit_id uuid, clerk_id uuid, clerk_name text) on uu.unit_id = a.handler_unit_id
        where a.committee_id = ${c.committeeId} and a.received_at is not null`,
    // 办理沟通, 延期
    sql`select h.committee_id, h.recorded_by_user_id, u.display_name, 'assignment.contact_recorded', 'assignment',
          h.assignment_id::text, p.title, null, jsonb_build_object('stage', h.stage, 'method', h.method, 'contactedOn', h.contacted_on),
          ${ip}, ${requestId}, h.created_at
        from handling_contacts h join assignments a on a.id = h.assignment_id join proposals p on p.id = a.proposal_id
        join users u on u.id = h.recorded_by_user_id where h.committee_id = ${c.committeeId}`,
    sql`select e.committee_id, e.requested_by_user_id, u.display_name, 'assignment.extension_requested', 'assignment',
          e.assignment_id::text, p.title, null, jsonb_build_object('requestedDueOn', e.requested_due_on, 'reason', e.reason),
          ${ip}, ${requestId}, e.requested_at
        from extension_requests e join assignments a on a.id = e.assignment_id join proposals p on p.id = a.proposal_id
        join users u on u.id = e.requested_by_user_id where e.committee_id = ${c.committeeId}`,
    sql`select e.committee_id, e.decided_by_user_id, u.display_name, 'assignment.extension_decided', 'assignment',
          e.assignment_id::text, p.title, null, jsonb_build_object('decision', e.decision, 'extendedDueOn', e.requested_due_on),
          ${ip}, ${requestId}, e.decided_at
        from extension_requests e join assignments a on a.id = e.assignment_id join proposals p on p.id = a.proposal_id
        join users u on u.id = e.decided_by_user_id where e.committee_id = ${c.committeeId} and e.decided_at is not null`,
    // 答复: drafted, co-signed, signed off, sent; 会办意见
    sql`select l.committee_id, l.drafted_by_user_id, u.display_name, 'assignment.reply_drafted', 'assignment',
          l.assignment_id::text, p.title, jsonb_build_object('state', 'handling'),
          jsonb_build_object('state', 'reply_drafted', 'round', l.round, 'resultClass', l.result_class, 'replyLetterId', l.id),
          ${ip}, ${requestId}, l.created_at
        from reply_letters l join proposals p on p.id = l.proposal_id join users u on u.id = l.drafted_by_user_id
        where l.committee_id = ${c.committeeId} and l.kind = 'reply'`,
    sql`select cs.committee_id, cs.decided_by_user_id, u.display_name, 'assignment.reply_cosigned', 'assignment',
          cs.assignment_id::text, p.title, null,
          jsonb_build_object('decision', cs.decision, 'comment', cs.comment, 'replyLetterId', cs.reply_letter_id),
          ${ip}, ${requestId}, cs.decided_at
        from reply_cosigns cs join reply_letters l on l.id = cs.reply_letter_id join proposals p on p.id = l.proposal_id
        join users u on u.id = cs.decided_by_user_id where cs.committee_id = ${c.committeeId}`,
    sql`select l.committee_id, l.signed_by_user_id, u.display_name, 'assignment.reply_signed_off', 'assignment',
          l.assignment_id::text, p.title, jsonb_build_object('state', 'leader_signoff'),
          jsonb_build_object('state', 'supervision_review', 'replyLetterId', l.id, 'by', 'unit_leader'),
          ${ip}, ${requestId}, l.signed_at
        from reply_letters l join proposals p on p.id = l.proposal_id join users u on u.id = l.signed_by_user_id
        where l.committee_id = ${c.committeeId} and l.signed_at is not null`,
    sql`select l.committee_id, ${c.supervisorId}::uuid, ${c.supervisorName}, 'assignment.reply_sent', 'assignment',
          l.assignment_id::text, p.title, jsonb_build_object('state', 'supervision_review', 'resultClass', l.result_class),
          jsonb_build_object('state', 'sent', 'resultClass', l.result_class, 'replyLetterId', l.id, 'by', 'supervision_office'),
          ${ip}, ${requestId}, l.sent_at
        from reply_letters l join proposals p on p.id = l.proposal_id
        where l.committee_id = ${c.committeeId} and l.kind = 'reply' and l.sent_at is not null`,
    sql`select l.committee_id, l.drafted_by_user_id, u.display_name, 'assignment.co_opinion_sent', 'assignment',
          l.assignment_id::text, p.title, jsonb_build_object('state', 'handling'),
          jsonb_build_object('state', 'opinion_sent', 'replyLetterId', l.id), ${ip}, ${requestId}, l.sent_at
        from reply_letters l join proposals p on p.id = l.proposal_id join users u on u.id = l.drafted_by_user_id
        where l.committee_id = ${c.committeeId} and l.kind = 'co_opinion'`,
    // 评价, 重新办理, 办结
    sql`select f.committee_id, f.rater_user_id, u.display_name, 'proposal.rated', 'proposal', f.proposal_id::text, p.title,
          jsonb_build_object('state', 'evaluating'),
          jsonb_build_object('round', f.round, 'overall', f.overall, 'memberId', f.member_id,
            'decisive', f.member_id is not distinct from p.lead_member_id, 'recordedByStaff', f.recorded_by_staff),
          ${ip}, ${requestId}, f.submitted_at
        from proposer_feedback f join proposals p on p.id = f.proposal_id join users u on u.id = f.rater_user_id
        where f.committee_id = ${c.committeeId}`,
    sql`select p.committee_id, ${staff}, 'proposal.rehandling_ordered', 'proposal', p.id::text, p.title,
          jsonb_build_object('state', 'evaluating'), jsonb_build_object('state', 'rehandling', 'round', 2),
          ${ip}, ${requestId}, f.submitted_at + interval '3 days'
        from proposals p join proposer_feedback f on f.proposal_id = p.id and f.round = 1
          and f.overall = 'dissatisfied' and f.member_id is not distinct from p.lead_member_id
        where p.committee_id = ${c.committeeId}
          and exists (select 1 from assignments a where a.proposal_id = p.id and a.round = 2)`,
    sql`select p.committee_id, ${staff}, 'proposal.closed', 'proposal', p.id::text, p.title,
          jsonb_build_object('state', 'evaluating'), jsonb_build_object('state', 'closed', 'closeReason', 'consulted'),
          ${ip}, ${requestId}, p.closed_at
        from proposals p where p.committee_id = ${c.committeeId} and p.close_reason = 'consulted'`,
    sql`select p.committee_id, null::uuid, '（系统）', 'proposal.closed_not_rated', 'proposal', p.id::text, p.title,
          jsonb_build_object('state', 'evaluating'), jsonb_build_object('state', 'closed', 'closeReason', 'not_rated'),
          ${ip}, 'system', p.closed_at
        from proposals p where p.committee_id = ${c.committeeId} and p.close_reason = 'not_rated'`,
    // 重点提案
    sql`select k.committee_id, ${staff}, 'proposal.marked_key', 'proposal', k.proposal_id::text, p.title,
          null, jsonb_build_object('year', k.year, 'keyProposalId', k.id), ${ip}, ${requestId}, k.selected_at
        from key_proposals k join proposals p on p.id = k.proposal_id where k.committee_id = ${c.committeeId}`,
  ];
  let rows = 0;
  await db.transaction(async (tx) => {
    for (const select of statements) {
      const r = (await tx.execute(sql`insert into audit_events (${cols}) ${select}`)) as unknown as {
        rowCount?: number;
        affectedRows?: number;
      };
      rows += r.rowCount ?? r.affectedRows ?? 0;
    }
  });
  return rows;
}

/** The database's own size in bytes. */
export async function databaseSize(db: Db): Promise<number> {
  const r = (await db.execute(sql`select pg_database_size(current_database())::bigint as n`)) as unknown as {
    rows: { n: string | number }[];
  };
  return Number(r.rows[0]?.n ?? 0);
}

/** Filed proposals of a session that have no assignment yet, with their categories (oldest first). */
export async function unassignedFiled(
  db: Db,
  sessionId: string,
): Promise<{ id: string; category: Category }[]> {
  const r = (await db.execute(sql`
    select p.id, p.category from proposals p
    where p.session_id = ${sessionId} and p.state = 'filed'
      and not exists (select 1 from assignments a where a.proposal_id = p.id)
    order by p.number`)) as unknown as { rows: { id: string; category: Category }[] };
  return r.rows;
}
