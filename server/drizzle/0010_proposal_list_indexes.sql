DROP INDEX "proposals_committee_updated_idx";--> statement-breakpoint
CREATE INDEX "proposals_committee_session_state_idx" ON "proposals" USING btree ("committee_id","session_id","state","category","created_by_user_id");--> statement-breakpoint
CREATE INDEX "proposals_committee_updated_idx" ON "proposals" USING btree ("committee_id","updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);