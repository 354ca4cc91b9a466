ALTER TABLE "search_documents" ADD COLUMN "proposal_unit_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
-- The handler units of a proposal: its live tasks' units (a task moved to another unit is 'reassigned').
CREATE FUNCTION "live_unit_ids_of"(p uuid) RETURNS uuid[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(DISTINCT "handler_unit_id" ORDER BY "handler_unit_id"), '{}'::uuid[])
  FROM "assignments" WHERE "proposal_id" = p AND "state" <> 'reassigned'
$$;--> statement-breakpoint
UPDATE "search_documents" SET "proposal_unit_ids" = "live_unit_ids_of"("proposal_id");--> statement-breakpoint
-- Index rows carry their proposal's units, copied like the state (migration 0013): a new row takes them
-- when it is inserted (the app's index writer need not know), and every task written updates them.
CREATE FUNCTION "search_documents_take_units"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."proposal_unit_ids" := "live_unit_ids_of"(NEW."proposal_id");
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "search_documents_units_on_insert" BEFORE INSERT ON "search_documents"
  FOR EACH ROW EXECUTE FUNCTION "search_documents_take_units"();--> statement-breakpoint
CREATE FUNCTION "search_documents_follow_units"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p uuid;
  units uuid[];
BEGIN
  FOR p IN SELECT DISTINCT x FROM unnest(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN OLD."proposal_id" END,
    CASE WHEN TG_OP <> 'DELETE' THEN NEW."proposal_id" END]) AS x WHERE x IS NOT NULL
  LOOP
    units := "live_unit_ids_of"(p);
    UPDATE "search_documents" SET "proposal_unit_ids" = units
      WHERE "proposal_id" = p AND "proposal_unit_ids" IS DISTINCT FROM units;
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "assignments_units_to_search_documents" AFTER INSERT OR DELETE OR UPDATE OF "handler_unit_id", "state", "proposal_id" ON "assignments"
  FOR EACH ROW EXECUTE FUNCTION "search_documents_follow_units"();--> statement-breakpoint
-- Units and words in one GIN index: a unit's matches of a common word are found by skipping through the
-- word's entries to the unit's, instead of collecting every match of the word and ANDing two bitmaps.
CREATE INDEX "search_documents_units_tsv_idx" ON "search_documents" USING gin ("proposal_unit_ids","tsv");
