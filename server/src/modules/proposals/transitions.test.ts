import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { type ProposalState, proposalStates } from '@tongxin/common/proposals/enums.ts';
import { type ProposalAction, proposalTransitions } from '@tongxin/common/proposals/workflow.ts';
import { createTestCommittee, createTestUser, type TestCommittee } from '../../test/factories.ts';
import { type Client, errorOf, signInAs, startTestApp, type TestApp } from '../../test/http.ts';
import { proposalSigners, proposals } from './schema.ts';

type Who = 'lead' | 'cosigner' | 'staff';
/** How each user-facing action of the proposal table is called through the API. */
const calls: Partial<
  Record<
    ProposalAction,
    { who: Who; send: (api: Client, id: string, v: number, c: TestCommittee) => ReturnType<Client['post']> }
  >
> = {
  edit: {
    who: 'lead',
    send: (api, id, v) => api.patch(`/api/proposals/${id}`, { analysis: '补充', expectedVersion: v }),
  },
  invite_cosigners: {
    who: 'lead',
    send: (api, id, _v, c) => api.post(`/api/proposals/${id}/cosigners`, { memberIds: [c.memberIds[3]] }),
  },
  accept_cosign: {
    who: 'cosigner',
    send: (api, id) => api.post(`/api/proposals/${id}/cosign`, { accept: true }),
  },
  decline_cosign: {
    who: 'cosigner',
    send: (api, id) => api.post(`/api/proposals/${id}/cosign`, { accept: false }),
  },
  submit: {
    who: 'lead',
    send: (api, id, v) => api.post(`/api/proposals/${id}/submit`, { expectedVersion: v }),
  },
  withdraw: {
    who: 'lead',
    send: (api, id, v) => api.post(`/api/proposals/${id}/withdraw`, { expectedVersion: v }),
  },
  recommend: {
    who: 'staff',
    send: (api, id, v) =>
      api.post(`/api/proposals/${id}/review`, { recommendation: 'file', expectedVersion: v }),
  },
  return_for_revision: {
    who: 'staff',
    send: (api, id, v) =>
      api.post(`/api/proposals/${id}/review`, {
        recommendation: 'return_for_revision',
        comment: '请修改',
        expectedVersion: v,
      }),
  },
  convert: {
    who: 'staff',
    send: (api, id, v) => api.post(`/api/proposals/${id}/convert`, { target: 'letter', expectedVersion: v }),
  },
  assign: {
    who: 'staff',
    send: (api, id, v, c) =>
      api.post(`/api/proposals/${id}/assignments`, {
        units: [{ handlerUnitId: c.handlerUnitIds[0], mode: 'sole' }],
        expectedVersion: v,
      }),
  },
  rate: {
    who: 'lead',
    send: (api, id) => api.post(`/api/proposals/${id}/feedback`, { overall: 'satisfied' }),
  },
  rehandle: {
    who: 'staff',
    send: (api, id, v) =>
      api.post(`/api/proposals/${id}/rehandle`, { comment: '重新办理', expectedVersion: v }),
  },
  close: {
    who: 'staff',
    send: (api, id, v) =>
      api.post(`/api/proposals/${id}/close`, {
        reason: 'consulted',
        heldOn: '2026-01-05',
        form: 'meeting',
        participants: '提案人、承办单位',
        outcome: '已协商',
        expectedVersion: v,
      }),
  },
};

/** States a proposal can be seen in by each caller (staff never see unsubmitted drafts). */
const hiddenFrom: Record<Who, ProposalState[]> = { lead: [], cosigner: [], staff: ['draft', 'cosigning'] };

/**
 * Every user-facing action of the proposal transition table, tried in every state its row does not list:
 * the server refuses with 409 WRONG_STATE (or 404 where the caller cannot see the proposal at all) and the
 * proposal is unchanged. The allowed paths are walked in proposals.test.ts and the assignment tests.
 */
describe('the proposal transition table is enforced in every state', () => {
  let t: TestApp;
  let c: TestCommittee;
  let clients: Record<Who, Client>;
  let id: string;
  before(async () => {
    t = await startTestApp();
    c = await createTestCommittee(t.database.db);
    const db = t.database.db;
    clients = {
      lead: await signInAs(
        t.app,
        await createTestUser(db, c, [{ role: 'member', scopeId: c.memberIds[0]! }]),
      ),
      cosigner: await signInAs(
        t.app,
        await createTestUser(db, c, [{ role: 'member', scopeId: c.memberIds[1]! }]),
      ),
      staff: await signInAs(t.app, await createTestUser(db, c, ['proposal_staff'])),
    };
    const created = await clients.lead.post('/api/proposals', {
      proposerKind: 'member_joint',
      title: '关于状态表测试的建议',
      situation: '情况',
      analysis: '分析',
      suggestions: '建议',
      category: 'economy',
      cosignerIds: [c.memberIds[1]],
    });
    assert.equal(created.statusCode, 201, created.body);
    id = created.json().id;
  });
  after(() => t.close());

  for (const [action, call] of Object.entries(calls) as [
    ProposalAction,
    NonNullable<(typeof calls)[ProposalAction]>,
  ][]) {
    const allowed = proposalTransitions[action].from as readonly ProposalState[];
    const refused = proposalStates.filter((s) => !allowed.includes(s));
    it(`${action}: refused in ${refused.join(', ')}`, async () => {
      for (const state of refused) {
        // The co-signer's invitation stays open, so only the state decides.
        await t.database.db
          .update(proposalSigners)
          .set({ confirmedAt: null, declinedAt: null })
          .where(eq(proposalSigners.memberId, c.memberIds[1]!));
        const [row] = await t.database.db
          .update(proposals)
          .set({ state })
          .where(eq(proposals.id, id))
          .returning();
        const res = await call.send(clients[call.who], id, row!.version, c);
        const expected = hiddenFrom[call.who].includes(state) ? 404 : 409;
        assert.equal(res.statusCode, expected, `${action} in ${state}: ${res.body.slice(0, 200)}`);
        if (expected === 409) assert.equal(errorOf(res).code, 'WRONG_STATE', `${action} in ${state}`);
        const [after] = await t.database.db.select().from(proposals).where(eq(proposals.id, id));
        assert.equal(after!.state, state, `${action} in ${state} changed the state`);
        assert.equal(after!.version, row!.version, `${action} in ${state} changed the row`);
      }
    });
  }
});
