-- A proposal's index row kept narrow: its segmented words (`tokens`, ~1 kB compressed, read only to rerank
-- similar proposals) go to TOAST beside its word vector, so a page holds ~18 rows instead of ~8 (200,000
-- proposals: table 349 → 156 MB). Searches and the similar proposals' probes read thousands of these rows
-- by their index entries: the probes of a 2,000-character draft went 60 → 45 ms (p50). The title and its
-- vector stay in the row (every title match reads them). Only rows over 2 kB are toasted at all (PostgreSQL's
-- fixed threshold): a proposal's row, not a short reply letter's. Existing rows narrow as they are rewritten
-- (an edit, or the index rebuild).
ALTER TABLE "search_documents" SET (toast_tuple_target = 256);
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "title_tsv" SET STORAGE MAIN;
--> statement-breakpoint
ALTER TABLE "search_documents" ALTER COLUMN "title" SET STORAGE MAIN;
