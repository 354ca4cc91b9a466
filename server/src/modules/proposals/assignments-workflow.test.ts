import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import {
  type AssignmentAction,
  type AssignmentState,
  assignmentStates,
  assignmentTransitions,
} from '@tongxin/common/proposals/workflow.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { Client } from '../../test/http.ts';
import { type AssignmentRow, checkAssignment } from './assignments.policy.ts';
import {
  assign,
  expectError,
  fileProposal,
  type Kit,
  messages,
  ok,
  proposalVersion,
  replyBody,
  startKit,
  step,
} from './assignments.test-kit.ts';
import { pinClock } from './clock.ts';

type Role =
  | 'clerkA'
  | 'leaderA'
  | 'clerkB'
  | 'leaderB'
  | 'staff'
  | 'supervisor'
  | 'chair'
  | 'lead'
  | 'outsider';
const roster: Role[] = [
  'clerkA',
  'leaderA',
  'clerkB',
  'leaderB',
  'staff',
  'supervisor',
  'chair',
  'lead',
  'outsider',
];

interface Task {
  id: string;
  pid: string;
  requestId?: string;
}

interface Spec {
  action: AssignmentAction;
  /** The endpoint, when several actions share one. */
  via?: string;
  allowed: () => Promise<Task>;
  refused: () => Promise<Task>;
  /** Who may act; the first one does. */
  actors: Role[];
  /** Who sees the task (or the proposal, for 重新办理): the others get 404, these 403. */
  sees: Role[];
  call: (by: Client, t: Task) => Promise<LightMyRequestResponse>;
  status?: number;
  /** The ability that shows the button, read from the task (or the proposal). */
  ability?: (by: Client, t: Task) => Promise<boolean>;
}

describe('assignment workflow: every transition allowed and refused, every role', () => {
  let k: Kit;
  before(async () => {
    k = await startKit();
    pinClock('2026-04-20T09:00:00+08:00');
  });
  after(() => k.close());

  const client = (r: Role) => k[r];
  const unitA: Role[] = ['clerkA', 'leaderA', 'staff', 'supervisor', 'chair'];
  const unitB: Role[] = ['clerkB', 'leaderB', 'staff', 'supervisor', 'chair'];

  // Tasks walked to each state through the API.
  const sole = async (): Promise<Task> => {
    const p = await fileProposal(k);
    const [a] = await assign(k, p.id, [{ handlerUnitId: k.units.A, mode: 'sole' }]);
    return { id: a!.id, pid: p.id };
  };
  const then =
    (
      from: () => Promise<Task>,
      by: Role,
      path: string,
      body: Record<string, unknown> = {},
      method: 'POST' | 'PUT' = 'POST',
    ) =>
    async (): Promise<Task> => {
      const t = await from();
      await ok(k, client(by), t.id, path, body, method);
      return t;
    };
  const handling = then(sole, 'clerkA', '/receive');
  const objected = then(sole, 'clerkA', '/object', { reason: '不属于本单位职责' });
  const drafted = then(handling, 'clerkA', '/reply', replyBody, 'PUT');
  const signoff = then(drafted, 'clerkA', '/reply/submit');
  const review = then(signoff, 'leaderA', '/reply/sign-off', { approve: true, comment: '' });
  const sent = then(review, 'supervisor', '/reply/review', { approve: true, comment: '' });
  const dissatisfied = async (): Promise<Task> => {
    const t = await sent();
    const r = await k.lead.post(`/api/proposals/${t.pid}/feedback`, { overall: 'dissatisfied' });
    assert.equal(r.statusCode, 201, r.body);
    return t;
  };
  /** A lead unit A and a co unit B, both received; the co task is the one acted on. */
  const coPair = async (leadSteps: 'none' | 'drafted' | 'submitted') => {
    const p = await fileProposal(k);
    const [lead, co] = await assign(k, p.id, [
      { handlerUnitId: k.units.A, mode: 'lead' },
      { handlerUnitId: k.units.B, mode: 'co' },
    ]);
    await ok(k, k.clerkA, lead!.id, '/receive');
    await ok(k, k.clerkB, co!.id, '/receive');
    if (leadSteps !== 'none') await ok(k, k.clerkA, lead!.id, '/reply', replyBody, 'PUT');
    if (leadSteps === 'submitted') await ok(k, k.clerkA, lead!.id, '/reply/submit');
    return { id: co!.id, pid: p.id };
  };
  const withRequest = (from: () => Promise<Task>) => async (): Promise<Task> => {
    const t = await from();
    const res = await step(k, k.clerkA, t.id, '/extension-requests', {
      reason: '需要调研',
      requestedDueOn: '2026-08-31',
    });
    assert.equal(res.statusCode, 201, res.body);
    return { ...t, requestId: res.json().extensionRequests[0].id };
  };
  const objectedWithRequest = async (): Promise<Task> => {
    const t = await withRequest(handling)();
    await ok(k, k.clerkA, t.id, '/object', { reason: '不属于本单位职责' });
    return t;
  };

  const post =
    (path: string, body: Record<string, unknown> = {}, method: 'POST' | 'PUT' = 'POST') =>
    (by: Client, t: Task) =>
      step(k, by, t.id, path, body, method);
  const taskAbility = (action: AssignmentAction) => async (by: Client, t: Task) =>
    (await by.get(`/api/assignments/${t.id}`)).json().abilities[action] as boolean;

  const specs: Spec[] = [
    {
      action: 'receive',
      allowed: sole,
      refused: handling,
      actors: ['clerkA'],
      sees: unitA,
      call: post('/receive'),
    },
    {
      action: 'object',
      allowed: handling,
      refused: drafted,
      actors: ['clerkA'],
      sees: unitA,
      call: post('/object', { reason: '属于其他部门职责' }),
    },
    {
      action: 'uphold',
      allowed: objected,
      refused: handling,
      actors: ['staff', 'supervisor'],
      sees: unitA,
      call: post('/objection-decision', { decision: 'uphold', comment: '维持' }),
    },
    {
      action: 'reassign',
      allowed: objected,
      refused: handling,
      actors: ['supervisor', 'staff'],
      sees: unitA,
      call: (by, t) =>
        step(k, by, t.id, '/objection-decision', {
          decision: 'reassign',
          newHandlerUnitId: k.units.D,
          comment: '',
        }),
    },
    {
      action: 'send_opinion',
      allowed: () => coPair('none'),
      refused: async () => {
        const t = await coPair('none');
        await ok(k, k.clerkB, t.id, '/co-opinion', { body: '会办意见' });
        return t;
      },
      actors: ['clerkB'],
      sees: unitB,
      call: post('/co-opinion', { body: '建议统筹安排资金。' }),
    },
    {
      action: 'draft_reply',
      allowed: handling,
      refused: sole,
      actors: ['clerkA'],
      sees: unitA,
      call: post('/reply', replyBody, 'PUT'),
    },
    {
      action: 'submit_reply',
      allowed: drafted,
      refused: handling,
      actors: ['clerkA'],
      sees: unitA,
      call: post('/reply/submit'),
    },
    {
      action: 'cosign',
      allowed: () => coPair('submitted'),
      refused: () => coPair('drafted'),
      actors: ['clerkB'],
      sees: unitB,
      call: post('/cosign', { decision: 'agreed', comment: '' }),
    },
    {
      action: 'sign_off',
      allowed: signoff,
      refused: drafted,
      actors: ['leaderA'],
      sees: unitA,
      call: post('/reply/sign-off', { approve: true, comment: '同意' }),
    },
    {
      action: 'return_to_drafter',
      via: '签发退回',
      allowed: signoff,
      refused: drafted,
      actors: ['leaderA'],
      sees: unitA,
      call: post('/reply/sign-off', { approve: false, comment: '请补充数据' }),
    },
    {
      action: 'return_to_drafter',
      via: '督查室退回',
      allowed: review,
      refused: signoff,
      actors: ['supervisor'],
      sees: unitA,
      call: post('/reply/review', { approve: false, comment: '答复未逐条回应' }),
    },
    {
      action: 'approve_reply',
      allowed: review,
      refused: signoff,
      actors: ['supervisor'],
      sees: unitA,
      call: post('/reply/review', { approve: true, comment: '' }),
    },
    {
      action: 'rehandle',
      allowed: dissatisfied,
      refused: handling,
      actors: ['staff'],
      sees: [...unitA, 'lead', 'outsider'],
      call: async (by, t) =>
        by.post(`/api/proposals/${t.pid}/rehandle`, {
          comment: '请重新办理',
          expectedVersion: await proposalVersion(k, t.pid),
        }),
      ability: async (by, t) => (await by.get(`/api/proposals/${t.pid}`)).json().abilities.rehandle,
    },
    {
      action: 'request_extension',
      allowed: handling,
      refused: sent,
      actors: ['clerkA'],
      sees: unitA,
      call: post('/extension-requests', { reason: '需要实地调研', requestedDueOn: '2026-08-31' }),
      status: 201,
    },
    {
      action: 'decide_extension',
      allowed: withRequest(handling),
      refused: objectedWithRequest,
      actors: ['supervisor', 'staff'],
      sees: unitA,
      call: (by, t) =>
        by.post(`/api/extension-requests/${t.requestId}/decision`, { approve: true, comment: '' }),
    },
    {
      action: 'record_contact',
      allowed: handling,
      refused: sole,
      actors: ['clerkA'],
      sees: unitA,
      call: (by, t) =>
        by.post(`/api/assignments/${t.id}/contacts`, {
          stage: 'during',
          method: 'phone',
          contactedOn: '2026-04-20',
          participants: '赵敏',
          notes: '电话沟通办理进展',
        }),
      status: 201,
    },
  ];

  it('covers every action of the table', () => {
    assert.deepEqual(new Set(specs.map((s) => s.action)), new Set(Object.keys(assignmentTransitions)));
  });

  for (const spec of specs) {
    const name = `${spec.action}${spec.via ? `（${spec.via}）` : ''}`;
    it(`${name}: every other role is refused (403 if they see it, else 404), then the right one succeeds`, async () => {
      const t = await spec.allowed();
      // Reading the task: its unit and the overseers; a clerk of another unit or a member gets 404.
      const readers = spec.action === 'rehandle' ? unitA : spec.sees;
      for (const role of roster) {
        const res = await client(role).get(`/api/assignments/${t.id}`);
        if (readers.includes(role)) assert.equal(res.statusCode, 200, `${role} reads the task`);
        else expectError(res, 404, 'NOT_FOUND', messages.NOT_FOUND);
      }
      for (const role of roster.filter((r) => !spec.actors.includes(r))) {
        const res = await spec.call(client(role), t);
        if (spec.sees.includes(role)) expectError(res, 403, 'FORBIDDEN', messages.FORBIDDEN);
        else expectError(res, 404, 'NOT_FOUND', messages.NOT_FOUND);
      }
      const actor = client(spec.actors[0]!);
      const ability = spec.ability ?? taskAbility(spec.action);
      assert.equal(await ability(actor, t), true, 'the button shows');
      const res = await spec.call(actor, t);
      assert.equal(res.statusCode, spec.status ?? 200, res.body);
    });
    it(`${name}: refused in a state the table does not allow (409 WRONG_STATE)`, async () => {
      const t = await spec.refused();
      const actor = client(spec.actors[0]!);
      const ability = spec.ability ?? taskAbility(spec.action);
      assert.equal(await ability(actor, t), false, 'no button');
      expectError(await spec.call(actor, t), 409, 'WRONG_STATE', messages.WRONG_STATE);
    });
  }
});

describe('assignment policy: every state × action from the table', () => {
  const actor = (grants: Actor['grants']): Actor => ({
    userId: 'u',
    committeeId: 'c',
    username: 'u',
    displayName: 'u',
    grants,
    mustChangePassword: false,
    sessionId: 's',
  });
  const row = (state: AssignmentState, mode: AssignmentRow['mode']): AssignmentRow => ({
    id: 'a',
    committeeId: 'c',
    version: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
    proposalId: 'p',
    handlerUnitId: 'unit',
    mode,
    state,
    round: 1,
    roundStartedAt: new Date(),
    assignedByUserId: 'u',
    assignedAt: new Date(),
    receivedAt: null,
    objectionDueOn: '2099-01-01',
    dueOn: '2099-01-01',
    extendedDueOn: null,
    completedAt: null,
    reassignedToId: null,
  });
  const everyone = actor([
    { role: 'handler_clerk', scopeId: 'unit' },
    { role: 'handler_leader', scopeId: 'unit' },
    { role: 'proposal_staff', scopeId: null },
    { role: 'supervision_office', scopeId: 'office' },
  ]);
  const otherUnit = actor([
    { role: 'handler_clerk', scopeId: 'other' },
    { role: 'handler_leader', scopeId: 'other' },
  ]);

  it('allows an action exactly in the states of its row, and never to another unit', () => {
    for (const action of Object.keys(assignmentTransitions) as AssignmentAction[]) {
      const t = assignmentTransitions[action];
      for (const state of assignmentStates) {
        const mode = action === 'send_opinion' || action === 'cosign' ? 'co' : 'lead';
        // 会签 reads the lead unit's state; the co unit itself has received the task.
        const a = row(action === 'cosign' ? 'handling' : state, mode);
        const facts = { today: '2026-01-01', leadState: state, cosigned: false, pendingExtension: false };
        const verdict = checkAssignment(everyone, action, a, facts);
        const inTable = (t.from as readonly string[]).includes(state);
        assert.equal(verdict === 'ok', inTable, `${action} from ${state}: ${verdict}`);
        if (!inTable) assert.equal(verdict, 'wrong_state');
        const units = t.who.some((w) => w === 'unit_clerk' || w === 'unit_leader');
        if (units) assert.equal(checkAssignment(otherUnit, action, a, facts), 'forbidden', action);
      }
    }
  });
});
