CREATE TABLE "idempotency_keys" (
	"committee_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"data" jsonb,
	"dedupe_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assignment_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"proposed_unit_id" uuid,
	"raised_by_user_id" uuid NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decision_comment" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"handler_unit_id" uuid NOT NULL,
	"mode" text NOT NULL,
	"state" text DEFAULT 'pending_receipt' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"assigned_by_user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"received_at" timestamp with time zone,
	"objection_due_on" date,
	"due_on" date NOT NULL,
	"extended_due_on" date,
	"completed_at" timestamp with time zone,
	"reassigned_to_id" uuid
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"requested_due_on" date NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" text,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_comment" text
);
--> statement-breakpoint
CREATE TABLE "handling_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"method" text NOT NULL,
	"contacted_on" date NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"rules" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_signers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"role" text NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"dropped_at" timestamp with time zone,
	"from_proposal_id" uuid,
	CONSTRAINT "proposal_signers_unique" UNIQUE("proposal_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"session_id" uuid,
	"intake_no" integer,
	"number" integer,
	"timing" text,
	"proposer_kind" text NOT NULL,
	"lead_member_id" uuid,
	"lead_unit_id" uuid,
	"lead_special_committee_id" uuid,
	"lead_sector_id" uuid,
	"lead_group_name" text,
	"signatory_name" text,
	"seal_attached" boolean DEFAULT false NOT NULL,
	"created_by_user_id" uuid NOT NULL,
	"entered_on_behalf" boolean DEFAULT false NOT NULL,
	"title" text NOT NULL,
	"situation" text DEFAULT '' NOT NULL,
	"analysis" text DEFAULT '' NOT NULL,
	"suggestions" text DEFAULT '' NOT NULL,
	"category" text,
	"sub_category" text,
	"suggested_handler_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"consent_to_publish" boolean DEFAULT true NOT NULL,
	"non_publish_reason" text,
	"is_urgent" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"review_stage" integer,
	"merged_into_id" uuid,
	"not_filed_reason_code" text,
	"not_filed_reason_text" text,
	"converted_to" text,
	"is_key" boolean DEFAULT false NOT NULL,
	"is_excellent" boolean DEFAULT false NOT NULL,
	"close_reason" text,
	"submitted_at" timestamp with time zone,
	"filed_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"feedback_due_on" date,
	CONSTRAINT "proposals_lead_check" CHECK (("proposals"."proposer_kind" in ('member_individual','member_joint') and "proposals"."lead_member_id" is not null)
        or ("proposals"."proposer_kind" not in ('member_individual','member_joint')))
);
--> statement-breakpoint
CREATE TABLE "proposer_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"member_id" uuid,
	"rater_user_id" uuid NOT NULL,
	"overall" text NOT NULL,
	"consulted_before_reply" text,
	"handler_attitude" text,
	"agrees_with_result" boolean,
	"reply_on_point" boolean,
	"visit_happened" boolean,
	"comment" text DEFAULT '' NOT NULL,
	"recorded_by_staff" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposer_feedback_unique" UNIQUE("proposal_id","round","rater_user_id")
);
--> statement-breakpoint
CREATE TABLE "reply_cosigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"reply_letter_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"decided_by_user_id" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reply_cosigns_unique" UNIQUE("reply_letter_id","assignment_id")
);
--> statement-breakpoint
CREATE TABLE "reply_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"result_class" text,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"drafted_by_user_id" uuid NOT NULL,
	"signed_by_user_id" uuid,
	"signed_at" timestamp with time zone,
	"supervision_status" text,
	"supervision_comment" text,
	"sent_at" timestamp with time zone,
	"publish_mode" text DEFAULT 'full' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"stage_index" integer NOT NULL,
	"stage_name" text NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"recommendation" text NOT NULL,
	"reason_code" text,
	"comment" text DEFAULT '' NOT NULL,
	"suggested_handler_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"merge_into_id" uuid,
	"is_decision" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_objections" ADD CONSTRAINT "assignment_objections_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_objections" ADD CONSTRAINT "assignment_objections_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_objections" ADD CONSTRAINT "assignment_objections_proposed_unit_id_handler_units_id_fk" FOREIGN KEY ("proposed_unit_id") REFERENCES "public"."handler_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_objections" ADD CONSTRAINT "assignment_objections_raised_by_user_id_users_id_fk" FOREIGN KEY ("raised_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_objections" ADD CONSTRAINT "assignment_objections_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_handler_unit_id_handler_units_id_fk" FOREIGN KEY ("handler_unit_id") REFERENCES "public"."handler_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_user_id_users_id_fk" FOREIGN KEY ("assigned_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_contacts" ADD CONSTRAINT "handling_contacts_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_contacts" ADD CONSTRAINT "handling_contacts_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handling_contacts" ADD CONSTRAINT "handling_contacts_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_settings" ADD CONSTRAINT "proposal_settings_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD CONSTRAINT "proposal_signers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_session_id_plenary_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."plenary_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_lead_member_id_members_id_fk" FOREIGN KEY ("lead_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_lead_unit_id_participating_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."participating_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_lead_special_committee_id_special_committees_id_fk" FOREIGN KEY ("lead_special_committee_id") REFERENCES "public"."special_committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_lead_sector_id_sectors_id_fk" FOREIGN KEY ("lead_sector_id") REFERENCES "public"."sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposer_feedback" ADD CONSTRAINT "proposer_feedback_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposer_feedback" ADD CONSTRAINT "proposer_feedback_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposer_feedback" ADD CONSTRAINT "proposer_feedback_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposer_feedback" ADD CONSTRAINT "proposer_feedback_rater_user_id_users_id_fk" FOREIGN KEY ("rater_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_cosigns" ADD CONSTRAINT "reply_cosigns_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_cosigns" ADD CONSTRAINT "reply_cosigns_reply_letter_id_reply_letters_id_fk" FOREIGN KEY ("reply_letter_id") REFERENCES "public"."reply_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_cosigns" ADD CONSTRAINT "reply_cosigns_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_cosigns" ADD CONSTRAINT "reply_cosigns_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_letters" ADD CONSTRAINT "reply_letters_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_letters" ADD CONSTRAINT "reply_letters_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_letters" ADD CONSTRAINT "reply_letters_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_letters" ADD CONSTRAINT "reply_letters_drafted_by_user_id_users_id_fk" FOREIGN KEY ("drafted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reply_letters" ADD CONSTRAINT "reply_letters_signed_by_user_id_users_id_fk" FOREIGN KEY ("signed_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_records" ADD CONSTRAINT "review_records_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_records" ADD CONSTRAINT "review_records_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_records" ADD CONSTRAINT "review_records_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_unique" ON "notifications" USING btree ("user_id","dedupe_key") WHERE "notifications"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "assignments_proposal_idx" ON "assignments" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "assignments_unit_state_idx" ON "assignments" USING btree ("handler_unit_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_one_lead_unique" ON "assignments" USING btree ("proposal_id") WHERE "assignments"."mode" in ('lead','sole') and "assignments"."state" <> 'reassigned';--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_unit_once_unique" ON "assignments" USING btree ("proposal_id","handler_unit_id") WHERE "assignments"."state" <> 'reassigned';--> statement-breakpoint
CREATE INDEX "proposal_signers_member_idx" ON "proposal_signers" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_session_number_unique" ON "proposals" USING btree ("session_id","number") WHERE "proposals"."number" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_session_intake_unique" ON "proposals" USING btree ("session_id","intake_no") WHERE "proposals"."intake_no" is not null;--> statement-breakpoint
CREATE INDEX "proposals_committee_state_idx" ON "proposals" USING btree ("committee_id","state");--> statement-breakpoint
CREATE INDEX "proposals_committee_session_idx" ON "proposals" USING btree ("committee_id","session_id","number");--> statement-breakpoint
CREATE INDEX "proposals_lead_member_idx" ON "proposals" USING btree ("lead_member_id");--> statement-breakpoint
CREATE INDEX "proposals_title_trgm_idx" ON "proposals" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "reply_letters_proposal_idx" ON "reply_letters" USING btree ("proposal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reply_letters_assignment_round_unique" ON "reply_letters" USING btree ("assignment_id","round","kind");--> statement-breakpoint
CREATE INDEX "review_records_proposal_idx" ON "review_records" USING btree ("proposal_id");