CREATE TABLE "assignment_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"extended_due_on" date,
	"completed_at" timestamp with time zone,
	CONSTRAINT "assignment_rounds_unique" UNIQUE("assignment_id","round")
);
--> statement-breakpoint
CREATE TABLE "proposal_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"held_on" date NOT NULL,
	"form" text NOT NULL,
	"participants" text NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_consultations_proposal_unique" UNIQUE("proposal_id")
);
--> statement-breakpoint
ALTER TABLE "proposer_feedback" DROP CONSTRAINT "proposer_feedback_unique";--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "round_started_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "proposal_signers" ADD COLUMN "cosign_due_on" date;--> statement-breakpoint
ALTER TABLE "assignment_rounds" ADD CONSTRAINT "assignment_rounds_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_rounds" ADD CONSTRAINT "assignment_rounds_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_consultations" ADD CONSTRAINT "proposal_consultations_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_consultations" ADD CONSTRAINT "proposal_consultations_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_consultations" ADD CONSTRAINT "proposal_consultations_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposer_feedback_member_unique" ON "proposer_feedback" USING btree ("proposal_id","round","member_id") WHERE "proposer_feedback"."member_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "proposer_feedback_collective_unique" ON "proposer_feedback" USING btree ("proposal_id","round") WHERE "proposer_feedback"."member_id" is null;