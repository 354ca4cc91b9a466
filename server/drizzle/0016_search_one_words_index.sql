-- The units + words index (0015) serves a query of words alone as well as this one did (a GIN index reads
-- the same entries for any subset of its columns), and the planner already chose it: two GIN indexes of
-- every text doubled the cost of writing the index (index build +33 % on 200,000 proposals).
DROP INDEX "search_documents_tsv_idx";
