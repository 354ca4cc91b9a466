/**
 * The audit trail of the bench data: one row per transition, as the commands would have written it.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/src/platform/db/connect.ts';
import type { UnitPeople } from './proposals-plan.ts';

const ip = '127.0.0.1';
const requestId = 'bench-seed';

export interface AuditContext {
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
export async function writeAudit(db: Db, c: AuditContext): Promise<number> {
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
