-- The proposals' own words, for the similar proposals' probes (`title_tsv is not null` = a proposal's row):
-- through the index of every row, ~45 % of a probe's matches were reply letters, each read from the table
-- only to be dropped.
CREATE INDEX "search_documents_proposal_words_idx" ON "search_documents" USING gin ("tsv") WHERE "search_documents"."title_tsv" is not null;
