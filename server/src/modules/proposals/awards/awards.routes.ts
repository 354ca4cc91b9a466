import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  advanceExcellentInput,
  markKeyInput,
  nominateExcellentInput,
  supervisionEventInput,
} from '@tongxin/common/proposals/awards.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextOf } from '../../../platform/http/request-context.ts';
import { iso } from '../../org/resources/present-helpers.ts';
import { members, specialCommittees } from '../../org/schema.ts';
import { visibleProposals } from '../proposals.policy.ts';
import { presentProposals } from '../proposals.presenter.ts';
import { excellentAwards, keyProposals, proposals, supervisionEvents } from '../schema.ts';
import { advanceExcellent, nominateExcellent } from './excellent-awards.ts';
import { markKeyProposal } from './mark-key-proposal.ts';
import { recordSupervisionEvent } from './record-supervision-event.ts';

const tags = ['重点与优秀提案 key & excellent'];
const idParams = z.object({ id: z.uuid('编号格式不正确') }).strict();
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

export const awardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/proposals/:id/key',
    { schema: { tags, summary: '列为重点提案', params: idParams, body: markKeyInput } },
    async (request, reply) => {
      await markKeyProposal(contextOf(request), request.params.id, request.body);
      return reply.code(201).send({ ok: true });
    },
  );
  app.post(
    '/key-proposals/:id/events',
    { schema: { tags, summary: '记录督办活动', params: idParams, body: supervisionEventInput } },
    async (request, reply) => {
      await recordSupervisionEvent(contextOf(request), request.params.id, request.body);
      return reply.code(201).send({ ok: true });
    },
  );
  app.get(
    '/key-proposals',
    { schema: { tags, summary: '重点提案与督办', querystring: yearQuery } },
    async (request) => {
      const { actor } = contextOf(request);
      const rows = await app.db
        .select({ key: keyProposals, proposal: proposals })
        .from(keyProposals)
        .innerJoin(proposals, eq(proposals.id, keyProposals.proposalId))
        .where(
          and(
            visibleProposals(actor),
            request.query.year ? eq(keyProposals.year, request.query.year) : undefined,
          ),
        )
        .orderBy(desc(keyProposals.selectedAt));
      const keyIds = rows.map((r) => r.key.id);
      const [events, views, leaders, committees] = await Promise.all([
        keyIds.length
          ? app.db
              .select()
              .from(supervisionEvents)
              .where(inArray(supervisionEvents.keyProposalId, keyIds))
              .orderBy(asc(supervisionEvents.heldOn))
          : [],
        presentProposals(
          app.db,
          actor,
          rows.map((r) => r.proposal),
        ),
        app.db
          .select({ id: members.id, name: members.name })
          .from(members)
          .where(eq(members.committeeId, actor.committeeId)),
        app.db
          .select({ id: specialCommittees.id, name: specialCommittees.name })
          .from(specialCommittees)
          .where(eq(specialCommittees.committeeId, actor.committeeId)),
      ]);
      return {
        items: rows.map((r, i) => ({
          id: r.key.id,
          year: r.key.year,
          proposal: views[i],
          supervisingLeader: leaders.find((m) => m.id === r.key.supervisingLeaderId)?.name ?? null,
          responsibleCommittee: committees.find((c) => c.id === r.key.responsibleCommitteeId)?.name ?? null,
          leadingOfficial: r.key.leadingOfficial,
          linkedTopic: r.key.linkedTopic,
          supervisionPlan: r.key.supervisionPlan,
          events: events
            .filter((e) => e.keyProposalId === r.key.id)
            .map((e) => ({ ...e, createdAt: iso(e.createdAt) })),
        })),
      };
    },
  );

  app.post(
    '/excellent-awards',
    { schema: { tags, summary: '推荐优秀提案', body: nominateExcellentInput } },
    async (request, reply) => {
      const id = await nominateExcellent(contextOf(request), request.body);
      return reply.code(201).send({ id });
    },
  );
  app.post(
    '/excellent-awards/:id/advance',
    { schema: { tags, summary: '优秀提案评审', params: idParams, body: advanceExcellentInput } },
    async (request) => {
      await advanceExcellent(contextOf(request), request.params.id, request.body);
      return { ok: true };
    },
  );
  app.get(
    '/excellent-awards',
    { schema: { tags, summary: '优秀提案评选', querystring: yearQuery } },
    async (request) => {
      const { actor } = contextOf(request);
      const rows = await app.db
        .select({ award: excellentAwards, proposal: proposals })
        .from(excellentAwards)
        .innerJoin(proposals, eq(proposals.id, excellentAwards.proposalId))
        .where(
          and(
            visibleProposals(actor),
            request.query.year ? eq(excellentAwards.year, request.query.year) : undefined,
          ),
        )
        .orderBy(desc(excellentAwards.createdAt));
      const views = await presentProposals(
        app.db,
        actor,
        rows.map((r) => r.proposal),
      );
      return {
        items: rows.map((r, i) => ({
          ...r.award,
          createdAt: iso(r.award.createdAt),
          updatedAt: iso(r.award.updatedAt),
          proposal: views[i],
        })),
      };
    },
  );
};
