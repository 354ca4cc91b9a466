/**
 * How the bench data is written: rows in chunks of 1,000 through `json_to_recordset` (one JSON parameter per
 * statement), and the columns of every table the generator fills, with their SQL types.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/platform/db/connect.ts';
import type { Row } from './proposals-plan.ts';

type Columns = readonly (readonly [string, string])[];

/** Inserts rows in chunks of 1,000, one JSON parameter per statement (`json_to_recordset`). */
export async function insertRows(
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
export const proposalColumns: Columns = [
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
export const signerColumns: Columns = [
  ['committee_id', 'uuid'],
  ['proposal_id', 'uuid'],
  ['member_id', 'uuid'],
  ['role', 'text'],
  ['invited_at', 'timestamptz'],
  ['confirmed_at', 'timestamptz'],
  ['declined_at', 'timestamptz'],
  ['from_proposal_id', 'uuid'],
];
export const reviewColumns: Columns = [
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
export const assignmentColumns: Columns = [
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
export const letterColumns: Columns = [
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
export const cosignColumns: Columns = [
  ['committee_id', 'uuid'],
  ['reply_letter_id', 'uuid'],
  ['assignment_id', 'uuid'],
  ['decision', 'text'],
  ['comment', 'text'],
  ['decided_by_user_id', 'uuid'],
  ['decided_at', 'timestamptz'],
];
export const feedbackColumns: Columns = [
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
export const contactColumns: Columns = [
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
export const extensionColumns: Columns = [
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
export const keyColumns: Columns = [
  ...business,
  ['proposal_id', 'uuid'],
  ['year', 'int'],
  ['selected_by_user_id', 'uuid'],
  ['selected_at', 'timestamptz'],
  ['responsible_committee_id', 'uuid'],
  ['supervision_plan', 'text'],
];
