/** Shared set-up of the assignment tests: a committee with four handler units, the people who act, filed proposals. */
import assert from 'node:assert/strict';
import { and, count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import { sessionIdOf } from '../../platform/security/password.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { loadActor } from '../auth/queries/load-actor.ts';
import { handlerUnits, plenarySessions } from '../org/schema.ts';
import { pinClock } from './clock.ts';
import { assignments, proposalSigners, proposals } from './schema.ts';

export interface Kit {
  t: TestApp;
  c: TestCommittee;
  /** Handler units A, B, C, D (A and B from the factory). */
  units: { A: string; B: string; C: string; D: string };
  sessionId: string;
  staff: Client;
  supervisor: Client;
  chair: Client;
  clerkA: Client;
  clerkA2: Client;
  leaderA: Client;
  clerkB: Client;
  leaderB: Client;
  clerkD: Client;
  /** Member 0: lead proposer of the kit's proposals. */
  lead: Client;
  /** Member 1: their confirmed co-signer. */
  cosigner: Client;
  /** Member 2: a member who signed nothing. */
  outsider: Client;
  staffUserId: string;
  close(): Promise<void>;
}

let serial = 0;

export async function startKit(): Promise<Kit> {
  const t = await startTestApp();
  const db = t.database.db;
  const c = await createTestCommittee(db);
  const more = await db
    .insert(handlerUnits)
    .values([
      { committeeId: c.id, name: '测试市财政局', system: 'government' as const },
      { committeeId: c.id, name: '测试市住房和城乡建设局', system: 'government' as const },
    ])
    .returning();
  const units = { A: c.handlerUnitIds[0]!, B: c.handlerUnitIds[1]!, C: more[0]!.id, D: more[1]!.id };
  const [session] = await db
    .insert(plenarySessions)
    .values({
      committeeId: c.id,
      termId: c.termId,
      sessionNo: 4,
      openDate: '2026-01-10',
      closeDate: '2026-01-14',
      proposalDeadline: new Date('2026-01-13T10:00:00Z'),
    })
    .returning();
  const as = async (grants: Parameters<typeof createTestUser>[2]) => {
    const u = await createTestUser(db, c, grants);
    return { id: u.id, client: await signInAs(t.app, u) };
  };
  const staff = await as(['proposal_staff']);
  return {
    t,
    c,
    units,
    sessionId: session!.id,
    staff: staff.client,
    staffUserId: staff.id,
    supervisor: (await as(['supervision_office'])).client,
    chair: (await as(['chair_council'])).client,
    clerkA: (await as([{ role: 'handler_clerk', scopeId: units.A }])).client,
    clerkA2: (await as([{ role: 'handler_clerk', scopeId: units.A }])).client,
    leaderA: (await as([{ role: 'handler_leader', scopeId: units.A }])).client,
    clerkB: (await as([{ role: 'handler_clerk', scopeId: units.B }])).client,
    leaderB: (await as([{ role: 'handler_leader', scopeId: units.B }])).client,
    clerkD: (await as([{ role: 'handler_clerk', scopeId: units.D }])).client,
    lead: (await as([{ role: 'member', scopeId: c.memberIds[0]! }])).client,
    cosigner: (await as([{ role: 'member', scopeId: c.memberIds[1]! }])).client,
    outsider: (await as([{ role: 'member', scopeId: c.memberIds[2]! }])).client,
    async close() {
      pinClock(null);
      await t.close();
    },
  };
}

/**
 * Filed proposals written straight into the database (the review is another file's business): a joint
 * proposal of member 0 with member 1 as confirmed co-signer, numbered in the kit's session.
 */
/** The actor behind a signed-in client, as the server loads it for a request (for calling queries directly). */
export async function actorOf(k: Kit, c: Client): Promise<Actor> {
  return loadActor(k.t.database.db, sessionIdOf(c.cookie!.split('=')[1]!), 60, new Date(), false);
}

export async function fileProposals(
  k: Kit,
  n: number,
  over: Partial<typeof proposals.$inferInsert> = {},
): Promise<(typeof proposals.$inferSelect)[]> {
  const db = k.t.database.db;
  const rows = await db
    .insert(proposals)
    .values(
      Array.from({ length: n }, () => {
        serial += 1;
        return {
          committeeId: k.c.id,
          sessionId: k.sessionId,
          intakeNo: serial,
          number: serial,
          timing: 'plenary' as const,
          proposerKind: 'member_joint' as const,
          leadMemberId: k.c.memberIds[0]!,
          createdByUserId: k.staffUserId,
          enteredOnBehalf: true,
          title: `关于加强社区养老服务的建议（${serial}）`,
          situation: '我市老年人口占比21%。',
          analysis: '设施不足。',
          suggestions: '一、统一标准；二、落实补贴。',
          category: 'society' as const,
          state: 'filed' as const,
          submittedAt: new Date('2026-01-12T02:00:00Z'),
          filedAt: new Date('2026-02-01T02:00:00Z'),
          ...over,
        };
      }),
    )
    .returning();
  if (over.leadMemberId !== null) {
    await db.insert(proposalSigners).values(
      rows.flatMap((p) => [
        {
          committeeId: k.c.id,
          proposalId: p.id,
          memberId: k.c.memberIds[0]!,
          role: 'lead' as const,
          confirmedAt: new Date(),
        },
        {
          committeeId: k.c.id,
          proposalId: p.id,
          memberId: k.c.memberIds[1]!,
          role: 'cosigner' as const,
          confirmedAt: new Date(),
        },
      ]),
    );
  }
  return rows;
}

export const fileProposal = async (k: Kit, over: Partial<typeof proposals.$inferInsert> = {}) =>
  (await fileProposals(k, 1, over))[0]!;

export async function proposalVersion(k: Kit, id: string): Promise<number> {
  const [p] = await k.t.database.db
    .select({ v: proposals.version })
    .from(proposals)
    .where(eq(proposals.id, id));
  return p!.v;
}

export async function taskVersion(k: Kit, id: string): Promise<number> {
  const [a] = await k.t.database.db
    .select({ v: assignments.version })
    .from(assignments)
    .where(eq(assignments.id, id));
  return a!.v;
}

/** The live task of `unit` on proposal `pid`. */
export async function taskOf(k: Kit, pid: string, unit: string): Promise<typeof assignments.$inferSelect> {
  const rows = await k.t.database.db
    .select()
    .from(assignments)
    .where(and(eq(assignments.proposalId, pid), eq(assignments.handlerUnitId, unit)));
  const live = rows.find((r) => r.state !== 'reassigned');
  assert.ok(live, 'no live assignment');
  return live;
}

/** Assigns through the API and returns the created tasks by unit. */
export async function assign(k: Kit, pid: string, units: { handlerUnitId: string; mode: string }[]) {
  const res = await k.staff.post(`/api/proposals/${pid}/assignments`, {
    units,
    expectedVersion: await proposalVersion(k, pid),
  });
  assert.equal(res.statusCode, 200, res.body);
  return Promise.all(units.map((u) => taskOf(k, pid, u.handlerUnitId)));
}

/** POSTs (or PUTs) to a task's endpoint with its current version. */
export async function step(
  k: Kit,
  by: Client,
  id: string,
  path: string,
  body: Record<string, unknown> = {},
  method: 'POST' | 'PUT' = 'POST',
): Promise<LightMyRequestResponse> {
  return by.send({
    method,
    url: `/api/assignments/${id}${path}`,
    payload: { ...body, expectedVersion: await taskVersion(k, id) },
  });
}

/** Like `step`, and asserts it succeeded. */
export async function ok(
  k: Kit,
  by: Client,
  id: string,
  path: string,
  body: Record<string, unknown> = {},
  method: 'POST' | 'PUT' = 'POST',
) {
  const res = await step(k, by, id, path, body, method);
  assert.ok(res.statusCode === 200 || res.statusCode === 201, `${path}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const replyBody = {
  docNumber: '测教函〔2026〕12号',
  body: '您提出的关于加强社区养老服务的建议收悉。现答复如下：\n一、关于统一标准。我局已会同有关部门制定标准。\n感谢您对我们工作的关心和支持。',
  resultClass: 'A',
  contactName: '赵敏',
  contactPhone: '0999-6012345',
};

/** Exactly this error body: status, code and the Chinese message. */
export function expectError(res: LightMyRequestResponse, status: number, code: string, message: string) {
  assert.equal(res.statusCode, status, res.body);
  const e = errorOf(res);
  assert.equal(e.code, code);
  assert.equal(e.message, message);
  return e;
}

export const messages = {
  NOT_FOUND: '未找到该记录，或您无权查看',
  FORBIDDEN: '您没有执行此操作的权限',
  WRONG_STATE: '当前状态下不能执行此操作，请刷新后查看最新状态',
  VERSION_CONFLICT: '该记录已被他人修改，请刷新后再试',
  DEADLINE_PASSED: '已超过办理期限，不能再执行此操作',
  VALIDATION_FAILED: '提交的内容有误，请按提示修改后重试',
} as const;

export async function auditCount(k: Kit): Promise<number> {
  const [r] = await k.t.database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(eq(auditEvents.committeeId, k.c.id));
  return r!.n;
}

/** Runs one write and asserts it left exactly one audit row. */
export async function oneAudit<T>(k: Kit, write: () => Promise<T>): Promise<T> {
  const before = await auditCount(k);
  const out = await write();
  assert.equal(await auditCount(k), before + 1, 'exactly one audit row per write');
  return out;
}
