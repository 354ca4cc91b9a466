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
 * is open today, receives the benchmark's submissions. The people and sessions: proposals-committee.ts;
 * the columns and the chunked writes: proposals-columns.ts; the audit trail: proposals-audit.ts.
 */
import { createRng } from '../../server/src/modules/demo/prng.ts';
import { demoPassword } from '../../server/src/modules/demo/seed-demo.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';
import { sql } from 'drizzle-orm';
import { writeAudit } from './proposals-audit.ts';
import {
  assignmentColumns,
  cosignColumns,
  contactColumns,
  extensionColumns,
  feedbackColumns,
  insertRows,
  keyColumns,
  letterColumns,
  proposalColumns,
  reviewColumns,
  signerColumns,
} from './proposals-columns.ts';
import { benchCommittee, sessionPlan } from './proposals-committee.ts';
import { cn, latestFates, oldFates, type PlannedProposal, ProposalPlanner } from './proposals-plan.ts';
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

  const {
    committeeId,
    staffId,
    userName,
    sessionRows,
    currentSessionId,
    members14,
    members13,
    unitPeople,
    parties,
    peopleOrgs,
    liaisonOf,
    scs,
    scStaff,
    sectorRows,
    reviewers,
    supervisorId,
    newUsers,
    memberCount,
    userCount,
  } = await benchCommittee(db, nowMs);
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
    members: memberCount,
    users: userCount,
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
