-- Existing index rows take their proposal's creation time and state before the columns become NOT NULL.
ALTER TABLE "search_documents" ADD COLUMN "proposal_created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "search_documents" ADD COLUMN "proposal_state" text;--> statement-breakpoint
UPDATE "search_documents" SET "proposal_created_at" = "proposals"."created_at", "proposal_state" = "proposals"."state" FROM "proposals" WHERE "proposals"."id" = "search_documents"."proposal_id";--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "proposal_created_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "proposal_state" SET NOT NULL;--> statement-breakpoint
-- The index rows follow their proposal's state. A trigger, unlike the text (which needs the app's jieba):
-- a plain copy, and the many commands that change a state cannot forget it.
CREATE FUNCTION "search_documents_follow_state"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "search_documents" SET "proposal_state" = NEW."state" WHERE "proposal_id" = NEW."id";
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "proposals_state_to_search_documents" AFTER UPDATE OF "state" ON "proposals"
  FOR EACH ROW WHEN (OLD."state" IS DISTINCT FROM NEW."state") EXECUTE FUNCTION "search_documents_follow_state"();--> statement-breakpoint
CREATE INDEX "search_documents_title_tsv_idx" ON "search_documents" USING gin ("title_tsv");--> statement-breakpoint
CREATE INDEX "search_documents_recent_idx" ON "search_documents" USING btree ("committee_id","proposal_created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "search_documents_record_recent_idx" ON "search_documents" USING btree ("committee_id","proposal_created_at" DESC NULLS LAST) WHERE proposal_state in ('filed', 'assigned', 'handling', 'evaluating', 'rehandling', 'closed');--> statement-breakpoint
CREATE INDEX "proposals_created_by_idx" ON "proposals" USING btree ("created_by_user_id");--> statement-breakpoint
CREATE INDEX "proposals_lead_unit_idx" ON "proposals" USING btree ("lead_unit_id");
