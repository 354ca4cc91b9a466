import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Database } from '../../platform/db/connect.ts';
import {
  assignments,
  handlerUnits,
  plenarySessions,
  proposals,
  replyLetters,
  searchDocuments,
  userRoles,
  users,
} from '../../platform/db/schema.ts';
import { openTestDatabase } from '../../test/db.ts';
import { searchProposals } from '../search/queries/search-proposals.ts';
import { createCorpus } from './corpus/corpus.ts';
import { demoCurrentProposals, demoProposalsPerSession } from './demo-proposals.ts';
import { seedDemo, seedDemoIfEmpty } from './seed-demo.ts';

let database: Database;
let committeeId: string;
const db = () => database.db;

type Row = typeof proposals.$inferSelect;
let rows: Row[];
let sessionNo: Map<string, number>;

async function actorOf(username: string): Promise<Actor> {
  const [user] = await db().select().from(users).where(eq(users.username, username));
  const grants = await db().select().from(userRoles).where(eq(userRoles.userId, user!.id));
  return {
    userId: user!.id,
    committeeId,
    username,
    displayName: user!.displayName,
    grants: grants.map((g) => ({ role: g.role, scopeId: g.scopeId })) as Actor['grants'],
    mustChangePassword: false,
    sessionId: 'test',
  };
}

/** The demo's corpus, as `buildDemoProposals` lays it out. */
const corpus = createCorpus({ count: 5 * demoProposalsPerSession + demoCurrentProposals, sessions: 6 });

before(async () => {
  database = await openTestDatabase();
  await seedDemoIfEmpty(db());
  rows = await db().select().from(proposals);
  committeeId = rows[0]!.committeeId;
  const sessions = await db().select().from(plenarySessions);
  sessionNo = new Map(sessions.map((s) => [s.id, s.sessionNo]));
});

after(async () => {
  await database.close();
});

describe('demo proposals', () => {
  test('past sessions are answered or merged; the current session awaits review', () => {
    for (const no of [1, 2, 3, 4, 5]) {
      const past = rows.filter((p) => sessionNo.get(p.sessionId!) === no);
      assert.equal(past.length, demoProposalsPerSession);
      assert.ok(past.every((p) => p.state === 'closed' || p.state === 'merged'));
      const merged = past.filter((p) => p.state === 'merged');
      assert.equal(merged.length, 2, 'the same-session near-duplicates were merged');
      for (const m of merged) {
        assert.equal(rows.find((p) => p.id === m.mergedIntoId)?.sessionId, m.sessionId);
      }
    }
    const current = rows.filter((p) => sessionNo.get(p.sessionId!) === 6);
    assert.equal(current.length, demoCurrentProposals);
    assert.ok(current.every((p) => p.state === 'submitted' && p.number === null));
    assert.deepEqual(
      current.map((p) => p.intakeNo).sort((a, b) => a! - b!),
      Array.from({ length: demoCurrentProposals }, (_, i) => i + 1),
    );
    const lengths = rows.map((p) => p.situation.length + p.analysis.length + p.suggestions.length);
    assert.ok(Math.min(...lengths) >= 300 && Math.max(...lengths) <= 3_000);
  });

  test('every closed proposal has a sent reply letter from the unit it was assigned to', async () => {
    const closed = rows.filter((p) => p.state === 'closed');
    const tasks = await db().select().from(assignments).where(eq(assignments.committeeId, committeeId));
    const letters = await db().select().from(replyLetters).where(eq(replyLetters.committeeId, committeeId));
    assert.equal(tasks.length, closed.length);
    // The units with demo logins keep a short history: today's assignments stay on their first page.
    const units = await db().select().from(handlerUnits).where(eq(handlerUnits.committeeId, committeeId));
    for (const name of ['市教育局', '市财政局']) {
      const id = units.find((u) => u.name === name)!.id;
      const n = tasks.filter((a) => a.handlerUnitId === id).length;
      assert.ok(n >= 1 && n <= 6, `${name}: ${n}`);
    }
    for (const p of closed) {
      const task = tasks.find((a) => a.proposalId === p.id);
      assert.equal(task?.state, 'sent');
      const letter = letters.find((l) => l.assignmentId === task!.id);
      assert.ok(letter?.sentAt && letter.body.includes(p.title), p.title);
    }
  });

  test('near-duplicates are visible: current proposals whose twin was answered before, and 并案 pairs', () => {
    const byTitle = new Map(rows.map((p) => [p.title, p]));
    const pairs = corpus
      .groundTruth()
      .filter((g) => g.kind === 'paraphrase' && corpus.sessionOf(g.index) === 5);
    const across = pairs.filter((g) => !g.sameSession);
    const within = pairs.filter((g) => g.sameSession);
    assert.ok(across.length >= 1 && within.length >= 1);
    for (const g of across) {
      const twin = byTitle.get(corpus.proposal(g.twinOf).title)!;
      assert.equal(byTitle.get(corpus.proposal(g.index).title)?.state, 'submitted');
      assert.equal(twin.state, 'closed', 'the twin was answered');
    }
    for (const g of within) {
      assert.equal(byTitle.get(corpus.proposal(g.twinOf).title)?.state, 'submitted');
    }
  });

  test('the search index is built: one row per proposal and per sent reply letter', async () => {
    const docs = await db()
      .select()
      .from(searchDocuments)
      .where(eq(searchDocuments.committeeId, committeeId));
    assert.equal(docs.filter((d) => d.targetType === 'proposal').length, rows.length);
    assert.equal(
      docs.filter((d) => d.targetType === 'reply_letter').length,
      rows.filter((p) => p.state === 'closed').length,
    );
  });

  test('search finds a near-duplicate and its twin; a member does not see others’ unreviewed proposals', async () => {
    const staff = await actorOf('tian');
    const member = await actorOf('member');
    const g = corpus
      .groundTruth()
      .find((x) => x.kind === 'paraphrase' && !x.sameSession && corpus.sessionOf(x.index) === 5)!;
    const dup = corpus.proposal(g.index);
    const q = `"${dup.angle.terms[0]}"`;
    const found = await searchProposals(db(), staff, { q, page: 1, pageSize: 100 });
    const titles = found.items.map((i) => i.title);
    assert.ok(titles.includes(dup.title), `${q} finds ${dup.title}`);
    assert.ok(titles.includes(corpus.proposal(g.twinOf).title), `${q} finds the twin`);
    const asMember = await searchProposals(db(), member, { q, page: 1, pageSize: 100 });
    assert.ok(
      !asMember.items.some((i) => i.state === 'submitted'),
      'submitted proposals of others stay hidden',
    );
    assert.ok(
      asMember.items.some((i) => i.title === corpus.proposal(g.twinOf).title),
      'answered ones are found',
    );
  });

  test('seedDemo without proposals (benchmarks, tests) writes none', async () => {
    const other = await seedDemo(db(), { usernamePrefix: 'x_' });
    const theirs = await db()
      .select({ id: proposals.id })
      .from(proposals)
      .where(
        and(eq(proposals.committeeId, other.committeeId), inArray(proposals.state, ['submitted', 'closed'])),
      );
    assert.equal(theirs.length, 0);
  });
});
