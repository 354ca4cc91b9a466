-- Tasks that existed before assignments.round_started_at got now() from the column default. Their round
-- started at the assignment (round 1) or at the latest 重新办理 order of their proposal (round 2).
UPDATE "assignments" a SET "round_started_at" = coalesce(
  CASE WHEN a."round" > 1 THEN (
    SELECT max(e."created_at") FROM "audit_events" e
    WHERE e."target_type" = 'proposal' AND e."target_id" = a."proposal_id"::text
      AND e."action" = 'proposal.rehandling_ordered'
  ) END,
  a."assigned_at"
);--> statement-breakpoint
-- Extension requests asked after the task's 重新办理 belong to its later round.
UPDATE "extension_requests" r SET "round" = a."round"
FROM "assignments" a
WHERE a."id" = r."assignment_id" AND a."round" > 1 AND r."requested_at" >= a."round_started_at";
