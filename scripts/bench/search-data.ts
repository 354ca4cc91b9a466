/**
 * Bench data for the search benchmark: the demo committee (without its own proposals) and `count`
 * proposals of the shared corpus (server/src/modules/demo/corpus/) over its six sessions — the five past
 * ones filed, handled and answered (a sent reply letter from the topic's unit), their same-session
 * near-duplicates merged into the twin (并案), and the current session's submitted and awaiting review.
 *
 * Written the fast way, like the proposal bench: rows in chunks of 1,000 through `json_to_recordset`
 * (one parameter per statement), the corpus generated chunk by chunk and never held whole. The search
 * index is NOT built here: that is the measured rebuild.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { composeReply } from '../../server/src/modules/demo/corpus/compose.ts';
import { type Corpus, createCorpus } from '../../server/src/modules/demo/corpus/corpus.ts';
import { createRng } from '../../server/src/modules/demo/prng.ts';
import { seedDemo } from '../../server/src/modules/demo/seed-demo.ts';
import type { Actor } from '../../server/src/platform/authz/actor.ts';
import type { Db } from '../../server/src/platform/db/connect.ts';
import {
  handlerUnits,
  members,
  plenarySessions,
  userRoles,
  users,
} from '../../server/src/platform/db/schema.ts';

export interface SearchBenchData {
  committeeId: string;
  corpus: Corpus;
  /** Proposal id of each corpus index. */
  ids: string[];
  member: Actor;
  staff: Actor;
  letters: number;
  /** Seconds: the demo committee, then the proposals (generation included). */
  seedSeconds: number;
  loadSeconds: number;
}

type Row = Record<string, unknown>;
type Columns = readonly (readonly [string, string])[];

async function insertRows(db: Db, table: string, columns: Columns, rows: readonly Row[]) {
  const names = columns.map(([c]) => `"${c}"`).join(', ');
  const defs = columns.map(([c, type]) => `"${c}" ${type}`).join(', ');
  for (let from = 0; from < rows.length; from += 1000) {
    const chunk = JSON.stringify(rows.slice(from, from + 1000));
    await db.execute(
      sql`insert into ${sql.identifier(table)} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${chunk}::json) as x(${sql.raw(defs)})`,
    );
  }
}

const proposalColumns: Columns = [
  ['id', 'uuid'],
  ['committee_id', 'uuid'],
  ['session_id', 'uuid'],
  ['intake_no', 'int'],
  ['number', 'int'],
  ['timing', 'text'],
  ['proposer_kind', 'text'],
  ['lead_member_id', 'uuid'],
  ['created_by_user_id', 'uuid'],
  ['entered_on_behalf', 'boolean'],
  ['title', 'text'],
  ['situation', 'text'],
  ['analysis', 'text'],
  ['suggestions', 'text'],
  ['category', 'text'],
  ['sub_category', 'text'],
  ['state', 'text'],
  ['merged_into_id', 'uuid'],
  ['close_reason', 'text'],
  ['submitted_at', 'timestamptz'],
  ['filed_at', 'timestamptz'],
  ['assigned_at', 'timestamptz'],
  ['replied_at', 'timestamptz'],
  ['closed_at', 'timestamptz'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
];
const signerColumns: Columns = [
  ['committee_id', 'uuid'],
  ['proposal_id', 'uuid'],
  ['member_id', 'uuid'],
  ['role', 'text'],
  ['invited_at', 'timestamptz'],
  ['confirmed_at', 'timestamptz'],
];
const assignmentColumns: Columns = [
  ['id', 'uuid'],
  ['committee_id', 'uuid'],
  ['proposal_id', 'uuid'],
  ['handler_unit_id', 'uuid'],
  ['mode', 'text'],
  ['state', 'text'],
  ['assigned_by_user_id', 'uuid'],
  ['assigned_at', 'timestamptz'],
  ['received_at', 'timestamptz'],
  ['due_on', 'date'],
  ['completed_at', 'timestamptz'],
];
const letterColumns: Columns = [
  ['committee_id', 'uuid'],
  ['proposal_id', 'uuid'],
  ['assignment_id', 'uuid'],
  ['kind', 'text'],
  ['doc_number', 'text'],
  ['body', 'text'],
  ['result_class', 'text'],
  ['drafted_by_user_id', 'uuid'],
  ['supervision_status', 'text'],
  ['sent_at', 'timestamptz'],
];

const day = 86_400_000;

export async function generateSearchData(
  db: Db,
  count: number,
  log: (line: string) => void = () => {},
): Promise<SearchBenchData> {
  let mark = performance.now();
  const demo = await seedDemo(db, { memberCount: 300 });
  const committeeId = demo.committeeId;
  const seedSeconds = (performance.now() - mark) / 1000;
  mark = performance.now();
  const sessions = (
    await db.select().from(plenarySessions).where(eq(plenarySessions.committeeId, committeeId))
  ).sort((a, b) => a.openDate.localeCompare(b.openDate));
  const units = await db.select().from(handlerUnits).where(eq(handlerUnits.committeeId, committeeId));
  const unitId = new Map(units.map((u) => [u.name, u.id]));
  const people = await db
    .select({ id: members.id })
    .from(members)
    .where(eq(members.committeeId, committeeId));
  const logins = await db
    .select({ id: users.id, username: users.username, role: userRoles.role, scopeId: userRoles.scopeId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.committeeId, committeeId));
  const login = (username: string) => logins.find((l) => l.username === username)!;
  const staffUserId = login('tian').id;
  const actor = (username: string): Actor => ({
    userId: login(username).id,
    committeeId,
    username,
    displayName: username,
    grants: logins
      .filter((l) => l.username === username)
      .map((l) => ({ role: l.role, scopeId: l.scopeId })) as Actor['grants'],
    mustChangePassword: false,
    sessionId: `bench-${username}`,
  });

  const corpus = createCorpus({
    count,
    sessions: sessions.length,
    years: sessions.map((s) => Number(s.openDate.slice(0, 4))),
  });
  const current = sessions.length - 1;
  const ids = Array.from({ length: count }, () => randomUUID());
  const counters = sessions.map(() => ({ intake: 0, number: 0 }));
  const rng = createRng(424242);
  let letters = 0;
  for (let from = 0; from < count; from += 1000) {
    const proposals: Row[] = [];
    const signers: Row[] = [];
    const tasks: Row[] = [];
    const replies: Row[] = [];
    for (let i = from; i < Math.min(count, from + 1000); i++) {
      const c = corpus.proposal(i);
      const s = sessions[c.session]!;
      const counter = counters[c.session]!;
      counter.intake += 1;
      const open = Date.parse(`${s.openDate}T09:00:00+08:00`);
      const submitted =
        c.session === current ? Date.now() - rng.int(1, 12) * day : open - rng.int(3, 60) * day;
      const lead = people[rng.int(0, people.length - 1)]!.id;
      const row: Row = {
        id: ids[i],
        committee_id: committeeId,
        session_id: s.id,
        intake_no: counter.intake,
        timing: 'plenary',
        proposer_kind: 'member_individual',
        lead_member_id: lead,
        created_by_user_id: staffUserId,
        entered_on_behalf: true,
        title: c.title,
        situation: c.situation,
        analysis: c.analysis,
        suggestions: c.suggestions,
        category: c.category,
        sub_category: c.subCategory,
        state: 'submitted',
        submitted_at: new Date(submitted),
        created_at: new Date(submitted - day),
        updated_at: new Date(submitted),
      };
      proposals.push(row);
      signers.push({
        committee_id: committeeId,
        proposal_id: ids[i],
        member_id: lead,
        role: 'lead',
        invited_at: row.created_at,
        confirmed_at: row.created_at,
      });
      if (c.session === current) continue;
      const filed = Date.parse(`${s.closeDate}T10:00:00+08:00`) + rng.int(10, 25) * day;
      if (c.kind === 'paraphrase' && corpus.sessionOf(c.twinOf!) === c.session) {
        Object.assign(row, { state: 'merged', merged_into_id: ids[c.twinOf!], updated_at: new Date(filed) });
        continue;
      }
      counter.number += 1;
      const assigned = filed + rng.int(5, 12) * day;
      const replied = assigned + rng.int(40, 85) * day;
      Object.assign(row, {
        number: counter.number,
        state: 'closed',
        close_reason: 'not_rated',
        filed_at: new Date(filed),
        assigned_at: new Date(assigned),
        replied_at: new Date(replied),
        closed_at: new Date(replied + 30 * day),
        updated_at: new Date(replied + 30 * day),
      });
      const assignmentId = randomUUID();
      const unit = c.units.find((u) => unitId.has(u)) ?? units[0]!.name;
      tasks.push({
        id: assignmentId,
        committee_id: committeeId,
        proposal_id: ids[i],
        handler_unit_id: unitId.get(unit) ?? units[0]!.id,
        mode: 'sole',
        state: 'sent',
        assigned_by_user_id: staffUserId,
        assigned_at: new Date(assigned),
        received_at: new Date(assigned + 2 * day),
        due_on: new Date(assigned + 91 * day).toISOString().slice(0, 10),
        completed_at: new Date(replied),
      });
      replies.push({
        committee_id: committeeId,
        proposal_id: ids[i],
        assignment_id: assignmentId,
        kind: 'reply',
        doc_number: `同${c.category.slice(0, 2)}函〔${new Date(replied).getUTCFullYear()}〕${counter.number}号`,
        body: composeReply(rng, c.angle, { proposer: '委员', title: c.title, unit }),
        result_class: rng.pick(['A', 'A', 'B', 'B', 'C']),
        drafted_by_user_id: staffUserId,
        supervision_status: 'approved',
        sent_at: new Date(replied),
      });
    }
    await insertRows(db, 'proposals', proposalColumns, proposals);
    await insertRows(db, 'proposal_signers', signerColumns, signers);
    await insertRows(db, 'assignments', assignmentColumns, tasks);
    await insertRows(db, 'reply_letters', letterColumns, replies);
    letters += replies.length;
    if ((from / 1000) % 20 === 19) log(`    ${from + 1000} proposals written`);
  }
  const loadSeconds = (performance.now() - mark) / 1000;
  return {
    committeeId,
    corpus,
    ids,
    member: actor('member'),
    staff: actor('tian'),
    letters,
    seedSeconds,
    loadSeconds,
  };
}
