CREATE TABLE "search_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"proposal_id" uuid NOT NULL,
	"session_id" uuid,
	"handler_unit_id" uuid,
	"published" boolean DEFAULT true NOT NULL,
	"tokens" text NOT NULL,
	"tsv" "tsvector" NOT NULL,
	"title_tsv" "tsvector",
	"title" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "search_documents_target_unique" UNIQUE("target_type","target_id"),
	CONSTRAINT "search_documents_target_type_check" CHECK ("search_documents"."target_type" in ('proposal', 'reply_letter'))
);
--> statement-breakpoint
CREATE TABLE "search_words" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"committee_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"word" text NOT NULL,
	"created_by_user_id" uuid,
	CONSTRAINT "search_words_committee_word_unique" UNIQUE("committee_id","word")
);
--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_session_id_plenary_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."plenary_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_documents" ADD CONSTRAINT "search_documents_handler_unit_id_handler_units_id_fk" FOREIGN KEY ("handler_unit_id") REFERENCES "public"."handler_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_words" ADD CONSTRAINT "search_words_committee_id_committees_id_fk" FOREIGN KEY ("committee_id") REFERENCES "public"."committees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "search_words" ADD CONSTRAINT "search_words_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_documents_tsv_idx" ON "search_documents" USING gin ("tsv");--> statement-breakpoint
CREATE INDEX "search_documents_title_trgm_idx" ON "search_documents" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "search_documents_proposal_idx" ON "search_documents" USING btree ("proposal_id");--> statement-breakpoint
CREATE INDEX "search_documents_committee_session_idx" ON "search_documents" USING btree ("committee_id","session_id");